package document

import (
	"strings"

	"aect/wizard"
)

// The facts the délibération's model uses beyond the others'.

// Objet is the délibération's object, by form: « Jumelage avec … – approbation de la
// charte de jumelage et autorisation de signature ».
func (v *view) Objet() frag { return encode(v.f.subject()) }

// Conseil is the assembly with its article: « le conseil municipal ».
func (v *view) Conseil() frag { return protect(v.f.council()) }

// ConseilFeminin: the assembly's noun is feminine (« l'assemblée »).
func (v *view) ConseilFeminin() bool { return v.f.councilFeminine() }

// ConseilDeLaCollectivite is « le conseil municipal de la commune de … ».
func (v *view) ConseilDeLaCollectivite() frag { return encode(v.f.councilOfAuthority()) }

// DepartementOuRegion: the authority is a département or a région (no département line
// in the header; a report and a commission in the visas).
func (v *view) DepartementOuRegion() bool {
	t := v.f.p.Authority.Type
	return t == wizard.AuthRegion || t == wizard.AuthDepartement
}

// PouvoirDeDeliberer is the article that gives the assembly its power to deliberate,
// after « Vu » : « l'article L. 2121-29 du même code », or a placeholder.
func (v *view) PouvoirDeDeliberer() frag {
	art, statuts, known := v.f.p.Authority.PowerArticle()
	switch {
	case !known && statuts:
		return encode(cat("l'article ", todo("L. 5711-1 pour un syndicat mixte fermé, L. 5721-2 pour un syndicat mixte ouvert"), " du même code"))
	case !known:
		return toFrag(todo("article du code général des collectivités territoriales fondant le pouvoir de délibérer de l'assemblée"))
	}
	if strings.HasSuffix(art, "et suivants") {
		return protect("les articles " + art + " du même code")
	}
	return protect("l'article " + art + " du même code")
}

// Statuts: a groupement also cites its statuts.
func (v *view) Statuts() bool { _, statuts, _ := v.f.p.Authority.PowerArticle(); return statuts }

// RapportDe is whose report a département or a région cites: « de la Présidente ».
func (v *view) RapportDe() frag {
	if e := v.f.p.Authority.ExecutiveOfCouncil(); e != "" {
		return protect(wizard.DeArticle(e))
	}
	return encode(cat("de ", v.f.execTitleTodo()))
}

// Commission is the name of the commission whose opinion is cited, or a placeholder.
func (v *view) Commission() frag { return toFrag(v.f.commission()) }

// BudgetsUnPourCent are the service budgets of the « 1 % » mechanisms used: « le budget
// du service de l'eau potable », « les budgets des services … et … ».
func (v *view) BudgetsUnPourCent() frag {
	var services []string
	for _, u := range v.f.onePercentArticles() {
		for _, s := range u.sources {
			services = append(services, servicePhrase(s))
		}
	}
	if len(services) == 1 {
		return protect("le budget du service " + services[0])
	}
	return protect("les budgets des services " + wizard.JoinFr(services))
}

// TexteAnnexe is the text annexed to the délibération with its article (« la charte de
// jumelage »), or "" for a form without one.
func (v *view) TexteAnnexe() frag { n, _ := v.f.mainTextName(); return protect(n) }

// TexteAnnexeSansArticle is the annexed text without its article: « charte de jumelage ».
func (v *view) TexteAnnexeSansArticle() frag {
	n, _ := v.f.mainTextName()
	_, bare, _ := strings.Cut(n, " ")
	return protect(bare)
}

// AvecConvention: the plan needs a convention (a convention form, or a promotion that
// commits money).
func (v *view) AvecConvention() bool { return v.f.p.NeedsConvention() }

// Crise names the crisis a gift answers: « à la suite du séisme du 8 septembre 2023 au
// Maroc », with placeholders for what is missing.
func (v *view) Crise() frag { return encode(v.f.crisis()) }

// exceptionEtat is the exception of CGCT L. 1115-5 under which a convention with a
// State is concluded.
type exceptionEtat struct {
	// Libelle is the exception, in lower case.
	Libelle frag
	// AAutorisation and DeAutorisation are the authorisation the signature waits for,
	// after « à » and « de » : « au préfet… », « du préfet… ».
	AAutorisation, DeAutorisation frag
}

// ExceptionEtat is the exception declared for a State partner, or nil.
func (v *view) ExceptionEtat() *exceptionEtat {
	pa := v.f.p.Partner
	if pa.Kind != wizard.PartnerEtat || pa.StateException == "" || pa.StateException == wizard.StateNone {
		return nil
	}
	return &exceptionEtat{Libelle: protect(wizard.LowerFirst(wizard.StateExceptions.Label(pa.StateException))),
		AAutorisation:  protect(wizard.AArticle(pa.StateException.Authorisation())),
		DeAutorisation: protect(wizard.DeArticle(pa.StateException.Authorisation()))}
}

// NombreODD is the number of linked sustainable development goals.
func (v *view) NombreODD() int {
	n := 0
	for _, x := range v.f.p.Domain.SDGs {
		if x >= 1 && x <= 17 {
			n++
		}
	}
	return n
}

// CoutsParAnnee completes the total cost with its years: « , soit … en 2027 et … en
// 2028 ».
func (v *view) CoutsParAnnee() frag { return encode(byYear(v.f.costYears())) }

// source is one funding source, summed over the years, in the models.
type source struct {
	// Libelle is its label; Total its amount; Propre: the authority's own contribution.
	Libelle frag
	Total   wizard.Cents
	Propre  bool
}

// Sources are the funding sources, the own contribution first.
func (v *view) Sources() []source {
	var out []source
	for _, st := range v.f.sources() {
		out = append(out, source{Libelle: protect(sourceLabel(st)), Total: st.total, Propre: st.source.IsOwnContribution()})
	}
	return out
}

// CofinanceursAupres are the co-funders after « auprès » : « du ministère de l'Europe
// … », « de l'Union européenne (…) ».
func (v *view) CofinanceursAupres() []frag {
	var out []frag
	for _, st := range v.f.cofunders() {
		out = append(out, protect(funderPhrase(st.source)))
	}
	return out
}

// subvention is a grant to a private body, attributed by name and amount (CGCT
// L. 2311-7).
type subvention struct {
	// A is the body after « à » ; Signataire its name with its article.
	A, Signataire frag
	// Montants is « 4 500,00 € en 2027 », or the total with its years.
	Montants frag
	// ConventionObjectifs: more than 23 000 € in a year, with a convention d'objectifs.
	ConventionObjectifs bool
}

// Subventions are the grants to private bodies, by body.
func (v *view) Subventions() []subvention {
	var out []subvention
	for _, g := range v.f.grantsByBody() {
		out = append(out, subvention{A: protect(wizard.AArticle(titleWithArticle(g.name))), Signataire: protect(titleWithArticle(g.name)),
			Montants: encode(amountsInYears(g.years)), ConventionObjectifs: g.objectives})
	}
	return out
}

// credits is where the credits are entered.
type credits struct {
	// Futurs: some credits fall after the session's year (« seront inscrits »).
	Futurs bool
	// Exercices are the financial years: « de l'exercice 2027 », « des exercices 2027 à
	// 2029 »; Plusieurs: more than one.
	Exercices frag
	Plusieurs bool
	// BudgetsAnnexes are the service budgets of the « 1 % »: « budget de l'eau potable ».
	BudgetsAnnexes frag
}

// Credits are where the credits are entered.
func (v *view) Credits() credits {
	years, n := v.f.budgetYears()
	c := credits{Futurs: v.f.futureCredits(), Exercices: encode(years), Plusieurs: n > 1}
	var budgets []string
	for _, u := range v.f.onePercentArticles() {
		for _, s := range u.sources {
			budgets = append(budgets, annexBudget(s))
		}
	}
	c.BudgetsAnnexes = protect(wizard.JoinFr(budgets))
	return c
}

// Imputation is the budget imputation, the user's or by who is paid, always to confirm
// with the comptable.
func (v *view) Imputation() frag { return encode(v.f.imputation()) }

// TeletransmissionObligatoire: the act must be transmitted electronically (@ctes).
func (v *view) TeletransmissionObligatoire() bool { return v.f.p.Authority.ActesCompulsory() }

// publication is the publication regime of the authority's acts.
type publication struct {
	// Connue: the authority's type and population tell the regime.
	Connue bool
	// AuChoix: the council chooses between posting, paper and electronic publication
	// (commune under 3 500 inhabitants, syndicat…); otherwise it is electronic.
	AuChoix bool
}

// Publication is the publication regime of the authority's acts.
func (v *view) Publication() publication {
	small, known := v.f.p.Authority.ChoosesPublicationMode()
	return publication{Connue: known, AuChoix: small}
}

// ArticlesPublication names the articles of the act's coming into force: « article
// L. 2131-1 », « articles L. 2131-1 et L. 5211-3 ».
func (v *view) ArticlesPublication() frag {
	return protect(articles(v.f.p.Authority.PublicationArticle()))
}

// Nature is the authority's type with its article: « la commune », « le syndicat mixte ».
func (c collectivite) Nature() frag { return protect(c.f.authShort()) }

// NatureDe is the type after « de » : « de la commune ».
func (c collectivite) NatureDe() frag { return protect(wizard.DeArticle(c.f.authShort())) }

// DepartementDe is the département after « Département » : « de l'Isère », or "".
func (c collectivite) DepartementDe() frag {
	if c.f.hasDep {
		return protect(c.f.dep.Of)
	}
	return ""
}

// AvecArticle is the executive with its article: « le Maire », or a placeholder.
func (e executif) AvecArticle() frag { return toFrag(e.f.exec()) }

// De is the executive after « de » : « du Maire », « de la Présidente ».
func (e executif) De() frag { return toFrag(e.f.execOf()) }

// A is the partner after « à », with its country: « à la Croix-Rouge (…) ».
func (p partenaire) A() frag { return encode(p.f.partnerTo()) }

// Convocation is the date of the convocation.
func (s seance) Convocation() wizard.Date { return s.f.p.Session.ConvocationDate }

// MembresEnExercice and Presents are the counts of members (0 when not given).
func (s seance) MembresEnExercice() int { return s.f.p.Session.MembersInOffice }

// Presents is the number of members present (0 when not given).
func (s seance) Presents() int { return s.f.p.Session.Present }

// Representes is the number of members represented, or a placeholder.
func (s seance) Representes() frag {
	return toFrag(optCount(s.f.p.Session.Represented, "nombre de membres représentés"))
}

// Votants is present + represented, or a placeholder.
func (s seance) Votants() frag { return toFrag(s.f.voters()) }

// Secretaire is the secrétaire de séance, or a placeholder.
func (s seance) Secretaire() frag { return toFrag(orTodo(s.f.p.Session.Secretary, whatSecretary)) }

// Ouverture is the session's date in words: « L'an deux mille vingt-six, le quinze
// décembre », or "" when it is not known.
func (s seance) Ouverture() frag { return protect(sessionOpening(s.f.p.Session.Date)) }

// Urgence: the executive shortened the convocation's delay for urgency.
func (s seance) Urgence() bool { return s.f.p.Session.Urgency }

// ArticlesUrgence names the articles on urgency for the authority's type.
func (s seance) ArticlesUrgence() frag { return protect(articles(s.f.p.Authority.UrgencyArticle())) }

// SecondeReunion: the quorum was not reached at a first meeting; this one deliberates
// without quorum.
func (s seance) SecondeReunion() bool {
	se := s.f.p.Session
	return se.SecondMeeting && se.MembersInOffice > 0 && se.Present < wizard.Quorum(se.MembersInOffice)
}

// DePleinDroit: the second meeting is held by right three days later (département,
// région), not after a new convocation.
func (s seance) DePleinDroit() bool { return s.f.p.Authority.SecondMeetingByRight() }

// PremiereReunion is the date of the meeting without quorum of a département or a
// région, three days before the séance held de plein droit; zero when not known.
func (s seance) PremiereReunion() wizard.Date {
	a := s.f.p.Authority
	d, _ := s.f.p.Session.FirstMeeting(&a)
	return d
}

// ArticlesQuorum names the articles on the quorum for the authority's type.
func (s seance) ArticlesQuorum() frag { return protect(articles(s.f.p.Authority.QuorumArticle())) }

// VoixPour, VoixContre and Abstentions are the votes, or placeholders.
func (s seance) VoixPour() frag { return toFrag(optCount(s.f.p.Session.VotesFor, "voix pour")) }

// VoixContre is the votes against, or a placeholder.
func (s seance) VoixContre() frag { return toFrag(optCount(s.f.p.Session.VotesAgainst, "voix contre")) }

// Abstentions is the abstentions, or a placeholder.
func (s seance) Abstentions() frag { return toFrag(optCount(s.f.p.Session.Abstentions, "abstentions")) }

// VoteComplet: the votes for, against and the abstentions are all given.
func (s seance) VoteComplet() bool {
	se := s.f.p.Session
	return se.VotesFor != nil && se.VotesAgainst != nil && se.Abstentions != nil
}

// Unanimite: adopted with no vote against.
func (s seance) Unanimite() bool {
	se := s.f.p.Session
	return s.VoteComplet() && *se.VotesFor > 0 && *se.VotesAgainst == 0
}

// Majorite: more votes for than against.
func (s seance) Majorite() bool {
	se := s.f.p.Session
	return s.VoteComplet() && *se.VotesFor > *se.VotesAgainst
}
