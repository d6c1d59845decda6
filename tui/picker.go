package tui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"aect/wizard"
)

// picker is a huh field for the long choice lists (countries, départements): typing
// filters the options ignoring case and accents ("senegal" finds "Sénégal (APD, PMA)",
// "isere" finds "38 – Isère"), which huh's own Select filter does not do.
type picker struct {
	listField
	title   string
	desc    string
	options []wizard.Option
	folded  []string
	shown   []int // indexes of the options matching the filter
	cursor  int
	offset  int
	styles  *Styles
}

// listField is what the two list fields of the forms share — the searchable picker and
// the directory's search: a filter input above a list, the chosen value, the huh Field
// methods that do not depend on the list.
type listField struct {
	value   *string
	input   textinput.Model
	focused bool
	width   int
	height  int
	theme   *huh.Theme
	key     string
	// field is the list field that holds this one, which the With… methods return;
	// margin is the width beside the filter input; scroll keeps the cursor's row shown
	// in a new height.
	field  huh.Field
	margin int
	scroll func()
}

// Run is not used: the field lives in a form.
func (f *listField) Run() error { return huh.Run(f.field) }

// WithTheme sets the theme.
func (f *listField) WithTheme(t *huh.Theme) huh.Field { f.theme = t; return f.field }

// WithAccessible does nothing.
func (f *listField) WithAccessible(bool) huh.Field { return f.field }

// WithKeyMap does nothing: the field's keys are fixed.
func (f *listField) WithKeyMap(*huh.KeyMap) huh.Field { return f.field }

// WithWidth sets the width.
func (f *listField) WithWidth(w int) huh.Field {
	f.width = w
	f.input.Width = max(w-f.margin, 10)
	return f.field
}

// WithHeight sets the height.
func (f *listField) WithHeight(h int) huh.Field {
	f.height = h
	f.scroll()
	return f.field
}

// WithPosition does nothing.
func (f *listField) WithPosition(huh.FieldPosition) huh.Field { return f.field }

// Blur takes the keys away.
func (f *listField) Blur() tea.Cmd {
	f.focused = false
	f.input.Blur()
	return nil
}

// Error is always nil: only listed rows can be chosen.
func (f *listField) Error() error { return nil }

// RunAccessible is not used: the accessible mode asks the same question line by line.
func (f *listField) RunAccessible(io.Writer, io.Reader) error { return nil }

// Skip reports that the field takes input.
func (f *listField) Skip() bool { return false }

// Zoom reports that the field shares the page.
func (f *listField) Zoom() bool { return false }

// KeyBinds returns the field's keys.
func (f *listField) KeyBinds() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "parcourir")),
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("entrée", "choisir")),
	}
}

// GetKey returns the question ID.
func (f *listField) GetKey() string { return f.key }

// GetValue returns the chosen code.
func (f *listField) GetValue() any { return *f.value }

func newPicker(c *common, q *wizard.Question, value *string) *picker {
	p := &picker{listField: listField{value: value, theme: c.styles.FormTheme(), key: q.ID},
		title: wizard.Typography(q.Title), desc: wizard.Typography(q.Help), options: q.Options, styles: c.styles}
	p.folded = foldedOptions(q)
	p.input = newInput(c, "Filtre : ", "tapez quelques lettres")
	p.input.Blur()
	p.field, p.margin, p.listField.scroll = p, 14, p.scroll
	p.refilter()
	return p
}

// foldedOptions returns the folded search text of each option of q, computed once per
// question: label and code ("38 – Isère 38", "Sénégal (APD, PMA) SN").
func foldedOptions(q *wizard.Question) []string {
	if f, ok := foldCache[q.ID]; ok {
		return f
	}
	f := make([]string, len(q.Options))
	for i, o := range q.Options {
		f[i] = wizard.Fold(o.Label + " " + o.Value)
	}
	foldCache[q.ID] = f
	return f
}

// foldCache holds the folded option texts per question ID; the options of a question
// never change, and only the event loop's goroutine reads or writes it.
var foldCache = map[string][]string{}

func (p *picker) refilter() {
	words := strings.Fields(wizard.Fold(p.input.Value()))
	p.shown = p.shown[:0]
	for i := range p.options {
		if matchesAll(p.folded, i, words) {
			p.shown = append(p.shown, i)
		}
	}
	p.cursor, p.offset = 0, 0
	if len(words) == 0 {
		for i, idx := range p.shown {
			if p.options[idx].Value == *p.value {
				p.cursor = i
			}
		}
	}
	p.scroll()
}

func (p *picker) rows() int {
	used := lipgloss.Height(p.header()) + 2 // filter line and count line
	return max(p.height-used, 3)
}

func (p *picker) scroll() {
	p.offset, _ = scrollWindow(p.offset, p.cursor, len(p.shown), p.rows())
}

// hovered returns the option under the cursor.
func (p *picker) hovered() (wizard.Option, bool) {
	if p.cursor < len(p.shown) {
		return p.options[p.shown[p.cursor]], true
	}
	return wizard.Option{}, false
}

// choose takes the option under the cursor as the answer; false when none matches.
func (p *picker) choose() bool {
	o, ok := p.hovered()
	if ok {
		*p.value = o.Value
	}
	return ok
}

// Init does nothing.
func (p *picker) Init() tea.Cmd { return nil }

// Update filters on typing and moves the cursor.
func (p *picker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !p.focused {
		return p, nil
	}
	switch k.String() {
	case "up", "ctrl+p":
		if p.cursor > 0 {
			p.cursor--
		}
	case "down", "ctrl+n":
		if p.cursor < len(p.shown)-1 {
			p.cursor++
		}
	case "ctrl+u":
		p.cursor = max(p.cursor-p.rows(), 0)
	case "ctrl+d":
		p.cursor = max(min(p.cursor+p.rows(), len(p.shown)-1), 0)
	case "enter":
		if p.choose() {
			return p, huh.NextField
		}
	case "tab":
		return p, huh.NextField
	case "shift+tab":
		return p, huh.PrevField
	default:
		before := p.input.Value()
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		if p.input.Value() != before {
			p.refilter()
		}
		return p, cmd
	}
	p.scroll()
	return p, nil
}

func (p *picker) header() string {
	st := p.theme.Focused
	w := max(p.width-2, 10)
	h := st.Title.Render(wrapText(p.title, w))
	if p.desc != "" {
		h += "\n" + st.Description.Render(wrapText(p.desc, w))
	}
	return h
}

// View draws the title, the help, the filter and the visible options.
func (p *picker) View() string {
	var b strings.Builder
	b.WriteString(p.header() + "\n")
	b.WriteString(p.input.View() + "\n")
	from, end := scrollWindow(p.offset, p.cursor, len(p.shown), p.rows())
	w := max(p.width-4, 10)
	if from > 0 {
		b.WriteString("  " + p.styles.Subtle.Render(moreAbove) + "\n")
	}
	for i := from; i < end; i++ {
		o := p.options[p.shown[i]]
		label := cell(o.Label, w)
		mark := "  "
		if o.Value == *p.value {
			label = cell(o.Label+" (réponse actuelle)", w)
		}
		if i == p.cursor {
			b.WriteString(p.styles.Title.Render("› ") + p.styles.Selected.Render(label) + "\n")
		} else {
			b.WriteString(mark + label + "\n")
		}
	}
	if end < len(p.shown) {
		b.WriteString("  " + p.styles.Subtle.Render(moreBelow) + "\n")
	}
	if len(p.shown) == 0 {
		b.WriteString(p.styles.Err.Render("Aucun choix ne correspond à « "+quoted(p.input.Value())+" » : effacez des lettres.") + "\n")
	} else {
		b.WriteString(p.styles.Subtle.Render(fmt.Sprintf("%d choix sur %d — ↑/↓ puis entrée", len(p.shown), len(p.options))))
	}
	return p.theme.Focused.Base.Width(p.width).Render(strings.TrimSuffix(b.String(), "\n"))
}

// Focus gives the field the keys.
func (p *picker) Focus() tea.Cmd {
	p.focused = true
	return p.input.Focus()
}
