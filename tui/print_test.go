package tui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"aect/wizard"
	"aect/wizard/document"
)

func TestFindPrinter(t *testing.T) {
	programFiles := `C:\Program Files\LibreOffice\program\soffice.exe`
	if runtime.GOOS != "windows" {
		programFiles = filepath.Join(`C:\Program Files`, "LibreOffice", "program", "soffice.exe")
	}
	cases := []struct {
		name    string
		goos    string
		onPath  []string
		files   []string
		want    string
		program string
		office  string
	}{
		{"lp", "linux", []string{"soffice", "lp"}, nil, "lp", "/bin/lp", ""},
		{"lpr", "linux", []string{"lpr", "libreoffice"}, nil, "lpr", "/bin/lpr", ""},
		{"LibreOffice without a print system", "linux", []string{"soffice"}, nil, "", "", ""},
		{"nothing", "linux", nil, nil, "", "", ""},
		{"lp on a Mac", "darwin", []string{"lp"}, []string{"/Applications/LibreOffice.app/Contents/MacOS/soffice"}, "lp", "/bin/lp", ""},
		{"PowerShell", "windows", []string{"powershell"}, nil, "PowerShell", "/bin/powershell", ""},
		{"PowerShell, LibreOffice installed", "windows", []string{"powershell"}, []string{programFiles}, "PowerShell", "/bin/powershell", programFiles},
		{"LibreOffice on the PATH, no PowerShell", "windows", []string{"soffice"}, nil, "LibreOffice", "", "/bin/soffice"},
		{"Windows with nothing", "windows", []string{"lp"}, nil, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			look := func(name string) (string, error) {
				if slices.Contains(c.onPath, name) {
					return "/bin/" + name, nil
				}
				return "", errors.New("absent")
			}
			exists := func(p string) bool { return slices.Contains(c.files, p) || strings.HasPrefix(p, "/bin/") }
			getenv := func(k string) string {
				if k == "ProgramFiles" {
					return `C:\Program Files`
				}
				return ""
			}
			p, ok := findPrinter(c.goos, look, exists, getenv)
			if ok != (c.want != "") || p.name != c.want || p.program != c.program || p.office != c.office || p.handOver != (ok && c.goos == "windows") {
				t.Fatalf("got %+v %v; want %q %q %q", p, ok, c.want, c.program, c.office)
			}
		})
	}
}

// fakeProgram puts on a PATH of its own a shell script named name that records its
// arguments in <dir>/<name>.args, the environment variables AECT_PRINT_* in
// <dir>/<name>.env and the first file it is given in <dir>/<name>.content (the document
// is deleted once printed), prints say and exits with code.
func fakeProgram(t *testing.T, dir, name, say string, code int) string {
	t.Helper()
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + filepath.Join(dir, name+".args") + "'\n" +
		"printf 'AECT_PRINT_FILE=%s\\nAECT_PRINT_DOCX=%s\\n' \"$AECT_PRINT_FILE\" \"$AECT_PRINT_DOCX\" > '" + filepath.Join(dir, name+".env") + "'\n" +
		"[ -f \"$1\" ] && while IFS= read -r l; do printf '%s\\n' \"$l\"; done < \"$1\" > '" + filepath.Join(dir, name+".content") + "'\n" +
		"echo '" + say + "'\nexit " + string(rune('0'+code)) + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name+".args")
}

// printEnv gives the test a PATH with only the fake programs, a default printer
// « Bureau », and a temporary folder of its own.
func printEnv(t *testing.T) (bin, tmp string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("shell scripts as fake printers")
	}
	bin, tmp = t.TempDir(), t.TempDir()
	t.Setenv("PATH", bin)
	t.Setenv("TMPDIR", tmp)
	fakeProgram(t, bin, "lpstat", "scheduler is running\nsystem default destination: Bureau", 0)
	return bin, tmp
}

func lines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

var printDay = wizard.Date{Year: 2026, Month: 11, Day: 25}

func TestPrintSendsThePDFToThePrinter(t *testing.T) {
	bin, tmp := printEnv(t)
	fakeProgram(t, bin, "lp", "request id is Bureau-1 (1 file(s))", 0)
	// LibreOffice is not needed any more, and not used.
	fakeProgram(t, bin, "soffice", "", 0)
	p := samplePlan(t, "02-convention-eau-senegal")
	msg := printCmd(p, document.Convention, document.Options{Today: printDay})().(printDoneMsg)
	if msg.err != nil || msg.via != "lp" || msg.printer != "Bureau" || msg.handOver {
		t.Fatalf("%+v", msg)
	}
	sent := lines(t, filepath.Join(bin, "lp.args"))
	if len(sent) != 1 || filepath.Base(sent[0]) != "convention.pdf" || !strings.HasPrefix(filepath.Base(filepath.Dir(sent[0])), "aect-impression-") {
		t.Fatalf("lp received %q", sent)
	}
	if printed := lines(t, filepath.Join(bin, "lp.content")); !strings.HasPrefix(printed[0], "%PDF-1.") {
		t.Fatalf("lp printed %.80q", printed)
	}
	if _, err := os.Stat(filepath.Join(bin, "soffice.args")); err == nil {
		t.Error("LibreOffice was run")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Fatalf("temporary files left after printing: %v", left)
	}
	if got := printResult(msg); got != "✓ Document « Convention » envoyé à l'imprimante « Bureau ». "+
		"Si rien ne sort, exportez le document (x) en PDF et imprimez-le depuis votre lecteur de PDF ou votre traitement de texte." {
		t.Errorf("message %q", got)
	}
}

// TestPrintOnWindows plays the Windows way with fake programs: PowerShell is given the
// PDF and the DOCX in its environment, never on its command line; it says which it
// printed; when it finds no application to print them, LibreOffice prints the ODT.
func TestPrintOnWindows(t *testing.T) {
	bin, _ := printEnv(t)
	plan := samplePlan(t, "01-jumelage-allemagne")
	look := func(name string) (string, error) {
		if fileExists(filepath.Join(bin, name)) {
			return filepath.Join(bin, name), nil
		}
		return "", errors.New("absent")
	}
	getenv := func(string) string { return "" }
	print := func() (string, error) {
		pr, ok := findPrinter("windows", look, fileExists, getenv)
		if !ok {
			return "", errNoPrinter
		}
		return printFile(plan, document.Deliberation, document.Options{Today: printDay}, pr)
	}

	fakeProgram(t, bin, "powershell", ".pdf", 0)
	via, err := print()
	if err != nil || via != "l'application associée aux PDF" {
		t.Fatalf("%q, %v", via, err)
	}
	args := lines(t, filepath.Join(bin, "powershell.args"))
	env := lines(t, filepath.Join(bin, "powershell.env"))
	if !slices.Equal(args, []string{"-NoProfile", "-NonInteractive", "-Command", windowsPrint}) || len(env) != 2 ||
		filepath.Base(strings.TrimPrefix(env[0], "AECT_PRINT_FILE=")) != "deliberation.pdf" ||
		filepath.Base(strings.TrimPrefix(env[1], "AECT_PRINT_DOCX=")) != "deliberation.docx" {
		t.Fatalf("PowerShell received %q, environment %q", args, env)
	}
	// The files outlive the request: the application prints them later.
	for _, e := range env {
		if _, err := os.Stat(e[strings.IndexByte(e, '=')+1:]); err != nil {
			t.Errorf("%s: %v", e, err)
		}
	}
	if got := printResult(printDoneMsg{doc: "Délibération", via: via, handOver: true}); !strings.HasPrefix(got,
		"✓ Document « Délibération » transmis pour impression à l'application associée aux PDF. Si rien ne sort") {
		t.Errorf("message %q", got)
	}

	fakeProgram(t, bin, "powershell", ".docx", 0)
	if via, err := print(); err != nil || via != "Word (ou l'application associée aux .docx)" {
		t.Fatalf("%q, %v", via, err)
	}

	// No application prints PDF or .docx files, and no LibreOffice.
	fakeProgram(t, bin, "powershell", "", noPrintApp)
	if _, err := print(); !errors.Is(err, errNoPrintApp) {
		t.Fatalf("%v", err)
	}
	// With LibreOffice, it prints the ODT with a profile of its own.
	fakeProgram(t, bin, "soffice", "", 0)
	if via, err := print(); err != nil || via != "LibreOffice" {
		t.Fatalf("%q, %v", via, err)
	}
	conv := lines(t, filepath.Join(bin, "soffice.args"))
	if len(conv) != 5 || !strings.HasPrefix(conv[0], "-env:UserInstallation=file:///") || filepath.Base(conv[4]) != "deliberation.odt" ||
		!slices.Equal(conv[1:4], []string{"--headless", "--norestore", "-p"}) {
		t.Fatalf("soffice received %q", conv)
	}
	// PowerShell failing otherwise is reported, LibreOffice not tried.
	os.Remove(filepath.Join(bin, "soffice.args"))
	fakeProgram(t, bin, "powershell", "Start-Process : accès refusé", 1)
	if _, err := print(); err == nil || !strings.Contains(err.Error(), "l'impression par PowerShell a échoué (« Start-Process : accès refusé »)") {
		t.Fatalf("%v", err)
	}
	if _, err := os.Stat(filepath.Join(bin, "soffice.args")); err == nil {
		t.Error("LibreOffice was run after PowerShell failed")
	}
}

func TestPrintFailuresAreExplainedInFrench(t *testing.T) {
	bin, _ := printEnv(t)
	plan := samplePlan(t, "01-jumelage-allemagne")
	print := func() printDoneMsg {
		return printCmd(plan, document.Deliberation, document.Options{Today: printDay})().(printDoneMsg)
	}

	fakeProgram(t, bin, "lp", "lp: Error - no default destination available.", 1)
	if msg := print(); msg.err == nil || printResult(msg) != "✗ Impression de « Délibération » : l'impression par lp a échoué "+
		"(« lp: Error - no default destination available. ») ; exportez le document (x) en PDF et imprimez-le depuis votre lecteur de PDF ou votre traitement de texte." {
		t.Fatalf("%q", printResult(msg))
	}

	// No default printer: nothing is written nor sent.
	fakeProgram(t, bin, "lpstat", "scheduler is running\nno system default destination", 0)
	os.Remove(filepath.Join(bin, "lp.args"))
	if msg := print(); !errors.Is(msg.err, errNoDefaultPrinter) {
		t.Fatalf("%+v", msg)
	}
	if _, err := os.Stat(filepath.Join(bin, "lp.args")); err == nil {
		t.Fatal("lp was run without a default printer")
	}

	// CUPS not running, or absent.
	fakeProgram(t, bin, "lpstat", "scheduler is not running\nno system default destination", 0)
	if msg := print(); !errors.Is(msg.err, errNoPrintService) {
		t.Fatalf("%+v", msg)
	}
	fakeProgram(t, bin, "lpstat", "lpstat: Unable to connect to server", 1)
	if msg := print(); !errors.Is(msg.err, errNoPrintService) {
		t.Fatalf("%+v", msg)
	}
	os.Remove(filepath.Join(bin, "lpstat"))
	if msg := print(); !errors.Is(msg.err, errNoPrintService) {
		t.Fatalf("%+v", msg)
	}

	os.Remove(filepath.Join(bin, "lp"))
	if msg := print(); !errors.Is(msg.err, errNoPrinter) {
		t.Fatalf("%+v", msg)
	}
}

func TestPrintFromTheDocumentsScreen(t *testing.T) {
	bin, _ := printEnv(t)
	fakeProgram(t, bin, "lp", "", 0)
	h, _, _ := openPlan(t, samplePlan(t, "02-convention-eau-senegal"))
	h.goTo(wizard.SecDocuments, "")
	h.key("i")
	h.contains("Document « Délibération » envoyé à l'imprimante « Bureau »")
	if v := h.view(); !strings.Contains(v, "[Délibération]") || strings.Count(v, "\n") != 23 {
		t.Fatalf("screen after printing:\n%s", v)
	}
	// The result arriving under the export dialog is not lost.
	docs := h.asst().docs
	h.key("right", "i", "x")
	h.waitFor("the print", func() bool { return !docs.printing })
	h.key("esc")
	h.contains("Document « Convention » envoyé")
	h.key("left")
	if strings.Contains(h.view(), "envoyé") {
		t.Fatalf("the result of the print stays on another document:\n%s", h.view())
	}
}
