package wizard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
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
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a UTF-8 BOM, as some editors write
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
	if e := duplicateKey(data); e != nil {
		return nil, &DecodeError{[]*Error{e}}
	}
	d := &decoder{r: registry()}
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

// duplicateKey finds the first key given twice in one object of a well-formed JSON
// document: the standard decoder would silently keep the last one.
func duplicateKey(data []byte) *Error {
	type frame struct {
		path   string
		keys   map[string]bool // nil for an array
		next   int             // the next index of an array
		key    string          // the key whose value comes next, in an object
		hasKey bool
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []*frame
	// value is the path of the value that starts now.
	value := func() string {
		if len(stack) == 0 {
			return ""
		}
		top := stack[len(stack)-1]
		if top.keys == nil {
			top.next++
			return index(top.path, top.next-1)
		}
		top.hasKey = false
		return join(top.path, top.key)
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // the end, or a syntax error already reported
		}
		if top := len(stack) - 1; top >= 0 && stack[top].keys != nil && !stack[top].hasKey {
			if d, isDelim := tok.(json.Delim); isDelim && d == '}' {
				stack = stack[:top]
				continue
			}
			k, _ := tok.(string)
			if stack[top].keys[k] {
				return &Error{Path: join(stack[top].path, k), Msg: "clé en double dans le même objet : chaque clé ne peut figurer qu'une fois"}
			}
			stack[top].keys[k] = true
			stack[top].key, stack[top].hasKey = k, true
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{path: value(), keys: map[string]bool{}})
		case json.Delim('['):
			stack = append(stack, &frame{path: value()})
		case json.Delim(']'), json.Delim('}'):
			stack = stack[:len(stack)-1]
		default:
			value()
		}
	}
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
	r        *fieldRegistry
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

// node is one object of the answers format, derived from the registry: its keys in
// order, and for each key the field it holds (an answer, or a list of items) or the
// pattern of the object it holds.
type node struct {
	keys  []string
	field map[string]*Field
	obj   map[string]string
}

// buildNodes derives the objects of the format from the fields' paths: "actions[].cost"
// makes "actions" a list at the root and "cost" a key of its items ("actions[]").
func buildNodes(fields []Field) map[string]*node {
	nodes := map[string]*node{}
	get := func(pattern string) *node {
		n, ok := nodes[pattern]
		if !ok {
			n = &node{field: map[string]*Field{}, obj: map[string]string{}}
			nodes[pattern] = n
		}
		return n
	}
	addKey := func(n *node, k string) {
		if !slices.Contains(n.keys, k) {
			n.keys = append(n.keys, k)
		}
	}
	for i := range fields {
		f := &fields[i]
		segs := strings.Split(string(f.ID), ".")
		pattern := ""
		for _, seg := range segs[:len(segs)-1] {
			n := get(pattern)
			key, isList := strings.CutSuffix(seg, "[]")
			addKey(n, key)
			child := join(pattern, seg)
			if !isList {
				n.obj[key] = child
			}
			pattern = child
		}
		last := segs[len(segs)-1]
		n := get(pattern)
		addKey(n, last)
		n.field[last] = f
	}
	return nodes
}

func (d *decoder) plan(v any) *Plan {
	root := d.r.nodes[""]
	m := d.object("", v, append([]string{"format"}, root.keys...)...)
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
	p := &Plan{}
	d.fields("", "", m, p, -1)
	return p
}

// node decodes the object v of the given pattern into p; i is the item it belongs to.
func (d *decoder) node(pattern, path string, v any, p *Plan, i int) {
	n := d.r.nodes[pattern]
	d.fields(pattern, path, d.object(path, v, n.keys...), p, i)
}

// fields decodes the keys of an object, in the order of the registry.
func (d *decoder) fields(pattern, path string, m map[string]any, p *Plan, i int) {
	n := d.r.nodes[pattern]
	for _, k := range n.keys {
		kp := join(path, k)
		f, isField := n.field[k]
		switch {
		case isField && f.list != nil:
			items := d.array(kp, m[k])
			if len(items) > MaxItems {
				d.fail(kp, "trop d'éléments : %d, au plus %d", len(items), MaxItems)
				continue
			}
			for j, e := range items {
				d.node(join(pattern, k+"[]"), index(kp, j), e, p, f.list.add(p))
			}
		case isField:
			f.bind.decode(d, kp, m[k], p, i)
		default:
			d.node(n.obj[k], kp, m[k], p, i)
		}
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
