package tui

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aect/wizard"
)

// Messages of the assistant's store operations.
type (
	// draftReloadedMsg brings the stored draft after a conflict ("Recharger").
	draftReloadedMsg struct {
		draft Draft
		err   error
	}
	// draftCopiedMsg brings the copy made after a conflict ("Enregistrer une copie").
	draftCopiedMsg struct {
		from  int64
		draft Draft
		err   error
	}
)

// assistant is the guided sections of one draft: a progress line, then the current
// section — a form of questions, the list of actions or funding lines, the review or the
// documents.
type assistant struct {
	c    *common
	id   int64
	plan *wizard.Plan
	ui   UIState
	// savedUI is the interface state last loaded or queued for writing.
	savedUI  UIState
	sec      wizard.Section
	progress wizard.Progress
	// pending holds invalid answers kept in their fields, by question ID.
	pending map[string]string
	// marks holds the answers to review, by question ID, with the reason (a.ui.Marks).
	form   *qform    // the section's questions, when shown
	list   *listEdit // the actions or funding lines, when shown
	review *reviewScreen
	docs   *documentsScreen
	dialog dialog
	// savedOnce: at least one write of this draft succeeded (header status).
	savedOnce bool
	width     int
	height    int
}

func newAssistant(c *common, d Draft) *assistant {
	p := d.Plan
	if p == nil {
		p = &wizard.Plan{}
	}
	a := &assistant{c: c, id: d.ID, plan: p, ui: cloneUI(d.UI), pending: map[string]string{}}
	if a.ui.Budgets == nil {
		a.ui.Budgets = map[wizard.ServiceKind]int64{}
	}
	if a.ui.Marks == nil {
		a.ui.Marks = map[string]string{}
	}
	a.savedUI = cloneUI(d.UI)
	a.progress = p.Progress()
	a.sec = wizard.Section(max(0, min(d.UI.Section, wizard.NumSections-1)))
	return a
}

// Init opens the section where the user was, on the question where the user was when it
// still applies (else where show would open it: the first unanswered question).
func (a *assistant) Init() tea.Cmd {
	q := a.ui.Question
	if !a.stillAsked(q) {
		q = ""
	}
	return a.show(a.sec, q, false)
}

// stillAsked reports whether id (a question ID saved in the interface state, or the
// name of a list, "actions" or "funding") is still asked in the current section.
func (a *assistant) stillAsked(id string) bool {
	if id == "" {
		return false
	}
	switch {
	case a.sec == wizard.SecActions && id == "actions", a.sec == wizard.SecFunding && id == "funding":
		return true
	}
	qs := wizard.SectionQuestions(a.sec)
	if r, ok := wizard.ParseRef(id); ok && r.Field.InList() && r.Field != wizard.FieldServiceResources {
		i, _ := r.Item()
		if r.Section() != a.sec || !r.Exists(a.plan) {
			return false
		}
		qs = wizard.ItemQuestions(r.Field.List(), i)
	}
	i := slices.IndexFunc(qs, func(q wizard.Question) bool { return q.ID == id })
	return i >= 0 && qs[i].AppliesTo(a.plan)
}

// questionID is where the user is, as saved in the interface state: the ID of the
// question shown, the name of the list shown, or "".
func (a *assistant) questionID() string {
	switch {
	case a.form != nil:
		return a.form.current().ID
	case a.list != nil && a.list.item != nil:
		return a.list.item.current().ID
	case a.list != nil:
		return a.list.prefix()
	}
	return ""
}

// draftTitle is the title shown in the header: the plan's, or the one composed from its
// answers (wizard.Plan.DisplayTitle).
func (a *assistant) draftTitle() string {
	if t := a.plan.DisplayTitle(); t != "" {
		return t
	}
	return wizard.Untitled
}

// bodyHeight is the height left under the progress lines.
func (a *assistant) bodyHeight() int { return max(a.height-3, 5) }

// SetSize sets the size of every part.
func (a *assistant) SetSize(w, h int) {
	a.width, a.height = w, h
	bh := a.bodyHeight()
	if a.form != nil {
		a.form.SetSize(w, bh)
	}
	if a.list != nil {
		a.list.SetSize(w, bh)
	}
	if a.review != nil {
		a.review.SetSize(w, bh)
	}
	if a.docs != nil {
		a.docs.SetSize(w, bh)
	}
}

// state is the state shown for a section: "à revoir" when the section or one of its
// answers still there is marked, else computed.
func (a *assistant) state(s wizard.Section) wizard.State {
	if slices.Contains(a.ui.ToReview, int(s)) {
		return wizard.StateToReview
	}
	for id := range a.ui.Marks {
		if r, ok := wizard.ParseRef(id); ok && r.Section() == s && r.Exists(a.plan) {
			return wizard.StateToReview
		}
	}
	return a.progress.States[s]
}

// states returns the state shown for every section.
func (a *assistant) states() [wizard.NumSections]wizard.State {
	var out [wizard.NumSections]wizard.State
	for s := range out {
		out[s] = a.state(wizard.Section(s))
	}
	return out
}

// show leaves the current section and opens section s, on question field when given (a
// JSON path, or its prefix), else where it makes sense: the last question when coming
// back (fromEnd), the first unanswered one otherwise.
func (a *assistant) show(s wizard.Section, field string, fromEnd bool) tea.Cmd {
	var cmds []tea.Cmd
	cmds = append(cmds, a.flush())
	if s != a.sec {
		a.unmark(a.sec)
	}
	a.sec = s
	a.form, a.list, a.review, a.docs = nil, nil, nil, nil
	bh := a.bodyHeight()
	switch s {
	case wizard.SecReview:
		a.review = newReview(a.c, a.plan, a.states(), a.pending)
		a.review.SetSize(a.width, bh)
	case wizard.SecDocuments:
		a.docs = newDocuments(a.c, a.plan)
		a.docs.SetSize(a.width, bh)
	case wizard.SecFunding:
		a.openList(s, field, fromEnd)
	default:
		qs := wizard.SectionQuestions(s)
		if s == wizard.SecActions && (strings.HasPrefix(field, "actions") || (field == "" && fromEnd)) {
			a.openList(s, field, fromEnd)
			break
		}
		f := newQForm(a.c, a.plan, qs, a.pending, a.ui.Marks)
		f.budgets = a.ui.Budgets
		f.SetSize(a.width, bh)
		at := f.firstUnanswered()
		if a.state(s) == wizard.StateComplete {
			at = f.first(0)
		}
		if fromEnd {
			at = f.prev(len(qs))
		}
		if field != "" {
			if i := findQuestion(qs, field); i >= 0 {
				at = i
			}
		}
		cmd, ok := f.focus(at)
		if !ok {
			if s == wizard.SecActions {
				a.openList(s, field, fromEnd)
				break
			}
			// Nothing applies here: an empty section shows a note.
			a.form = nil
			break
		}
		a.form = f
		cmds = append(cmds, cmd)
	}
	a.ui.Section = int(s)
	cmds = append(cmds, a.saveUI())
	return tea.Batch(cmds...)
}

// saveUI records where the user is and queues the interface state when it changed since
// it was loaded or last queued (the queue keeps only the latest state of a draft).
func (a *assistant) saveUI() tea.Cmd {
	a.ui.Question = a.questionID()
	if a.ui.Section == a.savedUI.Section && a.ui.Question == a.savedUI.Question && slices.Equal(a.ui.ToReview, a.savedUI.ToReview) &&
		maps.Equal(a.ui.Budgets, a.savedUI.Budgets) && maps.Equal(a.ui.Marks, a.savedUI.Marks) {
		return nil
	}
	a.savedUI = cloneUI(a.ui)
	return a.c.saver.saveUI(a.id, cloneUI(a.ui))
}

// cloneUI returns a copy of an interface state that shares nothing with it: the queued
// copy is written by another goroutine while the assistant goes on.
func cloneUI(u UIState) UIState {
	u.ToReview = slices.Clone(u.ToReview)
	u.Budgets = maps.Clone(u.Budgets)
	u.Marks = maps.Clone(u.Marks)
	return u
}

// unmark clears the "à revoir" mark of a section without questions (the review, the
// documents) the user visited and leaves; an answer's mark clears when it is confirmed.
func (a *assistant) unmark(s wizard.Section) {
	if i := slices.Index(a.ui.ToReview, int(s)); i >= 0 {
		a.ui.ToReview = slices.Delete(a.ui.ToReview, i, i+1)
	}
}

func (a *assistant) openList(s wizard.Section, field string, fromEnd bool) {
	a.list = newListEdit(a.c, a.plan, s, a.pending, a.ui.Marks)
	a.list.SetSize(a.width, a.bodyHeight())
	if fromEnd {
		a.list.cursor = max(a.list.count()-1, 0)
	}
	if r, ok := wizard.ParseRef(field); ok {
		a.list.jump(r)
	}
}

// findQuestion returns the question whose ID is field, or the first one field is a
// prefix of, or the last one that is a prefix of field; -1 when none.
func findQuestion(qs []wizard.Question, field string) int {
	if i := slices.IndexFunc(qs, func(q wizard.Question) bool { return q.ID == field }); i >= 0 {
		return i
	}
	if i := slices.IndexFunc(qs, func(q wizard.Question) bool { return strings.HasPrefix(q.ID, field) }); i >= 0 {
		return i
	}
	best := -1
	for i, q := range qs {
		if strings.HasPrefix(field, q.ID) {
			best = i
		}
	}
	return best
}

// flush stores the answer being typed and queues the save.
func (a *assistant) flush() tea.Cmd {
	var res reply
	switch {
	case a.form != nil:
		res = a.form.flush()
	case a.list != nil:
		res = a.list.flush()
	}
	return a.changed(res.changed)
}

// changed records answers stored in the plan: recompute the progress, mark « à revoir »
// the answers already given that depend on them (wizard.Dependents: the registry says
// what feeds what) and the review or documents when they depend on them, and queue the
// save. A changed answer's own mark clears.
func (a *assistant) changed(ids []string) tea.Cmd {
	if len(ids) == 0 {
		return nil
	}
	a.progress = a.plan.Progress()
	for _, id := range ids {
		delete(a.ui.Marks, id)
		r, ok := wizard.ParseRef(id)
		if !ok {
			continue
		}
		marks, secs := wizard.Dependents(a.plan, r)
		for _, m := range marks {
			if !slices.Contains(ids, m.Ref.ID()) {
				a.ui.Marks[m.Ref.ID()] = m.Reason
			}
		}
		for _, t := range secs {
			if t != a.sec && !slices.Contains(a.ui.ToReview, int(t)) {
				a.ui.ToReview = append(a.ui.ToReview, int(t))
			}
		}
	}
	return tea.Batch(a.c.saver.savePlan(a.id, clonePlan(a.plan)), a.saveUI())
}

// Update handles keys and the results of the assistant's commands, then records the
// question the user is on. It replies home when the user leaves for the drafts list.
func (a *assistant) Update(msg tea.Msg) (tea.Cmd, reply) {
	switch msg := msg.(type) {
	case savedMsg:
		return a.saved(msg), reply{}
	case draftReloadedMsg:
		return a.reloaded(msg), reply{}
	case draftCopiedMsg:
		return a.copied(msg), reply{}
	}
	cmd, r := a.update(msg)
	if _, isKey := msg.(tea.KeyMsg); isKey {
		cmd = tea.Batch(cmd, a.saveUI())
	}
	return cmd, r
}

func (a *assistant) update(msg tea.Msg) (tea.Cmd, reply) {
	if a.dialog != nil {
		cmd, done := a.dialog.update(msg)
		if done {
			a.dialog = nil
		}
		if _, isKey := msg.(tea.KeyMsg); isKey || cmd != nil {
			return cmd, reply{}
		}
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		if cmd, r, handled := a.globalKey(km); handled {
			return cmd, r
		}
	}
	var cmd tea.Cmd
	var res reply
	switch {
	case a.form != nil:
		cmd, res = a.form.Update(msg)
	case a.list != nil:
		cmd, res = a.list.Update(msg)
	case a.review != nil:
		cmd, res = a.review.Update(msg)
		if j := res.jump; j != nil {
			sec := j.sec
			if j.ref.Field != "" {
				sec = j.ref.Section() // the answer may live in another section
			}
			return tea.Batch(cmd, a.show(sec, j.ref.ID(), false)), reply{}
		}
	case a.docs != nil:
		cmd, _ = a.docs.Update(msg)
	default:
		if km, ok := msg.(tea.KeyMsg); ok && key.Matches(km, a.c.keys.NextField) {
			return a.show(a.sec+1, "", false), reply{}
		}
	}
	cmds := []tea.Cmd{cmd, a.changed(res.changed)}
	switch {
	case res.done:
		if a.sec == wizard.SecActions && a.form != nil {
			a.form = nil
			a.openList(a.sec, "", false)
		} else if a.sec < wizard.SecDocuments {
			cmds = append(cmds, a.show(a.sec+1, "", false))
		}
	case res.backOut:
		if a.sec == wizard.SecActions && a.list != nil {
			cmds = append(cmds, a.showSchedule())
		} else if a.sec > 0 {
			cmds = append(cmds, a.show(a.sec-1, "", true))
		}
	}
	return tea.Batch(cmds...), reply{}
}

// showSchedule goes back from the list of actions to the questions of its section.
func (a *assistant) showSchedule() tea.Cmd {
	cmd := a.flush()
	a.list = nil
	f := newQForm(a.c, a.plan, wizard.SectionQuestions(wizard.SecActions), a.pending, a.ui.Marks)
	f.SetSize(a.width, a.bodyHeight())
	fc, _ := f.focus(f.prev(len(f.qs)))
	a.form = f
	return tea.Batch(cmd, fc)
}

// globalKey handles the keys that work in every section.
func (a *assistant) globalKey(km tea.KeyMsg) (tea.Cmd, reply, bool) {
	k := a.c.keys
	if a.list != nil && a.list.editingItem() && key.Matches(km, k.Home) {
		return nil, reply{}, false // échap closes the item first
	}
	if a.docs != nil && a.docs.dialog != nil {
		return nil, reply{}, false
	}
	switch {
	case key.Matches(km, k.Home):
		flush := a.flush()
		a.unmark(a.sec)
		return tea.Batch(flush, a.saveUI()), reply{home: true}, true
	case key.Matches(km, k.NextSection) && a.docs == nil && a.review == nil:
		if a.sec < wizard.SecDocuments {
			return a.show(a.sec+1, "", false), reply{}, true
		}
		return nil, reply{}, true
	case key.Matches(km, k.PrevSection) && a.docs == nil && a.review == nil:
		if a.sec > 0 {
			return a.show(a.sec-1, "", false), reply{}, true
		}
		return nil, reply{}, true
	case key.Matches(km, k.Contents):
		a.dialog = newContents(a)
		return nil, reply{}, true
	}
	return nil, reply{}, false
}

// saved handles the end of a write of this draft: a conflict or an error opens a dialog.
func (a *assistant) saved(m savedMsg) tea.Cmd {
	if m.job.id != a.id {
		return nil
	}
	if m.err == nil {
		a.savedOnce = true
		return nil
	}
	a.c.log.Printf("enregistrement du brouillon %d : %v", a.id, m.err)
	copyChoice := dialogChoice{key: "c", label: "Enregistrer une copie", run: a.saveCopy}
	if errors.Is(m.err, ErrConflict) {
		a.dialog = &choiceDialog{c: a.c, title: "Ce brouillon a été modifié dans une autre fenêtre.",
			text: m.err.Error() + "\n\nRecharger remplace vos réponses à l'écran par la version enregistrée ; " +
				"Enregistrer une copie garde vos réponses dans un nouveau brouillon.",
			choices: []dialogChoice{{key: "r", label: "Recharger", run: a.reload}, copyChoice}, cancel: -1}
		return nil
	}
	a.dialog = &choiceDialog{c: a.c, title: "L'enregistrement a échoué",
		text: m.err.Error() + "\n\nVos réponses restent à l'écran.",
		choices: []dialogChoice{
			{key: "r", label: "Réessayer", run: func() tea.Cmd { return a.c.saver.retry(a.id) }},
			copyChoice,
			{key: "f", label: "Fermer (nouvel essai à la prochaine réponse)", run: func() tea.Cmd { return nil }},
		}, cancel: 2}
	return nil
}

func (a *assistant) reload() tea.Cmd {
	store, id := a.c.store, a.id
	return func() tea.Msg {
		d, err := store.Get(id)
		return draftReloadedMsg{draft: d, err: err}
	}
}

func (a *assistant) reloaded(m draftReloadedMsg) tea.Cmd {
	if m.err != nil {
		a.dialog = &choiceDialog{c: a.c, title: "Rechargement impossible", text: m.err.Error(),
			choices: []dialogChoice{{key: "c", label: "Enregistrer une copie", run: a.saveCopy},
				{key: "f", label: "Fermer", run: func() tea.Cmd { return nil }}}, cancel: 1}
		return nil
	}
	a.c.saver.drop(a.id)
	a.c.saver.setVersion(m.draft.ID, m.draft.Version)
	sec, w, h := a.sec, a.width, a.height
	*a = *newAssistant(a.c, m.draft)
	a.SetSize(w, h)
	a.sec = sec
	return a.show(sec, "", false)
}

func (a *assistant) saveCopy() tea.Cmd {
	store, from, p := a.c.store, a.id, clonePlan(a.plan)
	title := wizard.CopyTitle(a.draftTitle())
	p.Title = title
	return func() tea.Msg {
		d, err := store.Create(title, p)
		return draftCopiedMsg{from: from, draft: d, err: err}
	}
}

func (a *assistant) copied(m draftCopiedMsg) tea.Cmd {
	if m.err != nil {
		a.dialog = &choiceDialog{c: a.c, title: "Copie impossible", text: m.err.Error(),
			choices: []dialogChoice{{key: "f", label: "Fermer", run: func() tea.Cmd { return nil }}}, cancel: 0}
		return nil
	}
	a.c.saver.drop(m.from)
	a.c.saver.setVersion(m.draft.ID, m.draft.Version)
	a.id = m.draft.ID
	a.plan.Title = m.draft.Plan.Title
	a.savedUI = UIState{}
	return a.saveUI()
}

// textFocused reports whether typed letters go to a text field.
func (a *assistant) textFocused() bool {
	switch {
	case a.dialog != nil:
		return a.dialog.textFocused()
	case a.form != nil:
		return a.form.textFocused()
	case a.list != nil:
		return a.list.textFocused()
	case a.docs != nil:
		return a.docs.textFocused()
	}
	return false
}

// fieldHelp returns the current question and its help, for the help screen.
func (a *assistant) fieldHelp() (string, string) {
	var f *qform
	switch {
	case a.form != nil:
		f = a.form
	case a.list != nil && a.list.item != nil:
		f = a.list.item
	}
	if f == nil {
		return a.sec.Title(), sectionHelp[a.sec]
	}
	q := f.current()
	text := q.Help
	if q.Kind == wizard.KindChoice || q.Kind == wizard.KindMulti {
		var b strings.Builder
		for _, o := range q.Options {
			if o.Help != "" && len(q.Options) <= 20 {
				b.WriteString("\n• " + o.Label + " : " + o.Help)
			}
		}
		text += b.String()
	}
	return q.Title, text
}

// sectionHelp says what each section is for.
var sectionHelp = [wizard.NumSections]string{
	"La collectivité qui agit : type, nom, département, population, exécutif, et les compétences qui ouvrent un mécanisme « 1 % ».",
	"Le partenaire étranger : nom, pays, type (une convention se conclut avec une autorité locale, jamais avec un État), représentant, langues.",
	"La catégorie juridique (coopération, aide au développement, aide humanitaire), les secteurs, les objectifs et les ODD.",
	"La forme de l'action ; elle décide des documents à préparer.",
	"Le mode de mise en œuvre ; la collectivité reste maître d'ouvrage.",
	"Les dates et la liste des actions, avec leur année et leur coût.",
	"Les sources de financement, une ligne par source et par année (un financement versé sur trois ans : trois lignes) ; le plan doit être équilibré.",
	"La séance du conseil qui vote la délibération ; tout peut rester vide avant la séance.",
	"Toutes les réponses, section par section, et les constats de la vérification juridique.",
	"L'aperçu des documents et leur export en fichiers.",
}

// View draws the progress lines and the current section.
func (a *assistant) View() string {
	var body string
	switch {
	case a.dialog != nil:
		body = a.dialog.view()
		return a.progressView() + "\n" + fit(body, a.width, a.bodyHeight())
	case a.form != nil:
		body = a.form.View()
	case a.list != nil:
		body = a.list.View()
	case a.review != nil:
		body = a.review.View()
	case a.docs != nil:
		body = a.docs.View()
	default:
		body = "Aucune question ne s'applique ici, compte tenu de vos réponses.\n\nentrée : section suivante"
	}
	return a.progressView() + "\n" + fit(body, a.width, a.bodyHeight())
}

// progressView is the two progress lines: every section with its state symbol (the
// current one by name), then the current section's state in words.
func (a *assistant) progressView() string {
	s := a.c.styles
	var b strings.Builder
	for sec := wizard.Section(0); sec < wizard.NumSections; sec++ {
		st := a.state(sec)
		label := stateSymbol(st) + strconv.Itoa(int(sec)+1)
		if sec == a.sec {
			b.WriteString(s.Current.Render("["+label+" "+sec.Title()+"]") + " ")
			continue
		}
		b.WriteString(s.stateStyle(st).Render(label) + " ")
	}
	return cell(b.String(), a.width) + "\n" + a.statusLine()
}

// statusLine is the current section, its state in words, the question shown and the
// completeness of the project, on one line of the width: « 6/10 Actions et calendrier ·
// … en cours · q. 3/8 · projet 7 % ». When the line would not fit, the item's name goes
// first, then the question; the percentage always stays.
func (a *assistant) statusLine() string {
	s := a.c.styles
	st := a.state(a.sec)
	head := fmt.Sprintf("%d/%d %s · ", int(a.sec)+1, wizard.NumSections, a.sec.Title()) + s.stateStyle(st).Render(stateLabel(st))
	tail := s.Subtle.Render(fmt.Sprintf(" · projet %d %%", a.progress.Percent))
	var middles []string
	switch {
	case a.form != nil:
		at, n := a.form.position()
		middles = []string{fmt.Sprintf(" · q. %d/%d", at, n)}
	case a.list != nil && a.list.item != nil:
		at, n := a.list.item.position()
		q := fmt.Sprintf("q. %d/%d", at, n)
		middles = []string{" · " + a.list.itemName(a.list.editing) + ", " + q, " · " + q}
	}
	middles = append(middles, "")
	for _, m := range middles {
		if l := head + m + tail; lipgloss.Width(l) <= a.width {
			return cell(l, a.width)
		}
	}
	return cell(head, a.width-lipgloss.Width(tail)) + tail
}

// ShortHelp is the footer help for the current field or list.
func (a *assistant) ShortHelp() []key.Binding {
	k := a.c.keys
	if a.dialog != nil {
		return a.dialog.keys()
	}
	var ks []key.Binding
	switch {
	case a.form != nil:
		ks = fieldKeys(a.c, a.form.current())
	case a.list != nil:
		ks = a.list.ShortHelp()
	case a.review != nil:
		ks = a.review.ShortHelp()
	case a.docs != nil:
		ks = a.docs.ShortHelp()
	}
	switch {
	case a.docs != nil && a.docs.dialog != nil, a.list != nil && a.list.dialog != nil:
		return ks
	case a.list != nil && a.list.item != nil:
		return append(ks, k.Back)
	case a.review != nil || a.docs != nil:
		return append(ks, k.Contents, k.Home)
	}
	// Least needed last: a footer too narrow drops the last keys first.
	return append(ks, k.Home, k.Contents, k.NextSection)
}

// fieldKeys is the key help of a question's field.
func fieldKeys(c *common, q *wizard.Question) []key.Binding {
	k := c.keys
	nb := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
	}
	if q.Directory {
		return []key.Binding{nb("lettres", "chercher"), nb("↑/↓", "parcourir"), nb("entrée", "choisir"), nb("tab", "passer"), k.PrevField}
	}
	switch q.Kind {
	case wizard.KindChoice:
		if q.Searchable {
			return []key.Binding{nb("lettres", "filtrer"), nb("↑/↓", "parcourir"), nb("entrée", "choisir"), k.PrevField}
		}
		return []key.Binding{nb("↑/↓", "parcourir"), nb("entrée", "choisir"), k.PrevField}
	case wizard.KindMulti:
		return []key.Binding{nb("↑/↓", "parcourir"), nb("espace", "cocher"), nb("entrée", "valider"), k.PrevField}
	case wizard.KindConfirm:
		return []key.Binding{nb("o/n", "oui/non"), nb("entrée", "valider"), k.PrevField}
	case wizard.KindLongText:
		return []key.Binding{nb("entrée", "valider"), nb("alt+entrée", "à la ligne"), k.PrevField}
	}
	return []key.Binding{k.NextField, k.PrevField}
}

// FullHelp is the help screen's key list: the keys of the field, list or page shown,
// then the keys that move between sections — each key once, with what it does here.
func (a *assistant) FullHelp() [][]key.Binding {
	k := a.c.keys
	short := a.ShortHelp()
	switch {
	case a.dialog != nil, a.docs != nil && a.docs.dialog != nil, a.list != nil && a.list.dialog != nil:
		return [][]key.Binding{short}
	}
	groups := [][]key.Binding{short}
	var nav []key.Binding
	switch {
	case a.list != nil && a.list.item == nil:
		groups = append(groups, []key.Binding{k.PrevField})
	case a.review != nil:
		groups = append(groups, a.review.FullHelp()...)
	case a.docs != nil:
		groups = append(groups, a.docs.FullHelp()...)
	}
	if a.review == nil && a.docs == nil {
		nav = append(nav, k.NextSection, k.PrevSection)
	}
	nav = append(nav, k.Contents)
	if a.list == nil || a.list.item == nil {
		nav = append(nav, k.Home) // échap closes an item first
	}
	return append(groups, nav)
}
