package render

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextWidth is the width of the plain-text rendering, in columns.
const TextWidth = 80

// renderText writes the document as plain text wrapped at 80 columns: centred title
// block, underlined headings, ASCII tables and boxes, signature blocks side by side.
func renderText(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	t := &textWriter{w: bw}
	for i, bl := range d.Blocks {
		if i > 0 {
			t.nl()
		}
		t.block(bl)
	}
	return bw.Flush()
}

type textWriter struct {
	w *bufio.Writer
}

func (t *textWriter) nl() { t.w.WriteByte('\n') }

func (t *textWriter) line(s string) {
	t.w.WriteString(strings.TrimRight(s, " "))
	t.nl()
}

func (t *textWriter) block(bl Block) {
	switch bl.Type {
	case BlockTitle, BlockCenter:
		for _, l := range bl.Lines {
			for _, s := range Wrap(l.String(), TextWidth) {
				t.line(center(s, TextWidth))
			}
		}
	case BlockHeading:
		s := bl.Lines[0].String()
		for _, l := range Wrap(s, TextWidth) {
			t.line(l)
		}
		ch := "="
		if bl.Level > 1 {
			ch = "-"
		}
		t.line(strings.Repeat(ch, min(TextWidth, Width(s))))
	case BlockParagraph, BlockLines, BlockVote, BlockMentions:
		for _, l := range bl.Lines {
			for _, s := range Wrap(l.String(), TextWidth) {
				t.line(s)
			}
		}
	case BlockArticle:
		for _, s := range Wrap(bl.Label+" – "+bl.Lines[0].String(), TextWidth) {
			t.line(s)
		}
	case BlockList:
		for i, it := range bl.Items {
			t.item(listMarker(bl.List, i, it.Done), it.Text.String(), TextWidth)
		}
	case BlockTable:
		t.table(bl.Table)
	case BlockSignatures:
		t.signatures(bl.Signatures)
	case BlockNote:
		t.note(bl)
	}
}

// listMarker is the text marker of a list item.
func listMarker(k ListKind, i int, done bool) string {
	switch k {
	case Numbered:
		return strconv.Itoa(i+1) + ". "
	case Checklist:
		if done {
			return "[x] "
		}
		return "[ ] "
	}
	return "- "
}

// item writes a list item with a hanging indent.
func (t *textWriter) item(marker, s string, width int) {
	for i, l := range Wrap(s, width-len(marker)) {
		if i == 0 {
			t.line(marker + l)
		} else {
			t.line(strings.Repeat(" ", len(marker)) + l)
		}
	}
}

// note writes a boxed note.
func (t *textWriter) note(bl Block) {
	inner := TextWidth - 4
	var rows []string
	rows = append(rows, Wrap(strings.ToUpper(bl.Label), inner)...)
	for _, l := range bl.Lines {
		rows = append(rows, Wrap(l.String(), inner)...)
	}
	for _, it := range bl.Items {
		for i, l := range Wrap(it.Text.String(), inner-2) {
			if i == 0 {
				rows = append(rows, "- "+l)
			} else {
				rows = append(rows, "  "+l)
			}
		}
	}
	border := "+" + strings.Repeat("-", TextWidth-2) + "+"
	t.line(border)
	for _, r := range rows {
		t.line("| " + pad(r, inner) + " |")
	}
	t.line(border)
}

// signatures writes the signature blocks side by side.
func (t *textWriter) signatures(sigs []Signature) {
	if len(sigs) == 0 {
		return
	}
	const gap = 4
	colW := (TextWidth - gap*(len(sigs)-1)) / len(sigs)
	cols := make([][]string, len(sigs))
	heads := 0
	for i, s := range sigs {
		for _, h := range s.Heading {
			cols[i] = append(cols[i], Wrap(h.String(), colW)...)
		}
		heads = max(heads, len(cols[i]))
	}
	height := 0
	for i, s := range sigs {
		for len(cols[i]) < heads+3 {
			cols[i] = append(cols[i], "")
		}
		cols[i] = append(cols[i], Wrap(s.Name.String(), colW)...)
		height = max(height, len(cols[i]))
	}
	for r := 0; r < height; r++ {
		var b strings.Builder
		for i, c := range cols {
			cell := ""
			if r < len(c) {
				cell = c[r]
			}
			if i < len(cols)-1 {
				b.WriteString(pad(cell, colW) + strings.Repeat(" ", gap))
			} else {
				b.WriteString(cell)
			}
		}
		t.line(b.String())
	}
}

// table writes an ASCII table, fitting the columns in 80 columns and wrapping the cells.
func (t *textWriter) table(tb *Table) {
	n := len(tb.Columns)
	if n == 0 {
		return
	}
	natural := make([]int, n)
	minimum := make([]int, n)
	measure := func(i int, s string) {
		natural[i] = max(natural[i], Width(s))
		for _, w := range strings.Split(s, " ") {
			minimum[i] = max(minimum[i], Width(w))
		}
	}
	for i, c := range tb.Columns {
		measure(i, c.Title)
	}
	for _, r := range tb.Rows {
		for i := 0; i < n && i < len(r.Cells) && !r.Group; i++ {
			measure(i, r.Cells[i].String())
		}
	}
	widths := fitColumns(natural, minimum, TextWidth-(3*n+1))
	sep := func(ch string) string {
		var b strings.Builder
		b.WriteString("+")
		for _, w := range widths {
			b.WriteString(strings.Repeat(ch, w+2) + "+")
		}
		return b.String()
	}
	row := func(cells []string, right func(int) bool) {
		wrapped := make([][]string, n)
		h := 1
		for i := 0; i < n; i++ {
			s := ""
			if i < len(cells) {
				s = cells[i]
			}
			wrapped[i] = Wrap(s, widths[i])
			h = max(h, len(wrapped[i]))
		}
		for l := 0; l < h; l++ {
			var b strings.Builder
			b.WriteString("|")
			for i := 0; i < n; i++ {
				s := ""
				if l < len(wrapped[i]) {
					s = wrapped[i][l]
				}
				if right(i) {
					b.WriteString(" " + padLeft(s, widths[i]) + " |")
				} else {
					b.WriteString(" " + pad(s, widths[i]) + " |")
				}
			}
			t.line(b.String())
		}
	}
	t.line(sep("-"))
	titles := make([]string, n)
	for i, c := range tb.Columns {
		titles[i] = c.Title
	}
	row(titles, func(int) bool { return false })
	t.line(sep("="))
	span := 3 * (n - 1)
	for _, w := range widths {
		span += w
	}
	for _, r := range tb.Rows {
		if r.Group {
			label := ""
			if len(r.Cells) > 0 {
				label = r.Cells[0].String()
			}
			for _, l := range Wrap(label, span) {
				t.line("| " + pad(l, span) + " |")
			}
			t.line(sep("-"))
			continue
		}
		cells := make([]string, len(r.Cells))
		for i, c := range r.Cells {
			cells[i] = c.String()
		}
		row(cells, func(i int) bool { return tb.Columns[i].Right })
		t.line(sep("-"))
	}
}

// fitColumns shrinks columns until the total fits: first the widest column that can
// still wrap between words (longer than its longest word), then, if it must, the widest
// column, cutting words, down to 6 columns.
func fitColumns(natural, minimum []int, total int) []int {
	w := append([]int(nil), natural...)
	for i := range w {
		w[i] = max(w[i], 1)
	}
	sum := 0
	for _, x := range w {
		sum += x
	}
	for sum > total {
		pick := -1
		for i := range w {
			if w[i] > minimum[i] && (pick < 0 || w[i] > w[pick]) {
				pick = i
			}
		}
		if pick < 0 {
			for i := range w {
				if w[i] > 6 && (pick < 0 || w[i] > w[pick]) {
					pick = i
				}
			}
		}
		if pick < 0 {
			break
		}
		w[pick]--
		sum--
	}
	return w
}

// Wrap splits s into lines of at most width columns, breaking at normal spaces only (a
// non-breaking space holds its words together, and so does glued); a word longer than a
// line is cut.
func Wrap(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	if Width(s) <= width && !strings.Contains(s, "  ") {
		return []string{s}
	}
	var lines []string
	var cur strings.Builder
	curW := 0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
	}
	for rest := s; rest != ""; {
		word := nextWord(&rest)
		if word == "" {
			continue
		}
		ww := Width(word)
		if ww > width {
			if curW > 0 {
				flush()
			}
			pieces := cutWidth(word, width)
			lines = append(lines, pieces[:len(pieces)-1]...)
			word = pieces[len(pieces)-1]
			ww = Width(word)
		}
		if curW > 0 && curW+1+ww > width {
			flush()
		}
		if curW > 0 {
			cur.WriteByte(' ')
			curW++
		}
		cur.WriteString(word)
		curW += ww
	}
	if curW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// glued are the abbreviations a line never ends with: the article of a code ("L.
// 1115-1", "art. L. 1115-5").
var glued = map[string]bool{"L.": true, "R.": true, "art.": true, "(art.": true}

// nextWord cuts the next word off *rest, joining a glued abbreviation to the word that
// follows it (keeping the normal space between them).
func nextWord(rest *string) string {
	s := *rest
	end := 0
	for {
		i := strings.IndexByte(s[end:], ' ')
		if i < 0 {
			*rest = ""
			return s
		}
		last := s[end : end+i]
		if glued[last] && end+i+1 < len(s) && s[end+i+1] != ' ' {
			end += i + 1
			continue
		}
		*rest = s[end+i+1:]
		return s[:end+i]
	}
}

// cutWidth cuts s into pieces of at most width columns (at least one rune each).
func cutWidth(s string, width int) []string {
	var out []string
	start, w := 0, 0
	for i, r := range s {
		rw := runeWidth(r)
		if w+rw > width && i > start {
			out = append(out, s[start:i])
			start, w = i, 0
		}
		w += rw
	}
	return append(out, s[start:])
}

// runeWidth is the number of columns a rune takes in a terminal: 0 for combining marks,
// 2 for East Asian wide characters, 1 otherwise.
func runeWidth(r rune) int {
	switch {
	case r < 0x300:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me):
		return 0
	case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0xa4cf, r >= 0xac00 && r <= 0xd7a3,
		r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xff60,
		r >= 0xffe0 && r <= 0xffe6, r >= 0x1f300 && r <= 0x1faff, r >= 0x20000 && r <= 0x3fffd:
		return 2
	}
	return 1
}

// Width is the width of s in columns on a terminal: 2 for a wide character (CJK), 0 for a
// combining mark.
func Width(s string) int {
	w := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			w++
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		w += runeWidth(r)
		i += n
	}
	return w
}

func pad(s string, width int) string {
	if d := width - Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

func padLeft(s string, width int) string {
	if d := width - Width(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

func center(s string, width int) string {
	if d := width - Width(s); d > 1 {
		return strings.Repeat(" ", d/2) + s
	}
	return s
}
