package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"aect/wizard"
	"aect/wizard/samples"
)

// TestOwnersAreIsolated checks that a participant's view of the database reads and writes
// that participant's drafts only, and that another owner's draft is « introuvable » with
// the very message a missing draft gets: guessing a number reveals nothing.
func TestOwnersAreIsolated(t *testing.T) {
	t.Parallel()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	alice, bob := s.ForOwner("alice"), s.ForOwner("bob")
	local, err := s.Create("Brouillon local", nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := alice.Create("Jumelage d'Alice", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bob.Import(samples.All()[0].Data)
	if err != nil {
		t.Fatal(err)
	}
	bid := b.Draft.ID
	if _, err := bob.Save(bid, b.Draft.Version, withTitle(b.Draft.Plan, "Projet de Bob, version 2")); err != nil {
		t.Fatal(err)
	}
	revs, err := bob.Revisions(bid)
	if err != nil || len(revs) != 2 {
		t.Fatalf("bob's history: %v, %v", revs, err)
	}

	// What a draft that does not exist at all gets, with the number replaced.
	missing := int64(9999)
	_, errMissing := alice.Get(missing)
	notFound := func(op string, err error) {
		t.Helper()
		want := strings.ReplaceAll(errMissing.Error(), fmt.Sprint(missing), fmt.Sprint(bid))
		if !errors.Is(err, ErrNotFound) || err.Error() != want {
			t.Errorf("%s of bob's draft by alice: %v; want %q", op, err, want)
		}
	}
	_, err = alice.Get(bid)
	notFound("Get", err)
	_, err = alice.Save(bid, 2, &wizard.Plan{Title: "piraté"})
	notFound("Save", err)
	notFound("SaveUI", alice.SaveUI(bid, UIState{Section: 3}))
	notFound("Rename", alice.Rename(bid, "piraté"))
	notFound("Delete", alice.Delete(bid))
	notFound("Restore", alice.Restore(bid))
	notFound("Purge", alice.Purge(bid))
	_, err = alice.Duplicate(bid)
	notFound("Duplicate", err)
	_, err = alice.Revisions(bid)
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("Revisions of bob's draft by alice: %v", err)
	}
	_, err = alice.RestoreRevision(bid, revs[1].ID)
	notFound("RestoreRevision", err)
	_, err = alice.ExportJSON(bid)
	notFound("ExportJSON", err)

	// Bob's draft is untouched.
	d, err := bob.Get(bid)
	if err != nil || d.Title != "Projet de Bob, version 2" || d.Version != 2 || !d.DeletedAt.IsZero() || d.UI.Section != 0 {
		t.Errorf("bob's draft after alice's attempts: %+v, %v", d.Summary, err)
	}

	// Each list holds its owner's drafts only; the local user's too.
	lists := map[string]*Store{"": s, "alice": alice, "bob": bob}
	want := map[string][]int64{"": {local.ID}, "alice": {a.ID}, "bob": {bid}}
	for owner, st := range lists {
		list, err := st.List("")
		if err != nil || len(list) != 1 || list[0].ID != want[owner][0] {
			t.Errorf("owner %q: list %+v, %v", owner, list, err)
		}
		head, total, err := st.ListHead(10)
		if err != nil || total != 1 || len(head) != 1 || head[0].ID != want[owner][0] {
			t.Errorf("owner %q: head %+v of %d, %v", owner, head, total, err)
		}
	}
	// The same plan imported by alice is no copy of bob's: his draft stays unknown to her.
	r, err := alice.Import(samples.All()[0].Data)
	if err != nil || r.SameAs != 0 || strings.Contains(r.Draft.Title, "copie") {
		t.Errorf("alice's import of bob's plan: %+v, %v", r, err)
	}
	// The bin too.
	if err := bob.Delete(bid); err != nil {
		t.Fatal(err)
	}
	if bin, _ := alice.ListDeleted(); len(bin) != 0 {
		t.Errorf("alice sees bob's bin: %+v", bin)
	}
	if bin, _ := bob.ListDeleted(); len(bin) != 1 {
		t.Errorf("bob's bin: %+v", bin)
	}
	if err := bob.Restore(bid); err != nil {
		t.Fatal(err)
	}

	// Samples are loaded once per owner.
	for _, st := range []*Store{alice, bob, alice} {
		if _, _, err := st.LoadSample("exemple", samples.All()[1].Data); err != nil {
			t.Fatal(err)
		}
	}
	for owner, n := range map[string]int{"alice": 3, "bob": 2, "": 1} {
		if list, _ := lists[owner].List(""); len(list) != n {
			t.Errorf("owner %q: %d drafts after the samples, want %d", owner, len(list), n)
		}
	}

	// The trainer sees every participant, not the local user.
	ws, err := s.WorkshopDrafts()
	if err != nil {
		t.Fatal(err)
	}
	owners := map[string]int{}
	for _, w := range ws {
		owners[w.Owner]++
	}
	if len(ws) != 5 || owners["alice"] != 3 || owners["bob"] != 2 {
		t.Errorf("workshop drafts %+v", ws)
	}
	names, err := s.Owners()
	if err != nil || strings.Join(names, ",") != "alice,bob" {
		t.Errorf("owners %v, %v", names, err)
	}
	// A view does not close the database.
	if err := alice.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(local.ID); err != nil {
		t.Errorf("after closing a view: %v", err)
	}
}

// TestWorkshopDraftsSection reads the participant's place in the assistant, and survives
// a damaged interface state.
func TestWorkshopDraftsSection(t *testing.T) {
	t.Parallel()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := s.ForOwner("chloé")
	d1, _ := c.Create("Un", nil)
	d2, _ := c.Create("Deux", nil)
	if err := c.SaveUI(d1.ID, UIState{Section: int(wizard.SecFunding)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE drafts SET ui = 'pas du json' WHERE id = ?", d2.ID); err != nil {
		t.Fatal(err)
	}
	ws, err := s.WorkshopDrafts()
	if err != nil || len(ws) != 2 {
		t.Fatalf("%+v, %v", ws, err)
	}
	for _, w := range ws {
		want := 0
		if w.ID == d1.ID {
			want = int(wizard.SecFunding)
		}
		if w.Section != want || w.Owner != "chloé" || w.Version != 1 {
			t.Errorf("%+v: section %d, want %d", w, w.Section, want)
		}
	}
}
