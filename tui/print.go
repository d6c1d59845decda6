package tui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/document/render"
)

// printer is a way to send a document to this computer's default printer, offline.
//
// What is printed is aect's own PDF: the document as the council will read it, laid out
// like the ODT, made in a few milliseconds without LibreOffice. On Linux and macOS the
// print system is CUPS: lp (or lpr) sends the PDF to the default printer. On Windows the
// application registered to print PDF files (Acrobat Reader, SumatraPDF, Foxit…) prints
// it through the "Print" verb, asked for with PowerShell; where no application prints
// PDF files, the one that prints .docx files (Word) prints the DOCX; where neither does,
// LibreOffice, when installed, prints the ODT.
type printer struct {
	// name is the program that prints: "lp", "lpr", "PowerShell", "LibreOffice".
	name string
	// program is the path of lp or lpr, or of PowerShell on Windows.
	program string
	// office, on Windows, is LibreOffice: the last resort when no application prints PDF
	// or .docx files.
	office string
	// handOver: the file is handed to an application that prints it later (Windows), so
	// it must outlive the print request; lp copies it to the spool at once.
	handOver bool
}

// printDoneMsg reports a print request.
type printDoneMsg struct {
	doc string // the document's title
	// via names who prints, for the message: "lp", "l'application associée aux PDF".
	via      string
	handOver bool
	printer  string // the default printer's name, when the system tells it
	err      error
}

// toolTimeout bounds each program run to print: lp copying the file to the spool,
// PowerShell handing it over, LibreOffice loading it (more the first time).
const toolTimeout = 2 * time.Minute

// windowsPrint is the PowerShell script that prints on Windows: the PDF by the
// application registered to print PDF files, else the DOCX by the one registered for
// .docx files; it says which extension it printed, or exits with code 3 when no
// application prints either. The paths come through the environment, never through
// PowerShell's parser.
const windowsPrint = "foreach ($f in @($env:AECT_PRINT_FILE, $env:AECT_PRINT_DOCX)) { " +
	"if ($f -and ((New-Object System.Diagnostics.ProcessStartInfo $f).Verbs -contains 'Print')) { " +
	"Start-Process -FilePath $f -Verb Print; [IO.Path]::GetExtension($f); exit 0 } }; exit 3"

// noPrintApp is the exit code of windowsPrint when no application prints.
const noPrintApp = 3

// findPrinter returns the way to print available here, if any. lookPath finds a program
// on the PATH, exists tells whether a file exists and getenv reads the environment (all
// swapped by the tests).
func findPrinter(goos string, lookPath func(string) (string, error), exists func(string) bool, getenv func(string) string) (printer, bool) {
	if goos == "windows" {
		pr := printer{name: "PowerShell", handOver: true}
		if ps, err := lookPath("powershell"); err == nil {
			pr.program = ps
		}
		office := []string{}
		if p, err := lookPath("soffice"); err == nil {
			office = append(office, p)
		}
		for _, dir := range []string{getenv("ProgramFiles"), getenv("ProgramFiles(x86)")} {
			if dir != "" {
				office = append(office, filepath.Join(dir, "LibreOffice", "program", "soffice.exe"))
			}
		}
		for _, p := range office {
			if exists(p) {
				pr.office = p
				break
			}
		}
		if pr.program == "" && pr.office == "" {
			return printer{}, false
		}
		if pr.program == "" {
			pr.name = "LibreOffice"
		}
		return pr, true
	}
	for _, name := range []string{"lp", "lpr"} {
		if p, err := lookPath(name); err == nil {
			return printer{name: name, program: p}, true
		}
	}
	return printer{}, false
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// printElsewhere is the way round every printing problem.
const printElsewhere = "exportez le document (x) en PDF et imprimez-le depuis votre lecteur de PDF ou votre traitement de texte"

// The reasons a document cannot be printed from here.
var (
	errNoPrinter        = errors.New("aucun service d'impression trouvé sur cet ordinateur : " + printElsewhere)
	errNoPrintService   = errors.New("le service d'impression (CUPS) ne répond pas : " + printElsewhere)
	errNoDefaultPrinter = errors.New("aucune imprimante par défaut n'est choisie sur cet ordinateur : " +
		"choisissez-en une dans les réglages du système, ou " + printElsewhere)
	errNoPrintApp = errors.New("aucune application de cet ordinateur n'imprime les PDF ni les documents Word, " +
		"et LibreOffice n'est pas installé : " + printElsewhere)
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

// toolError is a program that failed: its French message quotes the first line the
// program wrote; code is its exit code (-1 when it did not exit by itself).
type toolError struct {
	msg  string
	code int
}

func (e *toolError) Error() string { return e.msg }

// runTool runs a program for at most toolTimeout and returns what it wrote.
func runTool(what string, args, env []string) (string, error) {
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
		code := -1
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		}
		if ctx.Err() != nil {
			said, code = "aucune réponse en "+toolTimeout.String(), -1
		} else if said == "" {
			said = err.Error()
		}
		return out.String(), &toolError{fmt.Sprintf("%s a échoué (« %s »)", what, said), code}
	}
	return out.String(), nil
}

// printCmd sends document kind of a plan to the default printer, in a tea.Cmd: it checks
// that this computer can print, writes the document in a private temporary folder, then
// prints it.
func printCmd(p *wizard.Plan, kind document.Kind, opt document.Options) tea.Cmd {
	return func() tea.Msg {
		done := printDoneMsg{doc: kind.Title()}
		pr, ok := findPrinter(runtime.GOOS, exec.LookPath, fileExists, os.Getenv)
		if !ok {
			done.err = errNoPrinter
			return done
		}
		done.handOver = pr.handOver
		if done.printer, done.err = defaultPrinter(runtime.GOOS); done.err != nil {
			return done
		}
		done.via, done.err = printFile(p, kind, opt, pr)
		return done
	}
}

// printFile writes the document and has it printed; it returns who prints it.
func printFile(p *wizard.Plan, kind document.Kind, opt document.Options, pr printer) (string, error) {
	dir, err := os.MkdirTemp("", "aect-impression-*")
	if err != nil {
		return "", fmt.Errorf("impossible de préparer le document à imprimer dans le dossier temporaire : %w", err)
	}
	if !pr.handOver {
		defer os.RemoveAll(dir)
	}
	d := document.Build(p, kind, opt)
	write := func(f render.Format) (string, error) {
		var buf bytes.Buffer
		if err := render.Render(&buf, d, f); err != nil {
			return "", err
		}
		file := filepath.Join(dir, document.FileName(kind, f))
		if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
			return "", fmt.Errorf("impossible de préparer le document à imprimer dans le dossier temporaire : %w", err)
		}
		return file, nil
	}
	const fallback = " ; " + printElsewhere
	if !pr.handOver {
		pdf, err := write(render.PDF)
		if err != nil {
			return "", err
		}
		if _, err := runTool("l'impression par "+pr.name, []string{pr.program, pdf}, nil); err != nil {
			return "", fmt.Errorf("%w%s", err, fallback)
		}
		return pr.name, nil
	}
	// Windows.
	if pr.program != "" {
		pdf, err := write(render.PDF)
		if err != nil {
			return "", err
		}
		docx, err := write(render.DOCX)
		if err != nil {
			return "", err
		}
		out, err := runTool("l'impression par PowerShell",
			[]string{pr.program, "-NoProfile", "-NonInteractive", "-Command", windowsPrint},
			[]string{"AECT_PRINT_FILE=" + pdf, "AECT_PRINT_DOCX=" + docx})
		var te *toolError
		switch {
		case err == nil && strings.Contains(strings.ToLower(out), ".docx"):
			return "Word (ou l'application associée aux .docx)", nil
		case err == nil:
			return "l'application associée aux PDF", nil
		case !errors.As(err, &te) || te.code != noPrintApp:
			return "", fmt.Errorf("%w%s", err, fallback)
		}
	}
	if pr.office == "" {
		return "", errNoPrintApp
	}
	odt, err := write(render.ODT)
	if err != nil {
		return "", err
	}
	// A profile of its own (a LibreOffice already open would otherwise take the request),
	// as a file URL: "file:///C:/Users/Zo%C3%A9/…".
	profile := url.URL{Scheme: "file", Path: "/" + strings.TrimPrefix(filepath.ToSlash(filepath.Join(dir, "profil")), "/")}
	if _, err := runTool("l'impression par LibreOffice", []string{pr.office, "-env:UserInstallation=" + profile.String(), "--headless", "--norestore", "-p", odt}, nil); err != nil {
		return "", fmt.Errorf("%w%s", err, fallback)
	}
	return "LibreOffice", nil
}

// printResult is the line the Documents screen shows for a print request.
func printResult(m printDoneMsg) string {
	const noPaper = " Si rien ne sort, " + printElsewhere + "."
	switch {
	case m.err != nil:
		return "✗ Impression de « " + m.doc + " » : " + m.err.Error() + "."
	case m.handOver:
		return "✓ Document « " + m.doc + " » transmis pour impression à " + m.via + "." + noPaper
	}
	return "✓ Document « " + m.doc + " » envoyé à l'imprimante « " + m.printer + " »." + noPaper
}
