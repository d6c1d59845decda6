package main

import (
	"strings"
	"testing"
)

// TestShowAPD: show --doc apd (or declaration-apd) prints the APD declaration sheet of a
// plan for an APD-eligible country, --format csv its lines for a spreadsheet; a plan
// without one, or another document in CSV, is refused in French.
func TestShowAPD(t *testing.T) {
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	water := idOf(t, db, "Eau potable")
	expect(t, aect(t, "", "--db", db, "show", water, "--doc", "apd"), 0, "FICHE DE DÉCLARATION APD", "«\u00a0Démarches simplifiées\u00a0»", "80\u00a0000,00\u00a0€")
	expect(t, aect(t, "", "--db", db, "show", water, "--doc", "declaration-apd", "--format", "md"), 0, "# FICHE DE DÉCLARATION APD")
	r := aect(t, "", "--db", db, "show", water, "--doc", "apd", "--format", "csv")
	expect(t, r, 0, "Année;Code pays;Pays;", "2027;SN;Sénégal;12002;", ";40000,00;")
	if !strings.HasPrefix(r.stdout, "\uFEFF") {
		t.Error("the CSV has no byte order mark")
	}
	expect(t, aect(t, "", "--db", db, "show", water, "--doc", "convention", "--format", "csv"), 2, "--format csv n'existe que pour la fiche de déclaration APD")
	expect(t, aect(t, "", "--db", db, "show", idOf(t, db, "Jumelage Belmont"), "--doc", "apd"), 1, "pas de fiche de déclaration APD")
}
