package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
	"aect/wizard/safetext"
)

// helpScreen shows every key of the screen it was opened from, the keys that work
// everywhere, the help of the current question, and where the drafts are kept.
type helpScreen struct {
	c      *common
	from   screen
	vp     viewport.Model
	width  int
	height int
}

func newHelpScreen(c *common, from screen) *helpScreen {
	h := &helpScreen{c: c, from: from}
	h.vp = viewport.New(0, 0)
	return h
}

// Init does nothing.
func (h *helpScreen) Init() tea.Cmd { return nil }

// SetSize lays the text out.
func (h *helpScreen) SetSize(w, hh int) {
	h.width, h.height = w, hh
	h.vp.Width, h.vp.Height = w, max(hh-2, 3)
	h.vp.SetContent(h.content())
}

func (h *helpScreen) content() string {
	s := h.c.styles
	w := max(h.width-4, 20)
	var b strings.Builder
	section := func(t string) { b.WriteString("\n" + s.Title.Render(t) + "\n") }
	// para writes a text wrapped to the width, indented by two cells.
	para := func(text string) {
		for _, l := range strings.Split(wrapText(wizard.Typography(text), w), "\n") {
			b.WriteString("  " + l + "\n")
		}
	}
	// keyLine writes a key and what it does, the text wrapped beside the key's column.
	keyLine := func(k, desc string) {
		for i, l := range strings.Split(wrapText(wizard.Typography(desc), max(w-15, 20)), "\n") {
			if i == 0 {
				b.WriteString("  " + s.Key.Render(cell(k, 14)) + " " + l + "\n")
			} else {
				b.WriteString("  " + strings.Repeat(" ", 15) + l + "\n")
			}
		}
	}
	if f, ok := h.from.(fieldHelper); ok {
		if title, text := f.fieldHelp(); title != "" {
			section("Question : " + wizard.Typography(title))
			para(text)
		}
	}
	section("Touches de cet écran")
	// Each key once: the first binding, the most specific to the screen, says what it does.
	seen := map[string]bool{}
	for _, group := range h.from.FullHelp() {
		for _, k := range group {
			hp := k.Help()
			if hp.Key == "" || seen[hp.Key] || !k.Enabled() {
				continue
			}
			seen[hp.Key] = true
			keyLine(hp.Key, hp.Desc)
		}
	}
	section("Partout")
	for _, l := range [][2]string{
		{"F1 ou ?", "cette aide (F1 quand vous tapez du texte)"},
		{"ctrl+g", "glossaire des termes de l'action extérieure"},
		{"échap", "revenir en arrière, fermer"},
		{"ctrl+c", "quitter (les réponses données sont enregistrées)"},
	} {
		keyLine(l[0], l[1])
	}
	section("États des sections")
	for _, st := range []wizard.State{wizard.StateEmpty, wizard.StateInProgress, wizard.StateComplete, wizard.StateToReview} {
		b.WriteString("  " + stateLabel(st) + "\n")
	}
	para("« à revoir » : une réponse d'une section précédente a changé ; rien n'a été effacé.")
	section("Vos projets")
	para("Chaque réponse est enregistrée dès que vous quittez la question.")
	if h.c.opt.DBPath != "" {
		para("Base : " + safetext.Visible(h.c.opt.DBPath))
	}
	if h.c.opt.Version != "" {
		para("aect version " + safetext.Visible(h.c.opt.Version))
	}
	para("Annuaire des collectivités : " + safetext.Visible(h.c.directoryLabel()))
	return strings.TrimPrefix(b.String(), "\n")
}

// Update scrolls and closes.
func (h *helpScreen) Update(msg tea.Msg) (tea.Cmd, reply) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, reply{}
	}
	switch km.String() {
	case "esc", "q", "?", "f1", "enter":
		return nil, reply{closed: true}
	case "up", "k":
		h.vp.ScrollUp(1)
	case "down", "j":
		h.vp.ScrollDown(1)
	case "pgup":
		h.vp.PageUp()
	case "pgdown", " ":
		h.vp.PageDown()
	}
	return nil, reply{}
}

// View draws the title and the text.
func (h *helpScreen) View() string {
	return h.c.styles.Title.Render("Aide") + h.c.styles.Subtle.Render(" — échap pour revenir") + "\n" + h.vp.View() + "\n" +
		h.c.styles.Subtle.Render(scrollHint(!h.vp.AtTop(), !h.vp.AtBottom()))
}

// ShortHelp is the footer help.
func (h *helpScreen) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "défiler")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("échap", "fermer")),
	}
}

// FullHelp is the same as ShortHelp.
func (h *helpScreen) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// contentsDialog is the table of contents of the assistant: every section with its
// state in words; entrée or the section's number opens it.
type contentsDialog struct {
	a   *assistant
	sel int
}

func newContents(a *assistant) *contentsDialog { return &contentsDialog{a: a, sel: int(a.sec)} }

func (d *contentsDialog) update(msg tea.Msg) (tea.Cmd, bool) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	s := km.String()
	switch s {
	case "up", "k":
		d.sel = max(d.sel-1, 0)
	case "down", "j":
		d.sel = min(d.sel+1, wizard.NumSections-1)
	case "enter":
		return d.a.show(wizard.Section(d.sel), "", false), true
	case "esc", "ctrl+t":
		return nil, true
	default:
		if n, err := strconv.Atoi(s); err == nil {
			if n == 0 {
				n = 10
			}
			return d.a.show(wizard.Section(n-1), "", false), true
		}
	}
	return nil, false
}

func (d *contentsDialog) view() string {
	st := d.a.c.styles
	var b strings.Builder
	for sec := wizard.Section(0); sec < wizard.NumSections; sec++ {
		line := fmt.Sprintf("%2d. %-24s %s", int(sec)+1, sec.Title(), stateLabel(d.a.state(sec)))
		if int(sec) == d.sel {
			b.WriteString(st.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	b.WriteString("\n" + st.Subtle.Render("↑/↓ puis entrée, ou le numéro (0 pour 10) · échap : fermer"))
	return dialogBox(d.a.c, "Sommaire", b.String())
}

func (d *contentsDialog) keys() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "choisir")),
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("entrée", "ouvrir")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("échap", "fermer")),
	}
}

func (d *contentsDialog) textFocused() bool { return false }
