// Package wizard is the domain of aect: the plan of an international action of a French
// local authority, its codes and French labels, the reference data (départements,
// countries, contacts), French parsing and formatting, completeness, and the rules engine
// that checks a plan against the law (CGCT L. 1115-1 and following).
//
// The package does no I/O and knows nothing of the terminal interface or of storage.
package wizard

import (
	"slices"
	"strings"
)

// Format is the identifier of the answers file format this version reads and writes.
const Format = "aect-plan/1"

// Plan holds every answer of one draft. Any field may be empty: a draft may be incomplete.
type Plan struct {
	Title          string         `json:"title,omitempty"`
	Authority      Authority      `json:"authority"`
	Partner        Partner        `json:"partner"`
	Domain         Domain         `json:"domain"`
	Form           Form           `json:"form,omitempty"`
	Implementation Implementation `json:"implementation"`
	Schedule       Schedule       `json:"schedule"`
	Actions        []Action       `json:"actions,omitempty"`
	Funding        []FundingLine  `json:"funding,omitempty"`
	Session        Session        `json:"session"`
}

// Authority is the French authority that acts.
type Authority struct {
	Type AuthorityType `json:"type,omitempty"`
	Name string        `json:"name,omitempty"`
	// INSEE is a commune's code officiel géographique ("24396", "2A004"): the key of the
	// commune in the directory of collectivités (DirectoryEntry).
	INSEE string `json:"insee,omitempty"`
	// SIREN and SIRET identify the authority in the INSEE's register: the dossier for
	// the télétransmission and the open-data line need them.
	SIREN          string         `json:"siren,omitempty"`
	SIRET          string         `json:"siret,omitempty"`
	Departement    string         `json:"departement,omitempty"`
	Population     int            `json:"population,omitempty"`
	ExecutiveName  string         `json:"executive_name,omitempty"`
	ExecutiveTitle ExecutiveTitle `json:"executive_title,omitempty"`
	// SyndicatKind says whether a syndicat mixte is fermé or ouvert.
	SyndicatKind SyndicatKind `json:"syndicat_kind,omitempty"`
	Services     []Service    `json:"services,omitempty"`
}

// Service is a competence held by the authority that opens a "1 %" mechanism, with the
// annual resources of that service's budget.
type Service struct {
	Kind            ServiceKind `json:"kind,omitempty"`
	AnnualResources Cents       `json:"annual_resources,omitzero"`
}

// Partner is the foreign partner (or FACECO for a humanitarian gift).
type Partner struct {
	Name    string      `json:"name,omitempty"`
	Country string      `json:"country,omitempty"`
	Kind    PartnerKind `json:"kind,omitempty"`
	// CrisisEvent and CrisisDate name the crisis a humanitarian gift answers: « séisme »,
	// 8 September 2023.
	CrisisEvent string `json:"crisis_event,omitempty"`
	CrisisDate  Date   `json:"crisis_date,omitzero"`
	// StateException is the case of CGCT L. 1115-5 declared for a partner that is a State.
	StateException      StateException `json:"state_exception,omitempty"`
	Representative      string         `json:"representative,omitempty"`
	Languages           []string       `json:"languages,omitempty"`
	History             string         `json:"history,omitempty"`
	RecognisedConfirmed bool           `json:"recognised_confirmed,omitempty"`
}

// Domain is the legal category, sectors, objectives and linked ODD of the action.
type Domain struct {
	Category   Category `json:"category,omitempty"`
	Sectors    []Sector `json:"sectors,omitempty"`
	Objectives string   `json:"objectives,omitempty"`
	SDGs       []int    `json:"sdgs,omitempty"`
	// The CAD policy markers of the APD declaration (crs.Markers); "" is « à renseigner ».
	MarkerGender       Marker `json:"marker_gender,omitempty"`
	MarkerEnvironment  Marker `json:"marker_environment,omitempty"`
	MarkerBiodiversity Marker `json:"marker_biodiversity,omitempty"`
	MarkerNutrition    Marker `json:"marker_nutrition,omitempty"`
}

// Implementation is the way the action is carried out.
type Implementation struct {
	Mode       Mode     `json:"mode,omitempty"`
	Operator   string   `json:"operator,omitempty"`
	PooledWith []string `json:"pooled_with,omitempty"`
}

// Schedule is the start and duration of the action.
type Schedule struct {
	Start          Date `json:"start,omitzero"`
	DurationMonths int  `json:"duration_months,omitempty"`
}

// Action is one action of the programme, with its year and cost.
type Action struct {
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Year        int    `json:"year,omitempty"`
	Cost        Cents  `json:"cost,omitzero"`
	// Field is the sector the action serves, when a « 1 % » budget pays for it and the
	// plan has several sectors.
	Field  Sector `json:"field,omitempty"`
	PaidTo Payee  `json:"paid_to,omitzero"`
	// CRSSector and CRSChannel are the action's CRS purpose and channel codes for the
	// APD declaration; "" takes the default from the plan (Plan.CRSSector, CRSChannel).
	CRSSector  string `json:"crs_sector,omitempty"`
	CRSChannel string `json:"crs_channel,omitempty"`
}

// Payee says who receives the money of an action.
type Payee struct {
	Kind PayeeKind `json:"kind,omitempty"`
	Name string    `json:"name,omitempty"`
}

// FundingLine is one source of the financing plan for one year.
type FundingLine struct {
	Source Source `json:"source,omitempty"`
	Amount Cents  `json:"amount,omitzero"`
	Year   int    `json:"year,omitempty"`
	Label  string `json:"label,omitempty"`
}

// Session is the council session that votes the deliberation. Counts that may be zero
// (represented members, votes) are pointers: nil means "not given yet", and the documents
// show a fill-in placeholder.
type Session struct {
	Date Date `json:"date,omitzero"`
	// ActNumber is the act's number in the register, as @ctes takes it ("2027_003").
	ActNumber       string `json:"act_number,omitempty"`
	ConvocationDate Date   `json:"convocation_date,omitzero"`
	// Urgency: the executive shortened the convocation delay for urgency; the assembly
	// rules on it at the opening.
	Urgency bool `json:"urgency,omitempty"`
	// StatutsDelay is the convocation delay, in jours francs, of a syndicat mixte
	// ouvert's statuts.
	StatutsDelay    int `json:"statuts_convocation_days,omitempty"`
	MembersInOffice int `json:"members_in_office,omitempty"`
	Present         int `json:"present,omitempty"`
	// SecondMeeting: the assembly meets again after a meeting without quorum, and
	// deliberates without quorum.
	SecondMeeting    bool   `json:"second_meeting,omitempty"`
	Represented      *int   `json:"represented,omitempty"`
	Secretary        string `json:"secretary,omitempty"`
	VotesFor         *int   `json:"votes_for,omitempty"`
	VotesAgainst     *int   `json:"votes_against,omitempty"`
	Abstentions      *int   `json:"abstentions,omitempty"`
	BudgetImputation string `json:"budget_imputation,omitempty"`
	// Commission is the commission whose opinion a département or a région takes.
	Commission string `json:"commission,omitempty"`
	// ActesClassification is the act's matière for @ctes, when the user chose one
	// (Plan.ActesClassification gives the default); ActesAnnexType the typology code
	// of its annexes, when not 99_AU.
	ActesClassification ActesMatiere `json:"actes_classification,omitempty"`
	ActesAnnexType      string       `json:"actes_annex_type,omitempty"`
}

// Clone returns a deep copy of the plan, sharing nothing with it.
func (p *Plan) Clone() *Plan {
	c := *p
	c.Authority.Services = slices.Clone(p.Authority.Services)
	c.Partner.Languages = slices.Clone(p.Partner.Languages)
	c.Domain.Sectors = slices.Clone(p.Domain.Sectors)
	c.Domain.SDGs = slices.Clone(p.Domain.SDGs)
	c.Implementation.PooledWith = slices.Clone(p.Implementation.PooledWith)
	c.Actions = slices.Clone(p.Actions)
	c.Funding = slices.Clone(p.Funding)
	for _, n := range []**int{&c.Session.Represented, &c.Session.VotesFor, &c.Session.VotesAgainst, &c.Session.Abstentions} {
		if *n != nil {
			v := **n
			*n = &v
		}
	}
	return &c
}

// Int returns a pointer to n, for the optional counts of a Session.
func Int(n int) *int { return &n }

// TotalCost is the sum of the costs of all actions.
func (p *Plan) TotalCost() Cents {
	var t Cents
	for _, a := range p.Actions {
		t += a.Cost
	}
	return t
}

// TotalFunding is the sum of all funding lines.
func (p *Plan) TotalFunding() Cents {
	var t Cents
	for _, f := range p.Funding {
		t += f.Amount
	}
	return t
}

// FundingBySource sums the funding lines of one source.
func (p *Plan) FundingBySource(s Source) Cents {
	var t Cents
	for _, f := range p.Funding {
		if f.Source == s {
			t += f.Amount
		}
	}
	return t
}

// OwnContribution sums the funding brought by the authority itself: general budget,
// "1 %" mechanisms and valorisation.
func (p *Plan) OwnContribution() Cents {
	var t Cents
	for _, f := range p.Funding {
		if f.Source.IsOwnContribution() {
			t += f.Amount
		}
	}
	return t
}

// FrenchContribution sums the funding brought by French authorities: the authority's own
// contribution and that of other French authorities (pooling). The MEAE asks for at
// least 10 % of the budget from them.
func (p *Plan) FrenchContribution() Cents {
	return p.OwnContribution() + p.FundingBySource(SourceAutreColl)
}

// YearAmount is an amount for one year.
type YearAmount struct {
	Year   int
	Amount Cents
}

// CostsByYear returns the costs of the actions summed by year, in year order. Actions
// without a year are summed under year 0, listed first.
func (p *Plan) CostsByYear() []YearAmount {
	return sumByYear(len(p.Actions), func(i int) (int, Cents) { return p.Actions[i].Year, p.Actions[i].Cost })
}

// FundingByYear returns the funding summed by year, in year order.
func (p *Plan) FundingByYear() []YearAmount {
	return sumByYear(len(p.Funding), func(i int) (int, Cents) { return p.Funding[i].Year, p.Funding[i].Amount })
}

func sumByYear(n int, at func(int) (int, Cents)) []YearAmount {
	var out []YearAmount
	for i := 0; i < n; i++ {
		y, c := at(i)
		j := 0
		for j < len(out) && out[j].Year < y {
			j++
		}
		if j < len(out) && out[j].Year == y {
			out[j].Amount += c
			continue
		}
		out = append(out, YearAmount{})
		copy(out[j+1:], out[j:])
		out[j] = YearAmount{y, c}
	}
	return out
}

// FirstSpendingYear returns the earliest year of an action with a cost: the first year
// of spending, whose expenses are declared as APD the next spring. Without costs by year
// it falls back to FirstYear.
func (p *Plan) FirstSpendingYear() int {
	first := 0
	for _, a := range p.Actions {
		if a.Cost > 0 && a.Year != 0 && (first == 0 || a.Year < first) {
			first = a.Year
		}
	}
	if first == 0 {
		return p.FirstYear()
	}
	return first
}

// FirstYear returns the earliest year of an action or a funding line, or 0.
func (p *Plan) FirstYear() int {
	first := 0
	for _, ya := range append(p.CostsByYear(), p.FundingByYear()...) {
		if ya.Year != 0 && (first == 0 || ya.Year < first) {
			first = ya.Year
		}
	}
	if first == 0 && !p.Schedule.Start.IsZero() {
		first = p.Schedule.Start.Year
	}
	return first
}

// HasService reports whether the authority declared the given competence.
func (a *Authority) HasService(k ServiceKind) (Service, bool) {
	for _, s := range a.Services {
		if s.Kind == k {
			return s, true
		}
	}
	return Service{}, false
}

// Valorisation is the in-kind contribution of the financing plan (staff time, goods): it
// is shown to co-funders but is no cash commitment (DOMAIN §11).
func (p *Plan) Valorisation() Cents { return p.FundingBySource(SourceValorisation) }

// CashByYear is the montant prévisionnel of the engagements financiers by year: the
// costs of the actions without the valorisation of the same year (never below zero).
func (p *Plan) CashByYear() []YearAmount {
	valo := map[int]Cents{}
	for _, f := range p.Funding {
		if f.Source == SourceValorisation {
			valo[f.Year] += f.Amount
		}
	}
	var out []YearAmount
	for _, ya := range p.CostsByYear() {
		ya.Amount = max(ya.Amount-valo[ya.Year], 0)
		out = append(out, ya)
	}
	return out
}

// CashCommitment is the montant prévisionnel of the engagements financiers: the sum of
// CashByYear, the costs without the valorisation.
func (p *Plan) CashCommitment() Cents {
	var t Cents
	for _, ya := range p.CashByYear() {
		t += ya.Amount
	}
	return t
}

// PaysPartner reports whether some action pays the partner authority: its payee is the
// partner authority, or, without a payee, the partner is a foreign local authority.
func (p *Plan) PaysPartner() bool {
	for _, a := range p.Actions {
		if a.PaidTo.Kind == PayeePartner || (a.PaidTo.Kind == "" && a.Cost > 0 && p.Partner.Kind == PartnerAutoriteLocale) {
			return true
		}
	}
	return false
}

// ActionSector is the sector action i serves: its own answer, or the plan's sector when
// the plan has only one; false when it cannot be told.
func (p *Plan) ActionSector(i int) (Sector, bool) {
	if s := p.Actions[i].Field; s != "" {
		return s, true
	}
	if len(p.Domain.Sectors) == 1 {
		return p.Domain.Sectors[0], true
	}
	return "", false
}

// Commits reports whether the plan commits money: at least one action with a cost.
func (p *Plan) Commits() bool { return p.TotalCost() > 0 }

// NeedsConvention reports whether the form's main text is a convention: always for a
// convention de coopération décentralisée, and for a cultural or tourist promotion that
// commits money.
func (p *Plan) NeedsConvention() bool {
	return p.Form == FormConvention || (p.Form == FormPromotion && p.Commits())
}

// Grant is money given to one private body (ONG, association, comité de jumelage) in one
// year: the sum of the actions that pay it.
type Grant struct {
	Kind   PayeeKind
	Name   string
	Year   int
	Amount Cents
	// Actions are the indexes of the actions that pay it, in order.
	Actions []int
}

// NeedsObjectives reports whether the grant calls for a convention d'objectifs: more
// than 23 000 € in the year (loi 2000-321 art. 10).
func (g Grant) NeedsObjectives() bool { return g.Amount > GrantConventionThreshold }

// Grants lists the grants to private bodies by body (name compared without case or
// accents) and year, in the order of their first action. An action without a payee pays
// the partner when it is an ONG or an association.
func (p *Plan) Grants() []Grant {
	var out []Grant
	var folded []string // the names of out, folded once
	for i, a := range p.Actions {
		payee := a.PaidTo
		if payee.Kind == "" && (p.Partner.Kind == PartnerONG || p.Partner.Kind == PartnerAssociation) {
			payee = Payee{Kind: PayeeKind(p.Partner.Kind), Name: p.Partner.Name}
		}
		if !payee.Kind.IsPrivateBody() {
			continue
		}
		name := strings.TrimSpace(payee.Name)
		if name == "" {
			name = PayeeKinds.Label(payee.Kind)
		}
		key := Fold(name)
		j := 0
		for j < len(out) && (folded[j] != key || out[j].Year != a.Year) {
			j++
		}
		if j == len(out) {
			out = append(out, Grant{Kind: payee.Kind, Name: name, Year: a.Year})
			folded = append(folded, key)
		}
		out[j].Amount += a.Cost
		out[j].Actions = append(out[j].Actions, i)
	}
	return out
}

// SuggestedPayeeName is the name the assistant offers for the body paid by action i: the
// name given to an earlier action paid to a body of the same kind, or the project's
// operator (a comité de jumelage, an association), or the partner when it is that NGO or
// association; "" when the action pays no private body or nothing fits.
func (p *Plan) SuggestedPayeeName(i int) string {
	if i < 0 || i >= len(p.Actions) {
		return ""
	}
	kind := p.Actions[i].PaidTo.Kind
	if !kind.IsPrivateBody() {
		return ""
	}
	for j := i - 1; j >= 0; j-- {
		if pt := p.Actions[j].PaidTo; pt.Kind == kind && strings.TrimSpace(pt.Name) != "" {
			return strings.TrimSpace(pt.Name)
		}
	}
	if op := strings.TrimSpace(p.Implementation.Operator); op != "" {
		return op
	}
	if PayeeKind(p.Partner.Kind) == kind {
		return strings.TrimSpace(p.Partner.Name)
	}
	return ""
}
