// Package tui is the full-screen terminal interface of aect, in French: the drafts list
// (Accueil), the guided sections of the assistant built from wizard.Questions, the
// review with the rules engine's findings, the documents preview and export, the key help
// and the glossary.
//
// Every answer is applied to the draft's plan as soon as the user leaves the field and
// saved through the Store inside a tea.Cmd, so a crash loses at most the field being
// typed. The package talks to the database only through the small Store interface.
package tui

import (
	"aect/wizard/document"
	"errors"
	"io"
	"log"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"aect/wizard/directory"
)

// Options configures the interface.
type Options struct {
	// Version is shown in the help screen.
	Version string
	// DBPath is the database file, shown in the help screen.
	DBPath string
	// ExportDir is the default export folder, editable in the export dialog.
	ExportDir string
	// Command is the command line that starts aect again on the same database, for the
	// commands the screens suggest: « aect --db atelier.db », « go run ./cmd/aect »;
	// "aect" when empty.
	Command string
	// Now gives the current time (relative dates, documents' date); time.Now when nil.
	Now func() time.Time
	// HighContrast selects the high-contrast theme.
	HighContrast bool
	// Log receives diagnostics; it must not write to the terminal. May be nil.
	Log *log.Logger
	// Directory loads the directory of collectivités in use and names it (« 2026
	// (intégré) », « 2027 (importé) »); it is called once, when « Votre collectivité »
	// is first asked, never at start-up. Nil uses the directory compiled in.
	Directory func() (d *directory.Directory, label string, err error)
	// Models are the adapted models of the documents (aect --modeles); nil for the
	// built-in ones. The Documents screen says which one each document follows.
	Models *document.Models
}

// ErrInterrupted is returned by Run when the user pressed ctrl+c; the command line maps
// it to exit code 130.
var ErrInterrupted = errors.New("interrompu par l'utilisateur")

// InterruptedError is returned by Run instead of ErrInterrupted (errors.Is matches it)
// when the answers were not simply saved: Note says, in a French sentence, where they
// went (a copy of a draft changed in another window) or what could not be written.
type InterruptedError struct{ Note string }

// Error returns the note.
func (e *InterruptedError) Error() string { return e.Note }

// Is reports whether target is ErrInterrupted.
func (e *InterruptedError) Is(target error) bool { return target == ErrInterrupted }

// New returns the root model of the interface, on the drafts list.
func New(store Store, opt Options) tea.Model { return newRoot(store, opt) }

func newRoot(store Store, opt Options) *App {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = log.New(io.Discard, "", 0)
	}
	mono := os.Getenv("NO_COLOR") != "" || lipgloss.ColorProfile() == termenv.Ascii
	a := newApp(store, opt, NewStyles(opt.HighContrast, mono))
	if path := os.Getenv("AECT_BENCH_READY"); path != "" {
		// Start-up benchmark hook (.ci/startup-bench.sh): the time of the first frame
		// showing drafts, in Unix nanoseconds. Off unless the variable is set.
		a.home.ready = func() { _ = os.WriteFile(path, []byte(strconv.FormatInt(time.Now().UnixNano(), 10)), 0o600) }
	}
	return a
}

// Run runs the interface full-screen (alternate screen) until the user quits. It returns
// nil on a normal quit and ErrInterrupted on ctrl+c, or an *InterruptedError when the
// answers need a word on exit.
func Run(store Store, opt Options) error {
	if os.Getenv("NO_COLOR") != "" {
		// NO_COLOR forbids colour, not emphasis: keep bold and reverse video (the cursor,
		// the selected line) with the monochrome styles New picks.
		lipgloss.SetColorProfile(termenv.ANSI)
	}
	m := newRoot(store, opt)
	// The first frame is the whole drafts list: the terminal's size and the first drafts
	// are read now, before the program starts, rather than awaited from its first
	// messages (a WindowSizeMsg, which then repeats the size, and a command's result,
	// which a second goroutine would deliver a few milliseconds later).
	if w, h, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 && h > 0 {
		m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	}
	m.Update(m.home.readHead())
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithoutSignalHandler())
	// Signals go through the model, so that the answer being typed and the pending
	// writes are saved before the program ends: SIGINT like ctrl+c, SIGTERM and SIGHUP
	// (the terminal closed) like a quit. Installed before the terminal is set up, so
	// that no signal finds it in raw mode without a handler.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case s := <-sigs:
				p.Send(signalMsg{interrupt: s == os.Interrupt})
			case <-done:
				return
			}
		}
	}()
	_, err := p.Run()
	if errors.Is(err, tea.ErrInterrupted) {
		if m.exitNote != "" {
			return &InterruptedError{Note: m.exitNote}
		}
		return ErrInterrupted
	}
	return err
}

// signalMsg carries a signal received by the process.
type signalMsg struct{ interrupt bool }
