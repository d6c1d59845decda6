package document

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"aect/wizard"
	"aect/wizard/document/render"
)

// facts is what every document draws on: a cleaned copy of the plan, the findings of the
// rules engine, the reference data found for the plan, and the phrases built from them.
type facts struct {
	p        *wizard.Plan
	opt      Options
	findings []wizard.Finding
	blocking []wizard.Finding
	country  wizard.Country
	hasCtry  bool
	dep      wizard.Departement
	hasDep   bool
	// memo keeps the phrases a document asks for many times (the authority's and the
	// partner's designations), by name.
	memo map[string]render.Inline
}

// remember returns the phrase name, computed once by make.
func (f *facts) remember(name string, make func() render.Inline) render.Inline {
	if in, ok := f.memo[name]; ok {
		return in
	}
	if f.memo == nil {
		f.memo = map[string]render.Inline{}
	}
	in := make()
	f.memo[name] = in
	return in
}

func newFacts(p *wizard.Plan, opt Options) *facts {
	c := cleanPlan(p)
	f := &facts{p: c, opt: opt, findings: wizard.Check(c)}
	for _, fd := range f.findings {
		if fd.Severity == wizard.Blocking {
			f.blocking = append(f.blocking, fd)
		}
	}
	f.country, f.hasCtry = wizard.LookupCountry(c.Partner.Country)
	f.dep, f.hasDep = wizard.LookupDepartement(c.Authority.Departement)
	return f
}

// cleanPlan returns a deep copy of the plan with every free text cleaned (no control
// characters, no escape sequences, single spaces). A nil plan gives an empty one.
func cleanPlan(p *wizard.Plan) *wizard.Plan {
	if p == nil {
		return &wizard.Plan{}
	}
	c := p.Clone()
	c.MapTexts(clean)
	return c
}

// addFindings adds findings to the plan's, in order of severity.
func (f *facts) addFindings(more []wizard.Finding) {
	if len(more) == 0 {
		return
	}
	f.findings = append(f.findings, more...)
	slices.SortStableFunc(f.findings, func(a, b wizard.Finding) int { return int(a.Severity) - int(b.Severity) })
	for _, fd := range more {
		if fd.Severity == wizard.Blocking {
			f.blocking = append(f.blocking, fd)
		}
	}
}

// Placeholder subjects, so that the same missing answer reads the same everywhere.
const (
	whatAuthName     = "nom de la collectivité"
	whatDepartement  = "département"
	whatExecName     = "nom de l'exécutif"
	whatPartnerName  = "nom du partenaire"
	whatCountry      = "pays du partenaire"
	whatPartnerRep   = "nom et qualité du représentant du partenaire"
	whatSessionDate  = "date de la séance"
	whatConvocation  = "date de convocation"
	whatSecretary    = "secrétaire de séance"
	whatNumber       = "numéro"
	whatDate         = "date"
	whatPlace        = "lieu"
	whatSeat         = "adresse du siège"
	whatObjectives   = "objet des actions envisagées"
	whatHistory      = "historique de la relation"
	whatAmount       = "montant"
	whatPublication  = "mode de publication : sous forme électronique, ou au choix du conseil municipal dans une commune de moins de 3 500 habitants"
	whatYear         = "année"
	facecoFundPoint  = "numéro du fonds de concours signalé en 2014 : 1-2-00263, à vérifier auprès du comptable"
	appealPoint      = "formulation des voies et délais de recours"
	partnerLawPoint  = "textes du droit du pays partenaire fondant la compétence du partenaire et l'autorisant à signer"
	disputeCourtText = "juridiction compétente à défaut d'accord amiable"
)

// sentinel stands for a missing authority name while its designation is built.
const sentinel = "Xsentinelx"

// authDes names the authority in a sentence: "la commune de Belmont-sur-Guiers",
// "la communauté de communes du Val d'Arnon", with a placeholder for a missing name.
func (f *facts) authDes() render.Inline {
	return f.remember("authDes", func() render.Inline { return f.designation((*wizard.Authority).Designation, "la collectivité ") })
}

// authDesOf is the designation after "de": "de la commune de …", "du syndicat mixte …".
func (f *facts) authDesOf() render.Inline {
	return f.remember("authDesOf", func() render.Inline { return f.designation((*wizard.Authority).DesignationOf, "de la collectivité ") })
}

// designation builds a designation of the authority with the wizard's rule des (its
// Designation or DesignationOf), with a placeholder for a missing name; an unknown type
// gives unknown followed by the name.
func (f *facts) designation(des func(*wizard.Authority) string, unknown string) render.Inline {
	a := f.p.Authority
	if a.Type == "" || !knownType(a.Type) {
		return cat(unknown, orTodo(a.Name, whatAuthName))
	}
	if d := des(&a); d != "" {
		return cat(d)
	}
	a.Name = sentinel
	before, after, _ := strings.Cut(des(&a), sentinel)
	return cat(before, todo(whatAuthName), after)
}

func knownType(t wizard.AuthorityType) bool {
	_, ok := wizard.AuthorityTypes.Lookup(t)
	return ok
}

// authHeader is the designation without its article, capitalised: "Commune de
// Belmont-sur-Guiers", for headers and signature blocks.
func (f *facts) authHeader() render.Inline {
	d := f.authDes()
	if len(d) == 0 {
		return d
	}
	out := append(render.Inline(nil), d...)
	t := out[0].Text
	for _, art := range []string{"la ", "le ", "l'"} {
		if strings.HasPrefix(t, art) {
			t = t[len(art):]
			break
		}
	}
	out[0].Text = wizard.Capitalize(t)
	return out
}

// authFeminine reports whether the authority's designation is feminine, from its
// article (la commune, la communauté… ; le syndicat mixte, le département), for the
// agreement of participles. An unknown type is "la collectivité".
func (f *facts) authFeminine() bool {
	d := f.authDes()
	return len(d) > 0 && strings.HasPrefix(d[0].Text, "la ")
}

// partnerRepresented is "représentée" or "représenté", agreeing with the partner's name
// when its first word tells the gender (la Commune…, le Comité…, l'Association…), and
// "représenté(e)" otherwise.
func (f *facts) partnerRepresented() string {
	if feminine, known := nameFeminine(f.p.Partner.Name); known {
		return fem(feminine, "représentée", "représenté")
	}
	return "représenté(e)"
}

// fem returns the feminine or masculine form.
func fem(feminine bool, f, m string) string {
	if feminine {
		return f
	}
	return m
}

// authShort is the authority's type with its article: "la commune", "la communauté de
// communes", "le syndicat mixte".
func (f *facts) authShort() string {
	if _, ok := f.p.Authority.Unique(); ok {
		return "la collectivité territoriale"
	}
	t := f.p.Authority.Type
	ch, ok := wizard.AuthorityTypes.Lookup(t)
	if !ok {
		return "la collectivité"
	}
	noun, _, _ := strings.Cut(wizard.LowerFirst(ch.Label), " (") // « syndicat de communes (SIVU, SIVOM) »
	if f.authFeminine() {
		return "la " + noun
	}
	return "le " + noun
}

// authName is the bare name, or a placeholder.
func (f *facts) authName() any { return orTodo(f.p.Authority.Name, whatAuthName) }

// council is the assembly with its article: "le conseil municipal".
func (f *facts) council() string { return f.p.Authority.Council() }

// councilOf is "du conseil municipal", "de l'assemblée délibérante".
func (f *facts) councilOf() string { return wizard.DeArticle(f.council()) }

// councilFeminine reports whether the assembly's noun is feminine.
func (f *facts) councilFeminine() bool {
	return strings.HasPrefix(strings.ToLower(f.council()), "l'assemblée")
}

// execTitleTodo is the placeholder of a missing executive's title, with the titles that
// fit the authority's type: never « le Maire » for an EPCI.
func (f *facts) execTitleTodo() render.Span {
	switch t := f.p.Authority.Type; {
	case t == wizard.AuthCommune:
		return todo("le Maire")
	case t != "":
		return todo("le Président ou la Présidente")
	}
	return todo("le Maire, le Président ou la Présidente")
}

// exec is the executive with its article: "le Maire", "la Présidente", or a placeholder.
func (f *facts) exec() any {
	if e := f.p.Authority.Executive(); e != "" {
		return e
	}
	return f.execTitleTodo()
}

// execTitle is the title alone, capitalised: "Maire", "Président", "Présidente".
func (f *facts) execTitle() any {
	e := f.p.Authority.Executive()
	if e == "" {
		return f.execTitleTodo()
	}
	_, t, _ := strings.Cut(e, " ")
	return t
}

// execPossessive is "son Maire", "sa Présidente".
func (f *facts) execPossessive() any {
	e := f.p.Authority.Executive()
	switch {
	case e == "":
		return f.execTitleTodo()
	case strings.HasPrefix(e, "la "):
		return "sa " + e[3:]
	}
	return "son " + e[3:]
}

// execAuthorised is the agreement of "habilité" with the executive's title: « le Maire
// … habilité », « la Maire … habilitée ».
func (f *facts) execAuthorised() string {
	t := f.p.Authority.EffectiveTitle()
	switch {
	case t == "":
		return "habilité(e)"
	case t.Feminine():
		return "habilitée"
	}
	return "habilité"
}

// execHeading is the heading of the executive's signature block: "Le Maire,".
func (f *facts) execHeading() render.Inline {
	if e := f.p.Authority.Executive(); e != "" {
		return cat(wizard.Capitalize(e) + ",")
	}
	return cat(f.execTitleTodo(), ",")
}

// execOf is the executive after "de", with its title: "du Maire", "de la Présidente",
// or "de " and a placeholder.
func (f *facts) execOf() any {
	if e := f.p.Authority.ExecutiveOf(); e != "" {
		return e
	}
	return cat("de ", f.execTitleTodo())
}

// partnerTo is the partner after "à", with its country: "à la Croix-Rouge (…)".
func (f *facts) partnerTo() render.Inline {
	if n := f.p.Partner.Name; n != "" {
		return f.withCountry(aName(n))
	}
	return f.withCountry(cat("à ", todo(whatPartnerName)))
}

// operatorRef is the operator with its article, or a placeholder.
func (f *facts) operatorRef() any {
	if op := f.p.Implementation.Operator; op != "" {
		return withArticle(op)
	}
	return todo("opérateur")
}

// withArticles gives each name its article.
func withArticles(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = withArticle(n)
	}
	return out
}

// execName is the executive's name, or a placeholder.
func (f *facts) execName() any { return orTodo(f.p.Authority.ExecutiveName, whatExecName) }

// partnerName is the partner's name, or a placeholder.
func (f *facts) partnerName() any { return orTodo(f.p.Partner.Name, whatPartnerName) }

// countryName is the partner country's French name, or a placeholder.
func (f *facts) countryName() any {
	if f.hasCtry {
		return f.country.Name
	}
	return todo(whatCountry)
}

// partner names the partner inside a sentence, with its article and country: "la
// commune de Ndiassane-Ouest (Sénégal)", "Gemeinde Lindenbach (Allemagne)".
func (f *facts) partner() render.Inline {
	return f.remember("partner", func() render.Inline { return f.withCountry(f.partnerRef()) })
}

// partnerTitle is the partner's bare name and country, for headers.
func (f *facts) partnerTitle() render.Inline { return f.withCountry(f.partnerName()) }

// withCountry adds the partner's country to a phrase that ends with the partner's name:
// "… (Sénégal)"; inside the name's own final parenthesis, "(FACECO, pays concerné :
// Maroc)"; not at all when the name already ends with the country ("Ministère … du
// Bénin"), compared without accents or case.
func (f *facts) withCountry(name any) render.Inline {
	country := f.countryName()
	if f.p.Partner.Kind == wizard.PartnerFACECO {
		country = cat("pays concerné : ", country)
	}
	n := strings.TrimRight(f.p.Partner.Name, " .")
	if f.hasCtry && endsWithWord(wizard.Fold(n), wizard.Fold(f.country.Name)) {
		return cat(name)
	}
	in := cat(name)
	if last := len(in) - 1; n != "" && last >= 0 && in[last].Style == render.Plain && strings.HasSuffix(in[last].Text, ")") {
		in = append(render.Inline(nil), in...)
		in[last].Text = strings.TrimSuffix(in[last].Text, ")")
		return cat(in, ", ", country, ")")
	}
	return cat(in, " (", country, ")")
}

// endsWithWord reports whether s ends with the words w, after a space or a hyphen, or
// equals it.
func endsWithWord(s, w string) bool {
	if w == "" || !strings.HasSuffix(s, w) {
		return false
	}
	rest := s[:len(s)-len(w)]
	return rest == "" || strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, "-") || strings.HasSuffix(rest, "'")
}

// partnerRef is the partner's name with its article, inside a sentence, or a placeholder.
func (f *facts) partnerRef() any {
	if n := f.p.Partner.Name; n != "" {
		return withArticle(n)
	}
	return todo(whatPartnerName)
}

// partnerSignatory is the partner's name with its article, as typed, for signature
// blocks: "Pour la Commune de Ndiassane-Ouest,".
func (f *facts) partnerSignatory() any {
	if n := f.p.Partner.Name; n != "" {
		return titleWithArticle(n)
	}
	return todo(whatPartnerName)
}

// partnerOf is the partner after "de": "de la commune de …", or "de " and a placeholder.
func (f *facts) partnerOf() any {
	if n := f.p.Partner.Name; n != "" {
		return deName(n)
	}
	return cat("de ", todo(whatPartnerName))
}

// partnerKind describes the partner's legal nature.
func (f *facts) partnerKind() any {
	switch f.p.Partner.Kind {
	case wizard.PartnerAutoriteLocale:
		return "autorité locale étrangère"
	case wizard.PartnerEtat:
		return "État ou gouvernement étranger"
	case wizard.PartnerONG:
		return "organisation non gouvernementale"
	case wizard.PartnerAssociation:
		return "association"
	case wizard.PartnerOrgInter:
		return "organisation internationale"
	case wizard.PartnerFACECO:
		return "fonds d'action extérieure des collectivités territoriales"
	}
	return todo("type de partenaire")
}

// date is a long French date, or a placeholder.
func date(d wizard.Date, what string) any {
	if d.IsZero() {
		return todo(what)
	}
	return wizard.FormatDate(d)
}

// count is a positive count, or a placeholder.
func count(n int, what string) any {
	if n <= 0 {
		return todo(what)
	}
	return n
}

// optCount is an optional count, or a placeholder when not given.
func optCount(n *int, what string) any {
	if n == nil {
		return todo(what)
	}
	return *n
}

// voters is present + represented, or a placeholder.
func (f *facts) voters() any {
	s := f.p.Session
	if s.Present <= 0 || s.Represented == nil {
		return todo("nombre de votants")
	}
	return s.Present + *s.Represented
}

// amount formats an amount.
func amount(c wizard.Cents) string { return wizard.FormatAmount(c) }

// yearText is a year, or a placeholder for year 0.
func yearText(y int) any {
	if y == 0 {
		return todo(whatYear)
	}
	return fmt.Sprint(y)
}

// costYears returns the yearly costs.
func (f *facts) costYears() []wizard.YearAmount { return f.p.CostsByYear() }

// byYear completes a total with its years: ", soit 21 000,00 € en 2027 et 6 000,00 € en
// 2028", or ", pour l'exercice 2027" when there is one year.
func byYear(yas []wizard.YearAmount) render.Inline {
	switch {
	case len(yas) == 0:
		return nil
	case len(yas) == 1 && yas[0].Year != 0:
		return cat(fmt.Sprintf(", pour l'exercice %d", yas[0].Year))
	case len(yas) == 1:
		return cat(" (", todo(whatYear), ")")
	}
	return cat(", soit ", amountsByYear(yas))
}

// amountsByYear is "21 000,00 € en 2027, 6 000,00 € en 2028 et 5 000,00 € en 2029".
func amountsByYear(yas []wizard.YearAmount) render.Inline {
	var items []render.Inline
	for _, ya := range yas {
		if ya.Year == 0 {
			items = append(items, cat(amount(ya.Amount), " (", todo(whatYear), ")"))
			continue
		}
		items = append(items, cat(amount(ya.Amount), fmt.Sprintf(" en %d", ya.Year)))
	}
	return joinInline(items)
}

// budgetYears names the financial years of the credits: "de l'exercice 2027", "des
// exercices 2027 à 2029", "des exercices 2027, 2028 et 2030". Without any year, it falls
// back on the year of the session, then of Options.Today, then on a placeholder. It also
// returns the number of years.
func (f *facts) budgetYears() (render.Inline, int) {
	var years []int
	for _, ya := range f.costYears() {
		if ya.Year != 0 {
			years = append(years, ya.Year)
		}
	}
	if len(years) == 0 {
		switch {
		case !f.p.Session.Date.IsZero():
			years = []int{f.p.Session.Date.Year}
		case !f.opt.Today.IsZero():
			years = []int{f.opt.Today.Year}
		default:
			return cat("de l'exercice ", todo(whatYear)), 1
		}
	}
	if len(years) == 1 {
		return cat(fmt.Sprintf("de l'exercice %d", years[0])), 1
	}
	contiguous := true
	for i := 1; i < len(years); i++ {
		contiguous = contiguous && years[i] == years[i-1]+1
	}
	if contiguous && len(years) > 2 {
		return cat(fmt.Sprintf("des exercices %d à %d", years[0], years[len(years)-1])), len(years)
	}
	ss := make([]string, len(years))
	for i, y := range years {
		ss[i] = fmt.Sprint(y)
	}
	return cat("des exercices " + wizard.JoinFr(ss)), len(years)
}

// futureCredits reports whether some credits fall in a year after the session (or
// today): they "seront inscrits" rather than "sont inscrits".
func (f *facts) futureCredits() bool {
	ref := f.p.Session.Date.Year
	if ref == 0 {
		ref = f.opt.Today.Year
	}
	if ref == 0 {
		return true
	}
	for _, ya := range f.costYears() {
		if ya.Year > ref {
			return true
		}
	}
	return false
}

// imputation is the budget imputation: the user's, or by who is paid (DOMAIN §11) —
// direct spending on chapitre 011, a grant to a private body on compte 6574, a payment to
// a public body or to the foreign authority on 657x, the FACECO as a contribution to the
// État's fonds de concours — split when the plan mixes them; always to confirm with the
// comptable.
func (f *facts) imputation() render.Inline {
	if s := f.p.Session.BudgetImputation; s != "" {
		return cat(s, " ", withAccountant())
	}
	type share struct {
		account string
		total   wizard.Cents
	}
	var shares []share
	for _, a := range f.p.Actions {
		acc := accountOf(a.PaidTo.Kind, f.p.Partner.Kind)
		i := 0
		for i < len(shares) && shares[i].account != acc {
			i++
		}
		if i == len(shares) {
			shares = append(shares, share{account: acc})
		}
		shares[i].total += a.Cost
	}
	// The valorisation (staff time, goods in kind) is no credit to open: it is taken off
	// the direct spending it stands for, never off a payment (DOMAIN §11).
	valo := f.p.Valorisation()
	for i := range shares {
		if strings.HasPrefix(shares[i].account, "chapitre 011") {
			off := min(valo, shares[i].total)
			shares[i].total -= off
			valo -= off
		}
	}
	shares = slices.DeleteFunc(shares, func(sh share) bool { return sh.total <= 0 && len(shares) > 1 })
	if len(shares) == 0 {
		return cat(confirm("compte selon le bénéficiaire : chapitre 011 pour une dépense directe, compte 6574 pour une subvention à un organisme privé, compte 657x pour un organisme public ou la collectivité partenaire"))
	}
	if len(shares) == 1 {
		return cat(shares[0].account, " ", withAccountant())
	}
	var parts []string
	for _, sh := range shares {
		parts = append(parts, sh.account+" pour "+amount(sh.total))
	}
	return cat(strings.Join(parts, " ; "), " ", withAccountant())
}

// withAccountant marks an imputation to confirm with the comptable public.
func withAccountant() render.Span {
	return render.Span{Text: typo("[à confirmer avec le comptable public, nomenclature M57 ou M14]"), Style: render.Placeholder}
}

// accountOf is the usual imputation of a payment, by who receives it; without a payee,
// by the partner.
func accountOf(payee wizard.PayeeKind, partner wizard.PartnerKind) string {
	if payee == "" {
		switch partner {
		case wizard.PartnerONG, wizard.PartnerAssociation:
			payee = wizard.PayeeAssociation
		case wizard.PartnerFACECO:
			payee = wizard.PayeeFACECO
		case wizard.PartnerAutoriteLocale, wizard.PartnerEtat, wizard.PartnerOrgInter:
			payee = wizard.PayeePartner
		}
	}
	switch payee {
	case wizard.PayeeDirect, wizard.PayeeProvider:
		return "chapitre 011 (charges à caractère général)"
	case wizard.PayeeONG, wizard.PayeeAssociation, wizard.PayeeComite:
		return "compte 6574 (subventions de fonctionnement aux associations et autres personnes de droit privé)"
	case wizard.PayeePartner:
		return "compte 657x (subventions aux organismes publics et à la collectivité partenaire)"
	case wizard.PayeeFACECO:
		return "compte 657x (contribution au fonds de concours de l'État rattaché au FACECO)"
	}
	return "chapitre 65 (autres charges de gestion courante)"
}

// sourceTotal is one funding source summed over the years, with its labels.
type sourceTotal struct {
	source wizard.Source
	labels []string
	total  wizard.Cents
	years  map[int]wizard.Cents
}

// sources sums the funding by source, in the order of the catalogue (own contribution
// first), keeping the user's labels.
func (f *facts) sources() []sourceTotal {
	idx := map[wizard.Source]int{}
	var out []sourceTotal
	for _, fl := range f.p.Funding {
		i, ok := idx[fl.Source]
		if !ok {
			i = len(out)
			idx[fl.Source] = i
			out = append(out, sourceTotal{source: fl.Source, years: map[int]wizard.Cents{}})
		}
		st := &out[i]
		st.total += fl.Amount
		st.years[fl.Year] += fl.Amount
		if fl.Label != "" && !containsFold(st.labels, fl.Label) {
			st.labels = append(st.labels, fl.Label)
		}
	}
	order := map[wizard.Source]int{}
	for i, c := range wizard.Sources.Codes() {
		order[wizard.Source(c)] = i + 1
	}
	sort.SliceStable(out, func(i, j int) bool {
		oi, oj := out[i].source.IsOwnContribution(), out[j].source.IsOwnContribution()
		if oi != oj {
			return oi
		}
		return order[out[i].source] < order[out[j].source]
	})
	return out
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if wizard.Fold(x) == wizard.Fold(s) {
			return true
		}
	}
	return false
}

// sourceLabel is the catalogue label of a source with what the user's labels add to it:
// "1 % eau (loi Oudin-Santini) – budget eau" for the label "Loi Oudin-Santini – budget
// eau", "MEAE – appel à projets DCTCIV (ex-DAECT) – Appel à projets généraliste". A part
// of a user label (split on dashes) that the catalogue label already contains, ignoring
// case, accents and punctuation, is left out.
func sourceLabel(st sourceTotal) string {
	l := "source à préciser"
	if st.source != "" {
		l = wizard.Sources.Label(st.source)
	}
	var extra []string
	for _, lb := range st.labels {
		var kept []string
		for _, part := range labelParts(lb) {
			if !strings.Contains(alnum(l), alnum(part)) {
				kept = append(kept, part)
			}
		}
		if add := strings.Join(kept, " – "); add != "" && !containsFold(extra, add) {
			extra = append(extra, add)
		}
	}
	if len(extra) > 0 {
		l += " – " + strings.Join(extra, ", ")
	}
	return l
}

// labelParts splits a user's label on its dashes (" – ", " — ", " - "), dropping empty
// parts.
func labelParts(s string) []string {
	s = strings.NewReplacer(" — ", " – ", " - ", " – ").Replace(s)
	var out []string
	for _, part := range strings.Split(s, " – ") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// alnum keeps the folded letters and digits of s, to compare labels.
func alnum(s string) string {
	var b strings.Builder
	for _, r := range wizard.Fold(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cofunders are the sources other than the authority's own contribution.
func (f *facts) cofunders() []sourceTotal {
	var out []sourceTotal
	for _, st := range f.sources() {
		if !st.source.IsOwnContribution() {
			out = append(out, st)
		}
	}
	return out
}

// funderPhrase names a co-funder after "auprès": "du ministère de l'Europe …".
func funderPhrase(s wizard.Source) string {
	switch s {
	case wizard.SourceMEAE:
		return "du ministère de l'Europe et des Affaires étrangères (appel à projets de la DCTCIV, ex-DAECT)"
	case wizard.SourceFICOL:
		return "de l'Agence française de développement (facilité FICOL)"
	case wizard.SourceCERV:
		return "de l'Union européenne (programme CERV, volet Town-Twinning)"
	case wizard.SourceAutreColl:
		return "d'autres collectivités territoriales"
	case wizard.SourcePrive:
		return "de partenaires privés"
	}
	return "des financeurs concernés"
}

// onePercentArticles groups the "1 %" sources used by CGCT article, in catalogue order
// (which is article order), with the services concerned.
func (f *facts) onePercentArticles() []onePercentUse {
	var out []onePercentUse
	for _, ch := range wizard.Sources.Choices {
		src := ch.Code
		m, ok := src.OnePercent()
		if !ok || f.p.FundingBySource(src) <= 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].article == m.Article {
			out[n-1].sources = append(out[n-1].sources, src)
			continue
		}
		out = append(out, onePercentUse{article: m.Article, sources: []wizard.Source{src}})
	}
	return out
}

// onePercentUse is one CGCT article of the "1 %" mechanisms with the sources used under it.
type onePercentUse struct {
	article string
	sources []wizard.Source
}

// law is the usual name of the law behind the use's mechanisms, when they all share it
// (water and sanitation: loi Oudin-Santini), or "".
func (u onePercentUse) law() string {
	law := ""
	for i, src := range u.sources {
		m, _ := src.OnePercent()
		if i > 0 && m.Law != law {
			return ""
		}
		law = m.Law
	}
	return law
}

// servicePhrase names the public service of a "1 %" source after "de".
func servicePhrase(s wizard.Source) string {
	switch s {
	case wizard.SourceEau:
		return "de l'eau potable"
	case wizard.SourceAssainissement:
		return "de l'assainissement"
	case wizard.SourceElecGaz:
		return "de la distribution d'électricité ou de gaz"
	case wizard.SourceDechets:
		return "de la collecte ou du traitement des déchets ménagers"
	case wizard.SourceMobilite:
		return "de la mobilité"
	}
	return ""
}

// annexBudget names the budget of a "1 %" source: "budget de l'eau potable".
func annexBudget(s wizard.Source) string { return "budget " + servicePhrase(s) }

// categoryPhrase is the legal category after "relève": "de la coopération".
func (f *facts) categoryPhrase() any {
	switch f.p.Domain.Category {
	case wizard.CatCooperation:
		return "de la coopération"
	case wizard.CatAideDeveloppement:
		return "de l'aide au développement"
	case wizard.CatAideHumanitaire:
		return "de l'action à caractère humanitaire"
	}
	return cat("de ", todo("catégorie : coopération, aide au développement ou aide humanitaire"))
}

// sectors lists the sectors quoted after "dans": "les domaines « culture et
// patrimoine » et « jeunesse »", "le domaine « déchets »".
func (f *facts) sectors() any {
	if len(f.p.Domain.Sectors) == 0 {
		return cat("les domaines ", todo("domaines de l'action"))
	}
	var ss []string
	for _, s := range f.p.Domain.Sectors {
		ss = append(ss, "« "+wizard.LowerFirst(wizard.Sectors.Label(s))+" »")
	}
	if len(ss) == 1 {
		return "le domaine " + ss[0]
	}
	return "les domaines " + wizard.JoinFr(ss)
}

// sdgs lists the linked ODD: n° 4 « Éducation de qualité » et n° 17 « … ».
func (f *facts) sdgs() any {
	var ss []string
	for _, n := range f.p.Domain.SDGs {
		if n >= 1 && n <= 17 {
			ss = append(ss, fmt.Sprintf("n° %d « %s »", n, wizard.SDGNames[n]))
		}
	}
	if len(ss) == 0 {
		return todo("objectifs de développement durable concernés")
	}
	return wizard.JoinFr(ss)
}

// sdgsTo is the contribution to the ODD after « contribue » : « à l'objectif de
// développement durable n° 4 « … » », « aux objectifs de développement durable n° 4 … et
// n° 17 … ».
func (f *facts) sdgsTo() render.Inline {
	n := 0
	for _, x := range f.p.Domain.SDGs {
		if x >= 1 && x <= 17 {
			n++
		}
	}
	if n == 1 {
		return cat("à l'objectif de développement durable ", f.sdgs())
	}
	return cat("aux objectifs de développement durable ", f.sdgs())
}

// languages lists the languages of the texts: "en français et en allemand".
func (f *facts) languages() (string, int) {
	langs := []string{"français"}
	for _, l := range f.p.Partner.Languages {
		if !containsFold(langs, l) {
			langs = append(langs, wizard.LowerFirst(l))
		}
	}
	ss := make([]string, len(langs))
	for i, l := range langs {
		ss[i] = "en " + l
	}
	return wizard.JoinFr(ss), len(langs)
}

// frenchPlace is the place of the French party: the commune's name, or a placeholder
// for another type of authority.
func (f *facts) frenchPlace() any {
	if f.p.Authority.Type == wizard.AuthCommune && f.p.Authority.Name != "" {
		return f.p.Authority.Name
	}
	return todo(whatPlace)
}

// partnerRep is the partner's representative as typed, or a placeholder.
func (f *facts) partnerRep() any { return orTodo(f.p.Partner.Representative, whatPartnerRep) }

// partnerRepInSentence is the representative inside a sentence: an article typed with a
// capital is lower-cased, « représentée par le Président… », never « par Le Président ».
func (f *facts) partnerRepInSentence() any {
	r := f.p.Partner.Representative
	for _, art := range []string{"Le ", "La ", "Les ", "L'", "L’"} {
		if strings.HasPrefix(r, art) {
			r = wizard.LowerFirst(r)
			break
		}
	}
	return orTodo(r, whatPartnerRep)
}

// paidToPartner reports whether some money is paid to the partner authority.
func (f *facts) paidToPartner() bool {
	for _, a := range f.p.Actions {
		if a.PaidTo.Kind == wizard.PayeePartner {
			return true
		}
	}
	return false
}

// blockingNote adds the boxed "Projet non conforme" note when a finding blocks: the
// plan's, and more (the mandatory mentions the document lacks).
func (f *facts) blockingNote(b *builder, more ...wizard.Finding) {
	if len(f.blocking)+len(more) == 0 {
		return
	}
	var items []render.Item
	for _, fd := range append(f.blocking[:len(f.blocking):len(f.blocking)], more...) {
		items = append(items, render.Item{Text: findingLine(fd)})
	}
	b.note("Projet non conforme",
		[]render.Inline{cat("Ce projet ne peut pas être soumis au vote en l'état : corrigez d'abord les points bloquants suivants (voir aussi le document « Prochaines étapes »).")},
		items)
}

// findingLine is a finding's message with its legal reference.
func findingLine(fd wizard.Finding) render.Inline {
	if fd.Reference == "" {
		return cat(fd.Message)
	}
	return cat(fd.Message, " ", emph("Référence : "+fd.Reference+"."))
}

// coFundingAuthorities are the French authorities that take part in the action and its
// funding (mutualisation): the authorities the action is pooled with, and the labels of
// the funding lines « autre collectivité », each once.
func (f *facts) coFundingAuthorities() []string {
	var out []string
	add := func(name string) {
		if name = strings.TrimSpace(name); name != "" && !containsFold(out, name) {
			out = append(out, name)
		}
	}
	if f.p.Implementation.Mode == wizard.ModeMutualisation {
		for _, n := range f.p.Implementation.PooledWith {
			add(n)
		}
	}
	for _, fl := range f.p.Funding {
		if fl.Source == wizard.SourceAutreColl {
			add(fl.Label)
		}
	}
	return out
}

// actNumber is the délibération's number in style st, or its placeholder.
func (f *facts) actNumber(st render.SpanStyle) render.Span {
	if n := f.p.Session.ActNumber; n != "" {
		return render.Span{Text: n, Style: st}
	}
	return todo(whatNumber)
}
