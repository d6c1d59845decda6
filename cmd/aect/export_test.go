package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// TestExportFolderPerDraft: two drafts with one title, and titles made of dots or
// slashes, export to folders of their own inside --out.
func TestExportFolderPerDraft(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	out := t.TempDir()
	for _, title := range []string{"Projet", "Projet", "..", "/"} {
		answers := filepath.Join(t.TempDir(), "r.json")
		os.WriteFile(answers, []byte(`{"format": "aect-plan/1", "title": "`+title+`"}`), 0o600)
		expect(t, aect(t, "", "--db", db, "new", "--answers", answers), 0)
	}
	for id := 1; id <= 4; id++ {
		expect(t, aect(t, "", "--db", db, "export", strconv.Itoa(id), "--format", "txt", "--out", out), 0)
	}
	entries, _ := os.ReadDir(out)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if want := []string{"1-projet", "2-projet", "3-projet", "4-projet"}; !slices.Equal(got, want) {
		t.Errorf("folders %v, want %v", got, want)
	}
	expect(t, aect(t, "", "help", "export"), 0, "<n°>-<titre>")
}
