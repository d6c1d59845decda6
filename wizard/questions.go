package wizard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Kind is the kind of answer a question expects.
type Kind int

// Question kinds.
const (
	KindText     Kind = iota // one line of text
	KindLongText             // a paragraph
	KindInt                  // a whole number
	KindAmount               // an amount in euros, typed the French way
	KindDate                 // a date
	KindYear                 // a year
	KindChoice               // one code among Options
	KindMulti                // several codes among Options
	KindConfirm              // oui / non
	KindList                 // free items separated by commas
)

// Option is one choice of a question.
type Option struct {
	Value string
	Label string
	Help  string
}

// Question is one question of the assistant, shared by the full-screen interface, the
// accessible line-by-line mode and the printed questionnaire, so that all ask the same
// questions in the same order with the same help and the same validation. Questions are
// derived from the registry of fields (Fields): one question per answer, one per item
// for the answers of a list.
type Question struct {
	// ID is the JSON path of the answer: "authority.name", "actions[2].cost".
	ID string
	// Ref is the answer asked: its field and item.
	Ref     Ref
	Section Section
	// Title is the question, in French.
	Title string
	// Help says in one to three French sentences what to answer and why.
	Help string
	Kind Kind
	// Options lists the choices of a KindChoice or KindMulti question.
	Options []Option
	// Searchable marks long choice lists (countries, départements) that need a filter.
	Searchable bool
	// Directory marks the question « Votre collectivité »: a text searched in the
	// directory of collectivités, whose chosen match fills several answers
	// (ApplyDirectory). Stored, its answer is the commune's INSEE code or the EPCI's
	// SIREN.
	Directory bool
	// Placeholder is an example answer shown in an empty field.
	Placeholder string
	// Optional answers may stay empty ("facultatif").
	Optional bool
	// MaxLen is the most characters of a text answer, 0 for other kinds.
	MaxLen int
	// When says in French when the question is asked; "" when it always is.
	When string
	// Applies says whether the question is asked, given the answers so far; nil means always.
	Applies func(p *Plan) bool
	// offers says whether an option is offered for this plan (the executive's titles that
	// fit the authority's type); nil offers them all.
	offers func(p *Plan, value string) bool
	// suggest offers an answer (Suggestion); nil offers none.
	suggest func(p *Plan) (value, why string)
	// Get returns the current answer as the user would type it ("12 500,00", "25/11/2026",
	// codes separated by commas, "oui"/"non"); "" when not given.
	Get func(p *Plan) string
	// Set parses and stores an answer; "" clears it. The error is a French *Error.
	Set func(p *Plan, s string) error
}

// OptionsFor returns the options offered for this plan: all of them, or those that fit
// the answers already given (« le Maire » or « la Maire » for a commune, « le
// Président » or « la Présidente » otherwise). The answer given stays offered.
func (q *Question) OptionsFor(p *Plan) []Option {
	if q.offers == nil {
		return q.Options
	}
	current := q.Get(p)
	var out []Option
	for _, o := range q.Options {
		if o.Value == current || q.offers(p, o.Value) {
			out = append(out, o)
		}
	}
	return out
}

// AppliesTo reports whether the question is asked for this plan.
func (q *Question) AppliesTo(p *Plan) bool { return q.Applies == nil || q.Applies(p) }

// Validate checks an answer without storing it; its error says in French what is expected.
func (q *Question) Validate(s string) error {
	var scratch Plan
	if i, ok := q.Ref.Item(); ok {
		if l, found := q.Ref.Field.List().Lookup(); found {
			for l.list.count(&scratch) <= i {
				l.list.add(&scratch)
			}
		}
	}
	return q.Set(&scratch, s)
}

// OptionLabel returns the label of an option value, or the value itself.
func (q *Question) OptionLabel(v string) string {
	for _, o := range q.Options {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// ParseYesNo reads a French yes/no answer: oui, o, non, n (any case).
func ParseYesNo(s string) (bool, error) {
	switch Fold(strings.TrimSpace(s)) {
	case "oui", "o":
		return true, nil
	case "non", "n", "":
		return false, nil
	}
	return false, Errorf("réponse « %s » non comprise : répondez oui ou non", s)
}

// YesNo writes a boolean as "oui" or "non".
func YesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}

func optionsOf[T ~string](c Catalogue[T]) []Option {
	out := make([]Option, len(c.Choices))
	for i, ch := range c.Choices {
		out[i] = Option{string(ch.Code), ch.Label, ch.Help}
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// ParseInt reads a whole number between min and max; "" gives 0. The error names what is
// expected.
func ParseInt(s string, min, max int, what string) (int, error) {
	t := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		return 0, Errorf("« %s » n'est pas un nombre entier : attendu %s, en chiffres", s, what)
	}
	if n < min || n > max {
		return 0, Errorf("%d hors limites : attendu %s entre %d et %d", n, what, min, max)
	}
	return n, nil
}

func departementOptions() []Option {
	deps := Departements()
	out := make([]Option, len(deps))
	for i, d := range deps {
		out[i] = Option{d.Code, d.Code + " – " + d.Name, d.Region}
	}
	return out
}

// CountryLabel is how a country appears in choices: "Sénégal (APD, PMA)".
func CountryLabel(c Country) string {
	switch {
	case c.PMA:
		return c.Name + " (APD, PMA)"
	case c.APD:
		return c.Name + " (APD)"
	}
	return c.Name
}

func countryOptions() []Option {
	cs := Countries()
	slices.SortFunc(cs, func(a, b Country) int { return strings.Compare(Fold(a.Name), Fold(b.Name)) })
	out := make([]Option, len(cs))
	for i, c := range cs {
		out[i] = Option{c.Code, CountryLabel(c), ""}
	}
	return out
}

func sdgOptions() []Option {
	out := make([]Option, 17)
	for i := 1; i <= 17; i++ {
		out[i-1] = Option{strconv.Itoa(i), fmt.Sprintf("ODD %d – %s", i, SDGNames[i]), ""}
	}
	return out
}

// question derives the question that asks answer r of field f.
func (f *Field) question(r Ref) Question {
	q := Question{ID: r.ID(), Ref: r, Section: f.Section, Title: f.QuestionTitle(), Help: f.Help, Kind: f.Kind,
		Options: f.Options, Searchable: f.Searchable, Directory: f.Directory, Placeholder: f.Placeholder, Optional: f.Optional,
		MaxLen: f.MaxLen, When: f.When, offers: f.Offers}
	b := f.bind
	if f.ID.List() == FieldServices {
		// The budget of a service is asked per kind of service, when it is held.
		k := ServiceKind(r.Key)
		q.Title = fmt.Sprintf(f.QuestionTitle(), ServiceKinds.Label(k))
		q.Applies = func(p *Plan) bool { return r.item(p) >= 0 }
		q.Get = func(p *Plan) string {
			if i := r.item(p); i >= 0 {
				return b.get(p, i)
			}
			return ""
		}
		q.Set = func(p *Plan, s string) error {
			i := r.item(p)
			if i < 0 {
				var scratch Plan
				scratch.Authority.Services = []Service{{Kind: k}}
				if err := b.set(&scratch, 0, s); err != nil {
					return err
				}
				p.Authority.Services = append(p.Authority.Services, scratch.Authority.Services[0])
				return nil
			}
			return b.set(p, i, s)
		}
		return q
	}
	i, item := r.Item()
	if !item {
		i = -1
	} else {
		l, _ := f.ID.List().Lookup()
		q.Title = fmt.Sprintf("%s %d : %s", l.list.item, i+1, q.Title)
	}
	if f.Applies != nil {
		q.Applies = func(p *Plan) bool { return f.Applies(p, i) }
	}
	q.Get = func(p *Plan) string { return b.get(p, i) }
	q.Set = func(p *Plan, s string) error { return b.set(p, i, s) }
	if f.Suggest != nil {
		q.suggest = func(p *Plan) (string, string) { return f.Suggest(p, i) }
	}
	return q
}

// asked reports whether a field is asked by a question of its own.
func (f *Field) asked() bool { return !f.Hidden && f.bind != nil }

// Questions returns the questions of the plan, in the order of the assistant: sections
// Collectivité to Séance. The repeated items (actions, funding lines) have their own
// questions: ActionQuestions and FundingQuestions. The slice is a copy; the options it
// shares must not be modified.
func Questions() []Question { return slices.Clone(allQuestions()) }

var allQuestions = sync.OnceValue(func() []Question { return registry().questions() })

// questions derives the plan-level questions from the registry.
func (r *fieldRegistry) questions() []Question {
	var qs []Question
	for i := range r.fields {
		f := &r.fields[i]
		switch {
		case !f.asked():
		case f.ID.List() == FieldServices:
			for _, k := range ServiceKinds.Choices {
				qs = append(qs, f.question(serviceRef(k.Code)))
			}
		case !f.ID.InList():
			qs = append(qs, f.question(RefTo(f.ID)))
		}
	}
	return qs
}

// ItemQuestions returns the questions of item i (0-based) of a list: FieldActions or
// FieldFunding. The item must exist in the plan when Get or Set is called.
func ItemQuestions(list FieldID, i int) []Question {
	var qs []Question
	for j := range Fields() {
		f := &Fields()[j]
		if f.asked() && f.ID.InList() && f.ID.List() == list {
			qs = append(qs, f.question(ItemRef(f.ID, i)))
		}
	}
	return qs
}

// ActionQuestions returns the questions of action i (0-based).
func ActionQuestions(i int) []Question { return ItemQuestions(FieldActions, i) }

// FundingQuestions returns the questions of funding line i (0-based).
func FundingQuestions(i int) []Question { return ItemQuestions(FieldFunding, i) }

// SectionQuestions returns the plan-level questions of one section, in order.
func SectionQuestions(s Section) []Question {
	var out []Question
	for _, q := range allQuestions() {
		if q.Section == s {
			out = append(out, q)
		}
	}
	return out
}
