package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
)

// listEdit shows the actions (section Actions et calendrier) or the funding lines
// (section Budget et financement): add, edit and remove items; an item is edited with a
// qform over wizard.ActionQuestions(i) or wizard.FundingQuestions(i).
type listEdit struct {
	c       *common
	plan    *wizard.Plan
	sec     wizard.Section
	pending map[string]string
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

func newListEdit(c *common, p *wizard.Plan, sec wizard.Section, pending map[string]string) *listEdit {
	return &listEdit{c: c, plan: p, sec: sec, pending: pending, toRemove: -1}
}

func (l *listEdit) funding() bool { return l.sec == wizard.SecFunding }

func (l *listEdit) count() int {
	if l.funding() {
		return len(l.plan.Funding)
	}
	return len(l.plan.Actions)
}

// prefix is the JSON path of the list: "actions" or "funding".
func (l *listEdit) prefix() string {
	if l.funding() {
		return "funding"
	}
	return "actions"
}

func (l *listEdit) questions(i int) []wizard.Question {
	if l.funding() {
		return wizard.FundingQuestions(i)
	}
	return wizard.ActionQuestions(i)
}

// itemName is "Action 2" or "Financement 3".
func (l *listEdit) itemName(i int) string {
	if l.funding() {
		return "Financement " + strconv.Itoa(i+1)
	}
	return "Action " + strconv.Itoa(i+1)
}

// SetSize sets the size.
func (l *listEdit) SetSize(w, h int) {
	l.width, l.height = w, h
	if l.item != nil {
		l.item.SetSize(w, h-1)
	}
}

func (l *listEdit) editingItem() bool { return l.item != nil }

var itemPath = regexp.MustCompile(`^(actions|funding)\[(\d+)\]`)

// jump opens the item a JSON path points to ("actions[2].cost"), on that question.
func (l *listEdit) jump(field string) tea.Cmd {
	m := itemPath.FindStringSubmatch(field)
	if m == nil {
		return nil
	}
	i, _ := strconv.Atoi(m[2])
	if i >= l.count() {
		return nil
	}
	l.cursor = i
	return l.edit(i, field)
}

// edit opens item i, on question field when given.
func (l *listEdit) edit(i int, field string) tea.Cmd {
	f := newQForm(l.c, l.plan, l.questions(i), l.pending)
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
func (l *listEdit) add() (tea.Cmd, formResult) {
	if l.funding() {
		l.plan.Funding = append(l.plan.Funding, wizard.FundingLine{})
	} else {
		l.plan.Actions = append(l.plan.Actions, wizard.Action{})
	}
	i := l.count() - 1
	l.cursor = i
	cmd := l.edit(i, "")
	return cmd, formResult{changed: []string{fmt.Sprintf("%s[%d]", l.prefix(), i)}}
}

// remove deletes item i; the invalid answers kept for the list are dropped since the
// items' numbers change.
func (l *listEdit) remove(i int) formResult {
	if l.funding() {
		l.plan.Funding = slices.Delete(l.plan.Funding, i, i+1)
	} else {
		l.plan.Actions = slices.Delete(l.plan.Actions, i, i+1)
	}
	for id := range l.pending {
		if strings.HasPrefix(id, l.prefix()+"[") {
			delete(l.pending, id)
		}
	}
	l.cursor = max(0, min(l.cursor, l.count()-1))
	return formResult{changed: []string{l.prefix()}}
}

func (l *listEdit) empty(i int) bool {
	if l.funding() {
		return l.plan.Funding[i] == wizard.FundingLine{}
	}
	return l.plan.Actions[i] == wizard.Action{}
}

// closeItem leaves the item form; an item left entirely empty is removed.
func (l *listEdit) closeItem() formResult {
	res := l.item.flush()
	i := l.editing
	l.item = nil
	if i < l.count() && l.empty(i) && !l.hasPending(i) {
		r := l.remove(i)
		res.changed = append(res.changed, r.changed...)
	}
	return res
}

func (l *listEdit) hasPending(i int) bool {
	p := fmt.Sprintf("%s[%d].", l.prefix(), i)
	for id := range l.pending {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// flush stores the answer being typed.
func (l *listEdit) flush() formResult {
	if l.item != nil {
		return l.item.flush()
	}
	return formResult{}
}

// Update handles a message; done means "go to the next section", backOut "go back".
func (l *listEdit) Update(msg tea.Msg) (tea.Cmd, formResult) {
	if l.dialog != nil {
		cmd, done := l.dialog.update(msg)
		if done {
			l.dialog = nil
		}
		if res, ok := l.removed(); ok {
			return cmd, res
		}
		return cmd, formResult{}
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
		return nil, formResult{}
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
		return l.edit(l.cursor, ""), formResult{}
	case key.Matches(km, k.Remove):
		if l.count() > 0 {
			i := l.cursor
			l.toRemove = -1
			l.dialog = &confirmDialog{c: l.c, title: "Supprimer", text: "Supprimer « " + l.describe(i) + " » ?",
				yes: func() tea.Cmd { l.toRemove = i; return nil }}
		}
	case km.String() == "tab":
		return nil, formResult{done: true}
	case key.Matches(km, k.PrevField):
		return nil, formResult{backOut: true}
	}
	return nil, formResult{}
}

// removed reports the removal confirmed in the dialog.
func (l *listEdit) removed() (formResult, bool) {
	if l.toRemove < 0 {
		return formResult{}, false
	}
	i := l.toRemove
	l.toRemove = -1
	return l.remove(i), true
}

// describe is one line about item i.
func (l *listEdit) describe(i int) string {
	if l.funding() {
		f := l.plan.Funding[i]
		parts := []string{yearText(f.Year), wizard.FormatAmount(f.Amount), orDash(wizard.Sources.Label(f.Source))}
		if f.Label != "" {
			parts = append(parts, f.Label)
		}
		return l.itemName(i) + " : " + strings.Join(parts, " · ")
	}
	a := l.plan.Actions[i]
	return l.itemName(i) + " : " + orDash(a.Title) + " · " + yearText(a.Year) + " · " + wizard.FormatAmount(a.Cost)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func yearText(y int) string {
	if y == 0 {
		return "année ?"
	}
	return strconv.Itoa(y)
}

// textFocused reports whether an item's text field has focus.
func (l *listEdit) textFocused() bool {
	if l.dialog != nil {
		return l.dialog.textFocused()
	}
	return l.item != nil && l.item.textFocused()
}

// View draws the item form, or the list with totals.
func (l *listEdit) View() string {
	s := l.c.styles
	if l.dialog != nil {
		return l.dialog.view()
	}
	if l.item != nil {
		return s.Bold.Render(l.itemName(l.editing)) + s.Subtle.Render(" — échap : revenir à la liste") + "\n" + l.item.View()
	}
	var b strings.Builder
	var over map[int]overCeiling // funding lines above a 1 % ceiling
	if l.funding() {
		over = l.overCeilings()
		b.WriteString(l.totals(over))
	} else {
		b.WriteString(s.Title.Render("Actions du programme") + "\n")
		b.WriteString(fmt.Sprintf("Total des dépenses : %s\n", wizard.FormatAmount(l.plan.TotalCost())))
	}
	b.WriteString("\n")
	n := l.count()
	if n == 0 {
		if l.funding() {
			b.WriteString("Aucune source de financement pour l'instant.\n")
		} else {
			b.WriteString("Aucune action pour l'instant.\n")
		}
		b.WriteString("\n" + s.Key.Render("a") + " : ajouter")
		if l.funding() {
			b.WriteString(" une source de financement")
		} else {
			b.WriteString(" une action")
		}
		b.WriteString(" · " + s.Key.Render("tab") + " : section suivante\n")
		return b.String()
	}
	// A line above its 1 % ceiling takes two rows: the line, then why it is marked.
	rowsOf := func(i int) int {
		if _, ok := over[i]; ok {
			return 2
		}
		return 1
	}
	used := strings.Count(b.String(), "\n") + 2
	room := max(l.height-used, 3)
	cursor := max(min(l.cursor, n-1), 0)
	start, left := cursor, room-rowsOf(cursor)
	for start > 0 && left >= rowsOf(start-1) {
		start--
		left -= rowsOf(start)
	}
	for i := start; i < n && room >= rowsOf(i); i++ {
		room -= rowsOf(i)
		line := cell(l.describe(i), l.width-2)
		if l.hasPending(i) {
			line = cell("✗ "+l.describe(i)+" (réponse à corriger)", l.width-2)
		}
		if i == l.cursor {
			b.WriteString(s.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
		if oc, ok := over[i]; ok {
			b.WriteString("    " + s.Err.Render(cell(oc.text(l, i), l.width-5)) + "\n")
		}
	}
	b.WriteString("\n" + s.Subtle.Render("a : ajouter · entrée : modifier · x : supprimer · tab : section suivante"))
	return b.String()
}

// totals is the live financing summary: costs and sources in total and by year, the
// balance, and the ceiling of each 1 % mechanism, marked when a year goes over it (over
// gives the funding lines above a ceiling).
func (l *listEdit) totals(over map[int]overCeiling) string {
	s := l.c.styles
	p := l.plan
	cost, fund := p.TotalCost(), p.TotalFunding()
	var b strings.Builder
	b.WriteString(s.Title.Render("Plan de financement") + "\n")
	b.WriteString(fmt.Sprintf("Dépenses (actions) : %s · Financements : %s\n", wizard.FormatAmount(cost), wizard.FormatAmount(fund)))
	switch {
	case cost == fund:
		b.WriteString(s.OK.Render("✓ plan équilibré"))
	case fund < cost:
		b.WriteString(s.Warning.Render("! plan non équilibré : il manque " + wizard.FormatAmount(cost-fund) + " de financements"))
	default:
		b.WriteString(s.Warning.Render("! plan non équilibré : " + wizard.FormatAmount(fund-cost) + " de financements en trop"))
	}
	b.WriteString("\n")
	costs, funds := p.CostsByYear(), p.FundingByYear()
	years := map[int][2]wizard.Cents{}
	var order []int
	for _, ya := range costs {
		years[ya.Year] = [2]wizard.Cents{ya.Amount, 0}
		order = append(order, ya.Year)
	}
	for _, ya := range funds {
		v, seen := years[ya.Year]
		v[1] = ya.Amount
		years[ya.Year] = v
		if !seen {
			order = append(order, ya.Year)
		}
	}
	slices.Sort(order)
	if len(order) > 1 {
		for _, y := range order {
			v := years[y]
			mark := "✓"
			if v[0] != v[1] {
				mark = "!"
			}
			b.WriteString(fmt.Sprintf("  %s %s : dépenses %s · financements %s\n", mark, yearText(y), wizard.FormatAmount(v[0]), wizard.FormatAmount(v[1])))
		}
	}
	// The years in which each service's ceiling is exceeded, as the rules engine says.
	exceeded := map[wizard.ServiceKind][]string{}
	for i := range p.Funding {
		if oc, ok := over[i]; ok && oc.lines[0] == i {
			exceeded[oc.service] = append(exceeded[oc.service], yearText(oc.year))
		}
	}
	var ceilings []string
	for _, svc := range p.Authority.Services {
		if svc.AnnualResources > 0 {
			c := fmt.Sprintf("%s %s", wizard.ServiceKinds.Label(svc.Kind), wizard.FormatAmount(svc.AnnualResources/100))
			if years := exceeded[svc.Kind]; len(years) > 0 {
				slices.Sort(years)
				c += " (!" + wizard.NBSP + "dépassé en " + frenchList(slices.Compact(years)) + ")"
			}
			ceilings = append(ceilings, c)
		}
	}
	if len(ceilings) > 0 {
		st := s.Subtle
		if len(exceeded) > 0 {
			st = s.Err
		}
		b.WriteString(st.Render(wrapText("Plafonds 1 % par an : "+strings.Join(ceilings, " · "), l.width-1)) + "\n")
	}
	return b.String()
}

// overCeiling is a 1 % ceiling the rules engine finds exceeded by the lines of one
// source in one year.
type overCeiling struct {
	service wizard.ServiceKind
	ceiling wizard.Cents
	year    int
	lines   []int // the funding lines of that source and year
}

// text says why line i is marked: "! au-dessus du plafond de 18 000,00 € en 2027", with
// the other lines of the same source and year that count with it.
func (oc overCeiling) text(l *listEdit, i int) string {
	t := "! au-dessus du plafond de " + wizard.FormatAmount(oc.ceiling)
	if oc.year != 0 {
		t += " en " + strconv.Itoa(oc.year)
	}
	var others []string
	for _, j := range oc.lines {
		if j != i {
			others = append(others, strconv.Itoa(j+1))
		}
	}
	switch len(others) {
	case 0:
	case 1:
		t += " (avec le financement " + others[0] + ")"
	default:
		t += " (avec les financements " + frenchList(others) + ")"
	}
	return t
}

// overCeilings returns, by funding line, the 1 % ceiling it goes over. The rules engine
// checks the ceilings per service and per year: its finding "un-pour-cent-plafond" points
// at the first line of a source in a year, and the other lines of that source and year
// share it.
func (l *listEdit) overCeilings() map[int]overCeiling {
	p := l.plan
	out := map[int]overCeiling{}
	for _, f := range wizard.Check(p) {
		m := itemPath.FindStringSubmatch(f.Field)
		if f.Code != "un-pour-cent-plafond" || m == nil || m[1] != "funding" {
			continue
		}
		i, _ := strconv.Atoi(m[2])
		if i >= len(p.Funding) {
			continue
		}
		line := p.Funding[i]
		mech, ok := line.Source.OnePercent()
		if !ok {
			continue
		}
		svc, _ := p.Authority.HasService(mech.Service)
		oc := overCeiling{service: mech.Service, ceiling: svc.AnnualResources / 100, year: line.Year}
		for j, g := range p.Funding {
			if g.Source == line.Source && g.Year == line.Year {
				oc.lines = append(oc.lines, j)
			}
		}
		for _, j := range oc.lines {
			out[j] = oc
		}
	}
	return out
}

// frenchList joins words the French way: "1", "1 et 3", "1, 3 et 4".
func frenchList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " et " + words[len(words)-1]
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
