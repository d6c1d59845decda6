package tui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"aect/storage"
	"aect/wizard"
)

func TestHomeEmptyStateExplainsAndOffersTheDemo(t *testing.T) {
	h := newHarness(t, newFakeStore(), 80, 24)
	h.contains("Bienvenue")
	v := h.view()
	for _, want := range []string{"puis lancez :\n  aect demo\n", "n : créer un nouveau projet", "Vos projets (0)", "? aide"} {
		if !strings.Contains(v, want) {
			t.Errorf("empty home lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "`") {
		t.Errorf("raw backticks:\n%s", v)
	}
	// The command the program was started with: a workshop's database, go run.
	for _, command := range []string{"aect --db atelier.db", "go run ./cmd/aect --db atelier.db"} {
		h := newHarnessWith(t, newFakeStore(), 80, 24, func(o *Options) { o.Command = command })
		h.contains("Bienvenue")
		if v := h.view(); !strings.Contains(v, "quittez (q) puis lancez :\n  "+command+" demo\n") {
			t.Errorf("empty home with %q:\n%s", command, h.view())
		}
	}
}

func TestHomeListsDraftsWithColumns(t *testing.T) {
	s := newFakeStore()
	s.addSample(t, "02-convention-eau-senegal")
	h := newHarness(t, s, 80, 24)
	h.contains("Eau potable")
	v := h.view()
	for _, want := range []string{"Titre", "Forme", "Partenaire", "Modifié", "Complet", "Convention", "Commune de Nd", "il y a 5 min", "100 %"} {
		if !strings.Contains(v, want) {
			t.Errorf("home lacks %q:\n%s", want, v)
		}
	}
}

func TestHomeFilterIgnoresCaseAndAccents(t *testing.T) {
	s := newFakeStore()
	for _, title := range []string{"Jumelage Évry – Kirchberg", "Don au FACECO", "Coopération avec Thiès"} {
		if _, err := s.Create(title, &wizard.Plan{Title: title}); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, s, 80, 24)
	h.contains("Évry")
	h.key("/")
	h.typeText("evry")
	v := h.view()
	if !strings.Contains(v, "Jumelage Évry") || strings.Contains(v, "FACECO") || !strings.Contains(v, "(1 sur 3)") {
		t.Fatalf("filter « evry »:\n%s", v)
	}
	// Typed letters go to the filter, not to the list's keys (n would create a draft).
	h.key("backspace", "backspace", "backspace", "backspace")
	h.typeText("THIES")
	if v := h.view(); !strings.Contains(v, "Coopération avec") || strings.Contains(v, "Évry") {
		t.Fatalf("filter « THIES »:\n%s", v)
	}
	h.key("esc")
	if v := h.view(); !strings.Contains(v, "Évry") || !strings.Contains(v, "FACECO") {
		t.Fatalf("échap should clear the filter:\n%s", v)
	}
}

func TestHomeNewRenameDuplicateDeleteRestore(t *testing.T) {
	s := newFakeStore()
	h := newHarness(t, s, 80, 24)
	h.contains("Bienvenue")

	// n asks a title, then opens the new draft in the assistant.
	h.key("n")
	h.contains("Nouveau projet")
	h.typeText("Jumelage Évry")
	h.key("enter")
	h.waitFor("the assistant", func() bool { return h.app().asst != nil && h.app().active == h.app().asst })
	if got := s.plan(1).Title; got != "Jumelage Évry" {
		t.Fatalf("created title %q", got)
	}
	h.key("esc")
	h.contains("Vos projets (1)")

	h.key("r")
	h.contains("Renommer")
	for range len("Jumelage Évry") {
		h.key("backspace")
	}
	h.typeText("Jumelage Évry – Lindenbach")
	h.key("enter")
	h.contains("Projet renommé")
	h.contains("Jumelage Évry – Lindenbach")

	h.key("d")
	h.contains("Copie créée")
	h.contains("Vos projets (2)")

	h.key("x")
	h.contains("à la corbeille ?")
	h.contains("(o/n)")
	h.key("n")
	if strings.Contains(h.view(), "(o/n)") {
		t.Fatal("n should close the confirmation")
	}
	h.contains("Vos projets (2)")
	h.key("x")
	h.key("o")
	h.contains("est dans la corbeille")
	h.contains("Vos projets (1)")

	h.key("c")
	h.contains("Corbeille (1)")
	h.key("enter")
	h.contains("est restauré")
	h.key("esc")
	h.contains("Vos projets (2)")
}

func TestHomeListOf1000IsWindowed(t *testing.T) {
	s := newFakeStore()
	for i := range 1000 {
		if _, err := s.Create("", &wizard.Plan{Title: "Projet " + strings.Repeat("x", i%7) + string(rune('A'+i%26))}); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, s, 80, 24)
	h.contains("Vos projets (1000)")
	h.waitFor("the whole list", func() bool { return h.app().home.whole })
	h.key("end")
	if v := h.view(); !strings.Contains(v, "1000 sur 1000 · plus haut ↑") {
		t.Fatalf("position line missing:\n%s", v)
	}
	if n := strings.Count(h.view(), "\n"); n != 23 {
		t.Fatalf("screen has %d lines, want 24", n+1)
	}
}

// TestHomeDrawsTheHeadFirst: the first screen shows the first drafts and the total at
// once; the whole list replaces them, keeping the selected draft.
func TestHomeDrawsTheHeadFirst(t *testing.T) {
	s := newFakeStore()
	for i := range 200 {
		if _, err := s.Create("", &wizard.Plan{Title: fmt.Sprintf("Projet %03d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, s, 80, 24)
	home := h.app().home
	cmd, _ := home.Update(listMsg{items: s.list(false, "")[:headSize], head: true, total: 200})
	if v := home.View(); !strings.Contains(v, "Vos projets (200)") || !strings.Contains(v, "Projet 199") {
		t.Fatalf("head screen:\n%s", v)
	}
	// Once the head is shown, the whole list is asked for.
	if cmd == nil {
		t.Fatal("no command to read the whole list after the head")
	}
	if whole, ok := cmd().(listMsg); !ok || whole.head || len(whole.items) != 200 {
		t.Fatalf("after the head: %#v", whole)
	}
	home.Update(listMsg{items: s.list(false, "")})
	if !home.whole || len(home.items) != 200 {
		t.Fatalf("whole list: %v %d", home.whole, len(home.items))
	}
	// A head arriving after the whole list changes nothing.
	home.Update(listMsg{items: s.list(false, "")[:3], head: true, total: 200})
	if len(home.items) != 200 {
		t.Fatalf("late head replaced the list: %d", len(home.items))
	}
}

// TestFirstFrameHasTheDrafts: Run reads the size and the first drafts before the program
// starts, so the very first frame is the list; Init then reads the whole list.
func TestFirstFrameHasTheDrafts(t *testing.T) {
	s := newFakeStore()
	for i := range 100 {
		if _, err := s.Create("", &wizard.Plan{Title: fmt.Sprintf("Projet %03d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	m := newRoot(s, Options{Now: func() time.Time { return fixedNow }})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(m.home.readHead())
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Vos projets (100)") || !strings.Contains(v, "Projet 099") {
		t.Fatalf("first frame:\n%s", v)
	}
	whole, ok := m.Init()().(listMsg)
	if !ok || whole.head || len(whole.items) != 100 {
		t.Fatalf("Init after the head: %#v", whole)
	}
}

// TestHistoryRestoresAnEarlierState: h on a draft lists its saved states, newest first;
// choosing an earlier one and confirming makes it the current state, the replaced one
// staying in the history.
func TestHistoryRestoresAnEarlierState(t *testing.T) {
	s := newFakeStore()
	p := samplePlan(t, "01-jumelage-allemagne")
	d, err := s.Create(p.Title, p)
	if err != nil {
		t.Fatal(err)
	}
	changed := clonePlan(p)
	changed.Partner.Name = "Gemeinde Anderswo"
	s.now = s.now.Add(time.Hour)
	if _, err := s.Save(d.ID, d.Version, changed); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, s, 80, 24)
	h.contains("Vos projets (1)")
	h.key("h")
	h.contains("Historique de « " + p.Title + " »")
	h.contains("100 % actuelle")
	for _, l := range strings.Split(h.view(), "\n") {
		if ansi.StringWidth(l) > 80 {
			t.Fatalf("line wider than the screen: %q", l)
		}
	}
	h.key("enter") // the current state: nothing to restore
	if h.app().home.dialog.(*historyDialog).confirm != nil {
		t.Fatal("restoring the current state was offered")
	}
	h.key("down", "enter")
	h.contains("Rétablir le brouillon tel qu'il était le 25 novembre 2026")
	h.key("o")
	h.contains("rétabli tel qu'il était")
	if got := s.plan(d.ID).Partner.Name; got != p.Partner.Name {
		t.Fatalf("partner after the restore: %q, want %q", got, p.Partner.Name)
	}
	revs, _ := s.Revisions(d.ID)
	if len(revs) != 3 {
		t.Fatalf("%d revisions after the restore, want 3 (the replaced state kept)", len(revs))
	}
	h.key("h")
	h.contains("100 % actuelle")
	// The list of another draft, arriving late, is not shown under this title.
	dlg := h.app().home.dialog.(*historyDialog)
	h.send(revisionsMsg{id: d.ID + 1, revs: []Revision{{ID: 99, Title: "Autre projet"}}})
	if len(dlg.revs) != 3 || strings.Contains(h.view(), "Autre projet") {
		t.Fatalf("another draft's history shown:\n%s", h.view())
	}
	h.key("esc")
	h.contains("Vos projets (1)")
}

// failingList is a store whose lists fail until ok is set.
type failingList struct {
	*fakeStore
	ok bool
}

func (s *failingList) ListHead(n int) ([]Summary, int, error) {
	if !s.ok {
		return nil, 0, errDisk
	}
	return s.fakeStore.ListHead(n)
}

// TestListErrorGoesWhenTheListReadsAgain: the error of a list that could not be read is
// shown, then cleared once the list reads; another action's error is not.
func TestListErrorGoesWhenTheListReadsAgain(t *testing.T) {
	s := &failingList{fakeStore: newFakeStore()}
	s.addSample(t, "01-jumelage-allemagne")
	h := newHarness(t, s, 80, 24)
	h.contains("disque plein")
	s.ok = true
	h.run(h.app().home.Init())
	h.contains("Vos projets (1)")
	if strings.Contains(h.view(), "disque plein") {
		t.Fatalf("stale list error:\n%s", h.view())
	}
	home := h.app().home
	home.Update(homeDoneMsg{err: errDisk})
	home.Update(listMsg{items: s.list(false, "")})
	if !strings.Contains(h.view(), "disque plein") {
		t.Fatalf("another action's error went with the reload:\n%s", h.view())
	}
}

// TestHistoryPagesThroughManyVersions: a long history scrolls with the cursor, page by
// page, and stays in view when the window shrinks.
func TestHistoryPagesThroughManyVersions(t *testing.T) {
	s := newFakeStore()
	d, _ := s.Create("Projet", &wizard.Plan{Title: "Projet"})
	v := d.Version
	for i := range 40 {
		s.now = s.now.Add(time.Minute)
		var err error
		if v, err = s.Save(d.ID, v, &wizard.Plan{Title: "Projet", Partner: wizard.Partner{Name: fmt.Sprint(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, s, 80, 30)
	h.contains("Vos projets (1)")
	h.key("h")
	h.contains("1–17 sur 41 versions")
	h.key("pgdown", "pgdown")
	h.contains("19–35 sur 41 versions")
	h.key("end")
	h.contains("25–41 sur 41 versions")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := h.view(); !strings.Contains(v, "31–41 sur 41 versions") || !strings.Contains(v, "› ") {
		t.Fatalf("after the window shrank:\n%s", v)
	}
}

// TestHomeFilterFindsTheAuthority: the list shows no authority, yet « montclar » finds
// the draft of the commune of Montclar: the store's search reads it (storage's search
// text holds the authority's and the partner's names), against the real storage.
func TestHomeFilterFindsTheAuthority(t *testing.T) {
	store, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, p := range []*wizard.Plan{
		{Title: "Jumelage", Authority: wizard.Authority{Name: "Montclar"}, Partner: wizard.Partner{Name: "Gemeinde Lindenbach"}},
		{Title: "Don humanitaire", Authority: wizard.Authority{Name: "Belmont"}},
	} {
		if _, err := store.Create(p.Title, p); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, store, 80, 24)
	h.contains("Don humanitaire")
	h.key("/")
	h.typeText("montclar")
	h.waitFor("the store's search", func() bool { return strings.Contains(h.view(), "(1 sur 2)") })
	if v := h.view(); !strings.Contains(v, "Jumelage") || strings.Contains(v, "Don humanitaire") {
		t.Fatalf("filter « montclar »:\n%s", v)
	}
	// The partner's name, shown in the list, is found at once.
	h.key("esc", "/")
	h.typeText("LINDENBACH")
	if v := h.view(); !strings.Contains(v, "Jumelage") || strings.Contains(v, "Don humanitaire") {
		t.Fatalf("filter « LINDENBACH »:\n%s", v)
	}
	// A later letter that no longer matches drops it again.
	h.key("esc", "/")
	h.typeText("montclarx")
	h.waitFor("the store's search", func() bool { return strings.Contains(h.view(), "Aucun projet ne correspond") })
}

// TestHomeDuplicateIsTitledCopie: d makes « … (copie) », against the real storage.
func TestHomeDuplicateIsTitledCopie(t *testing.T) {
	store, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Create("Jumelage Belmont – Lindenbach", &wizard.Plan{Authority: wizard.Authority{Name: "Belmont"}}); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, store, 80, 24)
	h.contains("Jumelage Belmont")
	h.key("d")
	h.contains("Copie créée : « Jumelage Belmont – Lindenbach (copie) ».")
	d, err := store.Get(2)
	if err != nil || d.Title != "Jumelage Belmont – Lindenbach (copie)" || d.Plan.Authority.Name != "Belmont" {
		t.Fatalf("copy %+v %v", d, err)
	}
}

// TestHistoryRowsSayWhatChanged: each version of the history says in a few words what it
// changed from the one before.
func TestHistoryRowsSayWhatChanged(t *testing.T) {
	s := newFakeStore()
	p := samplePlan(t, "01-jumelage-allemagne")
	d, err := s.Create(p.Title, p)
	if err != nil {
		t.Fatal(err)
	}
	version := d.Version
	save := func(change func(p *wizard.Plan)) {
		t.Helper()
		change(p)
		s.now = s.now.Add(time.Minute)
		if version, err = s.Save(d.ID, version, p); err != nil {
			t.Fatal(err)
		}
	}
	save(func(p *wizard.Plan) {
		p.Partner.Name, p.Partner.Representative = "Gemeinde Anderswo", "Anna Berg"
		p.Actions = append(p.Actions, wizard.Action{Title: "Chorale"}, wizard.Action{Title: "Fanfare"})
	})
	save(func(p *wizard.Plan) { p.Authority.Population = 2500 })
	save(func(p *wizard.Plan) { p.Actions[1].Cost = 120000 })
	save(func(p *wizard.Plan) { p.Funding = p.Funding[1:] })
	h := newHarness(t, s, 80, 24)
	h.contains("Vos projets (1)")
	h.key("h")
	h.contains("Changements")
	v := h.view()
	for _, want := range []string{"−1 financement", "action 2", "population", "partenaire, +2 actions", "création"} {
		if !strings.Contains(v, want) {
			t.Errorf("history lacks %q:\n%s", want, v)
		}
	}
}

func TestChangeSummary(t *testing.T) {
	base := func() *wizard.Plan {
		return &wizard.Plan{Title: "Jumelage", Partner: wizard.Partner{Name: "A"},
			Actions: []wizard.Action{{Title: "a"}, {Title: "b"}, {Title: "c"}},
			Funding: []wizard.FundingLine{{Label: "x"}}}
	}
	for want, change := range map[string]func(p *wizard.Plan){
		"titre du projet":             func(p *wizard.Plan) { p.Title = "Autre" },
		"partenaire, séance":          func(p *wizard.Plan) { p.Partner.Name = "B"; p.Session.Secretary = "C" },
		"−1 action":                   func(p *wizard.Plan) { p.Actions = slices.Delete(p.Actions, 1, 2) },
		"−2 actions":                  func(p *wizard.Plan) { p.Actions = p.Actions[:1] },
		"3 actions":                   func(p *wizard.Plan) { slices.Reverse(p.Actions); p.Actions[1].Year = 2027 },
		"+1 financement":              func(p *wizard.Plan) { p.Funding = append(p.Funding, wizard.FundingLine{}) },
		"nom du partenaire, action 1": func(p *wizard.Plan) { p.Partner.Name = "B"; p.Actions[0].Cost = 1 },
		"aucun changement":            func(p *wizard.Plan) {},
		"collectivité, financement 1": func(p *wizard.Plan) { p.Authority.Name, p.Authority.Population, p.Funding[0].Year = "X", 3, 2027 },
	} {
		p := base()
		change(p)
		if got := changeSummary(base(), p); got != want {
			t.Errorf("changeSummary = %q, want %q", got, want)
		}
	}
}

// TestHomeFooterShowsTheHistoryAt80Columns: h historique has room in the footer at 80
// columns; the arrows, obvious, give way.
func TestHomeFooterShowsTheHistoryAt80Columns(t *testing.T) {
	s := newFakeStore()
	s.addSample(t, "01-jumelage-allemagne")
	h := newHarness(t, s, 80, 24)
	h.contains("Vos projets (1)")
	lines := strings.Split(h.view(), "\n")
	footer := strings.Join(lines[len(lines)-2:], "\n")
	for _, want := range []string{"h historique", "entrée ouvrir", "q quitter", "? aide", "ctrl+g glossaire"} {
		if !strings.Contains(footer, want) {
			t.Errorf("footer lacks %q:\n%s", want, footer)
		}
	}
}

// A draft created without a title is named from its answers: « Projet sans titre »
// until the authority and the partner are known, then « Jumelage Belmont –
// Lindenbach », in the header and in the list.
func TestNewDraftWithoutTitleIsNamedFromItsAnswers(t *testing.T) {
	s := newFakeStore()
	h := newHarness(t, s, 80, 24)
	h.key("n")
	h.contains("facultatif")
	h.key("enter")
	h.waitFor("the assistant", func() bool { return h.app().asst != nil && h.app().active == h.app().asst })
	h.contains("Projet sans titre")
	if got := s.plan(1).Title; got != "" {
		t.Fatalf("an empty title is kept empty, got %q", got)
	}
	h.goTo(wizard.SecAuthority, "authority.name")
	h.typeText("Belmont")
	h.key("enter")
	h.goTo(wizard.SecPartner, "partner.name")
	h.typeText("Gemeinde Lindenbach")
	h.key("enter")
	h.contains("Belmont – Lindenbach")
	h.goTo(wizard.SecForm, "form")
	h.key("enter") // the first form: the jumelage
	h.contains("Jumelage Belmont – Lindenbach")
	h.key("esc")
	h.contains("Vos projets (1)")
	h.contains("Jumelage Belmont – Lind") // the column is cut at 80 columns
}
