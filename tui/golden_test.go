package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"aect/wizard"
	"aect/wizard/samples"
)

// golden runs the real program at 80 × 24 (colour profile ASCII, fixed clock), waits
// until the drafts list shows, sends the keys and waits until the screen shows want (when
// there are keys), quits and compares the last screen with testdata/<test name>.golden
// (go test ./tui -run Golden -update rewrites them).
func golden(t *testing.T, store Store, ready, want string, keys ...tea.Msg) {
	t.Helper()
	m := New(store, Options{Now: func() time.Time { return fixedNow }, ExportDir: "/tmp", DBPath: "/tmp/aect.db", Version: "test"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor := func(s string) {
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second))
	}
	waitFor(ready)
	for _, k := range keys {
		tm.Send(k)
	}
	if len(keys) > 0 {
		waitFor(want)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	teatest.RequireEqualOutput(t, []byte(ansi.Strip(fm.View())))
}

// demoStore holds the five workshop samples; draft open opens on section sec.
func demoStore(t *testing.T, open string, sec wizard.Section) *fakeStore {
	s := newFakeStore()
	for _, smp := range samples.All() {
		id := s.addSample(t, smp.Name)
		if smp.Name == open {
			// Where the user was, question included: opening the draft writes nothing,
			// so the header shows no save status.
			ui := &s.drafts[id].UI
			ui.Section = int(sec)
			if qs := wizard.SectionQuestions(sec); len(qs) > 0 {
				ui.Question = qs[0].ID
			}
		}
	}
	return s
}

func TestGoldenHomeEmpty(t *testing.T) {
	golden(t, newFakeStore(), "Bienvenue", "")
}

func TestGoldenHomeDemo(t *testing.T) {
	golden(t, demoStore(t, "", 0), "Vos projets (5)", "")
}

// The drafts are listed newest first: sample 05 first, sample 01 last.
func openLast() []tea.Msg { return []tea.Msg{keyMsg("end"), keyMsg("enter")} }

func TestGoldenSectionPartner(t *testing.T) {
	golden(t, demoStore(t, "01-jumelage-allemagne", wizard.SecPartner), "Vos projets (5)", "2/10 Partenaire", openLast()...)
}

func TestGoldenReviewWithFindings(t *testing.T) {
	s := demoStore(t, "04-partenaire-etat", wizard.SecReview)
	golden(t, s, "Vos projets (5)", "9/10 Vérification", keyMsg("down"), keyMsg("enter"))
}

func TestGoldenDocumentPreview(t *testing.T) {
	golden(t, demoStore(t, "01-jumelage-allemagne", wizard.SecDocuments), "Vos projets (5)", "10/10 Documents", openLast()...)
}
