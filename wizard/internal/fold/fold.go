// Package fold lower-cases French text and removes its accents, for searches that ignore
// both. It is shared by the wizard and the directory of collectivités, which the wizard
// imports: neither may import the other for it.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased and without accents or ligatures: Fold("Évry") == "evry",
// Fold("Cœur") == "coeur". Typographic apostrophes become "'" and every space ' '.
func Fold(s string) string {
	if ascii(s) {
		return foldASCII(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		case r == '’' || r == 'ʼ':
			b.WriteByte('\'')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// foldASCII is Fold for ASCII text, which has no accents to remove: most names are ASCII
// and the directory folds 35 000 of them when it loads.
func foldASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			b[i] = ' '
		}
	}
	return string(b)
}
