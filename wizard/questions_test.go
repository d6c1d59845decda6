package wizard

import (
	"reflect"
	"strings"
	"testing"

	"aect/wizard/samples"
)

// replay answers every question of p, as typed text, into an empty plan.
func replay(t *testing.T, p *Plan) *Plan {
	t.Helper()
	out := &Plan{}
	ask := func(q Question, src *Plan) {
		if !q.AppliesTo(src) {
			return
		}
		ans := q.Get(src)
		if err := q.Validate(ans); err != nil {
			t.Fatalf("%s: Validate(%q): %v", q.ID, ans, err)
		}
		if err := q.Set(out, ans); err != nil {
			t.Fatalf("%s: Set(%q): %v", q.ID, ans, err)
		}
	}
	for _, q := range Questions() {
		ask(q, p)
	}
	for i := range p.Actions {
		out.Actions = append(out.Actions, Action{})
		for _, q := range ActionQuestions(i) {
			ask(q, p)
		}
	}
	for i := range p.Funding {
		out.Funding = append(out.Funding, FundingLine{})
		for _, q := range FundingQuestions(i) {
			ask(q, p)
		}
	}
	return out
}

// TestQuestionsCoverThePlan: answering every question with the sample's answers rebuilds
// the sample exactly, so the questions ask for every answer of the format.
func TestQuestionsCoverThePlan(t *testing.T) {
	for _, s := range samples.All() {
		p, err := Decode(s.Data)
		if err != nil {
			t.Fatal(err)
		}
		got := replay(t, p)
		// Answers a FACECO partner is not asked stay out of the replay.
		if p.Partner.Kind == PartnerFACECO {
			got.Partner.RecognisedConfirmed = p.Partner.RecognisedConfirmed
		}
		if !reflect.DeepEqual(got, p) {
			a, _ := Encode(got)
			b, _ := Encode(p)
			t.Errorf("%s: replay differs\n%s\nwant\n%s", s.Name, a, b)
		}
	}
}

func TestQuestionsValidation(t *testing.T) {
	byID := map[string]Question{}
	for _, q := range Questions() {
		if q.Title == "" || q.Help == "" || q.Get == nil || q.Set == nil {
			t.Errorf("incomplete question %s", q.ID)
		}
		if _, dup := byID[q.ID]; dup {
			t.Errorf("duplicate question %s", q.ID)
		}
		byID[q.ID] = q
	}
	bad := map[string]string{
		"authority.population":         "douze",
		"authority.departement":        "20",
		"partner.country":              "Atlantide",
		"partner.recognised_confirmed": "peut-être",
		"session.date":                 "31/02/2027",
		"domain.sdgs":                  "4, 18",
		"form":                         "mariage",
		"session.represented":          "-1",
	}
	for id, in := range bad {
		q := byID[id]
		err := q.Validate(in)
		if err == nil {
			t.Errorf("%s accepted %q", id, in)
			continue
		}
		if _, ok := err.(*Error); !ok {
			t.Errorf("%s: error type %T", id, err)
		}
	}
	for _, q := range append(ActionQuestions(0), FundingQuestions(0)...) {
		if q.Help == "" {
			t.Errorf("question %s has no help", q.ID)
		}
	}
	aq := ActionQuestions(3)
	if err := aq[3].Validate("12 500,505"); err == nil || !strings.Contains(err.Error(), "deux décimales") {
		t.Errorf("cost validation: %v", err)
	}
	if err := aq[3].Validate("12 500,50"); err != nil {
		t.Error(err)
	}
	if aq[3].ID != "actions[3].cost" {
		t.Error(aq[3].ID)
	}
}

func TestServicesKeepResources(t *testing.T) {
	p := &Plan{Authority: Authority{Services: []Service{{Kind: ServiceEau, AnnualResources: Euros(1000)}}}}
	var q Question
	for _, x := range Questions() {
		if x.ID == "authority.services" {
			q = x
		}
	}
	if err := q.Set(p, "dechets,eau"); err != nil {
		t.Fatal(err)
	}
	if s, _ := p.Authority.HasService(ServiceEau); s.AnnualResources != Euros(1000) {
		t.Error("resources lost")
	}
	if len(p.Authority.Services) != 2 {
		t.Error(p.Authority.Services)
	}
}

func TestParseYesNo(t *testing.T) {
	for in, want := range map[string]bool{"oui": true, "O": true, "Oui": true, "non": false, "N": false} {
		if got, err := ParseYesNo(in); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	if _, err := ParseYesNo("yes"); err == nil {
		t.Error("yes accepted")
	}
}

// TestOptionalQuestionsSayFacultatif: the « (facultatif) » of a question comes from the
// registry's Optional, for every question, items included; no title says it by hand.
func TestOptionalQuestionsSayFacultatif(t *testing.T) {
	qs := append(Questions(), ActionQuestions(1)...)
	qs = append(qs, FundingQuestions(0)...)
	for _, q := range qs {
		if got := strings.Count(q.Title, "(facultatif)"); got != map[bool]int{true: 1, false: 0}[q.Optional] {
			t.Errorf("%s (optional %v): %q", q.ID, q.Optional, q.Title)
		}
	}
	for _, f := range Fields() {
		if strings.Contains(f.Title, "facultatif") {
			t.Errorf("%s: « facultatif » written by hand in %q", f.ID, f.Title)
		}
	}
	for id, want := range map[string]string{
		"domain.sdgs":             "Objectifs de développement durable (ODD) visés (facultatif)",
		"actions[1].paid_to.kind": "Action 2 : qui reçoit l'argent (facultatif) ?",
		"funding[0].label":        "Financement 1 : précision (facultatif)",
	} {
		found := false
		for _, q := range qs {
			if q.ID == id {
				found = true
				if q.Title != want {
					t.Errorf("%s: %q, want %q", id, q.Title, want)
				}
			}
		}
		if !found {
			t.Errorf("no question %s", id)
		}
	}
}
