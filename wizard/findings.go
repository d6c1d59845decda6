package wizard

// Severity is how serious a finding is.
type Severity int

// Severities, from the most serious.
const (
	// Blocking: the plan breaks the law or a funding rule; the draft is not compliant.
	Blocking Severity = iota
	// Warning: something to fix or check before the council votes.
	Warning
	// Advice: a reminder or an information.
	Advice
)

// String is the French name of the severity: bloquant, attention, conseil.
func (s Severity) String() string {
	switch s {
	case Blocking:
		return "bloquant"
	case Warning:
		return "attention"
	}
	return "conseil"
}

// FindingCode identifies a rule's finding; it is stable across versions, for tests and
// scripts.
type FindingCode string

// The findings of the rules engine.
const (
	CodeStatePartner          FindingCode = "partenaire-etat"
	CodeStateException        FindingCode = "partenaire-etat-exception"
	CodeFrenchPartner         FindingCode = "partenaire-francais"
	CodeRecognition           FindingCode = "partenaire-reconnaissance"
	CodeConventionPartner     FindingCode = "convention-partenaire"
	CodeConventionPurpose     FindingCode = "convention-objet"
	CodeConventionAmount      FindingCode = "convention-montant"
	CodeCharteMoney           FindingCode = "charte-engagement-financier"
	CodeJumelageMoney         FindingCode = "jumelage-engagement-financier"
	CodeJumelageCommittee     FindingCode = "jumelage-comite"
	CodeFACECOProcedure       FindingCode = "faceco-procedure"
	CodeGiftNoConvention      FindingCode = "don-sans-convention"
	CodeGiftFACECO            FindingCode = "don-faceco-suggere"
	CodeDelegationOperator    FindingCode = "delegation-operateur"
	CodePoolingPartners       FindingCode = "mutualisation-partenaires"
	CodeGrantConvention       FindingCode = "subvention-convention-objectifs"
	CodeOnePercentCompetence  FindingCode = "un-pour-cent-competence"
	CodeOnePercentField       FindingCode = "un-pour-cent-domaine"
	CodeOnePercentResources   FindingCode = "un-pour-cent-ressources"
	CodeOnePercentCeiling     FindingCode = "un-pour-cent-plafond"
	CodeOnePercentActionField FindingCode = "un-pour-cent-domaine-action"
	CodeOnePercentConvention  FindingCode = "un-pour-cent-convention"
	CodeUnbalanced            FindingCode = "plan-desequilibre"
	CodeUnbalancedYears       FindingCode = "plan-annuel-desequilibre"
	CodeMEAECountry           FindingCode = "meae-pays"
	CodeMEAERate              FindingCode = "meae-taux"
	CodeMEAEOwnShare          FindingCode = "meae-part-propre"
	CodeMEAEValorisation      FindingCode = "meae-valorisation"
	CodeMEAEOwnership         FindingCode = "meae-maitrise-ouvrage"
	CodeMEAEConditions        FindingCode = "meae-conditions"
	CodeFICOLCountry          FindingCode = "ficol-pays"
	CodeCERVConditions        FindingCode = "cerv-conditions"
	CodeSessionIncomplete     FindingCode = "seance-incomplete"
	CodeSessionConvocation    FindingCode = "seance-convocation"
	CodeConvocationDelay      FindingCode = "seance-convocation-delai"
	CodeConvocationUrgency    FindingCode = "seance-urgence"
	CodeQuorum                FindingCode = "seance-quorum"
	CodeSecondMeeting         FindingCode = "seance-seconde-reunion"
	CodeSecondMeetingUrgency  FindingCode = "seance-seconde-reunion-urgence"
	CodeVoteRejected          FindingCode = "seance-vote-rejet"
	CodeProxies               FindingCode = "seance-pouvoirs"
	CodeExecutiveTitle        FindingCode = "titre-executif"
	CodeSessionMembers        FindingCode = "seance-effectifs"
	CodeSessionVotes          FindingCode = "seance-votes"
	CodePublicationMode       FindingCode = "publication-mode"
	CodeElectronicTransfer    FindingCode = "transmission-electronique"
	CodeAPDDeclaration        FindingCode = "apd-declaration"
	CodeSIRET                 FindingCode = "collectivite-siret"
	// CodeMandatoryMention: a document, written with an adapted model, lacks a mention
	// the law requires (package document checks the rendered documents).
	CodeMandatoryMention FindingCode = "mention-obligatoire"
)

// Finding is one result of the rules engine.
type Finding struct {
	Code     FindingCode
	Severity Severity
	// Section is the section the finding is listed under.
	Section Section
	// Ref is the answer to change ("partner.kind", the amount of funding line 2).
	Ref Ref
	// Message says, in French, what is wrong and how to fix it.
	Message string
	// Reference is the legal or administrative source.
	Reference string
}

// HasBlocking reports whether any finding blocks.
func HasBlocking(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Blocking {
			return true
		}
	}
	return false
}

// CeilingUse is the use of one « 1 % » mechanism in one year: the funding lines of its
// source that year, their sum, and the ceiling of 1 % of the service's resources. The
// rules engine and the budget screen both read it.
type CeilingUse struct {
	Source    Source
	Mechanism OnePercent
	Year      int
	// Lines are the indexes of the funding lines, in order.
	Lines  []int
	Amount Cents
	// Held is false when the authority did not declare the service's competence.
	Held bool
	// Resources are the service's annual resources, 0 when not given.
	Resources Cents
}

// Ceiling is 1 % of the service's resources.
func (u CeilingUse) Ceiling() Cents { return u.Resources / 100 }

// Exceeded reports whether the lines go over the ceiling (known resources only).
func (u CeilingUse) Exceeded() bool { return u.Held && u.Resources > 0 && u.Amount*100 > u.Resources }

// OnePercentUses groups the funding lines of the « 1 % » sources by source and year, in
// the order of their first line: the ceilings are computed per service and per year.
func (p *Plan) OnePercentUses() []CeilingUse {
	var out []CeilingUse
	for i, f := range p.Funding {
		m, ok := f.Source.OnePercent()
		if !ok {
			continue
		}
		j := 0
		for j < len(out) && (out[j].Source != f.Source || out[j].Year != f.Year) {
			j++
		}
		if j == len(out) {
			svc, held := p.Authority.HasService(m.Service)
			out = append(out, CeilingUse{Source: f.Source, Mechanism: m, Year: f.Year, Held: held, Resources: svc.AnnualResources})
		}
		out[j].Lines = append(out[j].Lines, i)
		out[j].Amount += f.Amount
	}
	return out
}
