package document

import "aect/wizard"

// grantActions are the actions that pay a body, over the years.
func (f *facts) grantActions(g bodyGrants) []int {
	var out []int
	for _, gr := range f.p.Grants() {
		if wizard.Fold(gr.Name) == wizard.Fold(g.name) {
			out = append(out, gr.Actions...)
		}
	}
	return out
}

// legalFormOf is the placeholder of a beneficiary's legal form.
func legalFormOf(k wizard.PayeeKind) string {
	switch k {
	case wizard.PayeeComite:
		return "forme juridique (association régie par la loi du 1er juillet 1901, le plus souvent) et numéro RNA"
	case wizard.PayeeONG:
		return "forme juridique (association, fondation…) et numéro RNA ou SIRET"
	}
	return "forme juridique et numéro RNA ou SIRET"
}
