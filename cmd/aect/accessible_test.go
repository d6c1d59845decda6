package main

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"aect/storage"
	"aect/wizard"
	"aect/wizard/samples"
)

// TestAccessibleListsDraftsByTheirOwnNumbers: the drafts are read with the numbers the
// other commands use, and the number typed opens that draft, not the one at that rank.
func TestAccessibleListsDraftsByTheirOwnNumbers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Premier", "Deuxième", "Troisième", "Quatrième", "Cinquième"} {
		if _, err := s.Create(title, &wizard.Plan{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(3); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out := runHere(t, "3\n1\nfin\n", "--db", db, "--accessible")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{"  n° 5. Cinquième", "  n° 1. Premier", "tapez le numéro d'un brouillon de la liste",
		"Reprise du brouillon n° 1 « Premier »"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "n° 3.") {
		t.Errorf("a draft of the bin is offered:\n%s", out)
	}
}

// TestAccessibleRepeatsTheChoiceInWords: after a numbered choice the mode says which it
// took, so that a mistyped number is heard; several choices are all named.
func TestAccessibleRepeatsTheChoiceInWords(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	// « Votre collectivité » passed, title, authority type 2, name, no SIREN, département
	// (search), population, executive, its title (1), competences 1 and 4, then stop.
	code, out := runHere(t, "\nEssai\n2\nMontclar\n\n38\n900\nClaire Rivoire\n1\n1, 4\nfin\n", "--db", db, "--accessible")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{"Choisi : 2 – Communauté de communes.", "Choisi : 38 – Isère.", "Choisis : 1 – ", " ; 4 – "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestAccessibleRemovesAnActionOrAFundingLine: « supprimer 2 » where an action is
// offered to add removes action 2, once confirmed, saves, and reads the actions left;
// « supprimer » alone asks which; a funding line the same way.
func TestAccessibleRemovesAnActionOrAFundingLine(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := &wizard.Plan{Actions: []wizard.Action{{Title: "Chorale", Year: 2027}, {Title: "Erreur", Year: 2027}, {Title: "Fanfare", Year: 2028}},
		Funding: []wizard.FundingLine{{Source: wizard.SourceBudgetGeneral, Year: 2027}, {Source: wizard.SourceMEAE, Year: 2027}}}
	d, err := s.Create("Jumelage", p)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	a := &accessible{out: &out, store: s, draft: d}
	a.in = bufio.NewScanner(strings.NewReader("non\nsupprimer 2\noui\nnon\n"))
	if err := a.items("action", wizard.FieldActions, a.describeAction); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"« supprimer » suivi du numéro", "Retirer l'action 2 : Erreur", "Action 2 retirée. Il en reste 2 :", "  2. Fanfare"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	stored, err := s.Get(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(stored.Plan.Actions); n != 2 || stored.Plan.Actions[1].Title != "Fanfare" {
		t.Fatalf("stored actions %+v", stored.Plan.Actions)
	}
	// « supprimer » alone, a wrong number, then the line; « non » keeps it.
	out.Reset()
	a.in = bufio.NewScanner(strings.NewReader("non\nsupprimer\n7\n2\nnon\nsupprimer 1\noui\nnon\n"))
	if err := a.items("source de financement", wizard.FieldFunding, a.describeFunding); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Tapez un numéro entre 1 et 2.") || !strings.Contains(out.String(), "Source de financement 1 retirée.") {
		t.Errorf("output:\n%s", out.String())
	}
	if stored, _ = s.Get(d.ID); len(stored.Plan.Funding) != 1 || stored.Plan.Funding[0].Source != wizard.SourceMEAE {
		t.Fatalf("stored funding %+v", stored.Plan.Funding)
	}
}

// TestAccessibleEndOfInputIsNotAnInterruption: the end of the input (a script's last
// line, ctrl+d) ends the session like « fin »: exit code 0, every answer saved.
func TestAccessibleEndOfInputIsNotAnInterruption(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	code, out := runHere(t, "\nJumelage\n1\nMontclar\n", "--db", db, "--accessible")
	if code != 0 || !strings.Contains(out, "Fin de l'entrée. Vos réponses sont enregistrées dans le brouillon n° 1") || strings.Contains(out, "interrompu") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	code, out = runHere(t, "", "--db", db, "export-json", "1")
	if code != 0 || !strings.Contains(out, `"name": "Montclar"`) {
		t.Fatalf("answers lost: %d\n%s", code, out)
	}
}

// TestAccessibleOffersAnAnswer: the accessible mode offers what the assistant offers —
// here the commune's comité de jumelage as the operator — and « ok » takes it.
func TestAccessibleOffersAnAnswer(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	sample, _ := samples.Get("01-jumelage-allemagne")
	p, err := wizard.Decode(sample.Data)
	if err != nil {
		t.Fatal(err)
	}
	p.Implementation.Operator = ""
	if _, err := s.Create("", p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Draft 1, only the missing answers: « Votre collectivité », the SIREN and the
	// competences passed, then the operator.
	code, out := runHere(t, "1\nnon\n\n\n\nok\nfin\n", "--db", db, "--accessible")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	want := "Proposé : Comité de jumelage de Belmont-sur-Guiers (d'après vos réponses : le comité de jumelage de la commune ; vérifiez son nom exact dans ses statuts). Tapez « ok » pour le retenir."
	if !strings.Contains(out, want) || !strings.Contains(out, "Choisi : Comité de jumelage de Belmont-sur-Guiers.") {
		t.Fatalf("output lacks the offer or the choice:\n%s", out)
	}
	s, err = storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Get(1)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Plan.Implementation.Operator; got != "Comité de jumelage de Belmont-sur-Guiers" {
		t.Fatalf("operator %q", got)
	}
}
