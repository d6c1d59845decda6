package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestBackupCommand(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	copyPath := filepath.Join(t.TempDir(), "cle.db")
	expect(t, aect(t, "", "--db", db, "sauvegarder", copyPath), 0, "écrite et vérifiée", copyPath, "5 brouillons", "aect --db "+copyPath)
	if a, b := aect(t, "", "--db", db, "list", "--json").stdout, aect(t, "", "--db", copyPath, "list", "--json").stdout; a != b {
		t.Errorf("the copy lists other drafts:\n%s\n%s", a, b)
	}
	before, _ := os.ReadFile(copyPath)
	expect(t, aect(t, "", "--db", db, "sauvegarder", copyPath), 1, "existe déjà", "--remplacer")
	if after, _ := os.ReadFile(copyPath); string(after) != string(before) {
		t.Error("an existing copy was overwritten without --remplacer")
	}
	expect(t, aect(t, "", "--db", db, "sauvegarder", copyPath, "--remplacer"), 0, "vérifiée")
	expect(t, aect(t, "", "--db", db, "sauvegarder", db), 1, "la base elle-même")
	expect(t, aect(t, "", "--db", db, "sauvegarder"), 2, "indiquez le fichier de la copie")
	expect(t, aect(t, "", "--db", db, "sauvegarder", "a.db", "b.db"), 2, "un seul fichier")
	expect(t, aect(t, "", "--db", db, "sauvegarder", filepath.Join(t.TempDir(), "absent", "x.db")), 1, "n'existe pas")
	expect(t, aect(t, "", "help", "sauvegarder"), 0, "--remplacer", "lecture seule")
}
