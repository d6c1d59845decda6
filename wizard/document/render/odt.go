package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// odtMimetype is the first entry of every ODF text package.
const odtMimetype = "application/vnd.oasis.opendocument.text"

// odtTableWidth is the usable width of an A4 page with the margins of odt-styles.xml.
const odtTableWidth = 16.8

// renderODT writes an OpenDocument text package: mimetype (first, stored),
// META-INF/manifest.xml, content.xml, styles.xml (named paragraph, text and page styles)
// and meta.xml.
func renderODT(w io.Writer, d *Doc) error {
	files, err := odtFiles(d)
	if err != nil {
		return err
	}
	return writeZip(w, true, files)
}

// ODTContent returns the content.xml of the document's ODT package, for tests and
// golden files.
func ODTContent(d *Doc) ([]byte, error) {
	o := &odtWriter{}
	o.doc(d)
	return execute("odt-content.xml", packageView{Title: d.Title, Body: o.body.String(), AutoStyles: o.auto.String()})
}

func odtFiles(d *Doc) ([]zipFile, error) {
	o := &odtWriter{}
	o.doc(d)
	v := packageView{Title: d.Title, Body: o.body.String(), AutoStyles: o.auto.String()}
	files := []zipFile{{name: "mimetype", data: []byte(odtMimetype)}}
	for _, f := range []struct{ name, tmpl string }{
		{"META-INF/manifest.xml", "odt-manifest.xml"},
		{"content.xml", "odt-content.xml"},
		{"styles.xml", "odt-styles.xml"},
		{"meta.xml", "odt-meta.xml"},
	} {
		data, err := execute(f.tmpl, v)
		if err != nil {
			return nil, fmt.Errorf("document : modèle %s : %w", f.tmpl, err)
		}
		files = append(files, zipFile{name: f.name, data: data})
	}
	return files, nil
}

// odtWriter builds the body of content.xml and the automatic styles of its tables.
type odtWriter struct {
	body   strings.Builder
	auto   strings.Builder
	tables int
	// space is true when the last character written in the paragraph collapses a
	// following space (start of paragraph, or a space): ODF folds runs of spaces.
	space bool
}

func (o *odtWriter) doc(d *Doc) {
	for i, bl := range d.Blocks {
		o.block(bl, leadsIn(d.Blocks, i))
		if bl.Type == BlockNote && (i+1 == len(d.Blocks) || d.Blocks[i+1].Type != BlockNote) {
			o.body.WriteString(`<text:p text:style-name="Aect_NoteEnd"/>` + "\n")
		}
	}
}

// block writes one block; lead is true for a paragraph kept with the next block.
func (o *odtWriter) block(bl Block, lead bool) {
	switch bl.Type {
	case BlockTitle:
		o.para("Aect_Title", bl.Lines...)
	case BlockCenter:
		o.para("Aect_Center", bl.Lines...)
	case BlockHeading:
		style := "Aect_Heading1"
		if bl.Level > 1 {
			style = "Aect_Heading2"
		}
		fmt.Fprintf(&o.body, `<text:h text:style-name="%s" text:outline-level="%d">`, style, bl.Level)
		o.inline(bl.Lines[0])
		o.body.WriteString("</text:h>\n")
	case BlockParagraph:
		if lead {
			o.para("Aect_BodyLead", bl.Lines...)
		} else {
			o.para("Aect_Body", bl.Lines...)
		}
	case BlockLines:
		o.para("Aect_Lines", bl.Lines...)
	case BlockArticle:
		o.para("Aect_Article", article(bl))
	case BlockList:
		for i, it := range bl.Items {
			o.para("Aect_List", marked(odtMarker(bl.List, i, it.Done), it))
		}
	case BlockTable:
		o.table(bl.Table)
	case BlockSignatures:
		o.signatures(bl.Signatures)
	case BlockNote:
		o.para("Aect_Note", noteTitle(bl))
		for _, l := range bl.Lines {
			o.para("Aect_Note", l)
		}
		for _, it := range bl.Items {
			o.para("Aect_Note", noteItem(it))
		}
	case BlockVote:
		o.para("Aect_Vote", bl.Lines...)
	case BlockMentions:
		o.para("Aect_Mention", bl.Lines...)
	}
}

// odtMarker is the marker of a list item in ODT and DOCX.
func odtMarker(k ListKind, i int, done bool) string {
	switch k {
	case Numbered:
		return strconv.Itoa(i+1) + "."
	case Checklist:
		if done {
			return "☑"
		}
		return "☐"
	}
	return "•"
}

// para writes one paragraph; several lines are separated by line breaks.
func (o *odtWriter) para(style string, lines ...Inline) {
	o.body.WriteString(`<text:p text:style-name="` + style + `">`)
	o.space = true
	for i, l := range lines {
		if i > 0 {
			o.body.WriteString("<text:line-break/>")
			o.space = true
		}
		o.inline(l)
	}
	o.body.WriteString("</text:p>\n")
}

func (o *odtWriter) inline(in Inline) {
	for _, s := range in {
		switch s.Style {
		case Strong:
			o.body.WriteString(`<text:span text:style-name="Aect_Strong">`)
		case Emphasis:
			o.body.WriteString(`<text:span text:style-name="Aect_Emphasis">`)
		case Placeholder:
			o.body.WriteString(`<text:span text:style-name="Aect_Placeholder">`)
		}
		o.text(s.Text)
		if s.Style != Plain {
			o.body.WriteString("</text:span>")
		}
	}
}

// text writes escaped text, spelling out the spaces and tabs ODF would fold.
func (o *odtWriter) text(s string) {
	s = glue(s)
	start := 0
	flush := func(i int) {
		writeXML(&o.body, s[start:i])
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if o.space {
				flush(i)
				o.body.WriteString("<text:s/>")
				start = i + 1
			}
			o.space = true
		case '\t':
			flush(i)
			o.body.WriteString("<text:tab/>")
			start = i + 1
			o.space = false
		default:
			o.space = false
		}
	}
	flush(len(s))
}

// table writes a bordered table with a repeated header row.
func (o *odtWriter) table(t *Table) {
	o.tables++
	name := "Tableau" + strconv.Itoa(o.tables)
	// A short table is kept on one page.
	o.tableStyles(name, t.Columns, len(t.Rows) > 15)
	fmt.Fprintf(&o.body, `<table:table table:name="%s" table:style-name="%s">`, name, name)
	for i := range t.Columns {
		fmt.Fprintf(&o.body, `<table:table-column table:style-name="%s.%c"/>`, name, 'A'+rune(i))
	}
	o.body.WriteString("<table:table-header-rows><table:table-row>")
	for _, c := range t.Columns {
		o.cell("Aect_CellHead", "Aect_TableHead", heading(c))
	}
	o.body.WriteString("</table:table-row></table:table-header-rows>\n")
	for _, r := range t.Rows {
		o.body.WriteString("<table:table-row>")
		if r.Group {
			var in Inline
			if len(r.Cells) > 0 {
				in = r.Cells[0].Styled(Strong)
			}
			fmt.Fprintf(&o.body, `<table:table-cell table:style-name="Aect_CellTotal" office:value-type="string" table:number-columns-spanned="%d">`, len(t.Columns))
			o.para("Aect_TableCell", in)
			o.body.WriteString("</table:table-cell>")
			for range len(t.Columns) - 1 {
				o.body.WriteString("<table:covered-table-cell/>")
			}
			o.body.WriteString("</table:table-row>\n")
			continue
		}
		for i, c := range t.Columns {
			var in Inline
			if i < len(r.Cells) {
				in = r.Cells[i]
			}
			cellStyle, paraStyle := "Aect_Cell", "Aect_TableCell"
			if c.Right {
				paraStyle = "Aect_TableAmount"
			}
			if r.Total {
				cellStyle = "Aect_CellTotal"
				in = in.Styled(Strong)
			}
			o.cell(cellStyle, paraStyle, in)
		}
		o.body.WriteString("</table:table-row>\n")
	}
	o.body.WriteString("</table:table>\n")
}

// tableStyles declares the automatic styles of a table and its columns.
func (o *odtWriter) tableStyles(name string, cols []Column, breakRows bool) {
	total := 0
	for _, c := range cols {
		total += max(c.Width, 1)
	}
	breakAttr := ""
	if !breakRows {
		breakAttr = ` style:may-break-between-rows="false"`
	}
	fmt.Fprintf(&o.auto, ` <style:style style:name="%s" style:family="table"><style:table-properties style:width="%.2fcm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"%s/></style:style>`+"\n",
		name, odtTableWidth, breakAttr)
	for i, c := range cols {
		w := max(c.Width, 1)
		fmt.Fprintf(&o.auto, ` <style:style style:name="%s.%c" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm" style:rel-width="%d*"/></style:style>`+"\n",
			name, 'A'+rune(i), odtTableWidth*float64(w)/float64(total), w*1000)
	}
}

// cell writes one table cell with one paragraph.
func (o *odtWriter) cell(cellStyle, paraStyle string, in Inline) {
	o.body.WriteString(`<table:table-cell table:style-name="` + cellStyle + `" office:value-type="string">`)
	o.para(paraStyle, in)
	o.body.WriteString("</table:table-cell>")
}

// signatures writes the signature blocks side by side in a table without borders, kept
// on one page.
func (o *odtWriter) signatures(sigs []Signature) {
	if len(sigs) == 0 {
		return
	}
	o.tables++
	name := "Signatures" + strconv.Itoa(o.tables)
	cols := make([]Column, len(sigs))
	for i := range cols {
		cols[i] = Column{Width: 1}
	}
	o.tableStyles(name, cols, false)
	fmt.Fprintf(&o.body, `<table:table table:name="%s" table:style-name="%s">`, name, name)
	for i := range sigs {
		fmt.Fprintf(&o.body, `<table:table-column table:style-name="%s.%c"/>`, name, 'A'+rune(i))
	}
	o.body.WriteString("<table:table-row>")
	heads := alignedHeadings(sigs)
	for i, s := range sigs {
		o.body.WriteString(`<table:table-cell table:style-name="Aect_CellSign" office:value-type="string">`)
		for _, h := range heads[i] {
			o.para("Aect_Signature", h)
		}
		for range 3 {
			o.body.WriteString(`<text:p text:style-name="Aect_Signature"/>`)
		}
		o.para("Aect_Signature", s.Name.Styled(Strong))
		o.body.WriteString("</table:table-cell>")
	}
	o.body.WriteString("</table:table-row></table:table>\n")
}
