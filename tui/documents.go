package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"aect/internal/export"
	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/document/render"
	"aect/wizard/safetext"
)

// today is the documents' date, from Options.Now.
func (c *common) today() wizard.Date { return wizard.DateOf(c.opt.Now()) }

// docOptions are the options of the documents: today's date and the models in use.
func (c *common) docOptions() document.Options {
	return document.Options{Today: c.today(), Models: c.opt.Models}
}

// exportDraftCmd writes the documents of draft id, in a tea.Cmd, into dir/<n°>-<title>/:
// the stored plan, or p when given (the plan being edited, whose last answers may still
// be on their way to the store).
func exportDraftCmd(c *common, id int64, p *wizard.Plan, format, dir string) tea.Cmd {
	store, opt := c.store, c.docOptions()
	return func() tea.Msg {
		d, err := store.Get(id)
		if err != nil {
			return exportDoneMsg{err: err}
		}
		if p == nil {
			p = d.Plan
		}
		f, err := export.ParseFormat(format)
		if err != nil {
			return exportDoneMsg{err: err}
		}
		paths, err := export.Draft(p, dir, export.DraftRef{Number: d.ID, Key: d.Key()}, []render.Format{f}, opt)
		return exportDoneMsg{paths: paths, err: err}
	}
}

// documentsScreen is the Documents section: one tab per document, a scrollable preview,
// the export and the print.
type documentsScreen struct {
	c     *common
	plan  *wizard.Plan
	kinds []document.Kind
	tab   int
	vp    viewport.Model
	err   string
	// info is the result of the last print request; printing is set while it runs.
	info     string
	printing bool
	dialog   dialog
	width    int
	height   int
}

func newDocuments(c *common, p *wizard.Plan) *documentsScreen {
	d := &documentsScreen{c: c, plan: p, kinds: document.Kinds(p)}
	d.vp = viewport.New(0, 0)
	return d
}

// Init does nothing.
func (d *documentsScreen) Init() tea.Cmd { return nil }

// SetSize sets the size and renders the current tab.
func (d *documentsScreen) SetSize(w, h int) {
	d.width, d.height = w, h
	d.vp.Width = w
	d.render()
	d.layout()
}

func (d *documentsScreen) render() {
	if len(d.kinds) == 0 {
		return
	}
	var buf strings.Builder
	err := render.Render(&buf, document.Build(d.plan, d.kinds[d.tab], d.c.docOptions()), render.Text)
	d.err = ""
	if err != nil {
		d.err = safetext.Message(err.Error())
	}
	d.vp.SetContent(wrapText(buf.String(), max(d.width, 20)))
	d.vp.GotoTop()
}

// Update switches tabs, scrolls, opens the export dialog and prints; the preview takes
// the height the line under it leaves.
func (d *documentsScreen) Update(msg tea.Msg) (tea.Cmd, reply) {
	cmd := d.update(msg)
	d.layout()
	return cmd, reply{}
}

func (d *documentsScreen) update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(printDoneMsg); ok { // even under the export dialog
		d.printing, d.info = false, printResult(m)
		return nil
	}
	if d.dialog != nil {
		cmd, done := d.dialog.update(msg)
		if done {
			d.dialog = nil
		}
		return cmd
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	k := d.c.keys
	switch {
	case key.Matches(km, k.Print):
		if !d.printing && len(d.kinds) > 0 {
			d.printing, d.info = true, "Impression de « "+d.kinds[d.tab].Title()+" » en cours…"
			return printCmd(clonePlan(d.plan), d.kinds[d.tab], d.c.docOptions())
		}
	case key.Matches(km, k.PrevTab), km.String() == "shift+tab":
		d.showTab(d.tab - 1)
	case key.Matches(km, k.NextTab), km.String() == "tab":
		d.showTab(d.tab + 1)
	case key.Matches(km, k.ExportDocs):
		p, id := clonePlan(d.plan), d.c.draftID()
		d.dialog = newExportDialog(d.c, func(format, dir string) tea.Cmd {
			return exportDraftCmd(d.c, id, p, format, dir)
		})
	case key.Matches(km, k.PageDown):
		d.vp.PageDown()
	case key.Matches(km, k.PageUp):
		d.vp.PageUp()
	case key.Matches(km, k.Down):
		d.vp.ScrollDown(1)
	case key.Matches(km, k.Up):
		d.vp.ScrollUp(1)
	case key.Matches(km, k.Top):
		d.vp.GotoTop()
	case key.Matches(km, k.Bottom):
		d.vp.GotoBottom()
	}
	return nil
}

// showTab shows document i, if there is one; the result of an earlier print goes.
func (d *documentsScreen) showTab(i int) {
	if i < 0 || i >= len(d.kinds) || i == d.tab {
		return
	}
	d.tab = i
	if !d.printing {
		d.info = ""
	}
	d.render()
}

// View draws the tabs, the preview and the scroll position.
func (d *documentsScreen) View() string {
	if d.dialog != nil {
		return d.dialog.view()
	}
	var tabs []string
	for i, k := range d.kinds {
		if i == d.tab {
			tabs = append(tabs, d.c.styles.Current.Render("["+k.Title()+"]"))
		} else {
			tabs = append(tabs, " "+k.Title()+" ")
		}
	}
	head := strings.Join(tabs, " ")
	if l := d.modelLine(); l != "" {
		head += "\n" + d.c.styles.Subtle.Render(l)
	}
	return head + "\n" + d.vp.View() + "\n" + strings.Join(d.footLines(), "\n")
}

// modelLine says which model the current document follows, when adapted models are in
// use (aect --modeles): « Modèle adapté : deliberation.txt (dossier …) » or « Modèle
// intégré ».
func (d *documentsScreen) modelLine() string {
	m := d.c.opt.Models
	if m == nil || len(d.kinds) == 0 {
		return ""
	}
	s := "Modèle intégré (le dossier « " + m.Dir + " » n'en adapte pas pour ce document)"
	if m.Uses(d.kinds[d.tab]) {
		s = "Modèle adapté du dossier « " + m.Dir + " »"
	}
	return safetext.Cut(safetext.Line(s), max(d.width, 20))
}

// footLines is the line under the preview: the scroll position and the keys, or an
// error, or the result of a print request, wrapped to the width.
func (d *documentsScreen) footLines() []string {
	s := d.c.styles
	style, text := s.Subtle, "Aperçu en texte — ligne "+strconv.Itoa(d.vp.YOffset+1)+" sur "+
		strconv.Itoa(max(d.vp.TotalLineCount(), 1))+" · x : exporter (ODT, DOCX…) · i : imprimer"
	if !d.c.keys.ExportDocs.Enabled() {
		text = "Aperçu en texte — ligne " + strconv.Itoa(d.vp.YOffset+1) + " sur " + strconv.Itoa(max(d.vp.TotalLineCount(), 1)) +
			" · le formateur remet les documents en fin d'atelier"
	}
	switch {
	case d.err != "":
		style, text = s.Err, "✗ "+d.err
	case strings.HasPrefix(d.info, "✗"):
		style, text = s.Err, d.info
	case d.info != "":
		style, text = s.OK, d.info
	}
	// A print result quotes the printer's name and the print system's messages.
	lines := strings.Split(wrapText(safetext.Message(text), max(d.width, 20)), "\n")
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// layout gives the preview the height the foot leaves.
func (d *documentsScreen) layout() {
	head := 1
	if d.modelLine() != "" {
		head++
	}
	d.vp.Height = max(d.height-head-len(d.footLines()), 3)
}

func (d *documentsScreen) textFocused() bool { return d.dialog != nil && d.dialog.textFocused() }

// ShortHelp is the footer help.
func (d *documentsScreen) ShortHelp() []key.Binding {
	k := d.c.keys
	if d.dialog != nil {
		return d.dialog.keys()
	}
	return []key.Binding{k.PrevTab, key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pg suiv/préc", "défiler")), k.ExportDocs, k.Print}
}

// FullHelp is the help screen's key list.
func (d *documentsScreen) FullHelp() [][]key.Binding {
	k := d.c.keys
	return [][]key.Binding{d.ShortHelp(), {
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/maj+tab", "document suivant, précédent")),
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "défiler d'une ligne")),
		k.Top, k.Bottom,
	}}
}
