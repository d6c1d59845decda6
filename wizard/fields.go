package wizard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// FieldID names one answer of the plan: its path in the aect-plan/1 format, with "[]"
// standing for the item of a list ("actions[].cost"). The questions, the decoder, the
// completeness, the findings and the « à revoir » marks all speak of answers by FieldID.
type FieldID string

// The answers of a plan, in the order of the assistant. Each one is declared once, in
// the registry (fieldTable).
const (
	FieldINSEE             FieldID = "authority.insee"
	FieldTitle             FieldID = "title"
	FieldAuthorityType     FieldID = "authority.type"
	FieldSyndicatKind      FieldID = "authority.syndicat_kind"
	FieldAuthorityName     FieldID = "authority.name"
	FieldSIREN             FieldID = "authority.siren"
	FieldSIRET             FieldID = "authority.siret"
	FieldDepartement       FieldID = "authority.departement"
	FieldPopulation        FieldID = "authority.population"
	FieldExecutiveName     FieldID = "authority.executive_name"
	FieldExecutiveTitle    FieldID = "authority.executive_title"
	FieldServices          FieldID = "authority.services"
	FieldServiceKind       FieldID = "authority.services[].kind"
	FieldServiceResources  FieldID = "authority.services[].annual_resources"
	FieldPartnerName       FieldID = "partner.name"
	FieldCountry           FieldID = "partner.country"
	FieldPartnerKind       FieldID = "partner.kind"
	FieldCrisisEvent       FieldID = "partner.crisis_event"
	FieldCrisisDate        FieldID = "partner.crisis_date"
	FieldStateException    FieldID = "partner.state_exception"
	FieldRepresentative    FieldID = "partner.representative"
	FieldLanguages         FieldID = "partner.languages"
	FieldHistory           FieldID = "partner.history"
	FieldRecognised        FieldID = "partner.recognised_confirmed"
	FieldCategory          FieldID = "domain.category"
	FieldSectors           FieldID = "domain.sectors"
	FieldObjectives        FieldID = "domain.objectives"
	FieldSDGs              FieldID = "domain.sdgs"
	FieldAPDGender         FieldID = "domain.marker_gender"
	FieldAPDEnvironment    FieldID = "domain.marker_environment"
	FieldAPDBiodiversity   FieldID = "domain.marker_biodiversity"
	FieldAPDNutrition      FieldID = "domain.marker_nutrition"
	FieldForm              FieldID = "form"
	FieldMode              FieldID = "implementation.mode"
	FieldOperator          FieldID = "implementation.operator"
	FieldPooledWith        FieldID = "implementation.pooled_with"
	FieldStart             FieldID = "schedule.start"
	FieldDuration          FieldID = "schedule.duration_months"
	FieldActions           FieldID = "actions"
	FieldActionTitle       FieldID = "actions[].title"
	FieldActionDescription FieldID = "actions[].description"
	FieldActionYear        FieldID = "actions[].year"
	FieldActionCost        FieldID = "actions[].cost"
	FieldActionField       FieldID = "actions[].field"
	FieldPayeeKind         FieldID = "actions[].paid_to.kind"
	FieldPayeeName         FieldID = "actions[].paid_to.name"
	FieldCRSSector         FieldID = "actions[].crs_sector"
	FieldCRSChannel        FieldID = "actions[].crs_channel"
	FieldFunding           FieldID = "funding"
	FieldFundingSource     FieldID = "funding[].source"
	FieldFundingAmount     FieldID = "funding[].amount"
	FieldFundingYear       FieldID = "funding[].year"
	FieldFundingLabel      FieldID = "funding[].label"
	FieldSessionDate       FieldID = "session.date"
	FieldActNumber         FieldID = "session.act_number"
	FieldConvocation       FieldID = "session.convocation_date"
	FieldUrgency           FieldID = "session.urgency"
	FieldStatutsDelay      FieldID = "session.statuts_convocation_days"
	FieldMembers           FieldID = "session.members_in_office"
	FieldPresent           FieldID = "session.present"
	FieldSecondMeeting     FieldID = "session.second_meeting"
	FieldRepresented       FieldID = "session.represented"
	FieldSecretary         FieldID = "session.secretary"
	FieldVotesFor          FieldID = "session.votes_for"
	FieldVotesAgainst      FieldID = "session.votes_against"
	FieldAbstentions       FieldID = "session.abstentions"
	FieldImputation        FieldID = "session.budget_imputation"
	FieldCommission        FieldID = "session.commission"
	FieldActesMatiere      FieldID = "session.actes_classification"
	FieldActesAnnexType    FieldID = "session.actes_annex_type"
)

// Text limits, the same in the assistant and in the answers format.
const (
	// MaxLine is the most characters of a one-line answer.
	MaxLine = 500
	// MaxParagraph is the most characters of a paragraph answer.
	MaxParagraph = 4000
	// MaxItems is the most items of a list (actions, funding lines, languages…).
	MaxItems = 500
)

// CopyTitle is the title of a copy, "<title> (copie)", the title cut with « … » so that
// the whole stays within MaxLine characters.
func CopyTitle(title string) string {
	const suffix = " (copie)"
	if r := []rune(title); len(r)+len([]rune(suffix)) > MaxLine {
		title = strings.TrimRight(string(r[:MaxLine-len([]rune(suffix))-1]), " ") + "…"
	}
	return title + suffix
}

// Field is the one declaration of an answer: where it lives in the plan and in the
// assistant, the question that asks it, its limits, when it is asked, and what depends
// on it. The questions, the decoder, the completeness, the printed questionnaire and the
// « à revoir » marks are all derived from the registry of fields.
type Field struct {
	ID      FieldID
	Section Section
	// Name is the answer's short French name, as listed among the missing answers
	// ("type de collectivité"); an item's number or a service's name is added after it.
	Name string
	// Changed is the reason given on the answers this one feeds when it changes:
	// « le type de collectivité a changé ».
	Changed string
	// Title is the question, Help says what to answer and why, Placeholder is an example.
	// The title of a service's budget has a %s for the service's name.
	Title, Help, Placeholder string
	Kind                     Kind
	Options                  []Option
	// Offers, when set, says whether an option is offered for a plan (the titles that fit
	// the authority's type).
	Offers func(p *Plan, value string) bool
	// Searchable marks long choice lists (countries, départements) that need a filter.
	Searchable bool
	// Directory marks the question « Votre collectivité », answered by a search in the
	// directory of collectivités: the interfaces offer the matches, and a choice fills
	// the answers the directory gives (ApplyDirectory).
	Directory bool
	// Optional answers are not counted in the completeness ("facultatif").
	Optional bool
	// MaxLen is the most characters of a text answer.
	MaxLen int
	// When says in French when the question is asked, for the printed questionnaire;
	// "" when it always is. Applies says it for a plan (i is the item, or -1).
	When    string
	Applies func(p *Plan, i int) bool
	// Feeds lists the answers that depend on this one: when it changes, those already
	// given are marked « à revoir » with the reason Changed.
	Feeds []Feed
	// FeedsSections lists the sections without questions (the review, the documents)
	// that depend on this answer.
	FeedsSections []Section
	// Hidden answers are read and written in the answers format but never asked (the
	// kind of a service is ticked through the list of competences).
	Hidden bool
	// Suggest, when set, offers an answer for item i from the answers already given, and
	// says why (see Question.Suggestion); "" offers nothing.
	Suggest func(p *Plan, i int) (value, why string)

	bind binding
	list *listSpec
}

// Feed is one dependency: the answer Field depends on the answer that lists it. If, when
// set, restricts it to the items concerned (the funding lines of a 1 % source).
type Feed struct {
	Field FieldID
	If    func(p *Plan, i int) bool
}

// listSpec describes a list of items: how many there are, how to add one, and the name
// of an item in a question ("Action 2 : …").
type listSpec struct {
	count  func(p *Plan) int
	add    func(p *Plan) int
	remove func(p *Plan, i int)
	empty  func(p *Plan, i int) bool
	item   string
}

// sliceList is the list spec of a slice of the plan; item names an item in a question.
func sliceList[T comparable](item string, at func(p *Plan) *[]T) *listSpec {
	return &listSpec{item: item,
		count:  func(p *Plan) int { return len(*at(p)) },
		add:    func(p *Plan) int { var zero T; *at(p) = append(*at(p), zero); return len(*at(p)) - 1 },
		remove: func(p *Plan, i int) { *at(p) = slices.Delete(*at(p), i, i+1) },
		empty:  func(p *Plan, i int) bool { var zero T; return (*at(p))[i] == zero },
	}
}

// QuestionTitle is the question as it is asked: Title, followed by « (facultatif) » for
// an optional answer, before the question mark of a question ("qui reçoit l'argent
// (facultatif) ?"). The interface, the accessible mode and the questionnaire all say it.
func (f *Field) QuestionTitle() string {
	if !f.Optional {
		return f.Title
	}
	if t, ok := strings.CutSuffix(f.Title, " ?"); ok {
		return t + " (facultatif) ?"
	}
	return f.Title + " (facultatif)"
}

// appliesTo reports whether the field is asked for item i of p (i is -1 outside lists).
func (f *Field) appliesTo(p *Plan, i int) bool { return f.Applies == nil || f.Applies(p, i) }

// given reports whether the answer of item i is given.
func (f *Field) given(p *Plan, i int) bool {
	if f.list != nil {
		return f.list.count(p) > 0
	}
	return f.bind.given(p, i)
}

// InList reports whether the field is the answer of a list's item ("actions[].cost").
func (id FieldID) InList() bool { return strings.Contains(string(id), "[]") }

// list returns the list field a field belongs to ("actions" for "actions[].cost").
func (id FieldID) List() FieldID {
	l, _, inList := strings.Cut(string(id), "[]")
	if !inList {
		return ""
	}
	return FieldID(l)
}

// Lookup returns the registry entry of a field.
func (id FieldID) Lookup() (*Field, bool) {
	i, ok := registry().index[id]
	if !ok {
		return nil, false
	}
	return &registry().fields[i], true
}

// Fields returns the registry: every answer of the plan, in the order of the assistant.
// The slice is shared: it must not be modified.
func Fields() []Field { return registry().fields }

type fieldRegistry struct {
	fields []Field
	index  map[FieldID]int
	nodes  map[string]*node
}

var registry = sync.OnceValue(func() *fieldRegistry { return newRegistry(fieldTable()) })

// newRegistry indexes a table of fields and derives the objects of the answers format.
func newRegistry(fields []Field) *fieldRegistry {
	r := &fieldRegistry{fields: fields, index: map[FieldID]int{}}
	for i, f := range r.fields {
		if _, dup := r.index[f.ID]; dup {
			panic("wizard: field declared twice: " + string(f.ID))
		}
		r.index[f.ID] = i
	}
	r.nodes = buildNodes(r.fields)
	return r
}

// Ref points at one answer: a field and, for the answer of a list's item, the item — its
// index for actions and funding lines, the kind for the budget of a service.
type Ref struct {
	Field FieldID
	Key   string
}

// RefTo is the answer of a field outside a list.
func RefTo(f FieldID) Ref { return Ref{Field: f} }

// ItemRef is the answer of item i of a list ("actions[2].cost").
func ItemRef(f FieldID, i int) Ref { return Ref{Field: f, Key: strconv.Itoa(i)} }

// serviceRef is the budget of one service, keyed by its kind.
func serviceRef(k ServiceKind) Ref { return Ref{Field: FieldServiceResources, Key: string(k)} }

// ID is the answer's identifier, its JSON path: "form", "actions[2].cost"; the budget of
// a service is "authority.services.eau.annual_resources".
func (r Ref) ID() string {
	if r.Key == "" || !r.Field.InList() {
		return string(r.Field)
	}
	if r.Field == FieldServiceResources || r.Field == FieldServiceKind {
		if _, err := strconv.Atoi(r.Key); err != nil {
			l, rest, _ := strings.Cut(string(r.Field), "[]")
			return l + "." + r.Key + rest
		}
	}
	return strings.Replace(string(r.Field), "[]", "["+r.Key+"]", 1)
}

// Item returns the index of the item a reference points at, when it is one.
func (r Ref) Item() (int, bool) {
	if r.Key == "" {
		return 0, false
	}
	i, err := strconv.Atoi(r.Key)
	return i, err == nil
}

// Section is the section where the answer is asked.
func (r Ref) Section() Section {
	if f, ok := r.Field.Lookup(); ok {
		return f.Section
	}
	return SecReview
}

// ParseRef reads an answer's identifier: "form", "actions[2].cost", "funding[0]",
// "authority.services.eau.annual_resources". An item without its answer ("actions[2]")
// points at the list with the item as key.
func ParseRef(id string) (Ref, bool) {
	if _, ok := FieldID(id).Lookup(); ok {
		return Ref{Field: FieldID(id)}, true
	}
	if open := strings.IndexByte(id, '['); open >= 0 {
		close := strings.IndexByte(id[open:], ']')
		if close < 0 {
			return Ref{}, false
		}
		key, rest := id[open+1:open+close], id[open+close+1:]
		if rest == "" {
			f := FieldID(id[:open])
			if _, ok := f.Lookup(); ok {
				return Ref{Field: f, Key: key}, true
			}
			return Ref{}, false
		}
		f := FieldID(id[:open] + "[]" + rest)
		if _, ok := f.Lookup(); ok {
			return Ref{Field: f, Key: key}, true
		}
		return Ref{}, false
	}
	// authority.services.<kind>.<answer>
	if rest, ok := strings.CutPrefix(id, string(FieldServices)+"."); ok {
		kind, answer, _ := strings.Cut(rest, ".")
		f := FieldID(string(FieldServices) + "[]." + answer)
		if _, known := ServiceKinds.Lookup(ServiceKind(kind)); known {
			if _, ok := f.Lookup(); ok {
				return Ref{Field: f, Key: kind}, true
			}
		}
	}
	return Ref{}, false
}

// item returns the index of the item a reference points at in p: the index for actions
// and funding lines, the service's place for a service; -1 outside lists or when the
// item is not there.
func (r Ref) item(p *Plan) int {
	if !r.Field.InList() {
		return -1
	}
	if i, ok := r.Item(); ok {
		if l, found := r.Field.List().Lookup(); found && i < l.list.count(p) {
			return i
		}
		return -1
	}
	for i, s := range p.Authority.Services {
		if string(s.Kind) == r.Key {
			return i
		}
	}
	return -1
}

// refs returns the answers of a field in p: the field itself, or one per item of its
// list (one per service held for the budgets of services).
func (f *Field) refs(p *Plan) []Ref {
	if !f.ID.InList() {
		return []Ref{RefTo(f.ID)}
	}
	l, _ := f.ID.List().Lookup()
	n := l.list.count(p)
	out := make([]Ref, 0, n)
	for i := 0; i < n; i++ {
		if f.ID.List() == FieldServices {
			out = append(out, serviceRef(p.Authority.Services[i].Kind))
			continue
		}
		out = append(out, ItemRef(f.ID, i))
	}
	return out
}

// itemName is "Action 2", "Financement 3", or the name of a service.
func (f *Field) itemName(r Ref) string {
	if f.ID.List() == FieldServices {
		return ServiceKinds.Label(ServiceKind(r.Key))
	}
	i, _ := r.Item()
	return ItemName(f.ID.List(), i)
}

// MapTexts replaces every free text of the plan — names, titles, paragraphs, the items of
// a list of names — by fn(text); an item of a list that becomes empty is dropped. The
// texts are the registry's text fields.
func (p *Plan) MapTexts(fn func(string) string) {
	fields := Fields()
	for i := range fields {
		f := &fields[i]
		t, ok := f.bind.(texter)
		if !ok {
			continue
		}
		if !f.ID.InList() {
			t.mapText(p, -1, fn)
			continue
		}
		l, _ := f.ID.List().Lookup()
		for j := 0; j < l.list.count(p); j++ {
			t.mapText(p, j, fn)
		}
	}
}

// listOf returns the list spec of a list field; it panics on another field, a
// programming error.
func listOf(list FieldID) *listSpec {
	f, ok := list.Lookup()
	if !ok || f.list == nil {
		panic("wizard: not a list: " + string(list))
	}
	return f.list
}

// ItemCount is the number of items of a list: FieldActions, FieldFunding or
// FieldServices.
func ItemCount(p *Plan, list FieldID) int { return listOf(list).count(p) }

// AddItem appends an empty item to a list and returns its index.
func AddItem(p *Plan, list FieldID) int { return listOf(list).add(p) }

// RemoveItem removes item i of a list.
func RemoveItem(p *Plan, list FieldID, i int) { listOf(list).remove(p, i) }

// ItemEmpty reports whether item i of a list holds no answer at all.
func ItemEmpty(p *Plan, list FieldID, i int) bool { return listOf(list).empty(p, i) }

// ItemName names item i of a list: "Action 2", "Financement 3".
func ItemName(list FieldID, i int) string { return fmt.Sprintf("%s %d", listOf(list).item, i+1) }
