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

	// Renderer is the renderer of the terminal the interface draws on when it is not the
	// program's own (an SSH session's, made with wish's bubbletea.MakeRenderer): the
	// styles are bound to it. Nil for the program's own terminal.
	Renderer *lipgloss.Renderer
	// NoColor asks for the monochrome styles (NO_COLOR set for that terminal). The
	// program's own terminal also gets them when NO_COLOR is in the process's
	// environment.
	NoColor bool
	// Remote is set when the interface serves a workshop participant over the network
	// (aect serve): it writes no file and prints nothing on this machine, which is not
	// the participant's (export and print are off: the trainer writes everyone's
	// documents at the end), and does not offer the command line.
	Remote bool
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
	a := newApp(store, opt, optionStyles(opt))
	if path := os.Getenv("AECT_BENCH_READY"); path != "" {
		// Start-up benchmark hook (.ci/startup-bench.sh): the time of the first frame
		// showing drafts, in Unix nanoseconds. Off unless the variable is set.
		a.home.ready = func() { _ = os.WriteFile(path, []byte(strconv.FormatInt(time.Now().UnixNano(), 10)), 0o600) }
	}
	return a
}

// optionStyles builds the styles for the terminal of opt: its renderer's, or the
// program's own.
func optionStyles(opt Options) *Styles {
	r := opt.Renderer
	noColor := opt.NoColor
	if r == nil {
		r = lipgloss.DefaultRenderer()
		noColor = noColor || os.Getenv("NO_COLOR") != ""
	}
	return StylesFor(r, opt.HighContrast, noColor || r.ColorProfile() == termenv.Ascii)
}

// Stop returns the message that ends the interface the way SIGTERM ends Run: the answer
// being typed and the pending writes are saved, then the program quits by itself. aect
// serve sends it to every session when the server stops.
func Stop() tea.Msg { return signalMsg{} }

// SessionFilter is the tea.WithFilter of an interface whose end is not always the user's
// choice (an SSH session: the client leaves, the connection times out). A tea.QuitMsg
// that does not come from the interface itself becomes a Stop, so that no answer given is
// lost: the interface saves the answer being typed and the pending writes, then quits.
func SessionFilter(m tea.Model, msg tea.Msg) tea.Msg {
	a, ok := m.(*App)
	if _, quit := msg.(tea.QuitMsg); !quit || !ok || a.doneWriting() {
		return msg
	}
	if a.stopping {
		return nil // already on its way out, once the writes are done
	}
	return signalMsg{}
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
