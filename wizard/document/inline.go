package document

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"aect/wizard"
	"aect/wizard/document/render"
	"aect/wizard/safetext"
)

const nbsp = wizard.NBSP

// todo is the placeholder of a missing answer: "[à compléter : what]".
func todo(what string) render.Span {
	return render.Span{Text: typo("[à compléter : " + what + "]"), Style: render.Placeholder}
}

// confirm is the placeholder of a point the user's jurist or accountant must confirm:
// "[à confirmer : what]".
func confirm(what string) render.Span {
	return render.Span{Text: typo("[à confirmer : " + what + "]"), Style: render.Placeholder}
}

// orTodo is the answer s, or the placeholder for what when s is empty.
func orTodo(s, what string) any {
	if s == "" {
		return todo(what)
	}
	return s
}

// strong is bold text.
func strong(s string) render.Span { return render.Span{Text: typo(s), Style: render.Strong} }

// emph is italic text.
func emph(s string) render.Span { return render.Span{Text: typo(s), Style: render.Emphasis} }

// cat concatenates parts into a line. A string is plain text (given French
// typography); a Span or an Inline is taken as is. Adjacent spans of the same style merge.
func cat(parts ...any) render.Inline {
	out := make(render.Inline, 0, len(parts))
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			out = out.Append(render.Span{Text: typo(v)})
		case render.Span:
			out = out.Append(v)
		case render.Inline:
			out = out.Append(v...)
		case []any:
			out = out.Append(cat(v...)...)
		case int:
			out = out.Append(render.Span{Text: strconv.Itoa(v)})
		default:
			panic("document: cat: unexpected part type")
		}
	}
	return out
}

// styled returns the line with every plain span given style st.
func styled(in render.Inline, st render.SpanStyle) render.Inline { return in.Styled(st) }

// upper upper-cases the plain and strong text of a line, leaving placeholders alone.
func upper(in render.Inline) render.Inline {
	out := make(render.Inline, len(in))
	for i, s := range in {
		if s.Style != render.Placeholder {
			s.Text = strings.ToUpper(s.Text)
		}
		out[i] = s
	}
	return out
}

// typo applies French typography: a non-breaking space before ":" ";" "!" "?" "€" "%"
// and "»", after "«" and "n°", and between the groups of thousands of a number ("23 000 €"). A
// normal space there becomes non-breaking; a missing one is added before "€", "%" (after
// a digit) and inside the quotation marks.
func typo(s string) string {
	if !strings.ContainsAny(s, ":;!?€%«»°0123456789") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	var prev rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' && afterNumero(s[:i]):
			// « n° » is joined to its number, even when the number follows in another span.
			b.WriteString(nbsp)
		case r == ' ' && i+n < len(s):
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if strings.ContainsRune(":;!?€%»", next) || (isDigit(prev) && thousands(s[i+n:])) {
				b.WriteString(nbsp)
			} else {
				b.WriteByte(' ')
			}
		case r == '«':
			b.WriteRune(r)
			next, m := utf8.DecodeRuneInString(s[i+n:])
			if next == ' ' {
				n += m
			}
			if next != '\u00a0' && next != '\u202f' {
				b.WriteString(nbsp)
			}
		case r == '»' && i > 0 && prev != ' ' && prev != '\u00a0' && prev != '\u202f':
			b.WriteString(nbsp)
			b.WriteRune(r)
		case (r == '€' || r == '%') && isDigit(prev):
			b.WriteString(nbsp)
			b.WriteRune(r)
		default:
			b.WriteString(s[i : i+n])
		}
		prev = r
		i += n
	}
	return b.String()
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// afterNumero reports whether s ends with the abbreviation « n° » (or « N° »), which a
// non-breaking space joins to its number.
func afterNumero(s string) bool {
	return strings.HasSuffix(s, "n°") || strings.HasSuffix(s, "N°")
}

// thousands reports whether s starts with a group of exactly three digits that ends a
// number followed by a space, the euro sign or the end: "000 €" in "23 000 €".
func thousands(s string) bool {
	if len(s) < 3 || !isDigit(rune(s[0])) || !isDigit(rune(s[1])) || !isDigit(rune(s[2])) {
		return false
	}
	if len(s) == 3 {
		return true
	}
	return !isDigit(rune(s[3])) && s[3] != ',' || (s[3] == ',' && len(s) > 4 && isDigit(rune(s[4])))
}

// clean makes user text safe for every format: it is safetext.Line (escape sequences,
// control characters and bidirectional controls removed, invalid UTF-8 replaced, white
// space folded into single spaces, trimmed).
func clean(s string) string { return safetext.Line(s) }

// capitalize upper-cases the first letter of a line.
func capitalize(in render.Inline) render.Inline {
	if len(in) == 0 {
		return in
	}
	out := append(render.Inline(nil), in...)
	out[0].Text = wizard.Capitalize(out[0].Text)
	return out
}

// trimPeriod removes a final full stop, so that a user's sentence can be quoted inside
// a longer one.
func trimPeriod(s string) string {
	s = strings.TrimRight(s, " ")
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return s
	}
	return strings.TrimSuffix(s, ".")
}

// sentenceEnd separates a title from the sentence that follows it: ". ", or a space
// when the title already ends with punctuation.
func sentenceEnd(title string) string {
	if strings.HasSuffix(title, ".") || strings.HasSuffix(title, "!") || strings.HasSuffix(title, "?") || strings.HasSuffix(title, "…") {
		return " "
	}
	return ". "
}

// quote puts user text between French quotation marks, without its final full stop.
func quote(s string) string { return "« " + trimPeriod(s) + " »" }

// joinInline joins lines the French way, like wizard.JoinFr.
func joinInline(items []render.Inline) render.Inline {
	var parts []any
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			parts = append(parts, " et ")
		default:
			parts = append(parts, ", ")
		}
		parts = append(parts, it)
	}
	return cat(parts...)
}
