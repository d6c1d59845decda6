package wizard

import (
	"bytes"
	"slices"
	"testing"
)

func markIDs(ms []Mark) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Ref.ID()+" ("+m.Reason+")")
	}
	return out
}

// TestDependents: the registry's dependencies mark the answers already given, with the
// reason, and only those the dependency concerns.
func TestDependents(t *testing.T) {
	p := decodeSample(t, "02-convention-eau-senegal")
	marks, secs := Dependents(p, RefTo(FieldAuthorityType))
	if got := markIDs(marks); !slices.Equal(got, []string{
		"authority.executive_title (le type de collectivité a changé)",
		"session.convocation_date (le type de collectivité a changé)",
	}) {
		t.Errorf("authority.type: %v", got)
	}
	if len(secs) != 0 {
		t.Errorf("authority.type sections: %v", secs)
	}

	// The form feeds the payees, the funding sources and the documents.
	marks, secs = Dependents(p, RefTo(FieldForm))
	var sources int
	for _, m := range marks {
		if m.Ref.Field == FieldFundingSource {
			sources++
		}
	}
	if sources != len(p.Funding) || !slices.Equal(secs, []Section{SecDocuments}) {
		t.Errorf("form: %v %v", markIDs(marks), secs)
	}

	// The competences feed only the funding lines of a 1 % source.
	marks, _ = Dependents(p, RefTo(FieldServices))
	for _, m := range marks {
		i, _ := m.Ref.Item()
		if _, one := p.Funding[i].Source.OnePercent(); !one || m.Ref.Field != FieldFundingSource {
			t.Errorf("services marks %s", m.Ref.ID())
		}
	}
	if len(marks) == 0 {
		t.Error("services: no mark on the 1 % lines")
	}

	// An answer not given is not marked.
	empty := &Plan{Authority: Authority{Type: AuthCommune}}
	if marks, _ := Dependents(empty, RefTo(FieldAuthorityType)); len(marks) != 0 {
		t.Errorf("empty plan: %v", markIDs(marks))
	}
	// An item's answer: the cost of action 2 feeds every funding amount.
	marks, _ = Dependents(p, ItemRef(FieldActionCost, 1))
	if len(marks) != len(p.Funding) || marks[0].Reason != "le coût d'une action a changé" {
		t.Errorf("actions[1].cost: %v", markIDs(marks))
	}
}

// TestExecutiveFitsType: a title that does not fit the type is no title (the documents
// show a placeholder, never « le Maire » for an EPCI).
func TestExecutiveFitsType(t *testing.T) {
	for _, c := range []struct {
		typ   AuthorityType
		title ExecutiveTitle
		want  string
	}{
		{AuthCommune, "", "le Maire"},
		{AuthCommune, TitleMaire, "le Maire"},
		{AuthCommune, TitlePresident, ""},
		{AuthCommunauteCommunes, TitleMaire, ""},
		{AuthCommunauteCommunes, TitlePresidente, "la Présidente"},
		{AuthMetropole, "", ""},
		{"", TitleMaire, "le Maire"},
	} {
		a := Authority{Type: c.typ, ExecutiveTitle: c.title}
		if got := a.Executive(); got != c.want {
			t.Errorf("%s/%s: %q, want %q", c.typ, c.title, got, c.want)
		}
	}
}

// TestCloneSharesNothing: changing every text, list and count of a clone leaves the plan.
func TestCloneSharesNothing(t *testing.T) {
	p := decodeSample(t, "02-convention-eau-senegal")
	p.Session.VotesFor = Int(3)
	before, _ := Encode(p)
	c := p.Clone()
	c.MapTexts(func(string) string { return "changé" })
	c.Authority.Services[0].AnnualResources++
	c.Domain.Sectors[0] = SectorSport
	c.Domain.SDGs[0] = 1
	c.Actions[0].Cost++
	c.Funding[0].Amount++
	*c.Session.VotesFor = 99
	*c.Session.Represented = 99
	after, _ := Encode(p)
	if !bytes.Equal(before, after) {
		t.Errorf("the clone shares with the plan:\n%s", after)
	}
	if c.Partner.Name != "changé" || c.Partner.Languages[0] != "changé" || c.Actions[1].Title != "changé" {
		t.Errorf("MapTexts missed texts: %+v", c.Partner)
	}
}
