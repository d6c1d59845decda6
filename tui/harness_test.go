package tui

import (
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"aect/storage"
	"aect/wizard"
	"aect/wizard/samples"
)

func init() {
	// Tests read plain text: no colour, whatever the terminal running them.
	lipgloss.SetColorProfile(termenv.Ascii)
}

// fixedNow is the clock of the tests.
var fixedNow = time.Date(2026, time.November, 25, 10, 0, 0, 0, time.Local)

// fakeStore is an in-memory Store that behaves like storage.Store for the interface:
// versions, conflicts, the bin, French errors.
type fakeStore struct {
	mu      sync.Mutex
	drafts  map[int64]*Draft
	deleted map[int64]bool
	next    int64
	saves   int
	uiSaves int
	// failSave, when set, is returned by the next Save.
	failSave error
	now      time.Time
	// history holds every saved state of each draft, oldest first.
	history map[int64][]fakeRevision
	nextRev int64
}

// fakeRevision is a saved state with its plan.
type fakeRevision struct {
	Revision
	plan *wizard.Plan
}

// record adds the current state of d to its history; s.mu is held.
func (s *fakeStore) record(d *Draft) {
	if s.history == nil {
		s.history = map[int64][]fakeRevision{}
	}
	s.nextRev++
	r := Revision{ID: s.nextRev, DraftID: d.ID, Saved: s.now, Title: d.Plan.Title, Percent: d.Plan.Progress().Percent, Version: d.Version}
	s.history[d.ID] = append(s.history[d.ID], fakeRevision{r, clonePlan(d.Plan)})
}

func (s *fakeStore) Revisions(id int64) ([]Revision, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.drafts[id]; !ok {
		return nil, &storage.NotFoundError{ID: id}
	}
	var out []Revision
	for _, r := range slices.Backward(s.history[id]) {
		out = append(out, r.Revision)
	}
	return out, nil
}

func (s *fakeStore) RevisionPlans(id int64) (map[int64]*wizard.Plan, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[int64]*wizard.Plan{}
	for _, r := range s.history[id] {
		out[r.ID] = clonePlan(r.plan)
	}
	return out, nil
}

func (s *fakeStore) RestoreRevision(id, rev int64) (Draft, error) {
	s.mu.Lock()
	d, ok := s.drafts[id]
	i := slices.IndexFunc(s.history[id], func(r fakeRevision) bool { return r.ID == rev })
	if !ok || i < 0 {
		s.mu.Unlock()
		return Draft{}, &storage.NotFoundError{ID: id, Revision: rev}
	}
	d.Plan, d.Title = clonePlan(s.history[id][i].plan), s.history[id][i].Title
	d.Version++
	s.record(d)
	s.mu.Unlock()
	return s.Get(id)
}

func newFakeStore() *fakeStore {
	return &fakeStore{drafts: map[int64]*Draft{}, deleted: map[int64]bool{}, now: fixedNow.Add(-5 * time.Minute)}
}

func (s *fakeStore) summary(d *Draft) Summary {
	sum := d.Summary
	p := d.Plan
	sum.Form, sum.Partner, sum.Country = p.Form, p.Partner.Name, p.Partner.Country
	sum.Percent = p.Progress().Percent
	if t := p.DisplayTitle(); t != "" { // as storage names a draft
		sum.Title = t
	}
	return sum
}

func (s *fakeStore) Create(title string, p *wizard.Plan) (Draft, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	p = clonePlan(p)
	if p.Title == "" {
		p.Title = title
	}
	if title == "" {
		title = storage.DefaultTitle
	}
	d := &Draft{Summary: Summary{ID: s.next, Title: title, Updated: s.now}, Version: 1, Plan: p}
	s.drafts[d.ID] = d
	s.record(d)
	out := *d
	out.Summary = s.summary(d)
	out.Plan = clonePlan(p)
	return out, nil
}

func (s *fakeStore) Get(id int64) (Draft, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.drafts[id]
	if !ok {
		return Draft{}, &storage.NotFoundError{ID: id}
	}
	out := *d
	out.Summary = s.summary(d)
	out.Plan = clonePlan(d.Plan)
	out.UI.ToReview = slices.Clone(d.UI.ToReview)
	out.UI.Budgets = maps.Clone(d.UI.Budgets)
	return out, nil
}

func (s *fakeStore) Save(id, base int64, p *wizard.Plan) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.failSave; err != nil {
		s.failSave = nil
		return 0, err
	}
	d, ok := s.drafts[id]
	if !ok {
		return 0, &storage.NotFoundError{ID: id}
	}
	if d.Version != base {
		return 0, &storage.ConflictError{ID: id, Base: base, Current: d.Version}
	}
	d.Version++
	d.Plan = clonePlan(p)
	d.Updated = s.now
	s.saves++
	s.record(d)
	return d.Version, nil
}

func (s *fakeStore) SaveUI(id int64, ui UIState) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.drafts[id]
	if !ok {
		return &storage.NotFoundError{ID: id}
	}
	d.UI = UIState{Section: ui.Section, ToReview: slices.Clone(ui.ToReview), Question: ui.Question, Budgets: maps.Clone(ui.Budgets), Marks: maps.Clone(ui.Marks)}
	s.uiSaves++
	return nil
}

func (s *fakeStore) list(deleted bool, query string) []Summary {
	var out []Summary
	for id, d := range s.drafts {
		// The texts storage searches (its searchText): title, partner, authority.
		text := d.Plan.Title + " " + d.Plan.Partner.Name + " " + d.Plan.Authority.Name
		if s.deleted[id] == deleted && wizard.Matches(text, query) {
			out = append(out, s.summary(d))
		}
	}
	slices.SortFunc(out, func(a, b Summary) int { return int(b.ID - a.ID) })
	return out
}

func (s *fakeStore) List(query string) ([]Summary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list(false, query), nil
}

func (s *fakeStore) ListHead(n int) ([]Summary, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	all := s.list(false, "")
	return all[:min(n, len(all))], len(all), nil
}

func (s *fakeStore) ListDeleted() ([]Summary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list(true, ""), nil
}

func (s *fakeStore) Duplicate(id int64) (Draft, error) {
	d, err := s.Get(id)
	if err != nil {
		return Draft{}, err
	}
	return s.Create(d.Plan.Title+" (copie)", &wizard.Plan{Title: d.Plan.Title + " (copie)"})
}

func (s *fakeStore) Rename(id int64, title string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.drafts[id]
	if !ok {
		return &storage.NotFoundError{ID: id}
	}
	d.Plan.Title, d.Title = title, title
	d.Version++
	return nil
}

func (s *fakeStore) Delete(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.drafts[id]; !ok {
		return &storage.NotFoundError{ID: id}
	}
	s.deleted[id] = true
	s.drafts[id].DeletedAt = s.now
	return nil
}

func (s *fakeStore) Restore(id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.deleted, id)
	return nil
}

// plan returns the stored plan of a draft.
func (s *fakeStore) plan(id int64) *wizard.Plan {
	s.mu.Lock()
	defer s.mu.Unlock()
	return clonePlan(s.drafts[id].Plan)
}

// addSample stores a sample plan and returns its id.
func (s *fakeStore) addSample(t testing.TB, name string) int64 {
	t.Helper()
	d, err := s.Create("", samplePlan(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return d.ID
}

func samplePlan(t testing.TB, name string) *wizard.Plan {
	t.Helper()
	smp, ok := samples.Get(name)
	if !ok {
		t.Fatalf("no sample %s", name)
	}
	p, err := wizard.Decode(smp.Data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// harness drives a model like a tea.Program, but synchronously: messages sent by the test
// are handled at once; commands run in goroutines and their messages are handled when
// the test waits for a condition.
type harness struct {
	t     testing.TB
	m     tea.Model
	msgs  chan tea.Msg
	quit  bool
	intr  bool
	store *fakeStore
}

func newHarness(t testing.TB, store Store, w, h int) *harness {
	t.Helper()
	return newHarnessWith(t, store, w, h, func(*Options) {})
}

// newHarnessWith is newHarness with options changed by set.
func newHarnessWith(t testing.TB, store Store, w, h int, set func(*Options)) *harness {
	t.Helper()
	opt := Options{Now: func() time.Time { return fixedNow }, ExportDir: t.TempDir(), DBPath: "/tmp/aect-test.db", Version: "test"}
	set(&opt)
	m := New(store, opt)
	hs := &harness{t: t, m: m, msgs: make(chan tea.Msg, 4096)}
	if fs, ok := store.(*fakeStore); ok {
		hs.store = fs
	}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(m.Init())
	return hs
}

func (h *harness) app() *App { return h.m.(*App) }

var cmdType = reflect.TypeOf(tea.Cmd(nil))

func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() { h.msgs <- cmd() }()
}

// send handles one message now.
func (h *harness) send(msg tea.Msg) {
	switch m := msg.(type) {
	case nil:
		return
	case tea.BatchMsg:
		for _, c := range m {
			h.run(c)
		}
		return
	case tea.QuitMsg:
		h.quit = true
		return
	case tea.InterruptMsg:
		h.intr = true
		return
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
		// tea.Sequence: run the commands one after the other.
		cmds := make([]tea.Cmd, v.Len())
		for i := range cmds {
			cmds[i], _ = v.Index(i).Interface().(tea.Cmd)
		}
		go func() {
			for _, c := range cmds {
				if c != nil {
					h.msgs <- c()
				}
			}
		}()
		return
	}
	m, cmd := h.m.Update(msg)
	h.m = m
	h.run(cmd)
}

// key sends key presses: names ("enter", "shift+tab", "down") or text to type (runes,
// accents included).
func (h *harness) key(keys ...string) {
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText types text rune by rune.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

var keyNames = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "esc": tea.KeyEsc,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "backspace": tea.KeyBackspace, "space": tea.KeySpace,
	"ctrl+c": tea.KeyCtrlC, "ctrl+g": tea.KeyCtrlG, "ctrl+t": tea.KeyCtrlT, "f1": tea.KeyF1,
	"ctrl+u": tea.KeyCtrlU, "home": tea.KeyHome, "end": tea.KeyEnd,
}

func keyMsg(k string) tea.KeyMsg {
	if t, ok := keyNames[k]; ok {
		if t == tea.KeySpace {
			return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
		}
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// waitFor handles the messages of running commands until cond holds.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.After(5 * time.Second)
	for !cond() {
		select {
		case msg := <-h.msgs:
			h.send(msg)
		case <-deadline:
			h.t.Fatalf("waiting for %s: timeout; screen:\n%s", what, h.view())
		}
	}
}

// settle waits until every answer given is written.
func (h *harness) settle() {
	h.t.Helper()
	h.waitFor("the saves", func() bool { return !h.app().c.saver.pending() })
}

// view returns the screen as plain text.
// Non-breaking spaces (in amounts) read as spaces.
func (h *harness) view() string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(ansi.Strip(h.m.View()))
}

// contains waits until the screen shows s.
func (h *harness) contains(s string) {
	h.t.Helper()
	h.waitFor("« "+s+" » on screen", func() bool { return strings.Contains(h.view(), s) })
}

func (h *harness) asst() *assistant { return h.app().asst }

// openDraft opens a draft from the home list by its title.
func (h *harness) openDraft(title string) {
	h.t.Helper()
	home := h.app().home
	h.waitFor("the list", func() bool { return home.loaded && len(home.items) > 0 })
	for i, idx := range home.view {
		if home.items[idx].Title == title {
			home.cursor = i
		}
	}
	h.key("enter")
	h.waitFor("the assistant", func() bool { return h.app().active == h.app().asst && h.app().asst != nil })
}

// focused returns the ID of the question shown in the current form.
func (h *harness) focused() string {
	a := h.asst()
	switch {
	case a.form != nil:
		return a.form.current().ID
	case a.list != nil && a.list.item != nil:
		return a.list.item.current().ID
	}
	return ""
}

var errDisk = errors.New("disque plein : impossible d'écrire dans la base")
