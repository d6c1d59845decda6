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
	// name is shown to the user: "lp", "Word (ou l'application associée aux .docx)".
	name string
	// format is the format written for it.
	format document.Format
	// office, when set, is the LibreOffice program that turns the ODT into a PDF first.
	office string
	// handOver: the file is handed to an application that prints it later (Windows), so
	// it must outlive the print request; lp copies it to the spool at once.
	handOver bool
	// command is the command line that prints file, and its extra environment.
	command func(file string) (args, env []string)
}

// printDoneMsg reports a print request.
type printDoneMsg struct {
	doc      string // the document's title
	via      printer
	printer  string // the default printer's name, when the system tells it
	err      error
	textOnly bool // printed as plain text (no LibreOffice to lay it out)
}

// toolTimeout bounds each program run to print: LibreOffice converting the document
// (a few seconds, more the first time), lp copying it to the spool.
const toolTimeout = 2 * time.Minute

// findPrinter returns the way to print available here, if any. lookPath finds a program
// on the PATH and exists tells whether a file exists (both swapped by the tests).
func findPrinter(goos string, lookPath func(string) (string, error), exists func(string) bool) (printer, bool) {
	if goos == "windows" {
		ps, err := lookPath("powershell")
		if err != nil {
			return printer{}, false
		}
		// The path goes through the environment, never through PowerShell's parser.
		return printer{name: "Word (ou l'application associée aux .docx)", format: document.DOCX, handOver: true,
			command: func(f string) ([]string, []string) {
				return []string{ps, "-NoProfile", "-NonInteractive", "-Command", "Start-Process -FilePath $env:AECT_PRINT_FILE -Verb Print"},
					[]string{"AECT_PRINT_FILE=" + f}
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
	pr := printer{name: filepath.Base(lp), format: document.Text,
		command: func(f string) ([]string, []string) { return []string{lp, f}, nil }}
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

// printElsewhere is the way round every printing problem.
const printElsewhere = "exportez le document (x) et imprimez-le depuis votre traitement de texte"

// The reasons a document cannot be printed from here.
var (
	errNoPrinter        = errors.New("aucun service d'impression trouvé sur cet ordinateur : " + printElsewhere)
	errNoPrintService   = errors.New("le service d'impression (CUPS) ne répond pas : " + printElsewhere)
	errNoDefaultPrinter = errors.New("aucune imprimante par défaut n'est choisie sur cet ordinateur : " +
		"choisissez-en une dans les réglages du système, ou " + printElsewhere)
)

// defaultPrinter asks CUPS (Linux, macOS) for the default printer's name. On Windows the
// application that prints chooses: "", nil.
func defaultPrinter(goos string) (string, error) {
	if goos == "windows" {
		return "", nil
	}
	lpstat, err := exec.LookPath("lpstat")
	if err != nil {
		return "", errNoPrintService
	}
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, lpstat, "-r", "-d")
	// "scheduler is running" then "system default destination: NAME".
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	cmd.WaitDelay = time.Second
	out, err := cmd.Output()
	text := string(out)
	_, name, ok := strings.Cut(text, "system default destination:")
	name, _, _ = strings.Cut(strings.TrimSpace(name), "\n")
	switch {
	case err != nil || strings.Contains(text, "scheduler is not running"):
		return "", errNoPrintService
	case ok && name != "":
		return name, nil
	}
	return "", errNoDefaultPrinter
}

// runTool runs a program for at most toolTimeout; when it fails, the error quotes the
// first line it wrote.
func runTool(what string, args, env []string) error {
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	// LibreOffice leaves a child holding the output open: once the program is killed,
	// stop waiting for the pipes too.
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		said, _, _ := strings.Cut(strings.TrimSpace(out.String()), "\n")
		if ctx.Err() != nil {
			said = "aucune réponse en " + toolTimeout.String()
		} else if said == "" {
			said = err.Error()
		}
		return fmt.Errorf("%s a échoué (« %s »)", what, said)
	}
	return nil
}

// printCmd sends document kind of a plan to the default printer, in a tea.Cmd: it checks
// that this computer can print, writes the document in a private temporary folder in the
// format the printer takes, has LibreOffice make a PDF of it when it can, then prints.
func printCmd(p *wizard.Plan, kind document.Kind, today wizard.Date) tea.Cmd {
	return func() tea.Msg {
		done := printDoneMsg{doc: kind.Title()}
		pr, ok := findPrinter(runtime.GOOS, exec.LookPath, fileExists)
		if !ok {
			done.err = errNoPrinter
			return done
		}
		done.via = pr
		if done.printer, done.err = defaultPrinter(runtime.GOOS); done.err != nil {
			return done
		}
		done.err = printFile(p, kind, today, pr)
		done.textOnly = pr.format == document.Text
		return done
	}
}

// printFile writes the document and runs the printer on it.
func printFile(p *wizard.Plan, kind document.Kind, today wizard.Date, pr printer) error {
	dir, err := os.MkdirTemp("", "aect-impression-*")
	if err != nil {
		return fmt.Errorf("impossible de préparer le document à imprimer dans le dossier temporaire : %w", err)
	}
	if !pr.handOver {
		defer os.RemoveAll(dir)
	}
	var buf bytes.Buffer
	if err := document.Render(&buf, document.Build(p, kind, document.Options{Today: today}), pr.format); err != nil {
		return err
	}
	file := filepath.Join(dir, document.FileName(kind, pr.format))
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("impossible de préparer le document à imprimer dans le dossier temporaire : %w", err)
	}
	const fallback = " ; " + printElsewhere
	if pr.office != "" {
		// A profile of its own (Linux, macOS: absolute paths): a LibreOffice already
		// open would otherwise take the request and convert nothing.
		profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profil"))
		args := []string{pr.office, "-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file}
		if err := runTool("la mise en page par LibreOffice", args, nil); err != nil {
			return fmt.Errorf("%w%s", err, fallback)
		}
		file = strings.TrimSuffix(file, filepath.Ext(file)) + ".pdf"
		if !fileExists(file) {
			return errors.New("LibreOffice n'a pas produit la version PDF du document" + fallback)
		}
	}
	args, env := pr.command(file)
	if err := runTool("l'impression par "+pr.name, args, env); err != nil {
		return fmt.Errorf("%w%s", err, fallback)
	}
	return nil
}

// printResult is the line the Documents screen shows for a print request.
func printResult(m printDoneMsg) string {
	const noPaper = " Si rien ne sort, " + printElsewhere + "."
	switch {
	case m.err != nil:
		return "✗ Impression de « " + m.doc + " » : " + m.err.Error() + "."
	case m.via.handOver:
		return "✓ Document « " + m.doc + " » transmis pour impression à " + m.via.name + "." + noPaper
	}
	s := "✓ Document « " + m.doc + " » envoyé à l'imprimante « " + m.printer + " »"
	if m.textOnly {
		s += " en texte brut (installez LibreOffice pour l'imprimer mis en page)"
	}
	return s + "." + noPaper
}
