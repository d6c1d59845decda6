package fold

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Évry":             "evry",
		"Cœur":             "coeur",
		"ÆSOP":             "aesop",
		"L’Haÿ-les-Roses":  "l'hay-les-roses",
		"Saint-Cyprien":    "saint-cyprien",
		"a\tb\nc\r":        "a b c ",
		"Straße":           "strasse",
		"":                 "",
		"ÎLE-DE-BRÉHAT":    "ile-de-brehat",
		"Ma\u00a0ville":    "ma ville",
		"Plain ASCII 42 !": "plain ascii 42 !",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestASCIIFastPath: the fast path gives what the general one gives on every ASCII byte.
func TestASCIIFastPath(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		s := string(rune(c))
		slow := Fold(s + "é")
		slow = slow[:len(slow)-1] // drop the folded "e"
		if got := foldASCII(s); got != slow || !utf8.ValidString(got) {
			t.Errorf("foldASCII(%q) = %q, the general path gives %q", s, got, slow)
		}
	}
}
