package render

import (
	"slices"
	"strings"

	"aect/wizard"
)

// nbsp is the non-breaking space of French typography.
const nbsp = wizard.NBSP

// Doc is the content model of one document: a title and a sequence of blocks. The five
// writers render the same Doc.
type Doc struct {
	// Name is the kind of document in words ("Délibération"): the PDF's footer when the
	// document has no Title.
	Name string
	// Title names the document in the file's metadata ("Délibération – Jumelage …").
	Title string
	// Subject is the matter of the document for the file's metadata: the objet of the
	// délibération.
	Subject string
	// Author is the authority drafting the document, for the file's metadata ("Commune
	// de Belmont-sur-Guiers"); empty while the authority is not named.
	Author string
	// Date is the day the document is made (Options.Today), the creation date of a PDF.
	Date wizard.Date
	// Blocks is the content, in order.
	Blocks []Block
}

// BlockType is the kind of a block, which decides its paragraph style.
type BlockType uint8

// Block types.
const (
	// BlockTitle is the main title: centred, bold, larger. Several lines allowed.
	BlockTitle BlockType = iota
	// BlockCenter is centred lines (the header of a délibération, the parties of a charte).
	BlockCenter
	// BlockHeading is a section heading; Level 1 or 2.
	BlockHeading
	// BlockParagraph is a justified body paragraph.
	BlockParagraph
	// BlockLines is left-aligned lines without space between them (header fields).
	BlockLines
	// BlockArticle is a numbered article of a délibération: a bold Label ("Article 1er")
	// followed by its text.
	BlockArticle
	// BlockList is a bulleted, numbered or checkbox list of Items.
	BlockList
	// BlockTable is a table (the budget).
	BlockTable
	// BlockSignatures is a row of signature blocks.
	BlockSignatures
	// BlockNote is a boxed note: Label is its title, Lines its text, Items a list.
	BlockNote
	// BlockVote is the vote of the council.
	BlockVote
	// BlockMentions is the small print at the end of a délibération (transmission,
	// publication, appeal).
	BlockMentions
)

// ListKind is the marker of a list.
type ListKind uint8

// List kinds.
const (
	Bullets ListKind = iota
	Numbered
	Checklist
)

// Block is one block of a document. Which fields are used depends on Type.
type Block struct {
	Type BlockType
	// Level is the heading level, 1 or 2.
	Level int
	// Label is the article label or the note title.
	Label string
	// Lines is the text: one paragraph has one line; several lines are separated by line
	// breaks.
	Lines []Inline
	// List is the marker of Items.
	List ListKind
	// Items are the list items (of a list or a note).
	Items []Item
	// Table is the table of a BlockTable.
	Table *Table
	// Signatures are the blocks of a BlockSignatures, side by side.
	Signatures []Signature
}

// Item is one list item. Done ticks a checklist item.
type Item struct {
	Text Inline
	Done bool
}

// Table is a table with a header row.
type Table struct {
	Columns []Column
	Rows    []Row
}

// Column is a table column: its header, its relative width, and whether its cells are
// right-aligned (amounts).
type Column struct {
	Title string
	Width int
	Right bool
}

// Row is a table row. A Total row is printed in bold; a Group row is a bold heading
// whose first cell spans the whole table.
type Row struct {
	Cells []Inline
	Total bool
	Group bool
}

// leadsIn reports whether block i introduces the next one, and so is kept on the page
// of the block that follows, like a heading: a paragraph that ends with a colon
// ("Considérant le programme d'actions envisagé :", "… DÉCIDE :"), or that comes just
// before a table (its title: "Dépenses prévisionnelles par année").
func leadsIn(blocks []Block, i int) bool {
	bl := blocks[i]
	if bl.Type != BlockParagraph || len(bl.Lines) == 0 {
		return false
	}
	if i+1 < len(blocks) && blocks[i+1].Type == BlockTable {
		return true
	}
	s := strings.TrimRight(bl.Lines[len(bl.Lines)-1].String(), " "+nbsp+"\u202f")
	return strings.HasSuffix(s, ":")
}

// alignedHeadings returns the headings of signature blocks padded with empty lines to
// the same count, so that the names line up.
func alignedHeadings(sigs []Signature) [][]Inline {
	n := 0
	for _, s := range sigs {
		n = max(n, len(s.Heading))
	}
	out := make([][]Inline, len(sigs))
	for i, s := range sigs {
		out[i] = append([]Inline(nil), s.Heading...)
		for len(out[i]) < n {
			out[i] = append(out[i], nil)
		}
	}
	return out
}

// Signature is one signature block: the heading lines ("Pour la commune de …,",
// "Le Maire,") and the signatory's name, with room to sign between them.
type Signature struct {
	Heading []Inline
	Name    Inline
}

// SpanStyle is the style of a run of text.
type SpanStyle uint8

// Span styles.
const (
	Plain SpanStyle = iota
	Strong
	Emphasis
	// Placeholder marks "[à compléter : …]" and "[à confirmer : …]": highlighted in ODT,
	// DOCX and PDF so that the secretary finds every point to fill in.
	Placeholder
)

// Span is a run of text with one style. Its text is final: sanitised, with French
// typography, not yet escaped for any format.
type Span struct {
	Text  string
	Style SpanStyle
}

// Inline is a line of text made of spans.
type Inline []Span

// Append adds spans at the end of the line: an empty span is dropped, and a span of the
// style of the last one is merged into it. Like append, it may change in's array: give
// it a line of one's own.
func (in Inline) Append(spans ...Span) Inline {
	for _, s := range spans {
		if s.Text == "" {
			continue
		}
		if n := len(in); n > 0 && in[n-1].Style == s.Style {
			in[n-1].Text += s.Text
			continue
		}
		in = append(in, s)
	}
	return in
}

// Styled returns a copy of the line with every plain span given style st.
func (in Inline) Styled(st SpanStyle) Inline {
	out := make(Inline, len(in))
	for i, s := range in {
		if s.Style == Plain {
			s.Style = st
		}
		out[i] = s
	}
	return out
}

// plain is a span of plain text.
func plain(s string) Span { return Span{Text: s} }

// article is the line of an article: its label in bold, a dash, its text.
func article(bl Block) Inline {
	return Inline(nil).Append(Span{Text: bl.Label, Style: Strong}, plain(" – ")).Append(bl.Lines[0]...)
}

// marked is a list item after its marker ("1.", "•") and a tab.
func marked(marker string, it Item) Inline { return Inline{plain(marker + "\t")}.Append(it.Text...) }

// noteTitle is the title of a note: its label in bold capitals.
func noteTitle(bl Block) Inline {
	return Inline(nil).Append(Span{Text: strings.ToUpper(bl.Label), Style: Strong})
}

// noteItem is an item of a note, after a dash.
func noteItem(it Item) Inline { return Inline{plain("–" + nbsp)}.Append(it.Text...) }

// heading is a column title as a line.
func heading(c Column) Inline { return Inline(nil).Append(plain(c.Title)) }

// String returns the text of the line, without styles.
func (in Inline) String() string {
	n := 0
	for _, s := range in {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range in {
		b = append(b, s.Text...)
	}
	return string(b)
}

// PlainText returns the whole document as text without styles, one block a line; for
// searches and tests.
func (d *Doc) PlainText() string {
	var b []byte
	d.Walk(func(label string) {
		b = append(b, label...)
		b = append(b, '\n')
	}, func(in Inline) {
		b = append(b, in.String()...)
		b = append(b, '\n')
	})
	return string(b)
}

// PlaceholdersBeforeSigning lists the texts of the document's placeholders, in order,
// each once (« [à compléter : nombre de membres présents] »), but those of the mentions
// at the end of a délibération (dates of transmission and publication), which are only
// known after it is signed.
func (d *Doc) PlaceholdersBeforeSigning() []string {
	var out []string
	body := &Doc{}
	for _, bl := range d.Blocks {
		if bl.Type != BlockMentions {
			body.Blocks = append(body.Blocks, bl)
		}
	}
	body.Walk(func(string) {}, func(in Inline) {
		for _, s := range in {
			if s.Style == Placeholder && !slices.Contains(out, s.Text) {
				out = append(out, s.Text)
			}
		}
	})
	return out
}

// Walk calls label for each label and column title, and line for each line of text of the
// document, in order. A line's spans may be changed in place.
func (d *Doc) Walk(label func(string), line func(Inline)) {
	for _, bl := range d.Blocks {
		if bl.Label != "" {
			label(bl.Label)
		}
		for _, l := range bl.Lines {
			line(l)
		}
		for _, it := range bl.Items {
			line(it.Text)
		}
		if bl.Table != nil {
			for _, c := range bl.Table.Columns {
				label(c.Title)
			}
			for _, r := range bl.Table.Rows {
				for _, c := range r.Cells {
					line(c)
				}
			}
		}
		for _, s := range bl.Signatures {
			for _, h := range s.Heading {
				line(h)
			}
			line(s.Name)
		}
	}
}
