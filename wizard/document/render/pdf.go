package render

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// The page of the PDF, in points: A4 with the margins of the ODT and DOCX page styles, so
// that the three formats share the text width (16.8 cm) and break lines alike.
const (
	ptPerCm   = 72 / 2.54
	pdfPageW  = 21 * ptPerCm
	pdfPageH  = 29.7 * ptPerCm
	pdfLeft   = 2.2 * ptPerCm
	pdfTop    = 1.8 * ptPerCm
	pdfWidth  = 16.8 * ptPerCm
	pdfFooter = pdfPageH - 2.1*ptPerCm // top of the footer: 0.6 cm above the 1.5 cm margin
	pdfBottom = pdfFooter - 0.3*ptPerCm
)

// Vertical metrics of Liberation Sans (hhea table), in ems: a single line is the
// ascent, the descent and the line gap, as LibreOffice lays it out.
const (
	fontAscent  = 1854.0 / 2048
	fontDescent = 434.0 / 2048
	fontGap     = 67.0 / 2048
	fontLine    = fontAscent + fontDescent + fontGap
)

// rgb is a colour.
type rgb struct{ r, g, b int }

var (
	black       = rgb{0, 0, 0}
	placeholder = rgb{0xff, 0xff, 0x00} // the highlight of the ODT's Aect_Placeholder
)

// pdfAlign is the alignment of a paragraph.
type pdfAlign uint8

const (
	alignLeft pdfAlign = iota
	alignCenter
	alignRight
	alignJustify
)

// pdfBox is the background and borders of a paragraph (the vote, a note, the mentions).
type pdfBox struct {
	fill                     *rgb
	border                   rgb
	line                     float64 // border width; 0 for none
	top, left, right, bottom bool    // the sides with a border
	padTop, padBottom        float64
	padLeft, padRight        float64
}

// pdfStyle is a paragraph style: the properties of the ODT style of the same role.
type pdfStyle struct {
	size          float64 // font size, pt
	lead          float64 // line height, in single lines
	face          face
	align         pdfAlign
	before, after float64 // space above and below
	left, right   float64 // indents from the margins
	hang          float64 // the text of a list item starts this far right of its marker
	color         rgb
	spacing       float64 // letter spacing
	keepNext      bool
	keepTogether  bool
	box           *pdfBox
}

func (st *pdfStyle) lineHeight() float64 { return st.size * fontLine * st.lead }

// The styles, from odt-styles.xml.
var (
	pdfBody    = &pdfStyle{size: 11, lead: 1.15, align: alignJustify, after: 0.21 * ptPerCm}
	pdfLead    = &pdfStyle{size: 11, lead: 1.15, align: alignJustify, after: 0.21 * ptPerCm, keepNext: true}
	pdfTitle   = &pdfStyle{size: 14, lead: 1, face: faceBold, align: alignCenter, before: 0.42 * ptPerCm, after: 0.21 * ptPerCm, spacing: 0.02 * ptPerCm, keepNext: true}
	pdfCenter  = &pdfStyle{size: 11, lead: 1, align: alignCenter, after: 0.21 * ptPerCm, keepNext: true}
	pdfH1      = &pdfStyle{size: 12, lead: 1, face: faceBold, before: 0.42 * ptPerCm, after: 0.21 * ptPerCm, keepNext: true}
	pdfH2      = &pdfStyle{size: 11, lead: 1, face: faceBoldItalic, before: 0.32 * ptPerCm, after: 0.15 * ptPerCm, keepNext: true}
	pdfLines   = &pdfStyle{size: 11, lead: 1.15, after: 0.21 * ptPerCm}
	pdfArticle = &pdfStyle{size: 11, lead: 1.15, align: alignJustify, before: 0.1 * ptPerCm, after: 0.21 * ptPerCm}
	pdfList    = &pdfStyle{size: 11, lead: 1.15, align: alignJustify, left: 1 * ptPerCm, hang: 0.5 * ptPerCm, after: 0.12 * ptPerCm}
	pdfVote    = &pdfStyle{size: 11, lead: 1.2, right: 7 * ptPerCm, before: 0.3 * ptPerCm, after: 0.3 * ptPerCm, keepTogether: true,
		box: &pdfBox{fill: &rgb{0xf2, 0xf2, 0xf2}, border: rgb{0x40, 0x40, 0x40}, line: 2.5, left: true,
			padTop: 0.2 * ptPerCm, padBottom: 0.2 * ptPerCm, padLeft: 0.2 * ptPerCm, padRight: 0.2 * ptPerCm}}
	pdfMention = &pdfStyle{size: 9, lead: 1.2, color: rgb{0x30, 0x30, 0x30}, before: 0.5 * ptPerCm, after: 0.1 * ptPerCm, keepTogether: true,
		box: &pdfBox{border: rgb{0x80, 0x80, 0x80}, line: 0.5, top: true, padTop: 0.15 * ptPerCm}}
	pdfNote = &pdfStyle{size: 10, lead: 1,
		box: &pdfBox{fill: &rgb{0xfd, 0xec, 0xea}, border: rgb{0xc0, 0x00, 0x00}, line: 1.5, top: true, left: true, right: true, bottom: true,
			padTop: 0.15 * ptPerCm, padBottom: 0.15 * ptPerCm, padLeft: 0.15 * ptPerCm, padRight: 0.15 * ptPerCm}}
	pdfSign      = &pdfStyle{size: 11, lead: 1}
	pdfCellHead  = &pdfStyle{size: 10, lead: 1, face: faceBold, align: alignCenter}
	pdfCell      = &pdfStyle{size: 10, lead: 1}
	pdfCellRight = &pdfStyle{size: 10, lead: 1, align: alignRight}
	pdfFootStyle = &pdfStyle{size: 8, lead: 1, align: alignCenter, color: rgb{0x60, 0x60, 0x60}}
)

// Tables, as in the ODT: cells padded 0.1 cm, 0.5 pt borders, the header and total rows
// shaded; a table of at most 15 rows is kept on one page.
const (
	cellPad      = 0.1 * ptPerCm
	cellBorder   = 0.5
	tableBefore  = 0.1 * ptPerCm
	tableAfter   = 0.3 * ptPerCm
	keptRows     = 15
	noteEndSpace = 4*fontLine + 0.3*ptPerCm // the ODT's Aect_NoteEnd: a 4 pt line, 0.3 cm below
)

var (
	headFill  = rgb{0xd9, 0xe2, 0xf3}
	totalFill = rgb{0xf2, 0xf2, 0xf2}
)

// pdfFrag is a run of a word in one face.
type pdfFrag struct {
	text string
	face face
	hl   bool // a placeholder, highlighted
	box  box  // a box to tick, drawn
	w    float64
}

// box is a box to tick (☐, ☑): the fonts have none, so it is drawn, over an invisible
// white square (□) that text extraction and search still find.
type box uint8

const (
	noBox box = iota
	emptyBox
	tickedBox
)

// boxWidth is the advance of a box to tick, in ems.
const boxWidth = 0.75

// pdfWord is a word: the text between two break opportunities.
type pdfWord struct {
	frags []pdfFrag
	w     float64
	gap   float64 // the space after the word; 0 after a hyphen where the line may break
	gapHL bool    // the space is inside a placeholder
}

// pdfLine is a line of a paragraph.
type pdfLine struct {
	words   []pdfWord
	w       float64 // natural width
	justify bool
}

// pdfItem is what the page breaker places: a line, a table row, the signatures. Nothing
// breaks inside an item; keepNext forbids a break between it and the next one.
type pdfItem struct {
	h             float64
	before, after float64
	keepNext      bool
	// header is drawn first when the item starts a page: the header row of its table.
	header *pdfItem
	draw   func(y float64)
}

// pdfWriter lays a document out on A4 pages with fpdf.
type pdfWriter struct {
	f     *fpdf.Fpdf
	items []*pdfItem
	// loaded are the faces registered with fpdf.
	loaded [4]bool
	// known is true once the current font and text colour of the page are curFace,
	// curSize and curColor: fpdf writes every change into the page, wanted or not.
	known    bool
	curFace  face
	curSize  float64
	curColor rgb
}

// renderPDF writes the document as a PDF: A4 pages laid out like the ODT, Liberation Sans
// embedded and subset, the placeholders highlighted, "page X sur Y" footers, and the
// metadata (title, subject, author, creation date from Doc.Date, language fr-FR).
func renderPDF(w io.Writer, d *Doc) error {
	f := fpdf.New("P", "pt", "A4", "")
	f.SetAutoPageBreak(false, 0) // paginate places everything
	f.SetCompression(true)
	f.SetCatalogSort(true) // the same document gives the same bytes
	f.SetTitle(d.Title, true)
	if d.Subject != "" {
		f.SetSubject(d.Subject, true)
	}
	if d.Author != "" {
		f.SetAuthor(d.Author, true)
	}
	f.SetCreator("aect", true)
	f.SetProducer("aect (codeberg.org/go-pdf/fpdf)", true)
	f.SetLang("fr-FR")
	if !d.Date.IsZero() {
		f.SetCreationDate(d.Date.Time())
		f.SetModificationDate(d.Date.Time())
	}
	p := &pdfWriter{f: f}
	for i, bl := range d.Blocks {
		p.block(bl, leadsIn(d.Blocks, i), i+1 < len(d.Blocks) && d.Blocks[i+1].Type == BlockNote)
	}
	pages := paginate(p.items)
	foot := d.Title
	if foot == "" {
		foot = d.Name
	}
	for n, page := range pages {
		f.AddPage()
		p.known = false
		for _, pl := range page {
			pl.item.draw(pl.y)
		}
		p.footer(foot + " – page " + strconv.Itoa(n+1) + " sur " + strconv.Itoa(len(pages)))
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("document : écriture du PDF : %w", err)
	}
	_, err := w.Write(subsetTags(buf.Bytes()))
	return err
}

// setFont selects a face and a size, registering the face with fpdf the first time.
func (p *pdfWriter) setFont(fc face, size float64) {
	if !p.loaded[fc] {
		p.f.AddUTF8FontFromBytes(fc.family(), "", pdfFaces[fc].ttf)
		p.loaded[fc] = true
	}
	if p.known && fc == p.curFace && size == p.curSize {
		return
	}
	if !p.known {
		p.f.SetTextColor(p.curColor.r, p.curColor.g, p.curColor.b)
	}
	p.f.SetFont(fc.family(), "", size)
	p.curFace, p.curSize, p.known = fc, size, true
}

// measure is the width of s in a face and size, with letter spacing.
func (p *pdfWriter) measure(s string, fc face, size, spacing float64) float64 {
	p.setFont(fc, size)
	w := p.f.GetStringWidth(s)
	if spacing != 0 {
		w += spacing * float64(utf8.RuneCountInString(s))
	}
	return w
}

// spanFace is the face a span style adds to its paragraph's.
func spanFace(s SpanStyle) face {
	switch s {
	case Strong:
		return faceBold
	case Emphasis:
		return faceItalic
	}
	return faceRegular
}

// words cuts a line into words, at normal spaces and after a hyphen between two letters
// ("Belmont-sur-Guiers"), as a word processor does with hyphenation off. Non-breaking
// spaces stay inside words.
func (p *pdfWriter) words(in Inline, st *pdfStyle) []pdfWord {
	var out []pdfWord
	var cur pdfWord
	var b strings.Builder
	var fc face
	var hl bool
	glyphs := pdfGlyphs()
	flush := func() {
		if b.Len() == 0 {
			return
		}
		s := b.String()
		w := p.measure(s, fc, st.size, st.spacing)
		cur.frags = append(cur.frags, pdfFrag{text: s, face: fc, hl: hl, w: w})
		cur.w += w
		b.Reset()
	}
	end := func(gap float64, gapHL bool) {
		flush()
		if len(cur.frags) == 0 {
			return // a second space, or a space at the start: folded
		}
		cur.gap, cur.gapHL = gap, gapHL
		out = append(out, cur)
		cur = pdfWord{}
	}
	for _, sp := range in {
		flush()
		fc, hl = st.face|spanFace(sp.Style), sp.Style == Placeholder
		text := glue(sp.Text)
		var prev rune
		for i, r := range text {
			switch {
			case r == ' ' || r == '\t' || r == '\n':
				end(p.measure(" ", fc, st.size, st.spacing), hl)
			case r == '-' && unicode.IsLetter(prev) && nextIsLetter(text[i+1:]):
				b.WriteRune(r)
				end(0, false)
			case r == '\u2610' || r == '\u2611':
				flush()
				bx := emptyBox
				if r == '\u2611' {
					bx = tickedBox
				}
				w := st.size*boxWidth + st.spacing
				cur.frags = append(cur.frags, pdfFrag{text: "\u25a1", face: fc, hl: hl, box: bx, w: w})
				cur.w += w
			default:
				b.WriteRune(pdfRune(r, glyphs))
			}
			prev = r
		}
	}
	end(0, false)
	return out
}

func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// lines breaks the text into lines of at most width; each line of in starts a new line.
// A word longer than a line is cut.
func (p *pdfWriter) lines(in []Inline, st *pdfStyle, width float64) []pdfLine {
	var out []pdfLine
	for _, l := range in {
		var cur pdfLine
		for _, wd := range p.words(l, st) {
			if len(cur.words) > 0 && cur.w+cur.words[len(cur.words)-1].gap+wd.w > width {
				cur.justify = true
				out = append(out, cur)
				cur = pdfLine{}
			}
			for len(cur.words) == 0 && wd.w > width {
				head, rest := p.cut(wd, width, st)
				out = append(out, pdfLine{words: []pdfWord{head}, w: head.w})
				wd = rest
			}
			if len(cur.words) > 0 {
				cur.w += cur.words[len(cur.words)-1].gap
			}
			cur.words = append(cur.words, wd)
			cur.w += wd.w
		}
		out = append(out, cur) // an empty line keeps its height
	}
	return out
}

// cut splits a word too long for a line: the longest head that fits (one character at
// least), and the rest.
func (p *pdfWriter) cut(wd pdfWord, width float64, st *pdfStyle) (head, rest pdfWord) {
	for i, fr := range wd.frags {
		room := width - head.w
		if fr.w <= room {
			head.frags = append(head.frags, fr)
			head.w += fr.w
			continue
		}
		n := 0
		w := 0.0
		for j, r := range fr.text {
			rw := p.measure(string(r), fr.face, st.size, st.spacing)
			if w+rw > room && (j > 0 || len(head.frags) > 0) {
				break
			}
			w += rw
			n = j + utf8.RuneLen(r)
		}
		if n > 0 {
			head.frags = append(head.frags, pdfFrag{text: fr.text[:n], face: fr.face, hl: fr.hl, w: w})
			head.w += w
		}
		tail := pdfFrag{text: fr.text[n:], face: fr.face, hl: fr.hl}
		tail.w = p.measure(tail.text, fr.face, st.size, st.spacing)
		rest.frags = append([]pdfFrag{tail}, wd.frags[i+1:]...)
		for _, f := range rest.frags {
			rest.w += f.w
		}
		rest.gap, rest.gapHL = wd.gap, wd.gapHL
		return head, rest
	}
	return head, pdfWord{}
}

// drawLine draws a line of text whose box starts at x, y (top) in a width.
func (p *pdfWriter) drawLine(l pdfLine, st *pdfStyle, x, y, width float64, last bool) {
	base := y + (st.lineHeight()-st.size*fontLine)/2 + st.size*fontAscent
	extra := 0.0
	switch {
	case st.align == alignCenter:
		x += (width - l.w) / 2
	case st.align == alignRight:
		x += width - l.w
	case st.align == alignJustify && l.justify && !last:
		gaps := 0
		for _, wd := range l.words[:max(len(l.words)-1, 0)] {
			if wd.gap > 0 {
				gaps++
			}
		}
		if gaps > 0 {
			extra = (width - l.w) / float64(gaps)
		}
	}
	// The highlights first, then the text over them.
	top, h := base-st.size*fontAscent, st.size*(fontAscent+fontDescent)
	xx := x
	for i, wd := range l.words {
		for _, fr := range wd.frags {
			if fr.hl {
				p.fillRect(xx, top, fr.w, h, placeholder)
			}
			xx += fr.w
		}
		if i < len(l.words)-1 {
			gap := wd.gap
			if gap > 0 {
				gap += extra
			}
			if wd.gapHL {
				p.fillRect(xx, top, gap, h, placeholder)
			}
			xx += gap
		}
	}
	p.setColor(st.color)
	if st.spacing != 0 {
		p.f.RawWriteStr(fmt.Sprintf("%.3f Tc", st.spacing))
	}
	for _, wd := range l.words {
		for _, fr := range wd.frags {
			p.setFont(fr.face, st.size)
			if fr.box != noBox {
				p.drawBox(fr, st, x, base)
			} else {
				p.f.Text(x, base, fr.text)
			}
			x += fr.w
		}
		if wd.gap > 0 {
			x += wd.gap + extra
		}
	}
	if st.spacing != 0 {
		p.f.RawWriteStr("0 Tc")
	}
}

func (p *pdfWriter) setColor(c rgb) {
	if p.known && c == p.curColor {
		return
	}
	p.f.SetTextColor(c.r, c.g, c.b)
	p.curColor = c
}

func (p *pdfWriter) fillRect(x, y, w, h float64, c rgb) {
	if w <= 0 || h <= 0 {
		return
	}
	p.f.SetFillColor(c.r, c.g, c.b)
	p.f.Rect(x, y, w, h, "F")
}

func (p *pdfWriter) line(x1, y1, x2, y2, width float64, c rgb) {
	p.f.SetDrawColor(c.r, c.g, c.b)
	p.f.SetLineWidth(width)
	p.f.Line(x1, y1, x2, y2)
}

// add appends an item.
func (p *pdfWriter) add(it *pdfItem) { p.items = append(p.items, it) }

// block lays out one block into items. lead is true for a paragraph kept with the next
// block, beforeNote when a note follows.
func (p *pdfWriter) block(bl Block, lead, beforeNote bool) {
	switch bl.Type {
	case BlockTitle:
		p.para(pdfTitle, bl.Lines, nil)
	case BlockCenter:
		p.para(pdfCenter, bl.Lines, nil)
	case BlockHeading:
		st := pdfH1
		if bl.Level > 1 {
			st = pdfH2
		}
		p.para(st, bl.Lines, nil)
	case BlockParagraph:
		st := pdfBody
		if lead {
			st = pdfLead
		}
		p.para(st, bl.Lines, nil)
	case BlockLines:
		p.para(pdfLines, bl.Lines, nil)
	case BlockArticle:
		if len(bl.Lines) > 0 {
			p.para(pdfArticle, []Inline{article(bl)}, nil)
		}
	case BlockList:
		for i, it := range bl.Items {
			p.para(pdfList, []Inline{it.Text}, &pdfMarker{list: bl.List, n: i, done: it.Done})
		}
	case BlockTable:
		if bl.Table != nil {
			p.table(bl.Table)
		}
	case BlockSignatures:
		p.signatures(bl.Signatures)
	case BlockNote:
		p.note(bl, beforeNote)
	case BlockVote:
		p.para(pdfVote, bl.Lines, nil)
	case BlockMentions:
		p.para(pdfMention, bl.Lines, nil)
	}
}

// pdfMarker is the marker of a list item.
type pdfMarker struct {
	list ListKind
	n    int
	done bool
}

// para lays out a paragraph, one item a line. Two lines at least stay at the bottom of a
// page and at the top of the next (the ODT's orphans and widows).
func (p *pdfWriter) para(st *pdfStyle, in []Inline, m *pdfMarker) {
	p.paras(st, [][]Inline{in}, m)
}

// paras lays out paragraphs of one style sharing its box (the paragraphs of a note).
func (p *pdfWriter) paras(st *pdfStyle, paras [][]Inline, m *pdfMarker) {
	box := st.box
	if box == nil {
		box = &pdfBox{}
	}
	x := pdfLeft + st.left
	width := pdfWidth - st.left - st.right - box.padLeft - box.padRight
	lh := st.lineHeight()
	var items []*pdfItem
	for pi, in := range paras {
		lines := p.lines(in, st, width)
		n := len(lines)
		for i, l := range lines {
			first, last := pi == 0 && i == 0, pi == len(paras)-1 && i == n-1
			it := &pdfItem{h: lh, keepNext: st.keepTogether || (i == 0 && n > 1) || i == n-2}
			if first {
				it.before, it.h = st.before, it.h+box.padTop
			}
			if last {
				it.after, it.h = st.after, it.h+box.padBottom
				it.keepNext = st.keepNext
			}
			l, paraEnd, marker := l, i == n-1, i == 0 && m != nil
			it.draw = func(y float64) {
				p.boxSlice(st, box, y, it.h, first, last)
				if first {
					y += box.padTop
				}
				if marker {
					p.marker(m, st, x-st.hang, y)
				}
				p.drawLine(l, st, x+box.padLeft, y, width, paraEnd)
			}
			items = append(items, it)
		}
	}
	for _, it := range items {
		p.add(it)
	}
}

// boxSlice draws the part of a paragraph's box behind one of its lines.
func (p *pdfWriter) boxSlice(st *pdfStyle, box *pdfBox, y, h float64, first, last bool) {
	if box.fill == nil && box.line == 0 {
		return
	}
	x0 := pdfLeft + st.left
	x1 := pdfLeft + pdfWidth - st.right
	if box.fill != nil {
		p.fillRect(x0, y, x1-x0, h, *box.fill)
	}
	if box.line == 0 {
		return
	}
	half := box.line / 2
	if box.left {
		p.line(x0+half, y, x0+half, y+h, box.line, box.border)
	}
	if box.right {
		p.line(x1-half, y, x1-half, y+h, box.line, box.border)
	}
	if box.top && first {
		p.line(x0, y+half, x1, y+half, box.line, box.border)
	}
	if box.bottom && last {
		p.line(x0, y+h-half, x1, y+h-half, box.line, box.border)
	}
}

// marker draws a list marker: a bullet, a number, or a box to tick, with its tick when
// the step is done (the fonts have no ballot box: a white square, and the tick drawn).
func (p *pdfWriter) marker(m *pdfMarker, st *pdfStyle, x, y float64) {
	text := "•"
	switch {
	case m.list == Numbered:
		text = strconv.Itoa(m.n+1) + "."
	case m.list == Checklist && m.done:
		text = "\u2611"
	case m.list == Checklist:
		text = "\u2610"
	}
	l := pdfLine{words: p.words(Inline{plain(text)}, st)}
	p.drawLine(l, st, x, y, st.hang, true)
}

// drawBox draws a box to tick at x on the baseline: an invisible white square for the
// text layer, the square outlined as high as a capital letter, and its tick.
func (p *pdfWriter) drawBox(fr pdfFrag, st *pdfStyle, x, base float64) {
	s := st.size
	glyph := p.measure(fr.text, fr.face, s, 0)
	p.setFont(fr.face, s)
	p.f.SetTextRenderingMode(3)
	p.f.Text(x+(fr.w-glyph)/2, base, fr.text)
	p.f.SetTextRenderingMode(0)
	side := 0.66 * s
	left := x + (fr.w-side)/2
	p.f.SetDrawColor(st.color.r, st.color.g, st.color.b)
	p.f.SetLineWidth(0.06 * s)
	p.f.Rect(left, base-side, side, side, "D")
	if fr.box == tickedBox {
		p.f.SetLineWidth(0.09 * s)
		p.f.SetLineCapStyle("round")
		p.f.SetLineJoinStyle("round")
		p.f.Line(left+0.15*side, base-0.5*side, left+0.4*side, base-0.2*side)
		p.f.Line(left+0.4*side, base-0.2*side, left+0.9*side, base-0.95*side)
		p.f.SetLineCapStyle("butt")
		p.f.SetLineJoinStyle("miter")
	}
}

// note lays out a boxed note: its title in capitals, its lines, its items after a dash.
func (p *pdfWriter) note(bl Block, beforeNote bool) {
	paras := [][]Inline{{noteTitle(bl)}}
	for _, l := range bl.Lines {
		paras = append(paras, []Inline{l})
	}
	for _, it := range bl.Items {
		paras = append(paras, []Inline{noteItem(it)})
	}
	p.paras(pdfNote, paras, nil)
	if !beforeNote && len(p.items) > 0 {
		p.items[len(p.items)-1].after = noteEndSpace
	}
}

// cellLines lays out the text of a cell.
func (p *pdfWriter) cellLines(in Inline, st *pdfStyle, width float64) []pdfLine {
	return p.lines([]Inline{in}, st, width-2*cellPad)
}

// drawCell draws a cell's background, text and border.
func (p *pdfWriter) drawCell(lines []pdfLine, st *pdfStyle, x, y, w, h float64, fill *rgb, border bool) {
	if fill != nil {
		p.fillRect(x, y, w, h, *fill)
	}
	for i, l := range lines {
		p.drawLine(l, st, x+cellPad, y+cellPad+float64(i)*st.lineHeight(), w-2*cellPad, i == len(lines)-1)
	}
	if border {
		p.f.SetDrawColor(0, 0, 0)
		p.f.SetLineWidth(cellBorder)
		p.f.Rect(x, y, w, h, "D")
	}
}

// table lays out a bordered table: one item a row, rows never split, the header row
// repeated at the top of each page the table runs on.
func (p *pdfWriter) table(t *Table) {
	if len(t.Columns) == 0 {
		return
	}
	widths := pdfColumns(t.Columns)
	row := func(cells []Inline, styles []*pdfStyle, fill *rgb) *pdfItem {
		lines := make([][]pdfLine, len(cells))
		h := 0.0
		for i, c := range cells {
			lines[i] = p.cellLines(c, styles[i], widths[i])
			h = max(h, float64(len(lines[i]))*styles[i].lineHeight()+2*cellPad)
		}
		it := &pdfItem{h: h}
		it.draw = func(y float64) {
			x := pdfLeft
			for i := range cells {
				p.drawCell(lines[i], styles[i], x, y, widths[i], h, fill, true)
				x += widths[i]
			}
		}
		return it
	}
	n := len(t.Columns)
	heads := make([]Inline, n)
	headStyles := make([]*pdfStyle, n)
	for i, c := range t.Columns {
		heads[i], headStyles[i] = heading(c), pdfCellHead
	}
	header := row(heads, headStyles, &headFill)
	header.keepNext = true
	header.before = tableBefore
	p.add(header)
	keep := len(t.Rows) <= keptRows
	for i, r := range t.Rows {
		var it *pdfItem
		if r.Group {
			// One cell across the table; a group's title stays with its first row.
			var in Inline
			if len(r.Cells) > 0 {
				in = r.Cells[0].Styled(Strong)
			}
			lines := p.cellLines(in, pdfCell, pdfWidth)
			it = &pdfItem{h: float64(len(lines))*pdfCell.lineHeight() + 2*cellPad, keepNext: true}
			h := it.h
			it.draw = func(y float64) { p.drawCell(lines, pdfCell, pdfLeft, y, pdfWidth, h, &totalFill, true) }
		} else {
			cells := make([]Inline, n)
			styles := make([]*pdfStyle, n)
			for j, c := range t.Columns {
				if j < len(r.Cells) {
					cells[j] = r.Cells[j]
				}
				styles[j] = pdfCell
				if c.Right {
					styles[j] = pdfCellRight
				}
				if r.Total {
					cells[j] = cells[j].Styled(Strong)
				}
			}
			var fill *rgb
			if r.Total {
				fill = &totalFill
			}
			it = row(cells, styles, fill)
		}
		it.header = header
		if keep && i < len(t.Rows)-1 {
			it.keepNext = true
		}
		if i == len(t.Rows)-1 {
			it.after = tableAfter
			it.keepNext = false
		}
		p.add(it)
	}
	if len(t.Rows) == 0 {
		header.keepNext, header.after = false, tableAfter
	}
}

// pdfColumns shares the text width between columns by their relative widths.
func pdfColumns(cols []Column) []float64 {
	total := 0
	for _, c := range cols {
		total += max(c.Width, 1)
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = pdfWidth * float64(max(c.Width, 1)) / float64(total)
	}
	return out
}

// signatures lays out the signature blocks side by side, in one item: the heading lines
// aligned, room to sign, then the name in bold.
func (p *pdfWriter) signatures(sigs []Signature) {
	if len(sigs) == 0 {
		return
	}
	colW := pdfWidth / float64(len(sigs))
	lh := pdfSign.lineHeight()
	heads := alignedHeadings(sigs)
	headLines := make([][]pdfLine, len(sigs))
	names := make([][]pdfLine, len(sigs))
	rows := 0
	for i, s := range sigs {
		for _, h := range heads[i] {
			headLines[i] = append(headLines[i], p.cellLines(h, pdfSign, colW)...)
		}
		names[i] = p.cellLines(s.Name.Styled(Strong), pdfSign, colW)
		rows = max(rows, len(headLines[i]))
	}
	height := 0
	for i := range sigs {
		height = max(height, rows+3+len(names[i]))
	}
	it := &pdfItem{h: float64(height)*lh + 2*cellPad, before: tableBefore, after: tableAfter}
	it.draw = func(y float64) {
		for i := range sigs {
			x := pdfLeft + float64(i)*colW
			p.drawCell(headLines[i], pdfSign, x, y, colW, it.h, nil, false)
			p.drawCell(names[i], pdfSign, x, y+float64(rows+3)*lh, colW, it.h, nil, false)
		}
	}
	p.add(it)
}

// footer writes the footer line of the current page, wrapped when the title is long.
func (p *pdfWriter) footer(text string) {
	for i, l := range p.lines([]Inline{Inline{plain(text)}}, pdfFootStyle, pdfWidth) {
		p.drawLine(l, pdfFootStyle, pdfLeft, pdfFooter+float64(i)*pdfFootStyle.lineHeight(), pdfWidth, true)
	}
}

// pdfPlaced is an item placed on a page, at y from the top.
type pdfPlaced struct {
	item *pdfItem
	y    float64
}

// paginate places the items on pages. An item goes to the next page when it, and the
// items it is kept with, do not fit in what is left of the page but fit on a page;
// the space above an item is dropped at the top of a page; a table row that starts a
// page is preceded by its table's header row.
func paginate(items []*pdfItem) [][]pdfPlaced {
	const room = pdfBottom - pdfTop
	var pages [][]pdfPlaced
	var page []pdfPlaced
	y := pdfTop
	top := true
	for i, it := range items {
		need := it.h
		if !top {
			need += it.before
		}
		group := need
		for j := i; j+1 < len(items) && items[j].keepNext; j++ {
			group += items[j].after + items[j+1].before + items[j+1].h
		}
		if group <= room-headerHeight(it) {
			need = group
		}
		if !top && y+need > pdfBottom {
			pages = append(pages, page)
			page, y, top = nil, pdfTop, true
		}
		if top && it.header != nil && it.header != it {
			page = append(page, pdfPlaced{it.header, y})
			y += it.header.h
			top = false
		}
		if !top {
			y += it.before
		}
		page = append(page, pdfPlaced{it, y})
		y += it.h + it.after
		top = false
	}
	return append(pages, page)
}

func headerHeight(it *pdfItem) float64 {
	if it.header == nil || it.header == it {
		return 0
	}
	return it.header.h
}
