package document

import (
	"fmt"
	"strings"

	"aect/wizard"
)

// no is "n°" followed by a non-breaking space.
const no = "n°" + nbsp

// docTitle names a document in its metadata: "Délibération – Jumelage …".
func docTitle(k Kind, p *wizard.Plan) string {
	if p.Title == "" {
		return k.Title()
	}
	return k.Title() + " – " + p.Title
}

// buildDeliberation drafts the délibération (DOMAIN §7): header, visas, considérants,
// "DÉCIDE", articles fitting the form, vote, signatures and mentions.
func buildDeliberation(f *facts) *Doc {
	p := f.p
	s := p.Session
	b := newBuilder(Deliberation, docTitle(Deliberation, p))
	f.blockingNote(b)

	b.center(cat("RÉPUBLIQUE FRANÇAISE"))
	var head []Inline
	// A région has no département; a département is already named by its own header line.
	if t := p.Authority.Type; t != wizard.AuthRegion && t != wizard.AuthDepartement {
		if f.hasDep {
			head = append(head, cat("Département "+f.dep.Of))
		} else {
			head = append(head, cat("Département : ", todo(whatDepartement)))
		}
	}
	b.center(append(head, f.authHeader())...)
	b.title(cat("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS"), upper(cat(f.councilOf())))
	b.center(cat("Séance du ", date(s.Date, whatSessionDate)))
	b.lines(
		cat(strong("Délibération "+no), f.actNumber(Strong)),
		cat("Date de convocation : ", date(s.ConvocationDate, whatConvocation)),
		cat("Membres en exercice : ", count(s.MembersInOffice, "nombre de membres en exercice")),
		cat("Présents : ", count(s.Present, "nombre de membres présents")),
		cat("Représentés : ", optCount(s.Represented, "nombre de membres représentés")),
		cat("Votants : ", f.voters()),
		cat("Secrétaire de séance : ", orTodo(s.Secretary, whatSecretary)),
	)
	b.para(strong("Objet : "), styled(f.subject(), Strong))

	opening := []any{"Le ", todo(whatSessionDate)}
	if o := sessionOpening(s.Date); o != "" {
		opening = []any{o}
	}
	convened := fem(f.councilFeminine(), "dûment convoquée", "dûment convoqué")
	met := fem(f.councilFeminine(), "s'est réunie", "s'est réuni")
	b.para(opening, ", ", f.councilOfAuthority(), ", ", convened, " le ",
		date(s.ConvocationDate, whatConvocation), ", ", met,
		" en séance publique sous la présidence ", f.execOf(), ", ", f.execName(), ".")
	b.para("Présents, représentés et absents : ",
		todo("liste nominative des membres présents, des membres représentés avec leur mandataire, et des absents"), ".")
	f.frameParagraphs(b)

	b.para(wizard.Capitalize(f.council()), ",")
	for _, v := range f.visas() {
		b.para(v)
	}
	for _, c := range f.considerants(b) {
		b.para(c)
	}
	b.para("Après en avoir délibéré, ", f.council(), " ", strong("DÉCIDE :"))
	f.decisions(b)

	b.vote(f.voteLines()...)
	b.lines(cat("Fait et délibéré en séance les jour, mois et an susdits."),
		cat("Pour extrait certifié conforme au registre des délibérations."))
	b.signatures(
		Signature{Heading: []Inline{f.execHeading()}, Name: cat(f.execName())},
		Signature{Heading: []Inline{cat("Secrétaire de séance,")}, Name: cat(orTodo(s.Secretary, whatSecretary))},
	)
	b.mentions(f.mentionLines()...)
	return b.doc
}

// subject is the "Objet" of the délibération, by form.
func (f *facts) subject() Inline {
	p := f.p
	switch p.Form {
	case wizard.FormJumelage:
		return cat("Jumelage avec ", f.partner(), " – approbation de la charte de jumelage et autorisation de signature")
	case wizard.FormCharte:
		return cat("Charte d'amitié avec ", f.partner(), " – approbation et autorisation de signature")
	case wizard.FormConvention:
		return cat("Convention de coopération décentralisée avec ", f.partner(), " – approbation et autorisation de signature")
	case wizard.FormPromotion:
		if p.NeedsConvention() {
			return cat("Promotion culturelle et touristique avec ", f.partner(), " – approbation de la convention et autorisation de signature")
		}
		return cat("Promotion culturelle et touristique avec ", f.partner(), " – approbation du programme d'actions")
	case wizard.FormDon:
		if p.Partner.Kind == wizard.PartnerFACECO {
			return cat("Aide humanitaire d'urgence – contribution au fonds d'action extérieure des collectivités territoriales (FACECO)")
		}
		return cat("Aide humanitaire d'urgence – aide ", f.partnerTo())
	}
	return cat("Action extérieure avec ", f.partner(), " – ", todo("forme de l'action"))
}

// mainTextName is the annexed text with its article, for the visas and articles:
// "la convention de coopération décentralisée", "la charte de jumelage".
func (f *facts) mainTextName() (string, bool) {
	k, ok := mainText(f.p)
	if !ok {
		return "", false
	}
	switch k {
	case Convention:
		return "la convention de coopération décentralisée", true
	case CharteJumelage:
		return "la charte de jumelage", true
	}
	return "la charte d'amitié", true
}

// lawVisas are the visas of French law shared by the délibération and the convention:
// the CGCT and the "1 %" articles used.
func (f *facts) lawVisas() []Inline {
	v := []Inline{cat("Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1 et suivants ;")}
	for _, use := range f.onePercentArticles() {
		var services []string
		mobility := false
		for _, s := range use.sources {
			services = append(services, servicePhrase(s))
			mobility = mobility || s == wizard.SourceMobilite
		}
		line := "Vu l'article " + use.article + " du même code"
		if law := use.law(); law != "" {
			line += " (" + law + ")"
		}
		if len(services) == 1 {
			line += ", qui permet aux collectivités chargées du service public " + services[0] +
				" de consacrer à des actions de coopération et de solidarité internationales dans ce domaine jusqu'à 1 % des ressources affectées au budget de ce service"
		} else {
			line += ", qui permet aux collectivités chargées des services publics " + wizard.JoinFr(services) +
				" de consacrer à des actions de coopération et de solidarité internationales dans ces domaines jusqu'à 1 % des ressources affectées aux budgets de ces services"
		}
		if mobility {
			line += ", hors versement mobilité"
		}
		v = append(v, cat(line+" ;"))
	}
	return v
}

// visas of the délibération: the law, the article that gives the assembly its power to
// deliberate (and the statuts of a groupement), a département's or région's report and
// commission, the budget, the annexed text.
func (f *facts) visas() []Inline {
	a := f.p.Authority
	v := f.lawVisas()
	art, statuts, known := a.PowerArticle()
	power := any("l'article " + art + " du même code")
	switch {
	case !known && statuts:
		power = cat("l'article ", todo("L. 5711-1 pour un syndicat mixte fermé, L. 5721-2 pour un syndicat mixte ouvert"), " du même code")
	case !known:
		power = cat(todo("article du code général des collectivités territoriales fondant le pouvoir de délibérer de l'assemblée"))
	}
	if statuts {
		v = append(v, cat("Vu ", power, " et les statuts ", f.authDesOf(), " ;"))
	} else {
		v = append(v, cat("Vu ", power, " ;"))
	}
	if a.Type == wizard.AuthDepartement || a.Type == wizard.AuthRegion {
		report := any(cat("de ", f.execTitleTodo()))
		if e := a.ExecutiveOfCouncil(); e != "" {
			report = wizard.DeArticle(e)
		}
		v = append(v, cat("Vu le rapport ", report, " ;"), cat("Vu l'avis de la commission ", f.commission(), " ;"))
	}
	if uses := f.onePercentArticles(); len(uses) > 0 {
		var services []string
		for _, u := range uses {
			for _, s := range u.sources {
				services = append(services, servicePhrase(s))
			}
		}
		others := "les budgets des services " + wizard.JoinFr(services)
		if len(services) == 1 {
			others = "le budget du service " + services[0]
		}
		v = append(v, cat("Vu le budget principal ", wizard.DeArticle(f.authShort()), " et "+others+" ;"))
	} else {
		v = append(v, cat("Vu le budget ", wizard.DeArticle(f.authShort()), " ;"))
	}
	if name, ok := f.mainTextName(); ok {
		_, bare, _ := strings.Cut(name, " ")
		v = append(v, cat("Vu le projet de "+bare+" annexé à la présente délibération ;"))
	}
	return v
}

// considerants draw the exposé from the plan: partner and history, objectives, category
// and sectors, ODD, implementation, actions, amounts, co-financing. The list of actions
// is added to the builder directly after its considérant.
func (f *facts) considerants(b *builder) []Inline {
	p := f.p
	var out []Inline
	flush := func() {
		for _, c := range out {
			b.para(c)
		}
		out = nil
	}
	if p.Partner.Kind == wizard.PartnerFACECO {
		out = append(out,
			cat("Considérant la situation d'urgence humanitaire ", f.crisis(), " et l'appel à la solidarité des collectivités territoriales ;"),
			cat("Considérant que le fonds d'action extérieure des collectivités territoriales (FACECO), géré par le Centre de crise et de soutien du ministère de l'Europe et des Affaires étrangères, permet aux collectivités territoriales d'apporter une aide humanitaire d'urgence, mutualisée et mise en œuvre par les experts humanitaires de l'État ;"))
	} else {
		history := any(todo(whatHistory))
		if p.Partner.History != "" {
			history = quote(p.Partner.History)
		}
		out = append(out, cat("Considérant les relations nouées entre ", f.authDes(), " et ", f.partner(),
			", ", f.partnerKind(), " : ", history, " ;"))
	}
	if c := f.stateExceptionConsiderant(); c != nil {
		out = append(out, c)
	}
	objectives := any(todo(whatObjectives))
	if p.Domain.Objectives != "" {
		objectives = quote(p.Domain.Objectives)
	}
	out = append(out,
		cat("Considérant les objectifs poursuivis : ", objectives, " ;"),
		cat("Considérant que cette action relève ", f.categoryPhrase(),
			" au sens de l'article L. 1115-1 du code général des collectivités territoriales, dans ", f.sectors(), " ;"),
		cat("Considérant que cette action prend en compte le Programme de développement durable à l'horizon 2030 des Nations unies et contribue ", f.sdgsTo(), " ;"))
	if c := f.implementationConsiderant(); c != nil && p.Form != wizard.FormDon {
		out = append(out, c)
	}

	total := p.TotalCost()
	switch {
	case p.Form == wizard.FormDon:
		out = append(out, cat("Considérant que le montant de l'aide envisagée s'élève à ", f.totalOrTodo(), " ;"))
	case len(p.Actions) == 0:
		out = append(out, cat("Considérant le programme d'actions envisagé : ", todo("actions et leur coût"), " ;"))
	default:
		out = append(out, cat("Considérant le programme d'actions envisagé :"))
		flush()
		b.bullets(f.actionLines()...)
	}
	switch {
	case total > 0 && p.Form == wizard.FormCharte:
		out = append(out, cat("Considérant que les actions envisagées représentent un montant prévisionnel de ",
			amount(total), byYear(f.costYears()), ", et que la charte d'amitié, déclaration d'intention, ne crée par elle-même aucun engagement financier ;"))
	case total > 0 && p.Form != wizard.FormDon:
		out = append(out, cat("Considérant que le montant prévisionnel total des engagements financiers s'élève à ",
			amount(p.CashCommitment()), byYear(p.CashByYear()), f.valorisationApart(), " ;"))
	case total == 0 && (p.Form == wizard.FormJumelage || p.Form == wizard.FormCharte):
		out = append(out, cat("Considérant que ", f.mainTextNameOr("ce projet"), " n'emporte aucun engagement financier ;"))
	}
	if srcs := f.sources(); len(srcs) > 0 {
		out = append(out, cat("Considérant le plan de financement prévisionnel :"))
		flush()
		var lines []Inline
		for _, st := range srcs {
			l := cat(sourceLabel(st), " : ", amount(st.total))
			if !st.source.IsOwnContribution() {
				l = cat(l, " (cofinancement à solliciter)")
			}
			lines = append(lines, l)
		}
		b.bullets(lines...)
	}
	return out
}

// mainTextNameOr is the annexed text's name, or the fallback.
func (f *facts) mainTextNameOr(fallback string) string {
	if n, ok := f.mainTextName(); ok {
		return n
	}
	return fallback
}

// totalOrTodo is the total cost, or a placeholder.
func (f *facts) totalOrTodo() any {
	if t := f.p.TotalCost(); t > 0 {
		return amount(t)
	}
	return todo(whatAmount)
}

// actionLines list the actions: "2027 – Échange scolaire : 4 500,00 €".
func (f *facts) actionLines() []Inline {
	var out []Inline
	for _, a := range f.p.Actions {
		c := any(todo("coût"))
		if a.Cost > 0 {
			c = amount(a.Cost)
		}
		out = append(out, cat(yearText(a.Year), " – ", orTodo(a.Title, "intitulé de l'action"), " : ", c))
	}
	return out
}

// implementationConsiderant says how the action is carried out.
func (f *facts) implementationConsiderant() Inline {
	im := f.p.Implementation
	short := f.authShort()
	switch im.Mode {
	case wizard.ModeEnPropre:
		return cat("Considérant que ", short, " porte directement cette action, avec ses propres moyens ;")
	case wizard.ModeMutualisation:
		with := any(todo("collectivités associées"))
		if len(im.PooledWith) > 0 {
			with = wizard.JoinFr(withArticles(im.PooledWith))
		}
		return cat("Considérant que cette action est menée en mutualisation avec ", with, ", ", short, " en demeurant maître d'ouvrage ;")
	case wizard.ModeDelegation:
		op := any(cat("à ", todo("opérateur")))
		if im.Operator != "" {
			op = aName(im.Operator)
		}
		return cat("Considérant que la mise en œuvre de cette action est confiée ", op, ", ", short, " en demeurant maître d'ouvrage ;")
	case wizard.ModeSoutien:
		return cat("Considérant que ", short, " apporte son soutien à cette action ;")
	}
	if f.p.Form == wizard.FormDon {
		return nil
	}
	return cat("Considérant que cette action est mise en œuvre ", todo("mode de mise en œuvre"), " ;")
}

// decisions add the numbered articles after "DÉCIDE".
func (f *facts) decisions(b *builder) {
	p := f.p
	switch p.Form {
	case wizard.FormDon:
		if p.Partner.Kind == wizard.PartnerFACECO {
			b.decision("Attribue une contribution exceptionnelle de ", f.totalOrTodo(),
				" au fonds d'action extérieure des collectivités territoriales (FACECO), géré par le Centre de crise et de soutien du ministère de l'Europe et des Affaires étrangères, au titre de l'aide humanitaire d'urgence ", f.crisis(),
				" ; cette contribution est versée au fonds de concours de l'État rattaché au FACECO (", confirm(facecoFundPoint), ").")
		} else {
			b.decision("Attribue une aide humanitaire d'urgence de ", f.totalOrTodo(), " ", f.partnerTo(), " ", f.crisis(), ".")
			f.grantDecisions(b)
		}
		b.decision("Autorise ", f.exec(), " à signer tout document nécessaire au versement de cette aide.")
		f.creditsDecision(b)
		f.transmissionDecision(b)
		return
	case wizard.FormJumelage:
		b.decision("Approuve le jumelage ", f.authDesOf(), " avec ", f.partner(),
			" et les termes de la charte de jumelage annexée à la présente délibération.")
		b.decision("Autorise ", f.exec(), " à signer la charte de jumelage lors des cérémonies organisées successivement par chacun des deux partenaires, ainsi que tout document afférent à la mise en œuvre de la présente délibération.")
	case wizard.FormCharte:
		b.decision("Approuve la charte d'amitié entre ", f.authDes(), " et ", f.partner(),
			", annexée à la présente délibération.")
		b.decision("Autorise ", f.exec(), " à signer la charte d'amitié ainsi que tout document afférent à la mise en œuvre de la présente délibération.")
	case wizard.FormConvention, wizard.FormPromotion:
		if p.NeedsConvention() {
			b.decision("Approuve la convention de coopération décentralisée entre ", f.authDes(), " et ", f.partner(),
				", annexée à la présente délibération.")
			b.decision("Autorise ", f.exec(), " à signer cette convention ainsi que tout document afférent à sa mise en œuvre.")
			if pa := p.Partner; pa.Kind == wizard.PartnerEtat && pa.StateException != "" && pa.StateException != wizard.StateNone {
				b.decision("Dit que la convention ne sera signée qu'après l'obtention ", wizard.DeArticle(pa.StateException.Authorisation()),
					" (code général des collectivités territoriales, article L. 1115-5).")
			}
		} else {
			if len(p.Actions) > 0 {
				// A programme that does not exist is not approved.
				b.decision("Approuve le programme d'actions de promotion culturelle et touristique mené avec ", f.partner(), ".")
			}
			b.decision("Autorise ", f.exec(), " à signer tout document afférent à la mise en œuvre de la présente délibération.")
		}
	default:
		b.decision("Approuve l'action extérieure menée avec ", f.partner(), " (", todo("forme de l'action"), ").")
		b.decision("Autorise ", f.exec(), " à signer tout document afférent à la mise en œuvre de la présente délibération.")
	}
	switch {
	case p.Form == wizard.FormCharte && p.Commits():
		// A charte d'amitié commits no money: the actions that cost money need a
		// convention (objet + montant prévisionnel), approved by a later délibération.
		b.decision("Prend acte que les actions envisagées (montant prévisionnel de ", amount(p.TotalCost()), byYear(f.costYears()),
			") nécessiteront la conclusion, avec une autorité locale étrangère, d'une convention précisant l'objet des actions envisagées et le montant prévisionnel des engagements financiers, conformément à l'article L. 1115-1 du code général des collectivités territoriales ; cette convention sera soumise à une délibération ultérieure.")
	case p.Commits():
		b.decision("Fixe le montant prévisionnel des engagements financiers ", f.authDesOf(), " à ", amount(p.CashCommitment()),
			byYear(p.CashByYear()), ", selon le plan de financement prévisionnel exposé ci-dessus", f.valorisationApart(), ".")
		f.grantDecisions(b)
		f.creditsDecision(b)
		if co := f.cofunders(); len(co) > 0 {
			var who []string
			for _, st := range co {
				who = append(who, funderPhrase(st.source))
			}
			b.decision("Autorise ", f.exec(), " à solliciter les cofinancements prévus au plan de financement auprès ",
				wizard.JoinFr(who), ", et à signer tout document s'y rapportant.")
		}
	}
	if p.Form == wizard.FormJumelage && p.Implementation.Mode == wizard.ModeDelegation && p.Commits() {
		b.decision("Autorise ", f.exec(), " à signer avec ", f.operatorRef(),
			" une convention précisant le rôle de chacun dans l'animation du jumelage et l'emploi des subventions versées.")
	}
	f.transmissionDecision(b)
}

// creditsDecision says where the credits are entered, with the imputation by who is
// paid (DOMAIN §11): always to confirm with the comptable.
func (f *facts) creditsDecision(b *builder) {
	years, n := f.budgetYears()
	verb := "sont inscrits"
	if f.futureCredits() {
		verb = "seront inscrits"
	}
	where := cat("au budget ", years)
	if n > 1 {
		where = cat("aux budgets ", years)
	}
	if uses := f.onePercentArticles(); len(uses) > 0 {
		var budgets []string
		for _, u := range uses {
			for _, s := range u.sources {
				budgets = append(budgets, annexBudget(s))
			}
		}
		where = cat("aux budgets ", years, " (budget principal et, pour la part financée au titre du 1 %, ", wizard.JoinFr(budgets), ", dont les comptes diffèrent de ceux du budget principal)")
	}
	b.decision("Dit que les crédits correspondants ", verb, " ", where, ", imputation : ", f.imputation(), ".")
}

// transmissionDecision sends the act to the préfet; a convention enters into force on
// its transmission (CGCT L. 1115-1).
func (f *facts) transmissionDecision(b *builder) {
	if f.p.NeedsConvention() {
		b.decision("Dit que la présente délibération sera transmise au représentant de l'État au titre du contrôle de légalité, ainsi que la convention une fois signée ; conformément à l'article L. 1115-1 du code général des collectivités territoriales, la convention entre en vigueur, pour ",
			f.authShort(), ", dès sa transmission au représentant de l'État.")
		return
	}
	b.decision("Dit que la présente délibération sera transmise au représentant de l'État au titre du contrôle de légalité.")
}

// voteLines are the vote block: fill-in lines when the votes are blank.
func (f *facts) voteLines() []Inline {
	s := f.p.Session
	lines := []Inline{
		cat(strong("Votants : "), f.voters()),
		cat("Pour : ", optCount(s.VotesFor, "voix pour")),
		cat("Contre : ", optCount(s.VotesAgainst, "voix contre")),
		cat("Abstentions : ", optCount(s.Abstentions, "abstentions")),
	}
	if s.VotesFor == nil || s.VotesAgainst == nil || s.Abstentions == nil {
		return append(lines, cat(strong("Résultat : "), todo("adoptée à l'unanimité ou à la majorité des suffrages exprimés")))
	}
	var result Inline
	switch {
	case *s.VotesFor > 0 && *s.VotesAgainst == 0:
		result = cat("La délibération est adoptée à l'unanimité des suffrages exprimés.")
	case *s.VotesFor > *s.VotesAgainst:
		result = cat("La délibération est adoptée à la majorité des suffrages exprimés.")
	default:
		result = cat(todo("résultat du vote : voix prépondérante du président de séance en cas de partage égal, ou rejet"))
	}
	return append(lines, styled(result, Strong))
}

// mentionLines are the mentions of transmission, publication, the act's coming into
// force and the appeal (DOMAIN §6 and §10).
func (f *facts) mentionLines() []Inline {
	a := f.p.Authority
	var pub Inline
	switch small, known := a.ChoosesPublicationMode(); {
	case !known:
		pub = cat("Publié le ", todo(whatDate), " ", todo(whatPublication))
	case small:
		pub = cat("Publié le ", todo(whatDate), ", selon le mode choisi par ", f.council(),
			" (à cocher) : ☐ affichage ☐ publication sur papier ☐ publication sous forme électronique")
	default:
		pub = cat("Publié sous forme électronique le ", todo(whatDate))
	}
	transmit := cat("Transmis au représentant de l'État le ", todo(whatDate))
	if a.ActesCompulsory() {
		transmit = cat(transmit, " par voie électronique")
	}
	court := any(todo("tribunal administratif compétent"))
	if c, ok := wizard.AdministrativeCourt(a.Departement); ok {
		court = c
	}
	return []Inline{
		transmit,
		pub,
		cat("Acte exécutoire une fois publié et transmis au représentant de l'État (code général des collectivités territoriales, ", articles(a.PublicationArticle()), ")."),
		cat("Le présent acte peut faire l'objet d'un recours gracieux auprès ", f.execOf(), " ou d'un recours contentieux devant ", court,
			" dans un délai de deux mois à compter de sa publication. Le tribunal administratif peut être saisi par l'application Télérecours citoyens accessible sur le site www.telerecours.fr."),
	}
}

// councilOfAuthority is the assembly with its authority: « le conseil municipal de la
// commune de … », « le conseil de la métropole … » (not « de la métropole de la
// métropole »), « l'Assemblée de Martinique ».
func (f *facts) councilOfAuthority() Inline {
	a := f.p.Authority
	if strings.HasPrefix(a.Council(), "l'Assemblée") {
		return cat(f.council())
	}
	if a.Type == wizard.AuthMetropole {
		return cat("le conseil ", f.authDesOf())
	}
	return cat(f.council(), " ", f.authDesOf())
}

// articles names one or several articles after the code: "article L. 2131-1",
// "articles L. 2131-1 et L. 5211-3".
func articles(list string) string {
	if strings.Contains(list, " et ") {
		return "articles " + list
	}
	return "article " + list
}

// ofCouncilOfAuthority is councilOfAuthority after "de": « du conseil municipal de la
// commune de … », « du conseil de la métropole … ».
func (f *facts) ofCouncilOfAuthority() Inline {
	in := f.councilOfAuthority()
	out := append(Inline(nil), in...)
	out[0].Text = wizard.DeArticle(out[0].Text)
	return out
}

// grantDecisions attribute every grant to a private body by name and amount (CGCT
// L. 2311-7), and approve the convention d'objectifs of a grant above 23 000 € a year
// (loi 2000-321 art. 10).
func (f *facts) grantDecisions(b *builder) {
	for _, g := range f.grantsByBody() {
		b.decision("Attribue ", wizard.AArticle(titleWithArticle(g.name)), " une subvention de ", amountsInYears(g.years), ".")
		if g.objectives {
			b.decision("Approuve la convention d'objectifs à conclure avec ", titleWithArticle(g.name),
				", annexée à la présente délibération, et autorise ", f.exec(), " à la signer.")
		}
	}
}

// bodyGrants are the grants to one private body, over the years.
type bodyGrants struct {
	name       string
	kind       wizard.PayeeKind
	years      []wizard.YearAmount
	total      wizard.Cents
	objectives bool
}

// grantsByBody groups the plan's grants by body, in the order of their first action.
func (f *facts) grantsByBody() []bodyGrants {
	var out []bodyGrants
	for _, g := range f.p.Grants() {
		j := 0
		for j < len(out) && wizard.Fold(out[j].name) != wizard.Fold(g.Name) {
			j++
		}
		if j == len(out) {
			out = append(out, bodyGrants{name: g.Name, kind: g.Kind})
		}
		out[j].years = append(out[j].years, wizard.YearAmount{Year: g.Year, Amount: g.Amount})
		out[j].total += g.Amount
		out[j].objectives = out[j].objectives || g.NeedsObjectives()
	}
	return out
}

// amountsInYears is "4 500,00 € en 2027", or "30 000,00 € (25 000,00 € en 2027 et
// 5 000,00 € en 2028)".
func amountsInYears(yas []wizard.YearAmount) Inline {
	var total wizard.Cents
	for _, ya := range yas {
		total += ya.Amount
	}
	if len(yas) == 1 {
		if yas[0].Year == 0 {
			return cat(amount(total), " (", todo(whatYear), ")")
		}
		return cat(amount(total), fmt.Sprintf(" en %d", yas[0].Year))
	}
	return cat(amount(total), " (", amountsByYear(yas), ")")
}

// valorisationApart states the valorisation apart from the cash commitment: « ; la
// valorisation des apports en nature (12 000,00 €) figure au plan de financement et
// n'est pas un engagement financier », or nothing.
func (f *facts) valorisationApart() Inline {
	v := f.p.Valorisation()
	if v <= 0 {
		return nil
	}
	return cat(" ; la valorisation des apports en nature ", f.authDesOf(), " (notamment le temps de ses agents), estimée à ", amount(v),
		", figure au plan de financement et ne constitue pas un engagement financier")
}

// crisis names the crisis a gift answers: « à la suite du séisme du 8 septembre 2023 au
// Maroc », with placeholders for what is missing.
func (f *facts) crisis() Inline {
	pa := f.p.Partner
	event := any(todo("événement : séisme, inondations, conflit…"))
	if e := strings.TrimSpace(pa.CrisisEvent); e != "" {
		event = e
	}
	when := any(todo("date de l'événement"))
	if !pa.CrisisDate.IsZero() {
		when = wizard.FormatDate(pa.CrisisDate)
	}
	where := any(cat("(pays concerné : ", todo(whatCountry), ")"))
	if f.hasCtry {
		where = f.country.Locative()
	}
	return cat("à la suite du ", event, " du ", when, " ", where)
}

// commission is the name of the commission whose opinion is cited, or a placeholder.
func (f *facts) commission() any {
	c := strings.TrimSpace(f.p.Session.Commission)
	if rest, ok := cutPrefixFold(c, "commission "); ok {
		c = rest
	}
	if c == "" {
		return todo("nom de la commission compétente")
	}
	return c
}

// cutPrefixFold removes a prefix, ignoring case and accents.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && wizard.Fold(s[:len(prefix)]) == wizard.Fold(prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// frameParagraphs record what the séance's frame needs said (DOMAIN §10): the urgency
// the assembly ruled on first, and the second meeting that deliberates without quorum.
func (f *facts) frameParagraphs(b *builder) {
	a, s := f.p.Authority, f.p.Session
	if s.Urgency {
		b.para(capitalize(cat(f.exec())), " ayant abrégé le délai de convocation en raison de l'urgence, ", f.council(),
			" s'est prononcé", fem(f.councilFeminine(), "e", ""), " sur l'urgence dès l'ouverture de la séance et l'a reconnue (code général des collectivités territoriales, ",
			articles(a.UrgencyArticle()), ").")
	}
	if s.SecondMeeting && s.MembersInOffice > 0 && s.Present < wizard.Quorum(s.MembersInOffice) {
		if a.SecondMeetingByRight() {
			first, _ := s.FirstMeeting(&a)
			b.para("Le quorum n'ayant pas été atteint lors de la réunion du ", date(first, "date de la première réunion"), ", ", f.council(),
				" s'est réuni", fem(f.councilFeminine(), "e", ""), " de plein droit trois jours plus tard et délibère valablement sans condition de quorum (code général des collectivités territoriales, ",
				articles(a.QuorumArticle()), ").")
		} else {
			b.para("Le quorum n'ayant pas été atteint lors de la séance du ", todo("date de la première séance"), ", ", f.council(),
				", de nouveau convoqué", fem(f.councilFeminine(), "e", ""), " à trois jours au moins d'intervalle, délibère valablement sans condition de quorum (code général des collectivités territoriales, ",
				articles(a.QuorumArticle()), ").")
		}
	}
}

// stateExceptionConsiderant cites the exception of L. 1115-5 under which the convention
// with a State is concluded, and what its signature waits for.
func (f *facts) stateExceptionConsiderant() Inline {
	pa := f.p.Partner
	if pa.Kind != wizard.PartnerEtat || pa.StateException == "" || pa.StateException == wizard.StateNone {
		return nil
	}
	return cat("Considérant que le partenaire est un État et que le projet relève de l'exception prévue par l'article L. 1115-5 du code général des collectivités territoriales : ",
		wizard.LowerFirst(wizard.StateExceptions.Label(pa.StateException)), " ; que sa signature est subordonnée ", wizard.AArticle(pa.StateException.Authorisation()), " ;")
}
