package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewWithOnlyTheINSEECodeFillsTheRest: « aect new --answers » with a plan that names
// its commune by its INSEE code gets the answers the directory gives, says so, and
// export-json writes the codes back; an import does the same.
func TestNewWithOnlyTheINSEECodeFillsTheRest(t *testing.T) {
	t.Parallel()
	db, dir := dbPath(t), t.TempDir()
	answers := filepath.Join(dir, "reponses.json")
	if err := os.WriteFile(answers, []byte(`{"format": "aect-plan/1", "title": "Jumelage", "authority": {"insee": "24396"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	expect(t, aect(t, "", "--db", db, "new", "--answers", answers), 0,
		"Complété d'après l'annuaire des collectivités 2026 (intégré) : type de collectivité, nom de la collectivité, SIREN, département et population.")
	expect(t, aect(t, "", "--db", db, "export-json", "1"), 0, `"insee": "24396"`, `"name": "Saint-Cyprien"`,
		`"siren": "212403968"`, `"departement": "24"`, `"population": 1566`)
	r := aect(t, "", "--db", db, "import", answers)
	// The same answers, filled the same way: the import sees the draft already there.
	expect(t, r, 0, "Complété d'après l'annuaire", "déjà présent (brouillon n° 1) ; une copie a été créée : brouillon n° 2")
	expect(t, aect(t, "", "--db", db, "export-json", "2"), 0, `"name": "Saint-Cyprien"`)
}

// TestAContradictionWithTheDirectoryIsReported: another département and another
// population than the directory's are findings, and the answers given are kept.
func TestAContradictionWithTheDirectoryIsReported(t *testing.T) {
	t.Parallel()
	db, dir := dbPath(t), t.TempDir()
	answers := filepath.Join(dir, "reponses.json")
	if err := os.WriteFile(answers, []byte(`{"format": "aect-plan/1", "title": "Jumelage",
		"authority": {"insee": "24396", "type": "commune", "departement": "66", "population": 2000}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	r := aect(t, "", "--db", db, "new", "--answers", answers)
	expect(t, r, 0, "Complété d'après l'annuaire des collectivités 2026 (intégré) : nom de la collectivité et SIREN.",
		"[attention] Le code INSEE 24396 est celui de la commune de Saint-Cyprien (Dordogne) ; le département indiqué est 66 – Pyrénées-Orientales.",
		"[conseil] L'annuaire des collectivités 2026 donne une population municipale de 1\u00a0566 habitants (totale : 1\u00a0593) ; vous avez indiqué 2\u00a0000 habitants.")
	expect(t, aect(t, "", "--db", db, "export-json", "1"), 0, `"departement": "66"`, `"population": 2000`)
	// An INSEE code that is not one is refused with the path and what is expected.
	if err := os.WriteFile(answers, []byte(`{"format": "aect-plan/1", "authority": {"insee": "20004"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	expect(t, aect(t, "", "--db", db, "new", "--answers", answers), 1, "authority.insee", "2A ou 2B")
}

// TestAccessibleAsksForTheCollectivite: the matches are read numbered, the choice is
// repeated in words and fills the answers; a single match is confirmed; Entrée passes.
func TestAccessibleAsksForTheCollectivite(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	// « saint cyprien », then the third match; title passed, the type, name, SIREN,
	// SIRET, département and population kept with Entrée; then stop.
	r := aect(t, "saint cyprien\n3\n\n\n\n\n\n\n\nfin\n", "--db", db, "--accessible")
	expect(t, r, 0, "Votre collectivité (facultatif)", "4 résultats :",
		"  3. Saint-Cyprien (24), commune, Dordogne, 1 566 habitants, code INSEE 24396",
		"Choisi : Saint-Cyprien (24), commune, Dordogne, 1 566 habitants, code INSEE 24396.",
		"Rempli d'après l'annuaire : type : Commune ; nom : Saint-Cyprien ; département : 24 – Dordogne ; SIREN : 212403968 ; population municipale 2026 : 1 566.",
		"EPCI de la commune : CC Vallée de la Dordogne et Forêt Bessède (SIREN 200041051)",
		"Réponse actuelle : Saint-Cyprien. Entrée pour la garder.",
		"D'après l'annuaire : population municipale 1 566, totale 1 593 (millésime 2026).")
	expect(t, aect(t, "", "--db", db, "export-json", "1"), 0, `"insee": "24396"`, `"population": 1566`, `"departement": "24"`)

	// A SIREN, one match, is confirmed; a search without match asks again.
	db = dbPath(t)
	r = aect(t, "syndicat du vent\n212 403 968\noui\nfin\n", "--db", db, "--accessible")
	expect(t, r, 0, "Aucune commune ni aucun EPCI ne correspond à « syndicat du vent »", "1 résultat :", "Est-ce votre collectivité ?",
		"Choisi : Saint-Cyprien (24)")
	// Entrée passes the question: the authority is typed as before.
	db = dbPath(t)
	r = aect(t, "\nTitre\n1\nTrifouillis\nfin\n", "--db", db, "--accessible")
	expect(t, r, 0, "Syndicats mixtes, départements, régions : Entrée", "Type de collectivité")
	expect(t, aect(t, "", "--db", db, "export-json", "1"), 0, `"name": "Trifouillis"`)
	if strings.Contains(aect(t, "", "--db", db, "export-json", "1").stdout, "insee") {
		t.Error("a passed question stored a code")
	}
}
