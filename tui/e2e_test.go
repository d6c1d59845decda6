package tui

import (
	"bytes"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"aect/storage"
	"aect/wizard"
)

// *storage.Store is what cmd passes to Run.
var _ Store = (*storage.Store)(nil)

// typist turns the answers of a plan into the keys a user presses to give them, knowing
// only the questions (wizard.Questions and friends) and how each kind of field works.
type typist struct {
	want *wizard.Plan
	keys []tea.Msg
}

func (ty *typist) press(names ...string) {
	for _, n := range names {
		ty.keys = append(ty.keys, keyMsg(n))
	}
}

func (ty *typist) text(s string) {
	for _, r := range s {
		ty.keys = append(ty.keys, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// answer gives the answer of one question; the field shows the current answer of an
// empty draft (or the title typed at creation).
func (ty *typist) answer(q *wizard.Question) {
	v := q.Get(ty.want)
	if q.Directory {
		// The samples' authorities are not in the directory: the question is passed.
		if v == "" {
			ty.press("tab")
			return
		}
		ty.text(v)
		ty.press("enter")
		return
	}
	switch q.Kind {
	case wizard.KindChoice:
		if q.Searchable {
			// Type the label without accents, as a user would.
			ty.text(wizard.Fold(q.OptionLabel(v)))
			ty.press("enter")
			return
		}
		// From the top: the cursor may start on an offer (the previous action's payee).
		ty.press("home")
		i := slices.IndexFunc(q.Options, func(o wizard.Option) bool { return o.Value == v })
		for range i {
			ty.press("down")
		}
		ty.press("enter")
	case wizard.KindMulti:
		cursor := 0
		for _, x := range strings.Split(v, ",") {
			i := slices.IndexFunc(q.Options, func(o wizard.Option) bool { return o.Value == x })
			for ; cursor < i; cursor++ {
				ty.press("down")
			}
			for ; cursor > i; cursor-- {
				ty.press("up")
			}
			ty.press("space")
		}
		ty.press("enter")
	case wizard.KindConfirm:
		if v == "oui" {
			ty.press("o")
		} else {
			ty.press("n")
		}
	default:
		// French amounts are typed with ordinary spaces.
		ty.text(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(v))
		ty.press("enter")
	}
}

// section answers the questions that apply, from the first one; the question keep,
// already answered, is validated as it is.
func (ty *typist) section(qs []wizard.Question, keep string) {
	for i := range qs {
		if !qs[i].AppliesTo(ty.want) {
			continue
		}
		if qs[i].ID == keep {
			ty.press("enter")
			continue
		}
		ty.answer(&qs[i])
	}
}

// TestEndToEndTypesSample02 types the whole sample 02 into a new draft, through key
// messages sent to the real program, against the real storage, and checks that the saved
// plan equals the sample.
func TestEndToEndTypesSample02(t *testing.T) {
	want := samplePlan(t, "02-convention-eau-senegal")
	store, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()

	m := New(store, Options{Now: func() time.Time { return fixedNow }, ExportDir: t.TempDir()})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Bienvenue")) },
		teatest.WithDuration(5*time.Second))

	ty := &typist{want: want}
	ty.press("n")
	ty.text(want.Title)
	ty.press("enter")
	for _, k := range ty.keys {
		tm.Send(k)
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("1/10 Collectivité")) },
		teatest.WithDuration(5*time.Second))

	ty.keys = nil
	// The title was given at creation: the assistant starts on « Votre collectivité »
	// (passed: the sample's commune is fictional), then shows the title, kept.
	for s := wizard.SecAuthority; s <= wizard.SecActions; s++ {
		ty.section(wizard.SectionQuestions(s), "title")
	}
	for i := range want.Actions {
		ty.press("a")
		ty.section(wizard.ActionQuestions(i), "")
	}
	ty.press("tab") // on to the funding
	for i := range want.Funding {
		ty.press("a")
		ty.section(wizard.FundingQuestions(i), "")
	}
	ty.press("tab") // on to the session
	ty.section(wizard.SectionQuestions(wizard.SecSession), "")
	ty.press("tab") // from the review to the documents
	ty.press("esc", "q")
	for _, k := range ty.keys {
		tm.Send(k)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*App)
	if final.asst == nil || final.asst.sec != wizard.SecDocuments {
		t.Errorf("the keys should end on the documents, got section %v", final.asst.sec)
	}

	list, err := store.List("")
	if err != nil || len(list) != 1 {
		t.Fatalf("drafts %v, %v", list, err)
	}
	d, err := store.Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	got, exp := normalise(t, d.Plan), normalise(t, want)
	if !reflect.DeepEqual(got, exp) {
		a, _ := wizard.Encode(got)
		b, _ := wizard.Encode(exp)
		t.Fatalf("saved plan differs from the sample\n got: %s\nwant: %s", a, b)
	}
	if d.UI.Section != int(wizard.SecDocuments) {
		t.Errorf("saved position %d, want the documents", d.UI.Section)
	}
}

// normalise passes a plan through the answers file format.
func normalise(t *testing.T, p *wizard.Plan) *wizard.Plan {
	t.Helper()
	data, err := wizard.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	out, err := wizard.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
