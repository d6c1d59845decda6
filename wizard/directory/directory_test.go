package directory

import (
	"bytes"
	"compress/gzip"
	"reflect"
	"strings"
	"testing"
	"time"
)

func load(t testing.TB) *Directory {
	t.Helper()
	d, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEmbedded(t *testing.T) {
	d := load(t)
	info, err := EmbeddedInfo()
	if err != nil || info != d.Info() || d.Millesime() != 2026 || !strings.Contains(info.Source, "INSEE") {
		t.Fatalf("EmbeddedInfo() = %+v, %v; Info() = %+v", info, err, d.Info())
	}
	if len(d.Communes()) != 34969 || len(d.EPCIs()) != 1255 || len(d.Departements()) != 109 || len(d.Regions()) != 26 {
		t.Errorf("%d communes, %d EPCI, %d départements, %d régions", len(d.Communes()), len(d.EPCIs()), len(d.Departements()), len(d.Regions()))
	}
	if err := d.Plausible(); err != nil {
		t.Error(err)
	}
	c, ok := d.Commune("24396")
	want := Commune{INSEE: "24396", Name: "Saint-Cyprien", Departement: "24", Region: "75", Zone: ZoneMetro, SIREN: "212403968",
		PopulationTotale: 1593, PopulationMunicipale: 1566, Postcodes: []string{"24220"}, EPCI: "200041051"}
	if !ok || !reflect.DeepEqual(*c, want) {
		t.Fatalf("Commune(24396) = %+v, %v", c, ok)
	}
	e, ok := d.EPCIOf(c)
	if !ok || e.SIREN != "200041051" || e.Name != "CC Vallée de la Dordogne et Forêt Bessède" || e.Members != 20 ||
		e.AuthorityType() != "communaute_communes" || e.TypeLabel() != "communauté de communes" || !reflect.DeepEqual(e.Departements, []string{"24"}) {
		t.Errorf("EPCIOf = %+v, %v", e, ok)
	}
	if r, ok := d.BySIREN("212 403 968"); !ok || r.Commune != c {
		t.Errorf("BySIREN(commune) = %+v, %v", r, ok)
	}
	if r, ok := d.BySIREN("200041051"); !ok || r.EPCI != e || r.Name() != e.Name {
		t.Errorf("BySIREN(EPCI) = %+v, %v", r, ok)
	}
	if _, ok := d.EPCI("212403968"); ok {
		t.Error("EPCI() found a commune's SIREN")
	}
	if dep, ok := d.Departement("2a"); !ok || dep.Name != "Corse-du-Sud" {
		t.Errorf("Departement(2a) = %+v, %v", dep, ok)
	}
	if r, ok := d.Region("75"); !ok || r.Name != "Nouvelle-Aquitaine" {
		t.Errorf("Region(75) = %+v, %v", r, ok)
	}
	if c, ok := d.Commune("2a004"); !ok || c.Name != "Ajaccio" || c.SIREN != "212000046" {
		t.Errorf("Commune(2a004) = %+v, %v", c, ok)
	}
	// Île-de-Bréhat belongs to no EPCI à fiscalité propre: its population totale is unknown.
	if c, ok := d.Commune("22016"); !ok || c.EPCI != "" || c.PopulationTotale != PopulationUnknown || c.PopulationMunicipale != 429 {
		t.Errorf("Commune(22016) = %+v, %v", c, ok)
	}
	natures := map[string]string{}
	for _, e := range d.EPCIs() {
		natures[e.Nature] = e.AuthorityType()
	}
	if !reflect.DeepEqual(natures, map[string]string{"CC": "communaute_communes", "CA": "communaute_agglomeration",
		"CU": "communaute_urbaine", "METRO": "metropole", "MET69": "metropole"}) {
		t.Errorf("natures: %v", natures)
	}
}

func TestOverseas(t *testing.T) {
	d := load(t)
	for insee, zone := range map[string]Zone{"97411": ZoneDROM, "97611": ZoneDROM, "98735": ZoneCOM, "97502": ZoneCOM, "24396": ZoneMetro, "2B033": ZoneMetro} {
		c, ok := d.Commune(insee)
		if !ok || c.Zone != zone || c.Overseas() != (zone != ZoneMetro) {
			t.Errorf("Commune(%s) = %+v, want zone %s", insee, c, zone)
		}
	}
	res, _ := d.Search("papeete", 5)
	if len(res) == 0 || res[0].Commune == nil || res[0].Commune.INSEE != "98735" || !res[0].Commune.Overseas() {
		t.Errorf("papeete: %v", names(res))
	}
}

func names(res []Result) []string {
	var out []string
	for _, r := range res {
		if r.Commune != nil {
			out = append(out, r.Commune.Name+" ("+r.Commune.INSEE+")")
		} else {
			out = append(out, r.EPCI.Name+" ("+r.EPCI.SIREN+")")
		}
	}
	return out
}

func TestSearchSaintCyprien(t *testing.T) {
	d := load(t)
	for _, q := range []string{"saint cyprien", "st cyprien", "St-Cyprien", "SAINT-CYPRIEN", "st. cyprien", "  saint   cyprien ", "Saint Cyprien"} {
		res, total := d.Search(q, 10)
		if total != 4 || len(res) != 4 {
			t.Errorf("%q: %d results: %v", q, total, names(res))
			continue
		}
		deps := map[string]bool{}
		for _, r := range res {
			if r.Commune == nil || r.Commune.Name != "Saint-Cyprien" {
				t.Errorf("%q: %v", q, names(res))
			} else {
				deps[r.Commune.Departement] = true
			}
		}
		if !reflect.DeepEqual(deps, map[string]bool{"19": true, "24": true, "42": true, "66": true}) {
			t.Errorf("%q: départements %v", q, deps)
		}
	}
	// The departments tell them apart.
	for _, q := range []string{"24220", "24396", "212403968", "212 403 968", "21240396800013", "saint cyprien 24", "saint cyprien dordogne", "st-cyprien (24)"} {
		res, _ := d.Search(q, 10)
		if len(res) == 0 || res[0].Commune == nil || res[0].Commune.INSEE != "24396" {
			t.Errorf("%q: first is not Saint-Cyprien (Dordogne): %v", q, names(res))
		}
	}
	if res, total := d.Search("saint cyprien dordogne", 10); total != 1 {
		t.Errorf("saint cyprien dordogne: %v", names(res))
	}
}

func TestSearchRanking(t *testing.T) {
	d := load(t)
	for _, tc := range []struct{ query, first string }{
		{"paris", "Paris (75056)"},
		{"lyon", "Lyon (69123)"},
		{"saint", "Saint-Étienne (42218)"}, // the most populous Saint-…, communes before EPCI
		{"saint etienne metropole", "Saint-Étienne Métropole (244200770)"},
		{"nice", "Nice (06088)"}, // exact before Niceville…
		{"evry", "Évry (89162)"}, // no accents typed; the exact name first
		{"evry courcouronnes", "Évry-Courcouronnes (91228)"},
		{"l'hay", "L'Haÿ-les-Roses (94038)"},       // ÿ
		{"sainte marie", "Sainte-Marie (97418)"},   // exact name, largest
		{"ile de brehat", "Île-de-Bréhat (22016)"}, // in no EPCI
		{"vallee de la dordogne et foret bessede", "CC Vallée de la Dordogne et Forêt Bessède (200041051)"},
		{"communaute de communes vallee dordogne foret", "CC Vallée de la Dordogne et Forêt Bessède (200041051)"},
		{"200041051", "CC Vallée de la Dordogne et Forêt Bessède (200041051)"},
		{"agglomeration la rochelle", "CA de La Rochelle (241700434)"},
		{"metropole de lyon", "Métropole de Lyon (200046977)"},
		{"st gildas des bois", "Saint-Gildas-des-Bois (44161)"},
		{"pontchateau saint gildas", "CC du Pays de Pontchâteau St-Gildas-des-Bois (200000438)"},
		{"2a004", "Ajaccio (2A004)"},
	} {
		res, _ := d.Search(tc.query, 5)
		if got := names(res); len(got) == 0 || got[0] != tc.first {
			t.Errorf("%q: %v, want first %s", tc.query, got, tc.first)
		}
	}
}

func TestSearchLimitsAndTotals(t *testing.T) {
	d := load(t)
	all, total := d.Search("saint", 0)
	if len(all) != total || total < 3000 {
		t.Fatalf("saint: %d results, total %d", len(all), total)
	}
	top, total2 := d.Search("saint", 7)
	if total2 != total || len(top) != 7 || !reflect.DeepEqual(top, all[:7]) {
		t.Errorf("the top 7 are not the first 7 of all: %v / %v", names(top), names(all[:7]))
	}
	for _, q := range []string{"", "   ", "-", "'''", "\x00\x01"} {
		if res, total := d.Search(q, 10); res != nil || total != 0 {
			t.Errorf("%q: %v", q, names(res))
		}
	}
	if res, _ := d.Search("zzzzzz", 10); len(res) != 0 {
		t.Errorf("zzzzzz: %v", names(res))
	}
}

func TestSearchHostile(t *testing.T) {
	d := load(t)
	d.searchIndex()
	for _, q := range []string{
		"a", "s", "1", "2", "e e e e e e e e e e e e e e e e e e e e",
		strings.Repeat("a", 10000), strings.Repeat("saint ", 2000), strings.Repeat("é", 5000), strings.Repeat("9", 10000),
		"\x1b[31msaint\x1b[0m", "saint\x00cyprien", "\xff\xfe\xfd", strings.Repeat("\u0301", 3000), "𝕊𝕒𝕚𝕟𝕥",
	} {
		start := time.Now()
		res, total := d.Search(q, 20)
		if el := time.Since(start); el > 200*time.Millisecond { // generous: the benchmark holds the real figure
			t.Errorf("%.20q took %v", q, el)
		}
		if len(res) > 20 || total < len(res) {
			t.Errorf("%.20q: %d results, total %d", q, len(res), total)
		}
	}
	if res, _ := d.Search("saint\x00cyprien\t", 10); len(res) != 4 {
		t.Errorf("control characters are not separators: %v", names(res))
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Saint-Cyprien":         "saint cyprien",
		"St-Cyprien":            "saint cyprien",
		"Ste-Marie":             "sainte marie",
		"L'Haÿ-les-Roses":       "l hay les roses",
		"L’Abergement":          "l abergement",
		"Faʻaʻā":                "faaa",
		"CC Faucigny - Glières": "cc faucigny glieres",
		"  ":                    "",
		"Strasbourg":            "strasbourg",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSIREN21(t *testing.T) {
	for insee, want := range map[string]string{"24396": "212403968", "01001": "210100012", "2A004": "212000046", "2B033": "212000335", "9710": ""} {
		if got := siren21(insee); got != want {
			t.Errorf("siren21(%s) = %s, want %s", insee, got, want)
		}
	}
}

func TestCodecRoundTrip(t *testing.T) {
	d := load(t)
	var b bytes.Buffer
	if err := d.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), embeddedData()) {
		t.Error("encoding the embedded directory does not give the embedded bytes: regenerate annuaire.gz")
	}
	d2, err := Decode(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d2.communes, d.communes) || !reflect.DeepEqual(d2.epcis, d.epcis) || d2.Info() != d.Info() {
		t.Error("round trip changed the data")
	}
}

func embeddedData() []byte { return embedded }

func TestDecodeRefusesDamage(t *testing.T) {
	data := embeddedData()
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"empty":     {nil, "n'est pas un annuaire"},
		"text":      {[]byte("insee,nom\n"), "n'est pas un annuaire"},
		"truncated": {data[:len(data)/2], "incomplet ou abîmé"},
		"flipped":   {flip(data, len(data)/2), "abîmé"},
		"no end":    {gz("aect-annuaire\t1\nmillesime\t2026\nsource\tx\nregions\t0\n"), "fin de fichier inattendue"},
		"version":   {gz("aect-annuaire\t9\n"), "format 9"},
		"fields":    {gz("aect-annuaire\t1\nmillesime\t2026\nsource\tx\nregions\t1\n01\tGuadeloupe\n"), "ligne 5 : 2 champs au lieu de 3"},
		"millesime": {gz("aect-annuaire\t1\nmillesime\t1900\nsource\tx\nregions\t0\ndepartements\t0\nepci\t0\ncommunes\t0\nfin\n"), "millésime 1900"},
		"trailing":  {gz("aect-annuaire\t1\nmillesime\t2026\nsource\tx\nregions\t0\ndepartements\t0\nepci\t0\ncommunes\t0\nfin\nencore\n"), "« fin » attendue"},
	} {
		_, err := Decode(bytes.NewReader(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
	if info, err := ReadInfo(bytes.NewReader(gz("aect-annuaire\t1\nmillesime\t2027\nsource\tessai\n"))); err != nil || info != (Info{2027, "essai"}) {
		t.Errorf("ReadInfo = %+v, %v", info, err)
	}
	empty, err := Decode(bytes.NewReader(gz("aect-annuaire\t1\nmillesime\t2026\nsource\tx\nregions\t0\ndepartements\t0\nepci\t0\ncommunes\t0\nfin\n")))
	if err != nil || len(empty.Communes()) != 0 || empty.Plausible() == nil {
		t.Errorf("empty directory: %v; Plausible must refuse it", err)
	}
}

func flip(data []byte, at int) []byte {
	out := bytes.Clone(data)
	out[at] ^= 0xff
	return out
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestNewRefuses(t *testing.T) {
	regions := []Region{{"75", "Nouvelle-Aquitaine", ZoneMetro}}
	deps := []Departement{{"24", "Dordogne", "75", ZoneMetro}}
	epcis := []EPCI{{SIREN: "200041051", Name: "CC Vallée", Nature: "CC", Financing: "FA", PopulationTotale: 10, PopulationMunicipale: 9, Members: 1, Departements: []string{"24"}}}
	commune := Commune{INSEE: "24396", Name: "Saint-Cyprien", Departement: "24", Region: "75", Zone: ZoneMetro, SIREN: "212403968",
		PopulationTotale: 10, PopulationMunicipale: 9, Postcodes: []string{"24220"}, EPCI: "200041051"}
	info := Info{2026, "essai"}
	if _, err := New(info, regions, deps, epcis, []Commune{commune}); err != nil {
		t.Fatal(err)
	}
	for want, change := range map[string]func(c *Commune, e *EPCI){
		"communes.json : commune 24396 : nom contenant des caractères de contrôle": func(c *Commune, e *EPCI) { c.Name = "Saint\x1b[2J" },
		"communes.json : commune 24396 : nom manquant":                             func(c *Commune, e *EPCI) { c.Name = "" },
		"communes.json : code INSEE « 2439 » invalide":                             func(c *Commune, e *EPCI) { c.INSEE = "2439" },
		"département « 99 » absent de departements.json":                           func(c *Commune, e *EPCI) { c.Departement = "99" },
		"SIREN « 21240396 » invalide":                                              func(c *Commune, e *EPCI) { c.SIREN = "21240396" },
		"code postal « 2422 » invalide":                                            func(c *Commune, e *EPCI) { c.Postcodes = []string{"2422"} },
		"EPCI 200000000 absent de epci.json":                                       func(c *Commune, e *EPCI) { c.EPCI = "200000000" },
		"epci.json : EPCI 200041051 : 1 communes membres annoncées, 0 trouvées":    func(c *Commune, e *EPCI) { c.EPCI = "" },
		"nature « SIVOM » inconnue":                                                func(c *Commune, e *EPCI) { e.Nature = "SIVOM" },
		"population invraisemblable":                                               func(c *Commune, e *EPCI) { c.PopulationMunicipale = -5 },
		"SIREN 212403968 déjà attribué":                                            func(c *Commune, e *EPCI) { e.SIREN = "212403968"; c.EPCI = e.SIREN },
	} {
		c, e := commune, epcis[0]
		change(&c, &e)
		_, err := New(info, regions, deps, []EPCI{e}, []Commune{c})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	}
}

// BenchmarkSearch times one keystroke: a search over the 35 000 names, best 20 kept.
func BenchmarkSearch(b *testing.B) {
	d := load(b)
	d.searchIndex()
	for _, q := range []struct{ name, text string }{
		{"one letter", "s"},
		{"saint", "saint"},
		{"saint cyprien", "saint cyprien"},
		{"st cyprien", "st cyprien"},
		{"postcode", "24220"},
		{"SIREN", "212403968"},
		{"EPCI name", "vallee dordogne"},
		{"hostile 10000", strings.Repeat("ab-", 3334)},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				d.Search(q.text, 20)
			}
		})
	}
}

// BenchmarkLoad times the lazy decoding of the embedded directory and its search index.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		d, err := Decode(bytes.NewReader(embeddedData()))
		if err != nil {
			b.Fatal(err)
		}
		d.searchIndex()
	}
}
