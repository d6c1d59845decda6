package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/document/render"
)

// openPlan stores p in a fake store and opens it in the assistant.
func openPlan(t *testing.T, p *wizard.Plan) (*harness, *fakeStore, int64) {
	t.Helper()
	s := newFakeStore()
	if p.Title == "" {
		p.Title = "Projet de test"
	}
	d, err := s.Create(p.Title, p)
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, s, 80, 24)
	h.openDraft(p.Title)
	return h, s, d.ID
}

// choose moves the cursor of the choice list shown to the option value and validates it.
func (h *harness) choose(value string) {
	h.t.Helper()
	f := h.asst().form
	for range f.current().Options {
		if f.vals[f.cur].s == value {
			break
		}
		h.key("down")
	}
	h.key("enter")
	h.settle()
}

// goTo opens a section on a question, as the review's jump does.
func (h *harness) goTo(sec wizard.Section, field string) {
	h.t.Helper()
	h.run(h.asst().show(sec, field, false))
	if field != "" && h.focused() != field {
		h.t.Fatalf("goTo %s: focused %q", field, h.focused())
	}
}

func TestGoingBackFromAnInvalidAmountNeverFreezes(t *testing.T) {
	p := &wizard.Plan{Authority: wizard.Authority{Services: []wizard.Service{{Kind: wizard.ServiceEau}}}}
	h, s, id := openPlan(t, p)
	h.goTo(wizard.SecAuthority, "authority.services.eau.annual_resources")

	h.typeText("12,5,5")
	h.key("shift+tab")
	if got := h.focused(); got != "authority.services" {
		t.Fatalf("after maj+tab from an invalid amount, focused %q, want authority.services", got)
	}
	v := h.view()
	if !strings.Contains(v, "« 12,5,5 »") || !strings.Contains(v, "non enregistrée") {
		t.Fatalf("the invalid answer must be reported, not lost:\n%s", v)
	}
	// The form still reacts: tick a second competence, go forward.
	h.key("down", "space", "enter")
	if got := h.focused(); got != "authority.services.eau.annual_resources" {
		t.Fatalf("after entrée, focused %q", got)
	}
	if v := h.view(); !strings.Contains(v, "12,5,5") {
		t.Fatalf("the invalid text must still be in its field:\n%s", v)
	}
	// entrée on the invalid text shows huh's error (in French) and stays.
	h.key("enter")
	if got, v := h.focused(), h.view(); got != "authority.services.eau.annual_resources" || !strings.Contains(v, "attendu un montant en euros") {
		t.Fatalf("entrée on an invalid amount: focused %q\n%s", got, v)
	}
	// Going back right after the error (huh's frozen state) works too.
	h.key("shift+tab")
	if got := h.focused(); got != "authority.services" {
		t.Fatalf("maj+tab after the error: focused %q", got)
	}
	h.key("enter")
	for range len("12,5,5") {
		h.key("backspace")
	}
	h.typeText("1 800 000")
	h.key("enter")
	h.settle()
	got := s.plan(id).Authority.Services
	if len(got) != 2 || got[0].AnnualResources != wizard.Euros(1_800_000) || got[1].Kind != wizard.ServiceAssainissement {
		t.Fatalf("stored services %+v", got)
	}
	if _, bad := h.asst().pending["authority.services.eau.annual_resources"]; bad {
		t.Fatal("the corrected answer is still marked invalid")
	}
}

func TestGoingBackFromAnEmptyFirstFieldOfASection(t *testing.T) {
	h, _, _ := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecPartner, "partner.name")
	h.key("shift+tab")
	if h.asst().sec != wizard.SecAuthority || h.focused() != "authority.services" {
		t.Fatalf("maj+tab from the first question: section %v, focused %q", h.asst().sec, h.focused())
	}
	// From the very first question nothing happens, and nothing breaks.
	h.goTo(wizard.SecAuthority, "authority.insee")
	h.key("shift+tab")
	if h.focused() != "authority.insee" {
		t.Fatalf("focused %q", h.focused())
	}
	h.key("tab") // « Votre collectivité » passed
	if h.focused() != "title" {
		t.Fatalf("focused %q", h.focused())
	}
	h.typeText(" bis")
	h.key("enter")
	if h.focused() != "authority.type" {
		t.Fatalf("focused %q", h.focused())
	}
}

func TestEveryAnswerIsSavedWhenTheFieldIsLeft(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.name")
	h.typeText("Communauté de communes du Val d'Arnon")
	h.key("enter")
	h.key("enter") // no SIREN
	h.settle()
	if got := s.plan(id).Authority.Name; got != "Communauté de communes du Val d'Arnon" {
		t.Fatalf("stored name %q", got)
	}
	// The département picker finds "Cher" and "Isère" without accents.
	if h.focused() != "authority.departement" {
		t.Fatalf("focused %q", h.focused())
	}
	h.typeText("isere")
	if v := h.view(); !strings.Contains(v, "38 – Isère") || strings.Contains(v, "18 – Cher") {
		t.Fatalf("« isere »:\n%s", v)
	}
	h.key("enter")
	h.settle()
	if got := s.plan(id).Authority.Departement; got != "38" {
		t.Fatalf("stored département %q", got)
	}
	// An answer being typed is saved by échap (leaving the section) too.
	h.typeText("4600")
	h.key("esc")
	h.settle()
	if got := s.plan(id).Authority.Population; got != 4600 {
		t.Fatalf("population %d", got)
	}
}

func TestCountryPickerIgnoresAccents(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecPartner, "partner.country")
	h.typeText("senegal")
	if v := h.view(); !strings.Contains(v, "Sénégal (APD, PMA)") || !strings.Contains(v, "1 choix sur") {
		t.Fatalf("« senegal »:\n%s", v)
	}
	h.key("enter")
	h.settle()
	if got := s.plan(id).Partner.Country; got != "SN" {
		t.Fatalf("country %q", got)
	}
	if h.focused() != "partner.kind" {
		t.Fatalf("focused %q", h.focused())
	}
	h.key("shift+tab")
	h.typeText("zzz")
	if v := h.view(); !strings.Contains(v, "Aucun choix ne correspond") {
		t.Fatalf("no match message:\n%s", v)
	}
	h.key("enter") // nothing to choose: stays
	if h.focused() != "partner.country" {
		t.Fatalf("focused %q", h.focused())
	}
}

func TestDependentQuestionsAppearOnlyWhenTheyApply(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})

	// The operator is asked only for a délégation.
	h.goTo(wizard.SecImplementation, "implementation.mode")
	if at, n := h.asst().form.position(); at != 1 || n != 1 {
		t.Fatalf("mode en propre: question %d of %d", at, n)
	}
	h.key("down", "down", "enter") // Par délégation
	if h.focused() != "implementation.operator" {
		t.Fatalf("after délégation, focused %q", h.focused())
	}
	h.typeText("Comité de jumelage")
	h.key("enter")
	h.settle()
	if p := s.plan(id); p.Implementation.Mode != wizard.ModeDelegation || p.Implementation.Operator != "Comité de jumelage" {
		t.Fatalf("implementation %+v", p.Implementation)
	}

	// The 1 % budgets are asked only for the competences held.
	h.goTo(wizard.SecAuthority, "authority.services")
	_, n := h.asst().form.position()
	h.key("space", "down", "down", "down", "space", "enter") // eau, déchets
	if h.focused() != "authority.services.eau.annual_resources" {
		t.Fatalf("focused %q", h.focused())
	}
	if _, n2 := h.asst().form.position(); n2 != n+2 {
		t.Fatalf("questions: %d then %d, want +2", n, n2)
	}
	h.typeText("850 000")
	h.key("enter")
	if h.focused() != "authority.services.dechets.annual_resources" {
		t.Fatalf("focused %q", h.focused())
	}
	// Unticking a competence then ticking it again gives its budget back.
	h.goTo(wizard.SecAuthority, "authority.services")
	h.key("space", "enter") // untick eau
	h.settle()
	if _, held := s.plan(id).Authority.HasService(wizard.ServiceEau); held {
		t.Fatal("eau still held")
	}
	// The budget is kept with the draft, so a later session gives it back too.
	if d, _ := s.Get(id); d.UI.Budgets[wizard.ServiceEau] != int64(wizard.Euros(850_000)) {
		t.Fatalf("budget not kept with the draft: %v", d.UI.Budgets)
	}
	h = newHarness(t, s, 80, 24)
	h.openDraft("Projet de test")
	h.goTo(wizard.SecAuthority, "authority.services")
	h.key("home", "space", "enter") // tick eau again
	if h.focused() != "authority.services.eau.annual_resources" || !strings.Contains(h.view(), "850 000") {
		t.Fatalf("budget not given back: focused %q\n%s", h.focused(), h.view())
	}
	h.key("enter")
	h.settle()
	if svc, _ := s.plan(id).Authority.HasService(wizard.ServiceEau); svc.AnnualResources != wizard.Euros(850_000) {
		t.Fatalf("eau budget %v", svc.AnnualResources)
	}

	// A FACECO gift hides the convention questions of the partner.
	h.goTo(wizard.SecPartner, "partner.kind")
	for range 5 {
		h.key("down")
	}
	h.key("enter") // FACECO
	h.settle()
	if s.plan(id).Partner.Kind != wizard.PartnerFACECO {
		t.Fatalf("kind %q", s.plan(id).Partner.Kind)
	}
	// It asks the crisis instead, then goes on to the domain.
	if h.focused() != "partner.crisis_event" {
		t.Fatalf("after FACECO, focused %q", h.focused())
	}
	h.typeText("séisme")
	h.key("enter")
	h.typeText("08/09/2023")
	h.key("enter")
	h.settle()
	if h.asst().sec != wizard.SecDomain {
		t.Fatalf("after the last applicable question, section %v (focused %q)", h.asst().sec, h.focused())
	}
}

func TestReopeningADraftReturnsWhereTheUserWas(t *testing.T) {
	s := newFakeStore()
	id := s.addSample(t, "01-jumelage-allemagne")
	title := s.plan(id).Title
	h := newHarness(t, s, 80, 24)
	h.openDraft(title)
	h.key("ctrl+t")
	h.contains("Sommaire")
	h.key("5")
	if h.focused() != "implementation.mode" {
		t.Fatalf("section 5 opens on %q", h.focused())
	}
	h.key("enter") // the mode stays « délégation »: on to question 2, the operator
	if h.focused() != "implementation.operator" {
		t.Fatalf("focused %q", h.focused())
	}
	h.settle()
	if ui := s.drafts[id].UI; ui.Section != int(wizard.SecImplementation) || ui.Question != "implementation.operator" {
		t.Fatalf("stored position %+v", ui)
	}
	// Typing in the field does not move: nothing more is written.
	writes := s.uiSaves
	h.typeText("x")
	h.key("backspace")
	h.settle()
	if s.uiSaves != writes {
		t.Errorf("%d writes of an unchanged position", s.uiSaves-writes)
	}
	h.key("ctrl+c")
	h.waitFor("the interruption", func() bool { return h.intr })

	reopen := func() *harness {
		t.Helper()
		h := newHarness(t, s, 80, 24)
		h.openDraft(title)
		return h
	}
	h = reopen()
	if sec, q := h.asst().sec, h.focused(); sec != wizard.SecImplementation || q != "implementation.operator" {
		t.Fatalf("reopened on section %v, question %q", sec, q)
	}
	h.contains("5/10 Mise en œuvre · ✓ complet · q. 2/2")
	h.settle()
	if s.uiSaves != writes {
		t.Errorf("reopening wrote the unchanged position %d times", s.uiSaves-writes)
	}

	for _, c := range []struct {
		name     string
		sec      wizard.Section
		question string
		mode     wizard.Mode
		want     string
		list     bool
	}{
		{"question that no longer applies", wizard.SecImplementation, "implementation.operator", wizard.ModeEnPropre, "implementation.mode", false},
		{"unknown question", wizard.SecPartner, "partner.nickname", "", "partner.name", false},
		{"question of another section", wizard.SecPartner, "authority.name", "", "partner.name", false},
		{"funding line", wizard.SecFunding, "funding[1].year", "", "funding[1].year", false},
		{"funding line removed since", wizard.SecFunding, "funding[9].year", "", "", true},
		{"list of actions", wizard.SecActions, "actions", "", "", true},
		{"action", wizard.SecActions, "actions[0].cost", "", "actions[0].cost", false},
	} {
		s.mu.Lock() // the lists of the harnesses before may still be reading
		d := s.drafts[id]
		d.UI = UIState{Section: int(c.sec), Question: c.question}
		if c.mode != "" {
			d.Plan.Implementation.Mode = c.mode
		}
		s.mu.Unlock()
		h := reopen()
		a := h.asst()
		onList := a.list != nil && a.list.item == nil
		if sec, q := a.sec, h.focused(); sec != c.sec || q != c.want || onList != c.list {
			t.Errorf("%s: reopened on section %v, question %q, list %v", c.name, sec, q, onList)
		}
		h.settle()
	}
}

// TestChangingAnEarlierAnswerMarksItsDependentsToReview: the partner's country feeds
// the MEAE's rate: the MEAE lines already given are marked « à revoir » with the reason,
// nothing is erased, and validating a marked answer clears its mark.
func TestChangingAnEarlierAnswerMarksItsDependentsToReview(t *testing.T) {
	h, s, id := openPlan(t, samplePlan(t, "02-convention-eau-senegal"))
	h.goTo(wizard.SecPartner, "partner.country")
	h.typeText("maroc")
	h.key("enter")
	h.settle()
	a := h.asst()
	var meae []string
	for i, f := range a.plan.Funding {
		if f.Source == wizard.SourceMEAE {
			meae = append(meae, fmt.Sprintf("funding[%d].amount", i))
		}
	}
	for _, id := range meae {
		if a.ui.Marks[id] != "le pays du partenaire a changé" {
			t.Fatalf("%s not marked: %v", id, a.ui.Marks)
		}
	}
	if len(a.ui.Marks) != len(meae) {
		t.Errorf("only the MEAE lines depend on the country: %v", a.ui.Marks)
	}
	if v := h.view(); !strings.Contains(v, "!7") {
		t.Fatalf("progress line lacks « !7 »:\n%s", v)
	}
	p := s.plan(id)
	if len(p.Funding) != 5 || p.Partner.Country != "MA" {
		t.Fatalf("nothing may be erased: %+v", p.Funding)
	}
	if got := s.drafts[id].UI.Marks; len(got) != len(meae) {
		t.Fatalf("stored ui %v", got)
	}
	// The list shows which lines to review; the line shows why.
	h.goTo(wizard.SecFunding, "")
	h.contains("↻ à revoir · Financement")
	if v := h.view(); !strings.Contains(v, "! à revoir") {
		t.Fatalf("current section state in words:\n%s", v)
	}
	h.goTo(wizard.SecFunding, meae[0])
	h.contains("À revoir : le pays du partenaire a changé")
	// Validating the amount unchanged clears its mark, not the others'.
	h.key("enter")
	h.settle()
	if _, still := h.asst().ui.Marks[meae[0]]; still || len(h.asst().ui.Marks) != len(meae)-1 {
		t.Fatalf("after validating %s: %v", meae[0], h.asst().ui.Marks)
	}
	if got := s.plan(id).Funding; !slices.Equal(got, p.Funding) {
		t.Errorf("validating changed the plan: %v", got)
	}
}

// TestChangingTheAuthorityTypeMarksTheExecutive: from commune to communauté de
// communes, the executive's title is marked « à revoir » in section 1 with the reason,
// and the délibération never calls the EPCI's executive « le Maire ».
func TestChangingTheAuthorityTypeMarksTheExecutive(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "01-jumelage-allemagne"))
	h.goTo(wizard.SecAuthority, "authority.type")
	h.choose(string(wizard.AuthCommunauteCommunes))
	a := h.asst()
	if why := a.ui.Marks["authority.executive_title"]; why != "le type de collectivité a changé" {
		t.Fatalf("executive title not marked: %v", a.ui.Marks)
	}
	if a.state(wizard.SecAuthority) != wizard.StateToReview {
		t.Errorf("section 1 state %v", a.state(wizard.SecAuthority))
	}
	h.goTo(wizard.SecAuthority, "authority.executive_title")
	h.contains("À revoir : le type de collectivité a changé")
	// The documents: no « Maire » at the head of the communauté de communes.
	h.goTo(wizard.SecDocuments, "")
	var preview strings.Builder
	if err := render.Render(&preview, document.Build(h.asst().plan, h.asst().docs.kinds[0], document.Options{}), render.Text); err != nil {
		t.Fatal(err)
	}
	v := strings.Join(strings.Fields(preview.String()), " ")
	if v == "" || strings.Contains(v, "Maire") || !strings.Contains(v, "à compléter : le Président ou la Présidente]") {
		t.Errorf("the délibération of an EPCI:\n%s", v)
	}
	// Choosing the title clears the mark.
	h.goTo(wizard.SecAuthority, "authority.executive_title")
	h.choose(string(wizard.TitlePresidente))
	if _, still := h.asst().ui.Marks["authority.executive_title"]; still || h.asst().state(wizard.SecAuthority) == wizard.StateToReview {
		t.Errorf("after choosing the title: %v", h.asst().ui.Marks)
	}
	// The convocation delay depends on the type too: still to review, in section 8.
	if h.asst().state(wizard.SecSession) != wizard.StateToReview {
		t.Errorf("the convocation date is not to review: %v", h.asst().ui.Marks)
	}
}

// TestChangingTheFormMarksWhatDependsOnIt: the form feeds the payees of the actions,
// the funding sources and the documents.
func TestChangingTheFormMarksWhatDependsOnIt(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "02-convention-eau-senegal"))
	h.goTo(wizard.SecForm, "form")
	h.choose(string(wizard.FormCharte))
	a := h.asst()
	for _, sec := range []wizard.Section{wizard.SecActions, wizard.SecFunding, wizard.SecDocuments} {
		if a.state(sec) != wizard.StateToReview {
			t.Errorf("section %v: %v (marks %v)", sec, a.state(sec), a.ui.Marks)
		}
	}
	if a.ui.Marks["funding[0].source"] != "la forme de l'action a changé" {
		t.Errorf("marks %v", a.ui.Marks)
	}
	for _, sec := range []wizard.Section{wizard.SecAuthority, wizard.SecPartner, wizard.SecSession} {
		if a.state(sec) == wizard.StateToReview {
			t.Errorf("section %v marked though nothing there depends on the form", sec)
		}
	}
}

func TestActionsCanBeAddedEditedAndRemoved(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecActions, "schedule.start")
	h.typeText("01/03/2027")
	h.key("enter")
	h.typeText("36")
	h.key("enter")
	if h.asst().list == nil {
		t.Fatalf("after the schedule, the list of actions:\n%s", h.view())
	}
	h.contains("Aucune action")
	h.key("a")
	if h.focused() != "actions[0].title" {
		t.Fatalf("focused %q", h.focused())
	}
	h.typeText("Échange scolaire")
	h.key("enter", "enter") // no description
	h.typeText("2027")
	h.key("enter")
	h.typeText("4 500")
	h.key("enter")
	h.key("enter") // paid by the authority itself
	h.contains("Action 1 : Échange scolaire · 2027 · 4 500,00")
	h.settle()
	if a := s.plan(id).Actions; len(a) != 1 || a[0].Cost != wizard.Euros(4500) || a[0].PaidTo.Kind != wizard.PayeeDirect {
		t.Fatalf("actions %+v", a)
	}
	// Edit: entrée opens the item on its first unanswered question.
	h.key("enter")
	if h.focused() != "actions[0].description" {
		t.Fatalf("focused %q", h.focused())
	}
	h.key("esc")
	// An empty item is discarded when left.
	h.key("a", "esc")
	if n := len(h.asst().plan.Actions); n != 1 {
		t.Fatalf("empty action kept: %d", n)
	}
	h.key("x")
	h.contains("(o/n)")
	h.key("o")
	h.contains("Aucune action")
	h.settle()
	if a := s.plan(id).Actions; len(a) != 0 {
		t.Fatalf("actions after removal %+v", a)
	}
}

func TestFundingListShowsLiveTotals(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "05-plan-desequilibre"))
	h.goTo(wizard.SecFunding, "")
	v := h.view()
	for _, want := range []string{"Plan de financement", "il manque 5 000,00", "Financement 1 :",
		"Une ligne par source et par année (sur trois ans : trois lignes)."} {
		if !strings.Contains(v, want) {
			t.Errorf("funding lacks %q:\n%s", want, v)
		}
	}
}

// TestHelpSaysWhereAComiteDeJumelageFitsAndHowFundingSplits: the two questions a
// secretary asked about during the walk-through have their answer in the help.
func TestHelpSaysWhereAComiteDeJumelageFitsAndHowFundingSplits(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "01-jumelage-allemagne"))
	h.goTo(wizard.SecImplementation, "implementation.mode")
	if v := h.flat(); !strings.Contains(v, "Un comité de jumelage : « Par délégation » quand la commune lui confie") {
		t.Fatalf("mode help:\n%s", h.view())
	}
	h.goTo(wizard.SecFunding, "funding[0].year")
	if v := h.flat(); !strings.Contains(v, "Une ligne par source et par année : un financement versé sur trois ans s'inscrit en trois lignes") {
		t.Fatalf("year help:\n%s", h.view())
	}
}

func TestReviewShowsFindingsAndJumpsToTheField(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "04-partenaire-etat"))
	h.goTo(wizard.SecReview, "")
	v := h.view()
	for _, want := range []string{"[bloquant]", "L. 1115-5", "[attention]"} {
		if !strings.Contains(v, want) {
			t.Errorf("review lacks %q:\n%s", want, v)
		}
	}
	h.key("end")
	if v := h.view(); !strings.Contains(v, "8. Séance — ○ vide") || !strings.Contains(v, "Secrétaire de séance : —") {
		t.Errorf("review answers:\n%s", v)
	}
	h.key("home")
	f := h.asst().review.findings[0]
	h.key("enter")
	a := h.asst()
	if a.sec != f.Ref.Section() || h.focused() != f.Ref.ID() {
		t.Fatalf("jump to %v %s: section %v focused %q", f.Ref.Section(), f.Ref.ID(), a.sec, h.focused())
	}
	// e on a section opens it.
	h.goTo(wizard.SecReview, "")
	for range len(a.review.findings) {
		h.key("down")
	}
	h.key("e")
	if h.asst().sec != wizard.SecAuthority {
		t.Fatalf("e on the first section: %v", h.asst().sec)
	}
}

func TestSaveConflictOffersReloadOrCopy(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.name")
	s.mu.Lock()
	s.drafts[id].Version++ // another window saved
	s.drafts[id].Plan.Authority.Name = "Nom venu d'ailleurs"
	s.mu.Unlock()
	h.typeText("Belmont")
	h.key("enter")
	h.contains("modifié dans une autre fenêtre")
	h.contains("Enregistrer une copie")
	h.key("c")
	h.waitFor("the copy", func() bool { return h.asst().id != id })
	h.settle()
	cp := s.plan(h.asst().id)
	if cp.Authority.Name != "Belmont" || !strings.HasSuffix(cp.Title, "(copie)") {
		t.Fatalf("copy %+v", cp)
	}
	// Further answers go to the copy.
	h.key("enter") // no SIREN
	h.typeText("38")
	h.key("enter")
	h.settle()
	if s.plan(h.asst().id).Authority.Departement != "38" || s.plan(id).Authority.Name != "Nom venu d'ailleurs" {
		t.Fatal("answers after the copy must go to the copy only")
	}

	// Reload replaces the answers on screen by the stored ones.
	s.mu.Lock()
	s.drafts[h.asst().id].Version++
	s.mu.Unlock()
	h.goTo(wizard.SecAuthority, "authority.population")
	h.typeText("800")
	h.key("enter")
	h.contains("Recharger")
	h.key("r")
	h.waitFor("the reload", func() bool { return h.asst().dialog == nil && h.asst().plan.Authority.Population == 0 })
	if !strings.Contains(h.view(), "Collectivité") {
		t.Fatal(h.view())
	}
}

// TestCtrlCInAConflictSavesTheAnswersAsACopy: ctrl+c while the draft is in conflict with
// another window, the dialog shown or the conflict found by the last save, keeps the
// answers in a copy before ending, and says so on exit.
func TestCtrlCInAConflictSavesTheAnswersAsACopy(t *testing.T) {
	for _, dialogShown := range []bool{true, false} {
		t.Run(fmt.Sprint("dialog shown ", dialogShown), func(t *testing.T) {
			h, s, id := openPlan(t, &wizard.Plan{})
			h.goTo(wizard.SecAuthority, "authority.name")
			s.mu.Lock()
			s.drafts[id].Version++ // another window saved
			s.drafts[id].Plan.Authority.Name = "Nom venu d'ailleurs"
			s.mu.Unlock()
			h.typeText("Belmont")
			if dialogShown {
				h.key("enter")
				h.contains("modifié dans une autre fenêtre")
			}
			h.key("ctrl+c")
			h.waitFor("the interruption", func() bool { return h.intr })
			if got := s.plan(id).Authority.Name; got != "Nom venu d'ailleurs" {
				t.Fatalf("the other window's draft changed: %q", got)
			}
			cp := s.plan(id + 1)
			if cp.Authority.Name != "Belmont" || cp.Title != "Projet de test (copie)" {
				t.Fatalf("copy %+v", cp)
			}
			want := "vos réponses sont enregistrées dans une copie, le brouillon n° 2 « Projet de test (copie) »."
			if note := h.app().exitNote; !strings.Contains(note, want) {
				t.Fatalf("exit note %q", note)
			}
		})
	}
}

func TestDatabaseErrorIsShownAndRetried(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.name")
	s.mu.Lock()
	s.failSave = errDisk
	s.mu.Unlock()
	h.typeText("Belmont")
	h.key("enter")
	h.contains("L'enregistrement a échoué")
	h.contains("disque plein")
	if !strings.Contains(h.view(), "! non enregistré") {
		t.Fatalf("header status:\n%s", h.view())
	}
	h.key("r")
	h.settle()
	if s.plan(id).Authority.Name != "Belmont" {
		t.Fatal("retry did not save")
	}
	if !strings.Contains(h.view(), "✓ enregistré") {
		t.Fatalf("header status:\n%s", h.view())
	}
}

func TestCtrlCSavesTheFieldBeingTypedAndInterrupts(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.name")
	h.typeText("Saint-Laurent")
	h.key("ctrl+c")
	h.waitFor("the interruption", func() bool { return h.intr })
	if got := s.plan(id).Authority.Name; got != "Saint-Laurent" {
		t.Fatalf("name %q", got)
	}
}

func TestQuitWaitsForTheSaves(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.name")
	h.typeText("Belmont")
	h.key("esc", "q")
	h.waitFor("the quit", func() bool { return h.quit })
	if s.plan(id).Authority.Name != "Belmont" {
		t.Fatal("answer lost on quit")
	}
}

func TestGlossaryAndHelpFromATextField(t *testing.T) {
	h, _, _ := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.name")
	h.typeText("Bel?")
	if h.app().over != nil {
		t.Fatal("? typed in a text field must not open the help")
	}
	h.key("ctrl+g")
	h.contains("Glossaire")
	h.typeText("faceco")
	v := h.view()
	if !strings.Contains(v, "Fonds d'action extérieure") || strings.Contains(v, "Jumelage\n") {
		t.Fatalf("glossary filter:\n%s", v)
	}
	h.key("esc") // closes the glossary, its search too
	if h.app().over != nil || h.app().active != h.asst() {
		t.Fatalf("échap should close the glossary and only it:\n%s", h.view())
	}
	h.key("ctrl+g", "ctrl+g")
	if h.app().over != nil {
		t.Fatal("ctrl+g should close the glossary it opened")
	}
	h.key("f1")
	h.contains("Question : Nom de la collectivité")
	h.contains("tel qu'il figure en tête des délibérations")
	h.contains("Touches de cet écran")
	h.key("esc")
	if h.app().over != nil {
		t.Fatal("help still open")
	}
	h.key("enter")
	if got := h.asst().plan.Authority.Name; got != "Bel?" {
		t.Fatalf("text typed before the glossary: %q", got)
	}
}

func TestTooSmallWindowSaysSoAndRecovers(t *testing.T) {
	h, _, _ := openPlan(t, &wizard.Plan{})
	h.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "Fenêtre trop petite : agrandissez-la à au moins 80 × 24 (actuellement 60 × 20).") {
		t.Fatalf("small window:\n%s", v)
	}
	if v := h.flat(); !strings.Contains(v, "q ou ctrl+c : quitter (vos réponses sont enregistrées).") {
		t.Fatalf("small window:\n%s", v)
	}
	h.typeText("x") // keys are ignored meanwhile
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	v := h.view()
	if !strings.Contains(v, "Votre collectivité") || len(strings.Split(v, "\n")) != 30 {
		t.Fatalf("after enlarging:\n%s", v)
	}
}

// TestTooSmallWindowQuitsOnQ: q quits from the too-small screen, the answer being typed
// saved first.
func TestTooSmallWindowQuitsOnQ(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.name")
	h.typeText("Belmont")
	h.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	h.key("q")
	h.waitFor("the quit", func() bool { return h.quit })
	if got := s.plan(id).Authority.Name; got != "Belmont" {
		t.Fatalf("name %q", got)
	}
}

func TestStatesAreReadableWithoutColour(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "04-partenaire-etat"))
	v := h.view()
	for _, want := range []string{"✓1", "…2", "○8", "complet"} {
		if !strings.Contains(v, want) {
			t.Errorf("progress line lacks %q:\n%s", want, v)
		}
	}
	h.goTo(wizard.SecReview, "")
	// A tall window shows every section's state at once.
	h.send(tea.WindowSizeMsg{Width: 80, Height: 200})
	views := h.view()
	for _, want := range []string{"… en cours", "✓ complet", "○ vide"} {
		if !strings.Contains(views, want) {
			t.Errorf("review lacks %q:\n%s", want, views)
		}
	}
}

// The status line under the sections keeps every part whole at 80 columns — the section,
// its state in words, the question (and the item) and the project's percentage — in every
// section, even with the longest state and two-digit item numbers.
func TestStatusLineFitsIn80ColumnsInEverySection(t *testing.T) {
	p := samplePlan(t, "02-convention-eau-senegal")
	for len(p.Actions) < 12 {
		p.Actions = append(p.Actions, wizard.Action{Title: "Atelier", Year: 2027, Cost: wizard.Euros(1), PaidTo: wizard.Payee{Kind: wizard.PayeeDirect}})
	}
	for len(p.Funding) < 12 {
		p.Funding = append(p.Funding, wizard.FundingLine{Source: wizard.SourceBudgetGeneral, Amount: wizard.Euros(1), Year: 2027})
	}
	h, _, _ := openPlan(t, p)
	check := func(sec wizard.Section, field, question string) {
		t.Helper()
		a := h.asst()
		for s := range wizard.NumSections {
			if !slices.Contains(a.ui.ToReview, s) {
				a.ui.ToReview = append(a.ui.ToReview, s) // "! à revoir", the longest state
			}
		}
		h.goTo(sec, field)
		line := strings.TrimRight(strings.Split(h.view(), "\n")[2], " ")
		head := fmt.Sprintf("%d/10 %s · ! à revoir", int(sec)+1, sec.Title())
		tail := fmt.Sprintf(" · projet %d %%", a.progress.Percent)
		if w := ansi.StringWidth(line); w > 80 || !strings.HasPrefix(line, head) || !strings.HasSuffix(line, tail) || !strings.Contains(line, question) {
			t.Errorf("section %d, %q: status line of %d columns %q, want %q…%q…%q", int(sec)+1, field, w, line, head, question, tail)
		}
	}
	for sec := range wizard.Section(wizard.NumSections) {
		q := ""
		if len(wizard.SectionQuestions(sec)) > 0 {
			q = " · q. "
		}
		check(sec, "", q)
	}
	check(wizard.SecActions, "actions[11].paid_to.kind", " · Action 12, q. 6/8")
	check(wizard.SecFunding, "funding[11].label", " · Financement 12, q. 4/4")
	check(wizard.SecSession, "session.budget_imputation", " · q. 12/14")
}

// The help of the option under the cursor takes the room left under the field, whole
// when it fits, and says it is cut ("…") when it does not.
func TestChoiceHelpUsesTheRoomLeft(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "02-convention-eau-senegal"))
	h.goTo(wizard.SecForm, "form")
	words := strings.Join(strings.Fields(h.view()), " ")
	if !strings.Contains(words, "→ La forme la plus courante") || !strings.Contains(words, "engagements financiers (CGCT L. 1115-1).") {
		t.Fatalf("the help of « Convention de coopération décentralisée » should be whole at 80 × 24:\n%s", h.view())
	}
	if v := ansi.Strip(h.asst().form.View()); strings.Contains(v, "…") {
		t.Errorf("nothing is cut here:\n%s", v)
	}
	f := h.asst().form
	f.SetSize(40, 10)
	v := strings.Split(ansi.Strip(f.View()), "\n")
	if len(v) > 10 || !strings.HasSuffix(v[len(v)-1], "…") || ansi.StringWidth(v[len(v)-1]) > 39 {
		t.Fatalf("cut help should end with « … » within the height:\n%s", strings.Join(v, "\n"))
	}
}

// The budget screen marks in words a funding line above its 1 % ceiling, and the ceiling,
// per service and per year as the rules engine checks them.
func TestFundingListMarksLinesAboveTheir1PercentCeiling(t *testing.T) {
	p := samplePlan(t, "02-convention-eau-senegal")
	h, _, _ := openPlan(t, p)
	h.goTo(wizard.SecFunding, "")
	if v := h.view(); strings.Contains(v, "au-dessus du plafond") || strings.Contains(v, "dépassé") {
		t.Fatalf("lines at their ceiling exactly are not marked:\n%s", v)
	}

	p = samplePlan(t, "02-convention-eau-senegal")
	if p.Funding[0].Source != wizard.SourceEau || p.Funding[0].Year != 2027 {
		t.Fatalf("sample 02 changed: %+v", p.Funding[0])
	}
	p.Funding[0].Amount = wizard.Euros(20000) // ceiling: 18 000 €
	p.Funding = append(p.Funding, wizard.FundingLine{Source: wizard.SourceEau, Amount: wizard.Euros(1000), Year: 2028})
	h, _, _ = openPlan(t, p)
	h.goTo(wizard.SecFunding, "")
	v := h.view()
	for _, want := range []string{
		"Eau potable 18 000,00 € (! dépassé en 2027)",
		"› Financement 1 : 2027 · 20 000,00 €",
		"    ! au-dessus du plafond de 18 000,00 € en 2027",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("funding lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "au-dessus du plafond"); n != 1 || strings.Contains(v, "(avec") {
		t.Errorf("%d lines marked, want 1 (2028 stays under the ceiling):\n%s", n, v)
	}

	// Two lines of the same source and year count together.
	h.asst().plan.Funding[5].Year = 2027
	h.key("down", "down", "down", "down", "down")
	v = h.view()
	if !strings.Contains(v, "› Financement 6 : 2027 · 1 000,00 €") || !strings.Contains(v, "! au-dessus du plafond de 18 000,00 € en 2027 (avec le financement 1)") {
		t.Errorf("the second line of 1 %% eau in 2027:\n%s", v)
	}
}

// Whole numbers read the French way where they are displayed, and stay as typed in the
// field.
func TestWholeNumbersAreGroupedTheFrenchWay(t *testing.T) {
	p := samplePlan(t, "02-convention-eau-senegal")
	p.Authority.Population = 68000
	h, _, _ := openPlan(t, p)
	h.goTo(wizard.SecAuthority, "authority.population")
	raw := ansi.Strip(h.m.View())
	if !strings.Contains(raw, "Réponse actuelle : 68\u00a0000\n") || !strings.Contains(raw, "> 68000") {
		t.Errorf("the field keeps 68000, the current answer reads 68 000 (non-breaking space):\n%s", raw)
	}
	h.goTo(wizard.SecReview, "")
	if all := ansi.Strip(strings.Join(h.asst().review.lines, "\n")); !strings.Contains(all, "Population (nombre d'habitants) : 68\u00a0000") {
		t.Errorf("the review reads 68 000:\n%s", all)
	}
	for in, want := range map[string]string{"": "", "7": "7", "999": "999", "2400": "2\u00a0400", "1234567": "1\u00a0234\u00a0567", "-1500": "-1\u00a0500", "12 a": "12 a"} {
		if got := groupDigits(in); got != want {
			t.Errorf("groupDigits(%q) = %q, want %q", in, got, want)
		}
	}
}

// The review counts its findings in correct French.
func TestReviewCountsFindingsInFrench(t *testing.T) {
	for _, c := range []struct {
		n         int
		one, many string
		want      string
	}{
		{0, "point bloquant", "points bloquants", "aucun point bloquant"},
		{1, "point bloquant", "points bloquants", "1 point bloquant"},
		{2, "point d'attention", "points d'attention", "2 points d'attention"},
		{12, "conseil", "conseils", "12 conseils"},
	} {
		if got := wizard.CountOf(c.n, c.one, c.many); got != c.want {
			t.Errorf("CountOf(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	h, _, _ := openPlan(t, samplePlan(t, "04-partenaire-etat"))
	h.goTo(wizard.SecReview, "")
	h.contains("Constats : 1 point bloquant, 3 points d'attention, 1 conseil")
}

// TestFooterAlwaysShowsHelpAndGlossary: at 80 × 24, on every section, list and item, the
// footer keeps « ? aide » and « ctrl+g glossaire »; the screen's last keys give way.
func TestFooterAlwaysShowsHelpAndGlossary(t *testing.T) {
	h, _, _ := openPlan(t, samplePlan(t, "02-convention-eau-senegal"))
	check := func(sec wizard.Section, field string) {
		t.Helper()
		h.run(h.asst().show(sec, field, false))
		lines := strings.Split(h.view(), "\n")
		footer := strings.Join(lines[len(lines)-footerLines:], "\n")
		if !strings.Contains(footer, "ctrl+g glossaire") || !strings.Contains(footer, "aide") {
			t.Errorf("section %d %q: footer without help or glossary:\n%s", int(sec)+1, field, footer)
		}
	}
	for sec := range wizard.Section(wizard.NumSections) {
		check(sec, "")
	}
	check(wizard.SecActions, "actions")
	check(wizard.SecActions, "actions[0].cost")
	check(wizard.SecFunding, "funding[0].amount")
}

func TestKeepBudgetsOnlyForCompetencesUntickedThenTickedAgain(t *testing.T) {
	svc := func(k wizard.ServiceKind, euros int64) wizard.Service {
		return wizard.Service{Kind: k, AnnualResources: wizard.Euros(euros)}
	}
	budgets := map[wizard.ServiceKind]int64{}
	a := wizard.Authority{Services: []wizard.Service{svc(wizard.ServiceAssainissement, 100_000)}}
	// Untick eau: its budget is kept aside.
	keepBudgets(&a, []wizard.Service{svc(wizard.ServiceEau, 850_000), svc(wizard.ServiceAssainissement, 100_000)}, budgets)
	if budgets[wizard.ServiceEau] != int64(wizard.Euros(850_000)) || len(budgets) != 1 {
		t.Fatalf("after unticking eau: %v", budgets)
	}
	// Tick it again: the budget comes back, and is no longer kept aside.
	old := a.Services
	a.Services = []wizard.Service{svc(wizard.ServiceEau, 0), svc(wizard.ServiceAssainissement, 100_000)}
	keepBudgets(&a, old, budgets)
	if a.Services[0].AnnualResources != wizard.Euros(850_000) || len(budgets) != 0 {
		t.Fatalf("after ticking eau again: %v, kept %v", a.Services, budgets)
	}
	// A budget the user cleared stays cleared when another competence is unticked.
	a.Services[0].AnnualResources = 0
	old = a.Services
	a.Services = []wizard.Service{svc(wizard.ServiceEau, 0)}
	keepBudgets(&a, old, budgets)
	if a.Services[0].AnnualResources != 0 || budgets[wizard.ServiceAssainissement] != int64(wizard.Euros(100_000)) {
		t.Fatalf("cleared budget came back: %v, kept %v", a.Services, budgets)
	}
}

// flat is the screen with its line breaks, runs of spaces and the forms' left border
// folded, to find a sentence the screen wraps.
func (h *harness) flat() string {
	return strings.Join(strings.Fields(strings.ReplaceAll(h.view(), "┃", " ")), " ")
}

// TestEmptyFieldsShowAnExampleNotADefault: the grey text of an empty field is the
// registry's example, said to be one, and entrée on it stores nothing.
func TestEmptyFieldsShowAnExampleNotADefault(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.population")
	h.contains("> ex. : 2400")
	h.key("enter")
	h.settle()
	if got := s.plan(id).Authority.Population; got != 0 {
		t.Fatalf("the example was stored: %d", got)
	}
	h.goTo(wizard.SecActions, "schedule.start")
	h.contains("> ex. : 01/03/2027")
}

// TestAPasteLongerThanTheFieldSaysItWasCut: huh's inputs drop what goes beyond their
// limit; the form says so, with the limit of the registry.
func TestAPasteLongerThanTheFieldSaysItWasCut(t *testing.T) {
	h, s, id := openPlan(t, &wizard.Plan{})
	h.goTo(wizard.SecAuthority, "authority.name")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("é", 520)), Paste: true})
	if v := h.flat(); !strings.Contains(v, "Texte coupé : cette réponse compte au plus 500 caractères ; les 20 derniers caractères collés n'ont pas été gardés.") {
		t.Fatalf("no note:\n%s", h.view())
	}
	h.key("enter")
	h.settle()
	if got := s.plan(id).Authority.Name; got != strings.Repeat("é", 500) {
		t.Fatalf("stored %d characters", len([]rune(got)))
	}
	// A paragraph: 4 000 characters.
	h.goTo(wizard.SecDomain, "domain.objectives")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("x", 4001)), Paste: true})
	if v := h.flat(); !strings.Contains(v, "au plus 4 000 caractères ; le dernier caractère collé n'a pas été gardé.") {
		t.Fatalf("no note:\n%s", h.view())
	}
	// Within the limit, nothing is said.
	h.goTo(wizard.SecPartner, "partner.name")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Lindenbach"), Paste: true})
	if strings.Contains(h.view(), "coupé") {
		t.Fatalf("note without a cut:\n%s", h.view())
	}
}
