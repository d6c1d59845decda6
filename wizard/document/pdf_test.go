package document

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"aect/wizard/document/render"
)

// frenchChars are the characters a French document can hold beyond ASCII: those the
// issue names, the accented capitals, the spaces of French typography, the boxes to tick.
const frenchChars = "« » ’ € œ Œ æ Æ É È Ê Ë À Â Ç Î Ï Ô Ù Û Ü Ÿ é è ê ë à â ç î ï ô ù û ü ÿ " +
	"n° – — … • ☐ ☑ \u00a0 \u202f"

// sampleDocs builds every document of every sample plan, and the questionnaire.
func sampleDocs(t testing.TB) map[string]*render.Doc {
	t.Helper()
	q := Questionnaire()
	q.Date = testToday // else the PDF dates itself from the clock, and two renderings differ
	out := map[string]*render.Doc{"questionnaire": q}
	for name, p := range allPlans(t) {
		for _, k := range Kinds(p) {
			out[name+"."+string(k)] = Build(p, k, Options{Today: testToday})
		}
	}
	return out
}

// TestPDFGlyphs checks that the four faces of Liberation Sans can draw every character
// the documents hold — the French ones and every one of the sample documents and of the
// questionnaire — except the boxes to tick, which are drawn.
func TestPDFGlyphs(t *testing.T) {
	text := frenchChars
	for _, d := range sampleDocs(t) {
		text += d.Title + d.Subject + d.Author + d.PlainText() + d.Name
	}
	for _, r := range render.MissingGlyphs(text) {
		t.Errorf("Liberation Sans has no glyph for %U %q", r, r)
	}
}

// renderPDFBytes renders a document as PDF.
func renderPDFBytes(t testing.TB, d *render.Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := render.Render(&b, d, render.PDF); err != nil {
		t.Fatalf("%s: %v", d.Title, err)
	}
	return b.Bytes()
}

// TestPDFFile checks the PDF of every document without any tool: a complete file, the
// same bytes for the same document, the metadata, the fonts named as subsets.
func TestPDFFile(t *testing.T) {
	for name, d := range sampleDocs(t) {
		pdf := renderPDFBytes(t, d)
		if !bytes.Equal(pdf, renderPDFBytes(t, d)) {
			t.Errorf("%s: two renderings differ", name)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
			t.Errorf("%s: not a complete PDF file", name)
		}
		for _, want := range []string{"/Lang (fr-FR)", "/BaseFont /AECTAA+LiberationSans\n", "/FontName /AECTAA+LiberationSans\n"} {
			if !bytes.Contains(pdf, []byte(want)) {
				t.Errorf("%s: %q missing", name, want)
			}
		}
		if name != "questionnaire" && !bytes.Contains(pdf, []byte("/CreationDate (D:20261125120000)")) {
			t.Errorf("%s: the creation date is not the document's date", name)
		}
		if bytes.Contains(pdf, []byte("/utf8aec")) {
			t.Errorf("%s: a font keeps fpdf's name", name)
		}
	}
	if d := Build(samplePlans(t)["02-convention-eau-senegal"], Convention, Options{Today: testToday}); d.Author != "Communauté de communes du Val d'Arnon" ||
		!strings.HasPrefix(d.Subject, "Convention de coopération décentralisée avec la commune de Ndiassane-Ouest") || d.Date != testToday {
		t.Errorf("metadata: author %q, subject %q, date %v", d.Author, d.Subject, d.Date)
	}
	if d := Build(nil, Deliberation, Options{}); d.Author != "" {
		t.Errorf("an authority without a name gives the author %q", d.Author)
	}
}

// requirePoppler finds the poppler tools or skips (fails in CI).
func requirePoppler(t *testing.T) (pdftotext, pdffonts, pdfinfo string) {
	t.Helper()
	return requireTool(t, "pdftotext"), requireTool(t, "pdffonts"), requireTool(t, "pdfinfo")
}

// poppler runs one of the poppler tools on a file.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, tool, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", filepath.Base(tool), strings.Join(args, " "), err)
	}
	return string(out)
}

// pdfDir is where the PDFs of the tests go: AECT_PDF_DIR to keep and look at them.
func pdfDir(t *testing.T) string {
	dir := os.Getenv("AECT_PDF_DIR")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// pdfInfo reads pdfinfo's fields.
func pdfInfo(t *testing.T, pdfinfo, file string) map[string]string {
	info := map[string]string{}
	for _, l := range strings.Split(poppler(t, pdfinfo, "-isodates", file), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

var footerRE = regexp.MustCompile(`page (\d+) sur (\d+)`)

// quickPDFPlans are the plans whose PDFs a plain « go test ./... » reads back: between
// them, every kind of document.
var quickPDFPlans = map[string]bool{"01-jumelage-allemagne": true, "02-convention-eau-senegal": true,
	"04-partenaire-etat": true, "13-subvention-ong": true}

// TestPDFWithPoppler reads back the PDF of every document of every sample plan with
// poppler: pdftotext finds the key phrases (in the text's order or the page's), the
// placeholders and the footers; pdffonts shows every font embedded and subset; pdfinfo
// shows the metadata. Set AECT_PDF_DIR to keep the files.
func TestPDFWithPoppler(t *testing.T) {
	pdftotext, pdffonts, pdfinfo := requirePoppler(t)
	dir := pdfDir(t)
	plans := allPlans(t)
	var names []string
	for n := range plans {
		// A plain « go test ./... » reads back the plans that hold every kind of document;
		// .ci/run (AECT_REQUIRE_SOFFICE=1) reads them all.
		if required() || quickPDFPlans[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	fontLine := regexp.MustCompile(`^(\S+)\s+CID TrueType\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$`)
	for _, name := range names {
		p := plans[name]
		for _, k := range Kinds(p) {
			d := Build(p, k, Options{Today: testToday})
			file := filepath.Join(dir, name+"."+FileName(k, render.PDF))
			if err := os.WriteFile(file, renderPDFBytes(t, d), 0o644); err != nil {
				t.Fatal(err)
			}
			base := filepath.Base(file)
			texts := []string{
				normalise(poppler(t, pdftotext, "-enc", "UTF-8", file, "-")),
				normalise(poppler(t, pdftotext, "-layout", "-enc", "UTF-8", file, "-")),
			}
			phrases := append(keyPhrases(p, k), d.Title)
			if strings.Contains(normalise(d.PlainText()), "[à compléter :") {
				phrases = append(phrases, "[à compléter :")
			}
			for _, phrase := range phrases {
				phrase = normalise(phrase)
				if !strings.Contains(texts[0], phrase) && !strings.Contains(texts[1], phrase) {
					t.Errorf("%s: « %s » absent du PDF", base, phrase)
				}
			}
			info := pdfInfo(t, pdfinfo, file)
			pages, _ := strconv.Atoi(info["Pages"])
			if m := footerRE.FindAllStringSubmatch(texts[0], -1); len(m) != pages || pages == 0 || m[0][1] != "1" || m[0][2] != info["Pages"] {
				t.Errorf("%s: footers %v for %s pages", base, m, info["Pages"])
			}
			for field, want := range map[string]string{"Title": d.Title, "Subject": d.Subject, "Author": d.Author,
				"Creator": "aect", "CreationDate": "2026-11-25T12:00:00", "Page size": "595.28 x 841.89 pts (A4)"} {
				if !strings.HasPrefix(info[field], want) || want == "" {
					t.Errorf("%s: pdfinfo %s = %q, want %q", base, field, info[field], want)
				}
			}
			if info["Producer"] == "" {
				t.Errorf("%s: no producer", base)
			}
			fonts := 0
			for _, l := range strings.Split(strings.TrimSpace(poppler(t, pdffonts, file)), "\n")[2:] {
				m := fontLine.FindStringSubmatch(strings.TrimSpace(l))
				switch {
				case m == nil:
					t.Errorf("%s: pdffonts line %q", base, l)
				case m[2] != "yes" || m[3] != "yes" || m[4] != "yes":
					t.Errorf("%s: font %s embedded %s, subset %s, unicode %s", base, m[1], m[2], m[3], m[4])
				case !regexp.MustCompile(`^[A-Z]{6}\+LiberationSans`).MatchString(m[1]):
					t.Errorf("%s: font %s", base, m[1])
				}
				fonts++
			}
			if fonts < 2 {
				t.Errorf("%s: %d fonts", base, fonts)
			}
		}
	}
}

// TestPDFCharacters writes every French character in each face and as a placeholder,
// and reads them back with pdftotext (which gives the non-breaking spaces as spaces); the
// boxes to tick come back as white squares. A
// user's text in a script the fonts lack (Chinese, emoji) gives question marks, and the
// hostile plan renders.
func TestPDFCharacters(t *testing.T) {
	pdftotext, _, _ := requirePoppler(t)
	line := cat(frenchChars + " 12 500,00 € « Considérant » l’œuvre")
	d := &render.Doc{Title: "Caractères", Blocks: []render.Block{
		{Type: render.BlockParagraph, Lines: []render.Inline{line}},
		{Type: render.BlockParagraph, Lines: []render.Inline{styled(line, render.Strong)}},
		{Type: render.BlockParagraph, Lines: []render.Inline{styled(line, render.Emphasis)}},
		{Type: render.BlockHeading, Level: 2, Lines: []render.Inline{line}},
		{Type: render.BlockParagraph, Lines: []render.Inline{styled(line, render.Placeholder)}},
		{Type: render.BlockParagraph, Lines: []render.Inline{cat("Partenaire : 中国 😀 fin")}},
		{Type: render.BlockList, List: render.Checklist, Items: []render.Item{{Text: cat("à faire")}, {Text: cat("fait"), Done: true}}},
	}}
	dir := pdfDir(t)
	file := filepath.Join(dir, "caracteres.pdf")
	if err := os.WriteFile(file, renderPDFBytes(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	text := poppler(t, pdftotext, "-enc", "UTF-8", file, "-")
	want := strings.NewReplacer("☐", "□", "☑", "□").Replace(strings.Join(strings.Fields(frenchChars), " "))
	if got := strings.Count(normalise(text), want); got != 5 {
		t.Errorf("the French characters come back %d times out of 5:\n%s", got, text)
	}
	for _, s := range []string{"Partenaire : ?? ? fin", "□ à faire", "□ fait"} {
		if !strings.Contains(normalise(text), s) {
			t.Errorf("%q missing from:\n%s", s, text)
		}
	}
	hostile := filepath.Join(dir, "hostile.pdf")
	if err := os.WriteFile(hostile, renderPDFBytes(t, Build(hostilePlan(t), Convention, Options{Today: testToday})), 0o644); err != nil {
		t.Fatal(err)
	}
	if text := poppler(t, pdftotext, "-enc", "UTF-8", hostile, "-"); !strings.Contains(text, "xxxxxxxxxx") || !strings.Contains(text, "<script>") {
		t.Errorf("the hostile plan's text is not in its PDF:\n%.2000s", text)
	}
}
