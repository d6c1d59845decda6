package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard/safetext"
)

// dialog is a modal box inside a screen: it gets the keys (and the results of its own
// commands) until it closes.
type dialog interface {
	// update handles a message; done reports that the dialog closed.
	update(msg tea.Msg) (cmd tea.Cmd, done bool)
	view() string
	keys() []key.Binding
	textFocused() bool
}

// newInput returns a text input with our styles and a steady cursor (no blinking: less
// redrawing on old machines and for screen readers).
func newInput(c *common, prompt, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.PromptStyle = c.styles.Prompt
	in.PlaceholderStyle = c.styles.Placeholder
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Cursor.Style = c.styles.Selected
	in.Focus()
	return in
}

// confirmDialog asks a yes/no question: « Mettre « Titre » à la corbeille ? (o/n) ».
type confirmDialog struct {
	c     *common
	title string
	text  string
	yes   func() tea.Cmd
}

func (d *confirmDialog) update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, d.c.keys.Yes):
		return d.yes(), true
	case key.Matches(k, d.c.keys.No), key.Matches(k, d.c.keys.Cancel):
		return nil, true
	}
	return nil, false
}

func (d *confirmDialog) view() string {
	return dialogBox(d.c, d.title, safetext.Message(d.text)+" (o/n)")
}
func (d *confirmDialog) keys() []key.Binding {
	return []key.Binding{d.c.keys.Yes, d.c.keys.No}
}
func (d *confirmDialog) textFocused() bool { return false }

// promptDialog asks for one line of text (a title).
type promptDialog struct {
	c        *common
	title    string
	label    string
	input    textinput.Model
	err      string
	validate func(string) error
	ok       func(string) tea.Cmd
}

func newPrompt(c *common, title, label, value string, validate func(string) error, ok func(string) tea.Cmd) *promptDialog {
	in := newInput(c, "› ", "")
	in.CharLimit = 200
	in.Width = min(c.width-12, 60)
	in.SetValue(safetext.Line(value))
	return &promptDialog{c: c, title: title, label: label, input: in, validate: validate, ok: ok}
}

func (d *promptDialog) update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(k, d.c.keys.Confirm):
		v := strings.TrimSpace(d.input.Value())
		if d.validate != nil {
			if err := d.validate(v); err != nil {
				d.err = err.Error()
				return nil, false
			}
		}
		return d.ok(v), true
	case key.Matches(k, d.c.keys.Cancel):
		return nil, true
	}
	d.err = ""
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return cmd, false
}

func (d *promptDialog) view() string {
	text := safetext.Message(d.label) + "\n\n" + d.input.View()
	if d.err != "" {
		text += "\n\n" + d.c.styles.Err.Render("✗ "+safetext.Message(d.err))
	}
	return dialogBox(d.c, d.title, text)
}

func (d *promptDialog) keys() []key.Binding {
	return []key.Binding{d.c.keys.Confirm, d.c.keys.Cancel}
}
func (d *promptDialog) textFocused() bool { return true }

// dialogChoice is one answer of a choiceDialog.
type dialogChoice struct {
	key   string // a single letter
	label string
	run   func() tea.Cmd
}

// choiceDialog offers a few named choices (conflict: « Recharger » / « Enregistrer une
// copie »).
type choiceDialog struct {
	c       *common
	title   string
	text    string
	choices []dialogChoice
	sel     int
	// cancel is the choice taken by échap; -1 when échap does nothing.
	cancel int
}

func (d *choiceDialog) update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	switch k.String() {
	case "left", "up", "shift+tab":
		d.sel = (d.sel + len(d.choices) - 1) % len(d.choices)
		return nil, false
	case "right", "down", "tab":
		d.sel = (d.sel + 1) % len(d.choices)
		return nil, false
	case "enter":
		return d.choices[d.sel].run(), true
	case "esc":
		if d.cancel >= 0 {
			return d.choices[d.cancel].run(), true
		}
		return nil, false
	}
	for _, ch := range d.choices {
		if k.String() == ch.key {
			return ch.run(), true
		}
	}
	return nil, false
}

func (d *choiceDialog) view() string {
	var b strings.Builder
	// The text often holds an error message, which may quote raw values.
	b.WriteString(safetext.Message(d.text) + "\n")
	for i, ch := range d.choices {
		line := "  " + ch.key + " : " + ch.label
		if i == d.sel {
			line = d.c.styles.Selected.Render("› " + ch.key + " : " + ch.label)
		}
		b.WriteString("\n" + line)
	}
	return dialogBox(d.c, d.title, b.String())
}

func (d *choiceDialog) keys() []key.Binding {
	ks := []key.Binding{key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "choisir")), d.c.keys.Confirm}
	for _, ch := range d.choices {
		ks = append(ks, key.NewBinding(key.WithKeys(ch.key), key.WithHelp(ch.key, ch.label)))
	}
	return ks
}
func (d *choiceDialog) textFocused() bool { return false }
