package render

import (
	"bufio"
	"io"
	"strings"
	"unicode"
)

// renderMarkdown writes the document as CommonMark with GitHub tables and task lists.
// User text is escaped so that it never turns into markup or raw HTML; placeholders are
// written as they are, "[à compléter : …]", easy to search for.
func renderMarkdown(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	m := &mdWriter{w: bw}
	for i, bl := range d.Blocks {
		if i > 0 {
			bw.WriteByte('\n')
		}
		m.block(bl)
	}
	return bw.Flush()
}

type mdWriter struct {
	w *bufio.Writer
}

// hardBreak ends a line inside a paragraph.
const hardBreak = "\\\n"

func (m *mdWriter) block(bl Block) {
	w := m.w
	switch bl.Type {
	case BlockTitle:
		parts := make([]string, len(bl.Lines))
		for i, l := range bl.Lines {
			parts[i] = mdInline(l, false)
		}
		w.WriteString("# " + strings.Join(parts, " ") + "\n")
	case BlockHeading:
		w.WriteString(strings.Repeat("#", bl.Level+1) + " " + mdInline(bl.Lines[0], false) + "\n")
	case BlockParagraph, BlockCenter, BlockLines, BlockVote:
		m.lines(bl.Lines)
	case BlockMentions:
		w.WriteString("---\n\n")
		m.lines(bl.Lines)
	case BlockArticle:
		w.WriteString("**" + mdEscape(bl.Label) + "** – " + mdInline(bl.Lines[0], false) + "\n")
	case BlockList:
		for i, it := range bl.Items {
			marker := listMarker(bl.List, i, it.Done)
			if bl.List != Numbered {
				marker = "- " + strings.TrimPrefix(marker, "- ")
			}
			w.WriteString(marker + mdInline(it.Text, false) + "\n")
		}
	case BlockTable:
		m.table(bl.Table)
	case BlockSignatures:
		for i, s := range bl.Signatures {
			if i > 0 {
				w.WriteByte('\n')
			}
			lines := append(append([]Inline(nil), s.Heading...), s.Name)
			m.lines(lines)
		}
	case BlockNote:
		w.WriteString("> **" + mdEscape(strings.ToUpper(bl.Label)) + "**\n>\n")
		for _, l := range bl.Lines {
			w.WriteString("> " + mdInline(l, true) + "\n>\n")
		}
		for _, it := range bl.Items {
			w.WriteString("> - " + mdInline(it.Text, false) + "\n")
		}
	}
}

// lines writes lines as one paragraph with hard line breaks.
func (m *mdWriter) lines(lines []Inline) {
	for i, l := range lines {
		m.w.WriteString(mdInline(l, true))
		if i < len(lines)-1 {
			m.w.WriteString(hardBreak)
		} else {
			m.w.WriteByte('\n')
		}
	}
}

func (m *mdWriter) table(t *Table) {
	w := m.w
	w.WriteString("|")
	for _, c := range t.Columns {
		w.WriteString(" " + mdEscape(c.Title) + " |")
	}
	w.WriteString("\n|")
	for _, c := range t.Columns {
		if c.Right {
			w.WriteString(" ---: |")
		} else {
			w.WriteString(" --- |")
		}
	}
	w.WriteString("\n")
	for _, r := range t.Rows {
		w.WriteString("|")
		for i := range t.Columns {
			cell := ""
			if i < len(r.Cells) {
				in := r.Cells[i]
				if r.Total || r.Group {
					in = in.Styled(Strong)
				}
				cell = mdInline(in, false)
			}
			w.WriteString(" " + cell + " |")
		}
		w.WriteString("\n")
	}
}

// mdInline renders a line; start says whether it starts a Markdown line, where a
// leading "#", "-", "+", ">" or "1." would start a block.
func mdInline(in Inline, start bool) string {
	var b strings.Builder
	for _, s := range in {
		switch s.Style {
		case Placeholder:
			b.WriteString(s.Text)
		case Strong:
			mdWrap(&b, s.Text, "**")
		case Emphasis:
			mdWrap(&b, s.Text, "*")
		default:
			b.WriteString(mdEscape(s.Text))
		}
	}
	out := b.String()
	if start {
		out = mdLineStart(out)
	}
	return out
}

// mdWrap writes text between markers, keeping surrounding spaces outside so that the
// emphasis is recognised.
func mdWrap(b *strings.Builder, s, marker string) {
	core := strings.TrimLeftFunc(s, unicode.IsSpace)
	b.WriteString(s[:len(s)-len(core)])
	trimmed := strings.TrimRightFunc(core, unicode.IsSpace)
	if trimmed != "" {
		b.WriteString(marker + mdEscape(trimmed) + marker)
	}
	b.WriteString(core[len(trimmed):])
}

// mdSpecial are the characters escaped in text.
const mdSpecial = "\\`*_[]<>|~&"

// mdEscape backslash-escapes Markdown punctuation.
func mdEscape(s string) string {
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLineStart escapes what would open a block at the start of a line.
func mdLineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '-', '+', '=', '>':
		return "\\" + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}
