package wizard

import "strconv"

// Section is one of the ten sections of the assistant.
type Section int

// The sections, in the order of the assistant.
const (
	SecAuthority Section = iota
	SecPartner
	SecDomain
	SecForm
	SecImplementation
	SecActions
	SecFunding
	SecSession
	SecReview
	SecDocuments
)

// NumSections is the number of sections.
const NumSections = 10

var sectionTitles = [NumSections]string{
	"Collectivité", "Partenaire", "Domaine", "Forme", "Mise en œuvre",
	"Actions et calendrier", "Budget et financement", "Séance", "Vérification", "Documents",
}

// Title is the French title of the section.
func (s Section) Title() string {
	if s < 0 || s >= NumSections {
		return ""
	}
	return sectionTitles[s]
}

// State is the progress state of a section.
type State int

// Section states. StateToReview is set by the interface when an earlier answer changed;
// it is never computed from the plan alone.
const (
	StateEmpty State = iota
	StateInProgress
	StateComplete
	StateToReview
)

// String is the French name of the state: vide, en cours, complet, à revoir.
func (s State) String() string {
	switch s {
	case StateInProgress:
		return "en cours"
	case StateComplete:
		return "complet"
	case StateToReview:
		return "à revoir"
	}
	return "vide"
}

// Progress is the completeness of a plan, computed from the plan alone.
type Progress struct {
	States [NumSections]State
	// Missing lists, per section, the French names of the answers still missing.
	Missing [NumSections][]string
	// Percent is the share of the expected answers given, 0–100.
	Percent int
}

// item is one expected answer: its French name and whether it is given.
type item struct {
	name string
	ok   bool
}

// expected lists the answers each of the first eight sections expects, given the answers
// already there (an operator only for a delegation, the 1 % budgets only for the
// competences held…).
func (p *Plan) expected(s Section) []item {
	a, pa, se := &p.Authority, &p.Partner, &p.Session
	switch s {
	case SecAuthority:
		items := []item{
			{"type de collectivité", a.Type != ""},
			{"nom de la collectivité", a.Name != ""},
			{"département", a.Departement != ""},
			{"population", a.Population > 0},
			{"nom de l'exécutif", a.ExecutiveName != ""},
			{"titre de l'exécutif", a.EffectiveTitle() != ""},
		}
		for _, svc := range a.Services {
			items = append(items, item{"ressources du budget " + ServiceKinds.Label(svc.Kind), svc.AnnualResources > 0})
		}
		return items
	case SecPartner:
		items := []item{
			{"nom du partenaire", pa.Name != ""},
			{"pays", pa.Country != ""},
			{"type de partenaire", pa.Kind != ""},
		}
		if pa.Kind != PartnerFACECO {
			items = append(items,
				item{"représentant du partenaire", pa.Representative != ""},
				item{"langues", len(pa.Languages) > 0},
				item{"confirmation : entité reconnue par la France, hors sanctions", pa.RecognisedConfirmed})
		}
		return items
	case SecDomain:
		return []item{
			{"catégorie juridique", p.Domain.Category != ""},
			{"secteurs", len(p.Domain.Sectors) > 0},
			{"objectifs", p.Domain.Objectives != ""},
			{"ODD", len(p.Domain.SDGs) > 0},
		}
	case SecForm:
		return []item{{"forme", p.Form != ""}}
	case SecImplementation:
		items := []item{{"mode de mise en œuvre", p.Implementation.Mode != ""}}
		switch p.Implementation.Mode {
		case ModeDelegation:
			items = append(items, item{"opérateur", p.Implementation.Operator != ""})
		case ModeMutualisation:
			items = append(items, item{"collectivités associées", len(p.Implementation.PooledWith) > 0})
		}
		return items
	case SecActions:
		items := []item{
			{"date de début", !p.Schedule.Start.IsZero()},
			{"durée", p.Schedule.DurationMonths > 0},
			{"au moins une action", len(p.Actions) > 0},
		}
		for i, ac := range p.Actions {
			n := strconv.Itoa(i + 1)
			items = append(items,
				item{"intitulé de l'action " + n, ac.Title != ""},
				item{"année de l'action " + n, ac.Year != 0},
				item{"coût de l'action " + n, ac.Cost > 0})
		}
		return items
	case SecFunding:
		items := []item{{"au moins une source de financement", len(p.Funding) > 0}}
		for i, f := range p.Funding {
			n := strconv.Itoa(i + 1)
			items = append(items,
				item{"source " + n, f.Source != ""},
				item{"montant de la source " + n, f.Amount > 0},
				item{"année de la source " + n, f.Year != 0})
		}
		if len(p.Funding) > 0 {
			items = append(items, item{"plan de financement équilibré", p.TotalFunding() == p.TotalCost()})
		}
		return items
	case SecSession:
		return []item{
			{"date de la séance", !se.Date.IsZero()},
			{"date de convocation", !se.ConvocationDate.IsZero()},
			{"membres en exercice", se.MembersInOffice > 0},
			{"membres présents", se.Present > 0},
			{"membres représentés", se.Represented != nil},
			{"secrétaire de séance", se.Secretary != ""},
		}
	}
	return nil
}

func stateOf(given, total int) State {
	switch {
	case given == 0:
		return StateEmpty
	case given == total:
		return StateComplete
	}
	return StateInProgress
}

// Progress computes each section's state and the overall percentage. The review and
// documents sections are complete when every other section is and no finding blocks.
func (p *Plan) Progress() Progress {
	var pr Progress
	given, total := 0, 0
	allComplete, allEmpty := true, true
	for s := SecAuthority; s <= SecSession; s++ {
		g := 0
		items := p.expected(s)
		for _, it := range items {
			if it.ok {
				g++
			} else {
				pr.Missing[s] = append(pr.Missing[s], it.name)
			}
		}
		pr.States[s] = stateOf(g, len(items))
		allComplete = allComplete && pr.States[s] == StateComplete
		allEmpty = allEmpty && pr.States[s] == StateEmpty
		given += g
		total += len(items)
	}
	switch {
	case allEmpty:
		pr.States[SecReview] = StateEmpty
	case allComplete && !HasBlocking(Check(p)):
		pr.States[SecReview] = StateComplete
	default:
		pr.States[SecReview] = StateInProgress
	}
	pr.States[SecDocuments] = pr.States[SecReview]
	if total > 0 {
		pr.Percent = given * 100 / total
	}
	return pr
}
