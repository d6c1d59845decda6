package storage

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"aect/wizard"
	"aect/wizard/samples"
)

// Targets (issue 3), on the project's 2-core machines: one save of a typical plan, median
// under 2 ms; list of 10 000 drafts under 30 ms; filtered list under 10 ms; opening a
// database of 10 000 drafts under 20 ms.
//
//	go test ./storage -run '^$' -bench . -benchtime 2s

func TestMain(m *testing.M) {
	code := m.Run()
	if big.dir != "" {
		os.RemoveAll(big.dir)
	}
	os.Exit(code)
}

// big is a database of 10 000 drafts, built once per test binary run.
var big struct {
	once sync.Once
	dir  string
	path string
	err  error
}

const bigDrafts = 10_000

// bigDB returns the path of the 10 000-draft database.
func bigDB(b testing.TB) string {
	big.once.Do(func() {
		big.dir, big.err = os.MkdirTemp("", "aect-bench-")
		if big.err != nil {
			return
		}
		big.path = filepath.Join(big.dir, "10000.db")
		big.err = fillBig(big.path)
	})
	if big.err != nil {
		panic(big.err)
	}
	return big.path
}

// Names for the generated drafts, with accents where real ones have them.
var (
	benchAuthorities = []string{"Évry-Courcouronnes", "Saint-Étienne", "Besançon", "Montréjeau", "Belmont-sur-Guiers",
		"Val d'Arnon", "Sainte-Colombe-la-Haute", "Œuilly", "Pontarlier", "Villefranche-d'Aval",
		"Mâcon", "Château-Thierry", "Aix-les-Bains", "Lons-le-Saunier", "Épinal",
		"Montclar-sur-Loire", "Châlons", "Hénin-Beaumont", "Saint-Brieuc", "Sète"}
	benchPartners = []struct{ name, country string }{
		{"Commune de Grand-Bassam", "CI"}, {"Gemeinde Lindenbach", "DE"}, {"Commune de Ndiassane-Ouest", "SN"},
		{"Municipalité de Kpalimé", "TG"}, {"Comune di Cortona", "IT"}, {"Commune urbaine de Ségou", "ML"},
		{"Ayuntamiento de Cáceres", "ES"}, {"Câmara Municipal de Évora", "PT"}, {"Commune de Ouidah", "BJ"},
		{"Commune rurale de Tafraout", "MA"},
	}
)

// fillBig writes bigDrafts drafts made from the samples, spread over two years, in batches.
func fillBig(path string) error {
	clock := &fakeClock{time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)}
	s, err := open(path, defaultMigrations, clock.now)
	if err != nil {
		return err
	}
	defer s.Close()
	var plans []*wizard.Plan
	for _, sm := range samples.All() {
		p, err := wizard.Decode(sm.Data)
		if err != nil {
			return err
		}
		plans = append(plans, p)
	}
	const batch = 1000
	for start := 0; start < bigDrafts; start += batch {
		err := s.write("remplir", func(tx *sql.Tx) error {
			for i := start; i < start+batch; i++ {
				clock.t = clock.t.Add(time.Hour + time.Duration(i%7)*time.Minute)
				p := *plans[i%len(plans)]
				p.Authority.Name = benchAuthorities[i%len(benchAuthorities)]
				partner := benchPartners[(i/3)%len(benchPartners)]
				p.Partner.Name, p.Partner.Country = partner.name, partner.country
				p.Title = fmt.Sprintf("Projet n° %d avec %s", i, partner.name)
				rec, err := canonical(&p)
				if err != nil {
					return err
				}
				if _, err := s.insert(tx, newDraft{title: p.Title, rec: rec}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkSave measures one save of a typical plan (sample 02) that changed, history
// thinning included, with the store's settings (synchronous=FULL); it also reports the
// median.
func BenchmarkSave(b *testing.B) {
	benchmarkSave(b, nil)
}

// BenchmarkSaveSynchronousNormal is BenchmarkSave with PRAGMA synchronous=NORMAL (the log
// synced at checkpoints only, not at every commit): what FULL costs, for comparison.
func BenchmarkSaveSynchronousNormal(b *testing.B) {
	benchmarkSave(b, func(s *Store) {
		s.db.SetMaxOpenConns(1)
		if _, err := s.db.Exec("PRAGMA synchronous = NORMAL"); err != nil {
			b.Fatal(err)
		}
	})
}

func benchmarkSave(b *testing.B, setup func(*Store)) {
	s, err := Open(filepath.Join(b.TempDir(), "test.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if setup != nil {
		setup(s)
	}
	d, err := s.Create("", sample(b, typical))
	if err != nil {
		b.Fatal(err)
	}
	p, v := d.Plan, d.Version
	times := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p.Domain.Objectives = fmt.Sprintf("Objectifs, version %d", i)
		t0 := time.Now()
		if v, err = s.Save(d.ID, v, p); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns/op")
}

func BenchmarkList10000(b *testing.B) {
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	for b.Loop() {
		list, err := s.List("")
		if err != nil || len(list) != bigDrafts {
			b.Fatal(len(list), err)
		}
	}
}

// BenchmarkListFiltered10000 filters on an authority name typed without its accent, which
// matches one draft in twenty.
func BenchmarkListFiltered10000(b *testing.B) {
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	for b.Loop() {
		list, err := s.List("evry")
		if err != nil || len(list) != bigDrafts/len(benchAuthorities) {
			b.Fatal(len(list), err)
		}
	}
}

// BenchmarkListFilteredTwoWords10000 filters on two words from different fields.
func BenchmarkListFilteredTwoWords10000(b *testing.B) {
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if _, err := s.List("besancon ivoire"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen10000 opens (checks included) and closes the 10 000-draft database.
func BenchmarkOpen10000(b *testing.B) {
	path := bigDB(b)
	b.ReportAllocs()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkGet(b *testing.B) {
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	i := int64(0)
	for b.Loop() {
		i = i%bigDrafts + 1
		if _, err := s.Get(i); err != nil {
			b.Fatal(err)
		}
	}
}
