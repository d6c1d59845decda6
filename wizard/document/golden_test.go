package document

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aect/wizard"
	"aect/wizard/document/render"
	"aect/wizard/samples"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// testToday is the fixed "today" of the golden files.
var testToday = wizard.NewDate(2026, time.November, 25)

// samplePlans decodes every sample plan.
func samplePlans(t testing.TB) map[string]*wizard.Plan {
	t.Helper()
	out := map[string]*wizard.Plan{}
	for _, s := range samples.All() {
		p, err := wizard.Decode(s.Data)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		out[s.Name] = p
	}
	return out
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (lancez go test ./wizard/document -update pour créer les fichiers de référence)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./wizard/document -update and review the diff\n%s", name, firstDiff(want, got))
	}
}

// firstDiff shows the first differing line.
func firstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + itoa(i+1) + ":\n  want: " + string(w) + "\n  got:  " + string(g)
		}
	}
	return ""
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// testPlans decodes the plans of ../../testdata/plans: cases the workshop samples do not
// show (a département, a syndicat mixte ouvert, an overseas région with a State partner).
func testPlans(t testing.TB) map[string]*wizard.Plan {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "plans", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test plans: %v", err)
	}
	out := map[string]*wizard.Plan{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := wizard.Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = p
	}
	return out
}

// allPlans is the samples and the test plans.
func allPlans(t testing.TB) map[string]*wizard.Plan {
	out := samplePlans(t)
	for name, p := range testPlans(t) {
		out[name] = p
	}
	return out
}

// TestGolden renders every document of every sample plan as text, Markdown, ODT
// content.xml and DOCX word/document.xml, and compares them with the golden files.
func TestGolden(t *testing.T) {
	opt := Options{Today: testToday}
	for name, p := range allPlans(t) {
		for _, k := range Kinds(p) {
			d := Build(p, k, opt)
			for _, f := range []render.Format{render.Text, render.Markdown} {
				var b bytes.Buffer
				if err := render.Render(&b, d, f); err != nil {
					t.Fatalf("%s %s %s: %v", name, k, f, err)
				}
				golden(t, name+"."+string(k)+"."+string(f), b.Bytes())
			}
			content, err := render.ODTContent(d)
			if err != nil {
				t.Fatalf("%s %s: %v", name, k, err)
			}
			golden(t, name+"."+string(k)+".content.xml", content)
			document, err := render.DOCXDocument(d)
			if err != nil {
				t.Fatalf("%s %s: %v", name, k, err)
			}
			golden(t, name+"."+string(k)+".document.xml", document)
		}
	}
}
