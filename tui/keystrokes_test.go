package tui

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/huh"

	"aect/wizard"
)

// walkPlan is the jumelage of the keystroke count: sample 01 (a jumelage with a German
// commune), carried by a commune of the 2026 directory, Saint-Cyprien (Dordogne), with
// its SIREN — what a new user types in full without the directory. The title is left
// empty at the creation: the program composes it from the answers.
func walkPlan(t testing.TB) *wizard.Plan {
	t.Helper()
	p := samplePlan(t, "01-jumelage-allemagne")
	p.Title = "" // left to the program: « Jumelage Saint-Cyprien – Lindenbach »
	p.Authority.Name = "Saint-Cyprien"
	p.Authority.Departement = "24"
	p.Authority.Population = 1566
	p.Authority.SIREN = "212403968"
	p.Implementation.Operator = "Comité de jumelage de Saint-Cyprien"
	for i := range p.Actions {
		if p.Actions[i].PaidTo.Name != "" {
			p.Actions[i].PaidTo.Name = "Comité de jumelage de Saint-Cyprien"
		}
	}
	return p
}

// walker types a plan into the real program as a new user does, at 80×24, and counts the
// keys: every key message sent, letters included. It answers whatever question is on
// screen (so that a question skipped by the program costs nothing), types in a
// searchable list only the letters needed to bring the answer under the cursor, and
// leaves an optional answer empty with one key.
type walker struct {
	t         *testing.T
	h         *harness
	want      *wizard.Plan
	total     int
	bySection [wizard.NumSections]int
	// byQuestion counts the keys per question ID ("list" for the lists' own keys,
	// "creation" for the new draft's title).
	byQuestion map[string]int
}

func (w *walker) key(keys ...string) {
	for _, k := range keys {
		sec := wizard.SecAuthority
		if a := w.h.asst(); a != nil && w.h.app().active == a {
			sec = a.sec
		}
		w.bySection[sec]++
		w.total++
		if w.byQuestion == nil {
			w.byQuestion = map[string]int{}
		}
		w.byQuestion[w.where()]++
		w.h.key(k)
	}
}

func (w *walker) text(s string) {
	for _, r := range strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s) {
		w.key(string(r))
	}
}

// where is the question the next key goes to.
func (w *walker) where() string {
	a := w.h.asst()
	switch {
	case a == nil || w.h.app().active != a:
		return "creation"
	case a.form != nil:
		return a.form.current().ID
	case a.list != nil && a.list.item != nil:
		id := a.list.item.current().ID
		if r, ok := wizard.ParseRef(id); ok {
			return string(r.Field)
		}
		return id
	}
	return "list"
}

// answer gives the answer of the question shown in f.
func (w *walker) answer(f *qform) {
	q := f.current()
	want := q.Get(w.want)
	shown := f.value(f.cur) // the answer, or an offer such as the payee already named
	if q.Directory {
		w.pickDirectory(f, want)
		return
	}
	switch q.Kind {
	case wizard.KindChoice:
		if q.Searchable {
			w.pick(f, want)
			return
		}
		if want == "" {
			w.key("tab")
			return
		}
		opts := q.OptionsFor(f.plan)
		sel := f.fields[f.cur-f.start].(*huh.Select[string])
		hovered, _ := sel.Hovered()
		from := slices.IndexFunc(opts, func(o wizard.Option) bool { return o.Value == hovered })
		to := slices.IndexFunc(opts, func(o wizard.Option) bool { return o.Value == want })
		for ; from < to; from++ {
			w.key("down")
		}
		for ; from > to; from-- {
			w.key("up")
		}
		w.key("enter")
	case wizard.KindMulti:
		cursor := 0
		for _, x := range strings.Split(want, ",") {
			if x == "" {
				continue
			}
			i := slices.IndexFunc(q.Options, func(o wizard.Option) bool { return o.Value == x })
			for ; cursor < i; cursor++ {
				w.key("down")
			}
			for ; cursor > i; cursor-- {
				w.key("up")
			}
			w.key("space")
		}
		w.key("enter")
	case wizard.KindConfirm:
		if want == "oui" {
			w.key("o")
		} else {
			w.key("n")
		}
	default:
		if want == "" && f.offered() {
			w.key("tab") // tab passes an offer without taking it
			return
		}
		if shown != want {
			if shown != "" && !f.offered() { // an offer is replaced by what is typed
				w.key("ctrl+u")
			}
			w.text(want)
		}
		w.key("enter")
	}
}

// pick types the folded label of the wanted option letter by letter until the option is
// under the cursor, then validates it.
func (w *walker) pick(f *qform, want string) {
	p := f.fields[f.cur-f.start].(*picker)
	if want == "" {
		w.key("tab")
		return
	}
	q := f.current()
	label := wizard.Fold(q.OptionLabel(want))
	if o, ok := p.hovered(); ok && o.Value == want && q.Get(f.plan) == want {
		w.key("enter") // the answer given is under the cursor
		return
	}
	for _, r := range label {
		if o, ok := p.hovered(); ok && o.Value == want && p.input.Value() != "" {
			break
		}
		w.key(string(r))
	}
	w.key("enter")
}

// pickDirectory answers « Votre collectivité »: the name of the commune typed letter
// by letter until it is under the cursor, or in full then ↓ to it; tab when the
// authority is not in the directory.
func (w *walker) pickDirectory(f *qform, want string) {
	if want == "" {
		w.key("tab")
		return
	}
	p := f.fields[f.cur-f.start].(*dirPicker)
	at := func() bool {
		r, ok := p.hovered()
		return ok && (r.Commune != nil && r.Commune.INSEE == want || r.EPCI != nil && r.EPCI.SIREN == want)
	}
	for _, r := range wizard.Fold(w.want.Authority.Name) {
		if at() {
			break
		}
		w.key(string(r))
	}
	for i := 0; !at() && i < dirSearchLimit; i++ {
		w.key("down")
	}
	w.key("enter")
}

// walk types the whole plan, from the drafts list to the review.
func (w *walker) walk() {
	w.key("n")
	w.text(w.want.Title)
	w.key("enter")
	w.h.waitFor("the assistant", func() bool { return w.h.asst() != nil && w.h.app().active == w.h.asst() })
	for steps := 0; w.h.asst().sec < wizard.SecReview; steps++ {
		if steps > 2000 {
			w.t.Fatalf("the walk does not end; screen:\n%s", w.h.view())
		}
		a := w.h.asst()
		switch {
		case a.form != nil:
			w.answer(a.form)
		case a.list != nil && a.list.item != nil:
			w.answer(a.list.item)
		case a.list != nil:
			if a.list.count() < wizard.ItemCount(w.want, a.list.kind.field()) {
				w.key("a")
			} else {
				w.key("tab")
			}
		default:
			w.key("enter")
		}
	}
	w.h.settle()
}

// TestKeystrokesOfANewUsersJumelage counts the keys a new user presses to type a whole
// jumelage at 80×24 (go test -run Keystrokes -v ./tui prints them), choosing the commune
// in the directory, and without it; and checks that the walk gave every answer.
//
// Before issue 17, the same walk took 988 keys, 89 of them in section 1 (title 37, type
// 1, name 14, SIREN 10, SIRET 1, département 3, population 5, executive 15 + 2,
// competences 1): the title was typed at the creation, and no answer was offered.
func TestKeystrokesOfANewUsersJumelage(t *testing.T) {
	for _, tc := range []struct {
		name      string
		directory bool
	}{{"with the directory", true}, {"without it", false}} {
		t.Run(tc.name, func(t *testing.T) {
			want := walkPlan(t)
			if tc.directory {
				want.Authority.INSEE = "24396"
			}
			s := newFakeStore()
			h := newHarness(t, s, 80, 24)
			w := &walker{t: t, h: h, want: want}
			w.walk()

			got := s.plan(h.asst().id)
			a, _ := json.Marshal(normalise(t, got))
			b, _ := json.Marshal(normalise(t, want))
			if !reflect.DeepEqual(normalise(t, got), normalise(t, want)) {
				t.Fatalf("the walk typed another plan\n got: %s\nwant: %s", a, b)
			}
			if title := got.DisplayTitle(); title != "Jumelage Saint-Cyprien – Lindenbach" {
				t.Errorf("composed title %q", title)
			}
			var lines []string
			for sec, n := range w.bySection {
				if n > 0 {
					lines = append(lines, fmt.Sprintf("%d %s: %d", sec+1, wizard.Section(sec).Title(), n))
				}
			}
			t.Logf("keystrokes of the jumelage at 80×24, %s: %d in all; %s", tc.name, w.total, strings.Join(lines, "; "))
			if testing.Verbose() {
				ids := make([]string, 0, len(w.byQuestion))
				for id := range w.byQuestion {
					ids = append(ids, id)
				}
				slices.SortFunc(ids, func(a, b string) int { return w.byQuestion[b] - w.byQuestion[a] })
				var per []string
				for _, id := range ids {
					per = append(per, fmt.Sprintf("%s %d", id, w.byQuestion[id]))
				}
				t.Logf("by question: %s", strings.Join(per, ", "))
			}
		})
	}
}
