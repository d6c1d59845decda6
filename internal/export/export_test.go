package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/document/render"
	"aect/wizard/samples"
)

// testToday is the fixed "today" of the tests.
var testToday = wizard.NewDate(2026, time.November, 25)

// actesDay is the day the dossiers of the tests are made: after every séance of the
// samples.
var actesDay = wizard.Date{Year: 2030, Month: 1, Day: 15}

// plan decodes the sample plan of that name.
func plan(t *testing.T, name string) *wizard.Plan {
	t.Helper()
	s, ok := samples.Get(name)
	if !ok {
		t.Fatalf("no sample %s", name)
	}
	p, err := wizard.Decode(s.Data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]render.Format{"odt": render.ODT, " DOCX ": render.DOCX, ".md": render.Markdown, "markdown": render.Markdown,
		"txt": render.Text, "texte": render.Text, "PDF": render.PDF, ".pdf": render.PDF, "actes": Actes, "@CTES": Actes} {
		got, err := ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := ParseFormat("rtf")
	var we *wizard.Error
	if !errors.As(err, &we) || !strings.Contains(err.Error(), "« rtf »") || !strings.Contains(err.Error(), "odt, docx, pdf, md, txt ou actes") {
		t.Errorf("ParseFormat(rtf) error = %v", err)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Jumelage Belmont-sur-Guiers – Lindenbach": "jumelage-belmont-sur-guiers-lindenbach",
		"":                                     "projet",
		"  !!! ":                               "projet",
		"Œuvre d'été à Saint-Étienne":          "oeuvre-d-ete-a-saint-etienne",
		"Centre de tri à Tafraout-n'Ouadaï":    "centre-de-tri-a-tafraout-n-ouadai",
		"CON":                                  "con-projet",
		"../../etc/passwd":                     "etc-passwd",
		strings.Repeat("très long titre ", 10): "tres-long-titre-tres-long-titre-tres-long-titre-tres-long",
	} {
		got := Slug(in)
		if got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
		if len(got) > maxSlug || strings.Trim(got, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			t.Errorf("Slug(%q) = %q: not a safe folder name", in, got)
		}
	}
}

func TestDraft(t *testing.T) {
	dir := t.TempDir()
	one := DraftRef{Number: 1, Key: "un"}
	paths, err := Draft(plan(t, "01-jumelage-allemagne"), dir, one, nil, document.Options{Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "1-jumelage-belmont-sur-guiers-lindenbach")
	var want []string
	for _, k := range []document.Kind{document.Deliberation, document.CharteJumelage, document.NextSteps} {
		for _, f := range render.AllFormats {
			want = append(want, filepath.Join(folder, document.FileName(k, f)))
		}
	}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("Draft paths = %v\nwant %v", paths, want)
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	// Exporting again replaces the files and leaves no temporary file.
	if _, err := Draft(plan(t, "01-jumelage-allemagne"), dir, one, []render.Format{render.Markdown, render.Markdown}, document.Options{}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(folder)
	if len(entries) != len(want)+1 {
		t.Errorf("%d files in the folder, want %d and the marker", len(entries), len(want))
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), ".") && e.Name() != markerName {
			t.Errorf("leftover %s", e.Name())
		}
	}
	// A gift writes no convention; for a country eligible to APD, the APD sheet and its
	// CSV, whatever the formats.
	paths, err = Draft(plan(t, "03-don-faceco"), dir, DraftRef{Number: 3}, []render.Format{render.Text}, document.Options{})
	var bases []string
	for _, p := range paths {
		bases = append(bases, filepath.Base(p))
	}
	if err != nil || !reflect.DeepEqual(bases, []string{"deliberation.txt", "declaration-apd.txt", "declaration-apd.csv", "prochaines-etapes.txt"}) {
		t.Errorf("gift export = %v, %v", bases, err)
	}
	// An unknown format is refused before anything is written.
	if _, err := Draft(plan(t, "03-don-faceco"), dir, DraftRef{Number: 3}, []render.Format{"rtf"}, document.Options{}); err == nil {
		t.Error("Draft accepted an unknown format")
	}
	// A folder that cannot be created gives a French error naming it.
	file := filepath.Join(dir, "fichier")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Draft(plan(t, "03-don-faceco"), file, DraftRef{Number: 3}, nil, document.Options{})
	if err == nil || !strings.Contains(err.Error(), "impossible d'écrire dans le dossier") || !strings.Contains(err.Error(), file) {
		t.Errorf("Draft into a file: %v", err)
	}
}

// TestDraftFoldersNeverCollide: titles that slug to nothing or to the same words, and two
// drafts with one title, get one folder each, inside the chosen folder; a folder holding
// another draft's documents, or files aect did not write there, is refused untouched.
func TestDraftFoldersNeverCollide(t *testing.T) {
	p := plan(t, "03-don-faceco")
	dir := t.TempDir()
	seen := map[string]int64{}
	for i, title := range []string{"..", "/", ".", "", "../../etc", "Projet", "Projet", "con"} {
		n := int64(i + 1)
		q := *p
		q.Title = title
		paths, err := Draft(&q, dir, DraftRef{Number: n, Key: title}, []render.Format{render.Text}, document.Options{})
		if err != nil {
			t.Fatalf("%q: %v", title, err)
		}
		folder := filepath.Dir(paths[0])
		if filepath.Dir(folder) != dir {
			t.Errorf("%q exported to %s, outside %s", title, folder, dir)
		}
		if other, ok := seen[folder]; ok {
			t.Errorf("drafts %d and %d share %s", other, n, folder)
		}
		seen[folder] = n
		if want := fmt.Sprintf("%d-", n); !strings.HasPrefix(filepath.Base(folder), want) {
			t.Errorf("%q: folder %s does not start with its number", title, filepath.Base(folder))
		}
	}

	// The same number and title from another database: refused, the files kept.
	q := *p
	q.Title = "Projet"
	first := filepath.Join(dir, "6-projet", "deliberation.txt")
	before, _ := os.ReadFile(first)
	_, err := Draft(&q, dir, DraftRef{Number: 6, Key: "une autre base"}, []render.Format{render.Text}, document.Options{})
	if err == nil || !strings.Contains(err.Error(), "autre brouillon") || !strings.Contains(err.Error(), "6-projet") {
		t.Errorf("another draft's folder: %v", err)
	}
	if after, _ := os.ReadFile(first); !bytes.Equal(before, after) {
		t.Error("another draft's document was overwritten")
	}
	// The same draft again: its files are replaced.
	if _, err := Draft(&q, dir, DraftRef{Number: 6, Key: "Projet"}, []render.Format{render.Text}, document.Options{}); err != nil {
		t.Errorf("export again: %v", err)
	}
	// A folder of that name that aect did not write: its files are not aect's to replace.
	foreign := filepath.Join(dir, "9-projet")
	os.Mkdir(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "deliberation.txt"), []byte("à garder"), 0o644)
	_, err = Draft(&q, dir, DraftRef{Number: 9, Key: "neuf"}, []render.Format{render.Text}, document.Options{})
	if err == nil || !strings.Contains(err.Error(), "deliberation.txt") {
		t.Errorf("a folder with files of the same names: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(foreign, "deliberation.txt")); string(data) != "à garder" {
		t.Error("a file aect did not write was overwritten")
	}
}

// TestDraftKeepsOneFolder: when the draft's title changes (renamed, or composed from
// answers that changed), its earlier folder is renamed, not left beside the new one;
// another draft's folder of the same number is left alone.
func TestDraftKeepsOneFolder(t *testing.T) {
	p := plan(t, "01-jumelage-allemagne")
	p.Title = "" // composed: « Jumelage Belmont-sur-Guiers – Lindenbach »
	dir := t.TempDir()
	other := filepath.Join(dir, "1-autre-base")
	os.Mkdir(other, 0o755)
	os.WriteFile(filepath.Join(other, markerName), []byte(markerHeader+"une autre base\n"), 0o644)
	ref := DraftRef{Number: 1, Key: "cette base"}
	if _, err := Draft(p, dir, ref, []render.Format{render.Text}, document.Options{}); err != nil {
		t.Fatal(err)
	}
	p.Partner.Name = "Gemeinde Lindenbach am See"
	paths, err := Draft(p, dir, ref, []render.Format{render.Text}, document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"1-autre-base", "1-jumelage-belmont-sur-guiers-lindenbach-am-see"}; !slices.Equal(names, want) {
		t.Fatalf("folders %v, want %v", names, want)
	}
	if filepath.Base(filepath.Dir(paths[0])) != names[1] {
		t.Errorf("written to %s", paths[0])
	}
}

func TestFolderName(t *testing.T) {
	for _, tc := range []struct {
		n     int64
		title string
		want  string
	}{
		{3, "Jumelage Belmont-sur-Guiers – Lindenbach", "3-jumelage-belmont-sur-guiers-lindenbach"},
		{12, "..", "12-projet"},
		{7, "", "7-projet"},
		{0, "Été", "ete"},
	} {
		if got := FolderName(tc.n, tc.title); got != tc.want {
			t.Errorf("FolderName(%d, %q) = %q, want %q", tc.n, tc.title, got, tc.want)
		}
	}
}

// Draft writes the dossier in the folder « actes » of the draft's folder, writes nothing
// for a plan that lacks a piece, and a dossier made again keeps only the current PDFs.
func TestDraftActes(t *testing.T) {
	dir := t.TempDir()
	ref := DraftRef{Number: 3, Key: "n° 3 du 1er décembre 2026"}
	opt := document.Options{Today: actesDay}

	incomplete := plan(t, "02-convention-eau-senegal")
	if _, err := Draft(incomplete, dir, ref, []render.Format{render.ODT, Actes}, opt); err == nil || !strings.Contains(err.Error(), "rien n'a été écrit") {
		t.Fatalf("an incomplete plan: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("something was written: %v", entries)
	}

	// What the dossier needs and the sample lacks.
	p := incomplete.Clone()
	p.Authority.SIREN, p.Session.ActNumber = "241800507", "2027_045"
	if p.Session.Date.IsZero() {
		p.Session.Date = wizard.Date{Year: 2027, Month: 1, Day: 20}
	}
	paths, err := Draft(p, dir, ref, []render.Format{render.ODT, Actes}, opt)
	if err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, FolderName(3, p.Title))
	sub := filepath.Join(folder, ActesFolder)
	if filepath.Dir(paths[0]) != folder || filepath.Dir(paths[len(paths)-1]) != sub || filepath.Base(paths[len(paths)-1]) != document.ReadMeName {
		t.Fatalf("paths %q", paths)
	}
	p.Session.ActNumber = "2027_046"
	if _, err := Draft(p, dir, ref, []render.Format{Actes}, opt); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(sub)
	var pdfs []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pdf") {
			pdfs = append(pdfs, e.Name())
		}
	}
	if len(pdfs) != 2 || !strings.Contains(pdfs[0], "2027_046") || !strings.Contains(pdfs[1], "2027_046") {
		t.Fatalf("after a new number, the PDFs are %q", pdfs)
	}
	var a document.Acte
	data, _ := os.ReadFile(filepath.Join(sub, document.ActeJSONName))
	if err := json.Unmarshal(data, &a); err != nil || a.Numero != "2027_046" {
		t.Fatalf("acte.json: %v, %q", err, a.Numero)
	}
	// Another draft's export never writes there.
	if _, err := Draft(p, dir, DraftRef{Number: 3, Key: "n° 3 d'une autre base"}, []render.Format{Actes}, opt); err == nil {
		t.Fatal("another draft wrote into the dossier")
	}
}

// BenchmarkDraftPDF exports every document of sample 02 as PDF into a folder: what « aect
// export N --format pdf » costs, dominated by the PDF layout (see document's
// BenchmarkPDFAll) and the writes.
func BenchmarkDraftPDF(b *testing.B) { benchDraft(b, render.PDF) }

// BenchmarkDraftActes exports the dossier @ctes of sample 02: the PDFs of the délibération
// and of its annexes, and the data of the act.
func BenchmarkDraftActes(b *testing.B) { benchDraft(b, Actes) }

// benchDraft exports sample 02, made ready for a dossier @ctes, in one format.
func benchDraft(b *testing.B, f render.Format) {
	s, _ := samples.Get("02-convention-eau-senegal")
	p, err := wizard.Decode(s.Data)
	if err != nil {
		b.Fatal(err)
	}
	p.Authority.SIREN, p.Session.ActNumber = "241800507", "2027_045"
	dir := b.TempDir()
	for b.Loop() {
		if _, err := Draft(p, dir, DraftRef{Number: 2}, []render.Format{f}, document.Options{Today: actesDay}); err != nil {
			b.Fatal(err)
		}
	}
}
