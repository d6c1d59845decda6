package wizard

import (
	"strconv"
	"strings"

	"aect/wizard/crs"
)

// The answers of the APD declaration: the CRS sector and channel of each action and the
// CAD policy markers of the plan (CGCT L. 1115-6, DOMAIN §6). They are declared in the
// registry (field_table.go); their bindings and choices are here.

// APDEligible reports whether the partner country is on the OECD DAC list of ODA
// recipients: the money spent for it is declared each year as APD.
func (p *Plan) APDEligible() bool {
	c, ok := LookupCountry(p.Partner.Country)
	return ok && c.APD
}

// apdOnly is the condition of the APD answers, for Field.Applies.
func apdOnly(p *Plan, _ int) bool { return p.APDEligible() }

// whenAPD says it for the printed questionnaire.
const whenAPD = "Seulement quand le pays du partenaire est éligible à l'aide publique au développement (APD)."

// Marker is the score of a CAD policy marker: "0" (non ciblé), "1" (objectif
// significatif) or "2" (objectif principal); "" is not given yet, « à renseigner ». In
// the answers format it is a number.
type Marker string

// Marker scores.
const (
	MarkerNotTargeted Marker = "0"
	MarkerSignificant Marker = "1"
	MarkerPrincipal   Marker = "2"
)

// Score returns the marker's score, and false when it is not given.
func (m Marker) Score() (int, bool) {
	n, err := strconv.Atoi(string(m))
	return n, err == nil && n >= 0 && n < len(crs.ScoreLabels)
}

// Label is "1 – objectif significatif", or "" when the marker is not given.
func (m Marker) Label() string {
	n, ok := m.Score()
	if !ok {
		return ""
	}
	return string(m) + " – " + crs.ScoreLabels[n]
}

// MarshalJSON writes the score as a number: 0, 1 or 2.
func (m Marker) MarshalJSON() ([]byte, error) {
	if _, ok := m.Score(); !ok {
		return []byte("null"), nil
	}
	return []byte(m), nil
}

// Marker returns the plan's answer for a CAD marker, by its key in crs.Markers
// ("gender", "environment", "biodiversity", "nutrition").
func (d *Domain) Marker(key string) Marker {
	if at := markerAt(key); at != nil {
		return *at(d)
	}
	return ""
}

// markerAt is where a marker's answer lives, by its key in crs.Markers.
func markerAt(key string) func(d *Domain) *Marker {
	switch key {
	case "gender":
		return func(d *Domain) *Marker { return &d.MarkerGender }
	case "environment":
		return func(d *Domain) *Marker { return &d.MarkerEnvironment }
	case "biodiversity":
		return func(d *Domain) *Marker { return &d.MarkerBiodiversity }
	case "nutrition":
		return func(d *Domain) *Marker { return &d.MarkerNutrition }
	}
	return nil
}

// markerField is the registry entry of one CAD marker.
func markerField(id FieldID, key string) Field {
	var m crs.Marker
	for _, x := range crs.Markers {
		if x.Key == key {
			m = x
		}
	}
	at := markerAt(key)
	if at == nil || m.Key == "" {
		panic("wizard: unknown CAD marker " + key)
	}
	// The first choice leaves the marker « à renseigner »: passing through the question
	// must not answer 0, which says the action does not target the objective.
	opts := []Option{{Value: "", Label: "À renseigner plus tard"}}
	for i := range crs.ScoreLabels {
		opts = append(opts, Option{Value: strconv.Itoa(i), Label: Marker(strconv.Itoa(i)).Label()})
	}
	return Field{ID: id, Section: SecDomain, Name: "marqueur « " + m.Name + " »", Optional: true,
		Title: "Déclaration APD : marqueur « " + m.Name + " »", Kind: KindChoice, Options: opts,
		Help:    m.Help + " 0 : non ciblé ; 1 : objectif significatif ; 2 : objectif principal. Il vaut pour toutes les lignes de la fiche de déclaration APD, qui le signale tant qu'il n'est pas renseigné.",
		Applies: apdOnly, When: whenAPD,
		bind: markerB{func(p *Plan, _ int) *Marker { return at(&p.Domain) }}}
}

// markerB is a CAD marker: 0, 1 or 2, or not given.
type markerB struct{ at func(p *Plan, i int) *Marker }

func (b markerB) get(p *Plan, i int) string { return string(*b.at(p, i)) }
func (b markerB) set(p *Plan, i int, s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		*b.at(p, i) = ""
		return nil
	}
	if _, ok := Marker(s).Score(); !ok {
		return Errorf("marqueur « %s » non compris : répondez 0, 1 ou 2", s)
	}
	*b.at(p, i) = Marker(s)
	return nil
}
func (b markerB) decode(d *decoder, path string, v any, p *Plan, i int) {
	if v == nil {
		return
	}
	before := len(d.problems)
	n := d.integer(path, v, 0, len(crs.ScoreLabels)-1, "un marqueur")
	if len(d.problems) == before {
		*b.at(p, i) = Marker(strconv.Itoa(n))
	}
}
func (b markerB) given(p *Plan, i int) bool { return *b.at(p, i) != "" }

// crsSectorOptions are the CRS purpose codes offered: "14030 – Approvisionnement…".
func crsSectorOptions() []Option { return crsOptions(crs.Sectors()) }

// crsChannelOptions are the CRS channel codes offered.
func crsChannelOptions() []Option { return crsOptions(crs.Channels()) }

// crsOptions are the choices of a CRS code question. The first one, the default, leaves
// the answer empty: passing through the question keeps the code deduced from the plan.
func crsOptions(codes []crs.Code) []Option {
	out := []Option{{Value: "", Label: "Code par défaut, déduit des réponses"}}
	for _, c := range codes {
		out = append(out, Option{Value: c.Code, Label: c.Display()})
	}
	return out
}

// crsSectorB is the CRS purpose code of an action.
func crsSectorB(at func(p *Plan, i int) *string) binding {
	return crsB{at: at, find: crs.Sector, what: "le secteur", example: "14030"}
}

// crsChannelB is the CRS channel code of an action.
func crsChannelB(at func(p *Plan, i int) *string) binding {
	return crsB{at: at, find: crs.Channel, what: "le canal", example: "12002"}
}

// crsB is a CRS code of a list (find): a withdrawn code reads from an answers file, so
// that an old plan still opens, but is refused when typed.
type crsB struct {
	at            func(p *Plan, i int) *string
	find          func(code string) (crs.Code, bool)
	what, example string
}

func (b crsB) get(p *Plan, i int) string { return *b.at(p, i) }
func (b crsB) set(p *Plan, i int, s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		*b.at(p, i) = ""
		return nil
	}
	c, ok := b.find(s)
	switch {
	case !ok:
		return Errorf("code CRS « %s » inconnu pour %s : choisissez-le dans la liste", s, b.what)
	case c.Withdrawn:
		return Errorf("le code CRS « %s » a été retiré de la liste : choisissez-en un autre", s)
	}
	*b.at(p, i) = c.Code
	return nil
}
func (b crsB) decode(d *decoder, path string, v any, p *Plan, i int) {
	s := d.str(path, v)
	if s == "" {
		return
	}
	c, ok := b.find(s)
	if !ok {
		d.fail(path, "code CRS « %s » inconnu pour %s : attendu un code à cinq chiffres des listes CRS de l'OCDE, par exemple %s", s, b.what, b.example)
		return
	}
	*b.at(p, i) = c.Code
}
func (b crsB) given(p *Plan, i int) bool { return *b.at(p, i) != "" }

// CRSSector returns the CRS purpose code of action i: the one chosen, or else the
// default of the sector the action serves (Plan.ActionSector), or of the plan's first
// sector (then isDefault is true); ok is false when there is
// neither.
func (p *Plan) CRSSector(i int) (c crs.Code, isDefault, ok bool) {
	if c, ok := crs.Sector(p.Actions[i].CRSSector); ok {
		return c, false, true
	}
	if s, known := p.ActionSector(i); known {
		if c, ok := crs.DefaultSector(string(s)); ok {
			return c, true, true
		}
	}
	for _, s := range p.Domain.Sectors {
		if c, ok := crs.DefaultSector(string(s)); ok {
			return c, true, true
		}
	}
	return crs.Code{}, false, false
}

// CRSChannel returns the CRS channel of action i: the one chosen, or else the default
// for who receives the money (then isDefault is true); ok is false when there is
// neither.
func (p *Plan) CRSChannel(i int) (c crs.Code, isDefault, ok bool) {
	if c, ok := crs.Channel(p.Actions[i].CRSChannel); ok {
		return c, false, true
	}
	if c, ok := crs.DefaultChannel(string(p.Actions[i].PaidTo.Kind), string(p.Partner.Kind)); ok {
		return c, true, true
	}
	return crs.Code{}, false, false
}
