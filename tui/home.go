package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
	"aect/wizard/safetext"
)

// listMsg carries the drafts list (or the bin) read from the store. A head is the first
// drafts only, with the total: it draws the first screen at once, the whole list follows.
type listMsg struct {
	bin   bool
	items []Summary
	err   error
	head  bool
	total int
}

// headSize is how many drafts the first screen reads before the whole list: more than a
// screenful at any usual height.
const headSize = 60

// searchMsg carries the drafts the store finds for a filter: its search also reads
// what the list does not show, the authority's name.
type searchMsg struct {
	query string
	ids   map[int64]bool
}

// homeDoneMsg reports the end of an action on a draft (duplicate, rename, delete,
// restore); the list is then read again.
type homeDoneMsg struct {
	info     string
	err      error
	selectID int64
}

// homeScreen is the Accueil: the drafts list, its filter, the bin, and the actions on a
// draft.
type homeScreen struct {
	c      *common
	items  []Summary
	folded []string // folded search text of each item, computed on first filter use
	// found holds the drafts the store found for the filter foundFor (searchMsg).
	found    map[int64]bool
	foundFor string
	view     []int // indexes of the items shown (matching the filter)
	cursor   int   // position in view
	offset   int   // first row shown
	filter   textinput.Model
	// filtering: the filter has focus.
	filtering bool
	bin       bool
	loaded    bool
	// whole: the whole list is loaded, not only its head.
	whole bool
	// total is the number of drafts while only the head of the list is loaded, else 0.
	total int
	info  string
	err   string
	// listFailed: err is the list's own error, cleared when the list reads again.
	listFailed bool
	selectID   int64
	dialog     dialog
	width      int
	height     int
	// ready is called once, at the first frame showing drafts (start-up benchmark hook).
	ready func()
}

func newHome(c *common) *homeScreen {
	h := &homeScreen{c: c}
	h.filter = newInput(c, "Filtre : ", "tapez quelques lettres (accents et majuscules ignorés)")
	h.filter.Blur()
	return h
}

// Init reads the first drafts, unless Run has already (see readHead); the whole list is
// read once they are shown (see Update).
func (h *homeScreen) Init() tea.Cmd {
	if h.loaded {
		return h.reload()
	}
	return h.readHead
}

// readHead reads the first drafts and how many there are.
func (h *homeScreen) readHead() tea.Msg {
	items, total, err := h.c.store.ListHead(headSize)
	return listMsg{items: items, err: err, head: true, total: total}
}

// SetSize sets the body size.
func (h *homeScreen) SetSize(w, hh int) {
	h.width, h.height = w, hh
	h.filter.Width = max(w-20, 10)
	h.clampOffset()
}

// reload reads the list again, in a tea.Cmd.
func (h *homeScreen) reload() tea.Cmd {
	store, bin := h.c.store, h.bin
	return func() tea.Msg {
		var items []Summary
		var err error
		if bin {
			items, err = store.ListDeleted()
		} else {
			items, err = store.List("")
		}
		return listMsg{bin: bin, items: items, err: err}
	}
}

func (h *homeScreen) selected() (Summary, bool) {
	if h.cursor < 0 || h.cursor >= len(h.view) {
		return Summary{}, false
	}
	return h.items[h.view[h.cursor]], true
}

// Update handles keys and the store's answers.
func (h *homeScreen) Update(msg tea.Msg) (tea.Cmd, reply) {
	if h.dialog != nil {
		cmd, done := h.dialog.update(msg)
		if done {
			h.dialog = nil
		}
		if _, isKey := msg.(tea.KeyMsg); isKey || done {
			return cmd, reply{}
		}
		if cmd != nil {
			return cmd, reply{}
		}
	}
	switch msg := msg.(type) {
	case listMsg:
		if msg.bin != h.bin || (msg.head && h.whole) {
			return nil, reply{}
		}
		if msg.err != nil {
			h.err, h.listFailed = safetext.Message(msg.err.Error()), true
			return nil, reply{}
		}
		if h.listFailed { // the list reads again: its error goes (not another action's)
			h.err, h.listFailed = "", false
		}
		var keep int64
		if s, ok := h.selected(); ok {
			keep = s.ID
		}
		if h.selectID != 0 {
			keep, h.selectID = h.selectID, 0
		}
		h.items, h.folded, h.loaded, h.whole = msg.items, nil, true, !msg.head
		h.total = 0
		if msg.head {
			h.total = msg.total
		}
		h.applyFilter()
		for i, idx := range h.view {
			if h.items[idx].ID == keep {
				h.cursor = i
			}
		}
		h.clampOffset()
		if !msg.head && h.filter.Value() != "" {
			return h.search(), reply{} // the drafts changed: so may what the search finds
		}
		if msg.head {
			// The whole list is read in a command started from here, not chained after
			// the head in one goroutine: chained, it kept the processor the head's
			// message was handed to, and the first frame waited for the whole list.
			return h.reload(), reply{}
		}
		return nil, reply{}
	case searchMsg:
		if !h.bin && msg.query == h.filter.Value() {
			h.found, h.foundFor = msg.ids, msg.query
			h.applyFilter()
		}
		return nil, reply{}
	case homeDoneMsg:
		h.info, h.err = msg.info, ""
		if msg.err != nil {
			h.info, h.err = "", safetext.Message(msg.err.Error())
		}
		h.selectID = msg.selectID
		return h.reload(), reply{}
	case tea.KeyMsg:
		if key.Matches(msg, h.c.keys.Quit) && !h.filtering {
			return nil, reply{quit: true}
		}
		return h.key(msg), reply{}
	}
	return nil, reply{}
}

func (h *homeScreen) key(msg tea.KeyMsg) tea.Cmd {
	k := h.c.keys
	if h.filtering {
		switch {
		case key.Matches(msg, k.Confirm), key.Matches(msg, k.Up), key.Matches(msg, k.Down):
			if msg.String() == "k" || msg.String() == "j" {
				break
			}
			h.filtering = false
			h.filter.Blur()
			if !key.Matches(msg, k.Confirm) {
				return h.key(msg)
			}
			return nil
		case key.Matches(msg, k.Back):
			h.filtering = false
			h.filter.Blur()
			h.filter.SetValue("")
			h.applyFilter()
			return nil
		}
		var cmd tea.Cmd
		before := h.filter.Value()
		h.filter, cmd = h.filter.Update(msg)
		if h.filter.Value() != before {
			h.applyFilter()
			return tea.Batch(cmd, h.search())
		}
		return cmd
	}
	h.info, h.err = "", ""
	switch {
	case key.Matches(msg, k.Up):
		h.move(-1)
	case key.Matches(msg, k.Down):
		h.move(1)
	case key.Matches(msg, k.PageUp):
		h.move(-h.rows())
	case key.Matches(msg, k.PageDown):
		h.move(h.rows())
	case key.Matches(msg, k.Top):
		h.move(-len(h.view))
	case key.Matches(msg, k.Bottom):
		h.move(len(h.view))
	case key.Matches(msg, k.Filter):
		h.filtering = true
		return h.filter.Focus()
	case key.Matches(msg, k.Back):
		if h.filter.Value() != "" {
			h.filter.SetValue("")
			h.applyFilter()
		} else if h.bin {
			return h.toggleBin()
		}
	case key.Matches(msg, k.Bin):
		return h.toggleBin()
	case h.bin:
		return h.binKey(msg)
	case key.Matches(msg, k.New):
		h.dialog = newPrompt(h.c, "Nouveau projet", "Titre du projet (facultatif : laissé vide, il sera composé d'après vos réponses, par exemple « Jumelage Belmont – Lindenbach ») :", "", nil, h.create)
	case key.Matches(msg, k.Open):
		if s, ok := h.selected(); ok {
			return h.open(s.ID)
		}
	case key.Matches(msg, k.Duplicate):
		if s, ok := h.selected(); ok {
			return h.duplicate(s)
		}
	case key.Matches(msg, k.Rename):
		if s, ok := h.selected(); ok {
			id := s.ID
			h.dialog = newPrompt(h.c, "Renommer", "Nouveau titre de « "+quoted(s.Title)+" » :", s.Title, nonEmptyTitle,
				func(t string) tea.Cmd { return h.rename(id, t) })
		}
	case key.Matches(msg, k.Delete):
		if s, ok := h.selected(); ok {
			h.dialog = &confirmDialog{c: h.c, title: "Corbeille", text: "Mettre « " + quoted(s.Title) + " » à la corbeille ?",
				yes: func() tea.Cmd { return h.delete(s) }}
		}
	case key.Matches(msg, k.Export):
		if s, ok := h.selected(); ok {
			h.dialog = newExportDialog(h.c, func(f, dir string) tea.Cmd { return exportDraftCmd(h.c, s.ID, nil, f, dir) })
		}
	case key.Matches(msg, k.History):
		if h.c.saver.pending() {
			// The draft just left may still be writing: its history is not complete yet.
			h.info = "Enregistrement en cours : rouvrez l'historique dans un instant."
			return nil
		}
		if s, ok := h.selected(); ok {
			var cmd tea.Cmd
			h.dialog, cmd = newHistoryDialog(h.c, s)
			return cmd
		}
	}
	return nil
}

func (h *homeScreen) binKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, h.c.keys.Restore) {
		if s, ok := h.selected(); ok {
			store, id, title := h.c.store, s.ID, s.Title
			return func() tea.Msg {
				if err := store.Restore(id); err != nil {
					return homeDoneMsg{err: err}
				}
				return homeDoneMsg{info: "« " + quoted(title) + " » est restauré dans vos projets."}
			}
		}
	}
	return nil
}

func (h *homeScreen) toggleBin() tea.Cmd {
	h.bin = !h.bin
	h.items, h.view, h.folded, h.cursor, h.offset, h.loaded, h.whole, h.total = nil, nil, nil, 0, 0, false, false, 0
	h.filter.SetValue("")
	return h.reload()
}

func nonEmptyTitle(s string) error {
	if strings.TrimSpace(s) == "" {
		return wizard.Errorf("le titre est vide : tapez quelques mots, par exemple « Jumelage avec Lindenbach »")
	}
	return nil
}

func (h *homeScreen) create(title string) tea.Cmd {
	store := h.c.store
	return func() tea.Msg {
		d, err := store.Create(title, &wizard.Plan{Title: title})
		if err != nil {
			return homeDoneMsg{err: err}
		}
		return draftOpenedMsg{draft: d}
	}
}

func (h *homeScreen) open(id int64) tea.Cmd {
	store := h.c.store
	return func() tea.Msg {
		d, err := store.Get(id)
		if err != nil {
			return homeDoneMsg{err: err}
		}
		return draftOpenedMsg{draft: d}
	}
}

func (h *homeScreen) duplicate(s Summary) tea.Cmd {
	store := h.c.store
	return func() tea.Msg {
		d, err := store.Duplicate(s.ID)
		if err != nil {
			return homeDoneMsg{err: err}
		}
		return homeDoneMsg{info: "Copie créée : « " + quoted(d.Title) + " ».", selectID: d.ID}
	}
}

func (h *homeScreen) rename(id int64, title string) tea.Cmd {
	store := h.c.store
	return func() tea.Msg {
		if err := store.Rename(id, title); err != nil {
			return homeDoneMsg{err: err}
		}
		return homeDoneMsg{info: "Projet renommé « " + quoted(title) + " ».", selectID: id}
	}
}

func (h *homeScreen) delete(s Summary) tea.Cmd {
	store := h.c.store
	return func() tea.Msg {
		if err := store.Delete(s.ID); err != nil {
			return homeDoneMsg{err: err}
		}
		return homeDoneMsg{info: "« " + quoted(s.Title) + " » est dans la corbeille (c pour la voir et le restaurer)."}
	}
}

// search asks the store, in a tea.Cmd, which drafts match the filter: the list matches
// in memory what it shows (title, partner, country, form) at once; the store also
// searches the authority's name (« montclar » finds the commune of Montclar), and its
// drafts are added when they come. The bin is filtered in memory only.
func (h *homeScreen) search() tea.Cmd {
	query := h.filter.Value()
	if h.bin || strings.TrimSpace(query) == "" {
		return nil
	}
	store := h.c.store
	return func() tea.Msg {
		items, err := store.List(query)
		if err != nil {
			return nil // the list's own matches stay; the store's error shows on its next read
		}
		ids := make(map[int64]bool, len(items))
		for _, s := range items {
			ids[s.ID] = true
		}
		return searchMsg{query: query, ids: ids}
	}
}

// applyFilter recomputes the rows shown, in memory, ignoring case and accents, with the
// drafts the store found for the same filter.
func (h *homeScreen) applyFilter() {
	q := strings.Fields(wizard.Fold(h.filter.Value()))
	h.view = h.view[:0]
	if len(q) > 0 && h.folded == nil {
		h.folded = make([]string, len(h.items))
		for i, s := range h.items {
			h.folded[i] = wizard.Fold(s.Title + " " + s.Partner + " " + countryName(s.Country) + " " + wizard.Forms.Label(s.Form))
		}
	}
	found := h.found
	if h.foundFor != h.filter.Value() {
		found = nil
	}
	for i := range h.items {
		if matchesAll(h.folded, i, q) || found[h.items[i].ID] {
			h.view = append(h.view, i)
		}
	}
	h.cursor = min(h.cursor, max(len(h.view)-1, 0))
	h.clampOffset()
}

func matchesAll(folded []string, i int, words []string) bool {
	for _, w := range words {
		if !strings.Contains(folded[i], w) {
			return false
		}
	}
	return true
}

func countryName(code string) string {
	if c, ok := wizard.LookupCountry(code); ok {
		return c.Name
	}
	return code
}

// rows is the number of list rows that fit.
func (h *homeScreen) rows() int { return max(h.height-5, 1) }

func (h *homeScreen) move(d int) {
	h.cursor = max(0, min(h.cursor+d, len(h.view)-1))
	h.clampOffset()
}

func (h *homeScreen) clampOffset() {
	r := h.rows()
	h.offset = keepInView(h.offset, h.cursor, r)
	h.offset = max(0, min(h.offset, len(h.view)-r))
}

// textFocused reports whether the filter or a dialog's input has focus.
func (h *homeScreen) textFocused() bool {
	if h.dialog != nil {
		return h.dialog.textFocused()
	}
	return h.filtering
}

// column widths: marker, form, partner, modified, complete; the title takes the rest.
const (
	colForm     = 15
	colPartner  = 14
	colModified = 13
	colPercent  = 7
)

// View draws the list, the empty state, or the open dialog.
func (h *homeScreen) View() string {
	if h.dialog != nil {
		return h.dialog.view()
	}
	s := h.c.styles
	var b strings.Builder
	title := fmt.Sprintf("Vos projets (%d)", max(len(h.items), h.total))
	if h.bin {
		title = fmt.Sprintf("Corbeille (%d) — entrée : restaurer, échap : retour", len(h.items))
	}
	b.WriteString(s.Title.Render(title) + "\n")
	if h.filtering || h.filter.Value() != "" {
		b.WriteString(s.Subtle.Render(fmt.Sprintf("(%d sur %d) ", len(h.view), len(h.items))) + h.filter.View())
	}
	b.WriteString("\n")
	switch {
	case !h.loaded:
		b.WriteString("Chargement…\n")
	case len(h.items) == 0 && h.bin:
		b.WriteString("La corbeille est vide.\n")
	case len(h.items) == 0:
		b.WriteString(h.emptyState())
	case len(h.view) == 0:
		b.WriteString("Aucun projet ne correspond à « " + quoted(h.filter.Value()) + " ». échap : effacer le filtre.\n")
	default:
		b.WriteString(h.table())
		if h.ready != nil {
			h.ready()
			h.ready = nil
		}
	}
	body := fit(b.String(), h.width, h.height-1)
	status := h.info
	if h.err != "" {
		status = s.Err.Render("✗ " + h.err)
	}
	return body + "\n" + status
}

func (h *homeScreen) emptyState() string {
	k := h.c.styles.Key
	command := h.c.opt.Command
	if command == "" {
		command = "aect"
	}
	lines := []string{
		wrapText(wizard.Typography("Bienvenue ! aect vous aide à préparer un projet international de votre collectivité "+
			"(jumelage, convention de coopération, don humanitaire), vérifie qu'il respecte la loi "+
			"et rédige la délibération et la convention."), h.width-2),
		"",
		k.Render("n") + " : créer un nouveau projet",
	}
	if !h.c.opt.Remote { // a participant over the network has no command line here
		lines = append(lines, wizard.Typography("Pour charger les exemples de l'atelier, quittez ("+k.Render("q")+") puis lancez :"),
			// On its own line, whole, to be typed or copied as is.
			"  "+k.Render(safetext.Line(command)+" demo"))
	}
	return strings.Join(lines, "\n") + "\n"
}

func (h *homeScreen) table() string {
	s := h.c.styles
	w := h.width
	titleW := max(w-2-colForm-colPartner-colModified-colPercent-5, 10)
	modified := "Modifié"
	if h.bin {
		modified = "Supprimé"
	}
	var b strings.Builder
	b.WriteString(s.Bold.Render("  "+cell("Titre", titleW)+" "+cell("Forme", colForm)+" "+cell("Partenaire", colPartner)+" "+
		cell(modified, colModified)+" "+cell("Complet", colPercent)) + "\n")
	now := h.c.opt.Now()
	end := min(h.offset+h.rows(), len(h.view))
	for i := h.offset; i < end; i++ {
		it := h.items[h.view[i]]
		when := it.Updated
		if h.bin {
			when = it.DeletedAt
		}
		// Titles and names come from drafts, perhaps imported: one clean line each.
		partner := safetext.Line(it.Partner)
		if partner == "" {
			partner = "—"
		}
		line := cell(safetext.Line(it.Title), titleW) + " " + cell(orDash(it.Form.ShortLabel()), colForm) + " " + cell(partner, colPartner) + " " +
			cell(wizard.FormatAge(when, now), colModified) + " " + fmt.Sprintf("%5d %%", it.Percent)
		if i == h.cursor {
			b.WriteString(s.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	if len(h.view) > h.rows() {
		count := fmt.Sprintf("%d–%d sur %d", h.offset+1, end, len(h.view))
		if hint := scrollHint(h.offset > 0, end < len(h.view)); hint != "" {
			count += " · " + hint
		}
		b.WriteString(s.Subtle.Render("  " + count))
	}
	return b.String()
}

// ShortHelp is the footer help.
func (h *homeScreen) ShortHelp() []key.Binding {
	k := h.c.keys
	if h.dialog != nil {
		return h.dialog.keys()
	}
	if h.filtering {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("entrée", "garder le filtre")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("échap", "effacer le filtre"))}
	}
	if h.bin {
		return []key.Binding{k.Up, k.Restore, k.Back, k.Quit}
	}
	if len(h.items) == 0 {
		return []key.Binding{k.New, k.Bin, k.Quit}
	}
	// The arrows come last: the footer drops them first, at 80 columns, to keep the
	// history (the help screen lists them).
	return []key.Binding{k.Open, k.New, k.Filter, k.Duplicate, k.Rename, k.Delete, k.Bin, k.Export, k.History, k.Quit, k.Up}
}

// FullHelp is the help screen's key list: the drafts list's, or the bin's.
func (h *homeScreen) FullHelp() [][]key.Binding {
	k := h.c.keys
	move := []key.Binding{k.Up, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Filter}
	if h.bin {
		back := key.NewBinding(key.WithKeys("esc", "c"), key.WithHelp("échap ou c", "revenir à vos projets"))
		return [][]key.Binding{move, {k.Restore, back, k.Quit}}
	}
	return [][]key.Binding{move, {k.Open, k.New, k.Duplicate, k.Rename, k.Delete, k.Bin, k.Export, k.History, k.Quit}}
}
