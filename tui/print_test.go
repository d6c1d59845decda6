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
	word := "Word (ou l'application qui ouvre les .docx)"
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
			args := strings.Join(p.args("/tmp/l'acte.docx"), " ")
			if c.goos == "windows" && !strings.Contains(args, "Start-Process -FilePath '/tmp/l''acte.docx' -Verb Print") ||
				c.goos != "windows" && args != "/bin/"+c.want+" /tmp/l'acte.docx" {
				t.Errorf("command %q", args)
			}
		})
	}
}

// fakeProgram puts on a PATH of its own a shell script named name that records its
// arguments in <dir>/<name>.args, prints say and exits with code.
func fakeProgram(t *testing.T, dir, name, say string, code int) string {
	t.Helper()
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + filepath.Join(dir, name+".args") + "\"\necho '" + say + "'\nexit " + string(rune('0'+code)) + "\n"
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

// printEnv gives the test a PATH with only the fake programs and a temporary folder of
// its own.
func printEnv(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("shell scripts as fake printers")
	}
	bin := t.TempDir()
	t.Setenv("PATH", bin)
	t.Setenv("TMPDIR", t.TempDir())
	fakeProgram(t, bin, "lpstat", "system default destination: Bureau", 0)
	return bin
}

func TestPrintSendsTheDocumentToThePrinter(t *testing.T) {
	bin := printEnv(t)
	args := fakeProgram(t, bin, "lp", "request id is PDF-1 (1 file(s))", 0)
	p := samplePlan(t, "02-convention-eau-senegal")
	msg := printCmd(p, document.Convention, wizard.Date{Year: 2026, Month: 11, Day: 25})().(printDoneMsg)
	if msg.err != nil || msg.via != "lp" || msg.printer != "Bureau" || filepath.Ext(msg.path) != ".txt" {
		t.Fatalf("%+v", msg)
	}
	got, _ := os.ReadFile(args)
	if strings.TrimSpace(string(got)) != msg.path {
		t.Fatalf("lp received %q, want %q", got, msg.path)
	}
	text, _ := os.ReadFile(msg.path)
	if !strings.Contains(string(text), "CONVENTION") {
		t.Fatalf("printed file is not the convention:\n%.300s", text)
	}

	// With LibreOffice, lp prints a PDF of the ODT: the document as it will be read.
	office := fakeOffice(t, bin)
	msg = printCmd(p, document.Deliberation, wizard.Date{Year: 2026, Month: 11, Day: 25})().(printDoneMsg)
	if msg.err != nil || msg.via != "lp" || filepath.Ext(msg.path) != ".pdf" || !fileExists(msg.path) {
		t.Fatalf("%+v", msg)
	}
	odt := strings.TrimSuffix(msg.path, ".pdf") + ".odt"
	if got, _ = os.ReadFile(office); string(got) != "--headless\n--convert-to\npdf\n--outdir\n"+filepath.Dir(odt)+"\n"+odt+"\n" {
		t.Fatalf("soffice received %q", got)
	}
	if got, _ = os.ReadFile(args); strings.TrimSpace(string(got)) != msg.path {
		t.Fatalf("lp received %q, want %q", got, msg.path)
	}
}

func TestPrintFailureIsExplainedInFrench(t *testing.T) {
	bin := printEnv(t)
	fakeProgram(t, bin, "lp", "lp: Error - no default destination available.", 1)
	msg := printCmd(samplePlan(t, "01-jumelage-allemagne"), document.Deliberation, wizard.Date{Year: 2026, Month: 11, Day: 25})().(printDoneMsg)
	if msg.err == nil || !strings.Contains(msg.err.Error(), "l'impression par lp a échoué (« lp: Error - no default destination available. »)") ||
		!strings.Contains(msg.err.Error(), msg.path) {
		t.Fatalf("%+v", msg)
	}

	// No default printer: nothing is converted nor sent.
	fakeProgram(t, bin, "lpstat", "no system default destination", 0)
	fakeOffice(t, bin)
	msg = printCmd(samplePlan(t, "01-jumelage-allemagne"), document.Deliberation, wizard.Date{Year: 2026, Month: 11, Day: 25})().(printDoneMsg)
	if !errors.Is(msg.err, errNoDefaultPrinter) {
		t.Fatalf("%+v", msg)
	}
	if _, err := os.Stat(filepath.Join(bin, "soffice.args")); err == nil {
		t.Fatal("LibreOffice was run without a default printer")
	}

	os.Remove(filepath.Join(bin, "lp"))
	os.Remove(filepath.Join(bin, "soffice"))
	msg = printCmd(samplePlan(t, "01-jumelage-allemagne"), document.Deliberation, wizard.Date{Year: 2026, Month: 11, Day: 25})().(printDoneMsg)
	if !errors.Is(msg.err, errNoPrinter) {
		t.Fatalf("%+v", msg)
	}
}

func TestPrintFromTheDocumentsScreen(t *testing.T) {
	bin := printEnv(t)
	fakeProgram(t, bin, "lp", "", 0)
	h, _, _ := openPlan(t, samplePlan(t, "02-convention-eau-senegal"))
	h.goTo(wizard.SecDocuments, "")
	h.key("i")
	h.contains("Document envoyé à l'imprimante « Bureau » (par lp)")
	if v := h.view(); !strings.Contains(v, "Délibération") || strings.Count(v, "\n") != 23 {
		t.Fatalf("screen after printing:\n%s", v)
	}
}
