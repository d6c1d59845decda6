package document

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	"aect/wizard/document/render"
)

// builtinFS holds the built-in models: one file a document, in French, and commun.txt,
// the pieces they share.
//
//go:embed modeles/*.txt modeles/LISEZMOI.md
var builtinFS embed.FS

// CommonModel is the file of the pieces the models share ({{define "…"}}).
const CommonModel = "commun.txt"

// ModelGuide is the French guide written beside the exported models.
const ModelGuide = "LISEZMOI.md"

// Models is the set of templates the documents are written with: the built-in ones, and
// those of a folder of adapted models (a commune's, a trainer's) that replace them file
// by file. The zero value and nil are the built-in models. A Models is read-only once
// made and may be shared.
type Models struct {
	// Dir is the folder of the adapted models, for messages; "" for the built-in ones.
	Dir string
	// adapted are the sources of the folder's model files, by file name.
	adapted map[string][]byte

	once     sync.Once
	compiled map[string]*template.Template
	errs     map[string]error
}

var builtin = &Models{}

// LoadModels reads the adapted models of a folder: the files named like the built-in
// ones (deliberation.txt, convention.txt…, commun.txt); a document whose file is
// missing keeps its built-in model. dir names the folder in messages. The templates are
// not checked here: Verify does, and Build reports their errors in the document.
func LoadModels(fsys fs.FS, dir string) (*Models, error) {
	m := &Models{Dir: dir, adapted: map[string][]byte{}}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, modelsError(dir, err)
	}
	found := 0
	known := map[string]bool{CommonModel: true}
	for _, name := range ModelFiles() {
		known[name] = true
	}
	for _, e := range entries {
		if e.IsDir() || !known[e.Name()] {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, modelsError(dir, err)
		}
		found++
		// A file left as exported is the built-in model: the documents say so.
		if builtinData, _ := builtin.source(e.Name()); !bytes.Equal(data, builtinData) {
			m.adapted[e.Name()] = data
		}
	}
	if found == 0 {
		return nil, fmt.Errorf("le dossier « %s » ne contient aucun modèle (%s…) : exportez d'abord les modèles avec « aect modeles exporter %s »",
			dir, strings.Join(ModelFiles()[:2], ", "), dir)
	}
	return m, nil
}

// modelsError says in French why a folder of models cannot be read; the system's cause,
// often English, is kept for logs (Unwrap), never shown.
func modelsError(dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &modelsFolderError{fmt.Sprintf("dossier de modèles « %s » introuvable", dir), err}
	case errors.Is(err, fs.ErrPermission):
		return &modelsFolderError{fmt.Sprintf("dossier de modèles « %s » : accès refusé", dir), err}
	}
	return &modelsFolderError{fmt.Sprintf("impossible de lire le dossier de modèles « %s »", dir), err}
}

// modelsFolderError is a French message for the user about a folder of models; the system's cause, often English, is
// kept for logs (Unwrap) and never shown.
type modelsFolderError struct {
	msg string
	err error
}

func (e *modelsFolderError) Error() string { return e.msg }
func (e *modelsFolderError) Unwrap() error { return e.err }

// Adapted lists the files of the folder that replace a built-in model (those that differ
// from it), sorted.
func (m *Models) Adapted() []string {
	if m == nil {
		return nil
	}
	var out []string
	for name := range m.adapted {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Uses reports whether the document of kind k is written with an adapted model (its own
// file, or the adapted commun.txt).
func (m *Models) Uses(k Kind) bool {
	if m == nil {
		return false
	}
	spec, ok := kindSpec(k)
	if !ok || spec.model == "" {
		return false
	}
	_, own := m.adapted[spec.model]
	_, common := m.adapted[CommonModel]
	return own || common
}

// source is the text of a model file: the adapted one, or the built-in one.
func (m *Models) source(name string) ([]byte, bool) {
	if m != nil {
		if data, ok := m.adapted[name]; ok {
			return data, true
		}
	}
	data, err := builtinFS.ReadFile(path.Join("modeles", name))
	return data, err == nil
}

// BuiltinModel returns the text of a built-in model file, for aect modeles exporter;
// false for an unknown name.
func BuiltinModel(name string) ([]byte, bool) { return builtin.source(name) }

// ModelFiles lists the files of the models a folder may hold: one a document that has
// a model, then commun.txt and the guide.
func ModelFiles() []string {
	var out []string
	for _, s := range registry {
		if s.model != "" {
			out = append(out, s.model)
		}
	}
	return append(out, CommonModel)
}

// template returns the compiled template of a model file, compiled once.
func (m *Models) template(name string) (*template.Template, error) {
	if m == nil {
		m = builtin
	}
	m.once.Do(m.compile)
	if err := m.errs[name]; err != nil {
		return nil, err
	}
	t, ok := m.compiled[name]
	if !ok {
		return nil, fmt.Errorf("modèle « %s » inconnu", name)
	}
	return t, nil
}

// compile parses every model with commun.txt, and checks the facts each refers to.
func (m *Models) compile() {
	m.compiled = map[string]*template.Template{}
	m.errs = map[string]error{}
	common, _ := m.source(CommonModel)
	for _, s := range registry {
		if s.model == "" {
			continue
		}
		src, _ := m.source(s.model)
		t, err := parseModel(s.model, src, common)
		if err != nil {
			m.errs[s.model] = err
			continue
		}
		m.compiled[s.model] = t
	}
}

// parseModel parses a model file with the shared pieces, and checks that every fact it
// names exists (an unknown fact in a branch not taken would otherwise pass unseen).
func parseModel(name string, src, common []byte) (*template.Template, error) {
	t := template.New(name).Funcs(modelFuncs).Option("missingkey=error")
	if _, err := t.New(CommonModel).Parse(string(common)); err != nil {
		return nil, templateError(err)
	}
	if _, err := t.Parse(string(src)); err != nil {
		return nil, templateError(err)
	}
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		if err := checkFacts(tt.Tree, tt.Tree.Root); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// ModelError is an error of a model: its file, its line (0 when unknown), and what is
// wrong, in French.
type ModelError struct {
	File string
	Line int
	Msg  string
}

// Error is the message: « deliberation.txt, ligne 12 : … ».
func (e *ModelError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s, ligne %d : %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s : %s", e.File, e.Msg)
}

// templateError turns an error of text/template ("template: deliberation.txt:12: …")
// into a ModelError, its message in French where it is a usual one.
func templateError(err error) error {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, "template: ")
	if !ok {
		return &ModelError{Msg: msg}
	}
	file, rest, _ := strings.Cut(rest, ":")
	line := 0
	if n, after, ok := strings.Cut(rest, ":"); ok {
		fmt.Sscan(n, &line)
		rest = after
	}
	// Execution errors name the column and the action: "5: executing \"x\" at <.Foo>: …".
	rest = strings.TrimSpace(rest)
	if i := strings.Index(rest, "executing "); i >= 0 {
		if j := strings.Index(rest, ": "); j >= 0 {
			if k := strings.Index(rest[j+2:], ": "); k >= 0 && strings.Contains(rest[:j+2+k], " at <") {
				rest = rest[j+2+k+2:]
			}
		}
	}
	return &ModelError{File: file, Line: line, Msg: frenchTemplateMsg(rest)}
}

// frenchTemplateMsg translates the usual messages of text/template.
func frenchTemplateMsg(s string) string {
	repl := []struct{ en, fr string }{
		{"function %q not defined", "fonction « %s » inconnue"},
		{"unexpected EOF", "fin du fichier inattendue : un {{if}}, {{range}} ou {{with}} n'est pas fermé par {{end}}"},
		{"unexpected {{end}}", "{{end}} en trop"},
		{"unclosed action", "action non fermée : « }} » manquant"},
		{"no such template %q", "modèle partagé « %s » inconnu"},
	}
	for _, r := range repl {
		if strings.Contains(r.en, "%q") {
			prefix, suffix, _ := strings.Cut(r.en, "%q")
			if i := strings.Index(s, prefix); i >= 0 {
				rest := s[i+len(prefix):]
				if j := strings.Index(rest[1:], `"`); strings.HasPrefix(rest, `"`) && j >= 0 && strings.HasPrefix(rest[j+2:], suffix) {
					return fmt.Sprintf(r.fr, rest[1:j+1])
				}
			}
			continue
		}
		if strings.Contains(s, r.en) {
			return r.fr
		}
	}
	return s
}

// viewNames are the names of the facts a template may use: every exported field and
// method reachable from the view.
var viewNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	own := reflect.TypeOf(view{}).PkgPath()
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		// Dates and amounts are values for the functions (date, montant), not facts.
		if seen[t] || t.PkgPath() != own {
			return
		}
		seen[t] = true
		pt := reflect.PointerTo(t)
		for i := 0; i < pt.NumMethod(); i++ {
			mt := pt.Method(i)
			names[mt.Name] = true
			if mt.Type.NumOut() > 0 {
				walk(mt.Type.Out(0))
			}
		}
		if t.Kind() != reflect.Struct {
			return
		}
		for i := 0; i < t.NumField(); i++ {
			fd := t.Field(i)
			if fd.IsExported() {
				names[fd.Name] = true
				walk(fd.Type)
			}
		}
	}
	walk(reflect.TypeOf(view{}))
	return names
})

// checkFacts reports the first field of the tree that names no fact of the view.
func checkFacts(tree *parse.Tree, n parse.Node) error {
	var err error
	var visit func(n parse.Node)
	check := func(node parse.Node, idents []string) {
		for _, id := range idents {
			if err == nil && !viewNames()[id] {
				loc, _ := tree.ErrorContext(node) // "file:line:column"
				line := 0
				if _, after, ok := strings.Cut(loc, ":"); ok {
					fmt.Sscan(strings.Replace(after, ":", " ", 1), &line)
				}
				err = &ModelError{File: tree.ParseName, Line: line, Msg: fmt.Sprintf("fait « .%s » inconnu (voir la liste des faits dans %s)", id, ModelGuide)}
			}
		}
	}
	visitBranch := func(b *parse.BranchNode) {
		visit(b.Pipe)
		visit(b.List)
		visit(b.ElseList)
	}
	visit = func(n parse.Node) {
		if n == nil || err != nil {
			return
		}
		switch x := n.(type) {
		case *parse.ListNode:
			if x == nil {
				return
			}
			for _, c := range x.Nodes {
				visit(c)
			}
		case *parse.ActionNode:
			visit(x.Pipe)
		case *parse.PipeNode:
			if x == nil {
				return
			}
			for _, c := range x.Cmds {
				visit(c)
			}
		case *parse.CommandNode:
			for _, a := range x.Args {
				visit(a)
			}
		case *parse.FieldNode:
			check(x, x.Ident)
		case *parse.ChainNode:
			visit(x.Node)
			check(x, x.Field)
		case *parse.VariableNode:
			if len(x.Ident) > 1 {
				check(x, x.Ident[1:])
			}
		case *parse.IfNode:
			visitBranch(&x.BranchNode)
		case *parse.RangeNode:
			visitBranch(&x.BranchNode)
		case *parse.WithNode:
			visitBranch(&x.BranchNode)
		case *parse.TemplateNode:
			visit(x.Pipe)
		}
	}
	visit(n)
	return err
}

// execute writes the document of a model with the plan's view and reads its markup.
func (m *Models) execute(name string, v *view) ([]render.Block, error) {
	t, err := m.template(name)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := t.Execute(&out, v); err != nil {
		return nil, templateError(err)
	}
	blocks, err := parseMarkup(out.String())
	if err != nil {
		src, _ := m.source(name)
		return nil, &ModelError{File: name, Line: guessLine(src, err), Msg: err.Error()}
	}
	return blocks, nil
}

// guessLine finds the line of the model a markup error comes from: the first line that
// starts with the unknown keyword, or that refers to the unknown label.
func guessLine(src []byte, err error) int {
	var me *markupError
	if !errors.As(err, &me) {
		return 0
	}
	out := strings.TrimSpace(me.line)
	want := ""
	if strings.HasPrefix(me.msg, "renvoi") {
		want = `ref "` + me.line + `"`
	} else if i := strings.IndexAny(out, ": "); i > 0 {
		want = out[:i+1]
	}
	if want == "" {
		return 0
	}
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, want) {
			return i + 1
		}
	}
	return 0
}
