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

// TestExportActes: « export --format actes » lists what the plan lacks and writes
// nothing, then, the answers given, writes the dossier and points to its LISEZMOI.txt.
func TestExportActes(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	out := t.TempDir()
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	expect(t, aect(t, "", "--db", db, "export", "2", "--format", "actes", "--out", out), 1,
		"le dossier @ctes ne peut pas être préparé", "SIREN de la collectivité manque", "numéro de la délibération manque", "rien n'a été écrit")
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Fatalf("written: %v", entries)
	}
	answers := filepath.Join(t.TempDir(), "r.json")
	os.WriteFile(answers, []byte(`{"format": "aect-plan/1", "title": "Jumelage", "form": "jumelage",
		"authority": {"type": "commune", "name": "Belmont", "siren": "241 800 507", "departement": "38"},
		"partner": {"name": "Lindenbach", "country": "DE", "kind": "autorite_locale"},
		"session": {"date": "2020-01-20", "act_number": "2020_012"}}`), 0o600)
	expect(t, aect(t, "", "--db", db, "new", "--answers", answers), 0)
	r := aect(t, "", "--db", db, "export", "6", "--format", "odt,actes", "--out", out)
	expect(t, r, 0, "deliberation.odt", "99_DE-038-241800507-20200120-2020_012-DE-1-1_1.pdf",
		"99_AU-038-241800507-20200120-2020_012-DE-1-1_2.pdf", "acte.json", "Dossier @ctes : lisez", "LISEZMOI.txt")
	expect(t, aect(t, "", "--db", db, "export", "6", "--format", "actse", "--out", out), 2, "actes (dossier de télétransmission)")
	expect(t, aect(t, "", "--db", db, "questionnaire", "--format", "actes"), 2, "le questionnaire s'écrit en")
	expect(t, aect(t, "", "--db", db, "show", "6", "--format", "actes"), 2, "pour actes, utilisez aect", "export)")
}
