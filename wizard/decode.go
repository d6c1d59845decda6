package wizard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// DecodeError lists every problem found in an answers file, each naming its JSON path.
type DecodeError struct {
	Problems []*Error
}

// maxProblems bounds the list of problems reported for one file.
const maxProblems = 20

// Error joins the problems, one per line.
func (e *DecodeError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Decode reads one plan in the aect-plan/1 format, strictly: an unknown key, a wrong type,
// an unknown code, a negative amount, a bad date, an unknown département or country is an
// error naming its JSON path, in French. Missing fields are allowed. The error is a
// *DecodeError.
func Decode(data []byte) (*Plan, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return nil, &DecodeError{[]*Error{syntaxProblem(data, err)}}
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := position(data, dec.InputOffset())
		return nil, &DecodeError{[]*Error{Errorf("données en trop après la fin du document (ligne %d, colonne %d) : un fichier contient un seul projet", line, col)}}
	}
	d := &decoder{}
	p := d.plan(root)
	if len(d.problems) > 0 {
		return nil, &DecodeError{d.problems}
	}
	return p, nil
}

// DecodeReader reads all of r and decodes it with Decode.
func DecodeReader(r io.Reader) (*Plan, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Decode(data)
}

// Encode writes a plan in the aect-plan/1 format, indented, with the format key first.
func Encode(p *Plan) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(struct {
		Format string `json:"format"`
		*Plan
	}{Format, p})
	return buf.Bytes(), err
}

func syntaxProblem(data []byte, err error) *Error {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF) && len(bytes.TrimSpace(data)) == 0:
		return Errorf("fichier vide : attendu un projet au format %s", Format)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return Errorf("fichier JSON incomplet : il s'arrête avant la fin du projet (fichier tronqué ?)")
	case errors.As(err, &se):
		line, col := position(data, se.Offset)
		return Errorf("fichier JSON mal formé ligne %d, colonne %d : vérifiez les guillemets, virgules et accolades autour de cet endroit", line, col)
	}
	return Errorf("fichier JSON illisible : %v", err)
}

// position converts a byte offset into a 1-based line and column (in characters).
func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:])))
	if col == 0 {
		col = 1
	}
	return line, col
}

type decoder struct {
	problems []*Error
}

func (d *decoder) fail(path, format string, args ...any) {
	if len(d.problems) < maxProblems {
		d.problems = append(d.problems, &Error{Path: path, Msg: fmt.Sprintf(format, args...)})
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "un texte"
	case json.Number:
		return "un nombre"
	case bool:
		return "un booléen"
	case []any:
		return "une liste"
	case map[string]any:
		return "un objet"
	}
	return "null"
}

// object checks that v is an object whose keys are all known, and returns it. A missing
// object (nil) gives an empty map.
func (d *decoder) object(path string, v any, keys ...string) map[string]any {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		d.fail(path, "attendu un objet { … }, trouvé %s", typeName(v))
		return nil
	}
	var unknown []string
	for k := range m {
		found := false
		for _, want := range keys {
			if k == want {
				found = true
				break
			}
		}
		if !found {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		d.fail(join(path, k), "clé inconnue ; clés possibles ici : %s", strings.Join(keys, ", "))
	}
	return m
}

func (d *decoder) array(path string, v any) []any {
	if v == nil {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		d.fail(path, "attendu une liste [ … ], trouvé %s", typeName(v))
		return nil
	}
	return a
}

func (d *decoder) str(path string, v any) string {
	if v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		d.fail(path, "attendu un texte entre guillemets, trouvé %s", typeName(v))
		return ""
	}
	return s
}

func (d *decoder) strings(path string, v any) []string {
	var out []string
	for i, e := range d.array(path, v) {
		if s := d.str(index(path, i), e); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (d *decoder) boolean(path string, v any) bool {
	if v == nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		d.fail(path, "attendu true ou false, trouvé %s", typeName(v))
		return false
	}
	return b
}

func (d *decoder) integer(path string, v any, min, max int, what string) int {
	if v == nil {
		return 0
	}
	n, ok := v.(json.Number)
	if !ok {
		d.fail(path, "attendu %s (un nombre entier), trouvé %s", what, typeName(v))
		return 0
	}
	i, err := strconv.Atoi(n.String())
	if err != nil {
		d.fail(path, "« %s » : attendu %s, un nombre entier sans décimale", n, what)
		return 0
	}
	if i < min || i > max {
		d.fail(path, "%d hors limites : attendu %s entre %d et %d", i, what, min, max)
		return 0
	}
	return i
}

func (d *decoder) optInt(path string, v any, max int, what string) *int {
	if v == nil {
		return nil
	}
	n := d.integer(path, v, 0, max, what)
	return &n
}

func (d *decoder) year(path string, v any) int {
	return d.integer(path, v, 1900, 2200, "une année")
}

// amount reads a JSON number of euros with at most two decimals into cents.
func (d *decoder) amount(path string, v any) Cents {
	if v == nil {
		return 0
	}
	n, ok := v.(json.Number)
	if !ok {
		d.fail(path, "attendu un montant en euros écrit comme un nombre (4500 ou 4500.50), trouvé %s", typeName(v))
		return 0
	}
	s := n.String()
	if strings.HasPrefix(s, "-") {
		d.fail(path, "montant négatif %s : un montant ne peut pas être négatif", s)
		return 0
	}
	if strings.ContainsAny(s, "eE") {
		d.fail(path, "montant %s : écrivez le nombre sans exposant, par exemple 4500.50", s)
		return 0
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 {
		d.fail(path, "montant %s : au plus deux décimales (des centimes)", s)
		return 0
	}
	frac += strings.Repeat("0", 2-len(frac))
	c, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || len(whole) > 13 || Cents(c) > MaxAmount {
		d.fail(path, "montant %s trop grand : au plus %s", s, FormatAmount(MaxAmount))
		return 0
	}
	return Cents(c)
}

func (d *decoder) date(path string, v any) Date {
	s := d.str(path, v)
	if s == "" {
		return Date{}
	}
	t, err := ParseISODate(s)
	if err != nil {
		d.fail(path, "date « %s » invalide : attendu AAAA-MM-JJ, par exemple 2027-01-20", s)
	}
	return t
}

func code[T ~string](d *decoder, path string, v any, cat Catalogue[T]) T {
	s := d.str(path, v)
	if s == "" {
		return ""
	}
	if _, ok := cat.Lookup(T(s)); !ok {
		d.fail(path, "valeur inconnue « %s » ; attendu : %s", s, cat.Expected())
		return ""
	}
	return T(s)
}

func codes[T ~string](d *decoder, path string, v any, cat Catalogue[T]) []T {
	var out []T
	for i, e := range d.array(path, v) {
		c := code(d, index(path, i), e, cat)
		if c == "" {
			continue
		}
		for _, prev := range out {
			if prev == c {
				d.fail(index(path, i), "« %s » figure deux fois", c)
			}
		}
		out = append(out, c)
	}
	return out
}

func (d *decoder) plan(v any) *Plan {
	m := d.object("", v, "format", "title", "authority", "partner", "domain", "form",
		"implementation", "schedule", "actions", "funding", "session")
	if v != nil && m == nil {
		return nil
	}
	if v == nil {
		d.fail("", "attendu un projet au format %s (un objet JSON), trouvé null", Format)
		return nil
	}
	switch f := m["format"].(type) {
	case nil:
		d.fail("format", "clé absente : attendu \"format\": \"%s\"", Format)
	case string:
		if f != Format {
			d.fail("format", "format « %s » non pris en charge : cette version de aect lit le format %s", f, Format)
		}
	default:
		d.fail("format", "attendu le texte \"%s\", trouvé %s", Format, typeName(f))
	}
	p := &Plan{
		Title:          d.str("title", m["title"]),
		Authority:      d.authority("authority", m["authority"]),
		Partner:        d.partner("partner", m["partner"]),
		Domain:         d.domain("domain", m["domain"]),
		Form:           code(d, "form", m["form"], Forms),
		Implementation: d.implementation("implementation", m["implementation"]),
		Schedule:       d.schedule("schedule", m["schedule"]),
		Session:        d.session("session", m["session"]),
	}
	for i, a := range d.array("actions", m["actions"]) {
		p.Actions = append(p.Actions, d.action(index("actions", i), a))
	}
	for i, f := range d.array("funding", m["funding"]) {
		p.Funding = append(p.Funding, d.funding(index("funding", i), f))
	}
	return p
}

func (d *decoder) authority(path string, v any) Authority {
	m := d.object(path, v, "type", "name", "departement", "population", "executive_name",
		"executive_title", "services")
	a := Authority{
		Type:           code(d, join(path, "type"), m["type"], AuthorityTypes),
		Name:           d.str(join(path, "name"), m["name"]),
		Population:     d.integer(join(path, "population"), m["population"], 0, 100_000_000, "un nombre d'habitants"),
		ExecutiveName:  d.str(join(path, "executive_name"), m["executive_name"]),
		ExecutiveTitle: code(d, join(path, "executive_title"), m["executive_title"], ExecutiveTitles),
	}
	if dep := d.str(join(path, "departement"), m["departement"]); dep != "" {
		if info, ok := LookupDepartement(dep); ok {
			a.Departement = info.Code
		} else {
			d.fail(join(path, "departement"), "département « %s » inconnu : attendu un code INSEE de 01 à 95 (2A, 2B pour la Corse) ou de 971 à 976", dep)
		}
	}
	sp := join(path, "services")
	for i, s := range d.array(sp, m["services"]) {
		ip := index(sp, i)
		sm := d.object(ip, s, "kind", "annual_resources")
		svc := Service{
			Kind:            code(d, join(ip, "kind"), sm["kind"], ServiceKinds),
			AnnualResources: d.amount(join(ip, "annual_resources"), sm["annual_resources"]),
		}
		for _, prev := range a.Services {
			if svc.Kind != "" && prev.Kind == svc.Kind {
				d.fail(join(ip, "kind"), "le service « %s » figure deux fois : un budget par service", svc.Kind)
			}
		}
		a.Services = append(a.Services, svc)
	}
	return a
}

func (d *decoder) partner(path string, v any) Partner {
	m := d.object(path, v, "name", "country", "kind", "representative", "languages", "history",
		"recognised_confirmed")
	p := Partner{
		Name:                d.str(join(path, "name"), m["name"]),
		Kind:                code(d, join(path, "kind"), m["kind"], PartnerKinds),
		Representative:      d.str(join(path, "representative"), m["representative"]),
		Languages:           d.strings(join(path, "languages"), m["languages"]),
		History:             d.str(join(path, "history"), m["history"]),
		RecognisedConfirmed: d.boolean(join(path, "recognised_confirmed"), m["recognised_confirmed"]),
	}
	if c := d.str(join(path, "country"), m["country"]); c != "" {
		if info, ok := LookupCountry(c); ok {
			p.Country = info.Code
		} else {
			d.fail(join(path, "country"), "pays « %s » inconnu : attendu un code ISO 3166-1 de deux lettres, par exemple SN pour le Sénégal", c)
		}
	}
	return p
}

func (d *decoder) domain(path string, v any) Domain {
	m := d.object(path, v, "category", "sectors", "objectives", "sdgs")
	dom := Domain{
		Category:   code(d, join(path, "category"), m["category"], Categories),
		Sectors:    codes(d, join(path, "sectors"), m["sectors"], Sectors),
		Objectives: d.str(join(path, "objectives"), m["objectives"]),
	}
	sp := join(path, "sdgs")
	for i, e := range d.array(sp, m["sdgs"]) {
		n := d.integer(index(sp, i), e, 1, 17, "un numéro d'ODD")
		if n == 0 {
			continue
		}
		for _, prev := range dom.SDGs {
			if prev == n {
				d.fail(index(sp, i), "l'ODD %d figure deux fois", n)
			}
		}
		dom.SDGs = append(dom.SDGs, n)
	}
	return dom
}

func (d *decoder) implementation(path string, v any) Implementation {
	m := d.object(path, v, "mode", "operator", "pooled_with")
	return Implementation{
		Mode:       code(d, join(path, "mode"), m["mode"], Modes),
		Operator:   d.str(join(path, "operator"), m["operator"]),
		PooledWith: d.strings(join(path, "pooled_with"), m["pooled_with"]),
	}
}

func (d *decoder) schedule(path string, v any) Schedule {
	m := d.object(path, v, "start", "duration_months")
	return Schedule{
		Start:          d.date(join(path, "start"), m["start"]),
		DurationMonths: d.integer(join(path, "duration_months"), m["duration_months"], 0, 600, "une durée en mois"),
	}
}

func (d *decoder) action(path string, v any) Action {
	m := d.object(path, v, "title", "description", "year", "cost", "paid_to")
	a := Action{
		Title:       d.str(join(path, "title"), m["title"]),
		Description: d.str(join(path, "description"), m["description"]),
		Year:        d.year(join(path, "year"), m["year"]),
		Cost:        d.amount(join(path, "cost"), m["cost"]),
	}
	pp := join(path, "paid_to")
	pm := d.object(pp, m["paid_to"], "kind", "name")
	a.PaidTo = Payee{
		Kind: code(d, join(pp, "kind"), pm["kind"], PayeeKinds),
		Name: d.str(join(pp, "name"), pm["name"]),
	}
	return a
}

func (d *decoder) funding(path string, v any) FundingLine {
	m := d.object(path, v, "source", "amount", "year", "label")
	return FundingLine{
		Source: code(d, join(path, "source"), m["source"], Sources),
		Amount: d.amount(join(path, "amount"), m["amount"]),
		Year:   d.year(join(path, "year"), m["year"]),
		Label:  d.str(join(path, "label"), m["label"]),
	}
}

func (d *decoder) session(path string, v any) Session {
	m := d.object(path, v, "date", "convocation_date", "members_in_office", "present",
		"represented", "secretary", "votes_for", "votes_against", "abstentions", "budget_imputation")
	const maxMembers = 1000
	return Session{
		Date:             d.date(join(path, "date"), m["date"]),
		ConvocationDate:  d.date(join(path, "convocation_date"), m["convocation_date"]),
		MembersInOffice:  d.integer(join(path, "members_in_office"), m["members_in_office"], 0, maxMembers, "un nombre de membres"),
		Present:          d.integer(join(path, "present"), m["present"], 0, maxMembers, "un nombre de membres"),
		Represented:      d.optInt(join(path, "represented"), m["represented"], maxMembers, "un nombre de membres"),
		Secretary:        d.str(join(path, "secretary"), m["secretary"]),
		VotesFor:         d.optInt(join(path, "votes_for"), m["votes_for"], maxMembers, "un nombre de voix"),
		VotesAgainst:     d.optInt(join(path, "votes_against"), m["votes_against"], maxMembers, "un nombre de voix"),
		Abstentions:      d.optInt(join(path, "abstentions"), m["abstentions"], maxMembers, "un nombre d'abstentions"),
		BudgetImputation: d.str(join(path, "budget_imputation"), m["budget_imputation"]),
	}
}

// MarshalJSON writes an amount as a JSON number of euros: 4500 or 4500.50.
func (c Cents) MarshalJSON() ([]byte, error) {
	s := strconv.FormatInt(int64(c/100), 10)
	if f := c % 100; f != 0 {
		s += fmt.Sprintf(".%02d", int64(f))
	}
	return []byte(s), nil
}

// MarshalJSON writes a date as "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.ISO()) }
