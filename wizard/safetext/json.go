package safetext

import (
	"fmt"
	"unicode/utf8"
)

// JSON returns JSON text with the characters a terminal would act on written as \u
// escapes, for JSON printed on the standard output (aect list --json, aect export-json).
// encoding/json already escapes the C0 controls but leaves DEL, the C1 controls and the
// bidirectional controls as they are. In valid JSON text such characters can only stand
// inside strings, where \u00XX means the same character: the data is unchanged. The
// tabs, line breaks and carriage returns between values are kept; invalid UTF-8 becomes
// \ufffd.
func JSON(data []byte) []byte {
	if isJSON(data) {
		return data
	}
	out := make([]byte, 0, len(data)+16)
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			out = append(out, `\ufffd`...)
		case r == '\t' || r == '\n' || r == '\r':
			out = append(out, byte(r))
		case r < 0x20 || r == 0x7f || shownAsCode(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, data[i:i+n]...)
		}
		i += n
	}
	return out
}

// isJSON reports whether JSON would return data unchanged.
func isJSON(data []byte) bool {
	for i := 0; i < len(data); i++ {
		c := data[i]
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(data[i:])
			if (r == utf8.RuneError && n == 1) || shownAsCode(r) {
				return false
			}
			i += n - 1
		}
	}
	return true
}
