package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"aect/wizard"
)

// badBreak finds a line of a screen that French typography forbids at 80 columns: a line
// starting with « : », « ; », « ? », « » », « € » or « % », ending with « « », or
// cutting a legal reference (« CGCT » / « L. » / « art. » / « n° » before a number, or a
// number cut after a hyphen, « 1115- » / « 1-1 »).
var badBreak = regexp.MustCompile(`^[:;?»€%]|«$|(^|\s)(CGCT,?|L\.|R\.|art\.|article|n°)$|\d-$`)

// checkTypography fails on every line of the screen that badBreak finds.
func checkTypography(t *testing.T, where, screen string) {
	t.Helper()
	for _, l := range strings.Split(ansi.Strip(screen), "\n") {
		l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "┃│"))
		if badBreak.MatchString(l) {
			t.Errorf("%s: line %q breaks French typography:\n%s", where, l, ansi.Strip(screen))
			return
		}
	}
}

// TestEveryQuestionWrapsTheFrenchWayAt80Columns: every question of the registry, with its
// help and the help of each of its choices, the help screen of each, the glossary and the
// findings, at 80 columns: no « : » or « » » starts a line, no « « » ends one, no legal
// reference is split.
func TestEveryQuestionWrapsTheFrenchWayAt80Columns(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "02-convention-eau-senegal"))
	var ids []string
	for _, q := range wizard.Questions() {
		ids = append(ids, q.ID)
	}
	for _, q := range append(wizard.ActionQuestions(0), wizard.FundingQuestions(0)...) {
		ids = append(ids, q.ID)
	}
	for _, id := range ids {
		r, _ := wizard.ParseRef(id)
		h.run(h.asst().show(r.Section(), id, false))
		if h.focused() != id {
			continue // not asked for this plan
		}
		checkTypography(t, id, h.m.View())
		if q := h.question(); q != nil && !q.Searchable && (q.Kind == wizard.KindChoice || q.Kind == wizard.KindMulti) {
			for range q.Options {
				h.key("down")
				checkTypography(t, id+" (choices)", h.m.View())
			}
		}
		h.key("f1")
		checkTypography(t, id+" (help)", h.m.View())
		for range 6 {
			h.key("pgdown")
			checkTypography(t, id+" (help)", h.m.View())
		}
		h.key("esc")
	}
	h.key("ctrl+g")
	checkTypography(t, "glossary", h.m.View())
	for range 40 {
		h.key("pgdown")
		checkTypography(t, "glossary", h.m.View())
	}
	h.key("esc")
	for _, name := range []string{"02-convention-eau-senegal", "04-partenaire-etat", "05-plan-desequilibre"} {
		h, _, _ := openPlan(t, samplePlan(t, name))
		h.goTo(wizard.SecReview, "")
		for range 12 {
			checkTypography(t, name+" review", h.m.View())
			h.key("pgdown")
		}
	}
}

// question returns the question shown, or nil.
func (h *harness) question() *wizard.Question {
	a := h.asst()
	switch {
	case a.form != nil:
		return a.form.current()
	case a.list != nil && a.list.item != nil:
		return a.list.item.current()
	}
	return nil
}

// TestHelpLinesAreWrappedNotCut: at 80 columns the help screen wraps its long lines, a
// key's text beside the key's column, instead of cutting them.
func TestHelpLinesAreWrappedNotCut(t *testing.T) {
	h, _, _ := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecPartner, "partner.kind")
	h.key("f1")
	var seen strings.Builder
	for range 8 {
		seen.WriteString(h.flat() + " ")
		h.key("pgdown")
	}
	for _, want := range []string{
		"« à revoir » : une réponse d'une section précédente a changé ; rien n'a été effacé.",
		"jamais avec un État (CGCT L. 1115-5).",
	} {
		if !strings.Contains(seen.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, seen.String())
		}
	}
}

func TestScrollWindow(t *testing.T) {
	for _, c := range []struct{ offset, cursor, n, rows, from, to int }{
		{0, 0, 5, 10, 0, 5},     // fits: no indicator
		{0, 0, 20, 10, 0, 9},    // top: 9 items and « plus bas »
		{0, 9, 20, 10, 2, 10},   // middle: « plus haut », 8 items, « plus bas »
		{0, 19, 20, 10, 11, 20}, // bottom: « plus haut » and 9 items
		{5, 6, 20, 10, 5, 13},   // moved as little as needed
	} {
		from, to := scrollWindow(c.offset, c.cursor, c.n, c.rows)
		if from != c.from || to != c.to {
			t.Errorf("scrollWindow(%d, %d, %d, %d) = %d, %d; want %d, %d", c.offset, c.cursor, c.n, c.rows, from, to, c.from, c.to)
		}
		lines := to - from
		if from > 0 {
			lines++
		}
		if to < c.n {
			lines++
		}
		if c.cursor < from || c.cursor >= to || lines > c.rows || (c.n > c.rows && lines != c.rows) {
			t.Errorf("scrollWindow(%d, %d, %d, %d): cursor out of view or %d lines", c.offset, c.cursor, c.n, c.rows, lines)
		}
	}
}

// TestScrolledListsSayThereIsMore: a list shown in part says « plus haut ↑ » or
// « plus bas ↓ » where it goes on, and a short one leaves no blank rows.
func TestScrolledListsSayThereIsMore(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "02-convention-eau-senegal"))
	has := func(where string, above, below bool) {
		t.Helper()
		v := h.view()
		if strings.Contains(v, moreAbove) != above || strings.Contains(v, moreBelow) != below {
			t.Errorf("%s: « %s » %v, « %s » %v expected:\n%s", where, moreAbove, above, moreBelow, below, v)
		}
	}
	// The département picker, 101 choices, then filtered to three.
	h.goTo(wizard.SecAuthority, "authority.departement")
	has("picker", true, true)
	h.typeText("ise")
	has("picker filtered", false, false)
	if strings.Contains(h.view(), "┃\n") || strings.Contains(h.view(), "┃ \n") {
		t.Errorf("blank rows under a short list:\n%s", h.view())
	}
	// huh's choice list of the funding sources.
	h.goTo(wizard.SecFunding, "funding[0].source")
	h.key("home")
	has("sources at the top", false, true)
	for range 11 {
		h.key("down")
	}
	has("sources at the bottom", true, false)
	// The review, the glossary, the help.
	h.key("esc")
	h.goTo(wizard.SecReview, "")
	has("review", false, true)
	h.key("end")
	has("review at the end", true, false)
	h.key("ctrl+g")
	has("glossary", false, true)
	h.key("esc", "f1")
	has("help", false, true)
	h.key("esc")

	// The list of actions.
	p := samplePlan(t, "02-convention-eau-senegal")
	for i := range 20 {
		p.Actions = append(p.Actions, wizard.Action{Title: fmt.Sprint("Action ", i), Year: 2027})
	}
	h, _, _ = openPlan(t, p)
	h.run(h.asst().show(wizard.SecActions, "actions", false))
	has("actions", false, true)
	h.key("up") // the cursor stays on the first action
	for range len(p.Actions) {
		h.key("down")
	}
	has("actions at the end", true, false)
}
