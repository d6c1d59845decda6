package tui

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"aect/wizard"
	"aect/wizard/safetext"
)

// answer is the value a huh field is bound to, for one question.
type answer struct {
	s     string       // text, choice (code), searchable choice
	multi orderedMulti // several codes, in the order the user ticked them
	b     bool         // oui / non
}

// orderedMulti is a huh accessor that keeps the ticked codes in the order the user ticked
// them (huh reports them in option order), so that "ODD 6, ODD 3" stays in that order.
type orderedMulti struct{ order []string }

// Get returns the ticked codes.
func (o *orderedMulti) Get() []string { return o.order }

// Set merges huh's ticked codes into the order: kept codes stay in place, new ones go last.
func (o *orderedMulti) Set(v []string) {
	var keep []string
	for _, x := range o.order {
		if slices.Contains(v, x) {
			keep = append(keep, x)
		}
	}
	for _, x := range v {
		if !slices.Contains(keep, x) {
			keep = append(keep, x)
		}
	}
	o.order = keep
}

// qform asks a list of wizard questions with a huh form, one page (group) per question,
// hiding the questions that do not apply. It stores each answer in the plan (q.Set) as
// soon as the user leaves the field, and handles moving between fields itself:
//
//   - moving is synchronous (no huh command round trip), so fast typing never lands in
//     the wrong field;
//   - going back (maj+tab) works from any field, even an empty or invalid one: huh v1.0.0
//     freezes a form when the user goes back from a field that fails validation (upstream
//     issues #650 and #655), so the form is rebuilt on the previous question instead. An
//     invalid answer is kept in its field and reported, never lost silently.
type qform struct {
	c       *common
	plan    *wizard.Plan
	qs      []wizard.Question
	vals    []*answer
	pending map[string]string // invalid answers kept, by question ID (shared with the assistant)
	// marks holds the answers to review with the reason, by question ID (the draft's
	// UIState.Marks, shared with the assistant): confirming an answer clears its mark.
	marks map[string]string
	// budgets remembers the budget of each 1 % competence unticked (the draft's UIState),
	// to give it back if the competence is ticked again (shared with the assistant).
	budgets map[wizard.ServiceKind]int64
	// filled holds the answers the directory just gave (by question ID): going forward
	// skips them, maj+tab goes back to them.
	filled map[string]bool
	// jumpAnswered: the next move forward goes to the first required question without
	// an answer (after a choice in the directory, which answers most of the section).
	jumpAnswered bool
	// kept is the question whose offer the user moved into to edit it (←, →…): typing
	// there edits the offer instead of replacing it.
	kept    int
	start   int // first question of the current huh form
	form    *huh.Form
	fields  []huh.Field // fields[i-start] asks question i
	cur     int
	width   int
	height  int
	note    string
	noteErr bool
}

func newQForm(c *common, plan *wizard.Plan, qs []wizard.Question, pending, marks map[string]string) *qform {
	f := &qform{c: c, plan: plan, qs: qs, pending: pending, marks: marks, vals: make([]*answer, len(qs)), kept: -1}
	for i := range qs {
		f.vals[i] = f.load(i)
	}
	return f
}

// load reads the answer of question i from the plan, or the invalid answer kept. The
// field shows it through safetext.Text: a text from a file may hold escape sequences and
// bidirectional controls, which huh's inputs do not all remove.
func (f *qform) load(i int) *answer {
	q := &f.qs[i]
	v := q.Get(f.plan)
	if raw, ok := f.pending[q.ID]; ok {
		v = raw
	}
	if v == "" {
		// An offer (the commune's EPCI, the body already named): entrée takes it,
		// ctrl+u clears it.
		v, _ = f.suggestion(q)
	}
	a := &answer{s: safetext.Text(v)}
	switch q.Kind {
	case wizard.KindMulti:
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				a.multi.order = append(a.multi.order, x)
			}
		}
	case wizard.KindConfirm:
		a.b, _ = wizard.ParseYesNo(v)
	}
	return a
}

// value returns the answer of question i as the user would type it.
func (f *qform) value(i int) string { return f.valueOf(i, f.vals[i]) }

// valueOf returns answer a of question i as the user would type it.
func (f *qform) valueOf(i int, a *answer) string {
	switch f.qs[i].Kind {
	case wizard.KindMulti:
		return strings.Join(a.multi.order, ",")
	case wizard.KindConfirm:
		return wizard.YesNo(a.b)
	}
	return a.s
}

func (f *qform) applies(i int) bool { return f.qs[i].AppliesTo(f.plan) }

// first returns the first question that applies at or after i, or -1.
func (f *qform) first(i int) int {
	for ; i < len(f.qs); i++ {
		if f.applies(i) {
			return i
		}
	}
	return -1
}

// prev returns the last question that applies before i, or -1.
func (f *qform) prev(i int) int {
	for i--; i >= 0; i-- {
		if f.applies(i) {
			return i
		}
	}
	return -1
}

// firstUnanswered returns the first applicable question without an answer, or the first
// applicable one.
func (f *qform) firstUnanswered() int {
	for i := range f.qs {
		if f.applies(i) && f.qs[i].Get(f.plan) == "" {
			return i
		}
	}
	return max(f.first(0), 0)
}

// SetSize sets the size and rebuilds the form on the current question.
func (f *qform) SetSize(w, h int) tea.Cmd {
	if w == f.width && h == f.height && f.form != nil {
		return nil
	}
	f.width, f.height = w, h
	if f.form == nil {
		return nil
	}
	return f.build(f.cur)
}

// formHeight is the height given to huh; the rest shows the lines « plus haut ↑ » and
// « plus bas ↓ » of a choice list (scrollMarks), the current answer, the help of the
// option under the cursor and messages.
func (f *qform) formHeight() int { return max(f.height-8, 4) }

// extraRows is the height a form whose first page asks question i takes beyond
// formHeight: three rows for « Votre collectivité », under which come only the answer
// and the help of the row under the cursor (the form is rebuilt when the user leaves it).
func (f *qform) extraRows(i int) int {
	if f.qs[i].Directory {
		return 3
	}
	return 0
}

// build makes a new huh form whose first page asks question at (which must apply).
func (f *qform) build(at int) tea.Cmd {
	f.start, f.cur, f.kept = at, at, -1
	f.fields = f.fields[:0]
	var groups []*huh.Group
	for i := at; i < len(f.qs); i++ {
		// The theme first: huh measures a new group with the field's theme (its default
		// theme is rebuilt on every call).
		fld := f.field(i).WithTheme(f.c.styles.FormTheme())
		f.fields = append(f.fields, fld)
		i := i
		groups = append(groups, huh.NewGroup(fld).WithHideFunc(func() bool { return !f.applies(i) }))
	}
	f.form = huh.NewForm(groups...).
		WithTheme(f.c.styles.FormTheme()).
		WithKeyMap(f.c.formKeyMap()).
		WithShowHelp(false).
		WithWidth(max(f.width-1, 20)).
		WithHeight(f.formHeight() + f.extraRows(at))
	return f.form.Init()
}

// field makes the huh field of question i. Its title and help are given their French
// spaces and wrapped here, at the width huh gives them: huh's own wrapping breaks after
// hyphens and full stops (« CGCT L. » / « 1115-1-1 ») and ignores non-breaking spaces.
func (f *qform) field(i int) huh.Field {
	q := &f.qs[i]
	a := f.vals[i]
	h := f.formHeight()
	title, help := f.wrapped(q.Title), f.wrapped(q.Help)
	if q.Directory {
		p := newDirPicker(f.c, q, &a.s)
		p.warm = f.plan.Authority.Name == "" && !f.plan.Directorial()
		p.WithHeight(h + f.extraRows(i))
		return p
	}
	switch q.Kind {
	case wizard.KindChoice:
		if q.Searchable {
			p := newPicker(f.c, q, &a.s)
			p.WithHeight(h)
			return p
		}
		return huh.NewSelect[string]().Title(title).Description(help).Options(huhOptions(q.OptionsFor(f.plan))...).Value(&a.s)
	case wizard.KindMulti:
		return huh.NewMultiSelect[string]().Title(title).Description(help).Accessor(&a.multi).Options(huhOptions(q.Options)...)
	case wizard.KindConfirm:
		return huh.NewConfirm().Title(title).Description(help).Affirmative("Oui").Negative("Non").Value(&a.b)
	case wizard.KindLongText:
		return huh.NewText().Title(title).Description(help).Placeholder(placeholder(q)).Value(&a.s).
			Validate(safeValidate(q)).Lines(4).CharLimit(charLimit(q)).ExternalEditor(false)
	}
	return huh.NewInput().Title(title).Description(help).Placeholder(placeholder(q)).Value(&a.s).
		Validate(safeValidate(q)).CharLimit(charLimit(q))
}

// wrapped is a text of a question, with its French spaces, wrapped to the width of the
// field's text: the form's width less huh's left border and padding.
func (f *qform) wrapped(s string) string {
	return wrapText(wizard.Typography(s), max(f.width-1, 20)-f.c.styles.FormTheme().Focused.Base.GetHorizontalFrameSize())
}

// huhOptions are choices for huh, labels with their French spaces.
func huhOptions(offered []wizard.Option) []huh.Option[string] {
	opts := make([]huh.Option[string], len(offered))
	for j, o := range offered {
		opts[j] = huh.NewOption(wizard.Typography(o.Label), o.Value)
	}
	return opts
}

// placeholder is the grey text of an empty field: the registry's example, said to be one
// (« ex. : 2027 »), since entrée on an empty field stores nothing.
func placeholder(q *wizard.Question) string {
	if q.Placeholder == "" {
		return ""
	}
	return "ex." + wizard.NBSP + ": " + q.Placeholder
}

// charLimit is the most characters a field takes: the registry's limit of a text, a
// line's for the other kinds (numbers, dates).
func charLimit(q *wizard.Question) int {
	if q.MaxLen > 0 {
		return q.MaxLen
	}
	return wizard.MaxLine
}

// typeText gives typed or pasted text to the field and says when the field's limit cut
// it: huh's inputs drop what goes beyond it without a word.
func (f *qform) typeText(km tea.KeyMsg) tea.Cmd {
	a := f.vals[f.cur]
	before := utf8.RuneCountInString(a.s)
	_, cmd := f.form.Update(km)
	if q := f.current(); f.textFocused() && !q.Searchable && !q.Directory {
		if lost := len(km.Runes) - (utf8.RuneCountInString(a.s) - before); lost > 0 {
			verb := "collé"
			if len(km.Runes) == 1 {
				verb = "tapé"
			}
			what := fmt.Sprintf("les %d derniers caractères %ss n'ont pas été gardés", lost, verb)
			if lost == 1 {
				what = "le dernier caractère " + verb + " n'a pas été gardé"
			}
			f.note, f.noteErr = fmt.Sprintf("Texte coupé : cette réponse compte au plus %s caractères ; %s.",
				groupDigits(fmt.Sprint(charLimit(q))), what), true
		}
	}
	return cmd
}

// safeValidate is q.Validate for huh, which shows the error under the field: the message
// may quote the value typed, so it goes through safetext.Message.
func safeValidate(q *wizard.Question) func(string) error {
	return func(s string) error {
		if err := q.Validate(s); err != nil {
			return simpleError(safetext.Message(err.Error()))
		}
		return nil
	}
}

// focus shows question i (or the next one that applies); false when none applies.
func (f *qform) focus(i int) (tea.Cmd, bool) {
	j := f.first(max(i, 0))
	if j < 0 {
		j = f.prev(len(f.qs))
	}
	if j < 0 {
		return nil, false
	}
	return f.build(j), true
}

// Update handles one message.
func (f *qform) Update(msg tea.Msg) (tea.Cmd, reply) {
	var res reply
	km, isKey := msg.(tea.KeyMsg)
	if !isKey {
		_, cmd := f.form.Update(msg)
		return cmd, res
	}
	f.note, f.noteErr = "", false
	q := &f.qs[f.cur]
	a := f.vals[f.cur]
	k := f.c.keys
	switch {
	case key.Matches(km, k.PrevField):
		f.leave(f.cur, false, &res)
		p := f.prev(f.cur)
		if p < 0 {
			res.backOut = true
			return nil, res
		}
		return f.build(p), res
	case q.Kind == wizard.KindConfirm && (key.Matches(km, k.Yes) || key.Matches(km, k.No)):
		a.b = key.Matches(km, k.Yes)
		return f.next(&res), res
	case q.Directory && km.Type == tea.KeyEnter:
		f.fields[f.cur-f.start].(*dirPicker).choose()
		return f.next(&res), res
	case q.Kind == wizard.KindChoice && q.Searchable && km.Type == tea.KeyEnter:
		if !f.fields[f.cur-f.start].(*picker).choose() {
			return nil, res
		}
		return f.next(&res), res
	case km.Type == tea.KeyTab && f.offerUntaken():
		// tab passes an offer without taking it: only entrée accepts it.
		return f.advance(&res, false), res
	case key.Matches(km, k.NextField):
		if err := q.Validate(f.value(f.cur)); err != nil {
			_, cmd := f.form.Update(msg) // huh shows the French error under the field
			return cmd, res
		}
		return f.next(&res), res
	case f.offered():
		// An offer is replaced by what is typed over it, as a selected text is; backspace
		// clears it; a move of the cursor keeps it to be edited.
		switch km.Type {
		case tea.KeyRunes, tea.KeySpace, tea.KeyBackspace:
			f.form.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
			if km.Type == tea.KeyBackspace {
				return nil, res
			}
		case tea.KeyLeft, tea.KeyRight, tea.KeyHome, tea.KeyEnd, tea.KeyCtrlA, tea.KeyCtrlE:
			f.kept = f.cur
		}
	}
	if km.Type == tea.KeyRunes {
		return f.typeText(km), res
	}
	_, cmd := f.form.Update(msg)
	return cmd, res
}

// offerUntaken reports whether the current question shows an offer the user has not
// taken nor changed: a text field's offer untouched (offered), or a choice list's cursor
// still on the option offered.
func (f *qform) offerUntaken() bool {
	q := f.current()
	if q.Kind == wizard.KindChoice && !q.Searchable {
		offer, _ := f.suggestion(q)
		return offer != "" && q.Get(f.plan) == "" && f.value(f.cur) == offer
	}
	return f.offered()
}

// offered reports whether the current text field shows an offer untouched: no answer
// stored, the field's value is the offer, and the user has not moved into it.
func (f *qform) offered() bool {
	q := f.current()
	if f.kept == f.cur || !f.textFocused() || q.Searchable || q.Directory || q.Get(f.plan) != "" {
		return false
	}
	offer, _ := f.suggestion(q)
	return offer != "" && f.value(f.cur) == offer
}

// next stores the current answer and shows the next question that applies.
func (f *qform) next(res *reply) tea.Cmd { return f.advance(res, true) }

// advance leaves the current question — explicit: validated, its answer stored; else
// passed, an offer shown in it not taken — and shows the next question that applies.
func (f *qform) advance(res *reply, explicit bool) tea.Cmd {
	f.leave(f.cur, explicit, res)
	f.kept = -1
	n := f.first(f.cur + 1)
	if f.jumpAnswered {
		// On to the first answer still needed; the optional ones (the SIRET) stay a
		// maj+tab away.
		f.jumpAnswered = false
		j := n
		for j >= 0 && (f.qs[j].Get(f.plan) != "" || f.qs[j].Optional) {
			j = f.first(j + 1)
		}
		if j >= 0 {
			n = j
		}
	}
	if n < 0 {
		res.done = true
		return nil
	}
	// An answer may change later ones (a budget given back): their fields are rebuilt.
	stale := false
	for i := n; i < len(f.qs); i++ {
		if fresh := f.load(i); f.value(i) != f.valueOf(i, fresh) {
			f.vals[i], stale = fresh, true
		}
	}
	if stale || f.qs[f.cur].Directory {
		return f.build(n)
	}
	cmd := f.form.NextGroup()
	if f.form.State == huh.StateNormal && f.form.GetFocusedField() == f.fields[n-f.start] {
		f.cur = n
		return cmd
	}
	return f.build(n)
}

// leave stores the answer of question i when the user leaves it. A choice list only
// answers when validated with entrée (explicit): the option under the cursor is not an
// answer. An invalid answer is kept and reported.
func (f *qform) leave(i int, explicit bool, res *reply) {
	q := &f.qs[i]
	if q.Directory {
		f.leaveDirectory(i, explicit, res)
		return
	}
	if q.Kind == wizard.KindChoice && !q.Searchable && !explicit {
		f.vals[i].s = q.Get(f.plan)
		return
	}
	if offer, _ := f.suggestion(q); !explicit && offer != "" && q.Get(f.plan) == "" && f.value(i) == offer {
		return // an offer not taken is not an answer
	}
	v := f.value(i)
	before := q.Get(f.plan)
	// A field left as it was shown keeps the stored answer, even when the field showed it
	// cleaned (safetext.Text): leaving a field changes nothing.
	if v == before || v == safetext.Text(before) {
		delete(f.pending, q.ID)
		if explicit {
			f.confirm(q.ID) // validated unchanged: reviewed
		}
		return
	}
	if err := q.Validate(v); err != nil {
		f.pending[q.ID] = v
		f.note, f.noteErr = "Réponse « "+quotedRaw(v)+" » à « "+q.Title+" » non enregistrée : "+
			safetext.Message(err.Error())+". Corrigez-la en y revenant.", true
		return
	}
	old := slices.Clone(f.plan.Authority.Services)
	if err := q.Set(f.plan, v); err != nil {
		f.pending[q.ID] = v
		f.note, f.noteErr = safetext.Message(err.Error()), true
		return
	}
	delete(f.pending, q.ID)
	if q.ID == "authority.services" && f.budgets != nil {
		keepBudgets(&f.plan.Authority, old, f.budgets)
	}
	if after := q.Get(f.plan); after != before {
		res.changed = append(res.changed, q.ID)
	}
}

// keepBudgets keeps the budget of each competence just unticked (unticking drops the
// service from the plan, with its budget) and gives it back to a competence just ticked
// again. Competences ticked before and after are left as they are, even with no budget.
func keepBudgets(a *wizard.Authority, old []wizard.Service, budgets map[wizard.ServiceKind]int64) {
	held := func(ss []wizard.Service, k wizard.ServiceKind) bool {
		return slices.ContainsFunc(ss, func(s wizard.Service) bool { return s.Kind == k })
	}
	for _, s := range old {
		if !held(a.Services, s.Kind) && s.AnnualResources > 0 {
			budgets[s.Kind] = int64(s.AnnualResources)
		}
	}
	for i := range a.Services {
		s := &a.Services[i]
		if kept, ok := budgets[s.Kind]; ok && !held(old, s.Kind) {
			if s.AnnualResources == 0 {
				s.AnnualResources = wizard.Cents(kept)
			}
			delete(budgets, s.Kind)
		}
	}
}

// confirm clears the « à revoir » mark of an answer the user validated.
func (f *qform) confirm(id string) {
	delete(f.marks, id)
}

// flush stores the answer being typed (leaving the section, quitting).
func (f *qform) flush() reply {
	var res reply
	if f.form != nil {
		f.leave(f.cur, false, &res)
	}
	return res
}

// current returns the question shown.
func (f *qform) current() *wizard.Question { return &f.qs[f.cur] }

// textFocused reports whether the field shown takes typed text.
func (f *qform) textFocused() bool {
	q := f.current()
	switch q.Kind {
	case wizard.KindChoice:
		return q.Searchable
	case wizard.KindMulti, wizard.KindConfirm:
		return false
	}
	return true
}

// position returns the rank of the current question among those that apply, and their
// number.
func (f *qform) position() (int, int) {
	n, at := 0, 0
	for i := range f.qs {
		if f.applies(i) {
			n++
			if i <= f.cur {
				at = n
			}
		}
	}
	return at, n
}

// View draws the form, then the current answer and the help of the option under the
// cursor, then the last message.
func (f *qform) View() string {
	s := f.c.styles
	q := f.current()
	// huh pads its page with blank lines; drop them so that an error and the current
	// answer stand right under the field (the field's own lines carry its border). A
	// choice list scrolled to its end is padded inside the border too.
	choice := q.Kind == wizard.KindChoice || q.Kind == wizard.KindMulti
	var lines []string
	for _, l := range strings.Split(f.form.View(), "\n") {
		text := strings.TrimSpace(ansi.Strip(l))
		if text != "" && !(choice && text == "┃") {
			lines = append(lines, l)
		}
	}
	lines = f.scrollMarks(lines)
	lines = append(lines, "")
	stored := q.Get(f.plan)
	if why, marked := f.marks[q.ID]; marked && stored != "" {
		lines = append(lines, s.StateToReview.Render("↻ À revoir : "+why+". Vérifiez cette réponse et validez-la (entrée) ou changez-la."))
	}
	switch raw, bad := f.pending[q.ID]; {
	case bad:
		lines = append(lines, s.Err.Render("✗ Réponse non enregistrée (à corriger) : « "+quotedRaw(raw)+" »"))
	case stored == "":
		lines = append(lines, s.Subtle.Render("○ Pas encore de réponse."))
	case q.Directory:
		// A long EPCI name with its code: wrapped, not cut.
		lines = append(lines, s.OK.Render(wrapText("✓ Réponse actuelle : "+f.directoryAnswer(), f.width-1)))
	default:
		lines = append(lines, s.OK.Render("✓ Réponse actuelle : ")+answerText(q, stored))
	}
	if h := f.c.directoryHint(f.plan, q); h != "" {
		lines = append(lines, s.Subtle.Render(wrapText(wizard.Typography(h), f.width-1)))
	}
	if offer, why := f.suggestion(q); stored == "" && offer != "" && f.value(f.cur) == offer {
		how := " Entrée pour l'accepter ; tapez pour le remplacer."
		switch {
		case q.Kind == wizard.KindChoice:
			how = " Entrée pour l'accepter, ↑/↓ pour en choisir un autre."
		case f.kept == f.cur:
			how = " Entrée pour l'accepter."
		}
		lines = append(lines, s.Subtle.Render(wrapText(why+how, f.width-1)))
	}
	var note string
	if f.note != "" {
		st := s.OK
		if f.noteErr {
			st = s.Err
		}
		note = st.Render(wrapText(wizard.Typography(f.note), f.width-1))
	}
	if h := f.hoveredHelp(); h != "" {
		// The help of the option takes the lines left under the field, the message kept.
		room := f.height - len(lines)
		if note != "" {
			room -= strings.Count(note, "\n") + 1
		}
		lines = append(lines, s.Subtle.Render(fitLines(wrapText("→ "+wizard.Typography(h), f.width-1), max(room, 1), f.width-1)))
	}
	if note != "" {
		lines = append(lines, note)
	}
	return strings.Join(lines, "\n")
}

// scrollMarks adds « plus haut ↑ » and « plus bas ↓ » around the options of a choice
// list that huh shows in part: huh scrolls them without a sign. An option line is one
// whose text, after the field's border, starts with the cursor or its blank; the list
// goes on above (below) when the first (last) option is not among them.
func (f *qform) scrollMarks(lines []string) []string {
	q := f.current()
	if q.Searchable || (q.Kind != wizard.KindChoice && q.Kind != wizard.KindMulti) || len(q.Options) == 0 {
		return lines
	}
	first, last := -1, -1
	for i, l := range lines {
		rest := strings.TrimPrefix(ansi.Strip(l), "┃ ")
		if strings.HasPrefix(rest, "› ") || strings.HasPrefix(rest, "  ") {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return lines
	}
	shown := func(o wizard.Option) bool {
		label := wizard.Typography(o.Label)
		for _, l := range lines[first : last+1] {
			if strings.HasSuffix(strings.TrimRight(ansi.Strip(l), " "), " "+label) {
				return true
			}
		}
		return false
	}
	mark := func(at int, text string) string {
		return ansi.Truncate(lines[at], 2, "") + "  " + f.c.styles.Subtle.Render(text)
	}
	out := slices.Clone(lines)
	if !shown(q.Options[len(q.Options)-1]) {
		out = slices.Insert(out, last+1, mark(last, moreBelow))
	}
	if !shown(q.Options[0]) {
		out = slices.Insert(out, first, mark(first, moreAbove))
	}
	return out
}

// hoveredHelp is the help of the option under the cursor of a choice list.
func (f *qform) hoveredHelp() string {
	q := f.current()
	var v string
	switch fld := f.fields[f.cur-f.start].(type) {
	case *huh.Select[string]:
		v, _ = fld.Hovered()
	case *huh.MultiSelect[string]:
		v, _ = fld.Hovered()
	case *picker:
		o, _ := fld.hovered()
		v = o.Value
	case *dirPicker:
		return fld.hoveredHelp()
	default:
		return ""
	}
	for _, o := range q.Options {
		if o.Value == v {
			return o.Help
		}
	}
	return ""
}

// answerText is an answer as the user reads it, on one clean line (safetext.Line):
// labels instead of codes, whole numbers with their digits grouped the French way
// ("68 000").
func answerText(q *wizard.Question, v string) string { return safetext.Line(answerWords(q, v)) }

// answerWords is an answer in words, before cleaning.
func answerWords(q *wizard.Question, v string) string {
	if q.Directory {
		if len(v) == 9 {
			return "SIREN " + v
		}
		return "code INSEE " + v
	}
	switch q.Kind {
	case wizard.KindInt:
		return groupDigits(v)
	case wizard.KindChoice:
		return q.OptionLabel(v)
	case wizard.KindMulti:
		var out []string
		for _, x := range strings.Split(v, ",") {
			out = append(out, q.OptionLabel(strings.TrimSpace(x)))
		}
		return strings.Join(out, " ; ")
	}
	return strings.ReplaceAll(v, "\n", " ")
}

// fitLines cuts s to at most h lines of at most w cells; a text cut ends with "…".
func fitLines(s string, h, w int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= h {
		return s
	}
	lines = lines[:h]
	last := strings.TrimRight(lines[h-1], " ")
	if ansi.StringWidth(last)+1 > w {
		last = ansi.Truncate(last, w-1, "")
	}
	lines[h-1] = last + "…"
	return strings.Join(lines, "\n")
}

// suggestion is the answer offered for an empty question, and why: the domain's offers
// (Question.Suggestion: the operator, the payee already named, what is left to fund…)
// and the commune's EPCI from the directory for the mutualisation. The offer is an
// answer only once validated with entrée.
func (f *qform) suggestion(q *wizard.Question) (value, why string) {
	if q.Ref.Field == wizard.FieldPooledWith {
		if v := f.c.pooledSuggestion(f.plan); v != "" {
			return v, "Proposé d'après l'annuaire : l'EPCI de la commune."
		}
	}
	return q.Suggestion(f.plan)
}
