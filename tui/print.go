package tui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
	"aect/wizard/document"
)

// printer is a way to send a document to this computer's default printer, offline.
//
// On Linux and macOS the print system is CUPS: lp prints a PDF, made from the ODT by
// LibreOffice when it is installed (the document as the council will read it), else the
// plain text. On Windows the application registered for .docx files (Word, or LibreOffice)
// prints it through the "Print" verb, asked for with PowerShell.
type printer struct {
	// name is shown to the user: "lp", "Word (ou l'application qui ouvre les .docx)".
	name string
	// format is the format exported for it.
	format document.Format
	// office, when set, is the LibreOffice program that turns the ODT into a PDF first.
	office string
	// args is the command line that prints a file.
	args func(file string) []string
}

// printDoneMsg reports a print request.
type printDoneMsg struct {
	via     string // the printing program
	printer string // the default printer's name, when the system tells it
	path    string // the file sent
	err     error
}

// printTimeout bounds each program run to print: LibreOffice converting the document, lp
// copying it to the spool.
const printTimeout = 2 * time.Minute

// findPrinter returns the way to print available here, if any. lookPath finds a program
// on the PATH and exists tells whether a file exists (both swapped by the tests).
func findPrinter(goos string, lookPath func(string) (string, error), exists func(string) bool) (printer, bool) {
	if goos == "windows" {
		ps, err := lookPath("powershell")
		if err != nil {
			return printer{}, false
		}
		return printer{name: "Word (ou l'application qui ouvre les .docx)", format: document.DOCX, args: func(f string) []string {
			quoted := "'" + strings.ReplaceAll(f, "'", "''") + "'"
			return []string{ps, "-NoProfile", "-NonInteractive", "-Command", "Start-Process -FilePath " + quoted + " -Verb Print"}
		}}, true
	}
	var lp string
	for _, name := range []string{"lp", "lpr"} {
		if p, err := lookPath(name); err == nil {
			lp = p
			break
		}
	}
	if lp == "" {
		return printer{}, false
	}
	pr := printer{name: filepath.Base(lp), format: document.Text, args: func(f string) []string { return []string{lp, f} }}
	office := []string{}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := lookPath(name); err == nil {
			office = append(office, p)
		}
	}
	if goos == "darwin" {
		office = append(office, "/Applications/LibreOffice.app/Contents/MacOS/soffice")
	}
	for _, p := range office {
		if exists(p) {
			pr.office, pr.format = p, document.ODT
			break
		}
	}
	return pr, true
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// errNoPrinter is the message when nothing here can print.
var errNoPrinter = errors.New("aucun service d'impression trouvé sur cet ordinateur : " +
	"exportez le document (x), ouvrez-le avec votre traitement de texte et imprimez-le depuis celui-ci")

// errNoDefaultPrinter is the message when the print system has no default printer.
var errNoDefaultPrinter = errors.New("aucune imprimante par défaut n'est configurée sur cet ordinateur : " +
	"choisissez-en une dans les réglages du système, ou exportez le document (x) et imprimez-le depuis votre traitement de texte")

// defaultPrinter asks CUPS (Linux, macOS) for the default printer's name. Windows always
// has one, and tells nothing here: "", nil.
func defaultPrinter(ctx context.Context, goos string) (string, error) {
	if goos == "windows" {
		return "", nil
	}
	lpstat, err := exec.LookPath("lpstat")
	if err != nil {
		return "", errNoDefaultPrinter
	}
	cmd := exec.CommandContext(ctx, lpstat, "-d")
	cmd.Env = append(os.Environ(), "LC_ALL=C") // "system default destination: NAME"
	out, _ := cmd.Output()
	_, name, ok := strings.Cut(string(out), "system default destination:")
	if name = strings.TrimSpace(name); !ok || name == "" {
		return "", errNoDefaultPrinter
	}
	return name, nil
}

// runTool runs a program; when it fails, the error quotes the first line it wrote.
func runTool(ctx context.Context, what string, args []string) error {
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		said, _, _ := strings.Cut(strings.TrimSpace(out.String()), "\n")
		if said == "" {
			said = err.Error()
		}
		return fmt.Errorf("%s a échoué (« %s »)", what, said)
	}
	return nil
}

// printCmd checks that this computer can print and has a default printer, writes the
// documents of a plan to a folder of the system's temporary directory in the format the
// printer takes, then sends document kind to the default printer; it runs as a tea.Cmd.
func printCmd(p *wizard.Plan, kind document.Kind, today wizard.Date) tea.Cmd {
	return func() tea.Msg {
		pr, ok := findPrinter(runtime.GOOS, exec.LookPath, fileExists)
		if !ok {
			return printDoneMsg{err: errNoPrinter}
		}
		ctx, cancel := context.WithTimeout(context.Background(), printTimeout)
		defer cancel()
		name, err := defaultPrinter(ctx, runtime.GOOS)
		if err != nil {
			return printDoneMsg{via: pr.name, err: err}
		}
		paths, err := document.Export(p, filepath.Join(os.TempDir(), "aect-impression"), []document.Format{pr.format}, document.Options{Today: today})
		if err != nil {
			return printDoneMsg{via: pr.name, err: err}
		}
		var file string
		for i, k := range document.Kinds(p) {
			if k == kind && i < len(paths) {
				file = paths[i]
			}
		}
		if file == "" {
			return printDoneMsg{via: pr.name, err: fmt.Errorf("document « %s » introuvable", kind.Title())}
		}
		if pr.office != "" {
			args := []string{pr.office, "--headless", "--convert-to", "pdf", "--outdir", filepath.Dir(file), file}
			if err := runTool(ctx, "la conversion en PDF par LibreOffice", args); err != nil {
				return printDoneMsg{via: pr.name, path: file, err: fmt.Errorf("%w ; le fichier reste à imprimer à la main : %s", err, file)}
			}
			file = strings.TrimSuffix(file, filepath.Ext(file)) + ".pdf"
		}
		if err := runTool(ctx, "l'impression par "+pr.name, pr.args(file)); err != nil {
			return printDoneMsg{via: pr.name, path: file, err: fmt.Errorf("%w ; le fichier reste à imprimer à la main : %s", err, file)}
		}
		return printDoneMsg{via: pr.name, printer: name, path: file}
	}
}
