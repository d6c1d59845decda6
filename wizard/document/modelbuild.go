package document

import "aect/wizard/document/render"

import "aect/wizard"

// buildFromModel writes a document with its model: the « Projet non conforme » note when
// a finding blocks, then the blocks of the model. An adapted model in error gives way to
// the built-in one, and the document says so; the built-in one in error (a bug) leaves
// the document with the error alone.
func buildFromModel(f *facts, r kindRow) *render.Doc {
	b := newBuilder(r.kind, docTitle(r.kind, f.p))
	v := newView(f)
	blocks, err := f.opt.Models.execute(r.model, v)
	var modelErr error
	if err != nil && f.opt.Models.Uses(r.kind) {
		modelErr = err
		blocks, err = builtin.execute(r.model, v)
	}
	if err != nil {
		b.note("Modèle en erreur", []render.Inline{cat("Ce document n'a pas pu être rédigé : ", err.Error())}, nil)
		return b.doc
	}
	if r.nonCompliant {
		var missing []wizard.Finding
		if r.applies(f.p) {
			// A document the plan lacks (asked for all the same) is not checked.
			missing = missingMentions(r.kind, blocks, f.p, f.opt.Models)
		}
		f.blockingNote(b, missing...)
	}
	if modelErr != nil {
		b.note("Modèle adapté en erreur", []render.Inline{cat("Le modèle adapté n'a pas pu servir (", modelErr.Error(),
			") : ce document suit le modèle intégré. Vérifiez les modèles avec « aect modeles verifier ».")}, nil)
	}
	b.doc.Blocks = append(b.doc.Blocks, blocks...)
	return b.doc
}
