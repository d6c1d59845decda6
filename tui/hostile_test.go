package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"aect/wizard"
	"aect/wizard/safetext/safetexttest"
)

// TestHostileDraftNeverDrivesTheTerminal feeds drafts whose every free text holds escape
// sequences, control characters, bidirectional controls and 5 000-character values (an
// answers file decoded by wizard.Decode, as an import stores it) through every screen:
// the home list, the filter, the dialogs, the history, the bin, the help, the glossary,
// each section and each question, the action and funding forms, an invalid answer, the
// review, each document and its export, the print result, the error and conflict
// dialogs. The colour profile is Ascii (see harness_test.go), so the TUI's own styling
// writes no escape at all: any control character in a frame came from the drafts.
func TestHostileDraftNeverDrivesTheTerminal(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { hostileWalk(t, size[0], size[1]) })
	}
}

func decodeHostile(t *testing.T, data []byte) *wizard.Plan {
	t.Helper()
	p, err := wizard.Decode(data)
	if err != nil {
		t.Fatalf("the hostile answers file must decode: %v", err)
	}
	return p
}

func hostileWalk(t *testing.T, width, height int) {
	hostile := safetexttest.Hostile
	s := newFakeStore()
	main := decodeHostile(t, safetexttest.PlanJSON())
	d, _ := s.Create(main.Title, main)
	pooled := decodeHostile(t, safetexttest.PooledPlanJSON())
	pooled.Title = hostile
	d2, _ := s.Create(pooled.Title, pooled)
	binned := decodeHostile(t, safetexttest.PlanJSON())
	binned.Title = "Corbeille " + hostile
	b, _ := s.Create(binned.Title, binned)
	if err := s.Delete(b.ID); err != nil {
		t.Fatal(err)
	}

	h := newHarnessWith(t, s, width, height, func(o *Options) {
		o.DBPath = "/tmp/base\x1b]0;titre\x07\u202e.db"
		o.Version = "1.0\x1b[2J"
	})
	checked := 0
	check := func(where string) {
		t.Helper()
		checked++
		v := h.m.View()
		safetexttest.Check(t, where, v)
		for i, l := range strings.Split(ansi.Strip(v), "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("%s: line %d is %d columns wide, more than %d: %q", where, i+1, w, width, l)
			}
		}
		if n := strings.Count(v, "\n") + 1; n > height {
			t.Errorf("%s: %d lines, more than %d", where, n, height)
		}
	}
	typeRunes := func(s string) { h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }
	open := func(id int64) {
		t.Helper()
		home := h.app().home
		h.waitFor("the list", func() bool { return home.loaded && len(home.items) > 0 })
		for i, idx := range home.view {
			if home.items[idx].ID == id {
				home.cursor = i
			}
		}
		h.key("enter")
		h.waitFor("the assistant", func() bool { return h.app().active == h.app().asst && h.asst() != nil && h.asst().id == id })
	}

	// The home list, its filter, its dialogs, the history, the bin, the help, the glossary.
	home := h.app().home
	h.waitFor("the list", func() bool { return home.loaded && home.whole && len(home.items) == 2 })
	check("home list")
	h.key("down")
	check("home list, second draft selected")
	h.key("/")
	typeRunes("\u202e\x1b]0;x\x07zz")
	check("home filter without match")
	h.key("esc", "home")
	h.key("r")
	check("rename dialog")
	h.key("enter")
	h.waitFor("the rename", func() bool { return h.app().home.dialog == nil && strings.Contains(h.view(), "renommé") })
	check("home after rename")
	h.key("x")
	check("delete confirmation")
	h.key("n", "d")
	h.contains("Copie créée")
	check("home after duplicate")
	h.key("e")
	check("export dialog")
	h.key("enter")
	h.contains("Documents écrits")
	check("export done")
	h.key("enter")
	h.key("h")
	h.waitFor("the history", func() bool { return strings.Contains(h.view(), "actuelle") })
	check("history")
	h.key("end", "enter")
	check("history restore confirmation")
	h.key("n", "esc")
	h.key("c")
	h.waitFor("the bin", func() bool { return h.app().home.bin && h.app().home.loaded })
	check("bin")
	h.key("c", "?")
	check("help of the home list")
	h.key("esc", "ctrl+g")
	typeRunes("\u202ezzz")
	check("glossary without match")
	h.key("esc", "esc")

	// Every section and every question of the hostile draft.
	open(d.ID)
	check("assistant opened")
	p := h.asst().plan
	visit := func(sec wizard.Section, qs []wizard.Question) {
		for i := range qs {
			if !qs[i].AppliesTo(p) {
				continue
			}
			h.goTo(sec, qs[i].ID)
			check("question " + qs[i].ID)
		}
	}
	for sec := wizard.SecAuthority; sec < wizard.NumSections; sec++ {
		h.goTo(sec, "")
		check("section " + sec.Title())
		visit(sec, wizard.SectionQuestions(sec))
	}
	for i := range p.Actions {
		visit(wizard.SecActions, wizard.ActionQuestions(i))
	}
	for i := range p.Funding {
		visit(wizard.SecFunding, wizard.FundingQuestions(i))
	}
	h.key("f1")
	check("help of a question")
	h.key("esc")

	// The lists of actions and funding lines, and their removal dialog.
	h.goTo(wizard.SecActions, "schedule.duration_months")
	h.key("enter")
	h.waitFor("the list of actions", func() bool { return h.asst().list != nil && h.asst().list.item == nil })
	check("list of actions")
	h.key("x")
	check("action removal dialog")
	h.key("n")
	h.goTo(wizard.SecFunding, "")
	check("list of funding lines")
	h.key("x")
	check("funding removal dialog")
	h.key("n")

	// An invalid answer typed with a right-to-left override: the error under the field,
	// the message when the field is left, the line that keeps it.
	h.goTo(wizard.SecActions, "actions[0].cost")
	h.key("ctrl+u")
	typeRunes("\u202e12 abc\u2066")
	h.key("enter")
	check("invalid amount, error under the field")
	h.key("shift+tab")
	check("invalid amount left")
	h.goTo(wizard.SecActions, "actions[0].cost")
	check("invalid amount kept")
	h.goTo(wizard.SecReview, "")
	check("review with an answer to correct")
	for range 30 {
		h.key("down")
		check("review scrolled")
	}

	// The documents: each tab, scrolled, the export, the result of a print.
	h.goTo(wizard.SecDocuments, "")
	for range len(h.asst().docs.kinds) {
		check("documents tab")
		h.key("pgdown")
		check("documents tab scrolled")
		h.key("right")
	}
	h.key("x")
	check("documents export dialog")
	h.key("enter")
	h.contains("Documents écrits")
	check("documents exported")
	h.key("enter")
	h.send(printDoneMsg{doc: "Délibération", printer: hostile})
	check("print sent")
	h.send(printDoneMsg{doc: "Délibération", err: errors.New(hostile)})
	check("print failed")
	h.key("ctrl+t")
	check("contents")
	h.key("esc")

	// A save that fails, then a conflict: their dialogs quote the errors.
	h.goTo(wizard.SecAuthority, "authority.name")
	s.mu.Lock()
	s.failSave = errors.New("disque plein " + hostile)
	s.mu.Unlock()
	typeRunes("x")
	h.key("enter")
	h.contains("L'enregistrement a échoué")
	check("save error dialog")
	h.key("f")
	h.settle()
	s.mu.Lock()
	s.drafts[d.ID].Version++
	s.mu.Unlock()
	h.goTo(wizard.SecAuthority, "authority.name")
	typeRunes("y")
	h.key("enter")
	h.contains("modifié dans une autre fenêtre")
	check("conflict dialog")
	h.key("r")
	h.waitFor("the reload", func() bool { return h.asst().dialog == nil })
	check("reloaded")

	// The other draft: the pooled authorities.
	h.key("esc")
	h.waitFor("the home list", func() bool { return h.app().active == h.app().home })
	open(d2.ID)
	h.goTo(wizard.SecImplementation, "implementation.pooled_with")
	check("pooled authorities")
	if checked < 100 {
		t.Fatalf("only %d frames checked", checked)
	}
}

// A field shows a hostile answer cleaned; leaving it untouched changes nothing (the
// stored answer stays, no save), while typing in it stores what the field shows.
func TestLeavingAFieldShowingACleanedAnswerKeepsIt(t *testing.T) {
	raw := "Lindenbach \x1b]0;titre\x07\u202e"
	h, s, id := openPlan(t, &wizard.Plan{Title: "Projet", Partner: wizard.Partner{Name: raw}})
	h.goTo(wizard.SecPartner, "partner.name")
	if v := h.view(); !strings.Contains(v, "Réponse actuelle : Lindenbach") || strings.Contains(v, "]0;titre") {
		t.Fatalf("the answer must be shown cleaned:\n%s", v)
	}
	saves := s.saves
	h.key("enter")
	h.settle()
	if got := s.plan(id).Partner.Name; got != raw || s.saves != saves {
		t.Fatalf("leaving the field untouched changed the answer: %q (%d saves)", got, s.saves-saves)
	}
	h.goTo(wizard.SecPartner, "partner.name")
	h.typeText("-Est")
	h.key("enter")
	h.settle()
	if got := s.plan(id).Partner.Name; got != "Lindenbach -Est" {
		t.Fatalf("typed answer %q, want the cleaned answer with the typing", got)
	}
}
