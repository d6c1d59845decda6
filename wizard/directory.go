package wizard

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"aect/wizard/directory"
)

// The directory of collectivités (package directory) knows every commune and every EPCI
// à fiscalité propre of one millésime. A plan names its authority there by a commune's
// INSEE code (authority.insee) or by a SIREN (authority.siren). The directory is data,
// not I/O: the caller passes the one in use (compiled in, or imported by the user).

// ParseINSEE reads a commune's INSEE code: five characters, digits, or 2A / 2B and three
// digits for Corse ("2a004" reads "2A004"). It returns the code.
func ParseINSEE(s string) (string, error) {
	c := strings.ToUpper(compactCode(s))
	ok := len(c) == 5
	for i, r := range c {
		if !ok {
			break
		}
		ok = r >= '0' && r <= '9' || (i == 1 && c[0] == '2' && (r == 'A' || r == 'B'))
	}
	switch {
	case !ok:
		return "", Errorf("code INSEE « %s » : attendu 5 caractères, des chiffres (2A ou 2B en tête pour la Corse), par exemple 24396", strings.TrimSpace(s))
	case strings.HasPrefix(c, "20"):
		return "", Errorf("code INSEE « %s » : les communes de Corse commencent par 2A ou 2B", strings.TrimSpace(s))
	}
	return c, nil
}

// compactCode removes the spaces and dots of a typed code: "212 403 968".
func compactCode(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '.' {
			return -1
		}
		return r
	}, s)
}

// DirectoryEntry finds the plan's authority in the directory: the commune of its INSEE
// code, else the commune or EPCI of its SIREN.
func DirectoryEntry(p *Plan, d *directory.Directory) (directory.Result, bool) {
	if d == nil {
		return directory.Result{}, false
	}
	a := &p.Authority
	if a.INSEE != "" {
		c, ok := d.Commune(a.INSEE)
		return directory.Result{Commune: c}, ok
	}
	if a.SIREN != "" {
		return d.BySIREN(a.SIREN)
	}
	return directory.Result{}, false
}

// Directorial reports whether the plan names its authority by a code the directory may
// know (an INSEE code or a SIREN): only then is the directory worth loading.
func (p *Plan) Directorial() bool { return p.Authority.INSEE != "" || p.Authority.SIREN != "" }

// EPCIName is an EPCI's name as a délibération writes it: the DGCL's abbreviations
// spelt out, « CC Vallée de la Dordogne » → « Communauté de communes Vallée de la
// Dordogne ».
func EPCIName(e *directory.EPCI) string {
	for _, x := range []struct{ short, long string }{
		{"CC ", "Communauté de communes "}, {"CA ", "Communauté d'agglomération "}, {"CU ", "Communauté urbaine "},
	} {
		if rest, ok := strings.CutPrefix(e.Name, x.short); ok {
			return x.long + rest
		}
	}
	return e.Name
}

// DirectoryPopulation is the population of a directory entry the plan takes: the
// population municipale, which the rules on the council's functioning read (CGCT; the
// 3 500 threshold of the convocation), else the totale; 0 when the directory has none.
func DirectoryPopulation(r directory.Result) int {
	m, t := Populations(r)
	switch {
	case m != directory.PopulationUnknown:
		return m
	case t != directory.PopulationUnknown:
		return t
	}
	return 0
}

// Populations are the population municipale and totale of a directory entry, either
// directory.PopulationUnknown when the directory does not give it.
func Populations(r directory.Result) (municipale, totale int) {
	switch {
	case r.Commune != nil:
		return r.Commune.PopulationMunicipale, r.Commune.PopulationTotale
	case r.EPCI != nil:
		return r.EPCI.PopulationMunicipale, r.EPCI.PopulationTotale
	}
	return directory.PopulationUnknown, directory.PopulationUnknown
}

// directoryAnswers are the answers the directory gives for an entry; departement is ""
// when it gives none the plan can take (an EPCI over several départements, a commune of
// an overseas collectivité the plan does not list).
type directoryAnswers struct {
	typ         AuthorityType
	name        string
	insee       string
	siren       string
	departement string
	population  int
}

func answersOf(r directory.Result, current string) directoryAnswers {
	var out directoryAnswers
	switch {
	case r.Commune != nil:
		c := r.Commune
		out = directoryAnswers{typ: AuthCommune, name: c.Name, insee: c.INSEE, siren: c.SIREN}
		if _, ok := LookupDepartement(c.Departement); ok {
			out.departement = c.Departement
		}
	case r.EPCI != nil:
		e := r.EPCI
		out = directoryAnswers{typ: AuthorityType(e.AuthorityType()), name: EPCIName(e), siren: e.SIREN}
		switch {
		case len(e.Departements) == 1:
			out.departement = e.Departements[0]
		case contains(e.Departements, current):
			out.departement = current
		}
		if _, ok := LookupDepartement(out.departement); !ok {
			out.departement = ""
		}
	}
	out.population = DirectoryPopulation(r)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ApplyDirectory gives the plan the answers of the entry the user chose in the
// directory: type, name, INSEE code (a commune's), SIREN, département and population
// replace those given, since the user picked this collectivité; a SIRET of another
// SIREN is left for the user to correct (it is marked « à revoir »). It returns the
// answers changed.
func ApplyDirectory(p *Plan, r directory.Result) []FieldID {
	if r.Commune == nil && r.EPCI == nil {
		return nil
	}
	a := &p.Authority
	v := answersOf(r, a.Departement)
	var changed []FieldID
	set := func(id FieldID, at *string, val string) {
		if *at != val {
			*at = val
			changed = append(changed, id)
		}
	}
	if a.Type != v.typ {
		a.Type = v.typ
		changed = append(changed, FieldAuthorityType)
	}
	a.SyndicatKind = ""
	set(FieldAuthorityName, &a.Name, v.name)
	set(FieldINSEE, &a.INSEE, v.insee)
	if v.siren != "" {
		set(FieldSIREN, &a.SIREN, v.siren)
	}
	if v.departement != "" || a.Departement != "" && r.EPCI == nil {
		set(FieldDepartement, &a.Departement, v.departement)
	}
	if v.population > 0 && a.Population != v.population {
		a.Population = v.population
		changed = append(changed, FieldPopulation)
	}
	return changed
}

// FillFromDirectory fills the answers a plan leaves empty from the directory, when the
// plan names its authority by an INSEE code or a SIREN (a file given to « aect new
// --answers » or « aect import »). Answers given are never replaced: a contradiction
// is a finding (DirectoryFindings). It returns the answers filled.
func FillFromDirectory(p *Plan, d *directory.Directory) []FieldID {
	r, ok := DirectoryEntry(p, d)
	if !ok {
		return nil
	}
	a := &p.Authority
	v := answersOf(r, a.Departement)
	var filled []FieldID
	fill := func(id FieldID, at *string, val string) {
		if *at == "" && val != "" {
			*at = val
			filled = append(filled, id)
		}
	}
	if a.Type == "" {
		a.Type = v.typ
		filled = append(filled, FieldAuthorityType)
	}
	fill(FieldAuthorityName, &a.Name, v.name)
	if a.Type == AuthCommune {
		fill(FieldINSEE, &a.INSEE, v.insee)
	}
	fill(FieldSIREN, &a.SIREN, v.siren)
	fill(FieldDepartement, &a.Departement, v.departement)
	if a.Population == 0 && v.population > 0 {
		a.Population = v.population
		filled = append(filled, FieldPopulation)
	}
	return filled
}

// Finding codes of the directory (DirectoryFindings).
const (
	CodeDirectoryUnknown     FindingCode = "annuaire-inconnu"
	CodeDirectoryType        FindingCode = "annuaire-type"
	CodeDirectoryDepartement FindingCode = "annuaire-departement"
	CodeDirectorySIREN       FindingCode = "annuaire-siren"
	CodeDirectoryName        FindingCode = "annuaire-nom"
	CodeDirectoryPopulation  FindingCode = "annuaire-population"
	CodeDirectoryThreshold   FindingCode = "annuaire-population-seuil"
)

// CheckWith is Check, with the findings of the directory d (DirectoryFindings) when d is
// not nil, every finding sorted by severity.
func CheckWith(p *Plan, d *directory.Directory) []Finding { return WithDirectory(Check(p), p, d) }

// WithDirectory adds the directory's findings on the plan (DirectoryFindings) to fs, the
// blocking ones first; a nil directory adds nothing.
func WithDirectory(fs []Finding, p *Plan, d *directory.Directory) []Finding {
	if d == nil {
		return fs
	}
	fs = append(fs, DirectoryFindings(p, d)...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity < fs[j].Severity })
	return fs
}

// DirectoryFindings compares the plan's authority with the directory's entry of its
// INSEE code or SIREN: another type, département or SIREN is « attention »; another
// name, or a population that is neither of the directory's figures, is a « conseil »
// naming the directory's; so is a commune whose two figures fall on either side of a
// threshold. An INSEE code, or the SIREN of a commune or an EPCI, that the directory does
// not know is « attention ».
func DirectoryFindings(p *Plan, d *directory.Directory) []Finding {
	if d == nil || !p.Directorial() {
		return nil
	}
	a := &p.Authority
	c := &checker{p: p}
	ref := fmt.Sprintf("Annuaire des collectivités %d (%s)", d.Millesime(), d.Info().Source)
	r, ok := DirectoryEntry(p, d)
	if !ok {
		switch {
		case a.INSEE != "":
			c.add(CodeDirectoryUnknown, Warning, SecAuthority, RefTo(FieldINSEE), ref,
				"Le code INSEE %s ne figure pas dans l'annuaire des collectivités %d : vérifiez-le (une commune nouvelle change de code). Les autres réponses de la collectivité ne sont pas contrôlées.",
				a.INSEE, d.Millesime())
		case a.Type == AuthCommune || a.Type.IsEPCI():
			c.add(CodeDirectoryUnknown, Warning, SecAuthority, RefTo(FieldSIREN), ref,
				"Le SIREN %s ne figure pas dans l'annuaire des collectivités %d, qui connaît toutes les communes et tous les EPCI à fiscalité propre : vérifiez-le.",
				a.SIREN, d.Millesime())
		}
		return c.findings
	}
	v := answersOf(r, a.Departement)
	what := directoryWhat(d, r)
	if a.Type != "" && a.Type != v.typ {
		c.add(CodeDirectoryType, Warning, SecAuthority, RefTo(FieldAuthorityType), ref,
			"%s est %s ; le type de collectivité indiqué est « %s ». Corrigez le type, ou le code si la collectivité est une autre.",
			Capitalize(directoryCode(r)), what, AuthorityTypes.Label(a.Type))
	}
	if a.Departement != "" {
		switch deps := entryDepartements(r); {
		case !contains(deps, a.Departement):
			c.add(CodeDirectoryDepartement, Warning, SecAuthority, RefTo(FieldDepartement), ref,
				"%s est %s ; le département indiqué est %s. Corrigez le département : il décide des contacts régionaux et du tribunal administratif.",
				Capitalize(directoryCode(r)), what, departementName(a.Departement))
		}
	}
	if r.Commune != nil && a.INSEE != "" && a.SIREN != "" && v.siren != "" && a.SIREN != v.siren {
		c.add(CodeDirectorySIREN, Warning, SecAuthority, RefTo(FieldSIREN), ref,
			"Le SIREN de %s est %s selon l'annuaire des collectivités %d ; le SIREN indiqué est %s. Le dossier de télétransmission (@ctes) en dépend : vérifiez-le.",
			r.Commune.Name, spacedSIREN(v.siren), d.Millesime(), spacedSIREN(a.SIREN))
	}
	if a.Name != "" && !sameName(a.Name, v.name, r) {
		c.add(CodeDirectoryName, Advice, SecAuthority, RefTo(FieldAuthorityName), ref,
			"Le nom officiel est « %s » (annuaire des collectivités %d) ; vous avez indiqué « %s », que les documents reprennent.",
			v.name, d.Millesime(), a.Name)
	}
	m, t := Populations(r)
	if a.Population > 0 && a.Population != m && a.Population != t && (m != directory.PopulationUnknown || t != directory.PopulationUnknown) {
		c.add(CodeDirectoryPopulation, Advice, SecAuthority, RefTo(FieldPopulation), ref,
			"L'annuaire des collectivités %d donne %s ; vous avez indiqué %s habitants. Les règles du conseil (délai de convocation) lisent la population municipale : vérifiez le chiffre.",
			d.Millesime(), populationText(m, t), groupInt(a.Population))
	}
	if r.Commune != nil && m != directory.PopulationUnknown && t != directory.PopulationUnknown {
		for _, th := range []int{PublicationThreshold, ActesThreshold} {
			if m < th && t >= th {
				c.add(CodeDirectoryThreshold, Advice, SecAuthority, RefTo(FieldPopulation), ref,
					"Population municipale %s, totale %s (%d) : de part et d'autre du seuil de %s habitants. Le délai de convocation lit la population municipale ; la publication des actes et la télétransmission lisent d'ordinaire la population totale (à vérifier).",
					groupInt(m), groupInt(t), d.Millesime(), groupInt(th))
			}
		}
	}
	return c.findings
}

// directoryCode names the code of an entry: « le code INSEE 24396 », « le SIREN 200 041 051 ».
func directoryCode(r directory.Result) string {
	if r.Commune != nil {
		return "le code INSEE " + r.Commune.INSEE
	}
	return "le SIREN " + spacedSIREN(r.EPCI.SIREN)
}

// directoryWhat says what an entry is: « celui de la commune de Saint-Cyprien
// (Dordogne) », « celui de la Communauté de communes … (Dordogne, Lot) ».
func directoryWhat(d *directory.Directory, r directory.Result) string {
	var names []string
	for _, code := range entryDepartements(r) {
		if dep, ok := d.Departement(code); ok {
			names = append(names, dep.Name)
		}
	}
	where := ""
	if len(names) > 0 {
		where = " (" + strings.Join(names, ", ") + ")"
	}
	if r.Commune != nil {
		return "celui de la commune " + De(r.Commune.Name) + where
	}
	return "celui de la " + LowerFirstWord(EPCIName(r.EPCI)) + where
}

// LowerFirstWord lowers the first letter of a name that starts with a common noun
// (« Communauté de communes … », « Métropole de Lyon »): « la communauté de communes … ».
func LowerFirstWord(s string) string {
	for _, noun := range []string{"Communauté ", "Métropole "} {
		if strings.HasPrefix(s, noun) {
			return LowerFirst(s)
		}
	}
	return s
}

func entryDepartements(r directory.Result) []string {
	if r.Commune != nil {
		return []string{r.Commune.Departement}
	}
	return r.EPCI.Departements
}

func departementName(code string) string {
	if dep, ok := LookupDepartement(code); ok {
		return code + " – " + dep.Name
	}
	return code
}

// sameName reports whether a name given designates the entry: its official name, or
// the name with its type before it (« Commune de Saint-Cyprien », « CC … »), ignoring
// case, accents and hyphens.
func sameName(given, official string, r directory.Result) bool {
	g := directory.Key(given)
	for _, n := range []string{official, r.Name()} {
		k := directory.Key(n)
		if g == k || strings.HasSuffix(g, " "+k) {
			return true
		}
	}
	return false
}

// populationText is « une population municipale de 1 566 habitants (totale : 1 593) ».
func populationText(m, t int) string {
	switch {
	case m == directory.PopulationUnknown:
		return "une population totale de " + groupInt(t) + " habitants"
	case t == directory.PopulationUnknown:
		return "une population municipale de " + groupInt(m) + " habitants"
	}
	return "une population municipale de " + groupInt(m) + " habitants (totale : " + groupInt(t) + ")"
}

// groupInt writes a whole number the French way, in groups of three: 12 136.
func groupInt(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(NBSP)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// spacedSIREN writes a SIREN in groups of three: 212 403 968.
func spacedSIREN(s string) string {
	if len(s) != 9 {
		return s
	}
	return s[:3] + NBSP + s[3:6] + NBSP + s[6:]
}
