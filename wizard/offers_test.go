package wizard

import (
	"strings"
	"testing"
)

// offerOf is the offer of the question with the given ID in p.
func offerOf(t *testing.T, p *Plan, id string) (string, string) {
	t.Helper()
	qs := Questions()
	qs = append(qs, ActionQuestions(0)...)
	qs = append(qs, ActionQuestions(1)...)
	for i := range 5 {
		qs = append(qs, FundingQuestions(i)...)
	}
	for _, q := range qs {
		if q.ID == id {
			return q.Suggestion(p)
		}
	}
	t.Fatalf("no question %s", id)
	return "", ""
}

func TestOperatorOffer(t *testing.T) {
	p := &Plan{Authority: Authority{Type: AuthCommune, Name: "Arles"}, Form: FormJumelage,
		Implementation: Implementation{Mode: ModeDelegation}}
	if v, why := offerOf(t, p, "implementation.operator"); v != "Comité de jumelage d'Arles" || why == "" {
		t.Fatalf("offer %q (%q)", v, why)
	}
	p.Authority.Name = "Le Havre"
	if v, _ := offerOf(t, p, "implementation.operator"); v != "Comité de jumelage du Havre" {
		t.Fatalf("offer %q", v)
	}
	// Not for a convention, nor for an EPCI, nor once answered.
	p.Form = FormConvention
	if v, _ := offerOf(t, p, "implementation.operator"); v != "" {
		t.Fatalf("a convention gets %q", v)
	}
	p.Form, p.Authority.Type = FormJumelage, AuthCommunauteCommunes
	if v, _ := offerOf(t, p, "implementation.operator"); v != "" {
		t.Fatalf("an EPCI gets %q", v)
	}
	p.Authority.Type, p.Implementation.Operator = AuthCommune, "Association Arles-Jerez"
	if v, _ := offerOf(t, p, "implementation.operator"); v != "" {
		t.Fatalf("an answered question gets %q", v)
	}
}

// The funding lines are offered what is left to fund, year by year: sample 01's budget
// lines are the offers after its CERV grant.
func TestFundingOffers(t *testing.T) {
	p := &Plan{Actions: []Action{{Year: 2027, Cost: Euros(18000)}, {Year: 2028, Cost: Euros(6000)}, {Year: 2029, Cost: Euros(5000)}}}
	// A grant asked of a co-funder, a « 1 % » budget or a valorisation: no amount offered.
	for _, src := range []Source{SourceCERV, SourceEau, SourceValorisation} {
		p.Funding = []FundingLine{{Source: src}}
		if v, _ := offerOf(t, p, "funding[0].amount"); v != "" {
			t.Fatalf("%s: amount %q offered", src, v)
		}
	}
	p.Funding = []FundingLine{{Source: SourceCERV}}
	p.Funding[0].Amount = Euros(15000)
	if v, _ := offerOf(t, p, "funding[0].year"); v != "2027" {
		t.Fatalf("first line: year %q", v)
	}
	p.Funding[0].Year = 2027
	for _, want := range []struct {
		year   string
		amount Cents
	}{{"2027", Euros(3000)}, {"2028", Euros(6000)}, {"2029", Euros(5000)}} {
		p.Funding = append(p.Funding, FundingLine{Source: SourceBudgetGeneral})
		i := len(p.Funding) - 1
		id := "funding[" + string(rune('0'+i)) + "]"
		if v, _ := offerOf(t, p, id+".amount"); v != FormatNumber(want.amount) {
			t.Fatalf("line %d: amount %q, want %q", i+1, v, FormatNumber(want.amount))
		}
		p.Funding[i].Amount = want.amount
		if v, _ := offerOf(t, p, id+".year"); v != want.year {
			t.Fatalf("line %d: year %q, want %s", i+1, v, want.year)
		}
		p.Funding[i].Year = 2027 + i - 1
	}
	// Balanced: nothing more is offered; a line with a year is offered that year's rest.
	p.Funding = append(p.Funding, FundingLine{Source: SourceBudgetGeneral})
	if v, _ := offerOf(t, p, "funding[4].amount"); v != "" {
		t.Fatalf("a balanced plan offers %q", v)
	}
	p.Funding[1].Amount, p.Funding[4].Year = Euros(1000), 2027
	if v, why := offerOf(t, p, "funding[4].amount"); v != FormatNumber(Euros(2000)) || why == "" {
		t.Fatalf("the rest of 2027: %q", v)
	}
	// A line with an amount but no year: what it funds is not known, nothing is offered.
	p.Funding[1].Year = 0
	if v, _ := offerOf(t, p, "funding[4].amount"); v != "" {
		t.Fatalf("with an undated line, amount %q", v)
	}
	p.Funding[4].Year = 0
	if v, _ := offerOf(t, p, "funding[4].year"); v != "" {
		t.Fatalf("with an undated line, year %q", v)
	}
}

func TestActionOffers(t *testing.T) {
	p := &Plan{Schedule: Schedule{Start: Date{Year: 2027, Month: 5, Day: 1}},
		Implementation: Implementation{Mode: ModeDelegation, Operator: "Comité de jumelage de Belmont"},
		Actions:        []Action{{}}}
	if v, _ := offerOf(t, p, "actions[0].year"); v != "2027" {
		t.Fatalf("first action: %q", v)
	}
	p.Actions = []Action{{Year: 2028, PaidTo: Payee{Kind: PayeeComite}}, {}}
	if v, _ := offerOf(t, p, "actions[1].year"); v != "2028" {
		t.Fatalf("second action, without a duration: %q", v)
	}
	// 36 months from May 2027 end in April 2030: one action a year until 2030.
	p.Schedule.DurationMonths = 36
	if v, _ := offerOf(t, p, "actions[1].year"); v != "2029" {
		t.Fatalf("second action of a programme until 2030: %q", v)
	}
	p.Actions[0].Year = 2030
	if v, _ := offerOf(t, p, "actions[1].year"); v != "2030" {
		t.Fatalf("after the programme's last year: %q", v)
	}
	for _, c := range []struct {
		start  Date
		months int
		last   int
	}{{Date{2027, 1, 1}, 12, 2027}, {Date{2027, 1, 1}, 36, 2029}, {Date{2027, 5, 1}, 36, 2030}, {Date{2026, 12, 1}, 1, 2026}, {Date{2026, 12, 1}, 2, 2027}} {
		if got := (Schedule{Start: c.start, DurationMonths: c.months}).lastYear(); got != c.last {
			t.Errorf("%v + %d months: last year %d, want %d", c.start, c.months, got, c.last)
		}
	}
	if v, _ := offerOf(t, p, "actions[1].paid_to.kind"); v != string(PayeeComite) {
		t.Fatalf("second payee: %q", v)
	}
	if v, _ := offerOf(t, p, "actions[0].paid_to.kind"); v != "" {
		t.Fatalf("an answered question: %q", v)
	}
}

func TestSuggestedTitle(t *testing.T) {
	p := &Plan{}
	if got := p.DisplayTitle(); got != "" {
		t.Fatalf("empty plan: %q", got)
	}
	p.Authority.Name = "Saint-Cyprien"
	p.Partner.Name = "Gemeinde Lindenbach"
	if got := p.DisplayTitle(); got != "Saint-Cyprien – Lindenbach" {
		t.Fatalf("without a form: %q", got)
	}
	p.Form = FormJumelage
	if got := p.DisplayTitle(); got != "Jumelage Saint-Cyprien – Lindenbach" {
		t.Fatalf("jumelage: %q", got)
	}
	for name, short := range map[string]string{"Comune di Verona": "Verona", "Commune rurale de Kayes": "Kayes",
		"Stadtwerke Bonn": "Stadtwerke Bonn", "Gmina Wąchock": "Wąchock", "Ville d'Ouagadougou": "Ouagadougou"} {
		if got := partnerShortName(name); got != short {
			t.Errorf("%s: %q, want %q", name, got, short)
		}
	}
	p.Title = Untitled // stored by earlier versions: counts as no title
	if got := p.DisplayTitle(); got != "Jumelage Saint-Cyprien – Lindenbach" {
		t.Fatalf("« Projet sans titre » stored: %q", got)
	}
	p.Partner.Name = strings.Repeat("Lindenbach ", 60)
	if got := []rune(p.DisplayTitle()); len(got) != MaxLine || got[len(got)-1] != '…' {
		t.Fatalf("a long title: %d characters", len(got))
	}
	p.Partner.Name = "Markt Schwaben" // « Markt » is part of the name
	if got := p.DisplayTitle(); got != "Jumelage Saint-Cyprien – Markt Schwaben" {
		t.Fatalf("Markt Schwaben: %q", got)
	}
	p.Authority = Authority{Type: AuthDepartement, Departement: "38"}
	if got := p.DisplayTitle(); got != "Jumelage Isère – Markt Schwaben" {
		t.Fatalf("a département without a name: %q", got)
	}
	p.Title = "Amitié avec Lindenbach"
	if got := p.DisplayTitle(); got != "Amitié avec Lindenbach" {
		t.Fatalf("a title given is kept: %q", got)
	}
}

func TestLanguagesOffer(t *testing.T) {
	p := &Plan{Partner: Partner{Country: "DE"}}
	if v, _ := offerOf(t, p, "partner.languages"); v != "allemand" {
		t.Fatalf("Allemagne: %q", v)
	}
	p.Partner.Country = "BE" // French is one of its languages: nothing offered
	if v, _ := offerOf(t, p, "partner.languages"); v != "" {
		t.Fatalf("Belgique: %q", v)
	}
	for code := range countryLanguages {
		if _, ok := LookupCountry(code); !ok {
			t.Errorf("unknown country %s", code)
		}
	}
}
