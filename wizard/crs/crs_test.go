package crs

import (
	"strings"
	"testing"
)

// TestLists: the embedded lists read, in code order, each code of the right length,
// each sector in a known category, each channel under a known parent.
func TestLists(t *testing.T) {
	for name, l := range map[string]*list{"secteurs": sectors(), "categories": categories(), "canaux": channels()} {
		if len(l.codes) == 0 {
			t.Fatalf("%s: empty", name)
		}
		want := 5
		if name == "categories" {
			want = 3
		}
		for i, c := range l.codes {
			if len(c.Code) != want || strings.Trim(c.Code, "0123456789") != "" {
				t.Errorf("%s: code %q", name, c.Code)
			}
			if i > 0 && l.codes[i-1].Code >= c.Code {
				t.Errorf("%s: %s after %s", name, c.Code, l.codes[i-1].Code)
			}
			if c.Label == "" {
				t.Errorf("%s %s: no label", name, c.Code)
			}
		}
	}
	if n := len(sectors().codes); n != 325 {
		t.Errorf("%d sectors, want the 325 of the reference file", n)
	}
	for _, c := range sectors().codes {
		if _, ok := Category(c.Parent); !ok {
			t.Errorf("sector %s: unknown category %q", c.Code, c.Parent)
		}
		if c.Parent != c.Code[:3] {
			t.Errorf("sector %s in category %s", c.Code, c.Parent)
		}
	}
	for _, c := range channels().codes {
		if _, ok := Channel(c.Parent); c.Parent != "" && !ok {
			t.Errorf("channel %s: unknown parent %q", c.Code, c.Parent)
		}
	}
}

// TestLabels: a French label; the English one marked when the list has no French label;
// a withdrawn code marked and never offered; the public sector's labels say whose
// government it is.
func TestLabels(t *testing.T) {
	c, ok := Sector("14030")
	if !ok || c.Display() != "14030 – Approvisionnement en eau potable et assainissement - dispositifs de base" || c.English || c.Withdrawn {
		t.Errorf("14030: %+v", c)
	}
	c, ok = Sector("15120")
	if !ok || !c.English || !c.Withdrawn || c.FrenchLabel() != "Public sector financial management (libellé anglais) (code retiré de la liste)" {
		t.Errorf("15120: %+v %q", c, c.FrenchLabel())
	}
	if cat, ok := Category("920"); !ok || cat.FrenchLabel() != "SUPPORT TO NON- GOVERNMENTAL ORGANISATIONS (NGOs) (libellé anglais) (code retiré de la liste)" {
		t.Errorf("920: %+v", cat)
	}
	for code, want := range map[string]string{"12002": "Gouvernement local du pays bénéficiaire", "11001": "Gouvernement central du pays donneur",
		"22000": "ONG basée dans un pays donneur"} {
		if c, _ := Channel(code); c.Label != want {
			t.Errorf("%s: %q, want %q", code, c.Label, want)
		}
	}
	for _, l := range [][]Code{Sectors(), Channels()} {
		for _, c := range l {
			if c.Withdrawn {
				t.Errorf("withdrawn %s offered", c.Code)
			}
			if strings.Contains(c.Label, "Gouvernment") {
				t.Errorf("%s: typo kept: %q", c.Code, c.Label)
			}
		}
	}
	if _, ok := Channel("50000"); !ok {
		t.Error("a withdrawn channel must still read")
	}
	for _, c := range Channels() {
		if c.Code == "50000" {
			t.Error("withdrawn channel 50000 offered")
		}
	}
	for _, bad := range []string{"", "1403", "99999", "abcde"} {
		if _, ok := Sector(bad); ok {
			t.Errorf("Sector(%q) found", bad)
		}
	}
	if c, ok := Sector(" 14030 "); !ok || c.Code != "14030" {
		t.Error("spaces around a code")
	}
}
