package wizard

import (
	"strings"
	"testing"
)

func TestParseSIREN(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{"210100012", "210100012", ""},
		{" 210 100 012 ", "210100012", ""},
		{"210\u00a0100\u00a0012", "210100012", ""},
		{"210100013", "", "clé de contrôle"},
		{"21010001", "", "8 chiffres au lieu de 9"},
		{"2101000120", "", "10 chiffres au lieu de 9"},
		{"21O100012", "", "attendu 9 chiffres"},
		{"21010001200017", "", "14 chiffres au lieu de 9"},
	} {
		got, err := ParseSIREN(tc.in)
		if tc.err == "" {
			if err != nil || got != tc.want {
				t.Errorf("ParseSIREN(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParseSIREN(%q) error = %v; want one saying %q", tc.in, err, tc.err)
		}
	}
	if got, err := ParseSIRET("210 100 012 00017"); err != nil || got != "21010001200017" {
		t.Errorf("ParseSIRET = %q, %v", got, err)
	}
	if _, err := ParseSIRET("21010001200015"); err == nil {
		t.Error("a SIRET with a bad key was taken")
	}
}

// The act's number at the boundaries of S²LOW's rule.
func TestParseActNumber(t *testing.T) {
	ok := []string{"1", "A", "2027_003", "DEL2027003", strings.Repeat("9", 15), "A" + strings.Repeat("_", 13) + "B"}
	for _, s := range ok {
		if got, err := ParseActNumber(s); err != nil || got != s {
			t.Errorf("ParseActNumber(%q) = %q, %v", s, got, err)
		}
	}
	for _, tc := range []struct{ in, err string }{
		{strings.Repeat("9", 16), "trop long : 16 caractères, au plus 15"},
		{"2027_003a", "par exemple « 2027_003A »"},
		{"2027-003", "par exemple « 2027_003 »"},
		{"délib 12", "par exemple « DELIB_12 »"},
		{"_2027", "ni commencer ni finir par « _ »"},
		{"2027_", "ni commencer ni finir par « _ »"},
		{"", "lettres majuscules"},
	} {
		_, err := ParseActNumber(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParseActNumber(%q) error = %v; want one saying %q", tc.in, err, tc.err)
		}
	}
}

func TestParseTypology(t *testing.T) {
	for in, want := range map[string]string{"99_AU": "99_AU", " 22_co ": "22_CO"} {
		if got, err := ParseTypology(in); err != nil || got != want {
			t.Errorf("ParseTypology(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"99AU", "9_AU", "99_AUT", "99_A1"} {
		if _, err := ParseTypology(in); err == nil {
			t.Errorf("ParseTypology(%q) took a bad code", in)
		}
	}
}

func TestActesClassificationDefaults(t *testing.T) {
	for _, tc := range []struct {
		name string
		plan Plan
		want ActesMatiere
	}{
		{"commune", Plan{Authority: Authority{Type: AuthCommune}, Form: FormConvention}, "9.1"},
		{"EPCI", Plan{Authority: Authority{Type: AuthCommunauteCommunes}, Form: FormConvention}, "9.1"},
		{"département", Plan{Authority: Authority{Type: AuthDepartement}, Form: FormConvention}, "9.2"},
		{"région", Plan{Authority: Authority{Type: AuthRegion}, Form: FormConvention}, "9.3"},
		{"don", Plan{Authority: Authority{Type: AuthRegion}, Form: FormDon}, "7.5"},
		{"FACECO", Plan{Partner: Partner{Kind: PartnerFACECO}}, "7.5"},
		{"subvention", Plan{Partner: Partner{Kind: PartnerAssociation, Name: "Amis"}, Actions: []Action{{Title: "x", Cost: 100}}}, "7.5"},
		{"jumelage culturel", Plan{Form: FormJumelage, Domain: Domain{Sectors: []Sector{SectorJeunesse, SectorCulture}}}, "8.9"},
		{"jumelage", Plan{Authority: Authority{Type: AuthCommune}, Form: FormJumelage, Domain: Domain{Sectors: []Sector{SectorJeunesse}}}, "9.1"},
	} {
		got, chosen := tc.plan.ActesClassification()
		if got != tc.want || chosen {
			t.Errorf("%s: ActesClassification = %s, %v; want %s by default", tc.name, got, chosen, tc.want)
		}
		if _, ok := ActesMatieres.Lookup(got); !ok {
			t.Errorf("%s: %s is not in the nomenclature", tc.name, got)
		}
	}
	p := Plan{Form: FormDon, Session: Session{ActesClassification: "1.4"}}
	if got, chosen := p.ActesClassification(); got != "1.4" || !chosen {
		t.Errorf("the answer does not override the default: %s, %v", got, chosen)
	}
	if m := ActesMatiere("7.5"); m.Level1() != "Finances locales" || m.Name() != "Subventions" {
		t.Errorf("7.5 reads %q / %q", m.Level1(), m.Name())
	}
}

// The identifiers typed in the assistant and read from the answers format go through the
// same checks.
func TestIdentifierAnswers(t *testing.T) {
	var p Plan
	var q Question
	for _, x := range SectionQuestions(SecAuthority) {
		if x.Ref.Field == FieldSIREN {
			q = x
		}
	}
	if err := q.Set(&p, "210 100 012"); err != nil || p.Authority.SIREN != "210100012" {
		t.Fatalf("SIREN typed: %v, %q", err, p.Authority.SIREN)
	}
	if err := q.Set(&p, "210100013"); err == nil || p.Authority.SIREN != "210100012" {
		t.Fatalf("a bad SIREN was stored: %v, %q", err, p.Authority.SIREN)
	}
	_, err := Decode([]byte(`{"format":"aect-plan/1","session":{"act_number":"2027-3"}}`))
	if err == nil || !strings.Contains(err.Error(), "session.act_number") || !strings.Contains(err.Error(), "2027_3") {
		t.Fatalf("decoding a bad act number: %v", err)
	}
	got, err := Decode([]byte(`{"format":"aect-plan/1","authority":{"siren":"210 100 012"},"session":{"act_number":"2027_3","actes_classification":"7.5","actes_annex_type":"99_AU"}}`))
	if err != nil || got.Authority.SIREN != "210100012" || got.Session.ActNumber != "2027_3" || got.Session.ActesClassification != "7.5" {
		t.Fatalf("decoding good identifiers: %v, %+v", err, got)
	}
}
