// Package document drafts the documents a council votes on — the délibération, the
// convention de coopération décentralisée or the charte (jumelage, amitié) — and the
// "prochaines étapes" checklist, from a plan.
//
// A document is built once from the plan into the content model of package render
// (render.Doc: blocks of inline spans, with placeholders for missing answers), which
// render.Render writes as text, Markdown, ODT, DOCX or PDF. Nothing here touches the
// file system: package export (internal/export) writes the files.
//
// Every missing answer shows as a visible placeholder, "[à compléter : …]", and every point
// the law leaves to the user's jurist as "[à confirmer : …]"; nothing is guessed.
package document

import (
	"fmt"

	"aect/wizard"
	"aect/wizard/document/render"
)

// Kind is one document of a plan. Its value is the base name of the exported file.
type Kind string

// The documents.
const (
	Deliberation   Kind = "deliberation"
	Convention     Kind = "convention"
	CharteJumelage Kind = "charte-jumelage"
	CharteAmitie   Kind = "charte-amitie"
	// ConventionObjectifs is the convention d'objectifs with a private body that receives
	// more than 23 000 € a year.
	ConventionObjectifs Kind = "convention-objectifs"
	NextSteps           Kind = "prochaines-etapes"
	// DeclarationAPD is the worksheet of the yearly APD declaration (apd.go).
	DeclarationAPD Kind = "declaration-apd"
)

// FileName is the file name of a document in a format: "deliberation.odt",
// "prochaines-etapes.md".
func FileName(k Kind, f render.Format) string { return string(k) + "." + string(f) }

// Options are the inputs of a document that do not come from the plan.
type Options struct {
	// Today is the current date. Dates that depend on "now" (the default year of the
	// budget, the next window of a call for projects when the session date is missing)
	// come from it, never from the clock, so that a document is a pure function of the
	// plan and the options. The zero date leaves those points as placeholders.
	Today wizard.Date
	// Models are the templates of the documents' wording; nil is the built-in ones.
	Models *Models
}

// Build makes the content model of one document of the plan. A nil plan is an empty
// draft. Missing answers become placeholders; blocking findings of the rules engine are
// listed in a boxed "Projet non conforme" note at the top of the délibération and of the
// convention or charte.
func Build(p *wizard.Plan, k Kind, opt Options) *render.Doc {
	f := newFacts(p, opt)
	var d *render.Doc
	switch r, ok := kindSpec(k); {
	case !ok:
		b := newBuilder(k, "Document inconnu")
		b.para(fmt.Sprintf("Document « %s » inconnu.", k))
		d = b.doc
	case r.model != "":
		d = buildFromModel(f, r)
	default:
		if k == NextSteps {
			// The checklist lists every finding, the mentions the documents lack too.
			f.addFindings(f.mentionFindings())
		}
		d = r.build(f)
	}
	d.Subject = f.subject().String()
	if a := f.authHeader(); !hasPlaceholder(a) {
		d.Author = a.String()
	}
	d.Date = opt.Today
	return d
}

// hasPlaceholder reports whether a line has a placeholder.
func hasPlaceholder(in render.Inline) bool {
	for _, s := range in {
		if s.Style == render.Placeholder {
			return true
		}
	}
	return false
}
