package main

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"aect/internal/testenv"
)

// TestReadOnlyDatabaseCommands: on a database this user cannot write, the commands that
// read work and leave nothing beside it; those that write say what blocks them, before
// asking anything. Run as the user nobody when the tests run as root.
func TestReadOnlyDatabaseCommands(t *testing.T) {
	if testenv.Rerun(t) {
		return
	}
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a user that file permissions stop")
	}
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "aect.db")
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	id := idOf(t, db, "Jumelage Belmont")
	out := t.TempDir()
	for _, args := range [][]string{{"list"}, {"list", "--corbeille"}, {"show", id}, {"export-json", id}, {"history", id},
		{"export", id, "--out", out}, {"sauvegarder", filepath.Join(out, "copie.db")}} {
		expect(t, aect(t, "", append([]string{"--db", db}, args...)...), 0)
	}
	answers := filepath.Join(t.TempDir(), "r.json")
	os.WriteFile(answers, []byte(`{"format": "aect-plan/1", "title": "Nouveau"}`), 0o600)
	for _, tc := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"demo"}},
		{"", []string{"import", answers}},
		{"", []string{"new", "--answers", answers}},
		{"", []string{"history", id, "--restore", "1"}},
		{"Titre\n", []string{"--accessible"}},
	} {
		r := aect(t, tc.stdin, append([]string{"--db", db}, tc.args...)...)
		expect(t, r, 1, "lecture seule", "protégé en écriture", "chmod u+w "+db, "sauvegarder")
		if strings.Contains(r.stdout, "Section 1") {
			t.Errorf("%v asked questions it could not save:\n%s", tc.args, r.stdout)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"aect.db"}) {
		t.Errorf("files beside the read-only database: %v", names)
	}
	// The rights back, the database is written as usual.
	os.Chmod(db, 0o600)
	expect(t, aect(t, "", "--db", db, "new", "--answers", answers), 0, "Brouillon n° 6 créé")
}
