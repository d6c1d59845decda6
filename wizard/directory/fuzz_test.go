package directory

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch: whatever is typed, the search neither panics nor returns more than asked,
// and every result is a commune or an EPCI.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"saint cyprien", "st-cyprien", "24220", "2a004", "212 403 968", "\x1b[2J", "é\u0301\u0301", "\xff", "communaute de communes de la", "le"} {
		f.Add(s, 5)
	}
	d := load(f)
	f.Fuzz(func(t *testing.T, q string, limit int) {
		limit %= 50
		res, total := d.Search(q, limit)
		if limit > 0 && len(res) > limit || total < len(res) {
			t.Fatalf("%q: %d results, total %d, limit %d", q, len(res), total, limit)
		}
		for _, r := range res {
			if (r.Commune == nil) == (r.EPCI == nil) {
				t.Fatalf("%q: result %+v", q, r)
			}
		}
		if k := Key(q); !utf8.ValidString(k) || strings.Contains(k, "  ") {
			t.Fatalf("Key(%q) = %q", q, k)
		}
	})
}

// FuzzDecode: a damaged or hostile file is refused, never a panic.
func FuzzDecode(f *testing.F) {
	f.Add(gz("aect-annuaire\t1\nmillesime\t2026\nsource\tx\nregions\t0\ndepartements\t0\nepci\t0\ncommunes\t0\nfin\n"))
	f.Add(gz("aect-annuaire\t1\nmillesime\t2026\nsource\tx\nregions\t1\n01\tA\tmetro\ndepartements\t0\nepci\t0\ncommunes\t1\n+3\nX\n01\n01\nmetro\n\n\n=5\n\n\nfin\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Decode(bytes.NewReader(data))
		_, _ = ReadInfo(bytes.NewReader(data))
	})
}

// TestPure: the package does no I/O of its own (its generator, in internal/gen, does).
func TestPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{join .Imports " "}}`, "aect/wizard/directory").Output()
	if err != nil {
		t.Skipf("go list unavailable: %v", err)
	}
	for _, imp := range strings.Fields(string(out)) {
		switch {
		case imp == "os", imp == "io/ioutil", imp == "path/filepath", imp == "net", imp == "os/exec", strings.HasPrefix(imp, "aect/") && imp != "aect/wizard/internal/fold":
			t.Errorf("directory imports %s", imp)
		}
	}
}
