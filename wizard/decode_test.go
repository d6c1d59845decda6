package wizard

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"aect/wizard/samples"
)

func decodeSample(t testing.TB, name string) *Plan {
	t.Helper()
	s, ok := samples.Get(name)
	if !ok {
		t.Fatalf("no sample %s", name)
	}
	p, err := Decode(s.Data)
	if err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	return p
}

func TestRoundTripSamples(t *testing.T) {
	all := samples.All()
	if len(all) != 5 {
		t.Fatalf("want 5 samples, got %d", len(all))
	}
	for _, s := range all {
		p1, err := Decode(s.Data)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		out, err := Encode(p1)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(out), "{\n  \"format\": \"aect-plan/1\"") {
			t.Errorf("%s: format key not first: %.60s", s.Name, out)
		}
		p2, err := Decode(out)
		if err != nil {
			t.Fatalf("%s re-decode: %v\n%s", s.Name, err, out)
		}
		if !reflect.DeepEqual(p1, p2) {
			t.Errorf("%s: round trip differs\n%#v\n%#v", s.Name, p1, p2)
		}
	}
}

func TestDecodeSampleValues(t *testing.T) {
	p := decodeSample(t, "02-convention-eau-senegal")
	if p.Authority.Services[0].AnnualResources != Euros(1_800_000) {
		t.Errorf("resources %d", p.Authority.Services[0].AnnualResources)
	}
	if p.TotalCost() != Euros(80000) || p.TotalFunding() != Euros(80000) {
		t.Errorf("totals %v %v", p.TotalCost(), p.TotalFunding())
	}
	if p.Session.Represented == nil || *p.Session.Represented != 4 || *p.Session.VotesAgainst != 1 {
		t.Error("session counts")
	}
	if p.Session.Date.ISO() != "2026-12-15" {
		t.Error(p.Session.Date.ISO())
	}
	p4 := decodeSample(t, "04-partenaire-etat")
	if p4.Session.Represented != nil || !p4.Session.Date.IsZero() {
		t.Error("empty session should stay empty")
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name, json string
		want       []string
	}{
		{"empty", ``, []string{"fichier vide"}},
		{"truncated", `{"format": "aect-plan/1", "title": "x"`, []string{"incomplet", "tronqué"}},
		{"syntax", "{\"format\": \"aect-plan/1\",\n \"title\" \"x\"}", []string{"ligne 2"}},
		{"trailing", `{"format": "aect-plan/1"} {}`, []string{"données en trop"}},
		{"not object", `[1,2]`, []string{"attendu un objet"}},
		{"no format", `{"title": "x"}`, []string{"format : clé absente"}},
		{"other format", `{"format": "aect-plan/2"}`, []string{"format « aect-plan/2 » non pris en charge", "aect-plan/1"}},
		{"unknown key", `{"format": "aect-plan/1", "titre": "x"}`, []string{"titre : clé inconnue"}},
		{"unknown nested key", `{"format": "aect-plan/1", "partner": {"nom": "x"}}`, []string{"partner.nom : clé inconnue"}},
		{"unknown code", `{"format": "aect-plan/1", "partner": {"kind": "ministere"}}`, []string{"partner.kind : valeur inconnue « ministere » ; attendu : autorite_locale, etat"}},
		{"wrong type", `{"format": "aect-plan/1", "authority": {"population": "4600"}}`, []string{"authority.population : attendu un nombre d'habitants (un nombre entier), trouvé un texte"}},
		{"float int", `{"format": "aect-plan/1", "authority": {"population": 46.5}}`, []string{"authority.population", "sans décimale"}},
		{"negative", `{"format": "aect-plan/1", "actions": [{"cost": -5}]}`, []string{"actions[0].cost : montant négatif"}},
		{"three decimals", `{"format": "aect-plan/1", "funding": [{"amount": 1.234}]}`, []string{"funding[0].amount", "deux décimales"}},
		{"exponent", `{"format": "aect-plan/1", "funding": [{"amount": 1e3}]}`, []string{"funding[0].amount", "exposant"}},
		{"amount string", `{"format": "aect-plan/1", "funding": [{"amount": "12 500"}]}`, []string{"funding[0].amount : attendu un montant"}},
		{"bad date", `{"format": "aect-plan/1", "session": {"date": "20/01/2027"}}`, []string{"session.date : date « 20/01/2027 » invalide", "AAAA-MM-JJ"}},
		{"impossible date", `{"format": "aect-plan/1", "schedule": {"start": "2027-02-30"}}`, []string{"schedule.start"}},
		{"bad departement", `{"format": "aect-plan/1", "authority": {"departement": "20"}}`, []string{"authority.departement : département « 20 » inconnu"}},
		{"bad country", `{"format": "aect-plan/1", "partner": {"country": "XX"}}`, []string{"partner.country : pays « XX » inconnu"}},
		{"bad sdg", `{"format": "aect-plan/1", "domain": {"sdgs": [18]}}`, []string{"domain.sdgs[0]", "entre 1 et 17"}},
		{"dup sector", `{"format": "aect-plan/1", "domain": {"sectors": ["sport", "sport"]}}`, []string{"domain.sectors[1]", "deux fois"}},
		{"bad source", `{"format": "aect-plan/1", "funding": [{"source": "loto"}]}`, []string{"funding[0].source : valeur inconnue « loto »"}},
		{"bad payee", `{"format": "aect-plan/1", "actions": [{"paid_to": {"kind": "x"}}]}`, []string{"actions[0].paid_to.kind"}},
		{"bool wrong", `{"format": "aect-plan/1", "partner": {"recognised_confirmed": "oui"}}`, []string{"partner.recognised_confirmed : attendu true ou false"}},
		{"list wrong", `{"format": "aect-plan/1", "actions": {}}`, []string{"actions : attendu une liste"}},
		{"several", `{"format": "aect-plan/1", "form": "x", "authority": {"type": "y"}}`, []string{"form : valeur inconnue", "authority.type : valeur inconnue"}},
		{"dup service", `{"format": "aect-plan/1", "authority": {"services": [{"kind": "eau"}, {"kind": "eau"}]}}`, []string{"authority.services[1].kind"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Decode([]byte(c.json))
			if err == nil {
				t.Fatalf("accepted: %+v", p)
			}
			if _, ok := err.(*DecodeError); !ok {
				t.Fatalf("error type %T", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestDecodeMinimal(t *testing.T) {
	p, err := Decode([]byte(`{"format": "aect-plan/1"}`))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p, &Plan{}) {
		t.Errorf("%+v", p)
	}
	p, err = Decode([]byte(`{"format": "aect-plan/1", "actions": [], "session": {}, "implementation": null, "authority": {"departement": "2a"}, "partner": {"country": "sn"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if p.Actions != nil || p.Authority.Departement != "2A" || p.Partner.Country != "SN" {
		t.Errorf("%+v", p)
	}
}

func TestEncodeKeepsCentsAndText(t *testing.T) {
	p := &Plan{Title: "A < B & « C »", Funding: []FundingLine{{Source: SourceBudgetGeneral, Amount: 1250050, Year: 2027}}}
	out, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"amount": 12500.50`) || !strings.Contains(string(out), `A < B & « C »`) {
		t.Errorf("%s", out)
	}
	back, err := Decode(out)
	if err != nil || !reflect.DeepEqual(back, p) {
		t.Errorf("%v %+v", err, back)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range samples.All() {
		f.Add(s.Data)
	}
	f.Add([]byte(`{"format": "aect-plan/1", "funding": [{"amount": 1.5}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Decode(data)
		if err != nil {
			if de, ok := err.(*DecodeError); !ok || len(de.Problems) == 0 {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		out, err := Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		p2, err := Decode(out)
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(p, p2) {
			t.Fatalf("round trip differs:\n%s", out)
		}
		_ = Check(p)
		_ = p.Progress()
	})
}

// TestDecodeDuplicateKeysAndBOM: a key given twice in one object is refused with its
// path (the standard decoder would silently keep the last one); a UTF-8 BOM is accepted.
func TestDecodeDuplicateKeysAndBOM(t *testing.T) {
	for doc, path := range map[string]string{
		`{"format": "aect-plan/1", "title": "a", "title": "b"}`:                                  "title",
		`{"format": "aect-plan/1", "partner": {"name": "a", "name": "b"}}`:                       "partner.name",
		`{"format": "aect-plan/1", "actions": [{"cost": 1}, {"cost": 2, "year": 1, "cost": 3}]}`: "actions[1].cost",
		`{"format": "aect-plan/1", "authority": {"services": [{"kind": "eau", "kind": "eau"}]}}`: "authority.services[0].kind",
	} {
		_, err := Decode([]byte(doc))
		var de *DecodeError
		if !errors.As(err, &de) || de.Problems[0].Path != path || !strings.Contains(de.Problems[0].Msg, "en double") {
			t.Errorf("%s: %v, want a duplicate key at %s", doc, err, path)
		}
	}
	p, err := Decode([]byte("\uFEFF" + `{"format": "aect-plan/1", "title": "Jumelage"}`))
	if err != nil || p.Title != "Jumelage" {
		t.Errorf("BOM: %v %+v", err, p)
	}
	// Same keys in different objects are fine.
	if _, err := Decode([]byte(`{"format": "aect-plan/1", "authority": {"name": "a"}, "partner": {"name": "b"}, "actions": [{"title": "x"}, {"title": "y"}]}`)); err != nil {
		t.Error(err)
	}
}

// TestDecodeTextLimits: texts have the assistant's limits (500 characters on one line,
// 4 000 in a paragraph), refused with their JSON path; lists are bounded too.
func TestDecodeTextLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) }
	for _, c := range []struct {
		doc, path string
		ok        bool
	}{
		{`{"format": "aect-plan/1", "title": "` + long(MaxLine) + `"}`, "", true},
		{`{"format": "aect-plan/1", "title": "` + long(MaxLine+1) + `"}`, "title", false},
		{`{"format": "aect-plan/1", "partner": {"history": "` + long(MaxParagraph) + `"}}`, "", true},
		{`{"format": "aect-plan/1", "partner": {"history": "` + long(MaxParagraph+1) + `"}}`, "partner.history", false},
		{`{"format": "aect-plan/1", "actions": [{"description": "` + long(MaxParagraph+1) + `"}]}`, "actions[0].description", false},
		{`{"format": "aect-plan/1", "partner": {"languages": ["` + long(MaxLine+1) + `"]}}`, "partner.languages[0]", false},
		{`{"format": "aect-plan/1", "actions": [` + strings.TrimSuffix(strings.Repeat(`{},`, MaxItems+1), ",") + `]}`, "actions", false},
	} {
		_, err := Decode([]byte(c.doc))
		if c.ok {
			if err != nil {
				t.Errorf("%.60s…: %v", c.doc, err)
			}
			continue
		}
		var de *DecodeError
		if !errors.As(err, &de) || de.Problems[0].Path != c.path {
			t.Errorf("%.60s…: %v, want a problem at %s", c.doc, err, c.path)
		}
	}
	// A megabyte of text is refused quickly, naming its length.
	_, err := Decode([]byte(`{"format": "aect-plan/1", "domain": {"objectives": "` + strings.Repeat("a", 1<<20) + `"}}`))
	if err == nil || !strings.Contains(err.Error(), "au plus 4000") || !strings.Contains(err.Error(), "domain.objectives") {
		t.Errorf("1 MB objectives: %v", err)
	}
}
