package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
)

// listKind is what differs between the two lists of items: the actions (section 6,
// section_actions.go) and the funding lines (section 7, section_budget.go).
type listKind interface {
	// field is the list: wizard.FieldActions or wizard.FieldFunding.
	field() wizard.FieldID
	// describe is one line about item i.
	describe(p *wizard.Plan, i int) string
	// summary is the lines above the items (totals), and a note under some items.
	summary(l *listEdit) (head string, notes map[int]string)
	// nouns are "Aucune action pour l'instant." and "une action".
	nouns() (none, one string)
}

// listEdit shows the items of a list — the actions or the funding lines: add, edit and
// remove items; an item is edited with a qform over its wizard.ItemQuestions.
type listEdit struct {
	c       *common
	plan    *wizard.Plan
	kind    listKind
	pending map[string]string
	marks   map[string]string
	cursor  int
	// item is the form of the item being edited (index editing), or nil.
	item    *qform
	editing int
	dialog  dialog
	// toRemove is the item whose removal was just confirmed, or -1.
	toRemove int
	width    int
	height   int
}

// newListEdit makes the list of the section: the actions or the funding lines.
func newListEdit(c *common, p *wizard.Plan, sec wizard.Section, pending, marks map[string]string) *listEdit {
	var kind listKind = actionsList{}
	if sec == wizard.SecFunding {
		kind = budgetList{}
	}
	return &listEdit{c: c, plan: p, kind: kind, pending: pending, marks: marks, toRemove: -1}
}

func (l *listEdit) count() int { return wizard.ItemCount(l.plan, l.kind.field()) }

// prefix is the JSON path of the list: "actions" or "funding".
func (l *listEdit) prefix() string { return string(l.kind.field()) }

func (l *listEdit) questions(i int) []wizard.Question { return wizard.ItemQuestions(l.kind.field(), i) }

// itemName is "Action 2" or "Financement 3".
func (l *listEdit) itemName(i int) string { return wizard.ItemName(l.kind.field(), i) }

// SetSize sets the size.
func (l *listEdit) SetSize(w, h int) {
	l.width, l.height = w, h
	if l.item != nil {
		l.item.SetSize(w, h-1)
	}
}

func (l *listEdit) editingItem() bool { return l.item != nil }

// jump opens the item an answer belongs to ("actions[2].cost"), on that question.
func (l *listEdit) jump(r wizard.Ref) tea.Cmd {
	i, ok := r.Item()
	if !ok || !r.Field.InList() || i >= l.count() {
		return nil
	}
	l.cursor = i
	return l.edit(i, r.ID())
}

// edit opens item i, on question field when given.
func (l *listEdit) edit(i int, field string) tea.Cmd {
	f := newQForm(l.c, l.plan, l.questions(i), l.pending, l.marks)
	f.SetSize(l.width, l.height-1)
	at := f.firstUnanswered()
	if field != "" {
		if j := findQuestion(f.qs, field); j >= 0 {
			at = j
		}
	}
	cmd, _ := f.focus(at)
	l.item, l.editing = f, i
	return cmd
}

// add appends an empty item and opens it.
func (l *listEdit) add() (tea.Cmd, reply) {
	i := wizard.AddItem(l.plan, l.kind.field())
	l.cursor = i
	cmd := l.edit(i, "")
	return cmd, reply{changed: []string{fmt.Sprintf("%s[%d]", l.prefix(), i)}}
}

// remove deletes item i; the invalid answers and the marks kept for the list are
// dropped since the items' numbers change.
func (l *listEdit) remove(i int) reply {
	wizard.RemoveItem(l.plan, l.kind.field(), i)
	for _, m := range []map[string]string{l.pending, l.marks} {
		for id := range m {
			if strings.HasPrefix(id, l.prefix()+"[") {
				delete(m, id)
			}
		}
	}
	l.cursor = max(0, min(l.cursor, l.count()-1))
	return reply{changed: []string{l.prefix()}}
}

func (l *listEdit) empty(i int) bool { return wizard.ItemEmpty(l.plan, l.kind.field(), i) }

// closeItem leaves the item form; an item left entirely empty is removed.
func (l *listEdit) closeItem() reply {
	res := l.item.flush()
	i := l.editing
	l.item = nil
	if i < l.count() && l.empty(i) && !l.hasPending(i) {
		r := l.remove(i)
		res.changed = append(res.changed, r.changed...)
	}
	return res
}

func (l *listEdit) hasPending(i int) bool { return l.hasKey(l.pending, i) }

// hasKey reports whether a map of answers (invalid ones, marks) holds one of item i.
func (l *listEdit) hasKey(m map[string]string, i int) bool {
	p := fmt.Sprintf("%s[%d].", l.prefix(), i)
	for id := range m {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// flush stores the answer being typed.
func (l *listEdit) flush() reply {
	if l.item != nil {
		return l.item.flush()
	}
	return reply{}
}

// Update handles a message; done means "go to the next section", backOut "go back".
func (l *listEdit) Update(msg tea.Msg) (tea.Cmd, reply) {
	if l.dialog != nil {
		cmd, done := l.dialog.update(msg)
		if done {
			l.dialog = nil
		}
		if res, ok := l.removed(); ok {
			return cmd, res
		}
		return cmd, reply{}
	}
	k := l.c.keys
	if l.item != nil {
		km, isKey := msg.(tea.KeyMsg)
		if isKey && key.Matches(km, k.Back) {
			return nil, l.closeItem()
		}
		cmd, res := l.item.Update(msg)
		if res.done || res.backOut {
			r := l.closeItem()
			res.changed = append(res.changed, r.changed...)
			res.done, res.backOut = false, false
		}
		return cmd, res
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, reply{}
	}
	switch {
	case key.Matches(km, k.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(km, k.Down):
		l.cursor = max(min(l.cursor+1, l.count()-1), 0)
	case key.Matches(km, k.Add):
		return l.add()
	case key.Matches(km, k.Edit):
		if l.count() == 0 {
			return l.add()
		}
		return l.edit(l.cursor, ""), reply{}
	case key.Matches(km, k.Remove):
		if l.count() > 0 {
			i := l.cursor
			l.toRemove = -1
			l.dialog = &confirmDialog{c: l.c, title: "Supprimer", text: "Supprimer « " + l.itemName(i) + " : " + l.kind.describe(l.plan, i) + " » ?",
				yes: func() tea.Cmd { l.toRemove = i; return nil }}
		}
	case km.String() == "tab":
		return nil, reply{done: true}
	case key.Matches(km, k.PrevField):
		return nil, reply{backOut: true}
	}
	return nil, reply{}
}

// removed reports the removal confirmed in the dialog.
func (l *listEdit) removed() (reply, bool) {
	if l.toRemove < 0 {
		return reply{}, false
	}
	i := l.toRemove
	l.toRemove = -1
	return l.remove(i), true
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// textFocused reports whether an item's text field has focus.
func (l *listEdit) textFocused() bool {
	if l.dialog != nil {
		return l.dialog.textFocused()
	}
	return l.item != nil && l.item.textFocused()
}

// View draws the item form, or the list with its summary: a line per item, marked when
// an answer of it is invalid or to review, with the list's note under it.
func (l *listEdit) View() string {
	s := l.c.styles
	if l.dialog != nil {
		return l.dialog.view()
	}
	if l.item != nil {
		return s.Bold.Render(l.itemName(l.editing)) + s.Subtle.Render(" — échap : revenir à la liste") + "\n" + l.item.View()
	}
	var b strings.Builder
	head, notes := l.kind.summary(l)
	b.WriteString(head)
	b.WriteString("\n")
	n := l.count()
	none, one := l.kind.nouns()
	if n == 0 {
		b.WriteString(none + "\n")
		b.WriteString("\n" + s.Key.Render("a") + " : ajouter " + one)
		b.WriteString(" · " + s.Key.Render("tab") + " : section suivante\n")
		return b.String()
	}
	// An item with a note takes two rows: the item, then its note.
	rowsOf := func(i int) int {
		if _, ok := notes[i]; ok {
			return 2
		}
		return 1
	}
	used := strings.Count(b.String(), "\n") + 2
	room := max(l.height-used, 3)
	total := 0
	for i := range n {
		total += rowsOf(i)
	}
	if total > room {
		room = max(room-2, 2) // the lines « plus haut ↑ » and « plus bas ↓ »
	}
	cursor := max(min(l.cursor, n-1), 0)
	start, left := cursor, room-rowsOf(cursor)
	for start > 0 && left >= rowsOf(start-1) {
		start--
		left -= rowsOf(start)
	}
	if start > 0 {
		b.WriteString("  " + s.Subtle.Render(moreAbove) + "\n")
	}
	end := start
	for i := start; i < n && room >= rowsOf(i); i++ {
		end = i + 1
		room -= rowsOf(i)
		desc := l.itemName(i) + " : " + l.kind.describe(l.plan, i)
		switch {
		case l.hasPending(i):
			desc = "✗ à corriger · " + desc
		case l.hasKey(l.marks, i):
			desc = "↻ à revoir · " + desc
		}
		line := cell(desc, l.width-2)
		if i == l.cursor {
			b.WriteString(s.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
		if note, ok := notes[i]; ok {
			b.WriteString("    " + s.Err.Render(cell(note, l.width-5)) + "\n")
		}
	}
	if end < n {
		b.WriteString("  " + s.Subtle.Render(moreBelow) + "\n")
	}
	b.WriteString("\n" + s.Subtle.Render("a : ajouter · entrée : modifier · x : supprimer · tab : section suivante"))
	return b.String()
}

// ShortHelp is the footer help.
func (l *listEdit) ShortHelp() []key.Binding {
	k := l.c.keys
	if l.dialog != nil {
		return l.dialog.keys()
	}
	if l.item != nil {
		return fieldKeys(l.c, l.item.current())
	}
	return []key.Binding{k.Up, k.Add, k.Edit, k.Remove, key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "continuer"))}
}
