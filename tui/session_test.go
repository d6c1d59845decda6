package tui

import (
	"io"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"aect/wizard"
)

// TestRemoteSessionWritesNoFile: a participant over the network has no export and no
// print, which would write on the server's machine.
func TestRemoteSessionWritesNoFile(t *testing.T) {
	s := newFakeStore()
	s.addSample(t, "02-convention-eau-senegal")
	h := newHarnessWith(t, s, 100, 30, func(o *Options) { o.Remote = true })
	h.contains("Convention")
	h.key("e")
	if h.app().home.dialog != nil {
		t.Fatal("the export dialog opened on the home screen")
	}
	if v := h.view(); strings.Contains(v, "exporter") {
		t.Errorf("the footer offers an export:\n%s", v)
	}
	h.key("enter")
	h.waitFor("the assistant", func() bool { return h.asst() != nil })
	h.key("ctrl+t")
	h.key("0") // section 10, the documents
	h.waitFor("the documents", func() bool { return h.asst().docs != nil })
	h.key("x", "i")
	if h.asst().docs.dialog != nil || h.asst().docs.printing {
		t.Error("export or print started in a remote session")
	}
	h.contains("le formateur remet les documents")
}

// TestSessionFilterSavesBeforeQuitting: a quit from outside the interface (the SSH client
// left) waits for the answers to be written.
func TestSessionFilterSavesBeforeQuitting(t *testing.T) {
	s := newFakeStore()
	h := newHarness(t, s, 100, 30)
	a := h.app()
	if got := SessionFilter(a, tea.QuitMsg{}); !reflect.DeepEqual(got, signalMsg{}) {
		t.Errorf("an outside quit became %#v, want a stop", got)
	}
	a.stopping, a.quitting = true, true
	a.c.saver.busy = true
	if got := SessionFilter(a, tea.QuitMsg{}); got != nil {
		t.Errorf("a quit during the last writes became %#v, want nothing", got)
	}
	a.c.saver.busy = false
	if got := SessionFilter(a, tea.QuitMsg{}); got != (tea.QuitMsg{}) {
		t.Errorf("the interface's own quit became %#v", got)
	}
	if got := SessionFilter(a, tea.KeyMsg{Type: tea.KeyEnter}); !reflect.DeepEqual(got, tea.KeyMsg{Type: tea.KeyEnter}) {
		t.Errorf("a key became %#v", got)
	}
}

// TestStylesFollowTheSessionRenderer: the styles and the form theme write the colours of
// the renderer given, not of the program's own terminal.
func TestStylesFollowTheSessionRenderer(t *testing.T) {
	for _, tc := range []struct {
		global, session termenv.Profile
		colour          bool
	}{
		{termenv.Ascii, termenv.ANSI, true},
		{termenv.TrueColor, termenv.Ascii, false},
	} {
		lipgloss.SetColorProfile(tc.global)
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(tc.session)
		st := StylesFor(r, false, false)
		if got := strings.Contains(st.Blocking.Render("x"), "\x1b["); got != tc.colour {
			t.Errorf("session %v, program %v: blocking style coloured %v", tc.session, tc.global, got)
		}
		n := 0
		forEachStyle(reflect.ValueOf(st.FormTheme()), func(s lipgloss.Style) {
			if _, none := s.GetForeground().(lipgloss.NoColor); none {
				return
			}
			n++
			if got := strings.Contains(s.Render("x"), "\x1b["); got != tc.colour {
				t.Errorf("session %v, program %v: a coloured theme style renders %q", tc.session, tc.global, s.Render("x"))
			}
		})
		if n == 0 {
			t.Error("no coloured style in the form theme")
		}
	}
	lipgloss.SetColorProfile(termenv.Ascii)
}

// forEachStyle calls f on every lipgloss.Style reachable through v's exported fields.
func forEachStyle(v reflect.Value, f func(lipgloss.Style)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			forEachStyle(v.Elem(), f)
		}
	case reflect.Struct:
		if s, ok := v.Interface().(lipgloss.Style); ok {
			f(s)
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				forEachStyle(v.Field(i), f)
			}
		}
	}
}

// TestKeysReadTogether: keys typed faster than they are read arrive as one message; a
// single-letter key among them still acts, and the text after it goes to the field it
// opened.
func TestKeysReadTogether(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecActions, "schedule.start")
	h.typeText("01/03/2027")
	h.key("enter")
	h.typeText("36")
	h.key("enter")
	h.contains("Aucune action")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("aRéhabilitation")})
	if h.focused() != "actions[0].title" {
		t.Fatalf("focused %q:\n%s", h.focused(), h.view())
	}
	h.key("enter")
	h.settle()
	if a := s.plan(id).Actions; len(a) != 1 || a[0].Title != "Réhabilitation" {
		t.Errorf("actions %+v", a)
	}
}
