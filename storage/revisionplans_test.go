package storage

import (
	"testing"

	"aect/wizard"
)

// TestRevisionPlansGivesEachSavedState: the plan of every revision, by revision ID, so
// that the history can say what changed from one to the next.
func TestRevisionPlansGivesEachSavedState(t *testing.T) {
	s := newStore(t)
	d, err := s.Create("Jumelage", &wizard.Plan{Authority: wizard.Authority{Name: "Belmont"}})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Plan.Clone()
	p.Partner.Name = "Lindenbach"
	if _, err := s.Save(d.ID, d.Version, p); err != nil {
		t.Fatal(err)
	}
	revs, err := s.Revisions(d.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("%d revisions, %v", len(revs), err)
	}
	plans, err := s.RevisionPlans(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := plans[revs[0].ID]; got == nil || got.Partner.Name != "Lindenbach" {
		t.Fatalf("current state %+v", got)
	}
	if got := plans[revs[1].ID]; got == nil || got.Partner.Name != "" || got.Authority.Name != "Belmont" {
		t.Fatalf("first state %+v", got)
	}
	if _, err := s.RevisionPlans(999); err != nil {
		t.Fatalf("a draft without history: %v", err)
	}
}
