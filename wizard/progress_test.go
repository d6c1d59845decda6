package wizard

import (
	"strings"
	"testing"
)

func TestProgressEmptyPlan(t *testing.T) {
	pr := (&Plan{}).Progress()
	for s, st := range pr.States {
		if st != StateEmpty {
			t.Errorf("%s: %v", Section(s).Title(), st)
		}
	}
	if pr.Percent != 0 {
		t.Errorf("percent %d", pr.Percent)
	}
}

func TestProgressSections(t *testing.T) {
	cases := []struct {
		name    string
		change  func(p *Plan)
		section Section
		want    State
		missing string
	}{
		{"complete sample", func(p *Plan) {}, SecAuthority, StateComplete, ""},
		{"name missing", func(p *Plan) { p.Authority.Name = "" }, SecAuthority, StateInProgress, "nom de la collectivité"},
		{"1 % budget missing", func(p *Plan) { p.Authority.Services[0].AnnualResources = 0 }, SecAuthority, StateInProgress, "ressources du budget Eau potable"},
		{"representative not asked of FACECO", func(p *Plan) {
			p.Partner.Kind = PartnerFACECO
			p.Partner.Representative = ""
			p.Partner.CrisisEvent, p.Partner.CrisisDate = "séisme", NewDate(2023, 9, 8)
		}, SecPartner, StateComplete, ""},
		{"a FACECO gift names its crisis", func(p *Plan) { p.Partner.Kind = PartnerFACECO }, SecPartner, StateInProgress, "événement à l'origine de la crise"},
		{"operator needed for a delegation", func(p *Plan) { p.Implementation.Mode = ModeDelegation }, SecImplementation, StateInProgress, "opérateur"},
		{"action cost missing", func(p *Plan) { p.Actions[1].Cost = 0 }, SecActions, StateInProgress, "coût de l'action 2"},
		{"unbalanced funding", func(p *Plan) { p.Funding[0].Amount-- }, SecFunding, StateInProgress, "plan de financement équilibré"},
		{"votes may stay blank", func(p *Plan) { p.Session.VotesFor = nil }, SecSession, StateComplete, ""},
		{"session empty", func(p *Plan) { p.Session = Session{} }, SecSession, StateEmpty, "date de la séance"},
		{"review complete", func(p *Plan) {}, SecReview, StateComplete, ""},
		{"review waits for the other sections", func(p *Plan) { p.Session = Session{} }, SecReview, StateInProgress, ""},
		{"review blocked by a finding", func(p *Plan) { p.Partner.Kind = PartnerEtat }, SecReview, StateInProgress, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := decodeSample(t, "02-convention-eau-senegal")
			c.change(p)
			pr := p.Progress()
			if pr.States[c.section] != c.want {
				t.Errorf("%s: %v; want %v (missing: %v)", c.section.Title(), pr.States[c.section], c.want, pr.Missing[c.section])
			}
			if c.missing != "" && !strings.Contains(strings.Join(pr.Missing[c.section], "|"), c.missing) {
				t.Errorf("missing %v does not name %q", pr.Missing[c.section], c.missing)
			}
			if c.want == StateComplete && len(pr.Missing[c.section]) > 0 {
				t.Errorf("complete with missing %v", pr.Missing[c.section])
			}
		})
	}
	full := decodeSample(t, "02-convention-eau-senegal").Progress()
	if full.Percent != 100 {
		t.Errorf("complete plan at %d %%", full.Percent)
	}
	p := decodeSample(t, "04-partenaire-etat")
	if pct := p.Progress().Percent; pct <= 0 || pct >= 100 {
		t.Errorf("partial plan at %d %%", pct)
	}
}
