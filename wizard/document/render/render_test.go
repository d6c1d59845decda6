package render

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"aect/wizard"
)

// line is a line of plain text.
func line(s string) Inline { return Inline{{Text: s}} }

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"odt": ODT, " DOCX ": DOCX, ".md": Markdown, "markdown": Markdown,
		"txt": Text, "texte": Text, "PDF": PDF, ".pdf": PDF} {
		got, err := ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"rtf", "actes"} {
		_, err := ParseFormat(in)
		var we *wizard.Error
		if !errors.As(err, &we) || !strings.Contains(err.Error(), "« "+in+" »") || !strings.Contains(err.Error(), "odt, docx, pdf, md ou txt") {
			t.Errorf("ParseFormat(%s) error = %v", in, err)
		}
	}
	if err := Render(&bytes.Buffer{}, &Doc{}, "actes"); err == nil {
		t.Error("Render writes an unknown format")
	}
}

func TestWrap(t *testing.T) {
	s := "Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1 et suivants ;"
	for _, w := range []int{20, 30, 40, 80} {
		for _, l := range Wrap(s, w) {
			if Width(l) > w {
				t.Errorf("Wrap(%d): line %q too wide", w, l)
			}
			if strings.HasSuffix(l, " L.") || l == "L." {
				t.Errorf("Wrap(%d): line ends with L.: %q", w, l)
			}
		}
	}
	if got := Wrap("18\u00a0000,00\u00a0€ x", 11); got[0] != "18\u00a0000,00\u00a0€" {
		t.Errorf("an amount is cut: %q", got)
	}
}

// TestKeepWithNext checks that a paragraph ending with a colon, or a table's title,
// stays on the page of the block it introduces, in ODT and DOCX, through a paragraph
// style that keeps with the next one, as the headings do.
func TestKeepWithNext(t *testing.T) {
	table := Block{Type: BlockTable, Table: &Table{}}
	for _, c := range []struct {
		bl   Block
		next Block
		want bool
	}{
		{Block{Type: BlockParagraph, Lines: []Inline{line("Considérant le programme d'actions envisagé :")}}, Block{Type: BlockList}, true},
		{Block{Type: BlockParagraph, Lines: []Inline{Inline{{Text: "Après en avoir délibéré, le conseil "}, {Text: "DÉCIDE" + nbsp + ":", Style: Strong}}}}, Block{Type: BlockArticle}, true},
		{Block{Type: BlockParagraph, Lines: []Inline{Inline{{Text: "Dépenses prévisionnelles par année", Style: Strong}}}}, table, true},
		{Block{Type: BlockParagraph, Lines: []Inline{line("Vu le budget de la commune ;")}}, Block{Type: BlockParagraph}, false},
		{Block{Type: BlockParagraph, Lines: []Inline{line("Objet : jumelage")}}, Block{Type: BlockParagraph}, false},
		{Block{Type: BlockLines, Lines: []Inline{line("Date de convocation :")}}, table, false},
		{Block{Type: BlockParagraph}, table, false},
	} {
		if got := leadsIn([]Block{c.bl, c.next}, 0); got != c.want {
			t.Errorf("leadsIn(%q, then block type %d) = %v", c.bl.Lines, c.next.Type, got)
		}
	}
	if leadsIn([]Block{{Type: BlockParagraph, Lines: []Inline{line("Fin.")}}}, 0) {
		t.Error("leadsIn: the last paragraph leads into nothing")
	}

	styles, err := execute("odt-styles.xml", packageView{Title: "Délibération"})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Aect_BodyLead", "Aect_Heading1", "Aect_Heading2"} {
		i := bytes.Index(styles, []byte(`style:name="`+name+`"`))
		end := bytes.Index(styles[max(i, 0):], []byte("</style:style>"))
		if i < 0 || end < 0 || !bytes.Contains(styles[i:i+end], []byte(`fo:keep-with-next="always"`)) {
			t.Errorf("styles.xml: %s is not kept with the next paragraph", name)
		}
	}
	wstyles, err := execute("docx-styles.xml", packageView{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"AectBodyLead", "Heading1", "Heading2"} {
		i := bytes.Index(wstyles, []byte(`w:styleId="`+id+`"`))
		end := bytes.Index(wstyles[max(i, 0):], []byte("</w:style>"))
		if i < 0 || end < 0 || !bytes.Contains(wstyles[i:i+end], []byte("<w:keepNext/>")) {
			t.Errorf("styles.xml: %s is not kept with the next paragraph", id)
		}
	}
}
