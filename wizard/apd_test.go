package wizard

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// apdPlan is an answers file with the APD answers, around the given extra keys of the
// first action and of the domain.
func apdPlan(action, domain string) []byte {
	return []byte(`{"format": "aect-plan/1",
		"partner": {"country": "SN", "kind": "autorite_locale"},
		"domain": {"sectors": ["sante", "eau_assainissement"]` + domain + `},
		"actions": [
			{"title": "Forages", "year": 2027, "cost": 40000, "paid_to": {"kind": "collectivite_partenaire"}` + action + `},
			{"title": "Mission", "year": 2027, "cost": 5000, "paid_to": {"kind": "direct"}}
		]}`)
}

// TestDecodeAPDAnswers: the CRS codes and the markers read from the answers format and
// are written back the same (the markers as numbers); a withdrawn code still reads.
func TestDecodeAPDAnswers(t *testing.T) {
	p, err := Decode(apdPlan(`, "crs_sector": "14031", "crs_channel": "23000"`,
		`, "marker_gender": 1, "marker_environment": 0, "marker_nutrition": 2`))
	if err != nil {
		t.Fatal(err)
	}
	a := p.Actions[0]
	if a.CRSSector != "14031" || a.CRSChannel != "23000" || p.Domain.MarkerGender != MarkerSignificant ||
		p.Domain.MarkerEnvironment != MarkerNotTargeted || p.Domain.MarkerBiodiversity != "" || p.Domain.MarkerNutrition != MarkerPrincipal {
		t.Errorf("decoded %+v %+v", a, p.Domain)
	}
	out, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"crs_sector": "14031"`, `"crs_channel": "23000"`, `"marker_gender": 1,`, `"marker_environment": 0,`, `"marker_nutrition": 2`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("encoded without %s:\n%s", want, out)
		}
	}
	if bytes.Contains(out, []byte("marker_biodiversity")) {
		t.Errorf("a marker not given is written:\n%s", out)
	}
	if _, err := Decode(out); err != nil {
		t.Errorf("round trip: %v", err)
	}
	old, err := Decode(apdPlan(`, "crs_sector": "92010"`, ""))
	if err != nil || old.Actions[0].CRSSector != "92010" {
		t.Errorf("a withdrawn code must still read: %v", err)
	}
}

// TestDecodeAPDErrors: an unknown code, a marker out of range or of the wrong type is
// refused, naming its JSON path.
func TestDecodeAPDErrors(t *testing.T) {
	for _, tc := range []struct {
		action, domain string
		path, msg      string
	}{
		{`, "crs_sector": "99999"`, "", "actions[0].crs_sector", "code CRS « 99999 » inconnu pour le secteur"},
		{`, "crs_sector": 14030`, "", "actions[0].crs_sector", "attendu un texte"},
		{`, "crs_channel": "14030"`, "", "actions[0].crs_channel", "code CRS « 14030 » inconnu pour le canal"},
		{"", `, "marker_gender": 3`, "domain.marker_gender", "3 hors limites"},
		{"", `, "marker_biodiversity": "1"`, "domain.marker_biodiversity", "attendu un marqueur (un nombre entier)"},
		{"", `, "marker_nutrition": 1.5`, "domain.marker_nutrition", "nombre entier"},
		{"", `, "marker_sexe": 1`, "domain.marker_sexe", "clé inconnue"},
	} {
		_, err := Decode(apdPlan(tc.action, tc.domain))
		var de *DecodeError
		if !errors.As(err, &de) || len(de.Problems) != 1 || de.Problems[0].Path != tc.path || !strings.Contains(de.Problems[0].Msg, tc.msg) {
			t.Errorf("%s%s: %v", tc.action, tc.domain, err)
		}
	}
}

// TestAPDQuestions: the APD questions are asked only for an APD-eligible country; a
// withdrawn or unknown code typed is refused; the choices offer no withdrawn code.
func TestAPDQuestions(t *testing.T) {
	p, err := Decode(apdPlan("", ""))
	if err != nil {
		t.Fatal(err)
	}
	qs := ActionQuestions(0)
	find := func(id FieldID) Question {
		for _, q := range append(qs, Questions()...) {
			if q.Ref.Field == id {
				return q
			}
		}
		t.Fatalf("no question %s", id)
		return Question{}
	}
	sector, channel, gender := find(FieldCRSSector), find(FieldCRSChannel), find(FieldAPDGender)
	for _, q := range []Question{sector, channel, gender} {
		if !q.AppliesTo(p) || !q.Optional || q.Kind != KindChoice {
			t.Errorf("%s: applies %v, optional %v", q.ID, q.AppliesTo(p), q.Optional)
		}
	}
	germany := p.Clone()
	germany.Partner.Country = "DE"
	if sector.AppliesTo(germany) || gender.AppliesTo(germany) {
		t.Error("APD questions asked for Germany")
	}
	if err := sector.Set(p, " 14032 "); err != nil || p.Actions[0].CRSSector != "14032" {
		t.Errorf("Set: %v %q", err, p.Actions[0].CRSSector)
	}
	if err := sector.Validate("92010"); err == nil || !strings.Contains(err.Error(), "retiré") {
		t.Errorf("a withdrawn code typed: %v", err)
	}
	if err := channel.Validate("1"); err == nil {
		t.Error("an unknown channel typed is accepted")
	}
	if err := gender.Set(p, "2"); err != nil || p.Domain.MarkerGender != MarkerPrincipal {
		t.Errorf("marker Set: %v", err)
	}
	if err := gender.Validate("3"); err == nil {
		t.Error("marker 3 accepted")
	}
	if err := gender.Set(p, ""); err != nil || p.Domain.MarkerGender != "" {
		t.Error("a marker cannot be cleared")
	}
	for _, o := range sector.Options {
		if o.Value == "92010" || o.Value == "15120" {
			t.Errorf("withdrawn %s offered", o.Value)
		}
	}
	if got := gender.OptionLabel("1"); got != "1 – objectif significatif" {
		t.Errorf("marker label %q", got)
	}
}

// TestCRSDefaults: an action without codes takes the default of the plan's first
// sector and of its payee; a chosen code wins.
func TestCRSDefaults(t *testing.T) {
	p, err := Decode(apdPlan(`, "crs_channel": "23000"`, ""))
	if err != nil {
		t.Fatal(err)
	}
	if c, def, ok := p.CRSSector(0); !ok || !def || c.Code != "12220" {
		t.Errorf("sector of action 1: %s %v %v (the first sector is santé)", c.Code, def, ok)
	}
	if c, def, ok := p.CRSChannel(0); !ok || def || c.Code != "23000" {
		t.Errorf("chosen channel: %s %v %v", c.Code, def, ok)
	}
	if c, def, ok := p.CRSChannel(1); !ok || !def || c.Code != "11002" {
		t.Errorf("direct spending: %s %v %v", c.Code, def, ok)
	}
	p.Domain.Sectors = nil
	p.Actions[1].PaidTo.Kind = ""
	if _, _, ok := p.CRSSector(0); ok {
		t.Error("a sector without any sector in the plan")
	}
	if _, _, ok := p.CRSChannel(1); ok {
		t.Error("a channel without payee")
	}
}
