package render

import (
	"fmt"
	"io"
	"strings"
)

// docxTextWidth is the width between the margins of docx-document.xml, in twentieths of
// a point (16,8 cm).
const docxTextWidth = 9525

// renderDOCX writes a minimal WordprocessingML package: [Content_Types].xml, _rels/.rels,
// word/document.xml, word/styles.xml (named paragraph, character and table styles),
// word/settings.xml, word/footer1.xml, word/_rels/document.xml.rels and docProps.
func renderDOCX(w io.Writer, d *Doc) error {
	x := &docxWriter{}
	x.doc(d)
	v := packageView{Title: d.Title, Body: x.body.String()}
	var files []zipFile
	for _, f := range []struct{ name, tmpl string }{
		{"[Content_Types].xml", "docx-content-types.xml"},
		{"_rels/.rels", "docx-rels.xml"},
		{"word/document.xml", "docx-document.xml"},
		{"word/styles.xml", "docx-styles.xml"},
		{"word/settings.xml", "docx-settings.xml"},
		{"word/footer1.xml", "docx-footer.xml"},
		{"word/_rels/document.xml.rels", "docx-document-rels.xml"},
		{"docProps/core.xml", "docx-core.xml"},
		{"docProps/app.xml", "docx-app.xml"},
	} {
		data, err := execute(f.tmpl, v)
		if err != nil {
			return fmt.Errorf("document : modèle %s : %w", f.tmpl, err)
		}
		files = append(files, zipFile{name: f.name, data: data})
	}
	return writeZip(w, false, files)
}

// DOCXDocument returns the word/document.xml of the document's DOCX package, for tests.
func DOCXDocument(d *Doc) ([]byte, error) {
	x := &docxWriter{}
	x.doc(d)
	return execute("docx-document.xml", packageView{Title: d.Title, Body: x.body.String()})
}

// docxWriter builds the body of word/document.xml.
type docxWriter struct {
	body strings.Builder
	// lastTable is true when the last element written is a table: Word wants a paragraph
	// between a table and the section properties.
	lastTable bool
}

func (x *docxWriter) doc(d *Doc) {
	for i, bl := range d.Blocks {
		x.block(bl, leadsIn(d.Blocks, i))
		if bl.Type == BlockNote && (i+1 == len(d.Blocks) || d.Blocks[i+1].Type != BlockNote) {
			x.para("AectNoteEnd")
		}
	}
	if x.lastTable {
		x.para("AectSpacer")
	}
}

// block writes one block; lead is true for a paragraph kept with the next block.
func (x *docxWriter) block(bl Block, lead bool) {
	x.lastTable = false
	switch bl.Type {
	case BlockTitle:
		x.para("AectTitle", bl.Lines...)
	case BlockCenter:
		x.para("AectCenter", bl.Lines...)
	case BlockHeading:
		style := "Heading1"
		if bl.Level > 1 {
			style = "Heading2"
		}
		x.para(style, bl.Lines[0])
	case BlockParagraph:
		if lead {
			x.para("AectBodyLead", bl.Lines...)
		} else {
			x.para("AectBody", bl.Lines...)
		}
	case BlockLines:
		x.para("AectLines", bl.Lines...)
	case BlockArticle:
		x.para("AectArticle", article(bl))
	case BlockList:
		for i, it := range bl.Items {
			x.para("AectList", marked(odtMarker(bl.List, i, it.Done), it))
		}
	case BlockTable:
		x.table(bl.Table)
		x.para("AectSpacer")
	case BlockSignatures:
		x.signatures(bl.Signatures)
		x.lastTable = true
	case BlockNote:
		x.para("AectNote", noteTitle(bl))
		for _, l := range bl.Lines {
			x.para("AectNote", l)
		}
		for _, it := range bl.Items {
			x.para("AectNote", noteItem(it))
		}
	case BlockVote:
		x.para("AectVote", bl.Lines...)
	case BlockMentions:
		x.para("AectMention", bl.Lines...)
	}
}

// para writes one paragraph; several lines are separated by line breaks.
func (x *docxWriter) para(style string, lines ...Inline) {
	x.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	for i, l := range lines {
		if i > 0 {
			x.body.WriteString("<w:r><w:br/></w:r>")
		}
		x.inline(l)
	}
	x.body.WriteString("</w:p>\n")
}

func (x *docxWriter) inline(in Inline) {
	for _, s := range in {
		if s.Text == "" {
			continue
		}
		x.body.WriteString("<w:r>")
		switch s.Style {
		case Strong:
			x.body.WriteString("<w:rPr><w:b/><w:bCs/></w:rPr>")
		case Emphasis:
			x.body.WriteString("<w:rPr><w:i/><w:iCs/></w:rPr>")
		case Placeholder:
			x.body.WriteString(`<w:rPr><w:rStyle w:val="AectPlaceholder"/><w:highlight w:val="yellow"/></w:rPr>`)
		}
		for i, part := range strings.Split(s.Text, "\t") {
			if i > 0 {
				x.body.WriteString("<w:tab/>")
			}
			if part != "" {
				x.body.WriteString(`<w:t xml:space="preserve">`)
				writeXML(&x.body, glue(part))
				x.body.WriteString("</w:t>")
			}
		}
		x.body.WriteString("</w:r>")
	}
}

// gridWidths shares the text width between columns by their relative widths.
func gridWidths(cols []Column) []int {
	total := 0
	for _, c := range cols {
		total += max(c.Width, 1)
	}
	out := make([]int, len(cols))
	for i, c := range cols {
		out[i] = docxTextWidth * max(c.Width, 1) / total
	}
	return out
}

// tableStart opens a table with its grid.
func (x *docxWriter) tableStart(widths []int, borders bool) {
	x.body.WriteString(`<w:tbl><w:tblPr>`)
	if borders {
		x.body.WriteString(`<w:tblStyle w:val="AectTable"/>`)
	}
	fmt.Fprintf(&x.body, `<w:tblW w:w="%d" w:type="dxa"/>`, docxTextWidth)
	if borders {
		x.body.WriteString(`<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>`)
	} else {
		x.body.WriteString(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
	}
	x.body.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&x.body, `<w:gridCol w:w="%d"/>`, w)
	}
	x.body.WriteString("</w:tblGrid>\n")
}

// cell writes one table cell.
func (x *docxWriter) cell(width int, fill, style string, paras ...Inline) {
	fmt.Fprintf(&x.body, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
	if fill != "" {
		fmt.Fprintf(&x.body, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, fill)
	}
	x.body.WriteString("</w:tcPr>")
	if len(paras) == 0 {
		paras = []Inline{nil}
	}
	for _, p := range paras {
		x.para(style, p)
	}
	x.body.WriteString("</w:tc>")
}

// table writes a bordered table whose header row repeats on each page.
func (x *docxWriter) table(t *Table) {
	widths := gridWidths(t.Columns)
	x.tableStart(widths, true)
	x.body.WriteString("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
	for i, c := range t.Columns {
		x.cell(widths[i], "D9E2F3", "AectTableHead", heading(c))
	}
	x.body.WriteString("</w:tr>\n")
	for _, r := range t.Rows {
		x.body.WriteString("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
		if r.Group {
			var in Inline
			if len(r.Cells) > 0 {
				in = r.Cells[0].Styled(Strong)
			}
			fmt.Fprintf(&x.body, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="%d"/><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr>`, docxTextWidth, len(t.Columns))
			x.para("AectTableCell", in)
			x.body.WriteString("</w:tc></w:tr>\n")
			continue
		}
		for i, c := range t.Columns {
			var in Inline
			if i < len(r.Cells) {
				in = r.Cells[i]
			}
			fill, style := "", "AectTableCell"
			if c.Right {
				style = "AectTableAmount"
			}
			if r.Total {
				fill = "F2F2F2"
				in = in.Styled(Strong)
			}
			x.cell(widths[i], fill, style, in)
		}
		x.body.WriteString("</w:tr>\n")
	}
	x.body.WriteString("</w:tbl>\n")
}

// signatures writes the signature blocks side by side in a table without borders.
func (x *docxWriter) signatures(sigs []Signature) {
	if len(sigs) == 0 {
		return
	}
	cols := make([]Column, len(sigs))
	for i := range cols {
		cols[i] = Column{Width: 1}
	}
	widths := gridWidths(cols)
	x.body.WriteString("<w:p><w:pPr><w:pStyle w:val=\"AectSignature\"/></w:pPr></w:p>\n")
	x.tableStart(widths, false)
	x.body.WriteString("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
	heads := alignedHeadings(sigs)
	for i, s := range sigs {
		paras := append([]Inline(nil), heads[i]...)
		paras = append(paras, nil, nil, nil, s.Name.Styled(Strong))
		x.cell(widths[i], "", "AectSignature", paras...)
	}
	x.body.WriteString("</w:tr></w:tbl>\n")
}
