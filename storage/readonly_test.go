package storage

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"aect/internal/testenv"
)

// skipUnlessPermissionsBind skips where file permissions do not stop this process.
func skipUnlessPermissionsBind(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("POSIX permissions")
	}
	if os.Geteuid() == 0 {
		t.Skip("root writes everything, and the run as the user nobody could not start")
	}
}

// dbWithDrafts makes a closed database of n drafts in a new folder.
func dbWithDrafts(t *testing.T, n int) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "aect.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for range n {
		if _, err := s.Create("Brouillon", sample(t, typical)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// names lists the files of dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// checkReadOnly opens path, expects a read-only store that reads want drafts and refuses
// every write naming blocker, and expects nothing created beside the file.
func checkReadOnly(t *testing.T, path string, want int, cause ReadOnlyCause, blocker string) {
	t.Helper()
	dir := filepath.Dir(path)
	before := names(t, dir)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("a read-only database must open for reading: %v", err)
	}
	var ro *ReadOnlyError
	if err := s.Writable(); !errors.As(err, &ro) || ro.Cause != cause || ro.Blocker != blocker {
		t.Errorf("Writable() = %#v, want cause %d, blocker %s", err, cause, blocker)
	} else if msg := err.Error(); !strings.Contains(msg, blocker) || !strings.Contains(msg, "lecture seule") || !strings.Contains(msg, "sauvegarder") {
		t.Errorf("message does not name the blocker and the way out: %s", msg)
	}
	list, err := s.List("")
	if err != nil || len(list) != want {
		t.Fatalf("List: %d drafts, %v; want %d", len(list), err, want)
	}
	d, err := s.Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	if _, err := s.Save(d.ID, d.Version, d.Plan); !errors.As(err, &ro) {
		t.Errorf("Save on a read-only database: %v", err)
	}
	if _, err := s.Create("x", nil); !errors.As(err, &ro) {
		t.Errorf("Create on a read-only database: %v", err)
	}
	// A copy is how to work on it elsewhere.
	if res, err := s.Backup(filepath.Join(t.TempDir(), "copie.db"), false); err != nil || res.Drafts != want {
		t.Errorf("Backup of a read-only database: %+v, %v", res, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after := names(t, dir); !slices.Equal(before, after) {
		t.Errorf("files beside the database changed: %v, then %v", before, after)
	}
}

// TestReadOnlyDatabase: a database this user cannot write opens read-only, creates nothing
// beside it (the -wal and -shm files an ordinary opening leaves, with the file's mode,
// blocked the next writer), reads, refuses writes naming what blocks them; once the
// rights are back, it is written as usual. Run as the user nobody when the tests run as
// root.
func TestReadOnlyDatabase(t *testing.T) {
	t.Parallel()
	if testenv.Rerun(t) {
		return
	}
	skipUnlessPermissionsBind(t)
	for _, tc := range []struct {
		name          string
		lock, unlock  func(dir, path string) error
		cause         ReadOnlyCause
		blockerIsFile bool
	}{
		{"write-protected file",
			func(dir, path string) error { return os.Chmod(path, 0o444) },
			func(dir, path string) error { return os.Chmod(path, 0o600) },
			ReadOnlyProtected, true},
		{"folder without the right to create files",
			func(dir, path string) error { return os.Chmod(dir, 0o555) },
			func(dir, path string) error { return os.Chmod(dir, 0o755) },
			ReadOnlyFolder, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, path := dbWithDrafts(t, 2)
			if err := tc.lock(dir, path); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { tc.unlock(dir, path) })
			blocker := dir
			if tc.blockerIsFile {
				blocker = path
			}
			checkReadOnly(t, path, 2, tc.cause, blocker)
			checkReadOnly(t, path, 2, tc.cause, blocker) // twice: the first left nothing behind
			if err := tc.unlock(dir, path); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Writable(); err != nil {
				t.Fatalf("rights back: %v", err)
			}
			if _, err := s.Create("Après", nil); err != nil {
				t.Errorf("write after the rights came back: %v", err)
			}
		})
	}
}

// TestReadOnlyDatabaseWithSavesInItsLog: a read-only database whose write-ahead log still
// holds saves (its writer is running, or was killed) shows them: reading the file alone
// would show an older state without a word.
func TestReadOnlyDatabaseWithSavesInItsLog(t *testing.T) {
	if testenv.Rerun(t) {
		return
	}
	skipUnlessPermissionsBind(t)
	_, live := dbWithDrafts(t, 1)
	w, err := Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for range 3 {
		if _, err := w.Create("Dans le journal", nil); err != nil {
			t.Fatal(err)
		}
	}
	// A copy of the file and its log while the writer runs: what a killed writer leaves.
	dir := t.TempDir()
	path := filepath.Join(dir, "aect.db")
	for _, suffix := range []string{"", "-wal"} {
		copyFile(t, live+suffix, path+suffix)
		os.Chmod(path+suffix, 0o444)
	}
	t.Cleanup(func() { os.Chmod(path, 0o600); os.Chmod(path+"-wal", 0o600) })
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("the saves are not in the log: %v", err)
	}
	// The file alone is behind: the test means something.
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	var inFile int
	err = db.QueryRow("SELECT count(*) FROM drafts").Scan(&inFile)
	db.Close()
	if err != nil || inFile != 1 {
		t.Fatalf("the file alone holds %d drafts (%v), want 1", inFile, err)
	}
	checkReadOnly(t, path, 4, ReadOnlyProtected, path)
	if leftovers, _ := filepath.Glob(filepath.Join(os.TempDir(), "aect-lecture-*")); len(leftovers) > 0 {
		t.Errorf("snapshots left: %v", leftovers)
	}
}

// TestReadOnlyBecauseOfALeftoverLogFile: a -shm file this user cannot write, left by an
// older aect that read the database read-only, is named as what blocks writing.
func TestReadOnlyBecauseOfALeftoverLogFile(t *testing.T) {
	t.Parallel()
	if testenv.Rerun(t) {
		return
	}
	skipUnlessPermissionsBind(t)
	_, path := dbWithDrafts(t, 1)
	if err := os.WriteFile(path+"-shm", make([]byte, 32768), 0o444); err != nil {
		t.Fatal(err)
	}
	checkReadOnly(t, path, 1, ReadOnlyLog, path+"-shm")
	s, _ := Open(path)
	defer s.Close()
	if msg := s.Writable().Error(); !strings.Contains(msg, "fermez les fenêtres d'aect") || !strings.Contains(msg, "supprimez ce fichier") {
		t.Errorf("message: %s", msg)
	}

	// A log that holds saves is never to be deleted: its owner folds it in.
	_, live := dbWithDrafts(t, 1)
	w, err := Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.Create("Dans le journal", nil)
	dir := t.TempDir()
	path = filepath.Join(dir, "aect.db")
	copyFile(t, live, path)
	copyFile(t, live+"-wal", path+"-wal")
	os.Chmod(path+"-wal", 0o444)
	checkReadOnly(t, path, 2, ReadOnlyLog, path+"-wal")
	r, _ := Open(path)
	defer r.Close()
	if msg := r.Writable().Error(); !strings.Contains(msg, "contient les dernières réponses") || strings.Contains(msg, "supprimez") {
		t.Errorf("message: %s", msg)
	}
}

// TestReadOnlyDatabaseOfAnotherUser: a database that belongs to another user, in a folder
// open to all, is read-only because of its owner. The file is root's, read as nobody.
func TestReadOnlyDatabaseOfAnotherUser(t *testing.T) {
	const env = "AECT_TEST_FOREIGN_DB"
	if !testenv.Active() {
		if os.Geteuid() != 0 || runtime.GOOS == "windows" {
			t.Skip("needs root, to make a file of another user")
		}
		dir := testenv.Dir(t)
		path := filepath.Join(dir, "aect.db")
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s.Create("Brouillon de root", nil)
		s.Close()
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		testenv.Rerun(t, env+"="+path)
		if st, err := os.Stat(path + "-shm"); err == nil {
			t.Errorf("the reader left %s (mode %v)", path+"-shm", st.Mode())
		}
		return
	}
	path := os.Getenv(env)
	checkReadOnly(t, path, 1, ReadOnlyOwner, path)
}

// TestReadOnlyOlderSchema: a read-only database of an older schema cannot be upgraded,
// hence not read: the error says so and names what blocks writing.
func TestReadOnlyOlderSchema(t *testing.T) {
	t.Parallel()
	if testenv.Rerun(t) {
		return
	}
	skipUnlessPermissionsBind(t)
	_, path := dbWithDrafts(t, 1)
	os.Chmod(path, 0o444)
	t.Cleanup(func() { os.Chmod(path, 0o600) })
	next := append(defaultMigrations[:len(defaultMigrations):len(defaultMigrations)],
		migration{version: len(defaultMigrations) + 1, name: "next.sql", sql: "ALTER TABLE drafts ADD COLUMN note TEXT NOT NULL DEFAULT '';"})
	_, err := open(path, next, (&fakeClock{}).now)
	var ro *ReadOnlyError
	if !errors.As(err, &ro) || !ro.Upgrade || !strings.Contains(err.Error(), "mise à jour") || !strings.Contains(err.Error(), path) {
		t.Errorf("older read-only schema: %v", err)
	}
	if got := names(t, filepath.Dir(path)); !slices.Equal(got, []string{"aect.db"}) {
		t.Errorf("files beside the database: %v", got)
	}
}

// TestCloseCheckpoints: closing a store copies its saves into the database file even while
// another window keeps the database open, so that a plain copy of the file is complete.
func TestCloseCheckpoints(t *testing.T) {
	t.Parallel()
	_, path := dbWithDrafts(t, 0)
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := s.Create("Enregistré", sample(t, typical)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 0 {
		t.Errorf("the log still holds %d bytes after Close", st.Size())
	}
	copyPath := filepath.Join(t.TempDir(), "copie.db")
	copyFile(t, path, copyPath)
	c, err := Open(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if list, err := c.List(""); err != nil || len(list) != 3 {
		t.Errorf("a copy of the file alone holds %d drafts (%v), want 3", len(list), err)
	}
}
