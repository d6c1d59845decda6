package tui

import (
	"aect/wizard/document"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
	"aect/wizard/safetext"
)

// reviewItem is one selectable block of the review: a finding or a section's answers.
type reviewItem struct {
	finding *wizard.Finding
	sec     wizard.Section
	first   int // first line of the block
	last    int
}

// reviewScreen is the Vérification section: the rules engine's findings with their
// legal reference, then every answer by section. entrée on a finding opens the question
// concerned; e (or entrée) on a section opens it.
type reviewScreen struct {
	c        *common
	plan     *wizard.Plan
	states   [wizard.NumSections]wizard.State
	pending  map[string]string
	findings []wizard.Finding
	lines    []string
	items    []reviewItem
	cursor   int
	offset   int
	width    int
	height   int
	// readOnly: the trainer projects a participant's draft; nothing leads to a question.
	readOnly bool
}

func newReview(c *common, p *wizard.Plan, states [wizard.NumSections]wizard.State, pending map[string]string) *reviewScreen {
	return &reviewScreen{c: c, plan: p, states: states, pending: pending,
		findings: wizard.WithDirectory(document.Check(p, c.docOptions()), p, c.directoryFor(p))}
}

// SetSize lays the content out for the width.
func (r *reviewScreen) SetSize(w, h int) {
	r.width, r.height = w, h
	r.build()
	r.scroll()
}

func (r *reviewScreen) build() {
	s := r.c.styles
	w := max(r.width-4, 20)
	r.lines, r.items = nil, nil
	add := func(l string) { r.lines = append(r.lines, l) }
	counts := map[wizard.Severity]int{}
	for _, f := range r.findings {
		counts[f.Severity]++
	}
	add(s.Title.Render("Constats : " + wizard.CountOf(counts[wizard.Blocking], "point bloquant", "points bloquants") + ", " +
		wizard.CountOf(counts[wizard.Warning], "point d'attention", "points d'attention") + ", " +
		wizard.CountOf(counts[wizard.Advice], "conseil", "conseils")))
	if len(r.findings) == 0 {
		add("Aucun constat : le projet ne présente aucun problème connu des règles de aect.")
	} else if !r.readOnly {
		add(s.Subtle.Render("entrée sur un constat : aller à la question concernée"))
	}
	for i := range r.findings {
		f := &r.findings[i]
		it := reviewItem{finding: f, sec: f.Section, first: len(r.lines)}
		tag := "[" + f.Severity.String() + "] "
		text := wrapText(tag+wizard.Typography(safetext.Line(f.Message)), w) // a message may quote a name from the draft
		for j, l := range strings.Split(text, "\n") {
			if j == 0 {
				l = s.severityStyle(f.Severity).Render(tag) + strings.TrimPrefix(l, tag)
			}
			add("  " + l)
		}
		if f.Reference != "" {
			for _, l := range strings.Split(wrapText(wizard.Typography("Référence : "+f.Reference), w-2), "\n") {
				add("    " + s.Subtle.Render(l))
			}
		}
		it.last = len(r.lines) - 1
		r.items = append(r.items, it)
	}
	add("")
	if r.readOnly {
		add(s.Title.Render("Les réponses, section par section"))
	} else {
		add(s.Title.Render("Vos réponses, section par section") + s.Subtle.Render(" — e : modifier la section"))
	}
	for sec := wizard.SecAuthority; sec <= wizard.SecSession; sec++ {
		it := reviewItem{sec: sec, first: len(r.lines)}
		add(fmt.Sprintf("  %d. %s — %s", int(sec)+1, sec.Title(), s.stateStyle(r.states[sec]).Render(stateLabel(r.states[sec]))))
		for _, l := range r.answers(sec) {
			add("     " + cell(l, w-3))
		}
		it.last = len(r.lines) - 1
		r.items = append(r.items, it)
	}
}

// answers lists the answers of a section as "Question : réponse".
func (r *reviewScreen) answers(sec wizard.Section) []string {
	var out []string
	ask := func(qs []wizard.Question) {
		for i := range qs {
			q := &qs[i]
			if !q.AppliesTo(r.plan) {
				continue
			}
			v := "—"
			if a := q.Get(r.plan); a != "" {
				v = answerText(q, a)
			}
			if raw, bad := r.pending[q.ID]; bad {
				v = "✗ « " + quotedRaw(raw) + " » (à corriger)"
			}
			out = append(out, q.Title+" : "+v)
		}
	}
	ask(wizard.SectionQuestions(sec))
	switch sec {
	case wizard.SecActions:
		for i := range r.plan.Actions {
			out = append(out, wizard.ItemName(wizard.FieldActions, i)+" : "+actionsList{}.describe(r.plan, i))
		}
		if len(r.plan.Actions) == 0 {
			out = append(out, "Aucune action.")
		}
	case wizard.SecFunding:
		for i := range r.plan.Funding {
			out = append(out, wizard.ItemName(wizard.FieldFunding, i)+" : "+budgetList{}.describe(r.plan, i))
		}
		out = append(out, fmt.Sprintf("Total : dépenses %s, financements %s",
			wizard.FormatAmount(r.plan.TotalCost()), wizard.FormatAmount(r.plan.TotalFunding())))
	}
	return out
}

// inner is the lines a selected block is kept within: the height, less the lines
// « plus haut ↑ » and « plus bas ↓ » when the review does not fit.
func (r *reviewScreen) inner() int {
	if len(r.lines) > r.height {
		return max(r.height-2, 1)
	}
	return r.height
}

func (r *reviewScreen) scroll() {
	if len(r.items) == 0 {
		return
	}
	it := r.items[r.cursor]
	if it.first < r.offset {
		r.offset = it.first
	}
	if h := r.inner(); it.last >= r.offset+h {
		r.offset = min(it.first, it.last-h+1)
	}
	if r.cursor == 0 {
		r.offset = 0
	}
}

// Init does nothing.
func (r *reviewScreen) Init() tea.Cmd { return nil }

// Update moves between the items; entrée, e or tab reply where to jump.
func (r *reviewScreen) Update(msg tea.Msg) (tea.Cmd, reply) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || len(r.items) == 0 {
		return nil, reply{}
	}
	k := r.c.keys
	var jump *jumpTo
	switch {
	case key.Matches(km, k.Up):
		r.cursor = max(r.cursor-1, 0)
	case key.Matches(km, k.Down):
		r.cursor = min(r.cursor+1, len(r.items)-1)
	case key.Matches(km, k.PageUp):
		r.cursor = max(r.cursor-5, 0)
	case key.Matches(km, k.PageDown):
		r.cursor = min(r.cursor+5, len(r.items)-1)
	case key.Matches(km, k.Top):
		r.cursor = 0
	case key.Matches(km, k.Bottom):
		r.cursor = len(r.items) - 1
	case key.Matches(km, k.Jump):
		it := r.items[r.cursor]
		jump = &jumpTo{sec: it.sec}
		if it.finding != nil {
			jump.ref = it.finding.Ref
		}
	case key.Matches(km, k.EditSec):
		jump = &jumpTo{sec: r.items[r.cursor].sec}
	case km.String() == "tab":
		jump = &jumpTo{sec: wizard.SecDocuments}
	case key.Matches(km, k.PrevField):
		jump = &jumpTo{sec: wizard.SecSession}
	}
	r.scroll()
	return nil, reply{jump: jump}
}

// View draws the visible lines, the selected block marked by "›".
func (r *reviewScreen) View() string {
	s := r.c.styles
	var sel reviewItem
	if len(r.items) > 0 {
		sel = r.items[r.cursor]
	}
	out := make([]string, 0, r.height)
	room := r.height
	if r.offset > 0 {
		out = append(out, s.Subtle.Render(moreAbove))
		room--
	}
	end := min(r.offset+room, len(r.lines))
	if end < len(r.lines) {
		end-- // the last line says « plus bas ↓ »
	}
	for i := r.offset; i < end; i++ {
		l := r.lines[i]
		if len(r.items) > 0 && i == sel.first {
			l = s.Selected.Render("›") + strings.TrimPrefix(l, " ")
		}
		out = append(out, l)
	}
	if end < len(r.lines) {
		out = append(out, s.Subtle.Render(moreBelow))
	}
	return strings.Join(out, "\n")
}

// ShortHelp is the footer help.
func (r *reviewScreen) ShortHelp() []key.Binding {
	k := r.c.keys
	return []key.Binding{k.Up, k.Jump, k.EditSec, key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "documents"))}
}

// FullHelp is the help screen's key list.
func (r *reviewScreen) FullHelp() [][]key.Binding {
	k := r.c.keys
	return [][]key.Binding{r.ShortHelp(), {k.PageUp, k.PageDown, k.Top, k.Bottom, k.PrevField}}
}
