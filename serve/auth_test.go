package serve

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestParticipantName(t *testing.T) {
	for _, tc := range []struct {
		user, want string
		ok         bool
	}{
		{"marie", "marie", true},
		{"Marie", "marie", true},
		{"  Hélène ", "hélène", true},
		{"He\u0301le\u0300ne", "hélène", true}, // decomposed accents (macOS) → NFC
		{"jean-pierre", "jean-pierre", true},
		{"m.dupont_2", "m.dupont_2", true},
		{"", "", false},
		{"formateur", "", false},
		{"Formateur", "", false},
		{"-x", "", false},
		{"a b", "", false},
		{"../etc", "", false},
		{"a/b", "", false},
		{"con", "", false},
		{"COM1", "", false},
		{"lpt9.txt", "", false},
		{"marie.", "", false},
		{"é\u202eevil", "", false},
		{strings.Repeat("a", 33), "", false},
		{strings.Repeat("é", 32), strings.Repeat("é", 32), true},
	} {
		got, err := ParticipantName(tc.user)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParticipantName(%q) = %q, %v; want %q, ok %v", tc.user, got, err, tc.want, tc.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "prénom") {
			t.Errorf("ParticipantName(%q): the message does not say what to type: %v", tc.user, err)
		}
	}
}

func TestCodes(t *testing.T) {
	format := regexp.MustCompile(`^[a-z]+-[a-z]+-[1-9][0-9]$`)
	seen := map[string]bool{}
	for range 50 {
		c, err := NewCode(2)
		if err != nil {
			t.Fatal(err)
		}
		if w := strings.Split(c, "-"); w[0] == w[1] {
			t.Errorf("code %q repeats a word", c)
		}
		if !format.MatchString(c) {
			t.Errorf("code %q", c)
		}
		seen[c] = true
	}
	if len(seen) < 45 {
		t.Errorf("%d distinct codes in 50", len(seen))
	}
	for typed, ok := range map[string]bool{
		"abricot-volcan-47": true, "Abricot Volcan 47": true, "ABRICOTVOLCAN47": true, "abricot-volcan-48": false, "": false,
	} {
		if sameCode(typed, "abricot-volcan-47") != ok {
			t.Errorf("sameCode(%q) = %v", typed, !ok)
		}
	}
	if sameCode("", "") {
		t.Error("an empty code matched")
	}
	if err := CheckCode("abc-1"); err == nil {
		t.Error("a 4-character code was accepted")
	}
	if err := CheckCode("tilleul-38"); err != nil {
		t.Error(err)
	}
}

func TestFailures(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	f := newFailures(func() time.Time { return now })
	for range maxFailures - 1 {
		f.add("10.0.0.5")
	}
	if f.blocked("10.0.0.5") {
		t.Error("blocked too early")
	}
	f.add("10.0.0.5")
	if !f.blocked("10.0.0.5") || f.blocked("10.0.0.6") {
		t.Error("the address that failed should be blocked, only it")
	}
	now = now.Add(failureWindow)
	if f.blocked("10.0.0.5") {
		t.Error("still blocked after the window")
	}
}

// keys is an input that delivers its chunks one read at a time, as keys typed arrive.
type keys struct{ chunks []string }

func (k *keys) Read(p []byte) (int, error) {
	if len(k.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, k.chunks[0])
	k.chunks[0] = k.chunks[0][n:]
	if k.chunks[0] == "" {
		k.chunks = k.chunks[1:]
	}
	return n, nil
}

func TestLineReader(t *testing.T) {
	for _, tc := range []struct {
		name   string
		chunks []string
		lines  string
		echo   string
	}{
		{"plain", []string{"oui\r"}, "oui\n", "oui\n"},
		{"crlf and lf", []string{"a\r\nb\n"}, "a\nb\n", "a\nb\n"},
		{"backspace", []string{"noz\x7fn\r"}, "non\n", "noz\b \bn\n"},
		{"accent erased whole", []string{"caf\u00e9\x7f\x7ffé\r"}, "café\n", "café\b \b\b \bfé\n"},
		{"wide character erased whole", []string{"日\x7fx\r"}, "x\n", "日\b \b\b \bx\n"},
		{"accent split across reads", []string{"Ev\xc3", "\xa9ry\r"}, "Evéry\n", "Evéry\n"},
		{"arrows skipped", []string{"ab\x1b[D\x1b[Cc\x1bOA\r"}, "abc\n", "abc\n"},
		{"ctrl+u", []string{"faux\x15vrai\r"}, "vrai\n", "faux\b \b\b \b\b \b\b \bvrai\n"},
		{"ctrl+c ends", []string{"12\r3\x03ignored\r"}, "12\n", "12\n3^C\n"},
		{"ctrl+d on an empty line ends", []string{"x\r\x04y\r"}, "x\n", "x\n"},
		{"controls dropped, tab a space", []string{"a\x07\tb\r"}, "a b\n", "a b\n"},
	} {
		var echo bytes.Buffer
		got, err := io.ReadAll(newLineReader(&keys{chunks: tc.chunks}, &echo))
		if err != nil || string(got) != tc.lines || echo.String() != tc.echo {
			t.Errorf("%s: lines %q, echo %q, %v; want %q, %q", tc.name, got, echo.String(), err, tc.lines, tc.echo)
		}
	}
}
