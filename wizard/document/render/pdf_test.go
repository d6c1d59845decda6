package render

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"aect/wizard"
)

// frenchChars are the characters a French document can hold beyond ASCII: those the
// issue names, the accented capitals, the spaces of French typography, the boxes to tick.
const frenchChars = "« » ’ € œ Œ æ Æ É È Ê Ë À Â Ç Î Ï Ô Ù Û Ü Ÿ é è ê ë à â ç î ï ô ù û ü ÿ " +
	"n° – — … • ☐ ☑ \u00a0 \u202f"

// TestPDFGlyphs checks that the four faces of Liberation Sans can draw the French
// characters, and what replaces a character the fonts lack (package document checks every
// character of its documents, with MissingGlyphs).
func TestPDFGlyphs(t *testing.T) {
	glyphs := pdfGlyphs()
	for _, r := range MissingGlyphs(frenchChars) {
		t.Errorf("Liberation Sans has no glyph for %U %q", r, r)
	}
	if got := MissingGlyphs("Kōbe 中国 ☐ ☑\n中"); string(got) != "中国" {
		t.Errorf("MissingGlyphs = %q, want 中国", string(got))
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

// TestPDFConcurrent renders documents in parallel goroutines, as an export does, and
// checks that each PDF is the bytes of its sequential rendering: the goroutines share
// fpdf's cache of parsed fonts and its pool of zlib writers (patches of
// third_party/fpdf, see PATCHES.md). Run it with -race. It comes before the other tests
// that load fonts, so that the goroutines also fill the cache together.
func TestPDFConcurrent(t *testing.T) {
	day := wizard.Date{Year: 2026, Month: 11, Day: 25} // else the PDF dates itself from the clock
	docs := []*Doc{
		{Title: "Regular", Blocks: []Block{filler(1)}},
		{Title: "Bold", Blocks: []Block{{Type: BlockTitle, Lines: []Inline{line("TITRE")}}, filler(2)}},
		{Title: "Four faces", Blocks: []Block{
			{Type: BlockHeading, Level: 2, Lines: []Inline{line("Gras italique")}},
			{Type: BlockParagraph, Lines: []Inline{{{Text: "Gras, "}, {Text: "gras", Style: Strong}, {Text: " et ", Style: Plain},
				{Text: "italique", Style: Emphasis}, {Text: " ; [à compléter : une date]", Style: Placeholder}}}},
			filler(3)}},
		longTable(40),
	}
	const rounds = 3
	got := make([][][]byte, len(docs))
	var wg sync.WaitGroup
	for i, d := range docs {
		d.Date = day
		got[i] = make([][]byte, rounds)
		for r := range rounds {
			wg.Go(func() {
				var b bytes.Buffer
				if err := Render(&b, d, PDF); err != nil {
					t.Error(err)
				}
				got[i][r] = b.Bytes()
			})
		}
	}
	wg.Wait()
	for i, d := range docs {
		var want bytes.Buffer
		if err := Render(&want, d, PDF); err != nil {
			t.Fatal(err)
		}
		for r := range rounds {
			if !bytes.Equal(got[i][r], want.Bytes()) {
				t.Errorf("%s: a concurrent rendering differs from the sequential one", d.Title)
			}
		}
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
	return Block{Type: BlockParagraph, Lines: []Inline{line(fmt.Sprintf("Considérant %d : ", i) +
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
			blocks = append(blocks, Block{Type: BlockLines, Lines: []Inline{line("Une ligne")}})
		}
		lead := len(blocks)
		blocks = append(blocks,
			Block{Type: BlockParagraph, Lines: []Inline{line("Considérant le programme d'actions envisagé :")}},
			Block{Type: BlockList, Items: []Item{{Text: line("2027 – Forage : 18 000,00 €")}, {Text: line("2028 – Latrines : 6 000,00 €")}}},
			Block{Type: BlockHeading, Level: 1, Lines: []Inline{line("Article 2 – Domaines")}},
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
		t.Rows = append(t.Rows, Row{Cells: []Inline{line(strconv.Itoa(2027 + i%3)), line(action), line(wizard.FormatAmount(wizard.Cents(100000 * (i + 1))))}})
	}
	t.Rows = append(t.Rows, Row{Total: true, Cells: []Inline{line("Total"), nil, line("—")}})
	return &Doc{Title: "Tableau", Blocks: []Block{
		{Type: BlockTitle, Lines: []Inline{line("TABLEAU")}},
		{Type: BlockHeading, Level: 1, Lines: []Inline{line("Dépenses prévisionnelles")}},
		{Type: BlockTable, Table: t},
		{Type: BlockParagraph, Lines: []Inline{line("Fin.")}},
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

// popplerTool finds one of the poppler tools. Where it is missing the test fails in CI
// (env CI set, or AECT_REQUIRE_SOFFICE=1) and is skipped elsewhere.
func popplerTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	switch {
	case err == nil:
		return p
	case os.Getenv("CI") != "" || os.Getenv("AECT_REQUIRE_SOFFICE") == "1":
		t.Fatalf("%s introuvable alors que le test est exigé (CI ou AECT_REQUIRE_SOFFICE=1) : installez poppler-utils", name)
	}
	t.Skipf("%s absent : test ignoré (exigé en CI ou avec AECT_REQUIRE_SOFFICE=1)", name)
	return ""
}

// poppler runs a poppler tool on a file.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, popplerTool(t, tool), args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", tool, strings.Join(args, " "), err)
	}
	return string(out)
}

// TestPDFTableWithPoppler checks, page by page, that a long table repeats its header.
func TestPDFTableWithPoppler(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tableau.pdf")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := Render(f, longTable(90), PDF); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(poppler(t, "pdfinfo", file))
	if m == nil {
		t.Fatal("pdfinfo gives no page count")
	}
	pages, _ := strconv.Atoi(m[1])
	if pages < 3 {
		t.Fatalf("%d pages", pages)
	}
	for n := 1; n <= pages; n++ {
		text := poppler(t, "pdftotext", "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-enc", "UTF-8", file, "-")
		if !regexp.MustCompile(`Année\s+Action\s+Montant`).MatchString(text) {
			t.Errorf("page %d has no header row:\n%s", n, text)
		}
	}
}
