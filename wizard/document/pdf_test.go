package document

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"aect/wizard"
)

// frenchChars are the characters a French document can hold beyond ASCII: those the
// issue names, the accented capitals, the spaces of French typography, the boxes to tick.
const frenchChars = "« » ’ € œ Œ æ Æ É È Ê Ë À Â Ç Î Ï Ô Ù Û Ü Ÿ é è ê ë à â ç î ï ô ù û ü ÿ " +
	"n° – — … • ☐ ☑ \u00a0 \u202f"

// sampleDocs builds every document of every sample plan, and the questionnaire.
func sampleDocs(t testing.TB) map[string]*Doc {
	t.Helper()
	q := Questionnaire()
	q.Date = testToday // else the PDF dates itself from the clock, and two renderings differ
	out := map[string]*Doc{"questionnaire": q}
	for name, p := range allPlans(t) {
		for _, k := range Kinds(p) {
			out[name+"."+string(k)] = Build(p, k, Options{Today: testToday})
		}
	}
	return out
}

// TestPDFGlyphs checks that the four faces of Liberation Sans can draw every character
// the documents hold — the French ones and every one of the sample documents and of the
// questionnaire — except the boxes to tick, which are drawn; and what replaces a
// character the fonts lack.
func TestPDFGlyphs(t *testing.T) {
	glyphs := pdfGlyphs()
	text := frenchChars
	for _, d := range sampleDocs(t) {
		text += d.Title + d.Subject + d.Author + d.PlainText() + d.Kind.Title()
	}
	missing := map[rune]bool{}
	for _, r := range text {
		if r != '☐' && r != '☑' && r != '\n' && !glyphs.has(r) {
			missing[r] = true
		}
	}
	for r := range missing {
		t.Errorf("Liberation Sans has no glyph for %U %q", r, r)
	}
	if !glyphs.has('\u25a1') {
		t.Error("no white square under the boxes to tick")
	}
	for in, want := range map[rune]rune{'é': 'é', 'Œ': 'Œ', '\u202f': '\u202f', '\u2011': '-', 'ⓐ': 'a', '①': '1',
		'中': '?', '😀': '?', '\ufffd': '?'} {
		if got := pdfRune(in, glyphs); got != want {
			t.Errorf("pdfRune(%q) = %q, want %q", in, got, want)
		}
	}
	// A font that cannot be read gives no glyph, and no panic.
	for _, bad := range [][]byte{nil, []byte("pas une police"), pdfFaces[faceRegular].ttf[:2000]} {
		if g := cmapGlyphs(bad); g.has('a') {
			t.Errorf("cmapGlyphs(%d bytes) has a glyph for a", len(bad))
		}
	}
}

// renderPDFBytes renders a document as PDF.
func renderPDFBytes(t testing.TB, d *Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, d, PDF); err != nil {
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

// layout lays a document out and places it on pages; it returns the pages and, for each
// block, its items.
func layout(d *Doc) (pages [][]pdfPlaced, blocks [][]*pdfItem) {
	p := &pdfWriter{f: fpdf.New("P", "pt", "A4", "")}
	for i, bl := range d.Blocks {
		n := len(p.items)
		p.block(bl, leadsIn(d.Blocks, i), i+1 < len(d.Blocks) && d.Blocks[i+1].Type == BlockNote)
		blocks = append(blocks, p.items[n:])
	}
	return paginate(p.items), blocks
}

// pageOf maps each placed item to its page (repeated table headers aside).
func pageOf(pages [][]pdfPlaced) map[*pdfItem]int {
	out := map[*pdfItem]int{}
	for n, page := range pages {
		for _, pl := range page {
			if _, ok := out[pl.item]; !ok {
				out[pl.item] = n
			}
		}
	}
	return out
}

// filler is a body paragraph of about three lines.
func filler(i int) Block {
	return Block{Type: BlockParagraph, Lines: []Inline{cat(fmt.Sprintf("Considérant %d : ", i) +
		strings.Repeat("la coopération décentralisée relie deux collectivités ; ", 5))}}
}

// TestPDFKeepWithNext moves a heading and a « … : » paragraph down a page, line by
// line: each always shares its page with the first lines of what follows, and the items
// are placed top to bottom within the body of the page.
func TestPDFKeepWithNext(t *testing.T) {
	for n := range 45 {
		var blocks []Block
		for i := range n {
			blocks = append(blocks, filler(i))
		}
		if n%2 == 1 {
			blocks = append(blocks, Block{Type: BlockLines, Lines: []Inline{cat("Une ligne")}})
		}
		lead := len(blocks)
		blocks = append(blocks,
			Block{Type: BlockParagraph, Lines: []Inline{cat("Considérant le programme d'actions envisagé :")}},
			Block{Type: BlockList, Items: []Item{{Text: cat("2027 – Forage : 18 000,00 €")}, {Text: cat("2028 – Latrines : 6 000,00 €")}}},
			Block{Type: BlockHeading, Level: 1, Lines: []Inline{cat("Article 2 – Domaines")}},
			filler(99))
		pages, items := layout(&Doc{Title: "Essai", Blocks: blocks})
		page := pageOf(pages)
		if page[items[lead][0]] != page[items[lead+1][0]] {
			t.Errorf("%d paragraphs before: « Considérant le programme d'actions envisagé : » ends page %d, its list starts the next",
				n, page[items[lead][0]]+1)
		}
		heading, next := items[lead+2][0], items[lead+3]
		if page[heading] != page[next[0]] || page[heading] != page[next[1]] {
			t.Errorf("%d paragraphs before: the heading is not followed on its page by two lines", n)
		}
		for _, pg := range pages {
			y := 0.0
			for _, pl := range pg {
				if pl.y < y-0.01 || pl.y < pdfTop-0.01 || pl.y+pl.item.h > pdfBottom+0.01 {
					t.Fatalf("%d paragraphs before: an item at %.1f (height %.1f) is out of place", n, pl.y, pl.item.h)
				}
				y = pl.y + pl.item.h
			}
		}
	}
}

// longTable is a document with a table too long for a page.
func longTable(rows int) *Doc {
	t := &Table{Columns: []Column{{Title: "Année", Width: 2}, {Title: "Action", Width: 7}, {Title: "Montant", Width: 3, Right: true}}}
	for i := range rows {
		action := "Forage"
		if i%7 == 3 {
			action = "Réhabilitation des forages du village et formation des comités de gestion de l'eau, sur deux saisons"
		}
		t.Rows = append(t.Rows, Row{Cells: []Inline{cat(strconv.Itoa(2027 + i%3)), cat(action), cat(wizard.FormatAmount(wizard.Cents(100000 * (i + 1))))}})
	}
	t.Rows = append(t.Rows, Row{Total: true, Cells: []Inline{cat("Total"), nil, cat("—")}})
	return &Doc{Title: "Tableau", Blocks: []Block{
		{Type: BlockTitle, Lines: []Inline{cat("TABLEAU")}},
		{Type: BlockHeading, Level: 1, Lines: []Inline{cat("Dépenses prévisionnelles")}},
		{Type: BlockTable, Table: t},
		{Type: BlockParagraph, Lines: []Inline{cat("Fin.")}},
	}}
}

// TestPDFTable checks a table over several pages: its header row on top of each, every
// row once and whole; and a short table kept on one page.
func TestPDFTable(t *testing.T) {
	pages, items := layout(longTable(90))
	if len(pages) < 3 {
		t.Fatalf("%d pages for 90 rows", len(pages))
	}
	header := items[2][0]
	rows := map[*pdfItem]int{}
	for n, pg := range pages {
		for i, pl := range pg {
			if pl.item.header == header {
				rows[pl.item]++
				if i == 0 || (n > 0 && pg[0].item != header) {
					t.Errorf("page %d: the table's rows do not come under its header", n+1)
				}
			}
		}
	}
	if len(rows) != 91 {
		t.Errorf("%d rows placed, want 91", len(rows))
	}
	for _, c := range rows {
		if c != 1 {
			t.Error("a row is placed twice")
		}
	}
	// A table of 15 rows is not split.
	for n := range 30 {
		var blocks []Block
		for i := range n {
			blocks = append(blocks, filler(i))
		}
		d := longTable(14)
		d.Blocks = append(blocks, d.Blocks...)
		pages, items = layout(d)
		page := pageOf(pages)
		tbl := items[n+2]
		if page[tbl[0]] != page[tbl[len(tbl)-1]] {
			t.Errorf("%d paragraphs before: a table of 15 rows is split", n)
		}
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
			file := filepath.Join(dir, name+"."+FileName(k, PDF))
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
	d := &Doc{Title: "Caractères", Blocks: []Block{
		{Type: BlockParagraph, Lines: []Inline{line}},
		{Type: BlockParagraph, Lines: []Inline{styled(line, Strong)}},
		{Type: BlockParagraph, Lines: []Inline{styled(line, Emphasis)}},
		{Type: BlockHeading, Level: 2, Lines: []Inline{line}},
		{Type: BlockParagraph, Lines: []Inline{styled(line, Placeholder)}},
		{Type: BlockParagraph, Lines: []Inline{cat("Partenaire : 中国 😀 fin")}},
		{Type: BlockList, List: Checklist, Items: []Item{{Text: cat("à faire")}, {Text: cat("fait"), Done: true}}},
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

// TestPDFTableWithPoppler checks, page by page, that a long table repeats its header.
func TestPDFTableWithPoppler(t *testing.T) {
	pdftotext, _, pdfinfo := requirePoppler(t)
	file := filepath.Join(pdfDir(t), "tableau.pdf")
	if err := os.WriteFile(file, renderPDFBytes(t, longTable(90)), 0o644); err != nil {
		t.Fatal(err)
	}
	pages, _ := strconv.Atoi(pdfInfo(t, pdfinfo, file)["Pages"])
	if pages < 3 {
		t.Fatalf("%d pages", pages)
	}
	for n := 1; n <= pages; n++ {
		text := poppler(t, pdftotext, "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-enc", "UTF-8", file, "-")
		if !regexp.MustCompile(`Année\s+Action\s+Montant`).MatchString(text) {
			t.Errorf("page %d has no header row:\n%s", n, text)
		}
	}
}
