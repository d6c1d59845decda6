package tui

import (
	"fmt"
	"log"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"aect/wizard"
	"aect/wizard/safetext"
)

// Minimum terminal size.
const (
	minWidth  = 80
	minHeight = 24
)

// common is shared by the screens: options, store, styles, keys, logger, the save queue,
// and the size of the body (the screen minus header and footer).
type common struct {
	opt    Options
	store  Store
	styles *Styles
	keys   *KeyMap
	log    *log.Logger
	saver  *saver
	// formKeys is huh's key map with French help, shared by every form, built at the
	// first form (see formKeyMap).
	formKeys *huh.KeyMap
	// draftID returns the number of the draft open in the assistant, or 0.
	draftID func() int64
	// dirs loads the directory of collectivités once, on first use (see directory).
	dirs func() dirSource
	// dirLoaded is set once the directory is loaded (or failed to load).
	dirLoaded *atomic.Bool
	// exportDir is the folder of the last export that succeeded, offered by the next
	// export dialog of the session (the database's, since one session has one).
	exportDir string
	width     int
	height    int
}

// screen is the contract of every screen: Init, an Update that returns the screen's
// command and its reply to the parent, a View, its key help and a size.
type screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (tea.Cmd, reply)
	View() string
	help.KeyMap
	SetSize(width, height int)
}

// textFocuser is implemented by screens where a text field may have focus: single-letter
// keys and "?" then type text instead of acting.
type textFocuser interface{ textFocused() bool }

// fieldHelper is implemented by screens with a current question, whose help the help
// screen shows.
type fieldHelper interface{ fieldHelp() (title, text string) }

// overlay is a full-screen page over the active screen (help, glossary); it closes
// itself by replying closed.
type overlay = screen

// draftOpenedMsg asks the root to open a draft in the assistant.
type draftOpenedMsg struct{ draft Draft }

// App is the root model: it owns the screens, routes each message to the active screen
// only, and handles the window size, ctrl+c, the help and the glossary.
type App struct {
	c        *common
	home     *homeScreen
	asst     *assistant
	active   screen
	over     overlay
	winW     int
	winH     int
	quitting bool
	// interrupted is set by ctrl+c: quit with ErrInterrupted once writes are done.
	interrupted bool
	// stopping: ctrl+c or a signal asked to end, without asking anything.
	stopping    bool
	confirmQuit bool
	// copying: a copy of the draft in conflict is being written before the program ends;
	// copyTried: it was tried once. exitNote says on exit what became of the answers when
	// it is not simply « enregistrées » (see Run).
	copying   bool
	copyTried bool
	exitNote  string
}

func newApp(store Store, opt Options, styles *Styles) *App {
	c := &common{opt: opt, store: store, styles: styles, keys: NewKeyMap(), log: opt.Log, saver: newSaver(store), dirLoaded: &atomic.Bool{}}
	c.dirs = newDirLoader(opt, c.dirLoaded)
	if opt.Remote {
		// The files would land on this machine, not the participant's.
		for _, k := range []*key.Binding{&c.keys.Export, &c.keys.ExportDocs, &c.keys.Print} {
			k.SetEnabled(false)
		}
	}
	a := &App{c: c}
	c.draftID = func() int64 {
		if a.asst != nil {
			return a.asst.id
		}
		return 0
	}
	a.home = newHome(c)
	a.active = a.home
	return a
}

// Init loads the drafts list.
func (a *App) Init() tea.Cmd { return a.home.Init() }

func (a *App) tooSmall() bool { return a.winW < minWidth || a.winH < minHeight }

// Update routes a message.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.winW, a.winH = msg.Width, msg.Height
		a.c.width, a.c.height = msg.Width, max(msg.Height-1-footerLines, 1)
		a.home.SetSize(a.c.width, a.c.height)
		if a.asst != nil {
			a.asst.SetSize(a.c.width, a.c.height)
		}
		if a.over != nil {
			a.over.SetSize(a.c.width, a.c.height)
		}
		return a, nil

	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes {
			// Typed or pasted text goes through the sanitiser before any field gets it:
			// the inputs drop control characters but keep bidirectional controls.
			msg.Runes = []rune(safetext.Text(string(msg.Runes)))
			if len(msg.Runes) == 0 {
				return a, nil
			}
			if len(msg.Runes) > 1 && !msg.Paste {
				return a, a.typedKeys(msg)
			}
		}
		return a, a.key(msg)

	case signalMsg:
		return a, a.stop(msg.interrupt)

	case savedMsg:
		cmd := a.c.saver.done(msg)
		var cmds []tea.Cmd
		cmds = append(cmds, cmd)
		if a.asst != nil {
			c, _ := a.asst.Update(msg)
			cmds = append(cmds, c)
		}
		if a.active == a.home && !a.c.saver.pending() {
			cmds = append(cmds, a.home.reload())
		}
		cmds = append(cmds, a.maybeQuit())
		return a, tea.Batch(cmds...)

	case draftCopiedMsg:
		// To the assistant even under the drafts list: the copy may be the one made
		// before the program ends (maybeQuit).
		var cmds []tea.Cmd
		if a.asst != nil {
			c, _ := a.asst.Update(msg)
			cmds = append(cmds, c)
		}
		if a.copying {
			a.copying = false
			a.exitNote = copyNote(msg)
		}
		return a, tea.Batch(append(cmds, a.maybeQuit())...)

	case draftOpenedMsg:
		a.c.saver.setVersion(msg.draft.ID, msg.draft.Version)
		a.asst = newAssistant(a.c, msg.draft)
		a.asst.SetSize(a.c.width, a.c.height)
		a.active = a.asst
		return a, a.asst.Init()

	}
	return a, a.route(msg)
}

// route gives a message to the active screen and acts on its reply.
func (a *App) route(msg tea.Msg) tea.Cmd {
	cmd, r := a.active.Update(msg)
	switch {
	case r.home:
		a.active = a.home
		return tea.Batch(cmd, a.home.reload())
	case r.quit:
		a.quitting = true
		return tea.Batch(cmd, a.maybeQuit())
	}
	return cmd
}

// doneWriting reports whether the interface has decided to quit and has no write left:
// a quit then loses nothing.
func (a *App) doneWriting() bool {
	return (a.quitting || a.interrupted) && !a.c.saver.pending() && !a.copying
}

// maybeQuit quits when asked to and every write is done. Ending without asking (ctrl+c,
// a signal) while the draft is in conflict with another window first saves the answers
// as a copy: they would be lost otherwise.
func (a *App) maybeQuit() tea.Cmd {
	if !a.quitting && !a.interrupted {
		return nil
	}
	if a.c.saver.pending() || a.copying {
		return nil
	}
	if a.stopping && !a.copyTried && a.asst != nil && a.c.saver.conflict(a.asst.id) {
		a.copyTried, a.copying = true, true
		return a.asst.saveCopy()
	}
	if a.c.saver.failed() && !a.stopping && !a.confirmQuit {
		a.quitting = false
		a.confirmQuit = true
		return nil
	}
	if err := a.c.saver.firstError(); err != nil && a.exitNote == "" {
		a.exitNote = "Des réponses n'ont pas pu être enregistrées : " + err.Error() + "."
	}
	if a.interrupted {
		return tea.Interrupt
	}
	return tea.Quit
}

// stop ends the program once the answer being typed and the pending writes are saved:
// ctrl+c or SIGINT (interrupt), SIGTERM or SIGHUP. A second request does not wait.
func (a *App) stop(interrupt bool) tea.Cmd {
	if a.stopping {
		if a.interrupted {
			return tea.Interrupt
		}
		return tea.Quit
	}
	a.stopping = true
	if interrupt {
		a.interrupted = true
	} else {
		a.quitting = true
	}
	var flush tea.Cmd
	if a.asst != nil {
		flush = a.asst.flush()
	}
	return tea.Sequence(flush, a.maybeQuit())
}

// copyNote says on exit where the answers of a draft in conflict went.
func copyNote(m draftCopiedMsg) string {
	if m.err != nil {
		return "Ce brouillon avait été modifié dans une autre fenêtre et la copie de vos réponses a échoué (" +
			m.err.Error() + ") : les dernières réponses données n'ont pas été enregistrées."
	}
	return fmt.Sprintf("Ce brouillon avait été modifié dans une autre fenêtre : vos réponses sont enregistrées dans une copie, le brouillon n° %d « %s ».",
		m.draft.ID, quoted(m.draft.Title))
}

func (a *App) key(msg tea.KeyMsg) tea.Cmd {
	k := a.c.keys
	if key.Matches(msg, k.Interrupt) {
		return a.stop(true)
	}
	if a.tooSmall() && !a.quitting && !a.interrupted && key.Matches(msg, k.Quit) {
		// Nothing on screen takes text: q quits, the answers saved first.
		return a.stop(false)
	}
	if a.tooSmall() || a.quitting || a.interrupted {
		return nil
	}
	if a.confirmQuit {
		switch {
		case key.Matches(msg, k.Yes), key.Matches(msg, k.Quit):
			a.interrupted = false
			a.quitting = true
			return tea.Quit
		case key.Matches(msg, k.No), key.Matches(msg, k.Cancel):
			a.confirmQuit = false
		}
		return nil
	}
	if key.Matches(msg, k.Glossary) {
		if _, open := a.over.(*glossaryScreen); open {
			a.over = nil // the key that opens it closes it
		} else {
			a.openOverlay(newGlossary(a.c))
		}
		return nil
	}
	if a.over != nil {
		cmd, r := a.over.Update(msg)
		if r.closed {
			a.over = nil
		}
		return cmd
	}
	textFocus := false
	if f, ok := a.active.(textFocuser); ok {
		textFocus = f.textFocused()
	}
	if key.Matches(msg, k.HelpText) || (!textFocus && key.Matches(msg, k.Help)) {
		a.openOverlay(newHelpScreen(a.c, a.active))
		return nil
	}
	return a.route(msg)
}

// typedKeys handles letters that arrived as one message: keys typed faster than they are
// read (over SSH, on a busy machine) reach the program together. Where no text field
// has focus, each letter is a key of its own, so that a single-letter key acts before
// the text that follows goes to the field it opens (« a », then an action's title).
func (a *App) typedKeys(msg tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for runes := msg.Runes; len(runes) > 0; runes = runes[1:] {
		if a.over != nil || a.confirmQuit || a.textFocused() {
			cmds = append(cmds, a.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: runes, Alt: msg.Alt}))
			break
		}
		cmds = append(cmds, a.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: runes[:1], Alt: msg.Alt}))
	}
	return tea.Batch(cmds...)
}

// textFocused reports whether a text field of the active screen has focus.
func (a *App) textFocused() bool {
	f, ok := a.active.(textFocuser)
	return ok && f.textFocused()
}

func (a *App) openOverlay(o overlay) {
	o.SetSize(a.c.width, a.c.height)
	a.over = o
}

// View draws the header, the active screen (or overlay) and the key help.
func (a *App) View() string {
	if a.winW == 0 {
		return ""
	}
	if a.tooSmall() {
		msg := fmt.Sprintf("Fenêtre trop petite : agrandissez-la à au moins %d × %d (actuellement %d × %d).\n\n"+
			"q ou ctrl+c : quitter (vos réponses sont enregistrées).", minWidth, minHeight, a.winW, a.winH)
		return lipgloss.NewStyle().Width(a.winW).Render(wrapText(wizard.Typography(msg), max(a.winW-1, 10)))
	}
	var body string
	var keys help.KeyMap = a.active
	switch {
	case a.confirmQuit:
		body = dialogBox(a.c, "Quitter ?", "Des réponses n'ont pas pu être enregistrées (voir le message d'erreur).\nQuitter quand même ? (o/n)")
		keys = staticKeys{k: []key.Binding{a.c.keys.Yes, a.c.keys.No}}
	case a.over != nil:
		body = a.over.View()
		keys = a.over
	default:
		body = a.active.View()
	}
	var global []key.Binding
	if a.over == nil && !a.confirmQuit {
		global = a.globalKeys()
	}
	return a.header() + "\n" + fit(body, a.c.width, a.c.height) + "\n" + a.footer(keys.ShortHelp(), global)
}

// footerLines is the height of the key help at the bottom.
const footerLines = 2

// footer lays the key help out on footerLines lines: the screen's keys, as many as fit,
// then the global keys (help, glossary), which always find room: the screen's last keys
// give way to them (the help screen lists every key).
func (a *App) footer(bindings, global []key.Binding) string {
	s := a.c.styles.Help
	type item struct {
		text  string
		width int
	}
	render := func(bs []key.Binding) []item {
		var out []item
		for _, b := range bs {
			if h := b.Help(); b.Enabled() && h.Key != "" {
				t := s.ShortKey.Render(h.Key) + " " + s.ShortDesc.Render(h.Desc)
				out = append(out, item{t, lipgloss.Width(t)})
			}
		}
		return out
	}
	own, always := render(bindings), render(global)
	// rowsFor returns the row of each item laid out in order, as many per line as fit.
	rowsFor := func(items []item) []int {
		rows := make([]int, len(items))
		row, width := 0, 0
		for i, it := range items {
			if width > 0 && width+3+it.width > a.winW {
				row, width = row+1, 0
			}
			if width > 0 {
				width += 3
			}
			rows[i], width = row, width+it.width
		}
		return rows
	}
	items := append(slices.Clip(own), always...)
	rows := rowsFor(items)
	for n := len(own); n > 0 && rows[len(rows)-1] >= footerLines; n-- {
		items = append(slices.Clip(own[:n-1]), always...)
		rows = rowsFor(items)
	}
	sep := s.ShortSeparator.Render(" • ")
	lines := make([]string, footerLines)
	for i, it := range items {
		if r := rows[i]; r < footerLines {
			if lines[r] != "" {
				lines[r] += sep
			}
			lines[r] += it.text
		}
	}
	return strings.Join(lines, "\n")
}

// globalKeys are the keys shown in every footer.
func (a *App) globalKeys() []key.Binding {
	help := a.c.keys.Help
	if f, ok := a.active.(textFocuser); ok && f.textFocused() && a.over == nil {
		help = a.c.keys.HelpText
	}
	return []key.Binding{help, a.c.keys.Glossary}
}

func (a *App) header() string {
	s := a.c.styles
	left := s.HeaderTitle.Render("aect")
	if a.active == a.asst && a.asst != nil {
		left += " · " + safetext.Line(a.asst.draftTitle())
	} else {
		left += " · Accueil"
	}
	right := ""
	switch {
	case a.c.saver.failed():
		right = s.Err.Render("! non enregistré")
	case a.c.saver.pending():
		right = s.Busy.Render("… enregistrement")
	case a.asst != nil && a.active == a.asst && a.asst.savedOnce:
		right = s.OK.Render("✓ enregistré")
	}
	if a.quitting || a.interrupted {
		right = s.Busy.Render("… fermeture")
	}
	w := a.winW - lipgloss.Width(right) - 1
	return s.Header.Render(cell(left, w)) + " " + right
}

// staticKeys is a fixed key help.
type staticKeys struct{ k []key.Binding }

func (s staticKeys) ShortHelp() []key.Binding  { return s.k }
func (s staticKeys) FullHelp() [][]key.Binding { return [][]key.Binding{s.k} }

// dialogBox draws a modal box at the top of the body, centred across. The title is plain
// text, shown on one clean line (safetext.Line); the text may hold our styles, so each
// dialog cleans the values it puts in it.
func dialogBox(c *common, title, text string) string {
	w := min(c.width-4, 76)
	content := c.styles.Title.Render(safetext.Line(title)) + "\n\n" + wrapText(wizard.Typography(text), w-4)
	box := c.styles.Dialog.Width(w).Render(content)
	return "\n" + lipgloss.PlaceHorizontal(c.width, lipgloss.Center, box)
}

// formKeyMap returns the forms' key map, built at its first use: the drafts list, the
// first screen, has no form.
func (c *common) formKeyMap() *huh.KeyMap {
	if c.formKeys == nil {
		c.formKeys = formKeyMap()
	}
	return c.formKeys
}
