package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModeles is the trainer's round: export the models, change the délibération's
// opening formula, verify, draft with them; then remove the L. 1115-1 visa and see it
// reported by the verification and on the draft.
func TestModeles(t *testing.T) {
	t.Parallel()
	db, dir := dbPath(t), filepath.Join(t.TempDir(), "modeles")
	expect(t, aect(t, "", "modeles", "exporter", dir), 0, "Modèles écrits", "deliberation.txt", "LISEZMOI.md", "aect modeles verifier "+dir)
	expect(t, aect(t, "", "modeles", "exporter", dir), 1, "contient déjà", "--remplacer")
	expect(t, aect(t, "", "modeles", "exporter", dir, "--remplacer"), 0, "Modèles écrits")
	expect(t, aect(t, "", "modeles", "verifier", dir), 0, "aucun problème")

	path := filepath.Join(dir, "deliberation.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	adapted := strings.Replace(string(src), "en séance publique", "à la salle du conseil, en séance publique", 1)
	if err := os.WriteFile(path, []byte(adapted), 0o644); err != nil {
		t.Fatal(err)
	}
	expect(t, aect(t, "", "modeles", "verifier", dir), 0, "aucun problème")
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	id := idOf(t, db, "Eau potable")
	expect(t, aect(t, "", "--db", db, "--modeles", dir, "show", id), 0, "à la salle du conseil, en séance publique")
	// The database remembers the folder given by --modeles, until « modeles oublier ».
	expect(t, aect(t, "", "--db", db, "show", id), 0, "à la salle du conseil, en séance publique")
	expect(t, aect(t, "", "--db", db, "modeles", "oublier"), 0, "n'est plus retenu pour cette base")
	r := aect(t, "", "--db", db, "show", id)
	expect(t, r, 0)
	if strings.Contains(r.stdout, "salle du conseil") {
		t.Error("the built-in models are used once the folder is forgotten")
	}
	expect(t, aect(t, "", "--db", db, "modeles", "oublier"), 0, "Aucun dossier de modèles n'est retenu")
	out := t.TempDir()
	expect(t, aect(t, "", "--db", db, "export", id, "--format", "md", "--out", out, "--modeles", dir), 0, "deliberation.md")
	files, _ := filepath.Glob(filepath.Join(out, "*", "deliberation.md"))
	if len(files) != 1 {
		t.Fatalf("exported: %v", files)
	}
	if md, _ := os.ReadFile(files[0]); !strings.Contains(string(md), "à la salle du conseil") {
		t.Error("the export does not follow the adapted model")
	}

	noVisa := strings.Replace(adapted, "visa: Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1 et suivants ;\n", "", 1)
	if err := os.WriteFile(path, []byte(noVisa), 0o644); err != nil {
		t.Fatal(err)
	}
	expect(t, aect(t, "", "modeles", "verifier", dir), 1, "deliberation.txt (exemple", "ne comporte pas le visa de l'article L.", "à corriger")
	r = aect(t, "", "--db", db, "show", id)
	expect(t, r, 0)
	r = aect(t, "", "--db", db, "show", id, "--modeles", dir)
	expect(t, r, 0)
	if !strings.Contains(strings.ToLower(r.stdout), "projet non conforme") || !strings.Contains(r.err, "ne comporte pas le visa") {
		t.Errorf("the missing visa is not reported on stderr: %s", r.err)
	}

	if err := os.WriteFile(path, []byte("titre: X\n{{if .Jumelage}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	expect(t, aect(t, "", "modeles", "verifier", dir), 1, "deliberation.txt, ligne 3", "n'est pas fermé")
	expect(t, aect(t, "", "modeles", "verifier", filepath.Join(dir, "absent")), 1, "introuvable")
	expect(t, aect(t, "", "--db", db, "--modeles", filepath.Join(dir, "absent"), "show", id), 1, "introuvable", "--modeles")
	expect(t, aect(t, "", "modeles", "ecrire", dir), 2, "exporter")
}

// A remembered folder of models that disappeared is said, and the built-in models serve.
func TestRememberedModelsGone(t *testing.T) {
	t.Parallel()
	db, dir := dbPath(t), filepath.Join(t.TempDir(), "modeles")
	expect(t, aect(t, "", "modeles", "exporter", dir), 0)
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	id := idOf(t, db, "Eau potable")
	expect(t, aect(t, "", "--db", db, "--modeles", dir, "show", id), 0)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	r := aect(t, "", "--db", db, "show", id)
	expect(t, r, 0, "EXTRAIT DU REGISTRE")
	if !strings.Contains(r.err, "retenu pour cette base, est ignoré") || !strings.Contains(r.err, "modeles oublier") {
		t.Errorf("stderr: %s", r.err)
	}
}
