package storage

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"aect/wizard"
	"aect/wizard/samples"
)

// Each testdata/schema-vN.db is a database written by the code of schema N, kept forever:
// every later version of aect must open it and keep every draft and revision, as listed in
// testdata/schema-vN.json. When a migration adds schema N+1, run
//
//	go test ./storage -run TestFixtures -update-fixture
//
// once to add schema-v(N+1).db beside the older fixtures. The flag never rewrites an
// existing fixture.
var updateFixture = flag.Bool("update-fixture", false, "write testdata/schema-vN.db for the current schema N if it does not exist")

// fixtureDraft is what a fixture promises about one draft.
type fixtureDraft struct {
	// Owner is the workshop participant the draft belongs to ("" for the local user; from
	// schema 2).
	Owner     string          `json:"owner,omitempty"`
	ID        int64           `json:"id"`
	Title     string          `json:"title"`
	Version   int64           `json:"version"`
	Demo      string          `json:"demo,omitempty"`
	Deleted   bool            `json:"deleted,omitempty"`
	UI        UIState         `json:"ui"`
	Revisions []int64         `json:"revisions"` // ids, newest first
	Plan      json.RawMessage `json:"plan"`      // the aect-plan/1 export
}

func TestFixtures(t *testing.T) {
	if *updateFixture {
		writeFixture(t)
	}
	dbs, _ := filepath.Glob(filepath.Join("testdata", "schema-v*.db"))
	if len(dbs) == 0 {
		t.Fatal("no testdata/schema-v*.db fixture: the schema 1 fixture must be kept")
	}
	for _, fixture := range dbs {
		t.Run(filepath.Base(fixture), func(t *testing.T) {
			var want []fixtureDraft
			data, err := os.ReadFile(fixture[:len(fixture)-len(".db")] + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "aect.db")
			copyFile(t, fixture, path)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Check(); err != nil {
				t.Fatal(err)
			}
			live, deleted := map[string]int{}, map[string]int{}
			for _, w := range want {
				s := s.ForOwner(w.Owner)
				d, err := s.Get(w.ID)
				if err != nil {
					t.Errorf("draft %d: %v", w.ID, err)
					continue
				}
				if d.Title != w.Title || d.Version != w.Version || d.Demo != w.Demo || d.DeletedAt.IsZero() == w.Deleted ||
					d.UI.Section != w.UI.Section || len(d.UI.ToReview) != len(w.UI.ToReview) {
					t.Errorf("draft %d: %+v, UI %+v; want %+v", w.ID, d.Summary, d.UI, w)
				}
				wp, err := wizard.Decode(w.Plan)
				if err != nil {
					t.Fatal(err)
				}
				if got, exp := mustEncode(t, d.Plan), mustEncode(t, wp); got != exp {
					t.Errorf("draft %d: plan\n%s\nwant\n%s", w.ID, got, exp)
				}
				revs, err := s.Revisions(w.ID)
				if err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for _, r := range revs {
					ids = append(ids, r.ID)
				}
				if !equalIDs(ids, w.Revisions) {
					t.Errorf("draft %d: revisions %v, want %v", w.ID, ids, w.Revisions)
				}
				// Every revision still restores.
				for _, r := range revs[1:] {
					if _, err := s.RestoreRevision(w.ID, r.ID); err != nil {
						t.Errorf("draft %d, revision %d: %v", w.ID, r.ID, err)
					}
				}
				if w.Deleted {
					deleted[w.Owner]++
				} else {
					live[w.Owner]++
				}
			}
			for _, owner := range []string{"", "alice", "bob"} {
				list, _ := s.ForOwner(owner).List("")
				bin, _ := s.ForOwner(owner).ListDeleted()
				if len(list) != live[owner] || len(bin) != deleted[owner] {
					t.Errorf("owner %q: list %d, bin %d; want %d, %d", owner, len(list), len(bin), live[owner], deleted[owner])
				}
			}
			// The old file takes new saves.
			d, _ := s.Get(want[0].ID)
			d.Plan.Domain.Objectives = "écrit par la version courante"
			if _, err := s.Save(d.ID, d.Version, d.Plan); err != nil {
				t.Error(err)
			}
		})
	}
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// writeFixture writes testdata/schema-vN.db and .json for the current schema N: the
// samples as demo drafts, blank, renamed, duplicated, imported, edited over several days,
// restored from a revision, with a place in the assistant, in the bin.
func writeFixture(t *testing.T) {
	n := latestVersion(defaultMigrations)
	base := filepath.Join("testdata", fmt.Sprintf("schema-v%d", n))
	if _, err := os.Stat(base + ".db"); err == nil {
		t.Fatalf("%s.db exists: fixtures are never rewritten", base)
	}
	tmp := filepath.Join(t.TempDir(), "fixture.db")
	clock := &fakeClock{time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)}
	tick := func(d time.Duration) { clock.t = clock.t.Add(d) }
	s, err := open(tmp, defaultMigrations, clock.now)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, sm := range samples.All() {
		tick(time.Minute)
		_, _, err := s.LoadSample(sm.Name, sm.Data)
		must(err)
	}
	tick(time.Hour)
	blank, err := s.Create("", nil)
	must(err)
	must(s.SaveUI(blank.ID, UIState{Section: int(wizard.SecPartner)}))

	// A draft edited over several days, with accents everywhere.
	tick(time.Hour)
	d, err := s.Create("Coopération Évry – Côte d'Ivoire", nil)
	must(err)
	p, v := d.Plan, d.Version
	steps := []func(){
		func() {
			p.Authority.Type, p.Authority.Name, p.Authority.Departement = wizard.AuthCommune, "Évry-Courcouronnes", "91"
		},
		func() {
			p.Partner.Name, p.Partner.Country, p.Partner.Kind = "Commune de Grand-Bassam", "CI", wizard.PartnerAutoriteLocale
		},
		func() { p.Form = wizard.FormConvention },
		func() {
			p.Domain.Objectives = "Gestion des déchets, école de la deuxième chance ; « Cœur de ville »."
		},
		func() {
			p.Actions = append(p.Actions, wizard.Action{Title: "Mission d'expertise", Year: 2027, Cost: 1250050})
		},
		func() {
			p.Funding = append(p.Funding, wizard.FundingLine{Source: wizard.SourceBudgetGeneral, Amount: 1250050, Year: 2027})
		},
	}
	for _, step := range steps {
		tick(26 * time.Hour)
		step()
		v, err = s.Save(d.ID, v, p)
		must(err)
	}
	must(s.SaveUI(d.ID, UIState{Section: int(wizard.SecFunding), ToReview: []int{int(wizard.SecSession)}}))
	revs, err := s.Revisions(d.ID)
	must(err)
	tick(time.Hour)
	_, err = s.RestoreRevision(d.ID, revs[1].ID)
	must(err)

	tick(time.Hour)
	list, err := s.List("")
	must(err)
	must(s.Rename(list[len(list)-1].ID, "Jumelage renommé"))
	tick(time.Hour)
	_, err = s.Duplicate(d.ID)
	must(err)
	tick(time.Hour)
	imp, err := s.Import(samples.All()[1].Data)
	must(err)
	tick(time.Hour)
	must(s.Delete(imp.Draft.ID))
	gone, err := s.Create("Brouillon supprimé définitivement", nil)
	must(err)
	must(s.Delete(gone.ID))
	must(s.Purge(gone.ID))

	// Two participants of a workshop (schema 2): a sample each, a draft of their own, one
	// in the bin.
	for _, owner := range []string{"alice", "bob"} {
		o := s.ForOwner(owner)
		tick(time.Minute)
		_, _, err := o.LoadSample(samples.All()[0].Name, samples.All()[0].Data)
		must(err)
		tick(time.Minute)
		d, err := o.Create("Brouillon de "+owner, nil)
		must(err)
		must(o.SaveUI(d.ID, UIState{Section: int(wizard.SecDomain)}))
		if owner == "bob" {
			must(o.Delete(d.ID))
		}
	}

	var want []fixtureDraft
	for _, owner := range []string{"", "alice", "bob"} {
		o := s.ForOwner(owner)
		all, err := o.List("")
		must(err)
		bin, err := o.ListDeleted()
		must(err)
		for _, sm := range append(all, bin...) {
			d, err := o.Get(sm.ID)
			must(err)
			revs, err := o.Revisions(sm.ID)
			must(err)
			var ids []int64
			for _, r := range revs {
				ids = append(ids, r.ID)
			}
			plan, err := o.ExportJSON(sm.ID)
			must(err)
			want = append(want, fixtureDraft{Owner: owner, ID: d.ID, Title: d.Title, Version: d.Version, Demo: d.Demo,
				Deleted: !d.DeletedAt.IsZero(), UI: d.UI, Revisions: ids, Plan: plan})
		}
	}
	sort.Slice(want, func(i, j int) bool { return want[i].ID < want[j].ID })
	must(s.Close())
	data, err := json.MarshalIndent(want, "", "  ")
	must(err)
	must(os.MkdirAll("testdata", 0o755))
	must(os.WriteFile(base+".json", append(data, '\n'), 0o644))
	copyFile(t, tmp, base+".db")
	t.Logf("wrote %s.db and %s.json (%d drafts)", base, base, len(want))
}
