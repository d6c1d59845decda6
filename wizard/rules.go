package wizard

import (
	"fmt"
	"sort"
	"strings"
)

// Thresholds from DOMAIN.md.
const (
	// GrantConventionThreshold: above this amount a year, a grant to one private body needs
	// a convention d'objectifs (loi du 12 avril 2000, art. 10).
	GrantConventionThreshold = Cents(23_000_00)
	// PublicationThreshold: communes below it choose their publication mode.
	PublicationThreshold = 3500
	// ActesThreshold: above it, electronic transmission to the préfet is compulsory.
	ActesThreshold = 50000
	// MEAEOwnSharePercent is the minimum share of the French authorities in a
	// MEAE-cofinanced budget.
	MEAEOwnSharePercent = 10
)

// MEAERate is the MEAE's maximum co-financing rate, in percent of the total cost, for a
// partner country: 70 for a PMA, 50 for another APD-eligible country, 30 otherwise.
func MEAERate(c Country) int {
	switch {
	case c.PMA:
		return 70
	case c.APD:
		return 50
	}
	return 30
}

// MEAERulesNote marks the MEAE figures as this year's rules, to be checked.
const MEAERulesNote = "règles 2025, à vérifier"

const (
	refModes   = "Modes de mise en œuvre, mémento AMF « L'action extérieure des collectivités territoriales », 2020"
	refBalance = "Plan de financement : total des sources égal au total des dépenses (MEAE, AFD, Union européenne)"
	refSession = "CGCT, art. L. 2121-10 et suivants (fonctionnement du conseil municipal ; à vérifier pour les autres assemblées)"
	refL1115_1 = "CGCT, art. L. 1115-1"
	refMEAE    = "MEAE, appel à projets de la DCTCIV (ex-DAECT), " + MEAERulesNote
)

type checker struct {
	p        *Plan
	country  Country
	hasCtry  bool
	dep      Departement
	hasDep   bool
	findings []Finding
}

func (c *checker) add(code FindingCode, sev Severity, sec Section, at Ref, ref, format string, args ...any) {
	c.findings = append(c.findings, Finding{
		Code: code, Severity: sev, Section: sec, Ref: at, Reference: ref,
		Message: fmt.Sprintf(format, args...),
	})
}

// rules run in this order; the result is then sorted by severity, stably.
var rules = []func(*checker){
	ruleStatePartner,
	ruleFrenchPartner,
	ruleRecognised,
	ruleConventionPartner,
	ruleConventionContent,
	ruleCharteMoney,
	ruleJumelageMoney,
	ruleHumanitarian,
	ruleImplementation,
	ruleGrants,
	ruleOnePercent,
	ruleOnePercentConvention,
	ruleBalance,
	ruleMEAE,
	ruleFICOL,
	ruleCERV,
	ruleSession,
	ruleConvocation,
	ruleQuorum,
	ruleExecutiveTitle,
	rulePublication,
	ruleAPD,
	ruleIdentifiers,
}

// Check runs every rule on the plan and returns the findings, the blocking ones first.
// It is a pure function of the plan.
func Check(p *Plan) []Finding {
	c := &checker{p: p}
	c.country, c.hasCtry = LookupCountry(p.Partner.Country)
	c.dep, c.hasDep = LookupDepartement(p.Authority.Departement)
	for _, r := range rules {
		r(c)
	}
	sort.SliceStable(c.findings, func(i, j int) bool {
		return c.findings[i].Severity < c.findings[j].Severity
	})
	return c.findings
}

// ruleStatePartner applies CGCT L. 1115-5 (loi 2016-1657): no convention with a foreign
// State, except in the cases the law provides, each declared by the user; the « pouvoirs »
// of regional cooperation are only for the président of an overseas département, région
// or collectivité unique (DOMAIN §1).
func ruleStatePartner(c *checker) {
	pa := c.p.Partner
	if pa.Kind != PartnerEtat {
		return
	}
	const ref = "CGCT, art. L. 1115-5"
	at := RefTo(FieldStateException)
	switch e := pa.StateException; {
	case e == "" || e == StateNone:
		c.add(CodeStatePartner, Blocking, SecPartner, at, ref,
			"Le partenaire est un État : une collectivité ne peut pas conclure de convention avec un État étranger, hors les cas prévus par la loi (accord créant un GECT, un GEC ou un GLCT ; convention mettant en œuvre un accord international antérieur approuvé par l'État, un programme de coopération régionale d'une organisation internationale, ou créant un groupement de coopération ; pouvoirs donnés au président d'une collectivité d'outre-mer). Choisissez comme partenaire une autorité locale étrangère (commune, province, région…), ou déclarez l'exception qui s'applique.")
	case e == StateOverseasPower && !c.p.Authority.OverseasPowers():
		c.add(CodeStatePartner, Blocking, SecPartner, at, ref+" ; art. L. 3441-2, L. 4433-4-2, L. 7153-1, L. 7253-1",
			"Les pouvoirs de coopération régionale ne sont donnés qu'au président d'un département, d'une région ou d'une collectivité unique d'outre-mer, jamais à une commune ni à un EPCI : la convention avec un État reste interdite. Choisissez comme partenaire une autorité locale étrangère.")
	default:
		c.add(CodeStateException, Warning, SecPartner, at, ref,
			"Le partenaire est un État : la convention relève de l'exception « %s » de l'article L. 1115-5. Elle ne peut être signée qu'après %s : demandez-la avant la signature. La délibération cite l'exception.",
			LowerFirst(StateExceptions.Label(e)), e.Authorisation())
	}
}

func ruleFrenchPartner(c *checker) {
	if !c.hasCtry || !c.country.IsFrench() || c.p.Partner.Kind == PartnerFACECO {
		return
	}
	c.add(CodeFrenchPartner, Warning, SecPartner, RefTo(FieldCountry), refL1115_1,
		"Le partenaire est situé en France (%s) : l'action extérieure suppose un partenaire étranger. Vérifiez le pays ; une coopération entre collectivités françaises relève d'autres outils (convention entre collectivités, mutualisation).",
		c.country.Name)
}

func ruleRecognised(c *checker) {
	pa := c.p.Partner
	if pa.Kind == PartnerFACECO || pa.RecognisedConfirmed || (pa.Name == "" && pa.Kind == "") {
		return
	}
	c.add(CodeRecognition, Warning, SecPartner, RefTo(FieldRecognised),
		"Conseil d'État, 13 mai 2024, n° 474652 ; régimes de sanctions de la France",
		"Confirmez que le partenaire relève d'un État reconnu par la France et n'est pas visé par des sanctions : un jumelage avec une entité non reconnue a été annulé par le juge.")
}

func ruleConventionPartner(c *checker) {
	k := c.p.Partner.Kind
	if c.p.Form != FormConvention || (k != PartnerONG && k != PartnerAssociation && k != PartnerOrgInter) {
		return
	}
	c.add(CodeConventionPartner, Warning, SecPartner, RefTo(FieldPartnerKind), refL1115_1,
		"Une convention de coopération décentralisée se conclut avec une autorité locale étrangère. Pour soutenir %s, prévoyez plutôt une subvention avec, au-delà de 23 000 € par an, une convention d'objectifs.",
		map[PartnerKind]string{PartnerONG: "une ONG", PartnerAssociation: "une association", PartnerOrgInter: "une organisation internationale"}[k])
}

func ruleConventionContent(c *checker) {
	if !c.p.NeedsConvention() {
		return
	}
	if strings.TrimSpace(c.p.Domain.Objectives) == "" {
		c.add(CodeConventionPurpose, Blocking, SecDomain, RefTo(FieldObjectives), refL1115_1,
			"La convention doit indiquer l'objet des actions envisagées : décrivez les objectifs du projet.")
	}
	if !c.p.Commits() {
		c.add(CodeConventionAmount, Blocking, SecActions, RefTo(FieldActions), refL1115_1,
			"La convention doit indiquer le montant prévisionnel des engagements financiers : ajoutez les actions avec leur coût.")
	}
}

func ruleCharteMoney(c *checker) {
	if c.p.Form != FormCharte || !c.p.Commits() {
		return
	}
	c.add(CodeCharteMoney, Warning, SecForm, RefTo(FieldForm), refL1115_1,
		"Une charte d'amitié n'engage pas d'argent ; or le projet prévoit %s de dépenses. Rédigez-le comme une convention, avec une autorité locale étrangère, indiquant l'objet des actions et le montant prévisionnel des engagements financiers.",
		FormatAmount(c.p.TotalCost()))
}

func ruleJumelageMoney(c *checker) {
	if c.p.Form != FormJumelage || !c.p.Commits() {
		return
	}
	c.add(CodeJumelageMoney, Advice, SecForm, RefTo(FieldForm), refL1115_1,
		"Le jumelage engage %s : la délibération fixe ce montant ; si de l'argent est versé à la commune partenaire, signez aussi une convention indiquant l'objet des actions et le montant prévisionnel.",
		FormatAmount(c.p.TotalCost()))
	if c.p.Implementation.Mode == ModeDelegation {
		c.add(CodeJumelageCommittee, Advice, SecImplementation, RefTo(FieldOperator), "Méthode AFCCRE du jumelage",
			"Le jumelage est animé par un opérateur (souvent le comité de jumelage) : une convention entre la commune et le comité précise le rôle de chacun et l'usage des subventions.")
	}
}

func ruleHumanitarian(c *checker) {
	p := c.p
	if p.Partner.Kind == PartnerFACECO {
		c.add(CodeFACECOProcedure, Advice, SecPartner, RefTo(FieldPartnerKind), "FACECO, Centre de crise et de soutien du MEAE",
			"Don via le FACECO : la délibération suffit, sans convention ; la contribution est versée au fonds géré par le Centre de crise et de soutien (CDCS) du MEAE, qui la mutualise et la fait employer par ses experts humanitaires. Contactez le CDCS pour les modalités de versement.")
	}
	if p.Form != FormDon {
		return
	}
	c.add(CodeGiftNoConvention, Advice, SecForm, RefTo(FieldForm), refL1115_1,
		"Un don humanitaire se décide par délibération ; aucune convention avec une autorité étrangère n'est nécessaire.")
	if p.Partner.Kind != PartnerFACECO {
		c.add(CodeGiftFACECO, Advice, SecPartner, RefTo(FieldPartnerKind), "FACECO, Centre de crise et de soutien du MEAE",
			"Pour une aide d'urgence, le canal privilégié est le FACECO, fonds du Centre de crise et de soutien du MEAE : l'argent est mutualisé et employé par des experts humanitaires de l'État.")
	}
}

func ruleImplementation(c *checker) {
	im := c.p.Implementation
	switch {
	case im.Mode == ModeDelegation && strings.TrimSpace(im.Operator) == "":
		c.add(CodeDelegationOperator, Warning, SecImplementation, RefTo(FieldOperator), refModes,
			"La mise en œuvre est déléguée : indiquez l'opérateur (association, comité de jumelage, ONG, réseau régional…). La collectivité reste maître d'ouvrage.")
	case im.Mode == ModeMutualisation && len(im.PooledWith) == 0:
		c.add(CodePoolingPartners, Warning, SecImplementation, RefTo(FieldPooledWith), refModes,
			"La mise en œuvre est mutualisée : indiquez avec quelles collectivités françaises.")
	}
}

// ruleGrants: more than 23 000 € a year to one private body needs a convention
// d'objectifs (loi 2000-321 art. 10, décret 2001-495); the documents draft it.
func ruleGrants(c *checker) {
	for _, g := range c.p.Grants() {
		if !g.NeedsObjectives() {
			continue
		}
		c.add(CodeGrantConvention, Warning, SecActions, ItemRef(FieldPayeeKind, g.Actions[0]),
			"Loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495 du 6 juin 2001",
			"%s reçoit %s%s : au-delà de %s par an, une convention d'objectifs avec cet organisme est obligatoire (objet, montant, modalités de versement, conditions d'utilisation) ; le projet la rédige, et la délibération l'approuve.",
			g.Name, FormatAmount(g.Amount), inYear(g.Year), FormatAmount(GrantConventionThreshold))
	}
}

func inYear(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf(" en %d", y)
}

// ruleOnePercent checks every "1 %" source: the competence, the cap of 1 % of the
// service's resources (per service and per year, see Plan.OnePercentUses), and that it
// funds only actions of the service's field (DOMAIN §11: outside the field is bloquant).
func ruleOnePercent(c *checker) {
	p := c.p
	warnedCompetence := map[Source]bool{}
	for i, f := range p.Funding {
		m, ok := f.Source.OnePercent()
		if !ok {
			continue
		}
		if _, held := p.Authority.HasService(m.Service); !held && !warnedCompetence[f.Source] {
			warnedCompetence[f.Source] = true
			c.add(CodeOnePercentCompetence, Blocking, SecFunding, ItemRef(FieldFundingSource, i), "CGCT, art. "+m.Article,
				"%s : la collectivité n'a pas déclaré la compétence « %s ». Seule une collectivité qui exerce cette compétence peut utiliser ce mécanisme ; déclarez la compétence et le budget du service (section Collectivité) ou financez sur le budget général.",
				Sources.Label(f.Source), ServiceKinds.Label(m.Service))
		}
	}
	outOfField := map[Source]bool{}
	for _, u := range p.OnePercentUses() {
		if !u.Held {
			continue
		}
		ref := "CGCT, art. " + u.Mechanism.Article
		switch {
		case u.Resources == 0:
			c.add(CodeOnePercentResources, Warning, SecAuthority, serviceRef(u.Mechanism.Service), ref,
				"%s : indiquez les ressources annuelles du budget « %s » pour calculer le plafond de 1 %%.",
				Sources.Label(u.Source), ServiceKinds.Label(u.Mechanism.Service))
		case u.Exceeded():
			c.add(CodeOnePercentCeiling, Blocking, SecFunding, ItemRef(FieldFundingAmount, u.Lines[0]), ref,
				"%s%s : %s dépasse le plafond de %s (1 %% des ressources du budget « %s », %s). Ramenez ce montant au plafond et financez le reste sur le budget général.",
				Sources.Label(u.Source), inYear(u.Year), FormatAmount(u.Amount), FormatAmount(u.Ceiling()),
				ServiceKinds.Label(u.Mechanism.Service), FormatAmount(u.Resources))
		}
		field := u.Mechanism.Sector
		if !hasSector(p.Domain.Sectors, field) {
			if !outOfField[u.Source] {
				outOfField[u.Source] = true
				c.add(CodeOnePercentField, Blocking, SecDomain, RefTo(FieldSectors), ref,
					"%s : cet argent ne peut financer que des actions du domaine « %s », absent des secteurs du projet. Ajoutez ce secteur si les actions en relèvent, sinon financez-les sur le budget général.",
					Sources.Label(u.Source), Sectors.Label(field))
			}
			continue
		}
		in, unknown, first := Cents(0), Cents(0), -1
		for i, a := range p.Actions {
			if u.Year != 0 && a.Year != u.Year {
				continue
			}
			switch s, known := p.ActionSector(i); {
			case !known:
				unknown += a.Cost
				if first < 0 {
					first = i
				}
			case s == field:
				in += a.Cost
			}
		}
		switch {
		case u.Amount > in+unknown:
			c.add(CodeOnePercentField, Blocking, SecActions, RefTo(FieldActions), ref,
				"%s%s : %s, mais les actions du domaine « %s »%s ne coûtent que %s : cet argent ne finance que des actions de ce domaine. Financez le reste sur le budget général, ou précisez le domaine de chaque action.",
				Sources.Label(u.Source), inYear(u.Year), FormatAmount(u.Amount), Sectors.Label(field), inYear(u.Year), FormatAmount(in))
		case u.Amount > in:
			c.add(CodeOnePercentActionField, Warning, SecActions, ItemRef(FieldActionField, first), ref,
				"%s%s : le projet a plusieurs secteurs ; dites, pour chaque action, le domaine qu'elle sert (question « domaine que sert l'action ») : ce budget ne finance que des actions du domaine « %s ».",
				Sources.Label(u.Source), inYear(u.Year), Sectors.Label(field))
		}
	}
}

// ruleOnePercentConvention: cooperation with a foreign local authority paid by the 1 %
// eau, assainissement, électricité-gaz or mobilité takes place « dans le cadre des
// conventions prévues à l'article L. 1115-1 » (L. 1115-1-1, L. 1115-3): a jumelage, a
// charte or a promotion without convention that pays the partner authority from it is
// bloquant; the 1 % déchets (L. 1115-2) requires no convention: attention. Emergency aid
// and grants to an NGO may use a 1 % budget without a convention (DOMAIN §11).
func ruleOnePercentConvention(c *checker) {
	p := c.p
	if p.NeedsConvention() || p.Form == FormDon || p.Form == "" || !p.PaysPartner() {
		return
	}
	seen := map[Source]bool{}
	for i, f := range p.Funding {
		m, ok := f.Source.OnePercent()
		if !ok || seen[f.Source] {
			continue
		}
		seen[f.Source] = true
		form := LowerFirst(Forms.Label(p.Form))
		if f.Source == SourceDechets {
			c.add(CodeOnePercentConvention, Warning, SecForm, RefTo(FieldForm), "CGCT, art. "+m.Article,
				"Le %s paie la collectivité partenaire dans le cadre d'un projet « %s » : la loi ne l'impose pas pour les déchets, mais une convention de coopération décentralisée, qui fixe l'objet des actions et le montant prévisionnel des engagements financiers, est recommandée.",
				Sources.Label(f.Source), form)
			continue
		}
		c.add(CodeOnePercentConvention, Blocking, SecForm, ItemRef(FieldFundingSource, i), "CGCT, art. "+m.Article,
			"Le %s paie la collectivité partenaire dans le cadre d'un projet « %s » : la loi n'ouvre ce financement que « dans le cadre des conventions prévues à l'article L. 1115-1 ». Faites du projet une convention de coopération décentralisée (section Forme), ou financez ces versements sur le budget général.",
			Sources.Label(f.Source), form)
	}
}

func hasSector(ss []Sector, s Sector) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func ruleBalance(c *checker) {
	p := c.p
	cost, fund := p.TotalCost(), p.TotalFunding()
	if cost == 0 && fund == 0 {
		return
	}
	if cost != fund {
		gap := "il manque " + FormatAmount(cost-fund) + " de financement"
		if fund > cost {
			gap = "les financements dépassent les dépenses de " + FormatAmount(fund-cost)
		}
		c.add(CodeUnbalanced, Blocking, SecFunding, RefTo(FieldFunding), refBalance,
			"Le plan de financement n'est pas équilibré : %s de sources pour %s de dépenses ; %s.",
			FormatAmount(fund), FormatAmount(cost), gap)
		return
	}
	costs, funds := p.CostsByYear(), p.FundingByYear()
	byYear := map[int]Cents{}
	for _, ya := range costs {
		byYear[ya.Year] += ya.Amount
	}
	for _, ya := range funds {
		byYear[ya.Year] -= ya.Amount
	}
	var years []string
	for _, ya := range append(costs, funds...) {
		if byYear[ya.Year] != 0 {
			years = append(years, fmt.Sprint(ya.Year))
			byYear[ya.Year] = 0
		}
	}
	if len(years) > 0 {
		sort.Strings(years)
		c.add(CodeUnbalancedYears, Advice, SecFunding, RefTo(FieldFunding), refBalance,
			"Le plan est équilibré au total mais pas chaque année (%s) : vérifiez l'année de chaque source, les crédits s'inscrivent au budget de chaque exercice.",
			strings.Join(years, ", "))
	}
}

func ruleMEAE(c *checker) {
	p := c.p
	meae := p.FundingBySource(SourceMEAE)
	if meae == 0 {
		return
	}
	total := p.TotalCost()
	if total == 0 {
		total = p.TotalFunding()
	}
	field := fundingField(p, SourceMEAE)
	if !c.hasCtry {
		c.add(CodeMEAECountry, Warning, SecPartner, RefTo(FieldCountry), refMEAE,
			"Indiquez le pays du partenaire : le taux maximal du MEAE (70, 50 ou 30 %% du coût total) dépend de sa catégorie (PMA, pays éligible à l'APD, autre).")
	}
	if c.hasCtry {
		rate := MEAERate(c.country)
		if int64(meae)*100 > int64(rate)*int64(total) {
			c.add(CodeMEAERate, Blocking, SecFunding, field, refMEAE,
				"La part du MEAE, %s sur %s (%s), dépasse le taux maximal de %d %% pour %s (%s). Réduisez la demande au MEAE à %s au plus et complétez par d'autres sources.",
				FormatAmount(meae), FormatAmount(total), FormatShare(meae, total, rate), rate, countryCategory(c.country), c.country.Name, FormatAmount(Cents(int64(total)*int64(rate)/100)))
		}
	}
	own, french := p.OwnContribution(), p.FrenchContribution()
	if int64(french)*100 < MEAEOwnSharePercent*int64(total) {
		need := Cents((int64(total)*MEAEOwnSharePercent + 99) / 100)
		c.add(CodeMEAEOwnShare, Blocking, SecFunding, RefTo(FieldFunding), refMEAE,
			"Les collectivités françaises doivent apporter au moins 10 %% du budget : leur apport (budget général, 1 %%, valorisation, autres collectivités) est de %s sur %s (%s). Portez-le à %s au moins.",
			FormatAmount(french), FormatAmount(total), FormatShare(french, total, MEAEOwnSharePercent), FormatAmount(need))
	}
	if valo := p.FundingBySource(SourceValorisation); valo*2 > own {
		c.add(CodeMEAEValorisation, Blocking, SecFunding, fundingField(p, SourceValorisation), refMEAE,
			"La valorisation (%s) dépasse la moitié de l'apport propre de la collectivité (%s) : les apports en nature sont plafonnés à 50 %% de sa contribution. Ramenez-la à %s au plus, ou augmentez l'apport en argent.",
			FormatAmount(valo), FormatAmount(own), FormatAmount((own - valo)))
	}
	if p.Implementation.Mode == ModeSoutien {
		c.add(CodeMEAEOwnership, Warning, SecImplementation, RefTo(FieldMode), refMEAE,
			"Les appels à projets du MEAE écartent les projets où la collectivité française n'est qu'un financeur : elle doit rester maître d'ouvrage (en propre, en mutualisation ou par délégation).")
	}
	c.add(CodeMEAEConditions, Advice, SecFunding, field, refMEAE,
		"Cofinancement MEAE : il faut une délibération, une convention signée ou des lettres d'intention, et la déclaration annuelle de l'APD faite. Versement par tranches annuelles, la dernière à 80 %% puis 20 %% sur rapport final ; appel généraliste vers mars–mai (%s).",
		MEAERulesNote)
}

func countryCategory(c Country) string {
	switch {
	case c.PMA:
		return "un pays parmi les moins avancés (PMA)"
	case c.APD:
		return "un pays éligible à l'APD hors PMA"
	}
	return "un pays non éligible à l'APD"
}

// fundingField is the amount of the first funding line of a source, or the funding.
func fundingField(p *Plan, s Source) Ref {
	for i, f := range p.Funding {
		if f.Source == s {
			return ItemRef(FieldFundingAmount, i)
		}
	}
	return RefTo(FieldFunding)
}

func ruleFICOL(c *checker) {
	if c.p.FundingBySource(SourceFICOL) == 0 || !c.hasCtry || c.country.APD {
		return
	}
	c.add(CodeFICOLCountry, Warning, SecFunding, fundingField(c.p, SourceFICOL), "AFD, FICOL",
		"La FICOL de l'AFD finance des projets dans les pays éligibles à l'AFD ; le pays partenaire (%s) ne figure pas sur la liste de l'APD : vérifiez l'éligibilité auprès de l'AFD.",
		c.country.Name)
}

func ruleCERV(c *checker) {
	if c.p.FundingBySource(SourceCERV) == 0 {
		return
	}
	c.add(CodeCERVConditions, Warning, SecFunding, fundingField(c.p, SourceCERV), "Union européenne, programme CERV, volet Town-Twinning",
		"Subvention CERV Town-Twinning : la rencontre doit réunir au moins 50 participants, dont au moins 25 invités de l'étranger, avec des partenaires d'au moins deux pays éligibles dont un de l'Union européenne ; la subvention est forfaitaire (2024 : 8 455 € à 50 745 €).")
}

func ruleSession(c *checker) {
	var missing []string
	first := RefTo(FieldSessionDate)
	for _, it := range c.p.expected(SecSession) {
		if !it.ok {
			if len(missing) == 0 {
				first = it.ref
			}
			missing = append(missing, it.name)
		}
	}
	if len(missing) > 0 {
		c.add(CodeSessionIncomplete, Warning, SecSession, first, refSession,
			"Informations de la séance à compléter : %s. Le projet de délibération les laisse en blanc à remplir.",
			strings.Join(missing, ", "))
	}
}

// ruleConvocation checks the convocation delay of the assembly, by type and population
// (DOMAIN §10): too late without urgency blocks; with urgency declared, one jour franc
// at least, and the assembly rules on the urgency at the opening. After a quorum failure
// the new convocation leaves three jours francs before the second meeting and cannot be
// shortened for urgency (CE, 16 juin 1997, Pfister); a département or a région meets again
// de plein droit three days after the first meeting, whose date the delay is measured to.
func ruleConvocation(c *checker) {
	s, a := c.p.Session, c.p.Authority
	if s.Date.IsZero() || s.ConvocationDate.IsZero() {
		return
	}
	rule, known := a.ConvocationRule(&s)
	ref := "CGCT, art. " + rule.Article
	if !known {
		ref = refSession
	}
	if !s.ConvocationDate.Before(s.Date) {
		c.add(CodeSessionConvocation, Blocking, SecSession, RefTo(FieldConvocation), ref,
			"La date de convocation (%s) doit précéder la date de la séance (%s).",
			FormatDate(s.ConvocationDate), FormatDate(s.Date))
		return
	}
	if !known {
		return
	}
	second := s.SecondMeetingHeld()
	urgency := s.Urgency
	if second && !a.SecondMeetingByRight() && urgency {
		c.add(CodeSecondMeetingUrgency, Blocking, SecSession, RefTo(FieldUrgency), "CGCT, art. "+a.QuorumArticle()+" ; CE, 16 juin 1997, Pfister, n° 142691 ; CE, 5 août 1908",
			"Après un défaut de quorum, la nouvelle convocation ne peut pas être abrégée pour urgence : trois jours francs au moins séparent son envoi de la seconde réunion. Une séance convoquée en urgence est une séance ordinaire, soumise au quorum : respectez le délai, ou retirez la réponse « seconde réunion » et vérifiez le quorum.")
		urgency = false
	}
	meeting, what, noun := s.Date, "la séance du "+FormatDate(s.Date), "la séance"
	if first, ok := s.FirstMeeting(&a); ok {
		meeting, what, noun = first, "la première réunion, le "+FormatDate(first)+" (trois jours avant la seconde)", "la première réunion"
	}
	if !s.ConvocationDate.Before(meeting) {
		c.add(CodeSessionConvocation, Blocking, SecSession, RefTo(FieldConvocation), ref,
			"La date de convocation (%s) doit précéder %s.", FormatDate(s.ConvocationDate), what)
		return
	}
	got := rule.Delay(s.ConvocationDate, meeting)
	if got >= rule.Days {
		return
	}
	francs := ConvocationRule{Days: 1, Francs: true}
	switch left := francs.Delay(s.ConvocationDate, meeting); {
	case !urgency:
		advice := "Convoquez plus tôt ou reportez la séance ; si l'urgence le justifie, déclarez-la (question « urgence » de la section Séance)."
		if second {
			advice = "Convoquez plus tôt ou reportez la séance."
		}
		c.add(CodeConvocationDelay, Blocking, SecSession, RefTo(FieldConvocation), ref,
			"La convocation du %s %s avant %s ; pour %s, il en faut au moins %s : %s peut se tenir au plus tôt le %s. %s",
			FormatDate(s.ConvocationDate), rule.Leaves(got), what, rule.Who, rule.CouncilDays(rule.Days), noun, FormatDate(rule.Earliest(s.ConvocationDate)), advice)
	case left < 1:
		c.add(CodeConvocationDelay, Blocking, SecSession, RefTo(FieldConvocation), "CGCT, art. "+a.UrgencyArticle(),
			"Même en cas d'urgence, la convocation doit précéder la séance d'au moins un jour franc : convoquée le %s, la séance ne peut se tenir avant le %s.",
			FormatDate(s.ConvocationDate), FormatDate(francs.Earliest(s.ConvocationDate)))
	default:
		c.add(CodeConvocationUrgency, Warning, SecSession, RefTo(FieldUrgency), "CGCT, art. "+a.UrgencyArticle(),
			"Convocation abrégée pour urgence (%s au lieu de %s) : l'assemblée doit se prononcer sur l'urgence dès l'ouverture de la séance, et la délibération le mentionne ; le juge annule une délibération dont l'urgence n'est pas justifiée.",
			rule.CouncilDays(got), rule.CouncilDays(rule.Days))
	}
}

// ruleQuorum checks the quorum, the proxies and the count of the votes (DOMAIN §10).
func ruleQuorum(c *checker) {
	s, a := c.p.Session, c.p.Authority
	rep := 0
	if s.Represented != nil {
		rep = *s.Represented
	}
	if s.MembersInOffice > 0 && s.Present+rep > s.MembersInOffice {
		c.add(CodeSessionMembers, Blocking, SecSession, RefTo(FieldPresent),
			refSession, "Les présents (%d) et représentés (%d) dépassent les membres en exercice (%d) : ce décompte est impossible ; corrigez les effectifs.",
			s.Present, rep, s.MembersInOffice)
	}
	statuts := a.Type == AuthSyndicatMixte && a.SyndicatKind == SyndicatOuvert
	if q := Quorum(s.MembersInOffice); statuts && s.MembersInOffice > 0 && s.Present > 0 && s.Present < q && !s.SecondMeeting {
		c.add(CodeQuorum, Warning, SecSession, RefTo(FieldPresent), "CGCT, art. L. 5721-2 et les statuts",
			"Les statuts du syndicat mixte ouvert fixent son quorum : avec %d présents pour %d membres en exercice, la majorité des membres n'est pas présente ; vérifiez que le quorum de vos statuts est atteint.",
			s.Present, s.MembersInOffice)
	} else if q := Quorum(s.MembersInOffice); !statuts && s.MembersInOffice > 0 && s.Present > 0 && s.Present < q {
		again := "convoquez-la à nouveau, à trois jours au moins d'intervalle : elle délibère alors sans condition de quorum"
		if a.SecondMeetingByRight() {
			again = "elle se réunit de plein droit trois jours plus tard et délibère alors sans condition de quorum"
		}
		if s.SecondMeeting {
			c.add(CodeSecondMeeting, Advice, SecSession, RefTo(FieldSecondMeeting), "CGCT, art. "+a.QuorumArticle(),
				"Seconde réunion après un défaut de quorum : l'assemblée délibère valablement quel que soit le nombre de présents ; la délibération le mentionne. Gardez la trace de la première séance (convocation, procès-verbal constatant le défaut de quorum).")
		} else {
			c.add(CodeQuorum, Blocking, SecSession, RefTo(FieldPresent), "CGCT, art. "+a.QuorumArticle(),
				"Quorum non atteint : %d présents pour %d membres en exercice, il en faut au moins %d (la majorité des membres en exercice ; les pouvoirs ne comptent pas). L'assemblée ne peut pas délibérer : %s (dites-le à la question « seconde réunion » de la section Séance).",
				s.Present, s.MembersInOffice, q, again)
		}
	}
	if s.Represented != nil && s.Present > 0 && rep > s.Present {
		if statuts {
			c.add(CodeProxies, Warning, SecSession, RefTo(FieldRepresented), "CGCT, art. "+a.ProxyArticle(),
				"%d membres représentés pour %d présents : les statuts du syndicat mixte ouvert fixent les pouvoirs ; d'ordinaire un membre présent ne porte qu'un seul pouvoir. Vérifiez vos statuts.",
				rep, s.Present)
		} else {
			c.add(CodeProxies, Blocking, SecSession, RefTo(FieldRepresented), "CGCT, art. "+a.ProxyArticle(),
				"%d membres représentés pour %d présents : un membre présent ne peut porter qu'un seul pouvoir. Corrigez le nombre de pouvoirs.",
				rep, s.Present)
		}
	}
	if s.Present > 0 && s.Represented != nil {
		given, all := 0, true
		for _, n := range []*int{s.VotesFor, s.VotesAgainst, s.Abstentions} {
			if n == nil {
				all = false
				continue
			}
			given += *n
		}
		voters := s.Present + rep
		if given > voters || (all && given != voters) {
			c.add(CodeSessionVotes, Blocking, SecSession, RefTo(FieldVotesFor), "CGCT, art. "+a.VoteArticle(),
				"Les voix pour, contre et les abstentions (%d) doivent égaler le nombre de votants, présents et représentés (%d) : corrigez le décompte des voix.",
				given, voters)
		}
	}
	if s.VotesFor != nil && s.VotesAgainst != nil && *s.VotesFor+*s.VotesAgainst > 0 {
		switch pour, contre := *s.VotesFor, *s.VotesAgainst; {
		case pour < contre:
			c.add(CodeVoteRejected, Blocking, SecSession, RefTo(FieldVotesFor), "CGCT, art. "+a.VoteArticle(),
				"%s pour, %s contre : la délibération est rejetée (elle se prend à la majorité des suffrages exprimés, les abstentions ne comptant pas). Un projet qui approuve la convention ne peut pas être présenté comme adopté.",
				CountOf(pour, "voix", "voix"), CountOf(contre, "voix", "voix"))
		case pour == contre:
			c.add(CodeVoteRejected, Warning, SecSession, RefTo(FieldVotesFor), "CGCT, art. "+a.VoteArticle(),
				"Partage égal des voix (%d pour, %d contre) : la voix du président de séance est prépondérante, sauf scrutin secret (alors la délibération est rejetée). Indiquez dans le procès-verbal le sens de son vote.",
				pour, contre)
		}
	}
}

// ruleExecutiveTitle: the executive's title follows the authority's type (DOMAIN §10).
func ruleExecutiveTitle(c *checker) {
	a := c.p.Authority
	if a.ExecutiveTitle == "" || a.Type == "" || a.EffectiveTitle() != "" {
		return
	}
	want := "« le Président » ou « la Présidente »"
	if a.Type == AuthCommune {
		want = "« le Maire » ou « la Maire »"
	}
	c.add(CodeExecutiveTitle, Warning, SecAuthority, RefTo(FieldExecutiveTitle), "CGCT, art. L. 2122-1 (maire), L. 5211-9, L. 3122-1, L. 4132-1 (président)",
		"Le titre de l'exécutif (« %s ») ne correspond pas au type de collectivité (%s) : choisissez %s. Les documents le laissent à compléter.",
		ExecutiveTitles.Label(a.ExecutiveTitle), LowerFirst(AuthorityTypes.Label(a.Type)), want)
}

// rulePublication: how the acts are published and transmitted, by type (DOMAIN §6).
func rulePublication(c *checker) {
	a := c.p.Authority
	if small, _ := a.ChoosesPublicationMode(); small {
		who, at := "Commune de moins de 3 500 habitants", RefTo(FieldPopulation)
		switch a.Type {
		case AuthSyndicatMixte:
			who, at = "Syndicat mixte fermé", RefTo(FieldSyndicatKind)
		case AuthSyndicatCommunes:
			who, at = "Syndicat de communes", RefTo(FieldAuthorityType)
		}
		c.add(CodePublicationMode, Advice, SecSession, at, "CGCT, art. "+a.PublicationArticle()+" (réforme de la publicité des actes, 1er juillet 2022)",
			"%s : la délibération est publiée selon le mode choisi par %s (affichage, papier ou électronique — électronique par défaut). La liste des délibérations est affichée sous une semaine.",
			who, a.Council())
	}
	if a.ActesCompulsory() {
		who := "Plus de 50 000 habitants"
		switch {
		case a.Type.IsEPCI():
			who = "Établissement public de coopération intercommunale à fiscalité propre"
		case a.Type == AuthDepartement:
			who = "Département"
		case a.Type == AuthRegion:
			who = "Région"
		}
		c.add(CodeElectronicTransfer, Advice, SecSession, RefTo(FieldAuthorityType), "Loi n° 2015-991 du 7 août 2015 (NOTRe), art. 128 ; CGCT, art. L. 2131-1",
			"%s : la transmission des actes au préfet se fait obligatoirement par voie électronique (@ctes).", who)
	}
}

func ruleAPD(c *checker) {
	if !c.hasCtry || !c.country.APD || !c.p.Commits() {
		return
	}
	first := "chaque année"
	if year := c.p.FirstSpendingYear(); year != 0 {
		first = fmt.Sprintf("première déclaration du 15 avril au 31 mai %d, pour les dépenses de %d", year+1, year)
	}
	c.add(CodeAPDDeclaration, Advice, SecPartner, RefTo(FieldCountry), "CGCT, art. L. 1115-6",
		"Le pays partenaire (%s) est éligible à l'aide publique au développement : déclarez chaque année, du 15 avril au 31 mai, les dépenses de l'année précédente sur la plateforme « Démarches simplifiées » (%s). Cette déclaration conditionne tout cofinancement du MEAE.",
		c.country.Name, first)
}

// ruleIdentifiers: a SIRET is the authority's SIREN followed by the five digits of one of
// its establishments.
func ruleIdentifiers(c *checker) {
	a := c.p.Authority
	if a.SIREN != "" && a.SIRET != "" && !strings.HasPrefix(a.SIRET, a.SIREN) {
		c.add(CodeSIRET, Warning, SecAuthority, RefTo(FieldSIRET), "INSEE, répertoire SIRENE",
			"Le SIRET %s ne commence pas par le SIREN de la collectivité (%s) : un SIRET est le SIREN suivi des cinq chiffres d'un établissement. Vérifiez les deux numéros.",
			a.SIRET, a.SIREN)
	}
}
