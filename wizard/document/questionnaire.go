package document

import (
	"strconv"
	"strings"

	"aect/wizard"
	"aect/wizard/document/render"
)

// QuestionnaireKind is the blank questionnaire, printed by `aect questionnaire`.
const QuestionnaireKind Kind = "questionnaire"

// Questionnaire builds the blank questionnaire: every question of the assistant (the same
// list as the interface and the accessible mode), section by section, with its help,
// its choices as boxes to tick and left-aligned lines to write the answer on (several
// for a paragraph), and the financing plan as a table to fill — to fill in on paper
// before the council meeting.
func Questionnaire() *render.Doc {
	b := newBuilder(QuestionnaireKind, "Questionnaire – projet d'action extérieure")
	b.title(cat("Questionnaire"), cat("Projet d'action extérieure de la collectivité"))
	b.para("Ce questionnaire reprend, dans l'ordre, les questions de l'assistant aect. Remplissez-le avec les élus et les services avant de saisir le projet ; les réponses facultatives peuvent rester vides. Les montants s'écrivent en euros, les dates en jour/mois/année.")
	for sec := wizard.SecAuthority; sec <= wizard.SecSession; sec++ {
		b.heading(1, strconv.Itoa(int(sec)+1)+" – "+sec.Title())
		for _, q := range wizard.SectionQuestions(sec) {
			question(b, q, true)
		}
		switch sec {
		case wizard.SecActions:
			repeated(b, "Pour chaque action (recopiez ces questions autant de fois que nécessaire)", wizard.ActionQuestions(0), true)
		case wizard.SecFunding:
			repeated(b, "Pour chaque source de financement (une ligne du tableau ci-dessous)", wizard.FundingQuestions(0), false)
			fundingTable(b)
		}
	}
	return b.doc
}

// question adds one question: its title, when it applies, its help, its choices, and,
// with answer, the lines to write the answer on.
func question(b *builder, q wizard.Question, answer bool) {
	b.heading(2, q.Title)
	if q.When != "" {
		b.para(emph(q.When))
	}
	if q.Help != "" {
		b.para(q.Help)
	}
	switch {
	case q.Searchable:
		if answer {
			b.lines(cat("Réponse :"), cat(answerLine))
		}
	case q.Kind == wizard.KindChoice || q.Kind == wizard.KindMulti:
		items := make([]render.Item, len(q.Options))
		for i, o := range q.Options {
			items[i] = render.Item{Text: cat(o.Label)}
		}
		if q.Kind == wizard.KindMulti {
			b.para(emph("Plusieurs choix possibles."))
		}
		b.list(render.Checklist, items...)
	case q.Kind == wizard.KindConfirm:
		b.list(render.Checklist, render.Item{Text: cat("Oui")}, render.Item{Text: cat("Non")})
	case answer:
		// Left-aligned lines: a justified paragraph stretched the label when the line
		// went to the next row.
		b.lines(cat("Réponse (", answerHint(q), ") :"), cat(answerLine))
		if q.Kind == wizard.KindLongText {
			// More lines, each its own paragraph: the space between them is room to
			// write a paragraph by hand.
			for range paragraphLines - 1 {
				b.para(answerLine)
			}
		}
	}
}

// answerLine is a line to write an answer on: as long as fits a page (and 80 columns).
var answerLine = strings.Repeat("_", 64)

// paragraphLines is the number of lines left for a paragraph answer.
const paragraphLines = 5

// answerHint says what to write on the answer line.
func answerHint(q wizard.Question) string {
	switch q.Kind {
	case wizard.KindAmount:
		return "montant en euros"
	case wizard.KindDate:
		return "date, jj/mm/aaaa"
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

// repeated adds the questions of one repeated item (an action, a funding line), once;
// with answer, each with its lines to write on.
func repeated(b *builder, title string, qs []wizard.Question, answer bool) {
	b.heading(2, title)
	for _, q := range qs {
		if f, ok := q.Ref.Field.Lookup(); ok {
			q.Title = wizard.Capitalize(f.QuestionTitle()) // without "Action 1 : "
		}
		question(b, q, answer)
	}
}

// fundingRows is the number of lines of the financing plan to fill.
const fundingRows = 8

// fundingTable adds the financing plan to fill: one row per source and per year, and a
// total. Its empty cells hold non-breaking spaces, which give the text version's columns
// room to write in.
func fundingTable(b *builder) {
	blank := func(n int) render.Inline { return render.Inline{{Text: strings.Repeat(nbsp, n)}} }
	t := &render.Table{Columns: []render.Column{
		{Title: "Source (budget général, 1 %, MEAE, AFD…)", Width: 8},
		{Title: "Année", Width: 2},
		{Title: "Montant (€)", Width: 3, Right: true},
		{Title: "Précision (appel, partenaire)", Width: 6},
	}}
	for range fundingRows {
		t.Rows = append(t.Rows, render.Row{Cells: []render.Inline{blank(22), blank(6), blank(12), blank(18)}})
	}
	t.Rows = append(t.Rows, render.Row{Cells: []render.Inline{cat("Total"), blank(6), blank(12), blank(18)}, Total: true})
	b.heading(2, "Plan de financement à remplir")
	b.para("Une ligne par source et par année : un financement versé sur trois ans occupe trois lignes. Le total des sources doit égaler le total des dépenses (les coûts des actions).")
	b.table(t)
}
