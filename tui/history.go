package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
	"aect/wizard/safetext"
)

// revisionsMsg carries the saved states of draft id, read in a tea.Cmd, and what
// changed in each (changes[i] for revs[i]).
type revisionsMsg struct {
	id      int64
	revs    []Revision
	changes []string
	err     error
}

// historyDialog lists the saved states of a draft (every save of the last 24 hours, then
// one a day) and restores the one chosen, after a confirmation: the state replaced stays
// in the history, so a restore can itself be undone.
type historyDialog struct {
	c       *common
	id      int64
	title   string
	revs    []Revision
	changes []string
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
		if err != nil {
			return revisionsMsg{id: id, err: err}
		}
		plans, err := store.RevisionPlans(id)
		if err != nil {
			return revisionsMsg{id: id, revs: revs, err: err}
		}
		return revisionsMsg{id: id, revs: revs, changes: revisionChanges(revs, plans)}
	}
}

// revisionChanges says what each saved state changed from the one before it (revs are
// newest first): « création » for the first, « — » when the one before was thinned
// out of the history or cannot be read.
func revisionChanges(revs []Revision, plans map[int64]*wizard.Plan) []string {
	out := make([]string, len(revs))
	for i, r := range revs {
		cur := plans[r.ID]
		switch {
		case cur == nil:
			out[i] = "—"
		case i == len(revs)-1 && r.Version == 1:
			out[i] = "création"
		case i == len(revs)-1 || plans[revs[i+1].ID] == nil:
			out[i] = "—"
		default:
			out[i] = changeSummary(plans[revs[i+1].ID], cur)
		}
	}
	return out
}

// changeSummary says in a few French words what changed from plan old to plan cur: the
// answer when only one changed (« nom du partenaire »), else the sections
// (« partenaire, séance »), then the actions and funding lines (« action 2 »,
// « +2 actions », « −1 financement »). It fits the history's column at 80 columns.
func changeSummary(old, cur *wizard.Plan) string {
	var changed []wizard.Question
	for _, q := range wizard.Questions() {
		if q.Get(old) != q.Get(cur) {
			changed = append(changed, q)
		}
	}
	var parts []string
	if len(changed) == 1 {
		if f, ok := changed[0].Ref.Field.Lookup(); ok {
			parts = append(parts, f.Name)
		}
	} else {
		for _, q := range changed {
			if n := sectionNoun[q.Section]; !slices.Contains(parts, n) {
				parts = append(parts, n)
			}
		}
	}
	if c := itemChanges(old.Actions, cur.Actions, "action", "actions"); c != "" {
		parts = append(parts, c)
	}
	if c := itemChanges(old.Funding, cur.Funding, "financement", "financements"); c != "" {
		parts = append(parts, c)
	}
	if len(parts) == 0 {
		return "aucun changement"
	}
	return strings.Join(parts, ", ")
}

// sectionNoun names the answers of a section in a summary of changes.
var sectionNoun = map[wizard.Section]string{
	wizard.SecAuthority: "collectivité", wizard.SecPartner: "partenaire", wizard.SecDomain: "domaine",
	wizard.SecForm: "forme", wizard.SecImplementation: "mise en œuvre", wizard.SecActions: "calendrier",
	wizard.SecFunding: "financement", wizard.SecSession: "séance",
}

// itemChanges says in a few characters what changed in a list of items: « +1 action »
// (added), « −2 actions » (removed), « action 2 » (one changed), « 3 actions » (several
// changed); "" when nothing did.
func itemChanges[T comparable](old, cur []T, one, many string) string {
	count := func(n int) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	switch {
	case len(cur) > len(old) && isSubsequence(old, cur):
		return "+" + count(len(cur)-len(old))
	case len(cur) < len(old) && isSubsequence(cur, old):
		return "−" + count(len(old)-len(cur))
	}
	var diff []int
	for i := range max(len(old), len(cur)) {
		if i >= len(old) || i >= len(cur) || old[i] != cur[i] {
			diff = append(diff, i)
		}
	}
	switch len(diff) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%s %d", one, diff[0]+1)
	}
	return count(len(diff))
}

// isSubsequence reports whether the items of a appear in b, in order.
func isSubsequence[T comparable](a, b []T) bool {
	j := 0
	for _, x := range b {
		if j < len(a) && a[j] == x {
			j++
		}
	}
	return j == len(a)
}

// rows is how many versions the box shows at once.
func (d *historyDialog) rows() int { return max(d.c.height-10, 3) }

func (d *historyDialog) update(msg tea.Msg) (tea.Cmd, bool) {
	if m, ok := msg.(revisionsMsg); ok {
		if m.id != d.id {
			return nil, false // the list of a dialog closed before it arrived
		}
		d.revs, d.changes, d.loaded = m.revs, m.changes, true
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
		dateW := 26                      // "1er septembre 2026 à 10:42"
		whatW := max(w-2-dateW-1-8-9, 8) // "› ", date, " ", changes, " 100 %", " actuelle"
		b.WriteString(d.c.styles.Bold.Render("  "+cell("Enregistré le", dateW)+" "+cell("Changements", whatW)+" Complet") + "\n")
		from := d.visibleFrom()
		end := min(from+d.rows(), len(d.revs))
		for i := from; i < end; i++ {
			r := d.revs[i]
			what := "—"
			if i < len(d.changes) {
				what = d.changes[i]
			}
			line := cell(savedAt(r), dateW) + " " + cell(what, whatW) + fmt.Sprintf(" %5d %%", r.Percent)
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
			count := fmt.Sprintf("%d–%d sur %d versions", from+1, end, len(d.revs))
			if hint := scrollHint(from > 0, end < len(d.revs)); hint != "" {
				count += " · " + hint
			}
			b.WriteString(d.c.styles.Subtle.Render("  "+count) + "\n")
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
