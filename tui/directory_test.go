package tui

import (
	"strings"
	"testing"
	"time"

	"aect/wizard"
)

// dirPickerShown returns the directory field on screen.
func (h *harness) dirPicker() *dirPicker {
	h.t.Helper()
	f := h.asst().form
	if f == nil || !f.current().Directory {
		h.t.Fatalf("« Votre collectivité » is not shown:\n%s", h.view())
	}
	return f.fields[f.cur-f.start].(*dirPicker)
}

// hoveredName is the row under the cursor of the directory field.
func (p *dirPicker) hoveredName() string {
	r, ok := p.hovered()
	if !ok {
		return dirManualLabel
	}
	return resultLabel(p.c.directory(), r)
}

func TestVotreCollectiviteFindsSaintCyprienAndFillsSection1(t *testing.T) {
	for _, query := range []string{"saint cyprien", "st cyprien", "ST-CYPRIEN", "24220"} {
		t.Run(query, func(t *testing.T) {
			h, s, id := openPlan(t, &wizard.Plan{})
			if h.focused() != "authority.insee" {
				t.Fatalf("a new draft opens on %q, not on « Votre collectivité »", h.focused())
			}
			h.typeText(query)
			v := h.view()
			if strings.HasPrefix(query, "s") || strings.HasPrefix(query, "S") {
				for _, want := range []string{"Saint-Cyprien (66, Pyrénées-Orientales) · 11 995 hab.", "Saint-Cyprien (42, Loire)",
					"Saint-Cyprien (24, Dordogne) · 1 566 hab.", "Saint-Cyprien (19, Corrèze)", "4 résultats (annuaire 2026)", dirManualLabel} {
					if !strings.Contains(v, want) {
						t.Errorf("%q: the screen lacks %q:\n%s", query, want, v)
					}
				}
			}
			p := h.dirPicker()
			for i := 0; i < 12 && !strings.HasPrefix(p.hoveredName(), "Saint-Cyprien (24"); i++ {
				h.key("down")
			}
			if !strings.Contains(h.view(), "Code INSEE 24396 ; EPCI : CC Vallée de la Dordogne et Forêt Bessède.") {
				t.Errorf("the row's help does not name the EPCI:\n%s", h.view())
			}
			h.key("enter")
			h.settle()
			a := s.plan(id).Authority
			if a.Type != wizard.AuthCommune || a.Name != "Saint-Cyprien" || a.INSEE != "24396" || a.SIREN != "212403968" ||
				a.Departement != "24" || a.Population != 1566 {
				t.Fatalf("saved authority %+v", a)
			}
			// On to the first answer still needed: the executive (the SIRET, optional,
			// is a maj+tab away).
			if h.focused() != "authority.executive_name" {
				t.Errorf("after the choice: focused %q", h.focused())
			}
			flat := h.flat()
			for _, want := range []string{"Rempli d'après l'annuaire 2026 : commune de Saint-Cyprien, 24 – Dordogne, SIREN 212403968, population municipale 1 566 (2026).",
				"EPCI : CC Vallée de la Dordogne et Forêt Bessède.", "maj+tab pour revoir ces réponses ou ajouter le SIRET."} {
				if !strings.Contains(flat, want) {
					t.Errorf("the note lacks %q:\n%s", want, flat)
				}
			}
		})
	}
}

func TestFilledAnswersStayEditable(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.typeText("24396")
	h.key("enter")
	h.settle()
	// Back to the population: the field shows the directory's figure and both figures.
	h.goTo(wizard.SecAuthority, "authority.population")
	if got := h.asst().form.vals[h.asst().form.cur].s; got != "1566" {
		t.Errorf("the population field shows %q", got)
	}
	if flat := h.flat(); !strings.Contains(flat, "Annuaire 2026 : population municipale 1 566, totale 1 593. Le délai de convocation lit la population municipale.") {
		t.Errorf("no population hint:\n%s", flat)
	}
	h.key("ctrl+u")
	h.typeText("1700")
	h.key("enter")
	h.settle()
	if p := s.plan(id); p.Authority.Population != 1700 || p.Authority.INSEE != "24396" {
		t.Fatalf("the population typed is not kept: %+v", p.Authority)
	}
	// The review names the directory's figure in a conseil.
	h.run(h.asst().show(wizard.SecReview, "", false))
	h.contains("conseil")
	found := false
	for _, f := range h.asst().review.findings {
		if f.Code == wizard.CodeDirectoryPopulation && f.Severity == wizard.Advice && strings.Contains(f.Message, "1"+wizard.NBSP+"566") {
			found = true
		}
	}
	if !found {
		t.Errorf("no conseil on the population: %v", h.asst().review.findings)
	}
}

func TestAContradictionIsShownInTheReview(t *testing.T) {
	p := &wizard.Plan{Authority: wizard.Authority{INSEE: "24396", Type: wizard.AuthCommune, Name: "Saint-Cyprien", Departement: "66"}}
	h, _, _ := openPlan(t, p)
	h.run(h.asst().show(wizard.SecReview, "", false))
	var msgs []string
	for _, f := range h.asst().review.findings {
		if f.Code == wizard.CodeDirectoryDepartement && f.Severity == wizard.Warning {
			return
		}
		msgs = append(msgs, f.Message)
	}
	t.Errorf("no finding on the département: %v", msgs)
}

func TestVotreCollectiviteFindsAnEPCIByNameAndBySIREN(t *testing.T) {
	for _, query := range []string{"vallee de la dordogne bessede", "200 041 051"} {
		h, s, id := openPlan(t, &wizard.Plan{})
		h.typeText(query)
		if got := strings.ReplaceAll(h.dirPicker().hoveredName(), wizard.NBSP, " "); !strings.HasPrefix(got, "CC Vallée de la Dordogne et Forêt Bessède (24) · EPCI · 8 965 hab.") {
			t.Fatalf("%q: first match %q", query, got)
		}
		h.key("enter")
		h.settle()
		a := s.plan(id).Authority
		if a.Type != wizard.AuthCommunauteCommunes || a.Name != "Communauté de communes Vallée de la Dordogne et Forêt Bessède" ||
			a.SIREN != "200041051" || a.Population != 8965 || a.Departement != "24" || a.INSEE != "" {
			t.Errorf("%q: saved authority %+v", query, a)
		}
		h.goTo(wizard.SecAuthority, "authority.insee")
		if flat := h.flat(); !strings.Contains(flat, "Réponse actuelle : CC Vallée de la Dordogne et Forêt Bessède (24), SIREN 200041051") {
			t.Errorf("%q: the answer is not said in words:\n%s", query, flat)
		}
	}
}

func TestAnOverseasCommuneSetsItsDepartement(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.typeText("97411")
	h.key("enter")
	h.settle()
	a := s.plan(id).Authority
	dep, ok := wizard.LookupDepartement(a.Departement)
	if a.Name != "Saint-Denis" || !ok || dep.Code != "974" || !dep.Overseas {
		t.Errorf("Saint-Denis (La Réunion): %+v", a)
	}
}

func TestPasDansLAnnuaireLetsTheUserTypeTheAuthority(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{Authority: wizard.Authority{INSEE: "24396"}})
	h.goTo(wizard.SecAuthority, "authority.insee")
	h.typeText("syndicat mixte du vent")
	if flat := h.flat(); !strings.Contains(flat, "Aucune commune ni aucun EPCI ne correspond") {
		t.Errorf("no match is not said:\n%s", flat)
	}
	if got := h.dirPicker().hoveredName(); got != dirManualLabel {
		t.Errorf("the cursor is on %q", got)
	}
	h.key("enter")
	h.settle()
	if p := s.plan(id); p.Authority.INSEE != "" {
		t.Errorf("the code is kept: %+v", p.Authority)
	}
	if h.focused() != "title" {
		t.Errorf("focused %q", h.focused())
	}
	if flat := h.flat(); !strings.Contains(flat, "Collectivité hors de l'annuaire 2026 (syndicat mixte, département, région, collectivité d'un atelier) : saisissez-la aux questions suivantes.") {
		t.Errorf("no note:\n%s", flat)
	}
	// tab passes the question without choosing anything.
	h.goTo(wizard.SecAuthority, "authority.insee")
	h.key("tab")
	if h.focused() != "title" {
		t.Errorf("tab: focused %q", h.focused())
	}
}

// TestTheDirectorySearchStaysFastAndSafe: one letter, control characters and escape
// sequences, a paste of 10 000 characters: each keystroke answers quickly and the screen
// shows no control character.
func TestTheDirectorySearchStaysFastAndSafe(t *testing.T) {
	h, _, _ := openPlan(t, &wizard.Plan{})
	h.dirPicker()
	h.asst().c.directory() // loaded, as the field's warm-up does in the background
	for _, text := range []string{"s", "\x1b[2J\x07saint\x00\u202e cyprien\r\n", strings.Repeat("saint-cyprien ", 715)} {
		h.key("ctrl+u")
		start := time.Now()
		h.send(keyMsg(text))
		if d := time.Since(start); d > 200*time.Millisecond {
			t.Errorf("%.20q: %v for one key", text, d)
		}
		v := h.m.View()
		for _, bad := range []string{"\x1b[2J", "\x07", "\x00", "\u202e"} {
			if strings.Contains(v, bad) {
				t.Errorf("%.20q: the screen shows %q", text, bad)
			}
		}
		if lines := strings.Split(h.view(), "\n"); len(lines) != 24 {
			t.Errorf("%.20q: %d lines", text, len(lines))
		}
	}
	// The 10 000 characters were cut to the field's limit, and searched.
	if n := len([]rune(h.dirPicker().input.Value())); n > 100 {
		t.Errorf("the search holds %d characters", n)
	}
	h.key("ctrl+u")
	h.typeText("s")
	if p := h.dirPicker(); p.total < 1000 || len(p.results) != dirSearchLimit {
		t.Errorf("« s »: %d matches, %d listed", p.total, len(p.results))
	}
	if flat := h.flat(); !strings.Contains(flat, "premiers sur") {
		t.Errorf("many matches are not said:\n%s", flat)
	}
}

func TestTheEPCIIsOfferedForAMutualisation(t *testing.T) {
	p := &wizard.Plan{Authority: wizard.Authority{INSEE: "24396"}, Implementation: wizard.Implementation{Mode: wizard.ModeMutualisation}}
	h, s, id := openPlan(t, p)
	h.goTo(wizard.SecImplementation, "implementation.pooled_with")
	if flat := h.flat(); !strings.Contains(flat, "Communauté de communes Vallée de la Dordogne et Forêt Bessède") ||
		!strings.Contains(flat, "Proposé d'après l'annuaire : l'EPCI de la commune.") {
		t.Fatalf("the EPCI is not offered:\n%s", flat)
	}
	// Leaving without entrée takes nothing.
	h.key("shift+tab")
	h.settle()
	if got := s.plan(id).Implementation.PooledWith; len(got) != 0 {
		t.Fatalf("an offer not taken was stored: %v", got)
	}
	h.goTo(wizard.SecImplementation, "implementation.pooled_with")
	h.key("enter")
	h.settle()
	if got := s.plan(id).Implementation.PooledWith; len(got) != 1 || got[0] != "Communauté de communes Vallée de la Dordogne et Forêt Bessède" {
		t.Fatalf("entrée did not take the offer: %v", got)
	}
}

func TestTheHelpScreenNamesTheDirectory(t *testing.T) {
	h, _, _ := openPlan(t, &wizard.Plan{})
	h.key("f1")
	help, ok := h.app().over.(*helpScreen)
	if !ok {
		t.Fatalf("no help screen:\n%s", h.view())
	}
	if text := strings.Join(strings.Fields(help.content()), " "); !strings.Contains(text, "Annuaire des collectivités : 2026 (intégré)") {
		t.Errorf("the help screen does not name the directory:\n%s", text)
	}
}
