package wizard

import (
	"strconv"
	"strings"
)

// Offers: the answers the assistant proposes for an empty question, from the answers
// already given. An offer is shown in the field; it becomes an answer only when the user
// accepts it (entrée in the assistant, « ok » in the accessible mode), and it never
// fills a question by itself.

// Suggestion returns the answer offered for this question in this plan and why it is
// offered, or "" when the question is answered or nothing fits. The value is written as
// the user would type it (the format of Get).
func (q *Question) Suggestion(p *Plan) (value, why string) {
	if q.suggest == nil || q.Get(p) != "" {
		return "", ""
	}
	return q.suggest(p)
}

// whyAnswers begins the reason of an offer drawn from the answers given.
const whyAnswers = "Proposé d'après vos réponses : "

// leftIn is the reason of an amount offered for a year.
func leftIn(year int) string {
	return whyAnswers + "ce qui reste à financer en " + strconv.Itoa(year) + "."
}

// operatorOffer is the comité de jumelage of a commune that delegates a jumelage or a
// charte d'amitié: « Comité de jumelage de Saint-Cyprien », « … d'Arles ».
func operatorOffer(p *Plan, _ int) (string, string) {
	a := p.Authority
	name := strings.TrimSpace(a.Name)
	if p.Implementation.Mode != ModeDelegation || a.Type != AuthCommune || name == "" ||
		(p.Form != FormJumelage && p.Form != FormCharte) {
		return "", ""
	}
	return "Comité de jumelage " + De(name), whyAnswers + "le comité de jumelage de la commune ; vérifiez son nom exact dans ses statuts."
}

// payeeNameOffer is SuggestedPayeeName.
func payeeNameOffer(p *Plan, i int) (string, string) {
	if v := p.SuggestedPayeeName(i); v != "" {
		return v, whyAnswers + "l'opérateur, ou le bénéficiaire d'une action précédente."
	}
	return "", ""
}

// payeeKindOffer is the kind of body the previous action pays: actions often pay the
// same comité or association.
func payeeKindOffer(p *Plan, i int) (string, string) {
	if i < 1 || i > len(p.Actions) {
		return "", ""
	}
	if k := p.Actions[i-1].PaidTo.Kind; k != "" {
		return string(k), whyAnswers + "le type de bénéficiaire de l'action précédente."
	}
	return "", ""
}

// actionYearOffer is, for the first action, the year the programme starts; for the
// next ones, the year after the previous action's while the programme lasts (a
// pluriannual programme often lists one action a year), else the previous action's.
func actionYearOffer(p *Plan, i int) (string, string) {
	if i < 0 || i > len(p.Actions) {
		return "", ""
	}
	sc := p.Schedule
	y, why := sc.Start.Year, "l'année où les actions commencent."
	if i > 0 {
		y, why = p.Actions[i-1].Year, "l'année de l'action précédente."
		if last := sc.lastYear(); y != 0 && y < last {
			y, why = y+1, "l'année qui suit celle de l'action précédente, dans la durée du programme."
		}
	}
	if y == 0 {
		return "", ""
	}
	return strconv.Itoa(y), whyAnswers + why
}

// lastYear is the year of the programme's last month; 0 without a start or a duration.
func (s Schedule) lastYear() int {
	if s.Start.Year == 0 || s.DurationMonths <= 0 {
		return 0
	}
	months := int(s.Start.Month) - 1 + s.DurationMonths - 1
	return s.Start.Year + months/12
}

// remainder is the earliest year whose actions cost more than the other funding lines
// (all but line i) bring that year, and what is left to fund that year; 0 when every
// year is funded, or when another line with an amount has no year yet (what it funds is
// not known).
func (p *Plan) remainder(i int) (year int, left Cents) {
	funded := map[int]Cents{}
	for j, f := range p.Funding {
		if j == i {
			continue
		}
		if f.Year == 0 && f.Amount != 0 {
			return 0, 0
		}
		funded[f.Year] += f.Amount
	}
	for _, ya := range p.CostsByYear() {
		if ya.Year != 0 && ya.Amount > funded[ya.Year] {
			return ya.Year, ya.Amount - funded[ya.Year]
		}
	}
	return 0, 0
}

// fundingAmountOffer is, for a line of the general budget, what is left to fund: for
// the line's year when it has one, else for the earliest year not yet funded. The
// general budget balances the plan; a grant asked of a co-funder, a « 1 % » budget
// (capped) or a valorisation (no cash) is an amount of its own, never offered.
func fundingAmountOffer(p *Plan, i int) (string, string) {
	if i < 0 || i >= len(p.Funding) || p.Funding[i].Source != SourceBudgetGeneral {
		return "", ""
	}
	if y := p.Funding[i].Year; y != 0 {
		var cost, funded Cents
		for _, ya := range p.CostsByYear() {
			if ya.Year == y {
				cost = ya.Amount
			}
		}
		for j, f := range p.Funding {
			if j == i {
				continue
			}
			if f.Year == 0 && f.Amount != 0 {
				return "", "" // what that line funds is not known yet
			}
			if f.Year == y {
				funded += f.Amount
			}
		}
		if cost > funded {
			return FormatNumber(cost - funded), leftIn(y)
		}
		return "", ""
	}
	if y, left := p.remainder(i); left > 0 {
		return FormatNumber(left), leftIn(y)
	}
	return "", ""
}

// fundingYearOffer is the earliest year not yet funded.
func fundingYearOffer(p *Plan, i int) (string, string) {
	if i < 0 || i >= len(p.Funding) {
		return "", ""
	}
	if y, _ := p.remainder(i); y != 0 {
		return strconv.Itoa(y), whyAnswers + "la première année pas encore financée."
	}
	return "", ""
}

// countryLanguages is the language of the countries whose partners work in one official
// language (French name, as the convention names it): an offer, not a rule — countries
// with several official or working languages (Belgique, Suisse, Canada, Maroc…) or
// where French is one of them are left out.
var countryLanguages = map[string]string{
	"DE": "allemand", "AT": "allemand", "IT": "italien", "ES": "espagnol", "PT": "portugais",
	"GB": "anglais", "PL": "polonais", "NL": "néerlandais", "CZ": "tchèque", "SK": "slovaque",
	"HU": "hongrois", "RO": "roumain", "BG": "bulgare", "HR": "croate", "SI": "slovène",
	"GR": "grec", "DK": "danois", "SE": "suédois", "EE": "estonien", "LV": "letton",
	"LT": "lituanien", "BR": "portugais", "MX": "espagnol", "AR": "espagnol", "CL": "espagnol",
	"CO": "espagnol", "PE": "espagnol", "JP": "japonais", "KR": "coréen", "UA": "ukrainien",
	"AM": "arménien", "GE": "géorgien", "MD": "roumain", "VN": "vietnamien",
}

// languagesOffer is the language of the partner's country (countryLanguages).
func languagesOffer(p *Plan, _ int) (string, string) {
	if l := countryLanguages[p.Partner.Country]; l != "" {
		return l, "Proposé d'après le pays du partenaire."
	}
	return "", ""
}

// partnerPrefixes are the words that name a local authority before its name in the
// partner countries' languages: « Gemeinde Lindenbach » is Lindenbach in a title.
var partnerPrefixes = []string{
	"Gemeinde ", "Marktgemeinde ", "Stadtgemeinde ", "Stadt ", "Gemeente ",
	"Comune di ", "Comune de ", "Municipio de ", "Municipio di ", "Ayuntamiento de ", "Concello de ",
	"Ajuntament de ", "Ajuntament d'", "Câmara Municipal de ", "Município de ", "Gmina ", "Miasto ",
	"Obec ", "Město ", "Comuna ", "Municipiul ", "City of ", "Town of ", "Municipality of ",
	"Borough of ", "Commune rurale de ", "Commune urbaine de ", "Commune de ", "Commune d'",
	"Ville de ", "Ville d'",
}

// partnerShortName is the partner's name without the word for a local authority that
// begins it: « Lindenbach » for « Gemeinde Lindenbach ».
func partnerShortName(name string) string {
	name = strings.TrimSpace(name)
	for _, pre := range partnerPrefixes {
		if len(name) > len(pre) && strings.EqualFold(name[:len(pre)], pre) {
			return strings.TrimSpace(name[len(pre):])
		}
	}
	return name
}

// Untitled is the title of a draft that has none yet, and whose answers do not name the
// authority and the partner.
const Untitled = "Projet sans titre"

// SuggestedTitle is the title composed for a draft left without one: the form, the
// authority and the partner, « Jumelage Saint-Cyprien – Lindenbach », cut to MaxLine
// characters; "" until the authority and the partner are named.
func (p *Plan) SuggestedTitle() string {
	a, partner := strings.TrimSpace(p.Authority.Name), partnerShortName(p.Partner.Name)
	if a == "" {
		if d, ok := LookupDepartement(p.Authority.Departement); ok && p.Authority.Type == AuthDepartement {
			a = d.Name
		}
	}
	if a == "" || partner == "" {
		return ""
	}
	t := a + " – " + partner
	if f := p.Form.ShortLabel(); f != "" {
		t = f + " " + t
	}
	if r := []rune(t); len(r) > MaxLine {
		t = strings.TrimRight(string(r[:MaxLine-1]), " ") + "…"
	}
	return t
}

// DisplayTitle is the plan's title, or the title composed from its answers when it has
// none (SuggestedTitle); "" when neither is known. A title equal to Untitled, which
// earlier versions stored in the plan, counts as none.
func (p *Plan) DisplayTitle() string {
	if t := strings.TrimSpace(p.Title); t != "" && t != Untitled {
		return t
	}
	return p.SuggestedTitle()
}
