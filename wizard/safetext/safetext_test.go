package safetext

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile are values that try to drive a terminal or break a layout.
var hostile = []string{
	"\x1b]52;c;ZXZpbA==\x07",
	"\x1b]0;titre\x07",
	"\x1b[2J\x1b[H",
	"\x1b[31mRouge\x1b[0m",
	"\x1bP1$r\x1b\\",
	"a\vb\fc\rd\ne\tf",
	"\u009b31mC1\u0085\u009d0;x\u009c",
	"\x9b31m",
	"del\x7fete",
	"\u202eNIMDA\u202c",
	"\u2066iso\u2069 \u2067\u2068",
	"\u200emarks\u200f\u061c",
	"\ufeffbom\ufffe\uffff",
	"ligne\u2028para\u2029",
	"\x00\x01\x07\x08\x1a",
	"\xff\xfe invalide",
	"\x1b]8;;http://x\x1b\\lien\x1b]8;;\x1b\\",
	"\x1b",
	"\x1b]sans fin",
}

// unsafeAt returns the byte offset of the first character a terminal would act on, or
// -1: a byte below 0x20 (except \n when newline is allowed), DEL, a C1 control, a
// bidirectional control, a line or paragraph separator, or invalid UTF-8. It is written
// independently of the package, from the list of what must not reach a terminal.
func unsafeAt(s string, newline bool) int {
	for i, r := range s {
		switch {
		case r == '\n' && newline:
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
			r == 0x200e, r == 0x200f, r == 0x061c, r == 0x2028, r == 0x2029:
			return i
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return -1
}

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"  a \n\t b  ":                     "a b",
		"\x1b[31mRouge\x1b[0m":             "Rouge",
		"a\x00b\x07c":                      "abc",
		"x\x1b]0;titre\x07y":               "xy",
		"x\x1b]52;c;ZXZpbA==\x07y":         "xy",
		"x\x1bP1$r\x1b\\y":                 "xy",
		"\xff":                             "\ufffd",
		"a\u202eb\u2028c":                  "ab c",
		"déjà propre":                      "déjà propre",
		"12\u00a0000 €":                    "12\u00a0000 €",
		"\u0085début\u009b31mfin\ufeff":    "débutfin",
		"a\vb\fc\rd":                       "a b c d",
		"\u2066x\u2069\u200e\u200f\u061cy": "xy",
		"del\x7fete":                       "delete",
		"":                                 "",
		"\x1b":                             "",
		"\x1b]sans fin":                    "",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"un\ndeux":                     "un\ndeux",
		"un\r\ndeux\rtrois\vquatre":    "un\ndeux\ntrois\nquatre",
		"a\fb\u2028c\u2029d\u0085e":    "a\nb\nc\nd\ne",
		"  deux  espaces\tet tab ":     "  deux  espaces et tab ",
		"\x1b[2Jeffacé\x1b]0;t\x07":    "effacé",
		"\u202egauche\u202c \x9b2Jfin": "gauche \ufffd2Jfin",
		"\u009b2Jfin":                  "fin",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"\x1b]0;titre\x07":    "␛]0;titre␇",
		"\x1b[2J":             "␛[2J",
		"a\nb\tc\rd":          "a␊b␉c␍d",
		"del\x7f":             "del␡",
		"\u202eabc":           "<U+202E>abc",
		"\u009b31m":           "<U+009B>31m",
		"x\u2028y\ufeff":      "x<U+2028>y<U+FEFF>",
		"\xffz":               "\ufffdz",
		"« déjà visible » 12": "« déjà visible » 12",
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMessage(t *testing.T) {
	got := Message("fichier « a\x1b[2Jb.json » invalide :\r\n  title : « \u202ex »")
	want := "fichier « a␛[2Jb.json » invalide :\n  title : « <U+202E>x »"
	if got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	long := "choix « " + strings.Repeat("x", 5000) + " » inconnu pour le pays"
	got = Message(long)
	if n := utf8.RuneCountInString(got); n != MaxMessageLine {
		t.Errorf("a long line has %d characters, want %d", n, MaxMessageLine)
	}
	if !strings.HasPrefix(got, "choix « xxx") || !strings.HasSuffix(got, "xxx » inconnu pour le pays") || !strings.Contains(got, "x…x") {
		t.Errorf("a long line is cut in its middle: %q", got)
	}
}

func TestCut(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"Jumelage", 8, "Jumelage"},
		{"Jumelage", 7, "Jumela…"},
		{"Jumelage", 1, "…"},
		{"Jumelage", 0, ""},
		{"Jumelage avec Lindenbach", 14, "Jumelage avec…"},
		{"Échange d'élèves", 10, "Échange d…"},
		{"cafe\u0301s", 5, "caf…"},                // é written e + combining acute stays whole
		{"a\U0001F469\u200d\U0001F4BBb", 3, "a…"}, // an emoji sequence is not split
		{"", 3, ""},
	} {
		if got := Cut(c.in, c.n); got != c.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestJSON(t *testing.T) {
	value := map[string]string{"title": "a\x1b]0;t\x07b\u202ec\u009bd\x7fe\u2066f\u200eg\ufeff", "ok": "déjà « propre »"}
	data, err := json.MarshalIndent(value, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got := JSON(data)
	if i := unsafeAt(string(got), true); i >= 0 {
		t.Fatalf("JSON leaves %q at %d in %s", got[i:], i, got)
	}
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil || back["title"] != value["title"] || back["ok"] != value["ok"] {
		t.Fatalf("JSON changed the data: %v %q", err, back)
	}
	if clean := []byte("{\n  \"a\": \"é\"\n}\n"); string(JSON(clean)) != string(clean) {
		t.Errorf("clean JSON changed: %s", JSON(clean))
	}
}

func TestHostileValuesComeOutSafe(t *testing.T) {
	for _, s := range hostile {
		for name, got := range map[string]string{"Line": Line(s), "Visible": Visible(s), "Cut(Line)": Cut(Line(s), 5)} {
			if i := unsafeAt(got, false); i >= 0 {
				t.Errorf("%s(%q) = %q: unsafe at %d", name, s, got, i)
			}
		}
		for name, got := range map[string]string{"Text": Text(s), "Message": Message(s)} {
			if i := unsafeAt(got, true); i >= 0 {
				t.Errorf("%s(%q) = %q: unsafe at %d", name, s, got, i)
			}
		}
		if strings.ContainsRune(Visible(s), 0x1b) || (strings.Contains(s, "\x1b") && !strings.Contains(Visible(s), "␛")) {
			t.Errorf("Visible(%q) = %q: ESC must be shown as ␛", s, Visible(s))
		}
	}
}

func FuzzSanitisers(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, 10)
	}
	f.Add("Jumelage Belmont – Lindenbach « 2027 »", 12)
	f.Fuzz(func(t *testing.T, s string, n int) {
		line := Line(s)
		if i := unsafeAt(line, false); i >= 0 {
			t.Fatalf("Line(%q) = %q: unsafe at %d", s, line, i)
		}
		if strings.Contains(line, "  ") || strings.HasPrefix(line, " ") || strings.HasSuffix(line, " ") {
			t.Fatalf("Line(%q) = %q: spaces not folded", s, line)
		}
		if Line(line) != line {
			t.Fatalf("Line is not idempotent on %q", s)
		}
		text := Text(s)
		if i := unsafeAt(text, true); i >= 0 {
			t.Fatalf("Text(%q) = %q: unsafe at %d", s, text, i)
		}
		if Text(text) != text {
			t.Fatalf("Text is not idempotent on %q", s)
		}
		if Line(text) != line {
			t.Fatalf("Line(Text(%q)) = %q, want Line = %q", s, Line(text), line)
		}
		vis := Visible(s)
		if i := unsafeAt(vis, false); i >= 0 {
			t.Fatalf("Visible(%q) = %q: unsafe at %d", s, vis, i)
		}
		msg := Message(s)
		if i := unsafeAt(msg, true); i >= 0 {
			t.Fatalf("Message(%q) = %q: unsafe at %d", s, msg, i)
		}
		if strings.Count(msg, "\n") != strings.Count(s, "\n") {
			t.Fatalf("Message(%q) = %q: lines lost", s, msg)
		}
		n = n % 200
		cut := Cut(line, n)
		if c := utf8.RuneCountInString(cut); c > max(n, 0) {
			t.Fatalf("Cut(%q, %d) = %q: %d characters", line, n, cut, c)
		}
		if cut != line && !strings.HasPrefix(line, strings.TrimSuffix(cut, Ellipsis)) {
			t.Fatalf("Cut(%q, %d) = %q: not a beginning of the value", line, n, cut)
		}
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		safe := JSON(data)
		if i := unsafeAt(string(safe), true); i >= 0 {
			t.Fatalf("JSON(%s) = %s: unsafe at %d", data, safe, i)
		}
		var back, want string
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(safe, &back); err != nil || back != want {
			t.Fatalf("JSON(%s) = %s decodes to %q, want %q (%v)", data, safe, back, want, err)
		}
	})
}
