package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aect/wizard/samples"
)

// writeForeignDB makes a SQLite database that is not aect's, running the given SQL.
func writeForeignDB(t testing.TB, path, script string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A table created and dropped leaves a valid file with an empty schema.
	if _, err := db.Exec("CREATE TABLE t (x); DROP TABLE t; " + script); err != nil {
		t.Fatal(err)
	}
}

// goodDB builds a closed aect database with a few drafts and returns its bytes.
func goodDB(t testing.TB) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bon.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, sm := range samples.All() {
		for range 4 {
			if _, err := s.Import(sm.Data); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("the write-ahead log was not folded into the file on close")
	}
	return data
}

func TestOpenRefusesWhatIsNotAWholeAectDatabase(t *testing.T) {
	t.Parallel()
	good := goodDB(t)
	pageSize := 4096
	if len(good)%pageSize != 0 || len(good) < 8*pageSize {
		t.Fatalf("unexpected database size %d", len(good))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return b
	}
	damaged := func(from, to int) []byte {
		b := bytes.Clone(good)
		copy(b[from:to], random(to-from))
		return b
	}
	newer := func() []byte {
		path := filepath.Join(t.TempDir(), "newer.db")
		os.WriteFile(path, good, 0o600)
		db, _ := sql.Open("sqlite", path)
		if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		b, _ := os.ReadFile(path)
		return b
	}
	foreign := filepath.Join(t.TempDir(), "autre.db")
	writeForeignDB(t, foreign, "CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ana');")
	foreignBytes, _ := os.ReadFile(foreign)
	otherApp := filepath.Join(t.TempDir(), "autre-app.db")
	writeForeignDB(t, otherApp, "PRAGMA application_id = 42;")
	otherAppBytes, _ := os.ReadFile(otherApp)

	for _, tc := range []struct {
		name  string
		data  []byte
		kinds []OpenErrorKind
	}{
		{"zero-length", []byte{}, []OpenErrorKind{KindEmpty}},
		{"random bytes", random(64 << 10), []OpenErrorKind{KindNotDatabase}},
		{"short text", []byte("bonjour"), []OpenErrorKind{KindNotDatabase}},
		{"an answers file", samples.All()[0].Data, []OpenErrorKind{KindNotDatabase}},
		{"SQLite header then random bytes", append([]byte(sqliteMagic), random(8192)...), []OpenErrorKind{KindCorrupt, KindNotDatabase}},
		{"truncated copy (half)", good[:len(good)/2/pageSize*pageSize], []OpenErrorKind{KindCorrupt}},
		{"truncated copy (mid-page)", good[:len(good)-1000], []OpenErrorKind{KindCorrupt}},
		{"truncated copy (first page only)", good[:pageSize], []OpenErrorKind{KindCorrupt}},
		{"damaged schema page", damaged(100, pageSize), []OpenErrorKind{KindCorrupt, KindNotDatabase}},
		{"damaged pages after the first", damaged(pageSize, len(good)), []OpenErrorKind{KindCorrupt, KindNotDatabase}},
		{"another program's database", foreignBytes, []OpenErrorKind{KindForeign}},
		{"another application id", otherAppBytes, []OpenErrorKind{KindForeign}},
		{"newer schema", newer(), []OpenErrorKind{KindNewer}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "aect.db")
			if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err == nil {
				// Damage that the quick checks of Open miss must show in Check.
				err = s.Check()
				s.Close()
			}
			var oe *OpenError
			if !errors.As(err, &oe) {
				t.Fatalf("want an *OpenError, got %v", err)
			}
			ok := false
			for _, k := range tc.kinds {
				ok = ok || oe.Kind == k
			}
			if !ok {
				t.Errorf("kind %d, want one of %v (%v)", oe.Kind, tc.kinds, oe.Err)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, "modifié") || !strings.Contains(msg, "--db") {
				t.Errorf("message does not name the file, say it is untouched and what to do: %s", msg)
			}
			for _, english := range []string{"database", "malformed", "locked", "file is not"} {
				if strings.Contains(msg, english) {
					t.Errorf("English in the message: %s", msg)
				}
			}
			after, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(after, tc.data) {
				t.Error("the file was modified")
			}
		})
	}
}

func TestOpenRefusesADirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != KindDirectory || !strings.Contains(err.Error(), "dossier") {
		t.Errorf("Open(directory): %v", err)
	}
}

func TestOpenRefusesAnUnwritableLocation(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root writes anywhere")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(dir, 0o500)
	_, err := Open(filepath.Join(dir, "sub", "aect.db"))
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != KindPermission || !strings.Contains(err.Error(), "accès refusé") {
		t.Errorf("Open in a read-only folder: %v", err)
	}
}

func TestOpenRefusesANewerSchemaStillInTheLog(t *testing.T) {
	// Another process moved the schema on and still has the file open: the newer version is
	// in the write-ahead log, not yet in the file header.
	path := filepath.Join(t.TempDir(), "aect.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.Exec("PRAGMA user_version = 7"); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != KindNewer || oe.Version != 7 || !strings.Contains(err.Error(), "schéma 7") {
		t.Errorf("Open: %v", err)
	}
}

func TestMigrationKeepsDataAndWritesABackup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "aect.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, sm := range samples.All() {
		r, err := s.Import(sm.Data)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.Draft.ID)
	}
	s.Close()

	clock := &fakeClock{time.Date(2027, 3, 4, 5, 6, 7, 0, time.Local)}
	broken := append(defaultMigrations[:len(defaultMigrations):len(defaultMigrations)],
		migration{version: len(defaultMigrations) + 1, name: "broken.sql", sql: "ALTER TABLE drafts ADD COLUMN note TEXT; THIS IS NOT SQL"})
	if _, err := open(path, broken, clock.now); err == nil {
		t.Fatal("a failing migration opened the database")
	}
	// The failed migration changed nothing: the current code still opens the file.
	s, err = Open(path)
	if err != nil {
		t.Fatalf("after a failed migration: %v", err)
	}
	s.Close()
	os.Remove(path + ".sauvegarde-20270304-050607")

	next := append(defaultMigrations[:len(defaultMigrations):len(defaultMigrations)],
		migration{version: len(defaultMigrations) + 1, name: "next.sql", sql: "ALTER TABLE drafts ADD COLUMN note TEXT NOT NULL DEFAULT '';"})
	s, err = open(path, next, clock.now)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if _, err := s.Get(id); err != nil {
			t.Errorf("draft %d after migration: %v", id, err)
		}
	}
	var version int
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	if version != len(next) {
		t.Errorf("user_version %d, want %d", version, len(next))
	}
	s.Close()

	backup := path + ".sauvegarde-20270304-050607"
	fi, err := os.Stat(backup)
	if err != nil {
		t.Fatalf("no backup: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	// The backup is the old schema, readable by the old code.
	b, err := Open(backup)
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	if list, _ := b.List(""); len(list) != len(ids) {
		t.Errorf("backup holds %d drafts, want %d", len(list), len(ids))
	}
	b.Close()

	// The migrated file is now too new for the old code, which leaves it alone.
	before, _ := os.ReadFile(path)
	_, err = Open(path)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != KindNewer || !strings.Contains(err.Error(), fmt.Sprintf("schéma %d", len(next))) ||
		!strings.Contains(err.Error(), fmt.Sprintf("jusqu'au schéma %d", len(defaultMigrations))) {
		t.Errorf("old code on a newer file: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the newer file was modified")
	}
}

func TestMigrationsAreNumbered(t *testing.T) {
	if len(defaultMigrations) == 0 {
		t.Fatal("no migration")
	}
	for i, m := range defaultMigrations {
		if m.version != i+1 || !strings.HasPrefix(m.name, "000") {
			t.Errorf("migration %d: %+v", i, m.name)
		}
	}
}

func TestConcurrentCreationOfOneFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "new", "aect.db")
	errs := make(chan error, 8)
	stores := make(chan *Store, 8)
	for range 8 {
		go func() {
			s, err := Open(path)
			errs <- err
			stores <- s
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
		if s := <-stores; s != nil {
			if _, err := s.Create("x", nil); err != nil {
				t.Error(err)
			}
			s.Close()
		}
	}
	s, _ := Open(path)
	defer s.Close()
	if list, _ := s.List(""); len(list) != 8 {
		t.Errorf("%d drafts, want 8 in one file", len(list))
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "aect.db") || strings.Contains(e.Name(), "creation") {
			t.Errorf("leftover %s", e.Name())
		}
	}
}

// TestInspectRecognisesACurrentDatabase: a closed aect database of the current schema is
// known from its header alone, so Open skips the probing connection; anything else
// (another schema, a write-ahead log beside it, an empty SQLite file) is left to it.
func TestInspectRecognisesACurrentDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "aect.db")
	if err := os.WriteFile(path, goodDB(t), 0o600); err != nil {
		t.Fatal(err)
	}
	latest := latestVersion(defaultMigrations)
	if current, err := inspect(path, latest); err != nil || !current {
		t.Errorf("closed current database: current %v, err %v", current, err)
	}
	if current, err := inspect(path, latest+1); err != nil || current {
		t.Errorf("older schema: current %v, err %v", current, err)
	}
	if err := os.WriteFile(path+"-journal", []byte("journal"), 0o600); err != nil {
		t.Fatal(err)
	}
	if current, err := inspect(path, latest); err != nil || current {
		t.Errorf("with a rollback journal: current %v, err %v", current, err)
	}
	os.Remove(path + "-journal")
	s, err := Open(path) // open: the write-ahead log is beside the file
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create("Projet", nil); err != nil {
		t.Fatal(err)
	}
	if current, err := inspect(path, latest); err != nil || current {
		t.Errorf("with a write-ahead log: current %v, err %v", current, err)
	}
	s.Close()
	empty := filepath.Join(dir, "vide.db")
	writeForeignDB(t, empty, "")
	if current, err := inspect(empty, latest); err != nil || current {
		t.Errorf("empty SQLite file: current %v, err %v", current, err)
	}
}

// TestCreationRemovesAbandonedCreationFiles: a process killed while creating the database
// leaves a hidden creation file; the next Open removes it once it is clearly abandoned,
// and leaves a recent one (another process creating now) alone.
func TestCreationRemovesAbandonedCreationFiles(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".aect.db.creation-111")
	recent := filepath.Join(dir, ".aect.db.creation-222")
	other := filepath.Join(dir, ".autre.db.creation-333")
	for _, f := range []string{old, old + "-journal", recent, other} {
		if err := os.WriteFile(f, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-time.Hour)
	for _, f := range []string{old, old + "-journal", other} {
		if err := os.Chtimes(f, long, long); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(filepath.Join(dir, "aect.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for f, want := range map[string]bool{old: false, old + "-journal": false, recent: true, other: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s: present %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
	// Opening the existing database cleans up too: the creation that was killed never
	// came to make it.
	if err := os.Chtimes(recent, long, long); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(filepath.Join(dir, "aect.db")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(recent); err == nil {
		t.Error("an abandoned creation file survived the opening of the database")
	}
}
