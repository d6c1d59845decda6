package wizard

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// formatPaths lists the answers of a plan type as paths of the answers format, read from
// its JSON tags: an object is walked into, a list of objects is a list field whose items
// are walked into ("actions", "actions[].cost"); a type that writes itself (Date, Cents)
// is one answer.
func formatPaths(t reflect.Type, prefix string) []string {
	var out []string
	marshaler := reflect.TypeFor[json.Marshaler]()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		path := join(prefix, name)
		ft := sf.Type
		switch {
		case ft.Implements(marshaler) || reflect.PointerTo(ft).Implements(marshaler):
			out = append(out, path)
		case ft.Kind() == reflect.Struct:
			out = append(out, formatPaths(ft, path)...)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			out = append(out, path)
			out = append(out, formatPaths(ft.Elem(), path+"[]")...)
		default:
			out = append(out, path)
		}
	}
	return out
}

// registryGaps compares a plan type with a registry: the answers of the type without a
// field, and the fields without an answer in the type.
func registryGaps(t reflect.Type, fields []Field) (noField, noAnswer []string) {
	paths := formatPaths(t, "")
	for _, p := range paths {
		if !slices.ContainsFunc(fields, func(f Field) bool { return string(f.ID) == p }) {
			noField = append(noField, p)
		}
	}
	for _, f := range fields {
		if !slices.Contains(paths, string(f.ID)) {
			noAnswer = append(noAnswer, string(f.ID))
		}
	}
	return noField, noAnswer
}

// TestRegistryCoversThePlan: every answer of the Plan type has its field in the
// registry, and every field an answer. Adding an answer to the plan means adding it to
// fieldTable; this test says so when it was forgotten.
func TestRegistryCoversThePlan(t *testing.T) {
	noField, noAnswer := registryGaps(reflect.TypeFor[Plan](), Fields())
	for _, p := range noField {
		t.Errorf("the plan's answer %q has no entry in the registry (wizard/field_table.go): declare it there", p)
	}
	for _, f := range noAnswer {
		t.Errorf("the registry's field %q is no answer of the Plan type", f)
	}
}

// TestRegistryGuardSeesANewAnswer: a plan type with one more answer is reported.
func TestRegistryGuardSeesANewAnswer(t *testing.T) {
	type partnerPlus struct {
		Partner
		Website string `json:"website,omitempty"`
	}
	type planPlus struct {
		Plan
		Partner partnerPlus `json:"partner"`
	}
	noField, _ := registryGaps(reflect.TypeFor[planPlus](), Fields())
	if !slices.Equal(noField, []string{"partner.website"}) {
		t.Errorf("gaps %v, want [partner.website]", noField)
	}
}

// TestRegistryDerivesEverything: one more entry in the registry is enough for the
// questions, the decoder's keys and limits, and the completeness to take the answer.
func TestRegistryDerivesEverything(t *testing.T) {
	sites := map[*Plan]*string{}
	site := func(p *Plan, _ int) *string {
		if sites[p] == nil {
			sites[p] = new(string)
		}
		return sites[p]
	}
	fields := slices.Clone(fieldTable())
	at := slices.IndexFunc(fields, func(f Field) bool { return f.ID == FieldHistory })
	fields = slices.Insert(fields, at, Field{ID: "partner.website", Section: SecPartner, Name: "site internet",
		Title: "Site internet du partenaire", Help: "L'adresse de son site.", Kind: KindText, MaxLen: 40,
		Applies: func(p *Plan, _ int) bool { return p.Partner.Kind != PartnerFACECO },
		bind:    textB{at: site, max: 40}})
	r := newRegistry(fields)

	qs := r.questions()
	i := slices.IndexFunc(qs, func(q Question) bool { return q.ID == "partner.website" })
	if i < 0 || qs[i].Section != SecPartner || qs[i-1].ID != string(FieldLanguages) {
		t.Fatalf("question not derived where declared: %d", i)
	}
	p := &Plan{}
	if err := qs[i].Set(p, "  https://lindenbach.de "); err != nil || *site(p, -1) != "https://lindenbach.de" {
		t.Errorf("Set: %v %q", err, *site(p, -1))
	}
	if err := qs[i].Validate(strings.Repeat("x", 41)); err == nil {
		t.Error("the limit is not derived")
	}

	decode := func(doc string) (*Plan, error) {
		var root any
		if err := json.Unmarshal([]byte(doc), &root); err != nil {
			t.Fatal(err)
		}
		d := &decoder{r: r}
		p := d.plan(root)
		if len(d.problems) > 0 {
			return nil, &DecodeError{d.problems}
		}
		return p, nil
	}
	got, err := decode(`{"format": "aect-plan/1", "partner": {"name": "Lindenbach", "website": "https://lindenbach.de"}}`)
	if err != nil || *site(got, -1) != "https://lindenbach.de" {
		t.Errorf("decode: %v", err)
	}
	if _, err := decode(`{"format": "aect-plan/1", "partner": {"website": "` + strings.Repeat("x", 41) + `"}}`); err == nil || !strings.Contains(err.Error(), "partner.website") {
		t.Errorf("decoder limit: %v", err)
	}
	if _, err := decode(`{"format": "aect-plan/1", "partner": {"site": "x"}}`); err == nil || !strings.Contains(err.Error(), "website") {
		t.Errorf("decoder keys do not list the new one: %v", err)
	}

	names := func(p *Plan) (out []string) {
		for _, it := range r.expected(p, SecPartner) {
			out = append(out, it.name)
		}
		return out
	}
	if n := names(&Plan{}); !slices.Contains(n, "site internet") {
		t.Errorf("completeness does not expect the new answer: %v", n)
	}
	if n := names(&Plan{Partner: Partner{Kind: PartnerFACECO}}); slices.Contains(n, "site internet") {
		t.Errorf("the condition is not derived: %v", n)
	}
}

// TestRefs: an answer's identifier reads back as its reference.
func TestRefs(t *testing.T) {
	for id, want := range map[string]Ref{
		"form":              RefTo(FieldForm),
		"actions[2].cost":   ItemRef(FieldActionCost, 2),
		"funding[0].source": ItemRef(FieldFundingSource, 0),
		"actions[3]":        {Field: FieldActions, Key: "3"},
		"authority.services.eau.annual_resources": serviceRef(ServiceEau),
		"actions[1].paid_to.kind":                 ItemRef(FieldPayeeKind, 1),
	} {
		got, ok := ParseRef(id)
		if !ok || got != want {
			t.Errorf("ParseRef(%q) = %v %v, want %v", id, got, ok, want)
		}
		if want.Field != FieldActions && got.ID() != id {
			t.Errorf("%v.ID() = %q, want %q", got, got.ID(), id)
		}
	}
	for _, bad := range []string{"", "nope", "actions[", "actions[1].nope", "authority.services.gaz.annual_resources"} {
		if _, ok := ParseRef(bad); ok {
			t.Errorf("ParseRef(%q) accepted", bad)
		}
	}
}

// TestCopyTitle: a copy's title stays within the limit of a title.
func TestCopyTitle(t *testing.T) {
	if got := CopyTitle("Jumelage"); got != "Jumelage (copie)" {
		t.Errorf("%q", got)
	}
	long := strings.Repeat("é", MaxLine)
	got := CopyTitle(long)
	if n := len([]rune(got)); n != MaxLine || !strings.HasSuffix(got, "… (copie)") {
		t.Errorf("%d characters: %q", n, got)
	}
	if err := checkLength(CopyTitle(CopyTitle(long)), MaxLine); err != nil {
		t.Error(err)
	}
}
