package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runIn runs the command line in-process on a database of its own and returns the exit
// code and the outputs.
func runIn(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	state := t.TempDir()
	var out, errb bytes.Buffer
	code := run(append([]string{"--db", db}, args...), stdio{strings.NewReader(""), &out, &errb},
		func(k string) string {
			if k == "XDG_STATE_HOME" {
				return state
			}
			return ""
		})
	return code, out.String(), errb.String()
}

// TestShowDocumentsOfMoney: the convention d'objectifs is shown with --doc objectifs; a
// plan without one, and a promotion without money asked for its convention, say why.
func TestShowDocumentsOfMoney(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	plan := filepath.Join("..", "..", "testdata", "plans", "13-subvention-ong.json")
	if code, _, errb := runIn(t, db, "import", plan); code != 0 {
		t.Fatalf("import: %s", errb)
	}
	code, out, _ := runIn(t, db, "show", "1", "--doc", "objectifs")
	if code != 0 || !strings.Contains(out, "CONVENTION D'OBJECTIFS") || !strings.Contains(out, "compte rendu financier") {
		t.Errorf("show --doc objectifs: %d\n%.400s", code, out)
	}
	// A promotion that commits no money has no convention, and says why.
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	promo := strings.Replace(string(data), `"form": "convention_cooperation"`, `"form": "promotion_culturelle"`, 1)
	promo = strings.Replace(promo, `"cost": 30000`, `"cost": 0`, 1)
	promo = strings.Replace(promo, `"cost": 5000`, `"cost": 0`, 1)
	promoFile := filepath.Join(t.TempDir(), "promo.json")
	if err := os.WriteFile(promoFile, []byte(promo), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errb := runIn(t, db, "import", promoFile); code != 0 {
		t.Fatalf("import promo: %s", errb)
	}
	code, _, errb := runIn(t, db, "show", "2", "--doc", "convention")
	if code == 0 || !strings.Contains(errb, "n'engage pas d'argent") || strings.Contains(errb, "choisissez d'abord sa forme") {
		t.Errorf("promotion: %d %s", code, errb)
	}
	code, _, errb = runIn(t, db, "show", "2", "--doc", "objectifs")
	if code == 0 || !strings.Contains(errb, "23 000 €") {
		t.Errorf("no convention d'objectifs: %d %s", code, errb)
	}
}
