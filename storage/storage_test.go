package storage

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"aect/wizard"
	"aect/wizard/samples"
)

// newStore opens a fresh database in a temporary directory.
func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sample decodes one embedded sample plan.
func sample(t testing.TB, name string) *wizard.Plan {
	t.Helper()
	sm, ok := samples.Get(name)
	if !ok {
		t.Fatalf("no sample %s", name)
	}
	p, err := wizard.Decode(sm.Data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const typical = "02-convention-eau-senegal"

// fakeClock is a settable clock for the revision tests.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func countRevisions(t testing.TB, s *Store, id int64) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM revisions WHERE draft_id = ?", id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOpenCreatesDirectoryAndFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "aect.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	var version, appID int
	var journal string
	if err := s.db.QueryRow("SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id), (SELECT journal_mode FROM pragma_journal_mode)").Scan(&version, &appID, &journal); err != nil {
		t.Fatal(err)
	}
	if version != latestVersion(defaultMigrations) || appID != applicationID || journal != "wal" {
		t.Errorf("user_version %d, application_id %#x, journal_mode %s", version, appID, journal)
	}
	for _, pragma := range []struct {
		name string
		want int
	}{{"busy_timeout", 5000}, {"foreign_keys", 1}, {"synchronous", 2}} {
		// Several connections: each one must have run the DSN pragmas.
		for range 3 {
			var got int
			if err := s.db.QueryRow("SELECT * FROM pragma_" + pragma.name).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != pragma.want {
				t.Errorf("%s = %d, want %d", pragma.name, got, pragma.want)
			}
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700, filepath.Dir(filepath.Dir(path)): 0o700} {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != want {
				t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
			}
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if e.Name() != "aect.db" {
			t.Errorf("leftover file %s", e.Name())
		}
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s.Close()
}

func TestOpenInitialisesAnEmptySQLiteDatabase(t *testing.T) {
	// A valid SQLite file with no table at all (made with `sqlite3 x.db VACUUM`) holds
	// nothing to lose: it becomes an aect database.
	path := filepath.Join(t.TempDir(), "vide.db")
	writeForeignDB(t, path, "")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Create("x", nil); err != nil {
		t.Fatal(err)
	}
}

func TestDefaultPath(t *testing.T) {
	if p, err := DefaultPath(); err != nil || !strings.HasSuffix(p, filepath.Join("aect", "aect.db")) {
		t.Errorf("DefaultPath() = %q, %v", p, err)
	}
	if runtime.GOOS == "windows" {
		t.Skip("the table below uses Unix paths")
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	home := func() (string, error) { return "/home/ana", nil }
	config := func() (string, error) { return "/cfg", nil }
	for _, tc := range []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", nil, "/home/ana/.local/share/aect/aect.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data"}, "/data/aect/aect.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relatif"}, "/home/ana/.local/share/aect/aect.db"},
		{"freebsd", nil, "/home/ana/.local/share/aect/aect.db"},
		{"windows", nil, "/cfg/aect/aect.db"},
		{"darwin", map[string]string{"XDG_DATA_HOME": "/data"}, "/cfg/aect/aect.db"},
	} {
		got, err := defaultPath(tc.goos, env(tc.env), home, config)
		if err != nil {
			t.Fatal(err)
		}
		if got != filepath.FromSlash(tc.want) {
			t.Errorf("%s %v: %s, want %s", tc.goos, tc.env, got, tc.want)
		}
	}
	if _, err := defaultPath("linux", env(nil), func() (string, error) { return "", errors.New("no home") }, config); err == nil {
		t.Error("no home: want an error")
	}
}

func TestFileURI(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix paths")
	}
	for in, want := range map[string]string{
		"/tmp/aect.db":        "file:///tmp/aect.db",
		"/tmp/a b/é.db":       "file:///tmp/a b/é.db",
		"/tmp/100%?#/aect.db": "file:///tmp/100%25%3f%23/aect.db",
	} {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
	// A path with URI metacharacters opens the right file.
	path := filepath.Join(t.TempDir(), "100% sûr?#", "aect.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create("x", nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

func TestCreateAndGet(t *testing.T) {
	s := newStore(t)
	blank, err := s.Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if blank.Title != DefaultTitle || blank.Plan == nil || blank.Plan.Title != "" || blank.Version != 1 || blank.Percent != 0 {
		t.Errorf("blank draft: %+v", blank)
	}
	p := sample(t, typical)
	d, err := s.Create("  Eau à Ndiassane  ", p)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Eau à Ndiassane" || d.Plan.Title != "Eau à Ndiassane" {
		t.Errorf("title %q, plan title %q", d.Title, d.Plan.Title)
	}
	if p.Title == "Eau à Ndiassane" {
		t.Error("Create modified the caller's plan")
	}
	if d.Form != wizard.FormConvention || d.Partner != "Commune de Ndiassane-Ouest" || d.Country != "SN" ||
		d.Percent != p.Progress().Percent || d.Percent == 0 || d.Updated.IsZero() || !d.DeletedAt.IsZero() {
		t.Errorf("summary: %+v", d.Summary)
	}
	got, err := s.Get(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := withTitle(p, "Eau à Ndiassane")
	if a, b := mustEncode(t, got.Plan), mustEncode(t, want); a != b {
		t.Errorf("plan round trip:\n%s\nwant\n%s", a, b)
	}
	own, err := s.Create("", p)
	if err != nil {
		t.Fatal(err)
	}
	if own.Title != p.Title {
		t.Errorf("title from the plan: %q", own.Title)
	}
}

func mustEncode(t testing.TB, p *wizard.Plan) string {
	t.Helper()
	data, err := wizard.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestNotFound(t *testing.T) {
	s := newStore(t)
	_, err := s.Get(12)
	var nf *NotFoundError
	if !errors.Is(err, ErrNotFound) || !errors.As(err, &nf) || err.Error() != "brouillon n° 12 introuvable" {
		t.Errorf("Get(12): %v", err)
	}
	checks := map[string]error{
		"Save":      func() error { _, err := s.Save(12, 1, nil); return err }(),
		"SaveUI":    s.SaveUI(12, UIState{}),
		"Rename":    s.Rename(12, "x"),
		"Delete":    s.Delete(12),
		"Restore":   s.Restore(12),
		"Purge":     s.Purge(12),
		"Duplicate": func() error { _, err := s.Duplicate(12); return err }(),
		"Revisions": func() error { _, err := s.Revisions(12); return err }(),
		"Export":    func() error { _, err := s.ExportJSON(12); return err }(),
		"RestoreRevision": func() error {
			_, err := s.RestoreRevision(12, 1)
			return err
		}(),
	}
	for name, err := range checks {
		if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "n° 12 introuvable") {
			t.Errorf("%s: %v", name, err)
		}
	}
	d, _ := s.Create("x", nil)
	if _, err := s.RestoreRevision(d.ID, 999); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "révision n° 999") {
		t.Errorf("RestoreRevision of a missing revision: %v", err)
	}
}

func TestSave(t *testing.T) {
	s := newStore(t)
	d, err := s.Create("Projet", nil)
	if err != nil {
		t.Fatal(err)
	}
	p := d.Plan
	p.Partner.Name = "Commune de Grand-Bassam"
	p.Partner.Country = "CI"
	v, err := s.Save(d.ID, d.Version, p)
	if err != nil {
		t.Fatal(err)
	}
	if v != 2 {
		t.Errorf("version %d, want 2", v)
	}
	got, _ := s.Get(d.ID)
	if got.Version != 2 || got.Partner != "Commune de Grand-Bassam" || got.Country != "CI" || got.Title != "Projet" {
		t.Errorf("after save: %+v", got.Summary)
	}
	if n := countRevisions(t, s, d.ID); n != 2 {
		t.Errorf("%d revisions, want 2", n)
	}

	// The same plan again: nothing to write, same version, no revision.
	if v2, err := s.Save(d.ID, v, p); err != nil || v2 != v {
		t.Errorf("identical save: %d, %v", v2, err)
	}
	if n := countRevisions(t, s, d.ID); n != 2 {
		t.Errorf("identical save added a revision: %d", n)
	}

	// The title column follows the plan's title; cleared, the title its answers compose,
	// else DefaultTitle.
	p.Title = "Coopération avec Grand-Bassam"
	if v, err = s.Save(d.ID, v, p); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(d.ID); got.Title != "Coopération avec Grand-Bassam" {
		t.Errorf("title %q", got.Title)
	}
	p.Title = ""
	p.Partner.Representative = "la maire"
	if v, err = s.Save(d.ID, v, p); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(d.ID); got.Title != cmp.Or(p.SuggestedTitle(), DefaultTitle) {
		t.Errorf("title cleared: %q", got.Title)
	}
}

func TestSaveRefusesAnInvalidPlan(t *testing.T) {
	s := newStore(t)
	d, _ := s.Create("Projet", nil)
	bad := *d.Plan
	bad.Partner.Country = "ZZ"
	_, err := s.Save(d.ID, d.Version, &bad)
	var de *wizard.DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "partner.country") {
		t.Fatalf("Save of an unknown country: %v", err)
	}
	if got, _ := s.Get(d.ID); got.Version != d.Version || countRevisions(t, s, d.ID) != 1 {
		t.Error("an invalid plan was written")
	}
	if _, err := s.Create("x", &bad); !errors.As(err, &de) {
		t.Errorf("Create of an invalid plan: %v", err)
	}
}

func TestSaveConflict(t *testing.T) {
	s := newStore(t)
	d, _ := s.Create("Projet", sample(t, typical))
	a, _ := s.Get(d.ID)
	b, _ := s.Get(d.ID)

	a.Plan.Domain.Objectives = "objectifs de la fenêtre A"
	va, err := s.Save(d.ID, a.Version, a.Plan)
	if err != nil {
		t.Fatal(err)
	}
	b.Plan.Domain.Objectives = "objectifs de la fenêtre B"
	_, err = s.Save(d.ID, b.Version, b.Plan)
	var ce *ConflictError
	if !errors.Is(err, ErrConflict) || !errors.As(err, &ce) || ce.Current != va || ce.Base != b.Version || ce.Deleted {
		t.Fatalf("stale save: %v (%+v)", err, ce)
	}
	if !strings.Contains(err.Error(), "modifié dans une autre fenêtre") || !strings.Contains(err.Error(), "copie") {
		t.Errorf("message: %s", err)
	}
	got, _ := s.Get(d.ID)
	if got.Version != va || got.Plan.Domain.Objectives != "objectifs de la fenêtre A" {
		t.Errorf("the stale save overwrote: %+v", got.Plan.Domain)
	}
	// B's answers are not lost: the interface saves them as a copy.
	cp, err := s.Create(b.Title+" (copie)", b.Plan)
	if err != nil || cp.Plan.Domain.Objectives != "objectifs de la fenêtre B" {
		t.Errorf("copy: %v", err)
	}
	// Even a stale save of what is stored is a conflict: the caller's view is out of date.
	if _, err := s.Save(d.ID, b.Version, got.Plan); !errors.Is(err, ErrConflict) {
		t.Errorf("stale but identical: %v", err)
	}
	// A draft deleted elsewhere gives a conflict that says so.
	if err := s.Delete(d.ID); err != nil {
		t.Fatal(err)
	}
	got.Plan.Domain.Objectives = "encore"
	if _, err := s.Save(d.ID, got.Version, got.Plan); !errors.As(err, &ce) || !ce.Deleted || !strings.Contains(err.Error(), "corbeille") {
		t.Errorf("save after delete: %v", err)
	}
}

func TestSaveUI(t *testing.T) {
	s := newStore(t)
	d, _ := s.Create("Projet", nil)
	ui := UIState{Section: int(wizard.SecFunding), ToReview: []int{int(wizard.SecSession)},
		Budgets: map[wizard.ServiceKind]int64{wizard.ServiceEau: int64(wizard.Euros(850_000))}}
	if err := s.SaveUI(d.ID, ui); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(d.ID)
	if got.UI.Section != ui.Section || len(got.UI.ToReview) != 1 || got.UI.ToReview[0] != int(wizard.SecSession) ||
		got.UI.Budgets[wizard.ServiceEau] != int64(wizard.Euros(850_000)) {
		t.Errorf("UI %+v", got.UI)
	}
	if got.Version != d.Version || countRevisions(t, s, d.ID) != 1 {
		t.Error("SaveUI bumped the version or kept a revision")
	}
}

func TestList(t *testing.T) {
	s := newStore(t)
	clock := &fakeClock{time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)}
	s.now = clock.now
	mk := func(title, partner, country, authority string, form wizard.Form) int64 {
		clock.t = clock.t.Add(time.Minute)
		p := &wizard.Plan{Form: form}
		p.Partner.Name, p.Partner.Country, p.Authority.Name = partner, country, authority
		d, err := s.Create(title, p)
		if err != nil {
			t.Fatal(err)
		}
		return d.ID
	}
	evry := mk("Jumelage Évry – Kayes", "Commune de Kayes", "ML", "Évry-Courcouronnes", wizard.FormJumelage)
	cote := mk("École de Grand-Bassam", "Commune de Grand-Bassam", "CI", "Œuilly", wizard.FormConvention)
	pct := mk("Budget 100 % eau", "Gemeinde Lindenbach", "DE", "Belmont", wizard.FormCharte)
	under := mk("don_humanitaire", "", "", "", wizard.FormDon)

	ids := func(sums []Summary) []int64 {
		var out []int64
		for _, sm := range sums {
			out = append(out, sm.ID)
		}
		return out
	}
	for _, tc := range []struct {
		query string
		want  []int64
	}{
		{"", []int64{under, pct, cote, evry}},
		{"   ", []int64{under, pct, cote, evry}},
		{"evry", []int64{evry}},
		{"ÉVRY", []int64{evry}},
		{"cote", []int64{cote}},         // Côte d'Ivoire, the country's French name
		{"ivoire ecole", []int64{cote}}, // every word, in any field
		{"ivoire jumelage", nil},        // every word must match
		{"kayes mali jumelage", []int64{evry}},
		{"decentralisee", []int64{cote}}, // the form's label
		{"oeuilly", []int64{cote}},       // the authority's name, ligature folded
		{"allemagne", []int64{pct}},
		{"100 %", []int64{pct}}, // % is a literal, not a LIKE wildcard
		{"%", []int64{pct}},
		{"_", []int64{under}}, // so is _
		{"don_", []int64{under}},
		{"introuvable", nil},
	} {
		got, err := s.List(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if g := ids(got); !equalIDs(g, tc.want) {
			t.Errorf("List(%q) = %v, want %v", tc.query, g, tc.want)
		}
	}
	// Saving moves a draft to the top; a deleted draft leaves the list for the bin.
	clock.t = clock.t.Add(time.Minute)
	d, _ := s.Get(evry)
	d.Plan.Partner.Representative = "le maire"
	if _, err := s.Save(evry, d.Version, d.Plan); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(cote); err != nil {
		t.Fatal(err)
	}
	got, _ := s.List("")
	if g := ids(got); !equalIDs(g, []int64{evry, under, pct}) {
		t.Errorf("after save and delete: %v", g)
	}
	if got[0].Title != "Jumelage Évry – Kayes" || got[0].Form != wizard.FormJumelage || got[0].Country != "ML" || got[0].Partner != "Commune de Kayes" {
		t.Errorf("summary %+v", got[0])
	}
	bin, _ := s.ListDeleted()
	if g := ids(bin); !equalIDs(g, []int64{cote}) || bin[0].DeletedAt.IsZero() {
		t.Errorf("bin: %+v", bin)
	}

	// Control characters in a title or a partner's name do not break the list's columns.
	odd := mk("Ligne 1\nLigne 2\x1fsuite", "Partenaire\x1f\tbis", "SN", "", wizard.FormDon)
	got, _ = s.List("ligne")
	if len(got) != 1 || got[0].ID != odd || got[0].Title != "Ligne 1 Ligne 2 suite" || got[0].Partner != "Partenaire  bis" ||
		got[0].Country != "SN" || got[0].Form != wizard.FormDon || got[0].Demo != "" {
		t.Errorf("odd texts: %+v", got)
	}
	if d, _ := s.Get(odd); d.Plan.Title != "Ligne 1\nLigne 2\x1fsuite" {
		t.Errorf("the plan lost the title as typed: %q", d.Plan.Title)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDuplicate(t *testing.T) {
	s := newStore(t)
	d, _ := s.Create("Jumelage", sample(t, "01-jumelage-allemagne"))
	s.SaveUI(d.ID, UIState{Section: 3})
	cp, err := s.Duplicate(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cp.ID == d.ID || cp.Title != "Jumelage (copie)" || cp.Plan.Title != "Jumelage (copie)" || cp.Version != 1 || cp.UI.Section != 3 {
		t.Errorf("copy: %+v", cp)
	}
	if cp.Plan.Partner.Name != d.Plan.Partner.Name || cp.Plan.Partner.Name == "" {
		t.Error("copy lost the partner")
	}
	if orig, _ := s.Get(d.ID); orig.Title != "Jumelage" || orig.Version != d.Version {
		t.Errorf("original changed: %+v", orig.Summary)
	}
	if found, _ := s.List("copie"); len(found) != 1 || found[0].ID != cp.ID {
		t.Errorf("search for the copy: %+v", found)
	}
}

func TestRename(t *testing.T) {
	s := newStore(t)
	d, _ := s.Create("Ancien titre", sample(t, typical))
	var we *wizard.Error
	if err := s.Rename(d.ID, "  "); !errors.As(err, &we) || !strings.Contains(err.Error(), "titre") {
		t.Errorf("empty title: %v", err)
	}
	if err := s.Rename(d.ID, "Nouveau titre"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(d.ID)
	if got.Title != "Nouveau titre" || got.Plan.Title != "Nouveau titre" || got.Version != d.Version+1 {
		t.Errorf("after rename: %q %q v%d", got.Title, got.Plan.Title, got.Version)
	}
	if found, _ := s.List("nouveau"); len(found) != 1 {
		t.Error("the search text did not follow the rename")
	}
	// A window still holding the old version cannot silently undo the rename.
	if _, err := s.Save(d.ID, d.Version, d.Plan); !errors.Is(err, ErrConflict) {
		t.Errorf("stale save after rename: %v", err)
	}
}

// TestComposedTitle: a draft created without a title is listed under the title its
// answers compose, which follows them until the user names the draft; confirming the
// composed title unchanged does not freeze it.
func TestComposedTitle(t *testing.T) {
	s := newStore(t)
	d, err := s.Create("", &wizard.Plan{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != DefaultTitle || d.Plan.Title != "" {
		t.Fatalf("created: %q, plan %q", d.Title, d.Plan.Title)
	}
	p := d.Plan
	p.Form, p.Authority.Name, p.Partner.Name = wizard.FormJumelage, "Belmont", "Gemeinde Lindenbach"
	v, err := s.Save(d.ID, d.Version, p)
	if err != nil {
		t.Fatal(err)
	}
	title := func() string {
		t.Helper()
		got, err := s.Get(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Title
	}
	if got := title(); got != "Jumelage Belmont – Lindenbach" {
		t.Fatalf("composed: %q", got)
	}
	if found, _ := s.List("lindenbach"); len(found) != 1 {
		t.Error("the search does not find the composed title")
	}
	if err := s.Rename(d.ID, "Jumelage Belmont – Lindenbach"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(d.ID); got.Plan.Title != "" || got.Version != v {
		t.Fatalf("confirming the composed title froze it: %q, v%d", got.Plan.Title, got.Version)
	}
	p.Partner.Name = ""
	if v, err = s.Save(d.ID, v, p); err != nil {
		t.Fatal(err)
	}
	if got := title(); got != DefaultTitle {
		t.Fatalf("without a partner: %q", got)
	}
}

func TestDeleteRestorePurge(t *testing.T) {
	s := newStore(t)
	d, _ := s.Create("Projet", sample(t, typical))
	var we *wizard.Error
	if err := s.Purge(d.ID); !errors.As(err, &we) || !strings.Contains(err.Error(), "corbeille") {
		t.Errorf("purge outside the bin: %v", err)
	}
	if err := s.Delete(d.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(d.ID); err != nil {
		t.Errorf("second delete: %v", err)
	}
	got, _ := s.Get(d.ID)
	if got.DeletedAt.IsZero() {
		t.Error("Get does not show the draft in the bin")
	}
	if list, _ := s.List(""); len(list) != 0 {
		t.Error("deleted draft still listed")
	}
	if err := s.Restore(d.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.List(""); len(list) != 1 || !list[0].DeletedAt.IsZero() {
		t.Errorf("restored: %+v", list)
	}
	if bin, _ := s.ListDeleted(); len(bin) != 0 {
		t.Error("restored draft still in the bin")
	}
	s.Delete(d.ID)
	if err := s.Purge(d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("after purge: %v", err)
	}
	if n := countRevisions(t, s, d.ID); n != 0 {
		t.Errorf("%d revisions left after purge", n)
	}
}

func TestRevisionsAndRestore(t *testing.T) {
	s := newStore(t)
	d, _ := s.Create("Projet", nil)
	p := d.Plan
	v := d.Version
	for _, obj := range []string{"un", "deux", "trois"} {
		p.Domain.Objectives = obj
		var err error
		if v, err = s.Save(d.ID, v, p); err != nil {
			t.Fatal(err)
		}
	}
	revs, err := s.Revisions(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 4 || revs[0].Version != 4 || revs[3].Version != 1 || revs[0].DraftID != d.ID || revs[0].Title != "Projet" || revs[0].Saved.IsZero() {
		t.Fatalf("revisions: %+v", revs)
	}
	restored, err := s.RestoreRevision(d.ID, revs[2].ID) // objectives "un"
	if err != nil {
		t.Fatal(err)
	}
	if restored.Plan.Domain.Objectives != "un" || restored.Version != 5 {
		t.Errorf("restored: v%d %q", restored.Version, restored.Plan.Domain.Objectives)
	}
	revs2, _ := s.Revisions(d.ID)
	if len(revs2) != 5 {
		t.Errorf("restoring must keep every state: %d revisions", len(revs2))
	}
	other, _ := s.Create("Autre", nil)
	if _, err := s.RestoreRevision(other.ID, revs[0].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a revision of another draft: %v", err)
	}
	// A draft in the bin is refused: restored there, it would stay hidden.
	if err := s.Delete(d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RestoreRevision(d.ID, revs[1].ID); err == nil || !strings.Contains(err.Error(), "est dans la corbeille : restaurez-le d'abord") {
		t.Errorf("restoring a version of a draft in the bin: %v", err)
	}
	if revs3, _ := s.Revisions(d.ID); len(revs3) != 5 {
		t.Errorf("a refused restore saved something: %d revisions", len(revs3))
	}
}

func TestRevisionHistoryIsBounded(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	start := time.Date(2026, 1, 1, 8, 0, 0, 0, time.Local)
	clock := &fakeClock{start}
	s.now = clock.now
	d, _ := s.Create("Projet au long cours", nil)
	p, v := d.Plan, d.Version
	// A save every six hours, for ten days more than the history keeps: 400 saves (each
	// one synced to the disk, hence not more).
	const days, perDay = MaxDailyRevisions + 10, 4
	for i := 1; i <= days*perDay; i++ {
		clock.t = start.Add(time.Duration(i) * 24 / perDay * time.Hour)
		p.Domain.Objectives = "sauvegarde " + time.Duration(i).String()
		var err error
		if v, err = s.Save(d.ID, v, p); err != nil {
			t.Fatal(err)
		}
	}
	revs, _ := s.Revisions(d.ID)
	now := clock.t
	recent, perDayCount := 0, map[string]int{}
	for _, r := range revs {
		if !r.Saved.Before(now.Add(-KeepAllRevisionsFor)) {
			recent++
			continue
		}
		perDayCount[r.Saved.Format(time.DateOnly)]++
	}
	if recent != perDay+1 { // 0, 6, … 24 hours ago
		t.Errorf("%d revisions in the last 24 h, want all %d", recent, perDay+1)
	}
	if len(perDayCount) != MaxDailyRevisions {
		t.Errorf("%d older days kept, want %d", len(perDayCount), MaxDailyRevisions)
	}
	for day, n := range perDayCount {
		if n != 1 {
			t.Errorf("%s: %d revisions, want 1", day, n)
		}
	}
	if len(revs) > perDay+1+MaxDailyRevisions {
		t.Errorf("%d revisions kept", len(revs))
	}
	// The kept one of a day is that day's last save, and the days kept are the latest.
	oldest := revs[len(revs)-1].Saved
	if want := now.AddDate(0, 0, -MaxDailyRevisions-1); oldest.Before(want) {
		t.Errorf("oldest kept %v, before %v", oldest, want)
	}
	if got, _ := s.Get(d.ID); got.Version != v {
		t.Error("the current state was pruned")
	}
}

func TestExportImport(t *testing.T) {
	s := newStore(t)
	for _, sm := range samples.All() {
		res, err := s.Import(sm.Data)
		if err != nil {
			t.Fatalf("%s: %v", sm.Name, err)
		}
		if res.SameAs != 0 {
			t.Errorf("%s: SameAs %d on first import", sm.Name, res.SameAs)
		}
		out, err := s.ExportJSON(res.Draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := mustEncode(t, sample(t, sm.Name))
		if string(out) != want {
			t.Errorf("%s: export differs from the sample:\n%s", sm.Name, out)
		}
		if !strings.Contains(string(out), `"format": "aect-plan/1"`) || !strings.Contains(string(out), `"title"`) {
			t.Errorf("%s: export lacks format or title", sm.Name)
		}
		// Importing the export again reports the first draft.
		again, err := s.Import(out)
		if err != nil {
			t.Fatal(err)
		}
		if again.SameAs != res.Draft.ID || again.Draft.ID == res.Draft.ID {
			t.Errorf("%s: reimport SameAs %d (first %d, new %d)", sm.Name, again.SameAs, res.Draft.ID, again.Draft.ID)
		}
		if want := res.Draft.Title + " (copie)"; again.Draft.Title != want || again.Draft.Plan.Title != want {
			t.Errorf("%s: the copy is titled %q / %q; want %q", sm.Name, again.Draft.Title, again.Draft.Plan.Title, want)
		}
	}
	// An imported draft that was edited since is still recognised by its import.
	first, _ := s.Import(samples.All()[0].Data)
	first.Draft.Plan.Domain.Objectives = "modifié"
	if _, err := s.Save(first.Draft.ID, first.Draft.Version, first.Draft.Plan); err != nil {
		t.Fatal(err)
	}
	before, _ := s.List("")
	for _, data := range []string{
		``,
		`{"format": "aect-plan/2"}`,
		`{"format": "aect-plan/1", "partner": {"kind": "ministere"}}`,
		`{"format": "aect-plan/1", "title": "x"`,
	} {
		_, err := s.Import([]byte(data))
		var de *wizard.DecodeError
		if !errors.As(err, &de) {
			t.Errorf("Import(%q): %v", data, err)
		}
		if data != "" && strings.Contains(data, "ministere") && !strings.Contains(err.Error(), "partner.kind") {
			t.Errorf("error does not name the path: %v", err)
		}
	}
	if after, _ := s.List(""); len(after) != len(before) {
		t.Error("an invalid file wrote a draft")
	}
}

func TestLoadSample(t *testing.T) {
	s := newStore(t)
	sm := samples.All()[0]
	d, created, err := s.LoadSample(sm.Name, sm.Data)
	if err != nil || !created || d.Demo != sm.Name {
		t.Fatalf("first load: %+v %v %v", d.Summary, created, err)
	}
	again, created, err := s.LoadSample(sm.Name, sm.Data)
	if err != nil || created || again.ID != d.ID {
		t.Errorf("second load: %d %v %v", again.ID, created, err)
	}
	if list, _ := s.List(""); len(list) != 1 || list[0].Demo != sm.Name {
		t.Errorf("list: %+v", list)
	}
	// Once in the bin, the sample can be loaded afresh.
	s.Delete(d.ID)
	if fresh, created, err := s.LoadSample(sm.Name, sm.Data); err != nil || !created || fresh.ID == d.ID {
		t.Errorf("after delete: %v %v", created, err)
	}
	var de *wizard.DecodeError
	if _, _, err := s.LoadSample("x", []byte(`{"format":"aect-plan/1","form":"mariage"}`)); !errors.As(err, &de) {
		t.Errorf("invalid sample: %v", err)
	}
	if _, _, err := s.LoadSample("", sm.Data); err == nil {
		t.Error("a sample without a name was accepted")
	}
}

func TestListHead(t *testing.T) {
	s := newStore(t)
	for i := 0; i < 5; i++ {
		if _, err := s.Create(fmt.Sprintf("Projet %d", i), &wizard.Plan{}); err != nil {
			t.Fatal(err)
		}
	}
	d, _ := s.Create("Supprimé", &wizard.Plan{})
	if err := s.Delete(d.ID); err != nil {
		t.Fatal(err)
	}
	head, total, err := s.ListHead(3)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := s.List("")
	if total != 5 || len(head) != 3 || len(all) != 5 {
		t.Fatalf("head %d, total %d, all %d", len(head), total, len(all))
	}
	for i := range head {
		if head[i] != all[i] {
			t.Errorf("row %d: %+v; want %+v", i, head[i], all[i])
		}
	}
}
