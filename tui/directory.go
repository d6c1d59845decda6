package tui

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"aect/wizard"
	"aect/wizard/directory"
	"aect/wizard/safetext"
)

// dirSource is the directory of collectivités in use, as loaded once per run.
type dirSource struct {
	dir   *directory.Directory
	label string // « 2026 (intégré) », « 2027 (importé) »
	err   error
}

// newDirLoader loads the directory on first use only: the program starts without it
// (Options.Directory, else the directory compiled in). Safe for concurrent use: a
// warm-up in a tea.Cmd and a keystroke that needs it wait for the same load.
func newDirLoader(opt Options, loaded *atomic.Bool) func() dirSource {
	return sync.OnceValue(func() dirSource {
		defer loaded.Store(true)
		if opt.Directory != nil {
			d, label, err := opt.Directory()
			return dirSource{d, label, err}
		}
		d, err := directory.Embedded()
		if err != nil {
			return dirSource{err: err}
		}
		return dirSource{dir: d, label: fmt.Sprintf("%d (intégré)", d.Millesime())}
	})
}

// directory returns the directory in use, or nil when it cannot be read (the cause is
// logged; the questions are then typed as without a directory).
func (c *common) directory() *directory.Directory {
	s := c.dirs()
	if s.err != nil {
		c.log.Printf("annuaire des collectivités : %v", s.err)
		return nil
	}
	return s.dir
}

// loadedDirectory returns the directory when it is already loaded, else nil: what a
// screen draws must not load it.
func (c *common) loadedDirectory() *directory.Directory {
	if !c.dirLoaded.Load() {
		return nil
	}
	return c.directory()
}

// directoryFor returns the directory when the plan names its authority by a code the
// directory may know, else nil: a plan typed without it does not load it.
func (c *common) directoryFor(p *wizard.Plan) *directory.Directory {
	if !p.Directorial() {
		return nil
	}
	return c.directory()
}

// directoryLabel names the directory in use for the help screen: « 2026 (intégré) ».
func (c *common) directoryLabel() string {
	s := c.dirs()
	if s.err != nil {
		return "illisible"
	}
	return s.label
}

// warmDirectory loads the directory in the background, so that the first letter typed
// in « Votre collectivité » does not wait for it.
func (c *common) warmDirectory() tea.Cmd {
	return func() tea.Msg {
		c.dirs()
		return nil
	}
}

// dirPicker is the huh field of « Votre collectivité »: typing searches the directory
// (name, postcode, INSEE code or SIREN; accents, case and hyphens ignored, « st » for
// Saint), and the matches are listed with their département and population; the last
// row, « Pas dans l'annuaire », lets the user type the authority's answers instead.
// Choosing (entrée) is handled by the qform, which applies the match to the plan.
type dirPicker struct {
	listField
	c       *common
	title   string
	desc    string
	results []directory.Result
	total   int
	// chosen is the match chosen with entrée; manual is set when « Pas dans
	// l'annuaire » was.
	chosen *directory.Result
	manual bool
	// warm: load the directory as soon as the field has focus.
	warm   bool
	cursor int
	offset int
}

// dirSearchLimit is the most matches listed: enough to scroll through the communes of
// one name (there are 28 Saint-Martin), few enough to stay instant.
const dirSearchLimit = 60

// dirManualLabel is the last row of the matches.
const dirManualLabel = "Pas dans l'annuaire : saisir moi-même"

func newDirPicker(c *common, q *wizard.Question, value *string) *dirPicker {
	p := &dirPicker{listField: listField{value: value, theme: c.styles.FormTheme(), key: q.ID}, c: c, title: wizard.Typography(q.Title),
		desc: wizard.Typography("Tapez le nom de la commune ou de l'EPCI, son code postal, son code INSEE ou son SIREN : l'annuaire remplit le reste, modifiable ensuite.")}
	p.input = newInput(c, "Recherche : ", "saint cyprien, 24220, 24396…")
	p.input.CharLimit = max(q.MaxLen, 1)
	p.input.Blur()
	p.field, p.margin, p.listField.scroll = p, 16, p.scroll
	return p
}

// search lists the matches of what is typed.
func (p *dirPicker) search() {
	p.results, p.total, p.cursor, p.offset = nil, 0, 0, 0
	text := strings.TrimSpace(p.input.Value())
	if text == "" {
		return
	}
	if d := p.c.directory(); d != nil {
		p.results, p.total = d.Search(text, dirSearchLimit)
	}
	p.scroll()
}

// rowCount is the number of rows: the matches, then « Pas dans l'annuaire ».
func (p *dirPicker) rowCount() int { return len(p.results) + 1 }

func (p *dirPicker) rows() int {
	used := lipgloss.Height(p.header()) + 2 // search line and count line
	return max(p.height-used, 3)
}

func (p *dirPicker) scroll() {
	p.offset, _ = scrollWindow(p.offset, p.cursor, p.rowCount(), p.rows())
}

// hovered returns the match under the cursor; false on « Pas dans l'annuaire ».
func (p *dirPicker) hovered() (directory.Result, bool) {
	if p.cursor < len(p.results) {
		return p.results[p.cursor], true
	}
	return directory.Result{}, false
}

// choose takes the row under the cursor: a match (its INSEE code, or an EPCI's SIREN,
// becomes the answer) or « Pas dans l'annuaire ».
func (p *dirPicker) choose() {
	r, ok := p.hovered()
	if !ok {
		p.chosen, p.manual = nil, true
		return
	}
	p.chosen, p.manual = &r, false
	if r.Commune != nil {
		*p.value = r.Commune.INSEE
	} else {
		*p.value = r.EPCI.SIREN
	}
}

// Init does nothing.
func (p *dirPicker) Init() tea.Cmd { return nil }

// Update searches on typing and moves the cursor.
func (p *dirPicker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
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
		if p.cursor < p.rowCount()-1 {
			p.cursor++
		}
	case "ctrl+u":
		p.input.SetValue("")
		p.search()
	case "tab":
		return p, huh.NextField
	case "shift+tab":
		return p, huh.PrevField
	default:
		before := p.input.Value()
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		if p.input.Value() != before {
			p.search()
		}
		return p, cmd
	}
	p.scroll()
	return p, nil
}

func (p *dirPicker) header() string {
	st := p.theme.Focused
	w := max(p.width-2, 10)
	return st.Title.Render(wrapText(p.title, w)) + "\n" + st.Description.Render(wrapText(p.desc, w))
}

// resultLabel is one match on one line: « Saint-Cyprien (24, Dordogne) · 1 566 hab. »,
// « CC Vallée de la Dordogne et Forêt Bessède (24) · EPCI · 8 965 hab. ».
func resultLabel(d *directory.Directory, r directory.Result) string {
	var s string
	pop := directory.PopulationUnknown
	if c := r.Commune; c != nil {
		where := c.Departement
		if dep, ok := d.Departement(c.Departement); ok {
			where += ", " + dep.Name
		}
		s = fmt.Sprintf("%s (%s)", c.Name, where)
		pop = c.PopulationMunicipale
	} else {
		e := r.EPCI
		s = fmt.Sprintf("%s (%s) · EPCI", e.Name, strings.Join(e.Departements, ", "))
		pop = e.PopulationMunicipale
	}
	if pop != directory.PopulationUnknown {
		s += " · " + groupDigits(fmt.Sprint(pop)) + " hab."
	}
	return safetext.Line(s)
}

// View draws the title, the help, the search and the visible matches.
func (p *dirPicker) View() string {
	s := p.c.styles
	var b strings.Builder
	b.WriteString(p.header() + "\n")
	b.WriteString(p.input.View() + "\n")
	from, end := scrollWindow(p.offset, p.cursor, p.rowCount(), p.rows())
	w := max(p.width-4, 10)
	if from > 0 {
		b.WriteString("  " + s.Subtle.Render(moreAbove) + "\n")
	}
	d := p.c.loadedDirectory() // loaded by a search, or by the warm-up
	for i := from; i < end; i++ {
		label := dirManualLabel
		if i < len(p.results) {
			label = resultLabel(d, p.results[i])
		}
		label = cell(wizard.Typography(label), w)
		if i == p.cursor {
			b.WriteString(s.Title.Render("› ") + s.Selected.Render(label) + "\n")
		} else {
			b.WriteString("  " + label + "\n")
		}
	}
	if end < p.rowCount() {
		b.WriteString("  " + s.Subtle.Render(moreBelow) + "\n")
	}
	b.WriteString(s.Subtle.Render(p.countLine(d)))
	return p.theme.Focused.Base.Width(p.width).Render(b.String())
}

// countLine says how many matched, or what to type.
func (p *dirPicker) countLine(d *directory.Directory) string {
	switch {
	case strings.TrimSpace(p.input.Value()) == "" && d == nil:
		return "Annuaire des communes et des EPCI — tab pour passer la question"
	case strings.TrimSpace(p.input.Value()) == "":
		return fmt.Sprintf("Annuaire %d des communes et des EPCI — tab pour passer la question", d.Millesime())
	case d == nil:
		return "Annuaire illisible : choisissez « Pas dans l'annuaire »."
	case p.total == 0:
		return "Aucune commune ni aucun EPCI ne correspond : précisez, ou « Pas dans l'annuaire »."
	case p.total > len(p.results):
		return fmt.Sprintf("%d premiers sur %s résultats — précisez (département, code postal)", len(p.results), groupDigits(fmt.Sprint(p.total)))
	}
	return fmt.Sprintf("%s (annuaire %d) — ↑/↓ puis entrée", wizard.CountOf(p.total, "résultat", "résultats"), d.Millesime())
}

// hoveredHelp is the help of the row under the cursor.
func (p *dirPicker) hoveredHelp() string {
	if p.cursor < len(p.results) {
		r := p.results[p.cursor]
		if c := r.Commune; c != nil {
			if d := p.c.directory(); d != nil {
				if e, ok := d.EPCIOf(c); ok {
					return "Code INSEE " + c.INSEE + " ; EPCI : " + e.Name + "."
				}
			}
			return "Code INSEE " + c.INSEE + " ; n'appartient à aucun EPCI."
		}
		return wizard.Capitalize(r.EPCI.TypeLabel()) + ", " + wizard.CountOf(r.EPCI.Members, "commune membre", "communes membres") + "."
	}
	return "Syndicats mixtes, départements, régions et collectivités fictives des ateliers ne figurent pas dans l'annuaire : vous les saisirez aux questions suivantes."
}

// Focus gives the field the keys; for an authority not given yet (a new draft), it
// loads the directory in the background, so that the first letter typed does not wait
// for it. A draft whose authority is given does not load it (some 15 MB) unless the
// user searches.
func (p *dirPicker) Focus() tea.Cmd {
	p.focused = true
	if p.warm {
		return tea.Batch(p.input.Focus(), p.c.warmDirectory())
	}
	return p.input.Focus()
}

// directoryFilled lists the answers the directory gave, for the note shown after a
// choice: « commune de Saint-Cyprien, 24 – Dordogne, SIREN 212 403 968, population
// municipale 1 566 (2026) ».
func directoryFilled(d *directory.Directory, p *wizard.Plan, r directory.Result) string {
	a := &p.Authority
	var parts []string
	if r.Commune != nil {
		parts = append(parts, "commune "+wizard.De(a.Name))
	} else {
		parts = append(parts, a.Name)
	}
	if dep, ok := wizard.LookupDepartement(a.Departement); ok {
		parts = append(parts, dep.Code+" – "+dep.Name)
	}
	if a.SIREN != "" {
		parts = append(parts, "SIREN "+a.SIREN)
	}
	if a.Population > 0 {
		parts = append(parts, fmt.Sprintf("population municipale %s (%d)", groupDigits(fmt.Sprint(a.Population)), d.Millesime()))
	}
	return strings.Join(parts, ", ")
}

// directoryHint is a line under a question that the directory informs: the directory's
// two population figures under the population, its département list under the
// département of an EPCI over several; "" otherwise.
func (c *common) directoryHint(p *wizard.Plan, q *wizard.Question) string {
	switch wizard.FieldID(q.ID) {
	case wizard.FieldPopulation, wizard.FieldDepartement:
	default:
		return ""
	}
	d := c.directoryFor(p)
	r, ok := wizard.DirectoryEntry(p, d)
	if !ok {
		return ""
	}
	if wizard.FieldID(q.ID) == wizard.FieldDepartement {
		if r.EPCI != nil && len(r.EPCI.Departements) > 1 {
			return fmt.Sprintf("Annuaire %d : l'EPCI s'étend sur les départements %s ; indiquez celui de son siège.",
				d.Millesime(), wizard.JoinFr(r.EPCI.Departements))
		}
		return ""
	}
	mun, tot := wizard.Populations(r)
	var parts []string
	if mun != directory.PopulationUnknown {
		parts = append(parts, "municipale "+groupDigits(fmt.Sprint(mun)))
	}
	if tot != directory.PopulationUnknown {
		parts = append(parts, "totale "+groupDigits(fmt.Sprint(tot)))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("Annuaire %d : population %s. Le délai de convocation lit la population municipale.", d.Millesime(), strings.Join(parts, ", "))
}

// pooledSuggestion is the EPCI of the plan's commune, offered as the authority to pool
// the action with: "" when the plan names no commune of the directory with an EPCI.
func (c *common) pooledSuggestion(p *wizard.Plan) string {
	if p.Authority.INSEE == "" {
		return ""
	}
	d := c.directoryFor(p)
	r, ok := wizard.DirectoryEntry(p, d)
	if !ok || r.Commune == nil {
		return ""
	}
	e, ok := d.EPCIOf(r.Commune)
	if !ok {
		return ""
	}
	return wizard.EPCIName(e)
}

// leaveDirectory stores the answer of « Votre collectivité » when the user leaves it:
// a match chosen with entrée gives the plan every answer the directory holds
// (wizard.ApplyDirectory), and the form goes on to the first required question left
// without an answer (maj+tab goes back to those filled, and to the optional SIRET); « Pas dans l'annuaire » unlinks the plan from the directory and the questions
// that follow are asked. Leaving otherwise (tab, maj+tab) changes nothing.
func (f *qform) leaveDirectory(i int, explicit bool, res *reply) {
	q := &f.qs[i]
	dp, _ := f.fields[i-f.start].(*dirPicker)
	if !explicit || dp == nil || (dp.chosen == nil && !dp.manual) {
		f.vals[i].s = safetext.Text(q.Get(f.plan))
		if explicit {
			f.confirm(q.ID)
		}
		return
	}
	f.confirm(q.ID)
	if dp.manual {
		if f.plan.Authority.INSEE != "" {
			f.plan.Authority.INSEE = ""
			res.changed = append(res.changed, q.ID)
		}
		f.vals[i].s = safetext.Text(q.Get(f.plan))
		label := "l'annuaire"
		if d := f.c.directory(); d != nil {
			label = fmt.Sprintf("l'annuaire %d", d.Millesime())
		}
		f.note = "Collectivité hors de " + label + " (syndicat mixte, département, région, collectivité d'un atelier) : saisissez-la aux questions suivantes."
		return
	}
	r := *dp.chosen
	for _, id := range wizard.ApplyDirectory(f.plan, r) {
		res.changed = append(res.changed, string(id))
	}
	for _, id := range []wizard.FieldID{wizard.FieldAuthorityType, wizard.FieldAuthorityName, wizard.FieldSIREN, wizard.FieldDepartement, wizard.FieldPopulation} {
		delete(f.pending, string(id)) // an invalid answer typed before gives way to the directory's
		f.confirm(string(id))
	}
	for j := range f.qs {
		// The fields show the answers the directory gave, those already built included.
		f.vals[j] = f.load(j)
	}
	f.jumpAnswered = true
	d := f.c.directory()
	f.note = fmt.Sprintf("✓ Rempli d'après l'annuaire %d : %s.", d.Millesime(), directoryFilled(d, f.plan, r))
	if r.Commune != nil {
		if e, ok := d.EPCIOf(r.Commune); ok {
			f.note += " EPCI : " + e.Name + "."
		}
	}
	f.note += " maj+tab pour revoir ces réponses ou ajouter le SIRET."
}

// question returns the question of the form whose ID is id, or nil.
func (f *qform) question(id string) *wizard.Question {
	for i := range f.qs {
		if f.qs[i].ID == id {
			return &f.qs[i]
		}
	}
	return nil
}

// directoryAnswer is the answer of « Votre collectivité » in words: « Saint-Cyprien (24,
// Dordogne), code INSEE 24396 », or the code alone when the directory does not know it.
// (Only the codes are stored: the name comes from the directory in use.)
func (f *qform) directoryAnswer() string {
	a := &f.plan.Authority
	code := "code INSEE " + a.INSEE
	if a.INSEE == "" {
		code = "SIREN " + a.SIREN
	}
	d := f.c.directoryFor(f.plan)
	if r, ok := wizard.DirectoryEntry(f.plan, d); ok {
		where := strings.Join(wizardDeps(r), ", ")
		if c := r.Commune; c != nil {
			if dep, ok := d.Departement(c.Departement); ok {
				where += ", " + dep.Name
			}
		}
		return safetext.Line(fmt.Sprintf("%s (%s), %s", r.Name(), where, code))
	}
	return safetext.Line(code + " (absent de l'annuaire)")
}

// wizardDeps are the départements of a match.
func wizardDeps(r directory.Result) []string {
	if r.Commune != nil {
		return []string{r.Commune.Departement}
	}
	return r.EPCI.Departements
}
