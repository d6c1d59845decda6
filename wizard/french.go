package wizard

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"aect/wizard/internal/fold"
)

// Fold returns s lower-cased and without accents or ligatures, for searches that ignore
// case and accents: Fold("Évry") == Fold("evry"), Fold("Cœur") == "coeur".
func Fold(s string) string { return fold.Fold(s) }

// Matches reports whether every word of query appears in text, ignoring case and accents.
func Matches(text, query string) bool {
	ft := Fold(text)
	for _, w := range strings.Fields(Fold(query)) {
		if !strings.Contains(ft, w) {
			return false
		}
	}
	return true
}

// typeNoun is how each authority type is named inside a sentence, with its article.
var typeNoun = map[AuthorityType]struct{ article, noun, council string }{
	AuthCommune:                 {"la", "commune", "le conseil municipal"},
	AuthCommunauteCommunes:      {"la", "communauté de communes", "le conseil communautaire"},
	AuthCommunauteAgglomeration: {"la", "communauté d'agglomération", "le conseil communautaire"},
	AuthCommunauteUrbaine:       {"la", "communauté urbaine", "le conseil communautaire"},
	AuthMetropole:               {"la", "métropole", "le conseil de la métropole"},
	AuthSyndicatMixte:           {"le", "syndicat mixte", "le comité syndical"},
	AuthDepartement:             {"le", "département", "le conseil départemental"},
	AuthRegion:                  {"la", "région", "le conseil régional"},
	AuthSyndicatCommunes:        {"le", "syndicat de communes", "le comité syndical"},
}

// Elides reports whether "de" or "le" elides before a name: a vowel ("d'Annecy"), a y
// before a consonant ("d'Yvetot", but "de Yaoundé"), or an h before é or è
// ("d'Hérouville", "d'Hélène"); not before another h, often aspirated in names
// ("de Hazebrouck").
func Elides(name string) bool {
	f := Fold(name)
	if f == "" {
		return false
	}
	if strings.ContainsRune("aeiou", rune(f[0])) {
		return true
	}
	if f[0] == 'y' {
		return len(f) > 1 && !strings.ContainsRune("aeiouy", rune(f[1]))
	}
	r := []rune(name)
	return len(r) > 1 && unicode.ToLower(r[0]) == 'h' && (r[1] == 'é' || r[1] == 'è')
}

// De returns "de X" with the French elisions and contractions: "d'Annecy", "du Havre"
// (for "Le Havre"), "des Abymes" (for "Les Abymes"), "de La Rochelle".
func De(name string) string {
	switch {
	case strings.HasPrefix(name, "Le "):
		return "du " + name[3:]
	case strings.HasPrefix(name, "Les "):
		return "des " + name[4:]
	case Elides(name):
		return "d'" + name
	}
	return "de " + name
}

// Designation names the authority inside a sentence, with its article: "la commune de
// Belmont-sur-Guiers", "la communauté de communes du Val d'Arnon", "le département de
// l'Isère". A name that already starts with the type ("Communauté de communes du Val
// d'Arnon") is not repeated. An unknown type or an empty name gives "".
func (a *Authority) Designation() string {
	t, ok := typeNoun[a.Type]
	name := strings.TrimSpace(a.Name)
	if !ok {
		return name
	}
	if u, ok := a.unique(); ok {
		return "la collectivité territoriale de " + u
	}
	if a.Type == AuthDepartement {
		if dep, ok := LookupDepartement(a.Departement); ok && (name == "" || Fold(name) == Fold(dep.Name)) {
			return t.article + " " + t.noun + " " + dep.Of
		}
	}
	if name == "" {
		return ""
	}
	// A name that starts with the type, or with its head noun ("Syndicat intercommunal
	// des eaux…" for a syndicat mixte), is not given the type again.
	head, _, _ := strings.Cut(t.noun, " ")
	if f := Fold(name); strings.HasPrefix(f, Fold(t.noun)) || strings.HasPrefix(f, Fold(head)+" ") {
		return t.article + " " + LowerFirst(name)
	}
	switch a.Type {
	case AuthCommune:
		return t.article + " " + t.noun + " " + De(name)
	case AuthDepartement:
		return t.article + " " + t.noun + " " + De(name)
	}
	return t.article + " " + t.noun + " " + name
}

// DesignationOf is the designation after "de": "de la commune de …", "du syndicat mixte …".
func (a *Authority) DesignationOf() string { return DeArticle(a.Designation()) }

// AArticle puts "à" before a phrase that starts with its article: "le Maire" → "au
// Maire", "les pouvoirs" → "aux pouvoirs", "la Présidente" → "à la Présidente".
func AArticle(s string) string {
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, "le "):
		return "au " + s[3:]
	case strings.HasPrefix(s, "les "):
		return "aux " + s[4:]
	}
	return "à " + s
}

// DeArticle puts "de" before a phrase that starts with its article: "le conseil
// municipal" → "du conseil municipal", "les Abymes" → "des Abymes", "la commune" → "de la
// commune", "l'assemblée" → "de l'assemblée"; "" stays "".
func DeArticle(s string) string {
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, "le "):
		return "du " + s[3:]
	case strings.HasPrefix(s, "les "):
		return "des " + s[4:]
	}
	return "de " + s
}

// Unique returns "Martinique" or "Guyane" when the authority is one of the collectivités
// territoriales uniques that replaced a département and a région (CGCT L. 7111-1,
// L. 7211-1).
func (a *Authority) Unique() (string, bool) { return a.unique() }

// uniqueArticles are the articles that open the book of the code of a collectivité
// unique, cited for its assembly's frame: livre Ier of the septième partie for Guyane,
// livre II for Martinique.
func uniqueArticles(u string) string {
	if u == "Martinique" {
		return "L. 7211-1 et suivants"
	}
	return "L. 7111-1 et suivants"
}

// unique returns "Martinique" or "Guyane" when the authority is one of the collectivités
// territoriales uniques.
func (a *Authority) unique() (string, bool) {
	if a.Type != AuthDepartement && a.Type != AuthRegion {
		return "", false
	}
	switch a.Departement {
	case "972":
		return "Martinique", true
	case "973":
		return "Guyane", true
	}
	return "", false
}

// Council names the deliberating assembly with its article: "le conseil municipal",
// "le conseil communautaire", "le comité syndical", "l'Assemblée de Martinique"…
func (a *Authority) Council() string {
	if u, ok := a.unique(); ok {
		return "l'Assemblée de " + u
	}
	if t, ok := typeNoun[a.Type]; ok {
		return t.council
	}
	return "l'assemblée délibérante"
}

// EffectiveTitle returns the executive's title, defaulting to "maire" for a commune. A
// title that does not fit the authority's type (a maire at the head of an EPCI, after
// the type changed) counts as not given: the documents never mix them.
func (a *Authority) EffectiveTitle() ExecutiveTitle {
	t := a.ExecutiveTitle
	switch {
	case t == "" && a.Type == AuthCommune:
		return TitleMaire
	case t == "" || a.Type == "":
		return t
	case t.ForCommune() != (a.Type == AuthCommune):
		return ""
	}
	return t
}

// Executive names the executive with the right article and gender: "le Maire",
// "la Maire", "le Président", "la Présidente"; in Martinique « le président du conseil
// exécutif », in Guyane « la présidente de l'Assemblée de Guyane »; "" when the title is
// unknown.
func (a *Authority) Executive() string {
	t := a.EffectiveTitle()
	if u, ok := a.unique(); ok && (t == TitlePresident || t == TitlePresidente) {
		who := "le président"
		if t.Feminine() {
			who = "la présidente"
		}
		if u == "Martinique" {
			return who + " du conseil exécutif"
		}
		return who + " de l'Assemblée de Guyane"
	}
	switch t {
	case TitleMaire:
		return "le Maire"
	case TitleLaMaire:
		return "la Maire"
	case TitlePresident:
		return "le Président"
	case TitlePresidente:
		return "la Présidente"
	}
	return ""
}

// ExecutiveOfCouncil is the executive with its assembly, as a département's or a
// région's report is signed: « le Président du conseil départemental », « la présidente
// du conseil exécutif de Martinique ».
func (a *Authority) ExecutiveOfCouncil() string {
	e := a.Executive()
	switch {
	case e == "":
		return ""
	case a.Departement == "972" && strings.HasSuffix(e, "conseil exécutif"):
		return e + " de Martinique"
	case strings.Contains(e, "Assemblée"):
		return e
	}
	return e + " " + DeArticle(a.Council())
}

// ExecutiveOf is the executive after "de": "du Maire", "de la Présidente".
func (a *Authority) ExecutiveOf() string { return DeArticle(a.Executive()) }

// Capitalize upper-cases the first letter: "la commune" → "La commune".
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// LowerFirst lower-cases the first letter: "Commune de …" → "commune de …".
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// JoinFr joins items the French way: "a", "a et b", "a, b et c".
func JoinFr(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}

// CountOf writes a number of things in French, for a masculine noun: "aucun conseil",
// "1 conseil", "3 conseils".
func CountOf(n int, one, many string) string {
	switch n {
	case 0:
		return "aucun " + one
	case 1:
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// YearText is a year in plain text, or "année à préciser" for a missing one (0).
func YearText(y int) string {
	if y == 0 {
		return "année à préciser"
	}
	return strconv.Itoa(y)
}

// Locative is the country after the preposition of place: « au Maroc », « en Turquie »,
// « aux Philippines », « à Madagascar », « à la Barbade ». The rule — « en » before a
// vowel or a feminine name (ending in e), « au » otherwise — goes by the first word of a
// compound name, with the plural names, the islands and the exceptions listed here.
func (c Country) Locative() string {
	name := c.Name
	f := Fold(name)
	switch {
	case countryAux[c.Code] || strings.HasPrefix(f, "iles ") || strings.HasPrefix(f, "ile "):
		if strings.HasPrefix(f, "ile ") {
			return "à l'" + LowerFirst(name)
		}
		if strings.HasPrefix(f, "iles ") {
			return "aux " + LowerFirst(name)
		}
		return "aux " + name
	case countryA[c.Code]:
		return "à " + name
	case countryALa[c.Code]:
		return "à la " + name
	case countryAu[c.Code]:
		return "au " + name
	case countryEn[c.Code]:
		return "en " + name
	}
	first, _, _ := strings.Cut(f, " ")
	first, _, _ = strings.Cut(first, "-")
	if strings.ContainsRune("aeiouy", rune(first[0])) || strings.HasSuffix(first, "e") {
		return "en " + name
	}
	return "au " + name
}

// The exceptions of Locative, by ISO code.
var (
	countryAux = map[string]bool{"AE": true, "AS": true, "BS": true, "BM": true, "KM": true, "MV": true, "PH": true,
		"NL": true, "SC": true, "US": true, "FJ": true, "PS": true, "PW": true}
	countryA = map[string]bool{"CU": true, "MG": true, "MT": true, "CY": true, "SG": true, "MC": true, "MU": true,
		"BH": true, "DJ": true, "ST": true, "BL": true, "MF": true, "SM": true, "LC": true, "KN": true, "VC": true,
		"PM": true, "SH": true, "HK": true, "MO": true, "NR": true, "TV": true, "KI": true, "TO": true, "WS": true,
		"OM": true, "BN": true, "TT": true, "PR": true, "TW": true, "CW": true, "AW": true, "AI": true, "MS": true,
		"JE": true, "GG": true, "GI": true, "GU": true, "NU": true, "TK": true, "AG": true, "RE": true, "YT": true,
		"WF": true, "SX": true}
	countryALa = map[string]bool{"BB": true, "DM": true, "GD": true, "MQ": true}
	countryAu  = map[string]bool{"MX": true, "KH": true, "MZ": true, "ZW": true, "BZ": true, "SR": true, "CV": true, "GB": true, "IO": true}
	countryEn  = map[string]bool{"SL": true, "HT": true, "IL": true, "GP": true, "GF": true, "NC": true, "PF": true, "JM": true}
)

// Typography gives a text shown on a screen its French non-breaking spaces, so that
// wrapping never leaves a sign or a number alone at the start of a line: before « : » « ; »
// « ! » « ? » « » » « € » « % », after « « », between the groups of a number (« 3 500 »),
// and inside a legal reference (« CGCT L. 1115-1-1 », « art. L. 1115-5 », « n° 474652 »).
// Ordinary spaces there become U+00A0; other spaces, and those already non-breaking, are
// kept. (The documents have their own rules, applied when they are built.)
func Typography(s string) string {
	if !strings.ContainsAny(s, " ") {
		return s
	}
	r := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, c := range r {
		if c == ' ' && i > 0 && i+1 < len(r) && nonBreaking(r, i) {
			b.WriteString(NBSP)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// nonBreaking reports whether the space r[i] should not break (see Typography).
func nonBreaking(r []rune, i int) bool {
	prev, next := r[i-1], r[i+1]
	switch {
	case strings.ContainsRune(":;!?»", next), prev == '«':
		return true
	case next == '€' || next == '%':
		return true
	case unicode.IsDigit(prev) && groupOfThree(r[i+1:]):
		return true
	}
	before := strings.TrimLeft(string(r[max(0, lastSpace(r[:i])+1):i]), "([")
	if k := strings.LastIndexAny(before, "'’"); k >= 0 { // « l'article »
		_, w := utf8.DecodeRuneInString(before[k:])
		before = before[k+w:]
	}
	after := string(r[i+1 : i+1+nextSpace(r[i+1:])])
	switch before {
	case "CGCT", "CGCT,", "article", "articles", "art.", "L.", "R.", "D.", "n°":
		return after != "" && (unicode.IsDigit([]rune(after)[0]) || slices.Contains([]string{"L.", "R.", "D.", "art."}, after))
	}
	return false
}

// groupOfThree reports whether r starts with exactly three digits: the next group of a
// number written with spaces (« 000 » in « 23 000 € »).
func groupOfThree(r []rune) bool {
	if len(r) < 3 || !unicode.IsDigit(r[0]) || !unicode.IsDigit(r[1]) || !unicode.IsDigit(r[2]) {
		return false
	}
	return len(r) == 3 || !unicode.IsDigit(r[3])
}

// lastSpace is the index of the last space of r, or -1.
func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if unicode.IsSpace(r[i]) {
			return i
		}
	}
	return -1
}

// nextSpace is the index of the first space of r, or len(r).
func nextSpace(r []rune) int {
	for i, c := range r {
		if unicode.IsSpace(c) {
			return i
		}
	}
	return len(r)
}

// feminineEvents are the names of crises that are feminine, for EventOf.
var feminineEvents = []string{"tempête", "inondation", "crue", "crise", "guerre", "sécheresse", "famine",
	"épidémie", "pandémie", "catastrophe", "tornade", "avalanche", "explosion", "éruption", "canicule",
	"vague", "coulée", "tempete", "secheresse", "epidemie", "pandemie", "eruption"}

// EventOf puts « de » before the name of an event, with the article its gender and number
// call for: « séisme » gives « du séisme », « inondations » « des inondations »,
// « tempête Alex » « de la tempête Alex », « ouragan Irma » « de l'ouragan Irma »; a
// name typed with its article keeps it (« les crues » gives « des crues »).
func EventOf(event string) string {
	e := strings.TrimSpace(event)
	low := strings.ToLower(e)
	switch {
	case e == "":
		return ""
	case strings.HasPrefix(low, "le "), strings.HasPrefix(low, "les "):
		return DeArticle(strings.ToLower(e[:1]) + e[1:])
	case strings.HasPrefix(low, "la "), strings.HasPrefix(low, "l'"), strings.HasPrefix(low, "l’"):
		return "de " + strings.ToLower(e[:1]) + e[1:]
	}
	first, _, _ := strings.Cut(low, " ")
	switch {
	case strings.HasSuffix(first, "s") || strings.HasSuffix(first, "x"):
		return "des " + e
	case startsWithVowelSound(first):
		return "de l'" + e
	}
	for _, f := range feminineEvents {
		if first == f {
			return "de la " + e
		}
	}
	return "du " + e
}

// startsWithVowelSound reports whether a word takes the elided article (« l'ouragan »).
func startsWithVowelSound(w string) bool {
	r, _ := utf8.DecodeRuneInString(Fold(w))
	return strings.ContainsRune("aeiouyh", r)
}
