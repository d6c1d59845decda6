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
	ref  Ref
}

// expected lists the answers a section expects, given the answers already there (an
// operator only for a delegation, the 1 % budgets only for the competences held…):
// every field of the registry that is not optional and applies, item by item for the
// lists, and for the funding a balanced plan.
func (p *Plan) expected(s Section) []item { return registry().expected(p, s) }

func (r *fieldRegistry) expected(p *Plan, s Section) []item {
	var items []item
	fields := r.fields
	for i := range fields {
		f := &fields[i]
		if f.Section != s || f.ID.InList() || f.Hidden {
			continue
		}
		if f.list == nil {
			if !f.Optional && f.appliesTo(p, -1) {
				items = append(items, item{f.Name, f.given(p, -1), RefTo(f.ID)})
			}
			continue
		}
		if !f.Optional {
			items = append(items, item{f.Name, f.given(p, -1), RefTo(f.ID)})
		}
		for j := 0; j < f.list.count(p); j++ {
			for k := range fields {
				c := &fields[k]
				if c.ID.List() != f.ID || !c.ID.InList() || c.Optional || c.Hidden || !c.appliesTo(p, j) {
					continue
				}
				r := ItemRef(c.ID, j)
				if f.ID == FieldServices {
					r = serviceRef(p.Authority.Services[j].Kind)
				}
				items = append(items, item{c.Name + " " + itemSuffix(c, r), c.given(p, j), r})
			}
		}
	}
	if s == SecFunding && len(p.Funding) > 0 {
		items = append(items, item{"plan de financement équilibré", p.TotalFunding() == p.TotalCost(), RefTo(FieldFunding)})
	}
	return items
}

// itemSuffix names the item of an answer after its name: "1" for the first action, the
// service's name for a budget.
func itemSuffix(f *Field, r Ref) string {
	if i, ok := r.Item(); ok {
		return strconv.Itoa(i + 1)
	}
	return ServiceKinds.Label(ServiceKind(r.Key))
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
