package wizard

import (
	"sort"
	"testing"
)

var wantRegions = []string{
	"Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
	"Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine",
	"Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur", "Guadeloupe", "Martinique",
	"Guyane", "La Réunion", "Mayotte",
}

func TestDepartements(t *testing.T) {
	all := Departements()
	if len(all) != 101 {
		t.Fatalf("got %d départements, want 101", len(all))
	}
	allowed := make(map[string]bool)
	for _, r := range wantRegions {
		allowed[r] = true
	}
	seen := make(map[string]bool)
	overseas := 0
	for _, d := range all {
		if seen[d.Code] {
			t.Errorf("duplicate code %q", d.Code)
		}
		seen[d.Code] = true
		if d.Name == "" || d.Of == "" {
			t.Errorf("%s: empty name or Of", d.Code)
		}
		if !allowed[d.Region] {
			t.Errorf("%s: unknown région %q", d.Code, d.Region)
		}
		isDOM := len(d.Code) == 3 && d.Code >= "971" && d.Code <= "976"
		if d.Overseas != isDOM {
			t.Errorf("%s: Overseas = %v", d.Code, d.Overseas)
		}
		if d.Overseas {
			overseas++
		}
	}
	if overseas != 5 {
		t.Errorf("got %d overseas départements, want 5", overseas)
	}
	for _, c := range []string{"20", "975"} {
		if seen[c] {
			t.Errorf("code %q must not exist", c)
		}
	}
	if got := Regions(); len(got) != len(wantRegions) || !sort.StringsAreSorted(got) {
		t.Errorf("Regions() = %q", got)
	}

	cases := []struct{ code, name, of, region string }{
		{"38", "Isère", "de l'Isère", "Auvergne-Rhône-Alpes"},
		{"18", "Cher", "du Cher", "Centre-Val de Loire"},
		{"2a", "Corse-du-Sud", "de la Corse-du-Sud", "Corse"},
		{" 974 ", "La Réunion", "de La Réunion", "La Réunion"},
		{"75", "Paris", "de Paris", "Île-de-France"},
		{"13", "Bouches-du-Rhône", "des Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur"},
	}
	for _, c := range cases {
		d, ok := LookupDepartement(c.code)
		if !ok || d.Name != c.name || d.Of != c.of || d.Region != c.region {
			t.Errorf("LookupDepartement(%q) = %+v, %v", c.code, d, ok)
		}
	}
	if d, _ := LookupDepartement("974"); !d.Overseas {
		t.Error("974 must be overseas")
	}
	for _, c := range []string{"1", "20", "975", ""} {
		if _, ok := LookupDepartement(c); ok {
			t.Errorf("LookupDepartement(%q) found", c)
		}
	}
	all[0].Name = "changed"
	if d, _ := LookupDepartement("01"); d.Name != "Ain" {
		t.Error("Departements must return a copy")
	}
}

func TestCountries(t *testing.T) {
	all := Countries()
	if len(all) != 250 {
		t.Errorf("got %d countries, want 250 (249 ISO codes and XK)", len(all))
	}
	seen := make(map[string]bool)
	pma := 0
	for i, c := range all {
		if len(c.Code) != 2 || c.Code[0] < 'A' || c.Code[0] > 'Z' || c.Code[1] < 'A' || c.Code[1] > 'Z' {
			t.Errorf("bad code %q", c.Code)
		}
		if seen[c.Code] {
			t.Errorf("duplicate code %q", c.Code)
		}
		seen[c.Code] = true
		if i > 0 && all[i-1].Code >= c.Code {
			t.Errorf("not sorted at %q", c.Code)
		}
		if c.Name == "" {
			t.Errorf("%s: empty name", c.Code)
		}
		if c.PMA {
			pma++
			if !c.APD {
				t.Errorf("%s is PMA but not APD", c.Code)
			}
		}
	}
	if pma != 44 {
		t.Errorf("got %d PMA, want 44", pma)
	}

	check := func(code, name string, apd, isPMA bool) {
		t.Helper()
		c, ok := LookupCountry(code)
		if !ok {
			t.Errorf("LookupCountry(%q) not found", code)
			return
		}
		if c.Name != name || c.APD != apd || c.PMA != isPMA {
			t.Errorf("LookupCountry(%q) = %+v, want %s APD=%v PMA=%v", code, c, name, apd, isPMA)
		}
	}
	for code, name := range map[string]string{
		"SN": "Sénégal", "MG": "Madagascar", "ML": "Mali", "HT": "Haïti",
		"BJ": "Bénin", "TG": "Togo", "BF": "Burkina Faso",
	} {
		check(code, name, true, true)
	}
	for code, name := range map[string]string{
		"MA": "Maroc", "TN": "Tunisie", "CM": "Cameroun", "LB": "Liban",
		"AM": "Arménie", "UA": "Ukraine", "MX": "Mexique",
	} {
		check(code, name, true, false)
	}
	for code, name := range map[string]string{"DE": "Allemagne", "IT": "Italie", "CA": "Canada"} {
		check(code, name, false, false)
	}
	if c, ok := LookupCountry(" sn "); !ok || c.Code != "SN" {
		t.Errorf("LookupCountry is not case-insensitive: %+v, %v", c, ok)
	}
	for _, c := range []string{"", "S", "ZZ", "FRA"} {
		if _, ok := LookupCountry(c); ok {
			t.Errorf("LookupCountry(%q) found", c)
		}
	}
	all[0].Name = "changed"
	if c, _ := LookupCountry(countries[0].Code); c.Name == "changed" {
		t.Error("Countries must return a copy")
	}
}
