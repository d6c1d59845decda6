package document

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"aect/wizard"
	"aect/wizard/document/render"
)

func TestKinds(t *testing.T) {
	plans := samplePlans(t)
	want := map[string][]Kind{
		"01-jumelage-allemagne":     {Deliberation, CharteJumelage, NextSteps},
		"02-convention-eau-senegal": {Deliberation, Convention, DeclarationAPD, NextSteps},
		"03-don-faceco":             {Deliberation, DeclarationAPD, NextSteps},
		"04-partenaire-etat":        {Deliberation, CharteAmitie, DeclarationAPD, NextSteps},
		"05-plan-desequilibre":      {Deliberation, Convention, DeclarationAPD, NextSteps},
	}
	for name, w := range want {
		if got := Kinds(plans[name]); !reflect.DeepEqual(got, w) {
			t.Errorf("%s: Kinds = %v, want %v", name, got, w)
		}
	}
	promo := &wizard.Plan{Form: wizard.FormPromotion}
	if got := Kinds(promo); !reflect.DeepEqual(got, []Kind{Deliberation, NextSteps}) {
		t.Errorf("promotion without money: %v", got)
	}
	promo.Actions = []wizard.Action{{Title: "Festival", Year: 2027, Cost: wizard.Euros(5000)}}
	if got := Kinds(promo); !reflect.DeepEqual(got, []Kind{Deliberation, Convention, NextSteps}) {
		t.Errorf("promotion with money: %v", got)
	}
	if got := Kinds(nil); !reflect.DeepEqual(got, []Kind{Deliberation, NextSteps}) {
		t.Errorf("nil plan: %v", got)
	}
}

func TestKindTitleAndFileName(t *testing.T) {
	titles := map[Kind]string{Deliberation: "Délibération", Convention: "Convention",
		CharteJumelage: "Charte de jumelage", CharteAmitie: "Charte d'amitié", NextSteps: "Prochaines étapes",
		DeclarationAPD: "Fiche de déclaration APD"}
	for k, w := range titles {
		if k.Title() != w {
			t.Errorf("%s.Title() = %q, want %q", k, k.Title(), w)
		}
	}
	if got := FileName(Deliberation, render.ODT); got != "deliberation.odt" {
		t.Errorf("FileName = %q", got)
	}
	if got := FileName(NextSteps, render.Markdown); got != "prochaines-etapes.md" {
		t.Errorf("FileName = %q", got)
	}
}

func TestNumberWords(t *testing.T) {
	for n, want := range map[int]string{1: "un", 16: "seize", 17: "dix-sept", 20: "vingt", 21: "vingt et un",
		22: "vingt-deux", 31: "trente et un", 61: "soixante et un", 70: "soixante-dix", 71: "soixante et onze",
		77: "soixante-dix-sept", 80: "quatre-vingts", 81: "quatre-vingt-un", 91: "quatre-vingt-onze",
		99: "quatre-vingt-dix-neuf"} {
		if got := numberWords(n); got != want {
			t.Errorf("numberWords(%d) = %q, want %q", n, got, want)
		}
	}
	if got := sessionOpening(wizard.NewDate(2026, time.December, 15)); got != "L'an deux mille vingt-six, le quinze décembre" {
		t.Errorf("sessionOpening = %q", got)
	}
	if got := sessionOpening(wizard.NewDate(2031, time.March, 1)); got != "L'an deux mille trente et un, le premier mars" {
		t.Errorf("sessionOpening = %q", got)
	}
	if got := sessionOpening(wizard.Date{}); got != "" {
		t.Errorf("sessionOpening(zero) = %q", got)
	}
}

func TestTypo(t *testing.T) {
	for in, want := range map[string]string{
		"Objet : x ; y":              "Objet\u00a0: x\u00a0; y",
		"« x »":                      "«\u00a0x\u00a0»",
		"«x»":                        "«\u00a0x\u00a0»",
		"12 €, 10 %, 5€":             "12\u00a0€, 10\u00a0%, 5\u00a0€",
		"au-delà de 23 000 € par an": "au-delà de 23\u00a0000\u00a0€ par an",
		"http://x.fr 10:30":          "http://x.fr 10:30",
		"en 2027 2028":               "en 2027 2028",
	} {
		if got := typo(in); got != want {
			t.Errorf("typo(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"  a \n\t b  ":                  "a b",
		"\x1b[31mRouge\x1b[0m":          "Rouge",
		"a\x00b\x07c":                   "abc",
		"x\x1b]0;titre\x07y":            "xy",
		"\xff":                          "\ufffd",
		"a\u202eb\u2028c":               "ab c",
		"déjà propre":                   "déjà propre",
		"12\u00a0000 €":                 "12\u00a0000 €",
		"\u0085début\u009b31mfin\ufeff": "débutfin",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// render renders a document in a format.
func rendered(t *testing.T, p *wizard.Plan, k Kind, f render.Format) string {
	t.Helper()
	var b bytes.Buffer
	if err := render.Render(&b, Build(p, k, Options{Today: testToday}), f); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// flat is the text of a document with non-breaking spaces as spaces, for searches.
func flat(s string) string {
	return normalise(strings.ReplaceAll(s, "\u00a0", " "))
}

func TestSampleContent(t *testing.T) {
	plans := samplePlans(t)
	type check struct {
		kind    Kind
		has     []string
		hasNot  []string
		comment string
	}
	checks := map[string][]check{
		"01-jumelage-allemagne": {
			{Deliberation, []string{"la commune de Belmont-sur-Guiers", "Vu l'article L. 2121-29 du même code",
				"Pour : 17", "Abstentions : 1", "à l'unanimité des suffrages exprimés", "29 000,00 €",
				"☐ affichage ☐ publication sur papier ☐ publication sous forme électronique",
				"Autorise la Maire à signer la charte de jumelage", "Comité de jumelage de Belmont-sur-Guiers"}, nil, ""},
			{CharteJumelage, []string{"CHARTE DE JUMELAGE", "Première cérémonie", "Seconde cérémonie",
				"Thomas Keller, Bürgermeister", "construction européenne"}, []string{"€"}, "a charte has no amount"},
			{NextSteps, []string{"RESACOOP", "BARSACQ", "AFCCRE", "anime notamment le mouvement des jumelages européens en France",
				"Contacts du mémento AMF, octobre 2020", "CERV", "au moins 50 participants", "10 février 2027",
				"Après la séance, dès le 11 février 2027", "Confirmé : le partenaire relève d'un État reconnu par la France",
				"L. 2121-25", "3 jours francs au moins avant la séance"}, []string{"Démarches simplifiées"}, "Germany is not APD-eligible"},
		},
		"02-convention-eau-senegal": {
			{Deliberation, []string{"L. 1115-1-1", "loi Oudin-Santini", "80 000,00 €", "le Président",
				"Autorise le Président", "à la majorité des suffrages exprimés", "Publié sous forme électronique",
				"Vu l'article L. 5211-1 du même code et les statuts de la communauté de communes du Val d'Arnon ;",
				"devant le tribunal administratif d'Orléans", "Télérecours citoyens",
				"aux budgets des exercices 2027 à 2029", "à confirmer avec le comptable public",
				"dès sa transmission au représentant de l'État"}, nil, ""},
			{Convention, []string{"Article 1er – Objet", "Article 2 – Domaines et programme d'actions",
				"Article 4 – Engagements financiers", "Article 12 – Langues faisant foi", "80 000,00 €",
				"40 000,00 € en 2027, 30 000,00 € en 2028 et 10 000,00 € en 2029",
				"à compter de sa transmission au représentant de l'État", "dûment habilité par délibération",
				"[à compléter : textes du droit du pays partenaire", "Sous-total", "Cofinancements sollicités",
				"en français et en wolof"}, nil, ""},
			{NextSteps, []string{"CENTRAIDER", "PIERRET", "du 15 avril au 31 mai 2028", "De mars à mai 2027 (règles 2025, à vérifier)", "un pays parmi les moins avancés (PMA)",
				"plafond : 18 000,00 € par exercice"}, nil, ""},
		},
		"03-don-faceco": {
			{Deliberation, []string{"FACECO", "Attribue une contribution exceptionnelle de 2 000,00 €",
				"Centre de crise et de soutien", "au budget de l'exercice 2026", "sont inscrits"}, []string{"convention de coopération"}, ""},
			{NextSteps, []string{"Centre de crise et de soutien (CDCS)", "Aucune convention n'est nécessaire",
				"du 15 avril au 31 mai 2027", "ABCIS Bretagne", "BOUCHEZ"}, nil, ""},
		},
		"04-partenaire-etat": {
			{Deliberation, []string{"PROJET NON CONFORME", "L. 1115-5", "[à compléter : date de la séance]",
				"Votants : [à compléter : nombre de votants]", "Pour : [à compléter : voix pour]", "Publié sous forme électronique",
				"sous la présidence de la Maire, Hélène Cormier", "Prend acte que les actions envisagées (montant prévisionnel de 12 000,00 €",
				"soumise à une délibération ultérieure"},
				[]string{"Fixe le montant", "crédits correspondants", "à solliciter les cofinancements"},
				"a charte d'amitié commits no money: the money needs a convention and a later délibération"},
			{CharteAmitie, []string{"PROJET NON CONFORME", "CHARTE D'AMITIÉ", "ne crée ni obligation juridique ni engagement financier"},
				[]string{"€"}, "a charte has no amount"},
			{NextSteps, []string{"Bloquant", "Confirmer que le partenaire relève d'un État reconnu", "ALCID"}, nil, ""},
		},
		"05-plan-desequilibre": {
			{Deliberation, []string{"PROJET NON CONFORME", "1 % déchets", "66,7 %", "il manque 5 000,00 €"}, nil, ""},
			{Convention, []string{"PROJET NON CONFORME", "[à compléter : plan de financement à équilibrer",
				"Article 4 – Engagements financiers", "60 000,00 €", "L. 1115-2"}, nil, ""},
		},
	}
	for name, cs := range checks {
		for _, c := range cs {
			for _, f := range []render.Format{render.Text, render.Markdown} {
				got := flat(rendered(t, plans[name], c.kind, f))
				if f == render.Markdown {
					got = strings.ReplaceAll(got, "\\", "")
					got = strings.ReplaceAll(got, "**", "")
				}
				for _, s := range c.has {
					if !strings.Contains(got, s) {
						t.Errorf("%s %s.%s: missing %q", name, c.kind, f, s)
					}
				}
				for _, s := range c.hasNot {
					if strings.Contains(got, s) {
						t.Errorf("%s %s.%s: unexpected %q (%s)", name, c.kind, f, s, c.comment)
					}
				}
			}
		}
	}
}

// TestLegalCitations checks, in every document of every sample and every format, the
// citations DOMAIN.md forbids or requires, and the French typography.
func TestLegalCitations(t *testing.T) {
	for name, p := range samplePlans(t) {
		for _, k := range AllKinds {
			for _, f := range []render.Format{render.Text, render.Markdown} {
				raw := rendered(t, p, k, f)
				got := flat(raw)
				for _, bad := range []string{"L.115-1", "L. 115-1", "L.1115-7", "L. 1115-7", "L.1115-1"} {
					if strings.Contains(got, bad) {
						t.Errorf("%s %s.%s cites %q", name, k, f, bad)
					}
				}
				if k == Deliberation && !strings.Contains(got, "Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1 et suivants") {
					t.Errorf("%s %s.%s: the CGCT visa is missing", name, k, f)
				}
				for _, s := range []string{" :", " ;", " €", " %", " »", "« "} {
					if strings.Contains(raw, s) {
						i := strings.Index(raw, s)
						t.Errorf("%s %s.%s: normal space in %q: …%s…", name, k, f, s, raw[max(0, i-30):min(len(raw), i+10)])
					}
				}
				if strings.Contains(raw, "[à compléter :") || strings.Contains(raw, "[à confirmer :") {
					t.Errorf("%s %s.%s: a placeholder without its non-breaking space", name, k, f)
				}
			}
		}
	}
}

func TestEmptyPlan(t *testing.T) {
	for _, p := range []*wizard.Plan{nil, {}} {
		for _, k := range AllKinds {
			d := Build(p, k, Options{})
			for _, f := range render.AllFormats {
				var b bytes.Buffer
				if err := render.Render(&b, d, f); err != nil {
					t.Fatalf("%s %s: %v", k, f, err)
				}
			}
			if k == Deliberation {
				got := flat(d.PlainText())
				for _, s := range []string{"[à compléter : nom de la collectivité]", "[à compléter : date de la séance]",
					"[à compléter : nom du partenaire]"} {
					if !strings.Contains(got, s) {
						t.Errorf("empty plan: %q missing", s)
					}
				}
			}
		}
	}
	if err := render.Render(&bytes.Buffer{}, Build(nil, Deliberation, Options{}), render.Format("rtf")); err == nil {
		t.Error("Render accepted an unknown format")
	}
}

func TestVoteAndExecutive(t *testing.T) {
	p := samplePlans(t)["02-convention-eau-senegal"]
	p.Authority.ExecutiveTitle = wizard.TitlePresidente
	p.Session.VotesAgainst = wizard.Int(0)
	p.Session.Abstentions = wizard.Int(0)
	got := flat(rendered(t, p, Deliberation, render.Text))
	for _, s := range []string{"Autorise la Présidente", "La Présidente,", "à l'unanimité des suffrages exprimés"} {
		if !strings.Contains(got, s) {
			t.Errorf("missing %q", s)
		}
	}
	if conv := flat(rendered(t, p, Convention, render.Text)); !strings.Contains(conv, "représentée par sa Présidente, Jean-Marc Perrin, dûment habilitée") {
		t.Error("the convention does not agree with la Présidente")
	}
	p.Session.VotesFor, p.Session.VotesAgainst, p.Session.Abstentions = nil, nil, nil
	got = flat(rendered(t, p, Deliberation, render.Text))
	for _, s := range []string{"Pour : [à compléter : voix pour]", "Contre : [à compléter : voix contre]", "Abstentions : [à compléter : abstentions]", "[à compléter : adoptée à l'unanimité ou à la majorité des suffrages exprimés]"} {
		if !strings.Contains(got, s) {
			t.Errorf("blank vote: missing %q", s)
		}
	}
}

func TestPackages(t *testing.T) {
	p := samplePlans(t)["02-convention-eau-senegal"]
	d := Build(p, Deliberation, Options{Today: testToday})
	names := func(f render.Format) []string {
		var b bytes.Buffer
		if err := render.Render(&b, d, f); err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		if err := render.Render(&again, d, f); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), again.Bytes()) {
			t.Errorf("%s: two renderings differ", f)
		}
		zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range zr.File {
			out = append(out, f.Name)
		}
		return out
	}
	if got := names(render.ODT); !reflect.DeepEqual(got, []string{"mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"}) {
		t.Errorf("ODT entries = %v", got)
	}
	got := names(render.DOCX)
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("DOCX lacks %s (entries %v)", want, got)
		}
	}
	content, err := render.ODTContent(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`text:style-name="Aect_Placeholder"`, `text:style-name="Aect_Vote"`, `text:style-name="Aect_Title"`} {
		if !bytes.Contains(content, []byte(s)) {
			t.Errorf("content.xml lacks %s", s)
		}
	}
	doc, err := render.DOCXDocument(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(doc, []byte(`<w:highlight w:val="yellow"/>`)) {
		t.Error("document.xml does not highlight the placeholders")
	}
}

// TestKeepWithNext checks that « Considérant le programme d'actions envisagé : » of a
// délibération is in the paragraph style that keeps with the next one, in ODT and DOCX
// (render's TestKeepWithNext checks the styles).
func TestKeepWithNext(t *testing.T) {
	d := Build(samplePlans(t)["01-jumelage-allemagne"], Deliberation, Options{Today: testToday})
	content, err := render.ODTContent(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(content, []byte(`<text:p text:style-name="Aect_BodyLead">Considérant le programme d&apos;actions envisagé`+nbsp+`:</text:p>`)) {
		t.Error("content.xml: « Considérant le programme d'actions envisagé : » is not in the style kept with the next paragraph")
	}
	doc, err := render.DOCXDocument(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(doc, []byte(`<w:pStyle w:val="AectBodyLead"/></w:pPr><w:r><w:t xml:space="preserve">Considérant le programme d&apos;actions envisagé`+nbsp+`:`)) {
		t.Error("document.xml: « Considérant le programme d'actions envisagé : » is not in the style kept with the next paragraph")
	}
}

// TestDepartementHeader checks that a département is named once in the header of its
// délibération.
func TestDepartementHeader(t *testing.T) {
	p := samplePlans(t)["02-convention-eau-senegal"]
	p.Authority.Type = wizard.AuthDepartement
	p.Authority.Name = "Cher"
	p.Authority.ExecutiveTitle = wizard.TitlePresident
	got := flat(rendered(t, p, Deliberation, render.Text))
	if n := strings.Count(got, "Département du Cher"); n != 1 {
		t.Errorf("the header names the département %d times:\n%s", n, got[:min(len(got), 600)])
	}
}

// TestPublicationUnknown checks that the délibération and the next steps agree on the
// publication mode, and show a placeholder when the population or the type is unknown.
func TestPublicationUnknown(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(a *wizard.Authority)
		delib string
		steps string
	}{
		{"population inconnue", func(a *wizard.Authority) { a.Population = 0 }, "Publié le [à compléter : date] [à compléter : mode de publication", "Publier la délibération [à compléter : mode de publication"},
		{"type inconnu", func(a *wizard.Authority) { a.Type = "" }, "Publié le [à compléter : date] [à compléter : mode de publication", "Publier la délibération [à compléter : mode de publication"},
		{"petite commune", func(a *wizard.Authority) { a.Population = 800 }, "selon le mode choisi par le conseil municipal (à cocher)", "Publier la délibération selon le mode choisi par le conseil municipal"},
		{"grande commune", func(a *wizard.Authority) { a.Population = 8000 }, "Publié sous forme électronique le", "Publier la délibération sous forme électronique"},
	} {
		for _, withDate := range []bool{true, false} {
			p := samplePlans(t)["01-jumelage-allemagne"]
			tc.edit(&p.Authority)
			if !withDate {
				p.Session.Date = wizard.Date{}
			}
			delib, steps := flat(rendered(t, p, Deliberation, render.Text)), flat(rendered(t, p, NextSteps, render.Text))
			if !strings.Contains(delib, tc.delib) {
				t.Errorf("%s: the délibération lacks %q", tc.name, tc.delib)
			}
			if !strings.Contains(steps, tc.steps) {
				t.Errorf("%s (date %v): the next steps lack %q", tc.name, withDate, tc.steps)
			}
		}
	}
}

// TestPartnerNames checks how the partner's name is written: a common noun lower-cased
// inside a sentence and kept as typed in titles and signatures, the country added once.
func TestPartnerNames(t *testing.T) {
	p := samplePlans(t)["02-convention-eau-senegal"]
	delib := flat(rendered(t, p, Deliberation, render.Text))
	conv := flat(rendered(t, p, Convention, render.Text))
	for _, s := range []string{"avec la commune de Ndiassane-Ouest (Sénégal)", "et la commune de Ndiassane-Ouest (Sénégal), autorité locale étrangère"} {
		if !strings.Contains(delib, s) {
			t.Errorf("délibération: missing %q", s)
		}
	}
	for _, s := range []string{"La commune de Ndiassane-Ouest (Sénégal), autorité locale étrangère", "Pour la Commune de Ndiassane-Ouest,", "Commune de Ndiassane-Ouest (Sénégal)"} {
		if !strings.Contains(conv, s) {
			t.Errorf("convention: missing %q", s)
		}
	}
	if strings.Contains(delib, "la Commune de") {
		t.Error("délibération: the common noun is capitalised inside a sentence")
	}
	for name, want := range map[string]string{
		"Ministère des Enseignements primaire et secondaire du Bénin": "le ministère des Enseignements primaire et secondaire du Bénin –",
		"Fonds Solidarité (FSB)":        "le Fonds Solidarité (FSB, Bénin) –",
		"Ville de Porto-Novo":           "la ville de Porto-Novo (Bénin) –",
		"Association des amis du bénin": "l'Association des amis du bénin –",
	} {
		p := samplePlans(t)["04-partenaire-etat"]
		p.Partner.Name = name
		got := flat(rendered(t, p, Deliberation, render.Text))
		if !strings.Contains(got, want) {
			t.Errorf("%s: missing %q", name, want)
		}
	}
	if got := aName("Le Havre"); got != "au Havre" {
		t.Errorf("aName(Le Havre) = %q", got)
	}
	if got := deName("Yaoundé Ier"); got != wizard.De("Yaoundé Ier") {
		t.Errorf("deName does not follow wizard.De: %q", got)
	}
}

// TestPartnerAgreement checks that "représenté" agrees with the partner's name when its
// first word tells the gender, and keeps "(e)" otherwise.
func TestPartnerAgreement(t *testing.T) {
	for name, want := range map[string]string{
		"Commune de Ndiassane-Ouest":   "représentée par Aminata Diallo",
		"Comité de quartier de Ndiaye": "représenté par Aminata Diallo",
		"Association Ndiaye Solidaire": "représentée par Aminata Diallo",
		"Office de l'eau de Ndiaye":    "représenté par Aminata Diallo",
		"Ndiassane-Ouest":              "représenté(e) par Aminata Diallo",
	} {
		p := samplePlans(t)["02-convention-eau-senegal"]
		p.Partner.Name = name
		if got := flat(rendered(t, p, Convention, render.Text)); !strings.Contains(got, want) {
			t.Errorf("%s: missing %q", name, want)
		}
	}
}

func TestSourceLabel(t *testing.T) {
	for labels, want := range map[string]string{
		"Loi Oudin-Santini – budget eau": "1 % eau (loi Oudin-Santini) – budget eau",
		"loi oudin santini - budget eau": "1 % eau (loi Oudin-Santini) – budget eau",
		"1 % eau":                        "1 % eau (loi Oudin-Santini)",
		"Syndicat des eaux":              "1 % eau (loi Oudin-Santini) – Syndicat des eaux",
	} {
		st := sourceTotal{source: wizard.SourceEau, labels: []string{labels}}
		if got := sourceLabel(st); got != want {
			t.Errorf("sourceLabel(%q) = %q, want %q", labels, got, want)
		}
	}
}
