// Package safetext is the one sanitiser of aect: every text that comes from a draft, a
// file, a path or an error message goes through it before it reaches a terminal or a
// document, so that nothing a user (or a crafted file) wrote can drive the terminal.
//
// A terminal acts on escape sequences (ESC, and the C1 control sequence introducer
// U+009B), on the other C0 and C1 control characters and on DEL; bidirectional controls
// (embeddings, overrides, isolates and marks) reorder what is displayed around them. The
// package either removes them (Line, Text) or shows them as visible symbols (Visible,
// Message), and cuts long values (Cut). It does no I/O.
package safetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ellipsis ends a value that was cut.
const Ellipsis = "…"

// MaxMessageLine is the longest line, in characters, that Message keeps whole: a longer
// line is cut in its middle, keeping its beginning and its end (which usually says what
// is wrong).
const MaxMessageLine = 1000

// Line returns s as one clean line, for a title, a name or any value shown on one line
// (and for the text of the documents): escape sequences are removed whole, control
// characters (C0, C1, DEL), bidirectional controls, the byte order mark and the
// non-characters U+FFFE and U+FFFF are removed, invalid UTF-8 becomes U+FFFD, every run
// of white space (spaces, tabs, line breaks, \v, \f, \r, U+0085, U+2028, U+2029) becomes
// one space, and the surrounding spaces are trimmed.
func Line(s string) string {
	if isLine(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n, skip := next(s, i)
		i += n
		switch {
		case skip:
			continue
		case isSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Text returns s cleaned like Line but keeping its lines, for a long text shown on
// several lines: every line break (\r\n, \r, \n, \v, \f, U+0085, U+2028, U+2029) becomes
// \n and a tab becomes a space; the other spaces are kept as they are. A text without
// anything to remove is returned unchanged.
func Text(s string) string {
	if isText(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n, skip := next(s, i)
		i += n
		switch {
		case skip:
		case r == '\r' && i < len(s) && s[i] == '\n':
			// \r\n is one line break: the \n follows.
		case r == '\t':
			b.WriteByte(' ')
		case isSpace(r) && r != ' ':
			b.WriteByte('\n')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Visible returns s with every character a terminal would act on shown as a visible
// symbol instead, for a message that quotes an offending value: the C0 controls as their
// Unicode control pictures (ESC as ␛, BEL as ␇, a line break as ␊), DEL as ␡, and the C1
// controls, bidirectional controls, line and paragraph separators, the byte order mark
// and the non-characters U+FFFE and U+FFFF as <U+202E>. Invalid UTF-8 becomes U+FFFD.
// Escape sequences are kept, made inert: "\x1b[2J" reads "␛[2J". The result is one line.
func Visible(s string) string {
	if isVisible(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case shownAsCode(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Message returns an error message (or any text that may quote raw values) safe to show:
// each line is made Visible, and a line longer than MaxMessageLine characters is cut in
// its middle with "…". The line breaks between lines are kept.
func Message(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Visible(cutMiddle(strings.TrimSuffix(l, "\r"), MaxMessageLine))
	}
	return strings.Join(lines, "\n")
}

// Cut shortens s to at most n characters (runes), the last one being "…" when s was cut.
// It never separates a letter from the combining marks that follow it, and drops the
// spaces before the ellipsis. Cut does not clean s: call it on the result of Line, Text
// or Visible. A width of 0 or less gives "".
func Cut(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	// end is the byte offset after the first n-1 runes.
	end, count := 0, 0
	for end < len(s) && count < n-1 {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		count++
	}
	// Back off while the first rune dropped belongs to the one before it.
	for end > 0 {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if !joins(r) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
	}
	return strings.TrimRight(s[:end], " \u00a0") + Ellipsis
}

// cutMiddle shortens s to at most n runes by removing its middle, marked by "…".
func cutMiddle(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	head := (n - 1) / 2
	tail := n - 1 - head
	return string(r[:head]) + Ellipsis + string(r[len(r)-tail:])
}

// joins reports whether r attaches to the character before it: a combining mark, a
// variation selector or a zero width joiner.
func joins(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || r == '\u200d' ||
		(r >= '\ufe00' && r <= '\ufe0f') || (r >= 0xe0100 && r <= 0xe01ef)
}

// next reads the rune at s[i]: its value and size, and skip when it is to be removed. An
// escape sequence (ESC or U+009B and what follows) is one unit to skip; invalid UTF-8
// reads as U+FFFD.
func next(s string, i int) (r rune, n int, skip bool) {
	r, n = utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && n == 1:
		return '\uFFFD', 1, false
	case r == 0x1b:
		return r, n + escapeLen(s[i+n:]), true
	case r == 0x9b: // C1 control sequence introducer
		return r, n + csiLen(s[i+n:]), true
	}
	return r, n, removed(r)
}

// isSpace reports whether r is white space that Line folds and Text turns into a line
// break (or, for a tab, a space).
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// removed reports whether r is removed by Line and Text: control characters other than
// white space, the bidirectional controls, the byte order mark and two non-characters.
func removed(r rune) bool {
	if isSpace(r) {
		return false
	}
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || bidi(r) ||
		r == '\uFEFF' || r == '\uFFFE' || r == '\uFFFF'
}

// bidi reports whether r is a bidirectional control: the embeddings and overrides
// (U+202A–U+202E), the isolates (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C).
func bidi(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') ||
		r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// shownAsCode reports whether Visible shows r as <U+XXXX>: a character above ASCII that
// Line removes or folds.
func shownAsCode(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || bidi(r) || r == '\u2028' || r == '\u2029' ||
		r == '\uFEFF' || r == '\uFFFE' || r == '\uFFFF'
}

// isLine reports whether Line would return s unchanged: no space at either end, no two
// spaces in a row, and nothing plain would change.
func isLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	return plain(s, false)
}

// isText reports whether Text would return s unchanged.
func isText(s string) bool { return plain(s, true) }

// isVisible reports whether Visible would return s unchanged.
func isVisible(s string) bool { return plain(s, false) }

// plain reports whether s holds no control character (but line feeds when newlines), no
// invalid UTF-8 and nothing shown as a code.
func plain(s string, newlines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && !(newlines && c == '\n')) || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if (r == utf8.RuneError && n == 1) || shownAsCode(r) {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// escapeLen is the length of the rest of an escape sequence after ESC.
func escapeLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '[':
		return 1 + csiLen(s[1:])
	case ']', 'P', 'X', '^', '_':
		// A string ended by BEL or ST (ESC \).
		for i := 1; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b {
				if i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
				return i
			}
		}
		return len(s)
	}
	if s[0] >= 0x20 && s[0] < 0x7f {
		return 1
	}
	return 0
}

// csiLen is the length of a control sequence after its introducer: parameter and
// intermediate bytes, then one final byte.
func csiLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f:
			continue
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		}
		return i
	}
	return len(s)
}
