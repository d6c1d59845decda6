package main

import (
	"os"
	"path/filepath"
	"testing"

	"aect/internal/testenv"
)

// TestQuestionnaireOnAFullDisk: the file is written whole or not at all, and the message
// names the real cause.
func TestQuestionnaireOnAFullDisk(t *testing.T) {
	t.Parallel()
	disk := testenv.SmallDisk(t, "8k")
	out := filepath.Join(disk, "questionnaire.odt")
	expect(t, aect(t, "", "questionnaire", "--format", "odt", "--out", out), 1, out, "le disque est plein")
	if entries, _ := os.ReadDir(disk); len(entries) != 0 {
		t.Errorf("left on the full disk: %v", entries)
	}
}

func TestQuestionnaireOutErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	expect(t, aect(t, "", "questionnaire", "--format", "odt", "--out", dir), 1, dir, "c'est un dossier")
	missing := filepath.Join(dir, "absent", "q.odt")
	expect(t, aect(t, "", "questionnaire", "--format", "odt", "--out", missing), 1, filepath.Join(dir, "absent"), "introuvable")
}
