package document

import (
	"regexp"
	"strings"
	"testing"

	"aect/wizard"
)

// slipNames are names as users type them, with and without the type in front, so that
// the designations never double it (« le conseil de la métropole de la métropole »,
// « syndicat mixte Syndicat … »).
var slipNames = map[wizard.AuthorityType][]string{
	wizard.AuthCommune:                 {"Belmont-sur-Guiers", "Le Havre"},
	wizard.AuthCommunauteCommunes:      {"Communauté de communes du Val d'Arnon", "Val d'Arnon"},
	wizard.AuthCommunauteAgglomeration: {"Communauté d'agglomération du Grand Dole", "Grand Dole"},
	wizard.AuthCommunauteUrbaine:       {"Communauté urbaine d'Arras", "Arras"},
	wizard.AuthMetropole:               {"Métropole de Lyon", "Grenoble-Alpes Métropole"},
	wizard.AuthSyndicatMixte:           {"Syndicat des eaux du Vercors", "Syndicat mixte du Vercors", "SIVOM du Vercors"},
	wizard.AuthDepartement:             {"Isère", ""},
	wizard.AuthRegion:                  {"Auvergne-Rhône-Alpes"},
	wizard.AuthSyndicatCommunes:        {"SIVOM du Vercors", "Syndicat intercommunal des écoles du Trièves"},
}

// capitalAfterPar finds « par Le Président ».
var capitalAfterPar = regexp.MustCompile(`\bpar (Le|La|Les|L')[ \pL]`)

// doubled returns a run of one to four words said twice in a row (« de la métropole de
// la métropole », « syndicat mixte syndicat mixte »), ignoring case and accents, or "".
// Punctuation separates runs: « électronique ; électronique » is no slip.
func doubled(text string) string {
	var words []string
	word := []rune{}
	flush := func() {
		if len(word) > 0 {
			words = append(words, string(word))
			word = word[:0]
		}
	}
	for _, r := range wizard.Fold(text) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			word = append(word, r)
		case r == ' ' || r == '\u00a0' || r == '\u202f':
			flush()
		default:
			flush()
			words = append(words, string(r))
		}
	}
	flush()
	for n := 1; n <= 4; n++ {
		for i := 0; i+2*n <= len(words); i++ {
			same, long := true, false
			for j := 0; j < n; j++ {
				same = same && words[i+j] == words[i+n+j]
				long = long || len(words[i+j]) >= 3
			}
			if same && long {
				return strings.Join(words[i:i+2*n], " ")
			}
		}
	}
	return ""
}

// TestNoDraftingSlips renders every document for every authority type × executive
// title × form (and the names users type) and looks for the slips a public-law review
// found: doubled words, « (e) » where the gender is known, a capital article after
// « par », and a placeholder in a visa whose answer is known.
func TestNoDraftingSlips(t *testing.T) {
	base := samplePlans(t)["02-convention-eau-senegal"]
	titles := append([]wizard.ExecutiveTitle{""}, func() (out []wizard.ExecutiveTitle) {
		for _, c := range wizard.ExecutiveTitles.Choices {
			out = append(out, c.Code)
		}
		return out
	}()...)
	forms := []wizard.Form{""}
	for _, c := range wizard.Forms.Choices {
		forms = append(forms, c.Code)
	}
	opt := Options{Today: testToday}
	checked := 0
	for _, ch := range wizard.AuthorityTypes.Choices {
		typ := ch.Code
		for _, name := range slipNames[typ] {
			for _, title := range titles {
				for _, form := range forms {
					p := base.Clone()
					p.Authority.Type, p.Authority.Name, p.Authority.ExecutiveTitle = typ, name, title
					p.Authority.SyndicatKind = wizard.SyndicatFerme
					p.Partner.Representative = "Le Maire de Ndiassane-Ouest, Mamadou Diallo"
					p.Form = form
					knownGender := p.Authority.EffectiveTitle() != ""
					for _, k := range Kinds(p) {
						plain := Build(p, k, opt).PlainText()
						text := strings.Join(strings.Fields(plain), " ")
						where := func() string {
							return string(typ) + "/" + name + "/" + string(title) + "/" + string(form) + "/" + string(k)
						}
						for _, line := range strings.Split(plain, "\n") {
							if m := doubled(line); m != "" {
								t.Errorf("%s: doubled words %q in %q", where(), m, line)
							}
						}
						if m := capitalAfterPar.FindString(text); m != "" {
							t.Errorf("%s: capital article after « par »: %q", where(), m)
						}
						if knownGender {
							partner := strings.NewReplacer("habilité(e) à cet effet", "", "représenté(e)", "").Replace(text)
							if strings.Contains(partner, "(e)") {
								i := strings.Index(partner, "(e)")
								t.Errorf("%s: « (e) » with a known gender: …%s…", where(), partner[max(0, i-60):i+3])
							}
						}
						for _, line := range strings.Split(Build(p, k, opt).PlainText(), "\n") {
							if strings.HasPrefix(line, "Vu ") && (strings.Contains(line, "[à confirmer") || strings.Contains(line, "[à compléter : article")) {
								t.Errorf("%s: a placeholder in a visa whose answer is known: %q", where(), line)
							}
						}
						checked++
					}
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d documents checked", checked)
	}
}

// TestCollectivitesUniques: in Martinique the Assemblée's président presides and signs
// the délibération, not the président du conseil exécutif; Guyane and Martinique cite
// their own book of the code and read as « la collectivité territoriale ».
func TestCollectivitesUniques(t *testing.T) {
	for _, c := range []struct {
		dep, articles string
		want, not     []string
	}{
		{"972", "L. 7211-1 et suivants",
			[]string{"sous la présidence de [à compléter : le président ou la présidente de l'Assemblée de Martinique]",
				"l'Assemblée de Martinique, dûment convoquée", "s'est réunie", "Vu le budget de la collectivité territoriale",
				"[à compléter : Le président ou La présidente] de l'Assemblée de Martinique,"},
			[]string{"sous la présidence du président du conseil exécutif", "Vu le budget de la région", "l'article L. 4221-1"}},
		{"973", "L. 7111-1 et suivants",
			[]string{"l'Assemblée de Guyane, dûment convoquée", "Vu le budget de la collectivité territoriale"},
			[]string{"Vu le budget de la région", "l'article L. 4221-1", "L. 4141-1"}},
	} {
		p := testPlans(t)["12-outre-mer-exception"].Clone()
		p.Authority.Type, p.Authority.Departement, p.Authority.ExecutiveTitle = wizard.AuthRegion, c.dep, wizard.TitlePresident
		d := text(p, Deliberation)
		for _, w := range append(c.want, "Vu les articles "+c.articles+" du même code") {
			if !strings.Contains(d, w) {
				t.Errorf("%s: « %s » absent:\n%s", c.dep, w, d)
			}
		}
		for _, w := range c.not {
			if strings.Contains(d, w) {
				t.Errorf("%s: « %s » present", c.dep, w)
			}
		}
	}
}
