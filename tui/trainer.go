package tui

import (
	"cmp"
	"fmt"
	"io"
	"log"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aect/storage"
	"aect/wizard"
	"aect/wizard/safetext"
)

// Board is what the trainer's dashboard reads in a workshop over the network (aect
// serve): every participant's drafts, one participant's draft, and who is connected.
// Every error it returns carries a French message that can be shown as is.
type Board interface {
	// WorkshopDrafts returns every participant's drafts not in the bin; it reads no plan.
	WorkshopDrafts() ([]WorkshopDraft, error)
	// ParticipantDraft returns draft id of participant owner.
	ParticipantDraft(owner string, id int64) (Draft, error)
	// Connected returns the names of the participants connected now.
	Connected() []string
}

// WorkshopDraft is one participant's draft as the dashboard lists it.
type WorkshopDraft = storage.WorkshopDraft

// boardInterval is how often the dashboard reads the drafts again: « live » for a room
// watching the projected screen, and one small query a second for the database.
const boardInterval = time.Second

// boardRow is one line of the dashboard: a participant's draft, or a participant
// connected who has no draft yet.
type boardRow struct {
	owner  string
	online bool
	draft  *WorkshopDraft // nil: no draft yet
}

// checked is the number of blocking findings of one version of a draft: a plan is read
// and checked again only when its version changed.
type checked struct {
	version  int64
	blocking int
}

// Messages of the dashboard.
type (
	boardMsg struct {
		rows   []boardRow
		checks map[int64]checked
		err    error
		at     time.Time
	}
	boardTickMsg  struct{}
	projectionMsg struct {
		owner string
		draft Draft
		err   error
	}
)

// readBoard reads the drafts and who is connected, and counts the blocking findings of
// the drafts whose version changed since prev, in a tea.Cmd.
func readBoard(b Board, prev map[int64]checked, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		drafts, err := b.WorkshopDrafts()
		if err != nil {
			return boardMsg{err: err, checks: prev, at: now()}
		}
		online := map[string]bool{}
		for _, n := range b.Connected() {
			online[n] = true
		}
		checks := make(map[int64]checked, len(drafts))
		rows := make([]boardRow, 0, len(drafts)+len(online))
		seen := map[string]bool{}
		for i := range drafts {
			d := &drafts[i]
			c, ok := prev[d.ID]
			if !ok || c.version != d.Version {
				c = checked{version: d.Version, blocking: -1}
				if full, err := b.ParticipantDraft(d.Owner, d.ID); err == nil {
					c.blocking = countBlocking(full.Plan)
				}
			}
			checks[d.ID] = c
			rows = append(rows, boardRow{owner: d.Owner, online: online[d.Owner], draft: d})
			seen[d.Owner] = true
		}
		for n := range online {
			if !seen[n] {
				rows = append(rows, boardRow{owner: n, online: true})
			}
		}
		slices.SortStableFunc(rows, func(a, b boardRow) int {
			return cmp.Compare(wizard.Fold(a.owner)+"\x00"+a.owner, wizard.Fold(b.owner)+"\x00"+b.owner)
		})
		return boardMsg{rows: rows, checks: checks, at: now()}
	}
}

func countBlocking(p *wizard.Plan) int {
	n := 0
	for _, f := range wizard.Check(p) {
		if f.Severity == wizard.Blocking {
			n++
		}
	}
	return n
}

// trainerKeys are the keys of the dashboard and of the projection.
type trainerKeys struct {
	Project, Review, Documents, Back key.Binding
}

func newTrainerKeys() trainerKeys {
	return trainerKeys{
		Project:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("entrée", "projeter (lecture seule)")),
		Review:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "vérification")),
		Documents: key.NewBinding(key.WithKeys("d", "tab"), key.WithHelp("d", "documents")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("échap", "tableau de bord")),
	}
}

// Trainer is the root model of the trainer's side of a workshop over the network: a
// dashboard of every participant, refreshed every second, from which a participant's
// draft is projected read-only (its review and its documents).
type Trainer struct {
	c      *common
	board  Board
	tk     trainerKeys
	rows   []boardRow
	checks map[int64]checked
	loaded bool
	err    string
	at     time.Time
	cursor int
	offset int
	proj   *projection
	over   overlay
	winW   int
	winH   int
}

// NewTrainer returns the trainer's dashboard. It writes nothing: Options.Remote is
// implied (no export, no print).
func NewTrainer(board Board, opt Options) *Trainer {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = log.New(io.Discard, "", 0)
	}
	opt.Remote = true
	keys := NewKeyMap()
	for _, k := range []*key.Binding{&keys.Export, &keys.ExportDocs, &keys.Print} {
		k.SetEnabled(false)
	}
	c := &common{opt: opt, styles: optionStyles(opt), keys: keys, log: opt.Log, draftID: func() int64 { return 0 }}
	return &Trainer{c: c, board: board, tk: newTrainerKeys(), checks: map[int64]checked{}}
}

// Init reads the drafts.
func (t *Trainer) Init() tea.Cmd { return readBoard(t.board, t.checks, t.c.opt.Now) }

// Update handles the size, the keys, and the dashboard's readings.
func (t *Trainer) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		t.winW, t.winH = msg.Width, msg.Height
		t.c.width, t.c.height = msg.Width, max(msg.Height-1-footerLines, 1)
		if t.proj != nil {
			t.proj.SetSize(t.c.width, t.c.height)
		}
		if t.over != nil {
			t.over.SetSize(t.c.width, t.c.height)
		}
		return t, nil
	case boardMsg:
		t.loaded, t.at, t.checks, t.err = true, msg.at, msg.checks, ""
		if msg.err != nil {
			t.c.log.Printf("tableau de bord : %v", msg.err)
			t.err = safetext.Message(msg.err.Error())
		} else {
			t.rows = msg.rows
		}
		t.cursor = max(min(t.cursor, len(t.rows)-1), 0)
		tick := tea.Tick(boardInterval, func(time.Time) tea.Msg { return boardTickMsg{} })
		if p := t.proj; p != nil {
			if c, ok := t.checks[p.draft.ID]; ok && c.version != p.draft.Version {
				return t, tea.Batch(tick, t.project(p.owner, p.draft.ID))
			}
		}
		return t, tick
	case signalMsg: // the server stops: nothing to save here
		return t, tea.Quit
	case boardTickMsg:
		return t, readBoard(t.board, t.checks, t.c.opt.Now)
	case projectionMsg:
		if msg.err != nil {
			t.err = safetext.Message(msg.err.Error())
			return t, nil
		}
		if t.proj != nil && t.proj.draft.ID == msg.draft.ID {
			t.proj.refresh(msg.draft)
		} else {
			t.proj = newProjection(t.c, t.tk, msg.owner, msg.draft)
			t.proj.SetSize(t.c.width, t.c.height)
		}
		return t, nil
	case tea.KeyMsg:
		return t, t.key(msg)
	}
	return t, nil
}

// project reads a participant's draft for the projection, in a tea.Cmd.
func (t *Trainer) project(owner string, id int64) tea.Cmd {
	b := t.board
	return func() tea.Msg {
		d, err := b.ParticipantDraft(owner, id)
		return projectionMsg{owner: owner, draft: d, err: err}
	}
}

func (t *Trainer) key(msg tea.KeyMsg) tea.Cmd {
	k := t.c.keys
	switch {
	case key.Matches(msg, k.Interrupt):
		return tea.Quit
	case t.winW < minWidth || t.winH < minHeight:
		return nil
	case key.Matches(msg, k.Glossary):
		if _, open := t.over.(*glossaryScreen); !open {
			t.openOverlay(newGlossary(t.c))
		}
		return nil
	case t.over != nil:
		cmd, r := t.over.Update(msg)
		if r.closed {
			t.over = nil
		}
		return cmd
	case key.Matches(msg, k.Help):
		t.openOverlay(newHelpScreen(t.c, t.screen()))
		return nil
	case t.proj != nil:
		if key.Matches(msg, t.tk.Back) {
			t.proj = nil
			return nil
		}
		cmd, _ := t.proj.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Up):
		t.cursor = max(t.cursor-1, 0)
	case key.Matches(msg, k.Down):
		t.cursor = min(t.cursor+1, max(len(t.rows)-1, 0))
	case key.Matches(msg, k.Top):
		t.cursor = 0
	case key.Matches(msg, k.Bottom):
		t.cursor = max(len(t.rows)-1, 0)
	case key.Matches(msg, t.tk.Project):
		if t.cursor < len(t.rows) && t.rows[t.cursor].draft != nil {
			r := t.rows[t.cursor]
			return t.project(r.owner, r.draft.ID)
		}
	}
	return nil
}

func (t *Trainer) openOverlay(o overlay) {
	o.SetSize(t.c.width, t.c.height)
	t.over = o
}

// screen is what the help screen describes: the projection, or the dashboard.
func (t *Trainer) screen() screen {
	if t.proj != nil {
		return t.proj
	}
	return dashboardKeys{t}
}

// dashboardKeys gives the dashboard's keys the screen contract the help screen reads.
type dashboardKeys struct{ t *Trainer }

func (d dashboardKeys) Init() tea.Cmd                   { return nil }
func (d dashboardKeys) Update(tea.Msg) (tea.Cmd, reply) { return nil, reply{} }
func (d dashboardKeys) View() string                    { return "" }
func (d dashboardKeys) SetSize(int, int)                {}
func (d dashboardKeys) ShortHelp() []key.Binding {
	k := d.t.c.keys
	return []key.Binding{k.Up, d.t.tk.Project, k.Quit}
}
func (d dashboardKeys) FullHelp() [][]key.Binding {
	k := d.t.c.keys
	return [][]key.Binding{d.ShortHelp(), {k.Top, k.Bottom}}
}

// View draws the header, the dashboard or the projection, and the keys.
func (t *Trainer) View() string {
	if t.winW == 0 {
		return ""
	}
	if t.winW < minWidth || t.winH < minHeight {
		msg := fmt.Sprintf("Fenêtre trop petite : agrandissez-la à au moins %d × %d (actuellement %d × %d).",
			minWidth, minHeight, t.winW, t.winH)
		return fit(wrapText(msg, max(t.winW-1, 10)), t.winW, t.winH)
	}
	s := t.c.styles
	header := s.HeaderTitle.Render("aect") + " · Formateur"
	var body string
	var keys []key.Binding
	switch {
	case t.over != nil:
		body, keys = t.over.View(), t.over.ShortHelp()
	case t.proj != nil:
		header += " · projection de " + safetext.Line(t.proj.owner)
		body, keys = t.proj.View(), t.proj.ShortHelp()
	default:
		body, keys = t.dashboard(), dashboardKeys{t}.ShortHelp()
	}
	if t.over == nil {
		keys = append(keys, t.c.keys.Help, t.c.keys.Glossary)
	}
	return s.Header.Render(cell(header, t.winW)) + "\n" + fit(body, t.c.width, t.c.height) + "\n" + t.footer(keys)
}

// footer lays the keys out on footerLines lines, as many as fit.
func (t *Trainer) footer(bindings []key.Binding) string {
	s := t.c.styles.Help
	lines := make([]string, footerLines)
	row, width := 0, 0
	for _, b := range bindings {
		h := b.Help()
		if !b.Enabled() || h.Key == "" {
			continue
		}
		item := s.ShortKey.Render(h.Key) + " " + s.ShortDesc.Render(h.Desc)
		w := len([]rune(h.Key)) + 1 + len([]rune(h.Desc))
		if width > 0 && width+3+w > t.winW {
			row, width = row+1, 0
		}
		if row >= footerLines {
			break
		}
		if width > 0 {
			lines[row] += s.ShortSeparator.Render(" • ")
			width += 3
		}
		lines[row] += item
		width += w
	}
	return strings.Join(lines, "\n")
}

// Dashboard columns, in cells (the draft's title takes what is left).
const (
	colParticipant = 16
	colSection     = 18
	colComplete    = 7
	colBlocking    = 9
	colChanged     = 12
)

// dashboard draws the title line, then one line per participant's draft.
func (t *Trainer) dashboard() string {
	s := t.c.styles
	var b strings.Builder
	people := map[string]bool{}
	online := 0
	for _, r := range t.rows {
		if !people[r.owner] {
			people[r.owner] = true
			if r.online {
				online++
			}
		}
	}
	title := "Tableau de bord de l'atelier — " + wizard.CountOf(len(people), "participant", "participants") +
		", " + wizard.CountOf(online, "connecté", "connectés")
	if !t.at.IsZero() {
		title += " · à jour à " + t.at.Format("15:04:05")
	}
	b.WriteString(s.Title.Render(title) + "\n")
	switch {
	case t.err != "":
		b.WriteString(s.Err.Render("✗ "+t.err) + "\n")
	case !t.loaded:
		b.WriteString("Chargement…\n")
	case len(t.rows) == 0:
		b.WriteString("\n" + wrapText("Personne n'est encore connecté. Les participants se connectent avec la commande "+
			"affichée au démarrage du serveur (ssh -p PORT prenom@ADRESSE) et le code d'atelier ; "+
			"leurs projets apparaissent ici dès leur première réponse.", max(t.c.width-2, 20)) + "\n")
		return b.String()
	}
	titleW := max(t.c.width-2-colParticipant-colSection-colComplete-colBlocking-colChanged-5, 10)
	b.WriteString(s.Bold.Render("  "+cell("Participant", colParticipant)+" "+cell("Projet", titleW)+" "+
		cell("Section", colSection)+" "+cell("Complet", colComplete)+" "+cell("Bloquants", colBlocking)+" "+
		cell("Modifié", colChanged)) + "\n")
	rows := max(t.c.height-3, 1)
	t.offset = keepInView(t.offset, t.cursor, rows)
	now := t.c.opt.Now()
	for i := t.offset; i < min(t.offset+rows, len(t.rows)); i++ {
		r := t.rows[i]
		mark := "○ "
		if r.online {
			mark = "● "
		}
		name := mark + safetext.Line(r.owner)
		if i > t.offset && t.rows[i-1].owner == r.owner {
			name = "" // the participant's next drafts, under the name
		}
		line := cell(name, colParticipant) + " "
		if r.draft == nil {
			line += s.Subtle.Render(cell("— aucun projet pour l'instant", titleW+colSection+colComplete+colBlocking+colChanged+4))
		} else {
			d := r.draft
			sec := wizard.Section(d.Section)
			blocking := "?"
			if c, ok := t.checks[d.ID]; ok && c.blocking >= 0 {
				blocking = strconv.Itoa(c.blocking)
			}
			bl := cell(blocking, colBlocking)
			if blocking != "0" && blocking != "?" {
				bl = s.Blocking.Render(bl)
			}
			line += cell(safetext.Line(d.Title), titleW) + " " +
				cell(fmt.Sprintf("%d/%d %s", int(sec)+1, wizard.NumSections, sec.Title()), colSection) + " " +
				cell(fmt.Sprintf("%d %%", d.Percent), colComplete) + " " + bl + " " +
				cell(wizard.FormatAge(d.Updated, now), colChanged)
		}
		if i == t.cursor {
			b.WriteString(s.Selected.Render("›") + " " + line + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	b.WriteString(s.Subtle.Render("● connecté  ○ déconnecté · entrée : projeter le projet choisi, en lecture seule"))
	return b.String()
}

// projection shows a participant's draft read-only, for the room: its review (answers
// and findings) and its documents, followed live.
type projection struct {
	c        *common
	tk       trainerKeys
	owner    string
	draft    Draft
	review   *reviewScreen
	docs     *documentsScreen
	showDocs bool
	width    int
	height   int
}

func newProjection(c *common, tk trainerKeys, owner string, d Draft) *projection {
	p := &projection{c: c, tk: tk, owner: owner}
	p.refresh(d)
	return p
}

// refresh shows a newer version of the draft, keeping the place in the review and the
// document shown.
func (p *projection) refresh(d Draft) {
	p.draft = d
	prog := d.Plan.Progress()
	states := prog.States
	for _, s := range d.UI.ToReview {
		if s >= 0 && s < wizard.NumSections {
			states[s] = wizard.StateToReview
		}
	}
	var cursor, tab, offset int
	if p.review != nil {
		cursor = p.review.cursor
	}
	if p.docs != nil {
		tab, offset = p.docs.tab, p.docs.vp.YOffset
	}
	p.review = newReview(p.c, d.Plan, states, nil)
	p.review.readOnly = true
	p.docs = newDocuments(p.c, d.Plan)
	p.docs.tab = min(tab, max(len(p.docs.kinds)-1, 0))
	if p.width > 0 {
		p.SetSize(p.width, p.height)
	}
	p.review.cursor = min(cursor, max(len(p.review.items)-1, 0))
	p.review.scroll()
	p.docs.vp.SetYOffset(offset)
}

// Init does nothing.
func (p *projection) Init() tea.Cmd { return nil }

// SetSize gives the review and the documents the height under the title lines.
func (p *projection) SetSize(w, h int) {
	p.width, p.height = w, h
	p.review.SetSize(w, max(h-2, 3))
	p.docs.SetSize(w, max(h-2, 3))
}

// Update switches between the review and the documents; nothing is written, and the
// review's jumps to a question are ignored.
func (p *projection) Update(msg tea.Msg) (tea.Cmd, reply) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, p.tk.Review):
			p.showDocs = false
			return nil, reply{}
		case !p.showDocs && key.Matches(km, p.tk.Documents):
			p.showDocs = true
			return nil, reply{}
		}
	}
	if p.showDocs {
		return p.docs.Update(msg)
	}
	cmd, _ := p.review.Update(msg)
	return cmd, reply{}
}

// View draws the draft's title line, the tabs, and the review or the documents.
func (p *projection) View() string {
	s := p.c.styles
	d := p.draft
	sec := wizard.Section(max(0, min(d.UI.Section, wizard.NumSections-1)))
	head := fmt.Sprintf("« %s » de %s — lecture seule · section %d/%d %s · complet à %d %%",
		safetext.Line(d.Title), safetext.Line(p.owner), int(sec)+1, wizard.NumSections, sec.Title(), d.Percent)
	tabs := s.Current.Render("[Vérification]") + "  Documents"
	body := p.review.View()
	if p.showDocs {
		tabs = " Vérification   " + s.Current.Render("[Documents]")
		body = p.docs.View()
	}
	return cell(head, p.width) + "\n" + tabs + "\n" + body
}

// ShortHelp is the footer help.
func (p *projection) ShortHelp() []key.Binding {
	k := p.c.keys
	if p.showDocs {
		return []key.Binding{p.tk.Review, k.PrevTab, key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pg suiv/préc", "défiler")), p.tk.Back}
	}
	return []key.Binding{p.tk.Documents, key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "parcourir")), p.tk.Back}
}

// FullHelp is the help screen's key list.
func (p *projection) FullHelp() [][]key.Binding {
	k := p.c.keys
	return [][]key.Binding{p.ShortHelp(), {p.tk.Review, p.tk.Documents, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}
