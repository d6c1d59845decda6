package wizard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// binding ties a field to its place in the plan: how its answer reads as the user types
// it, how a typed answer is stored, how the answers format's value is decoded, and
// whether it is given. i is the item of a list, or -1.
type binding interface {
	get(p *Plan, i int) string
	set(p *Plan, i int, s string) error
	decode(d *decoder, path string, v any, p *Plan, i int)
	given(p *Plan, i int) bool
}

// textB is a text of at most max characters.
type textB struct {
	at  func(p *Plan, i int) *string
	max int
}

func (b textB) get(p *Plan, i int) string { return *b.at(p, i) }
func (b textB) set(p *Plan, i int, s string) error {
	s = strings.TrimSpace(s)
	if err := checkLength(s, b.max); err != nil {
		return err
	}
	*b.at(p, i) = s
	return nil
}
func (b textB) decode(d *decoder, path string, v any, p *Plan, i int) {
	s := d.str(path, v)
	if err := checkLength(s, b.max); err != nil {
		d.fail(path, "%s", err.Msg)
		return
	}
	*b.at(p, i) = s
}
func (b textB) given(p *Plan, i int) bool { return *b.at(p, i) != "" }
func (b textB) mapText(p *Plan, i int, fn func(string) string) {
	*b.at(p, i) = fn(*b.at(p, i))
}

// texter is a binding of free text, that MapTexts rewrites.
type texter interface {
	mapText(p *Plan, i int, fn func(string) string)
}

// checkLength refuses a text longer than max characters.
func checkLength(s string, max int) *Error {
	if n := utf8.RuneCountInString(s); n > max {
		return Errorf("texte trop long : %d caractères, au plus %d", n, max)
	}
	return nil
}

// choiceB is one code of a catalogue.
type choiceB[T ~string] struct {
	cat Catalogue[T]
	at  func(p *Plan, i int) *T
}

func (b choiceB[T]) get(p *Plan, i int) string { return string(*b.at(p, i)) }
func (b choiceB[T]) set(p *Plan, i int, s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		*b.at(p, i) = ""
		return nil
	}
	if _, ok := b.cat.Lookup(T(s)); !ok {
		return Errorf("choix « %s » inconnu pour %s", s, b.cat.Name)
	}
	*b.at(p, i) = T(s)
	return nil
}
func (b choiceB[T]) decode(d *decoder, path string, v any, p *Plan, i int) {
	*b.at(p, i) = code(d, path, v, b.cat)
}
func (b choiceB[T]) given(p *Plan, i int) bool { return *b.at(p, i) != "" }

// multiB is several codes of a catalogue, in the order given.
type multiB[T ~string] struct {
	cat Catalogue[T]
	at  func(p *Plan, i int) *[]T
}

func (b multiB[T]) get(p *Plan, i int) string {
	parts := make([]string, len(*b.at(p, i)))
	for j, v := range *b.at(p, i) {
		parts[j] = string(v)
	}
	return strings.Join(parts, ",")
}
func (b multiB[T]) set(p *Plan, i int, s string) error {
	var out []T
	for _, v := range splitList(s) {
		if _, ok := b.cat.Lookup(T(v)); !ok {
			return Errorf("choix « %s » inconnu pour %s", v, b.cat.Name)
		}
		if !slices.Contains(out, T(v)) {
			out = append(out, T(v))
		}
	}
	*b.at(p, i) = out
	return nil
}
func (b multiB[T]) decode(d *decoder, path string, v any, p *Plan, i int) {
	*b.at(p, i) = codes(d, path, v, b.cat)
}
func (b multiB[T]) given(p *Plan, i int) bool { return len(*b.at(p, i)) > 0 }

// valueB is a value typed as text — a whole number, an amount, a date — whose zero
// value reads as not given: "" clears it.
type valueB[T comparable] struct {
	at     func(p *Plan, i int) *T
	parse  func(s string) (T, error)
	format func(v T) string
	read   func(d *decoder, path string, v any) T
}

func (b valueB[T]) get(p *Plan, i int) string {
	var zero T
	if v := *b.at(p, i); v != zero {
		return b.format(v)
	}
	return ""
}
func (b valueB[T]) set(p *Plan, i int, s string) error {
	var zero T
	if strings.TrimSpace(s) == "" {
		*b.at(p, i) = zero
		return nil
	}
	v, err := b.parse(s)
	if err == nil {
		*b.at(p, i) = v
	}
	return err
}
func (b valueB[T]) decode(d *decoder, path string, v any, p *Plan, i int) {
	*b.at(p, i) = b.read(d, path, v)
}
func (b valueB[T]) given(p *Plan, i int) bool {
	var zero T
	return *b.at(p, i) != zero
}

// intB is a whole number between min and max; 0 reads as not given.
func intB(at func(p *Plan, i int) *int, min, max int, what string) binding {
	return valueB[int]{at: at,
		parse:  func(s string) (int, error) { return ParseInt(s, min, max, what) },
		format: strconv.Itoa,
		read:   func(d *decoder, path string, v any) int { return d.integer(path, v, min, max, what) }}
}

// amountB is an amount in euros, typed the French way.
func amountB(at func(p *Plan, i int) *Cents) binding {
	return valueB[Cents]{at: at, format: FormatNumber,
		parse: func(s string) (Cents, error) { return ParseAmount(s) },
		read:  (*decoder).amount}
}

// dateB is a date, typed dd/mm/yyyy.
func dateB(at func(p *Plan, i int) *Date) binding {
	return valueB[Date]{at: at,
		parse:  func(s string) (Date, error) { return ParseDate(s) },
		format: func(d Date) string { return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year) },
		read:   (*decoder).date}
}

// idB is an identifier typed as text — a SIREN, an act's number — that parse checks and
// puts in its stored form.
func idB(at func(p *Plan, i int) *string, parse func(string) (string, error)) binding {
	return valueB[string]{at: at, parse: parse,
		format: func(s string) string { return s },
		read: func(d *decoder, path string, v any) string {
			s := d.str(path, v)
			if strings.TrimSpace(s) == "" {
				return ""
			}
			id, err := parse(s)
			if err != nil {
				d.fail(path, "%s", err.Error())
				return ""
			}
			return id
		}}
}

// optIntB is a count that may be zero and may be missing (nil).
type optIntB struct {
	at   func(p *Plan, i int) **int
	what string
}

// maxMembers bounds the counts of a council.
const maxMembers = 1000

func (b optIntB) get(p *Plan, i int) string {
	if n := *b.at(p, i); n != nil {
		return strconv.Itoa(*n)
	}
	return ""
}
func (b optIntB) set(p *Plan, i int, s string) error {
	if strings.TrimSpace(s) == "" {
		*b.at(p, i) = nil
		return nil
	}
	n, err := ParseInt(s, 0, maxMembers, b.what)
	if err == nil {
		*b.at(p, i) = &n
	}
	return err
}
func (b optIntB) decode(d *decoder, path string, v any, p *Plan, i int) {
	*b.at(p, i) = d.optInt(path, v, maxMembers, b.what)
}
func (b optIntB) given(p *Plan, i int) bool { return *b.at(p, i) != nil }

// boolB is a yes/no confirmation: given when confirmed.
type boolB struct{ at func(p *Plan, i int) *bool }

func (b boolB) get(p *Plan, i int) string { return YesNo(*b.at(p, i)) }
func (b boolB) set(p *Plan, i int, s string) error {
	v, err := ParseYesNo(s)
	if err == nil {
		*b.at(p, i) = v
	}
	return err
}
func (b boolB) decode(d *decoder, path string, v any, p *Plan, i int) {
	*b.at(p, i) = d.boolean(path, v)
}
func (b boolB) given(p *Plan, i int) bool { return *b.at(p, i) }

// lookupB is a reference code (département, country) checked against its table; find
// returns the canonical code. unknown is the assistant's message and bad the answers
// format's, each with %s for the answer.
type lookupB struct {
	at           func(p *Plan, i int) *string
	find         func(string) (string, bool)
	unknown, bad string
}

func (b lookupB) get(p *Plan, i int) string { return *b.at(p, i) }
func (b lookupB) set(p *Plan, i int, s string) error {
	if strings.TrimSpace(s) == "" {
		*b.at(p, i) = ""
		return nil
	}
	code, ok := b.find(s)
	if !ok {
		return Errorf(b.unknown, s)
	}
	*b.at(p, i) = code
	return nil
}
func (b lookupB) decode(d *decoder, path string, v any, p *Plan, i int) {
	s := d.str(path, v)
	if s == "" {
		return
	}
	code, ok := b.find(s)
	if !ok {
		d.fail(path, b.bad, s)
		return
	}
	*b.at(p, i) = code
}
func (b lookupB) given(p *Plan, i int) bool { return *b.at(p, i) != "" }

// listB is free items, typed separated by commas.
type listB struct {
	at func(p *Plan, i int) *[]string
}

func (b listB) get(p *Plan, i int) string { return strings.Join(*b.at(p, i), ", ") }
func (b listB) set(p *Plan, i int, s string) error {
	items := splitList(s)
	if len(items) > MaxItems {
		return Errorf("trop d'éléments : %d, au plus %d", len(items), MaxItems)
	}
	for _, it := range items {
		if err := checkLength(it, MaxLine); err != nil {
			return err
		}
	}
	*b.at(p, i) = items
	return nil
}
func (b listB) decode(d *decoder, path string, v any, p *Plan, i int) {
	items := d.array(path, v)
	if len(items) > MaxItems {
		d.fail(path, "trop d'éléments : %d, au plus %d", len(items), MaxItems)
		return
	}
	var out []string
	for j, e := range items {
		s := d.str(index(path, j), e)
		if err := checkLength(s, MaxLine); err != nil {
			d.fail(index(path, j), "%s", err.Msg)
			continue
		}
		if s != "" {
			out = append(out, s)
		}
	}
	*b.at(p, i) = out
}
func (b listB) given(p *Plan, i int) bool { return len(*b.at(p, i)) > 0 }
func (b listB) mapText(p *Plan, i int, fn func(string) string) {
	var out []string
	for _, s := range *b.at(p, i) {
		if s = fn(s); s != "" {
			out = append(out, s)
		}
	}
	*b.at(p, i) = out
}

// sdgsB is the numbers of the objectifs de développement durable, 1 to 17, each once.
type sdgsB struct{}

func (sdgsB) get(p *Plan, _ int) string {
	parts := make([]string, len(p.Domain.SDGs))
	for i, n := range p.Domain.SDGs {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}
func (sdgsB) set(p *Plan, _ int, s string) error {
	var out []int
	for _, v := range splitList(s) {
		n, err := ParseInt(v, 1, 17, "un numéro d'ODD")
		if err != nil {
			return err
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	p.Domain.SDGs = out
	return nil
}
func (sdgsB) decode(d *decoder, path string, v any, p *Plan, _ int) {
	var out []int
	for i, e := range d.array(path, v) {
		n := d.integer(index(path, i), e, 1, 17, "un numéro d'ODD")
		if n == 0 {
			continue
		}
		if slices.Contains(out, n) {
			d.fail(index(path, i), "l'ODD %d figure deux fois", n)
		}
		out = append(out, n)
	}
	p.Domain.SDGs = out
}
func (sdgsB) given(p *Plan, _ int) bool { return len(p.Domain.SDGs) > 0 }

// servicesB is the competences held, ticked as a list of service kinds; a service kept
// keeps its budget. In the answers format the services are a list of objects, decoded
// item by item.
type servicesB struct{}

func (servicesB) get(p *Plan, _ int) string {
	ks := make([]string, len(p.Authority.Services))
	for i, s := range p.Authority.Services {
		ks[i] = string(s.Kind)
	}
	return strings.Join(ks, ",")
}
func (servicesB) set(p *Plan, _ int, s string) error {
	var kept []Service
	for _, v := range splitList(s) {
		k := ServiceKind(v)
		if _, ok := ServiceKinds.Lookup(k); !ok {
			return Errorf("choix « %s » inconnu pour %s", v, ServiceKinds.Name)
		}
		svc, held := p.Authority.HasService(k)
		if !held {
			svc = Service{Kind: k}
		}
		if !slices.ContainsFunc(kept, func(x Service) bool { return x.Kind == k }) {
			kept = append(kept, svc)
		}
	}
	p.Authority.Services = kept
	return nil
}
func (servicesB) decode(*decoder, string, any, *Plan, int) {}
func (servicesB) given(p *Plan, _ int) bool                { return len(p.Authority.Services) > 0 }

// serviceKindB is the kind of service i; a service listed twice is refused.
type serviceKindB struct{ choiceB[ServiceKind] }

func (b serviceKindB) decode(d *decoder, path string, v any, p *Plan, i int) {
	k := code(d, path, v, ServiceKinds)
	for _, prev := range p.Authority.Services[:i] {
		if k != "" && prev.Kind == k {
			d.fail(path, "le service « %s » figure deux fois : un budget par service", k)
		}
	}
	p.Authority.Services[i].Kind = k
}

// givenWhen is a binding whose answer counts as given by its own rule (the title of a
// commune's executive defaults to maire).
type givenWhen struct {
	binding
	when func(p *Plan, i int) bool
}

func (b givenWhen) given(p *Plan, i int) bool { return b.when(p, i) }

// directoryB is the answer of « Votre collectivité » (FieldINSEE). Stored, it is a
// commune's INSEE code (authority.insee); read, the INSEE code, or for an EPCI its SIREN,
// by which the directory knows it. A SIREN typed is stored as the authority's SIREN.
type directoryB struct{}

func (directoryB) get(p *Plan, _ int) string {
	a := &p.Authority
	if a.INSEE == "" && a.Type.IsEPCI() {
		return a.SIREN
	}
	return a.INSEE
}
func (directoryB) set(p *Plan, _ int, s string) error {
	a := &p.Authority
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		a.INSEE = ""
		return nil
	case len(compactCode(s)) == 9:
		siren, err := ParseSIREN(s)
		if err != nil {
			return err
		}
		a.SIREN, a.INSEE = siren, ""
		return nil
	}
	code, err := ParseINSEE(s)
	if err != nil {
		return err
	}
	a.INSEE = code
	return nil
}
func (directoryB) decode(d *decoder, path string, v any, p *Plan, _ int) {
	s := d.str(path, v)
	if strings.TrimSpace(s) == "" {
		return
	}
	code, err := ParseINSEE(s)
	if err != nil {
		d.fail(path, "%s", err.Error())
		return
	}
	p.Authority.INSEE = code
}
func (b directoryB) given(p *Plan, i int) bool { return b.get(p, i) != "" }
