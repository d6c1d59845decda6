package document

import (
	"strconv"

	"aect/wizard"
)

// QuestionnaireKind is the blank questionnaire, printed by `aect questionnaire`.
const QuestionnaireKind Kind = "questionnaire"

// Questionnaire builds the blank questionnaire: every question of the assistant (the same
// list as the interface and the accessible mode), section by section, with its help,
// its choices as boxes to tick and a line to write the answer on — to fill in on paper
// before the council meeting.
func Questionnaire() *Doc {
	b := newBuilder(QuestionnaireKind, "Questionnaire – projet d'action extérieure")
	b.title(cat("Questionnaire"), cat("Projet d'action extérieure de la collectivité"))
	b.para("Ce questionnaire reprend, dans l'ordre, les questions de l'assistant aect. Remplissez-le avec les élus et les services avant de saisir le projet ; les réponses facultatives peuvent rester vides. Les montants s'écrivent en euros, les dates en jour/mois/année.")
	for sec := wizard.SecAuthority; sec <= wizard.SecSession; sec++ {
		b.heading(1, strconv.Itoa(int(sec)+1)+" – "+sec.Title())
		for _, q := range wizard.SectionQuestions(sec) {
			question(b, q)
		}
		switch sec {
		case wizard.SecActions:
			repeated(b, "Pour chaque action (recopiez ces questions autant de fois que nécessaire)", wizard.ActionQuestions(0))
		case wizard.SecFunding:
			repeated(b, "Pour chaque source de financement (recopiez ces questions autant de fois que nécessaire)", wizard.FundingQuestions(0))
		}
	}
	return b.doc
}

// question adds one question: its title, when it applies, its help, its choices.
func question(b *builder, q wizard.Question) {
	b.heading(2, q.Title)
	if q.When != "" {
		b.para(emph(q.When))
	}
	if q.Help != "" {
		b.para(q.Help)
	}
	switch {
	case q.Searchable:
		b.para("Réponse : ", answerLine)
	case q.Kind == wizard.KindChoice || q.Kind == wizard.KindMulti:
		items := make([]Item, len(q.Options))
		for i, o := range q.Options {
			items[i] = Item{Text: cat(o.Label)}
		}
		if q.Kind == wizard.KindMulti {
			b.para(emph("Plusieurs choix possibles."))
		}
		b.list(Checklist, items...)
	case q.Kind == wizard.KindConfirm:
		b.list(Checklist, Item{Text: cat("Oui")}, Item{Text: cat("Non")})
	default:
		b.para("Réponse (", answerHint(q), ") : ", answerLine)
	}
}

// answerLine is the line to write an answer on.
const answerLine = "________________________________________"

// answerHint says what to write on the answer line.
func answerHint(q wizard.Question) string {
	switch q.Kind {
	case wizard.KindAmount:
		return "montant en euros"
	case wizard.KindDate:
		return "date (jj/mm/aaaa)"
	case wizard.KindInt:
		return "nombre"
	case wizard.KindYear:
		return "année"
	}
	if q.Placeholder != "" {
		return "par exemple : " + q.Placeholder
	}
	return "texte libre"
}

// repeated adds the questions of one repeated item (an action, a funding line), once.
func repeated(b *builder, title string, qs []wizard.Question) {
	b.heading(2, title)
	for _, q := range qs {
		if f, ok := q.Ref.Field.Lookup(); ok {
			q.Title = wizard.Capitalize(f.QuestionTitle()) // without "Action 1 : "
		}
		question(b, q)
	}
}
