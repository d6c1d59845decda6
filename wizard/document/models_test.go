package document

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"aect/wizard"
	"aect/wizard/document/render"
	"aect/wizard/safetext/safetexttest"
)

// TestBuiltinModelsVerify: the built-in models compile, name only known facts, and
// write every document of every sample and of an empty plan with its mandatory mentions.
func TestBuiltinModelsVerify(t *testing.T) {
	if ps := Verify(nil); len(ps) > 0 {
		for _, p := range ps {
			t.Error(p)
		}
	}
}

// TestModelsEveryPlan writes every document with a model for every plan — samples, test
// plans, an empty plan, the hostile ones — and checks that none shows a model error or
// lacks a mandatory mention.
func TestModelsEveryPlan(t *testing.T) {
	plans := everyPlan(t)
	plans["hostile-document"] = hostilePlan(t)
	for name, p := range plans {
		for _, fd := range Check(p, Options{}) {
			if fd.Code == wizard.CodeMandatoryMention {
				t.Errorf("%s: %s", name, fd.Message)
			}
		}
		for _, k := range Kinds(p) {
			r, _ := kindSpec(k)
			if r.model == "" {
				continue
			}
			blocks, err := builtin.execute(r.model, newView(newFacts(p, Options{})))
			if err != nil {
				t.Fatalf("%s %s: %v", name, k, err)
			}
			for _, fd := range missingMentions(k, blocks, p, nil) {
				t.Errorf("%s: %s", name, fd.Message)
			}
			if s := Build(p, k, Options{Today: testToday}).PlainText(); strings.Contains(s, "Modèle en erreur") || strings.Contains(s, "n'a pas pu") {
				t.Errorf("%s %s: %s", name, k, s[:min(len(s), 400)])
			}
		}
	}
}

// everyPlan is the samples, the test plans, an empty plan and the hostile plans of
// safetexttest.
func everyPlan(t testing.TB) map[string]*wizard.Plan {
	plans := allPlans(t)
	plans["vide"] = &wizard.Plan{}
	for name, data := range map[string][]byte{"hostile": safetexttest.PlanJSON(), "hostile-mutualise": safetexttest.PooledPlanJSON()} {
		p, err := wizard.Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		plans[name] = p
	}
	return plans
}

// TestUnknownFact: a model naming a fact the view lacks fails when it is parsed, with
// its file and line, even in a branch no plan takes.
func TestUnknownFact(t *testing.T) {
	src := "paragraphe: a\n{{if false}}paragraphe: {{.Collectivite.Inconnu}}{{end}}\n"
	_, err := parseModel("charte-amitie.txt", []byte(src), nil)
	me, ok := err.(*ModelError)
	if !ok || me.File != "charte-amitie.txt" || me.Line != 2 || !strings.Contains(me.Msg, "« .Inconnu » inconnu") {
		t.Fatalf("got %#v (%v)", err, err)
	}
	for _, src := range []string{"{{ $x := .Seance }}{{ $x.Rien }}", "{{range .Actions}}{{.Prix}}{{end}}", "{{.Partenaire.Nom.Rien}}"} {
		if _, err := parseModel("x.txt", []byte(src), nil); err == nil {
			t.Errorf("%s: unknown fact accepted", src)
		}
	}
}

// adapt returns the built-in model of a kind changed by replace (old, new pairs).
func adapt(t *testing.T, name string, replace ...string) []byte {
	t.Helper()
	src, ok := BuiltinModel(name)
	if !ok {
		t.Fatalf("no built-in %s", name)
	}
	s := string(src)
	for i := 0; i < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("%s: %q not found", name, replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	return []byte(s)
}

// TestAdaptedModel adapts the délibération as a commune would: its opening formula
// changed, the L. 1115-1 visa removed. The new formula shows in the exported files; the
// missing visa is a blocking finding, in the document's « Projet non conforme » box, in
// Check and in Verify; the other documents keep their built-in model.
func TestAdaptedModel(t *testing.T) {
	src := adapt(t, "deliberation.txt",
		"en séance publique sous la présidence", "en séance ordinaire, salle du conseil, sous la présidence",
		"visa: Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1 et suivants ;\n", "")
	m, err := LoadModels(fstest.MapFS{"deliberation.txt": {Data: src}, "notes.txt": {Data: []byte("ignored")}}, "modeles-belmont")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Adapted(); len(got) != 1 || got[0] != "deliberation.txt" {
		t.Errorf("Adapted = %v", got)
	}
	if !m.Uses(Deliberation) || m.Uses(CharteJumelage) {
		t.Errorf("Uses: deliberation %v, charte %v", m.Uses(Deliberation), m.Uses(CharteJumelage))
	}
	p := samplePlans(t)["01-jumelage-allemagne"]
	opt := Options{Today: testToday, Models: m}
	// With a « 1 % » source, the visa of L. 1115-1-1 remains: it is not the one required.
	if fds := Check(samplePlans(t)["02-convention-eau-senegal"], opt); !slices.ContainsFunc(fds, func(f wizard.Finding) bool { return f.Code == wizard.CodeMandatoryMention }) {
		t.Error("the visa of L. 1115-1-1 passes for the visa of L. 1115-1")
	}
	d := Build(p, Deliberation, opt)
	for _, f := range []render.Format{render.Text, render.ODT, render.DOCX} {
		var b bytes.Buffer
		if err := render.Render(&b, d, f); err != nil {
			t.Fatal(err)
		}
		var text string
		switch f {
		case render.ODT:
			c, _ := render.ODTContent(d)
			text = string(c)
		case render.DOCX:
			c, _ := render.DOCXDocument(d)
			text = string(c)
		default:
			text = strings.Join(strings.Fields(b.String()), " ")
		}
		if !strings.Contains(text, "en séance ordinaire, salle du conseil, sous la présidence") {
			t.Errorf("%s: the adapted formula is missing", f)
		}
	}
	plain := strings.ReplaceAll(d.PlainText(), nbsp, " ")
	if d.Blocks[0].Type != render.BlockNote || !strings.Contains(plain, "ne comporte pas le visa de l'article L. 1115-1") ||
		!strings.Contains(plain, "modèle adapté « deliberation.txt » du dossier « modeles-belmont »") {
		t.Errorf("the missing visa is not in the note:\n%s", d.PlainText()[:600])
	}
	found := false
	for _, fd := range Check(p, opt) {
		found = found || fd.Code == wizard.CodeMandatoryMention && fd.Severity == wizard.Blocking
	}
	if !found {
		t.Error("Check: no blocking finding for the missing visa")
	}
	if fds := Check(p, Options{}); len(fds) != len(wizard.Check(p)) {
		t.Errorf("Check with the built-in models adds findings: %v", fds)
	}
	ps := Verify(m)
	if len(ps) == 0 || ps[0].File != "deliberation.txt" || !strings.Contains(ps[0].Msg, "L. 1115-1") {
		t.Errorf("Verify = %v", ps)
	}
	// The charte keeps the built-in model: identical to the golden document.
	if a, b := Build(p, CharteJumelage, opt).PlainText(), Build(p, CharteJumelage, Options{Today: testToday}).PlainText(); a != b {
		t.Error("the charte changed with an adapted délibération")
	}
}

// TestBrokenAdaptedModel: a model with a template error is reported by Verify with its
// file and line, and the document falls back on the built-in model, saying so.
func TestBrokenAdaptedModel(t *testing.T) {
	cases := []struct{ src, want string }{
		{"{{template \"annexe\" .}}\ntitre: CHARTE\n{{if .Jumelage}}\n", "fin du fichier"},
		{"titre: CHARTE\n{{.Collectivite.Adresse}}\n", "« .Adresse » inconnu"},
		{"titre: CHARTE\nparagrafe: texte\n", "mot-clé « paragrafe » inconnu"},
		{"titre: CHARTE\nligne: a | b\n", "hors d'un tableau"},
		{"titre: CHARTE\nparagraphe: voir l'{{ref \"nulle-part\"}}\n", "nulle-part"},
		{"titre: CHARTE\n{{aCompleter}}{{aucune 1}}\n", "fonction « aucune » inconnue"},
	}
	p := samplePlans(t)["04-partenaire-etat"]
	for _, c := range cases {
		m, err := LoadModels(fstest.MapFS{"charte-amitie.txt": {Data: []byte(c.src)}}, "dossier")
		if err != nil {
			t.Fatal(err)
		}
		ps := Verify(m)
		if len(ps) == 0 || !strings.Contains(ps[0].String(), c.want) || ps[0].File != "charte-amitie.txt" {
			t.Errorf("%q: Verify = %v, want %q", c.src, ps, c.want)
		}
		d := Build(p, CharteAmitie, Options{Models: m})
		text := d.PlainText()
		if !strings.Contains(text, "Modèle adapté en erreur") || !strings.Contains(text, "CHARTE D'AMITIÉ") {
			t.Errorf("%q: no fallback on the built-in model:\n%s", c.src, text[:min(400, len(text))])
		}
	}
	if _, err := LoadModels(fstest.MapFS{"autre.txt": {Data: []byte("x")}}, "vide"); err == nil {
		t.Error("a folder without any model is accepted")
	}
}

// TestMarkupInjection: user text that looks like the markup — a new line with a
// keyword, cell separators, the reserved characters, template actions — stays text.
func TestMarkupInjection(t *testing.T) {
	base := samplePlans(t)["02-convention-eau-senegal"]
	hostile := base.Clone()
	evil := "Ndiassane\nvisa: Vu rien ; | article: x | \ue000faux\ue001 \ue006objet\ue007 {{.Objet}} signature: a | b"
	hostile.Partner.Name = evil
	hostile.Partner.History = evil
	hostile.Partner.Representative = evil
	hostile.Domain.Objectives = evil
	hostile.Actions[0].Title = "Forage | puits\ntotal: 0"
	for _, k := range []Kind{Deliberation, Convention} {
		a, b := Build(base, k, Options{Today: testToday}), Build(hostile, k, Options{Today: testToday})
		if len(a.Blocks) != len(b.Blocks) {
			t.Errorf("%s: %d blocks, want %d", k, len(b.Blocks), len(a.Blocks))
		}
		text := b.PlainText()
		if strings.ContainsAny(text, "\ue000\ue001\ue006\ue007") {
			t.Errorf("%s: reserved characters reached the document", k)
		}
		if !strings.Contains(text, "{{.Objet}} signature: a | b") {
			t.Errorf("%s: the user's text is not kept as typed", k)
		}
		for _, bl := range b.Blocks {
			if bl.Table != nil {
				for _, r := range bl.Table.Rows {
					if len(r.Cells) != len(bl.Table.Columns) && !r.Group {
						t.Errorf("%s: a row of %d cells for %d columns", k, len(r.Cells), len(bl.Table.Columns))
					}
				}
			}
		}
	}
}

// TestCrossReferences: an article added before « Engagements financiers » moves the
// references to it.
func TestCrossReferences(t *testing.T) {
	src := adapt(t, "convention.txt", "article-titre#programme: Domaines et programme d'actions",
		"article-titre: Définitions\nparagraphe: Les termes employés…\n\narticle-titre#programme: Domaines et programme d'actions")
	m, err := LoadModels(fstest.MapFS{"convention.txt": {Data: src}}, "d")
	if err != nil {
		t.Fatal(err)
	}
	p := samplePlans(t)["02-convention-eau-senegal"]
	before := Build(p, Convention, Options{}).PlainText()
	after := Build(p, Convention, Options{Models: m}).PlainText()
	if !strings.Contains(before, "(article 2) et le montant prévisionnel des engagements financiers (article 4)") {
		t.Fatalf("built-in references changed:\n%s", before)
	}
	if !strings.Contains(after, "(article 3) et le montant prévisionnel des engagements financiers (article 5)") ||
		!strings.Contains(after, "Article 5 – Engagements financiers") || !strings.Contains(after, "prévu à l'article 6") {
		t.Errorf("references not renumbered:\n%s", after)
	}
}

// TestGuideListsEveryFact: the guide written beside the exported models names every
// fact of the view and every function.
func TestGuideListsEveryFact(t *testing.T) {
	guide, ok := BuiltinModel(ModelGuide)
	if !ok {
		t.Fatal("no guide")
	}
	for name := range viewNames() {
		if !bytes.Contains(guide, []byte("."+name)) {
			t.Errorf("the guide does not name the fact .%s", name)
		}
	}
	for name := range modelFuncs {
		if !bytes.Contains(guide, []byte("{{"+name)) {
			t.Errorf("the guide does not show the function %s", name)
		}
	}
}
