package document

import (
	"fmt"
	"strings"

	"aect/wizard"
	"aect/wizard/document/render"
)

// no is "n°" followed by a non-breaking space.
const no = "n°" + nbsp

// docTitle names a document in its metadata: "Délibération – Jumelage …".
func docTitle(k Kind, p *wizard.Plan) string {
	t := p.DisplayTitle()
	if t == "" {
		return k.Title()
	}
	return k.Title() + " – " + t
}

// subject is the "Objet" of the délibération, by form.
func (f *facts) subject() render.Inline {
	p := f.p
	switch p.Form {
	case wizard.FormJumelage:
		return cat("Jumelage avec ", f.partner(), " – approbation de la charte de jumelage et autorisation de signature")
	case wizard.FormCharte:
		return cat("Charte d'amitié avec ", f.partner(), " – approbation et autorisation de signature")
	case wizard.FormConvention:
		return cat("Convention de coopération décentralisée avec ", f.partner(), " – approbation et autorisation de signature")
	case wizard.FormPromotion:
		if p.NeedsConvention() {
			return cat("Promotion culturelle et touristique avec ", f.partner(), " – approbation de la convention et autorisation de signature")
		}
		return cat("Promotion culturelle et touristique avec ", f.partner(), " – approbation du programme d'actions")
	case wizard.FormDon:
		if p.Partner.Kind == wizard.PartnerFACECO {
			return cat("Aide humanitaire d'urgence – contribution au fonds d'action extérieure des collectivités territoriales (FACECO)")
		}
		return cat("Aide humanitaire d'urgence – aide ", f.partnerTo())
	}
	return cat("Action extérieure avec ", f.partner(), " – ", todo("forme de l'action"))
}

// mainTextName is the annexed text with its article, for the visas and articles:
// "la convention de coopération décentralisée", "la charte de jumelage".
func (f *facts) mainTextName() (string, bool) {
	k, ok := mainText(f.p)
	if !ok {
		return "", false
	}
	switch k {
	case Convention:
		return "la convention de coopération décentralisée", true
	case CharteJumelage:
		return "la charte de jumelage", true
	}
	return "la charte d'amitié", true
}

// lawVisas are the visas of French law shared by the délibération and the convention:
// the CGCT and the "1 %" articles used.
func (f *facts) lawVisas() []render.Inline {
	v := []render.Inline{cat("Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1 et suivants ;")}
	for _, use := range f.onePercentArticles() {
		var services []string
		mobility := false
		for _, s := range use.sources {
			services = append(services, servicePhrase(s))
			mobility = mobility || s == wizard.SourceMobilite
		}
		line := "Vu l'article " + use.article + " du même code"
		if law := use.law(); law != "" {
			line += " (" + law + ")"
		}
		if len(services) == 1 {
			line += ", qui permet aux collectivités chargées du service public " + services[0] +
				" de consacrer à des actions de coopération et de solidarité internationales dans ce domaine jusqu'à 1 % des ressources affectées au budget de ce service"
		} else {
			line += ", qui permet aux collectivités chargées des services publics " + wizard.JoinFr(services) +
				" de consacrer à des actions de coopération et de solidarité internationales dans ces domaines jusqu'à 1 % des ressources affectées aux budgets de ces services"
		}
		if mobility {
			line += ", hors versement mobilité"
		}
		v = append(v, cat(line+" ;"))
	}
	return v
}

// councilOfAuthority is the assembly with its authority: « le conseil municipal de la
// commune de … », « le conseil de la métropole … » (not « de la métropole de la
// métropole »), « l'Assemblée de Martinique ».
func (f *facts) councilOfAuthority() render.Inline {
	a := f.p.Authority
	if strings.HasPrefix(a.Council(), "l'Assemblée") {
		return cat(f.council())
	}
	if a.Type == wizard.AuthMetropole {
		return cat("le conseil ", f.authDesOf())
	}
	return cat(f.council(), " ", f.authDesOf())
}

// articles names one or several articles after the code: "article L. 2131-1",
// "articles L. 2131-1 et L. 5211-3".
func articles(list string) string {
	if strings.Contains(list, " et ") {
		return "articles " + list
	}
	return "article " + list
}

// ofCouncilOfAuthority is councilOfAuthority after "de": « du conseil municipal de la
// commune de … », « du conseil de la métropole … ».
func (f *facts) ofCouncilOfAuthority() render.Inline {
	in := f.councilOfAuthority()
	out := append(render.Inline(nil), in...)
	out[0].Text = wizard.DeArticle(out[0].Text)
	return out
}

// bodyGrants are the grants to one private body, over the years.
type bodyGrants struct {
	name       string
	kind       wizard.PayeeKind
	years      []wizard.YearAmount
	total      wizard.Cents
	objectives bool
}

// grantsByBody groups the plan's grants by body, in the order of their first action.
func (f *facts) grantsByBody() []bodyGrants {
	var out []bodyGrants
	for _, g := range f.p.Grants() {
		j := 0
		for j < len(out) && wizard.Fold(out[j].name) != wizard.Fold(g.Name) {
			j++
		}
		if j == len(out) {
			out = append(out, bodyGrants{name: g.Name, kind: g.Kind})
		}
		out[j].years = append(out[j].years, wizard.YearAmount{Year: g.Year, Amount: g.Amount})
		out[j].total += g.Amount
		out[j].objectives = out[j].objectives || g.NeedsObjectives()
	}
	return out
}

// amountsInYears is "4 500,00 € en 2027", or "30 000,00 € (25 000,00 € en 2027 et
// 5 000,00 € en 2028)".
func amountsInYears(yas []wizard.YearAmount) render.Inline {
	var total wizard.Cents
	for _, ya := range yas {
		total += ya.Amount
	}
	if len(yas) == 1 {
		if yas[0].Year == 0 {
			return cat(amount(total), " (", todo(whatYear), ")")
		}
		return cat(amount(total), fmt.Sprintf(" en %d", yas[0].Year))
	}
	return cat(amount(total), " (", amountsByYear(yas), ")")
}

// valorisationApart states the valorisation apart from the cash commitment: « ; la
// valorisation des apports en nature (12 000,00 €) figure au plan de financement et
// n'est pas un engagement financier », or nothing.
func (f *facts) valorisationApart() render.Inline {
	v := f.p.Valorisation()
	if v <= 0 {
		return nil
	}
	return cat(" ; la valorisation des apports en nature ", f.authDesOf(), " (notamment le temps de ses agents), estimée à ", amount(v),
		", figure au plan de financement et ne constitue pas un engagement financier")
}

// crisis names the crisis a gift answers: « à la suite du séisme du 8 septembre 2023 au
// Maroc », with placeholders for what is missing.
func (f *facts) crisis() render.Inline {
	pa := f.p.Partner
	event := any(cat("de ", todo("événement : séisme, inondations, conflit…")))
	if e := strings.TrimSpace(pa.CrisisEvent); e != "" {
		event = wizard.EventOf(e)
	}
	when := any(todo("date de l'événement"))
	if !pa.CrisisDate.IsZero() {
		when = wizard.FormatDate(pa.CrisisDate)
	}
	where := any(cat("(pays concerné : ", todo(whatCountry), ")"))
	if f.hasCtry {
		where = f.country.Locative()
	}
	return cat("à la suite ", event, " du ", when, " ", where)
}

// commission is the name of the commission whose opinion is cited, or a placeholder.
func (f *facts) commission() any {
	c := strings.TrimSpace(f.p.Session.Commission)
	if rest, ok := cutPrefixFold(c, "commission "); ok {
		c = rest
	}
	if c == "" {
		return todo("nom de la commission compétente")
	}
	return c
}

// cutPrefixFold removes a prefix, ignoring case and accents.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && wizard.Fold(s[:len(prefix)]) == wizard.Fold(prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// totalOrTodo is the total cost, or a placeholder.
func (f *facts) totalOrTodo() any {
	if t := f.p.TotalCost(); t > 0 {
		return amount(t)
	}
	return todo(whatAmount)
}
