package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
	"aect/wizard/safetext"
)

// revisionsMsg carries the saved states of draft id, read in a tea.Cmd.
type revisionsMsg struct {
	id   int64
	revs []Revision
	err  error
}

// historyDialog lists the saved states of a draft (every save of the last 24 hours, then
// one a day) and restores the one chosen, after a confirmation: the state replaced stays
// in the history, so a restore can itself be undone.
type historyDialog struct {
	c       *common
	id      int64
	title   string
	revs    []Revision
	loaded  bool
	err     string
	sel     int
	offset  int
	confirm *confirmDialog
}

func newHistoryDialog(c *common, s Summary) (*historyDialog, tea.Cmd) {
	store, id := c.store, s.ID
	return &historyDialog{c: c, id: id, title: s.Title}, func() tea.Msg {
		revs, err := store.Revisions(id)
		return revisionsMsg{id: id, revs: revs, err: err}
	}
}

// rows is how many versions the box shows at once.
func (d *historyDialog) rows() int { return max(d.c.height-10, 3) }

func (d *historyDialog) update(msg tea.Msg) (tea.Cmd, bool) {
	if m, ok := msg.(revisionsMsg); ok {
		if m.id != d.id {
			return nil, false // the list of a dialog closed before it arrived
		}
		d.revs, d.loaded = m.revs, true
		if m.err != nil {
			d.err = safetext.Message(m.err.Error())
		}
		return nil, false
	}
	if d.confirm != nil {
		cmd, done := d.confirm.update(msg)
		if done {
			d.confirm = nil
		}
		return cmd, cmd != nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	k := d.c.keys
	switch {
	case key.Matches(km, k.Cancel):
		return nil, true
	case key.Matches(km, k.Up):
		d.sel = max(d.sel-1, 0)
	case key.Matches(km, k.Down):
		d.sel = min(d.sel+1, max(len(d.revs)-1, 0))
	case key.Matches(km, k.PageUp):
		d.sel = max(d.sel-d.rows(), 0)
	case key.Matches(km, k.PageDown):
		d.sel = min(d.sel+d.rows(), max(len(d.revs)-1, 0))
	case key.Matches(km, k.Top):
		d.sel = 0
	case key.Matches(km, k.Bottom):
		d.sel = max(len(d.revs)-1, 0)
	case key.Matches(km, k.Confirm):
		if d.sel == 0 || d.sel >= len(d.revs) {
			break // the current state: nothing to restore
		}
		r := d.revs[d.sel]
		d.confirm = &confirmDialog{c: d.c, title: "Rétablir une version",
			text: fmt.Sprintf("Rétablir le brouillon tel qu'il était le %s (« %s », %d\u00a0%% complet) ? L'état actuel restera dans l'historique.", savedAt(r), quoted(r.Title), r.Percent),
			yes:  func() tea.Cmd { return d.restore(r) }}
	}
	d.offset = d.visibleFrom()
	return nil, false
}

// visibleFrom is the first version shown: the selected one stays in view, even after the
// window shrank.
func (d *historyDialog) visibleFrom() int { return keepInView(d.offset, d.sel, d.rows()) }

// restore makes revision r the draft's current state, in a tea.Cmd.
func (d *historyDialog) restore(r Revision) tea.Cmd {
	store, id := d.c.store, d.id
	return func() tea.Msg {
		dr, err := store.RestoreRevision(id, r.ID)
		if err != nil {
			return homeDoneMsg{err: err}
		}
		return homeDoneMsg{info: fmt.Sprintf("Brouillon « %s » rétabli tel qu'il était le %s ; l'état précédent reste dans l'historique (h).", quoted(dr.Title), savedAt(r)), selectID: id}
	}
}

// savedAt is when a revision was saved: "25 novembre 2026 à 10:42".
func savedAt(r Revision) string { return wizard.FormatMoment(r.Saved, false) }

func (d *historyDialog) view() string {
	if d.confirm != nil {
		return d.confirm.view()
	}
	var b strings.Builder
	switch {
	case d.err != "":
		b.WriteString(d.c.styles.Err.Render("✗ " + d.err))
	case !d.loaded:
		b.WriteString("Lecture de l'historique…")
	default:
		w := min(d.c.width-4, 76) - 4
		dateW := 26                       // "1er septembre 2026 à 10:42"
		titleW := max(w-2-dateW-1-8-9, 8) // "› ", date, " ", title, " 100 %", " actuelle"
		b.WriteString(d.c.styles.Bold.Render("  "+cell("Enregistré le", dateW)+" "+cell("Titre", titleW)+" Complet") + "\n")
		from := d.visibleFrom()
		end := min(from+d.rows(), len(d.revs))
		for i := from; i < end; i++ {
			r := d.revs[i]
			line := cell(savedAt(r), dateW) + " " + cell(safetext.Line(r.Title), titleW) + fmt.Sprintf(" %5d %%", r.Percent)
			if i == 0 {
				line += " actuelle"
			}
			if i == d.sel {
				b.WriteString(d.c.styles.Selected.Render("› "+line) + "\n")
			} else {
				b.WriteString("  " + line + "\n")
			}
		}
		if len(d.revs) > d.rows() {
			b.WriteString(d.c.styles.Subtle.Render(fmt.Sprintf("  %d–%d sur %d versions", from+1, end, len(d.revs))) + "\n")
		}
		b.WriteString("\nToutes les versions des dernières 24 heures sont gardées, puis une par jour (90 jours).")
	}
	return dialogBox(d.c, "Historique de « "+quoted(d.title)+" »", b.String())
}

func (d *historyDialog) keys() []key.Binding {
	if d.confirm != nil {
		return d.confirm.keys()
	}
	k := d.c.keys
	return []key.Binding{k.Up, key.NewBinding(key.WithKeys("enter"), key.WithHelp("entrée", "rétablir cette version")), k.Cancel}
}

func (d *historyDialog) textFocused() bool { return false }
