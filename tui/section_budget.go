package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"aect/wizard"
	"aect/wizard/safetext"
)

// budgetList is the list of funding lines of section 7, Budget et financement, under a
// live summary: costs and sources in total and by year, the balance, and the ceiling of
// each 1 % mechanism, with the lines that go over it marked.
type budgetList struct{}

func (budgetList) field() wizard.FieldID { return wizard.FieldFunding }

func (budgetList) nouns() (string, string) {
	return "Aucune source de financement pour l'instant.", "une source de financement"
}

// describe is "2027 · 18 000,00 € · 1 % eau (loi Oudin-Santini) · budget eau".
func (budgetList) describe(p *wizard.Plan, i int) string {
	f := p.Funding[i]
	parts := []string{wizard.YearText(f.Year), wizard.FormatAmount(f.Amount), orDash(wizard.Sources.Label(f.Source))}
	if f.Label != "" {
		parts = append(parts, safetext.Line(f.Label))
	}
	return strings.Join(parts, " · ")
}

// summary is the financing summary; the lines above a 1 % ceiling get a note (the
// ceilings are wizard.Plan.OnePercentUses, the rules engine's own figures).
func (budgetList) summary(l *listEdit) (string, map[int]string) {
	s := l.c.styles
	p := l.plan
	cost, fund := p.TotalCost(), p.TotalFunding()
	var b strings.Builder
	b.WriteString(s.Title.Render("Plan de financement") + "\n")
	b.WriteString(fmt.Sprintf("Dépenses (actions) : %s · Financements : %s\n", wizard.FormatAmount(cost), wizard.FormatAmount(fund)))
	switch {
	case cost == fund:
		b.WriteString(s.OK.Render("✓ plan équilibré"))
	case fund < cost:
		b.WriteString(s.Warning.Render("! plan non équilibré : il manque " + wizard.FormatAmount(cost-fund) + " de financements"))
	default:
		b.WriteString(s.Warning.Render("! plan non équilibré : " + wizard.FormatAmount(fund-cost) + " de financements en trop"))
	}
	b.WriteString("\n")
	b.WriteString(yearRows(p))
	b.WriteString(s.Subtle.Render("Une ligne par source et par année (sur trois ans : trois lignes).") + "\n")

	notes := map[int]string{}
	exceeded := map[wizard.ServiceKind][]string{}
	for _, u := range p.OnePercentUses() {
		if !u.Exceeded() {
			continue
		}
		exceeded[u.Mechanism.Service] = append(exceeded[u.Mechanism.Service], wizard.YearText(u.Year))
		for _, i := range u.Lines {
			notes[i] = overNote(u, i)
		}
	}
	var ceilings []string
	for _, svc := range p.Authority.Services {
		if svc.AnnualResources > 0 {
			c := fmt.Sprintf("%s %s", wizard.ServiceKinds.Label(svc.Kind), wizard.FormatAmount(svc.AnnualResources/100))
			if years := exceeded[svc.Kind]; len(years) > 0 {
				slices.Sort(years)
				c += " (!" + wizard.NBSP + "dépassé en " + wizard.JoinFr(slices.Compact(years)) + ")"
			}
			ceilings = append(ceilings, c)
		}
	}
	if len(ceilings) > 0 {
		st := s.Subtle
		if len(exceeded) > 0 {
			st = s.Err
		}
		b.WriteString(st.Render(wrapText(wizard.Typography("Plafonds 1 % par an : "+strings.Join(ceilings, " · ")), l.width-1)) + "\n")
	}
	return b.String(), notes
}

// yearRows compares costs and sources year by year, when there are several years.
func yearRows(p *wizard.Plan) string {
	years := map[int][2]wizard.Cents{}
	var order []int
	for _, ya := range p.CostsByYear() {
		years[ya.Year] = [2]wizard.Cents{ya.Amount, 0}
		order = append(order, ya.Year)
	}
	for _, ya := range p.FundingByYear() {
		v, seen := years[ya.Year]
		v[1] = ya.Amount
		years[ya.Year] = v
		if !seen {
			order = append(order, ya.Year)
		}
	}
	if len(order) < 2 {
		return ""
	}
	slices.Sort(order)
	var b strings.Builder
	for _, y := range order {
		v := years[y]
		mark := "✓"
		if v[0] != v[1] {
			mark = "!"
		}
		b.WriteString(fmt.Sprintf("  %s %s : dépenses %s · financements %s\n", mark, wizard.YearText(y), wizard.FormatAmount(v[0]), wizard.FormatAmount(v[1])))
	}
	return b.String()
}

// overNote says why line i is marked: "! au-dessus du plafond de 18 000,00 € en 2027",
// with the other lines of the same source and year that count with it.
func overNote(u wizard.CeilingUse, i int) string {
	t := "! au-dessus du plafond de " + wizard.FormatAmount(u.Ceiling())
	if u.Year != 0 {
		t += " en " + strconv.Itoa(u.Year)
	}
	var others []string
	for _, j := range u.Lines {
		if j != i {
			others = append(others, strconv.Itoa(j+1))
		}
	}
	switch len(others) {
	case 0:
	case 1:
		t += " (avec le financement " + others[0] + ")"
	default:
		t += " (avec les financements " + wizard.JoinFr(others) + ")"
	}
	return t
}
