package tui

import (
	"strings"
	"testing"

	"aect/wizard"
)

// arlesDelegating is a commune's jumelage by delegation whose operator is not named:
// the operator question offers « Comité de jumelage d'Arles ».
func arlesDelegating() *wizard.Plan {
	return &wizard.Plan{Authority: wizard.Authority{Type: wizard.AuthCommune, Name: "Arles"}, Form: wizard.FormJumelage,
		Implementation: wizard.Implementation{Mode: wizard.ModeDelegation}}
}

// An offer is an answer only once accepted with entrée: tab passes it, and typing over it
// replaces it.
func TestOfferTakenOnlyWithEnter(t *testing.T) {
	h, s, id := openPlan(t, arlesDelegating())
	h.goTo(wizard.SecImplementation, "implementation.operator")
	h.contains("Comité de jumelage d'Arles")
	h.contains("Entrée pour l'accepter")
	h.key("tab")
	h.settle()
	if got := s.plan(id).Implementation.Operator; got != "" {
		t.Fatalf("tab took the offer: %q", got)
	}

	h.goTo(wizard.SecImplementation, "implementation.operator")
	h.typeText("Amis d'Arles")
	h.key("enter")
	h.settle()
	if got := s.plan(id).Implementation.Operator; got != "Amis d'Arles" {
		t.Fatalf("typing over the offer gave %q", got)
	}

	h, s, id = openPlan(t, arlesDelegating())
	h.goTo(wizard.SecImplementation, "implementation.operator")
	h.key("enter")
	h.settle()
	if got := s.plan(id).Implementation.Operator; got != "Comité de jumelage d'Arles" {
		t.Fatalf("entrée gave %q", got)
	}
}

// Moving into an offer keeps it to be edited; on the next visit it is an offer again,
// replaced by what is typed.
func TestOfferEditedThenOfferedAgain(t *testing.T) {
	h, s, id := openPlan(t, arlesDelegating())
	h.goTo(wizard.SecImplementation, "implementation.operator")
	h.key("home")
	h.typeText("Le ")
	if v := h.view(); !strings.Contains(v, "Le Comité de jumelage d'Arles") {
		t.Fatalf("the offer is not edited:\n%s", v)
	}

	h, s, id = openPlan(t, arlesDelegating())
	h.goTo(wizard.SecImplementation, "implementation.operator")
	h.key("left")      // into the offer, not changed
	h.key("shift+tab") // back to the mode: the offer not taken
	h.settle()
	if got := s.plan(id).Implementation.Operator; got != "" {
		t.Fatalf("leaving stored %q", got)
	}
	h.goTo(wizard.SecImplementation, "implementation.operator")
	h.typeText("X")
	h.key("enter")
	h.settle()
	if got := s.plan(id).Implementation.Operator; got != "X" {
		t.Fatalf("the offer was not replaced on the next visit: %q", got)
	}
}
