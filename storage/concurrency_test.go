package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestTwoHandles opens one file twice (two windows of the program) and saves from several
// goroutines through each: different drafts never fail, and the shared draft never loses
// an increment: a stale save is always a conflict.
func TestTwoHandles(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "test.db")
	h1, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer h1.Close()
	h2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer h2.Close()

	shared, _ := h1.Create("Partagé", nil)
	const workers, n = 3, 40
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		conflicts int
	)
	for _, s := range []*Store{h1, h2} {
		for w := range workers {
			own, err := s.Create(fmt.Sprintf("Brouillon %d", w), nil)
			if err != nil {
				t.Fatal(err)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				v := own.Version
				p := own.Plan
				for i := range n {
					p.Domain.Objectives = fmt.Sprintf("étape %d", i)
					var err error
					if v, err = s.Save(own.ID, v, p); err != nil {
						t.Errorf("own draft: %v", err)
						return
					}
					for {
						d, err := s.Get(shared.ID)
						if err != nil {
							t.Error(err)
							return
						}
						d.Plan.Authority.Population++
						_, err = s.Save(shared.ID, d.Version, d.Plan)
						if errors.Is(err, ErrConflict) {
							mu.Lock()
							conflicts++
							mu.Unlock()
							continue
						}
						if err != nil {
							t.Errorf("shared draft: %v", err)
							return
						}
						break
					}
				}
			}()
		}
	}
	wg.Wait()
	got, _ := h2.Get(shared.ID)
	if want := 2 * workers * n; got.Plan.Authority.Population != want {
		t.Errorf("shared counter %d, want %d", got.Plan.Authority.Population, want)
	}
	if list, _ := h1.List("brouillon"); len(list) != 2*workers {
		t.Errorf("%d own drafts", len(list))
	} else {
		for _, sm := range list {
			if d, _ := h1.Get(sm.ID); d.Version != n+1 {
				t.Errorf("draft %d: version %d, want %d", sm.ID, d.Version, n+1)
			}
		}
	}
	t.Logf("%d conflicts detected", conflicts)
}

func TestStaleSaveFromAnotherHandle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "test.db")
	h1, _ := Open(path)
	defer h1.Close()
	h2, _ := Open(path)
	defer h2.Close()
	d, _ := h1.Create("Projet", sample(t, typical))
	a, _ := h1.Get(d.ID)
	b, _ := h2.Get(d.ID)
	a.Plan.Partner.Representative = "A"
	b.Plan.Partner.Representative = "B"
	if _, err := h1.Save(d.ID, a.Version, a.Plan); err != nil {
		t.Fatal(err)
	}
	if _, err := h2.Save(d.ID, b.Version, b.Plan); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale save through the other handle: %v", err)
	}
	if got, _ := h2.Get(d.ID); got.Plan.Partner.Representative != "A" {
		t.Errorf("stored %q", got.Plan.Partner.Representative)
	}
}

// TestBusyIsFrench holds the write lock from another connection with a short timeout so
// that a real "database is locked" driver error comes back, and checks what the user reads.
func TestBusyIsFrench(t *testing.T) {
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, _ := s.Create("Projet", nil)

	holder, _ := sql.Open("sqlite", fileURI(path)+"?_txlock=immediate")
	defer holder.Close()
	tx, err := holder.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()

	impatient, _ := sql.Open("sqlite", fileURI(path)+"?_pragma=busy_timeout(10)&_txlock=immediate")
	defer impatient.Close()
	_, driverErr := impatient.Exec("UPDATE drafts SET title = 'x'")
	if driverErr == nil {
		t.Fatal("no lock error")
	}
	e := &Error{Op: fmt.Sprintf("enregistrer le brouillon n° %d", d.ID), Path: path, Err: driverErr}
	msg := e.Error()
	if !strings.Contains(msg, "Impossible d'enregistrer le brouillon n° 1 : la base est occupée") || strings.Contains(msg, "locked") {
		t.Errorf("message: %s", msg)
	}
	if !errors.Is(e, driverErr) {
		t.Error("the cause is lost")
	}
}
