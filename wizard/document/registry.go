package document

import (
	"strings"

	"aect/wizard"
	"aect/wizard/document/render"
)

// kindRow is one document of the registry: everything the program knows of a kind, in
// one place — its French name, the names the command line accepts, when a plan has it,
// its model file, and how it is built.
type kindRow struct {
	kind Kind
	// title is the French name: "Délibération", "Charte de jumelage"…
	title string
	// aliases are the names --doc accepts for it (folded); several kinds may share one
	// ("charte", "convention": the plan's main text).
	aliases []string
	// applies reports whether a plan has the document (p is never nil).
	applies func(p *wizard.Plan) bool
	// absent says why a plan lacks the document, when it is asked for by name.
	absent func(p *wizard.Plan) string
	// model is the file of its template in modeles/, "" for a document built in Go.
	model string
	// build makes a document without a model.
	build func(f *facts) *render.Doc
	// nonCompliant: the document carries the « Projet non conforme » note when a
	// finding blocks (the texts the council votes on).
	nonCompliant bool
}

// registry lists the documents, in the order of an export. It is filled by init: its
// builders name the kinds' titles, which read it.
var registry []kindRow

func init() {
	registry = []kindRow{
		{kind: Deliberation, title: "Délibération", aliases: []string{"deliberation", ""},
			applies: func(*wizard.Plan) bool { return true }, model: "deliberation.txt", nonCompliant: true},
		{kind: Convention, title: "Convention", aliases: []string{"convention", "charte", "texte"},
			applies: func(p *wizard.Plan) bool { return p.NeedsConvention() }, absent: noMainText,
			model: "convention.txt", nonCompliant: true},
		{kind: CharteJumelage, title: "Charte de jumelage", aliases: []string{"charte-jumelage", "convention", "charte", "texte"},
			applies: func(p *wizard.Plan) bool { return !p.NeedsConvention() && p.Form == wizard.FormJumelage }, absent: noMainText,
			model: "charte-jumelage.txt", nonCompliant: true},
		{kind: CharteAmitie, title: "Charte d'amitié", aliases: []string{"charte-amitie", "convention", "charte", "texte"},
			applies: func(p *wizard.Plan) bool { return !p.NeedsConvention() && p.Form == wizard.FormCharte }, absent: noMainText,
			model: "charte-amitie.txt", nonCompliant: true},
		{kind: ConventionObjectifs, title: "Convention d'objectifs", aliases: []string{"objectifs", "convention-objectifs"},
			applies: needsObjectives,
			absent: func(*wizard.Plan) string {
				return "ce brouillon n'a pas de convention d'objectifs : elle n'est requise que pour une subvention de plus de 23 000 € par an à un même organisme privé (loi n° 2000-321, art. 10)"
			},
			model: "convention-objectifs.txt", nonCompliant: true},
		{kind: DeclarationAPD, title: "Fiche de déclaration APD", aliases: []string{"apd", "declaration-apd"},
			applies: hasAPDSheet,
			absent: func(*wizard.Plan) string {
				return "ce brouillon n'a pas de fiche de déclaration APD : il n'engage pas de dépense au profit d'un pays éligible à l'aide publique au développement"
			},
			build: buildAPD},
		{kind: NextSteps, title: "Prochaines étapes", aliases: []string{"etapes", "prochaines-etapes"},
			applies: func(*wizard.Plan) bool { return true }, build: buildNextSteps},
	}
	AllKinds = make([]Kind, len(registry))
	for i, r := range registry {
		AllKinds[i] = r.kind
	}
}

// kindSpec returns the registry row of a kind.
func kindSpec(k Kind) (kindRow, bool) {
	for _, r := range registry {
		if r.kind == k {
			return r, true
		}
	}
	return kindRow{}, false
}

// needsObjectives reports whether a private body receives more than 23 000 € in a year.
func needsObjectives(p *wizard.Plan) bool {
	for _, g := range p.Grants() {
		if g.NeedsObjectives() {
			return true
		}
	}
	return false
}

// noMainText says why a plan has no convention nor charte.
func noMainText(p *wizard.Plan) string {
	switch p.Form {
	case wizard.FormDon:
		return "un don humanitaire n'a pas de convention : la délibération suffit"
	case wizard.FormPromotion:
		return "cette promotion culturelle ou touristique n'engage pas d'argent : elle ne demande pas de convention, la délibération suffit ; une convention s'impose dès qu'une action a un coût (CGCT, art. L. 1115-1)"
	}
	return "ce brouillon n'a pas encore de convention ni de charte : choisissez d'abord sa forme"
}

// AllKinds lists every kind, in the order of an export.
var AllKinds []Kind

// Title is the French name of the document: "Délibération", "Convention", "Charte de
// jumelage", "Charte d'amitié", "Convention d'objectifs", "Fiche de déclaration APD",
// "Prochaines étapes".
func (k Kind) Title() string {
	if r, ok := kindSpec(k); ok {
		return r.title
	}
	return string(k)
}

// Kinds lists the documents of a plan, in order: the délibération, the form's main text
// (a convention for a convention de coopération décentralisée or for a cultural promotion
// that commits money, the charte for a jumelage or a charte d'amitié, nothing for a
// humanitarian gift), the convention d'objectifs when a private body receives more than
// 23 000 € in a year, the fiche de déclaration APD when the partner country is eligible
// to APD and the plan commits money, then the prochaines étapes. A nil plan is an empty
// draft.
func Kinds(p *wizard.Plan) []Kind {
	if p == nil {
		p = &wizard.Plan{}
	}
	var ks []Kind
	for _, r := range registry {
		if r.applies(p) {
			ks = append(ks, r.kind)
		}
	}
	return ks
}

// mainText is the text the council approves with the délibération, if the form has one.
func mainText(p *wizard.Plan) (Kind, bool) {
	for _, k := range []Kind{Convention, CharteJumelage, CharteAmitie} {
		if r, _ := kindSpec(k); r.applies(p) {
			return k, true
		}
	}
	return "", false
}

// KindNames lists the names the command line accepts for the documents, for its help.
const KindNames = "deliberation, convention (ou charte), objectifs, apd, etapes"

// UnknownKindError is the name of a document the registry does not know.
type UnknownKindError struct{ Name string }

// Error says the name is unknown and lists the accepted ones.
func (e *UnknownKindError) Error() string {
	return "document « " + e.Name + " » inconnu ; attendu : " + KindNames
}

// KindNamed finds the plan's document a name given on the command line designates
// ("deliberation", "convention" or "charte" for the main text, "objectifs", "apd",
// "etapes"…; an empty name is the délibération). An unknown name is an
// *UnknownKindError; a document the plan lacks is a French error saying why.
func KindNamed(p *wizard.Plan, name string) (Kind, error) {
	if p == nil {
		p = &wizard.Plan{}
	}
	key := wizard.Fold(strings.TrimSpace(name))
	var named []kindRow
	for _, r := range registry {
		for _, a := range r.aliases {
			if a == key {
				named = append(named, r)
				break
			}
		}
	}
	if len(named) == 0 {
		return "", &UnknownKindError{Name: name}
	}
	for _, r := range named {
		if r.applies(p) {
			return r.kind, nil
		}
	}
	return "", wizard.Errorf("%s", named[0].absent(p))
}
