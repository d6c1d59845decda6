package tui

import (
	"aect/wizard"
	"aect/wizard/safetext"
)

// actionsList is the list of actions of section 6, Actions et calendrier: each action
// with its year and cost, and the total of the expenses above them.
type actionsList struct{}

func (actionsList) field() wizard.FieldID { return wizard.FieldActions }

func (actionsList) nouns() (string, string) { return "Aucune action pour l'instant.", "une action" }

// describe is "Échange scolaire · 2027 · 4 500,00 €".
func (actionsList) describe(p *wizard.Plan, i int) string {
	a := p.Actions[i]
	return orDash(safetext.Line(a.Title)) + " · " + wizard.YearText(a.Year) + " · " + wizard.FormatAmount(a.Cost)
}

func (actionsList) summary(l *listEdit) (string, map[int]string) {
	s := l.c.styles
	return s.Title.Render("Actions du programme") + "\n" +
		"Total des dépenses : " + wizard.FormatAmount(l.plan.TotalCost()) + "\n", nil
}
