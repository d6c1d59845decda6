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
	mac := "/Applications/LibreOffice.app/Contents/MacOS/soffice"
	word := "Word (ou l'application associée aux .docx)"
	cases := []struct {
		name   string
		goos   string
		onPath []string
		files  []string
		want   string
		format document.Format
		office string
	}{
		{"lp with a PDF from LibreOffice", "linux", []string{"soffice", "lp"}, nil, "lp", document.ODT, "/bin/soffice"},
		{"lp with the text", "linux", []string{"lp", "lpr"}, nil, "lp", document.Text, ""},
		{"lpr", "linux", []string{"lpr", "libreoffice"}, nil, "lpr", document.ODT, "/bin/libreoffice"},
		{"LibreOffice without a print system", "linux", []string{"soffice"}, nil, "", "", ""},
		{"nothing", "linux", nil, nil, "", "", ""},
		{"Word through PowerShell", "windows", []string{"powershell", "soffice"}, nil, word, document.DOCX, ""},
		{"Windows without PowerShell", "windows", []string{"lp"}, nil, "", "", ""},
		{"LibreOffice installed on a Mac", "darwin", []string{"lp"}, []string{mac}, "lp", document.ODT, mac},
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
			p, ok := findPrinter(c.goos, look, exists)
			if ok != (c.want != "") || p.name != c.want || p.format != c.format || p.office != c.office {
				t.Fatalf("got %q %q %q %v; want %q %q %q", p.name, p.format, p.office, ok, c.want, c.format, c.office)
			}
			if !ok {
				return
			}
			// On Windows the path travels in the environment, never parsed by PowerShell.
			args, env := p.command("C:\\Users\\Zoé N’Diaye\\l'acte.docx")
			cmd := strings.Join(args, " ")
			if c.goos == "windows" && (!strings.HasSuffix(cmd, "-Command Start-Process -FilePath $env:AECT_PRINT_FILE -Verb Print") ||
				!slices.Equal(env, []string{"AECT_PRINT_FILE=C:\\Users\\Zoé N’Diaye\\l'acte.docx"}) || !p.handOver) ||
				c.goos != "windows" && (cmd != "/bin/"+c.want+" C:\\Users\\Zoé N’Diaye\\l'acte.docx" || env != nil || p.handOver) {
				t.Errorf("command %q, environment %q", cmd, env)
			}
		})
	}
}

// fakeProgram puts on a PATH of its own a shell script named name that records its
// arguments in <dir>/<name>.args and the first file it is given in <dir>/<name>.content
// (the document is deleted once printed), prints say and exits with code.
func fakeProgram(t *testing.T, dir, name, say string, code int) string {
	t.Helper()
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + filepath.Join(dir, name+".args") + "'\n" +
		"[ -f \"$1\" ] && while IFS= read -r l; do printf '%s\\n' \"$l\"; done < \"$1\" > '" + filepath.Join(dir, name+".content") + "'\n" +
		"echo '" + say + "'\nexit " + string(rune('0'+code)) + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name+".args")
}

// fakeOffice puts a fake LibreOffice on the PATH: it records its arguments and writes the
// PDF that --convert-to pdf --outdir DIR FILE.odt asks for.
func fakeOffice(t *testing.T, dir string) string {
	t.Helper()
	args := filepath.Join(dir, "soffice.args")
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n" +
		"prev=; for a in \"$@\"; do [ \"$prev\" = --outdir ] && out=$a; prev=$a; last=$a; done\n" +
		"f=${last##*/}; echo '%PDF-1.4' > \"$out/${f%.odt}.pdf\"\n" // no basename: PATH has only the fakes
	if err := os.WriteFile(filepath.Join(dir, "soffice"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return args
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

func TestPrintSendsTheDocumentToThePrinter(t *testing.T) {
	bin, tmp := printEnv(t)
	fakeProgram(t, bin, "lp", "request id is Bureau-1 (1 file(s))", 0)
	p := samplePlan(t, "02-convention-eau-senegal")
	msg := printCmd(p, document.Convention, printDay)().(printDoneMsg)
	if msg.err != nil || msg.via.name != "lp" || msg.printer != "Bureau" || !msg.textOnly {
		t.Fatalf("%+v", msg)
	}
	sent := lines(t, filepath.Join(bin, "lp.args"))
	if len(sent) != 1 || filepath.Base(sent[0]) != "convention.txt" || !strings.HasPrefix(filepath.Base(filepath.Dir(sent[0])), "aect-impression-") {
		t.Fatalf("lp received %q", sent)
	}
	if text := strings.Join(lines(t, filepath.Join(bin, "lp.content")), "\n"); !strings.Contains(text, "CONVENTION") {
		t.Fatalf("printed text is not the convention:\n%.300s", text)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Fatalf("temporary files left after printing: %v", left)
	}
	if got := printResult(msg); got != "✓ Document « Convention » envoyé à l'imprimante « Bureau » en texte brut (installez LibreOffice pour l'imprimer mis en page). "+
		"Si rien ne sort, exportez le document (x) et imprimez-le depuis votre traitement de texte." {
		t.Errorf("message %q", got)
	}

	// With LibreOffice, lp prints a PDF of the ODT: the document as it will be read.
	fakeOffice(t, bin)
	msg = printCmd(p, document.Deliberation, printDay)().(printDoneMsg)
	if msg.err != nil || msg.textOnly {
		t.Fatalf("%+v", msg)
	}
	conv := lines(t, filepath.Join(bin, "soffice.args"))
	odt := conv[len(conv)-1]
	if len(conv) != 8 || !strings.HasPrefix(conv[0], "-env:UserInstallation=file:///") || filepath.Base(odt) != "deliberation.odt" ||
		!slices.Equal(conv[1:7], []string{"--headless", "--norestore", "--convert-to", "pdf", "--outdir", filepath.Dir(odt)}) {
		t.Fatalf("soffice received %q", conv)
	}
	if sent := lines(t, filepath.Join(bin, "lp.args")); !slices.Equal(sent, []string{strings.TrimSuffix(odt, ".odt") + ".pdf"}) {
		t.Fatalf("lp received %q", sent)
	}
	if printed := lines(t, filepath.Join(bin, "lp.content")); printed[0] != "%PDF-1.4" {
		t.Fatalf("lp printed %q", printed)
	}
}

func TestPrintFailuresAreExplainedInFrench(t *testing.T) {
	bin, _ := printEnv(t)
	plan := samplePlan(t, "01-jumelage-allemagne")
	print := func() printDoneMsg { return printCmd(plan, document.Deliberation, printDay)().(printDoneMsg) }

	fakeProgram(t, bin, "lp", "lp: Error - no default destination available.", 1)
	if msg := print(); msg.err == nil || printResult(msg) != "✗ Impression de « Délibération » : l'impression par lp a échoué "+
		"(« lp: Error - no default destination available. ») ; exportez le document (x) et imprimez-le depuis votre traitement de texte." {
		t.Fatalf("%q", printResult(msg))
	}

	// LibreOffice that makes no PDF (another instance took the request, say).
	if err := os.WriteFile(filepath.Join(bin, "soffice"), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if msg := print(); msg.err == nil || !strings.Contains(msg.err.Error(), "LibreOffice n'a pas produit la version PDF du document") {
		t.Fatalf("%+v", msg)
	}
	os.Remove(filepath.Join(bin, "soffice"))

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
