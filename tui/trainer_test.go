package tui

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aect/storage"
	"aect/wizard"
)

// fakeBoard is the drafts of a workshop in memory.
type fakeBoard struct {
	mu     sync.Mutex
	drafts map[string][]Draft
	online []string
}

func (b *fakeBoard) WorkshopDrafts() ([]WorkshopDraft, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []WorkshopDraft
	for owner, ds := range b.drafts {
		for _, d := range ds {
			out = append(out, WorkshopDraft{Owner: owner, Summary: d.Summary, Version: d.Version, Section: d.UI.Section})
		}
	}
	return out, nil
}

func (b *fakeBoard) ParticipantDraft(owner string, id int64) (Draft, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, d := range b.drafts[owner] {
		if d.ID == id {
			d.Plan = d.Plan.Clone()
			return d, nil
		}
	}
	return Draft{}, &storage.NotFoundError{ID: id}
}

func (b *fakeBoard) Connected() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.online...)
}

// set replaces a participant's draft, as a save would.
func (b *fakeBoard) set(owner string, d Draft) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ds := b.drafts[owner]
	for i := range ds {
		if ds[i].ID == d.ID {
			ds[i] = d
			return
		}
	}
	b.drafts[owner] = append(ds, d)
}

func boardDraft(t *testing.T, id int64, title, sample string, section wizard.Section) Draft {
	p := &wizard.Plan{Title: title}
	if sample != "" {
		p = samplePlan(t, sample)
		p.Title = title
	}
	return Draft{Summary: Summary{ID: id, Title: title, Percent: p.Progress().Percent, Updated: fixedNow.Add(-3 * time.Minute)},
		Version: 1, Plan: p, UI: UIState{Section: int(section)}}
}

// TestTrainerDashboard follows two participants' drafts live and projects one of them
// read-only.
func TestTrainerDashboard(t *testing.T) {
	board := &fakeBoard{drafts: map[string][]Draft{}, online: []string{"alice", "chloé"}}
	board.set("bob", boardDraft(t, 7, "Jumelage de Bob", "", wizard.SecPartner))
	board.set("alice", boardDraft(t, 3, "Convention d'Alice", "02-convention-eau-senegal", wizard.SecSession))
	m := NewTrainer(board, Options{Now: func() time.Time { return fixedNow }})
	h := &harness{t: t, m: m, msgs: make(chan tea.Msg, 4096)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(m.Init())
	h.contains("Convention d'Alice")
	v := h.view()
	for _, want := range []string{"3 participants, 2 connectés", "● alice", "○ bob", "● chloé", "aucun projet",
		"Jumelage de Bob", "2/10 Partenaire", "8/10 Séance", "il y a 3 min"} {
		if !strings.Contains(v, want) {
			t.Errorf("dashboard without %q:\n%s", want, v)
		}
	}
	if m.rows[0].owner != "alice" || m.rows[1].owner != "bob" {
		t.Errorf("rows in name order: %+v", m.rows)
	}

	// Bob's draft moves on: the dashboard follows without a key.
	d := boardDraft(t, 7, "Jumelage de Bob", "01-jumelage-allemagne", wizard.SecFunding)
	d.Version = 2
	board.set("bob", d)
	h.contains("7/10 Budget")

	// Alice's draft, projected: the review, then the documents; nothing can be exported.
	h.key("enter")
	h.contains("lecture seule")
	h.contains("Constats")
	h.key("d")
	h.contains("[Documents]")
	h.key("x")
	if v := h.view(); strings.Contains(v, "Exporter") || strings.Contains(v, "x : exporter") {
		t.Errorf("the projection offers an export:\n%s", v)
	}
	// A new answer of Alice reaches the projection.
	a := boardDraft(t, 3, "Convention d'Alice, revue", "02-convention-eau-senegal", wizard.SecReview)
	a.Version = 5
	board.set("alice", a)
	h.contains("Convention d'Alice, revue")
	h.key("esc")
	h.contains("Tableau de bord")
	h.key("q")
	h.waitFor("q to quit the dashboard", func() bool { return h.quit })
}
