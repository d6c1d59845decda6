package document

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"aect/wizard"
	"aect/wizard/document/render"
)

// A mention is what the law requires a document to say. It is checked on the rendered
// document, whatever its model: nobody can drop the legal minimum by editing a model.
type mention struct {
	// what names the mention in the finding's message.
	what string
	// reference is its legal source.
	reference string
	// present reports whether the document has it.
	present func(blocks []render.Block, p *wizard.Plan) bool
}

// articleL11151 finds « L. 1115-1 » itself, not « L. 1115-1-1 » (the 1 % water and
// energy article).
var articleL11151 = regexp.MustCompile(`L\.[ \x{a0}]1115-1(?:[^-0-9]|$)`)

// mandatory lists the mentions of each document.
var mandatory = map[Kind][]mention{
	Deliberation: {
		{"le visa de l'article L. 1115-1 du code général des collectivités territoriales", "CGCT, art. L. 1115-1",
			func(bs []render.Block, _ *wizard.Plan) bool {
				return anyParagraph(bs, func(s string) bool { return strings.HasPrefix(s, "Vu ") && articleL11151.MatchString(s) })
			}},
		{"l'objet de la délibération (« Objet : … »)", "extrait du registre des délibérations",
			func(bs []render.Block, _ *wizard.Plan) bool {
				return anyParagraph(bs, func(s string) bool { return strings.HasPrefix(s, "Objet") })
			}},
		{"le dispositif (« DÉCIDE : » suivi d'au moins un article)", "extrait du registre des délibérations",
			func(bs []render.Block, _ *wizard.Plan) bool {
				decides := anyParagraph(bs, func(s string) bool { return strings.Contains(s, "DÉCIDE") })
				return decides && slices.ContainsFunc(bs, func(b render.Block) bool { return b.Type == render.BlockArticle })
			}},
		{"le résultat du vote (bloc « vote: »)", "extrait du registre des délibérations",
			func(bs []render.Block, _ *wizard.Plan) bool { return hasBlock(bs, render.BlockVote) }},
		{"les signatures (bloc « signature: »)", "extrait du registre des délibérations, signé par l'exécutif et le secrétaire de séance",
			func(bs []render.Block, _ *wizard.Plan) bool { return hasBlock(bs, render.BlockSignatures) }},
	},
	Convention: {
		{"l'objet des actions envisagées (un article « Objet »)", "CGCT, art. L. 1115-1",
			func(bs []render.Block, _ *wizard.Plan) bool { return hasArticleHeading(bs, "objet") }},
		{"le montant prévisionnel des engagements financiers, par année", "CGCT, art. L. 1115-1",
			func(bs []render.Block, p *wizard.Plan) bool {
				text := documentText(bs)
				if !strings.Contains(strings.ToLower(text), "montant prévisionnel") {
					return false
				}
				if !p.Commits() {
					return true
				}
				if !strings.Contains(text, wizard.FormatAmount(p.CashCommitment())) {
					return false
				}
				for _, ya := range p.CashByYear() {
					if ya.Year != 0 && !strings.Contains(text, strconv.Itoa(ya.Year)) {
						return false
					}
				}
				return true
			}},
	},
	ConventionObjectifs: {
		{"le montant de la subvention", "loi n° 2000-321 du 12 avril 2000, art. 10",
			func(bs []render.Block, p *wizard.Plan) bool {
				text := documentText(bs)
				for _, g := range (&facts{p: p}).grantsByBody() {
					if g.objectives && !strings.Contains(text, wizard.FormatAmount(g.total)) {
						return false
					}
				}
				return true
			}},
		{"les conditions d'utilisation de la subvention (un article « Conditions d'utilisation »)", "loi n° 2000-321 du 12 avril 2000, art. 10",
			func(bs []render.Block, _ *wizard.Plan) bool { return hasArticleHeading(bs, "conditions d'utilisation") }},
	},
}

// missingMentions are the findings of the mentions a document lacks.
func missingMentions(k Kind, blocks []render.Block, p *wizard.Plan, m *Models) []wizard.Finding {
	var out []wizard.Finding
	for _, mn := range mandatory[k] {
		if mn.present(blocks, p) {
			continue
		}
		model := ""
		if r, ok := kindSpec(k); ok && m.Uses(k) {
			model = " : le modèle adapté « " + r.model + " » du dossier « " + m.Dir + " » l'a retirée ou modifiée ; rétablissez-la"
		}
		out = append(out, wizard.Finding{Code: wizard.CodeMandatoryMention, Severity: wizard.Blocking, Section: wizard.SecDocuments,
			Message:   "Le document « " + k.Title() + " » ne comporte pas " + mn.what + ", mention obligatoire" + model + ".",
			Reference: mn.reference})
	}
	return out
}

func hasBlock(bs []render.Block, t render.BlockType) bool {
	return slices.ContainsFunc(bs, func(b render.Block) bool { return b.Type == t && (len(b.Lines) > 0 || len(b.Signatures) > 0) })
}

// anyParagraph reports whether a paragraph's text satisfies ok.
func anyParagraph(bs []render.Block, ok func(string) bool) bool {
	for _, b := range bs {
		if b.Type == render.BlockParagraph && len(b.Lines) > 0 && ok(b.Lines[0].String()) {
			return true
		}
	}
	return false
}

// hasArticleHeading reports whether an article's heading holds title (folded).
func hasArticleHeading(bs []render.Block, title string) bool {
	want := wizard.Fold(title)
	for _, b := range bs {
		if b.Type == render.BlockHeading && len(b.Lines) > 0 {
			h := wizard.Fold(b.Lines[0].String())
			if strings.HasPrefix(h, "article") && strings.Contains(h, want) {
				return true
			}
		}
	}
	return false
}

// documentText is the text of blocks, for the checks.
func documentText(bs []render.Block) string { return (&render.Doc{Blocks: bs}).PlainText() }

// Check is the rules engine's findings on the plan (wizard.Check), with those of the
// mandatory mentions its documents lack when written with the models of opt: what the
// review and the command line show. A nil plan is an empty draft.
func Check(p *wizard.Plan, opt Options) []wizard.Finding {
	f := newFacts(p, opt)
	out := append([]wizard.Finding(nil), f.findings...)
	out = append(out, f.mentionFindings()...)
	slices.SortStableFunc(out, func(a, b wizard.Finding) int { return int(a.Severity) - int(b.Severity) })
	return out
}

// mentionFindings renders every document of the plan that has a model and lists the
// mandatory mentions they lack.
func (f *facts) mentionFindings() []wizard.Finding {
	var out []wizard.Finding
	for _, k := range Kinds(f.p) {
		r, _ := kindSpec(k)
		// The built-in models have every mention for every plan (TestModelsEveryPlan,
		// Verify): only an adapted model can lose one.
		if r.model == "" || len(mandatory[k]) == 0 || !f.opt.Models.Uses(k) {
			continue
		}
		blocks, err := f.opt.Models.execute(r.model, newView(f))
		if err != nil {
			continue // the document shows the model's error, and falls back on the built-in one
		}
		out = append(out, missingMentions(k, blocks, f.p, f.opt.Models)...)
	}
	return out
}
