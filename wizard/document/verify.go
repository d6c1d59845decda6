package document

import (
	"errors"
	"fmt"

	"aect/wizard"
	"aect/wizard/samples"
)

// A Problem is what Verify found wrong with a set of models: a template error (File and
// Line), or a mandatory mention a document lacks for a plan.
type Problem struct {
	// File is the model file; Line its line, 0 when unknown.
	File string
	Line int
	// Plan names the plan the document was written for, "" for an error of the file
	// itself.
	Plan string
	// Msg says what is wrong, in French.
	Msg string
}

// String is the problem on one line, in French: « deliberation.txt, ligne 12 : … ».
func (p Problem) String() string {
	where := p.File
	if p.Line > 0 {
		where += fmt.Sprintf(", ligne %d", p.Line)
	}
	if p.Plan != "" {
		where += " (" + p.Plan + ")"
	}
	return where + " : " + p.Msg
}

// Verify writes every document that has a model for every sample plan and an empty one,
// with models m, and returns the problems: each template error with its file and line,
// and each mandatory mention a document lacks. Nothing is found for the built-in models.
func Verify(m *Models) []Problem {
	var out []Problem
	seen := map[string]bool{}
	add := func(p Problem) {
		if k := p.String(); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	fromErr := func(err error, plan string) Problem {
		var me *ModelError
		if errors.As(err, &me) {
			return Problem{File: me.File, Line: me.Line, Plan: plan, Msg: me.Msg}
		}
		return Problem{Plan: plan, Msg: err.Error()}
	}
	for _, r := range registry {
		if r.model == "" {
			continue
		}
		if _, err := m.template(r.model); err != nil {
			add(fromErr(err, ""))
		}
	}
	type named struct {
		name string
		p    *wizard.Plan
	}
	plans := []named{{"brouillon vide", &wizard.Plan{}}}
	for _, s := range samples.All() {
		p, err := wizard.Decode(s.Data)
		if err != nil {
			add(Problem{Plan: s.Name, Msg: err.Error()})
			continue
		}
		plans = append(plans, named{"exemple " + s.Name, p})
	}
	for _, pl := range plans {
		f := newFacts(pl.p, Options{Models: m})
		for _, k := range Kinds(f.p) {
			r, _ := kindSpec(k)
			if r.model == "" {
				continue
			}
			if _, err := m.template(r.model); err != nil {
				continue // reported above
			}
			blocks, err := m.execute(r.model, newView(f))
			if err != nil {
				add(fromErr(err, pl.name))
				continue
			}
			for _, fd := range missingMentions(k, blocks, f.p, nil) {
				add(Problem{File: r.model, Plan: pl.name, Msg: fd.Message})
			}
		}
	}
	return out
}
