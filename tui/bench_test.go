package tui

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
)

// benchApp returns the root model at 80 × 24 on a fake store, without running commands:
// a benchmark measures Update and View only.
func benchApp(b *testing.B, s *fakeStore) *App {
	b.Helper()
	a := New(s, Options{Now: func() time.Time { return fixedNow }}).(*App)
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	items, _ := s.List("")
	a.Update(listMsg{items: items})
	return a
}

// benchOpen opens draft id in the assistant on question field of section sec.
func benchOpen(b *testing.B, a *App, s *fakeStore, id int64, sec wizard.Section, field string) {
	b.Helper()
	d, err := s.Get(id)
	if err != nil {
		b.Fatal(err)
	}
	a.Update(draftOpenedMsg{draft: d})
	a.asst.show(sec, field, false)
	if got := a.asst.form.current().ID; got != field {
		b.Fatalf("focused %s", got)
	}
}

func keystrokes(b *testing.B, a *App, keys ...tea.KeyMsg) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Update(keys[i%len(keys)])
		_ = a.View()
	}
}

// BenchmarkKeystrokeForm: one key typed into a text field of a section form (a letter,
// then backspace, alternately), Update then View.
func BenchmarkKeystrokeForm(b *testing.B) {
	s := newFakeStore()
	id := s.addSample(b, "02-convention-eau-senegal")
	a := benchApp(b, s)
	benchOpen(b, a, s, id, wizard.SecAuthority, "authority.name")
	keystrokes(b, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'é'}}, tea.KeyMsg{Type: tea.KeyBackspace})
}

// BenchmarkKeystrokeCountryFilter: one letter typed into the country picker's filter.
func BenchmarkKeystrokeCountryFilter(b *testing.B) {
	s := newFakeStore()
	id := s.addSample(b, "02-convention-eau-senegal")
	a := benchApp(b, s)
	benchOpen(b, a, s, id, wizard.SecPartner, "partner.country")
	keystrokes(b, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'s'}}, tea.KeyMsg{Type: tea.KeyBackspace})
}

// BenchmarkKeystrokeHome1000: one ↓ (or ↑ on the way back) in the drafts list holding
// 1 000 drafts, Update then View.
func BenchmarkKeystrokeHome1000(b *testing.B) {
	s := newFakeStore()
	for i := range 1000 {
		if _, err := s.Create("", &wizard.Plan{Title: fmt.Sprintf("Projet n° %d à Évry", i)}); err != nil {
			b.Fatal(err)
		}
	}
	a := benchApp(b, s)
	if len(a.home.items) != 1000 {
		b.Fatalf("%d drafts", len(a.home.items))
	}
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	keys := make([]tea.KeyMsg, 0, 2000)
	for range 999 {
		keys = append(keys, down)
	}
	for range 999 {
		keys = append(keys, up)
	}
	keystrokes(b, a, keys...)
}

// BenchmarkNextQuestion: entrée on an answered question — store the answer, recompute the
// progress, queue the save, show the next question.
func BenchmarkNextQuestion(b *testing.B) {
	s := newFakeStore()
	id := s.addSample(b, "02-convention-eau-senegal")
	a := benchApp(b, s)
	benchOpen(b, a, s, id, wizard.SecSession, "session.secretary")
	enter, back := tea.KeyMsg{Type: tea.KeyEnter}, tea.KeyMsg{Type: tea.KeyShiftTab}
	keystrokes(b, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'x'}}, enter, back, tea.KeyMsg{Type: tea.KeyBackspace}, enter, back)
}

// BenchmarkKeystrokeDirectory: one key in « Votre collectivité », Update then View: the
// letters of « saint cyprien » typed then erased, each one a search of the 36 000
// communes and EPCI (the directory loaded beforehand, as the field's warm-up does).
func BenchmarkKeystrokeDirectory(b *testing.B) {
	s := newFakeStore()
	d, err := s.Create("Jumelage", &wizard.Plan{})
	if err != nil {
		b.Fatal(err)
	}
	a := benchApp(b, s)
	benchOpen(b, a, s, d.ID, wizard.SecAuthority, "authority.insee")
	a.c.directory()
	var keys []tea.KeyMsg
	for _, r := range "saint cyprien" {
		keys = append(keys, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	for range "saint cyprien" {
		keys = append(keys, tea.KeyMsg{Type: tea.KeyBackspace})
	}
	keystrokes(b, a, keys...)
}
