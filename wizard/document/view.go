package document

import (
	"fmt"
	"sort"
	"strings"

	"aect/wizard"
	"aect/wizard/document/render"
)

// view is what a model sees of the plan: named facts (booleans a template branches on)
// and phrases already agreed in French (a designation with its article, a date or its
// placeholder), never raw codes. Its names are French, like the models. Phrases are
// methods, computed only when a model uses them.
//
// Every name here is part of the models' language: LISEZMOI.md lists them, and a model
// naming another one fails its check (checkFacts).
type view struct {
	f *facts

	// Collectivite is the French authority.
	Collectivite collectivite
	// Executif is its executive (maire, président·e).
	Executif executif
	// Presidence is who presides the séance and signs the délibération.
	Presidence presidence
	// Partenaire is the foreign partner.
	Partenaire partenaire
	// Seance is the council's session.
	Seance seance

	// The form of the action.
	Jumelage, CharteAmitie, ConventionCooperation, Promotion, Don bool
	// FACECO: the gift goes to the FACECO.
	FACECO bool
	// EngageArgent: the plan commits money (an action has a cost).
	EngageArgent bool
	// UnPourCent: a « 1 % » mechanism funds the plan.
	UnPourCent bool
	// ExecutifFeminin: the executive's title is feminine (la Maire, la Présidente).
	ExecutifFeminin bool
	// CollectiviteFeminin: the authority's designation is feminine (la commune).
	CollectiviteFeminin bool
	// How the action is carried out.
	EnPropre, Mutualisation, Delegation, Soutien bool
	// PartenaireUE: the partner's country is a member of the European Union.
	PartenaireUE bool
	// Multilingue: the texts are written in French and another language.
	Multilingue bool
}

func newView(f *facts) *view {
	p := f.p
	v := &view{f: f,
		Collectivite: collectivite{f}, Executif: executif{f}, Presidence: presidence{f}, Partenaire: partenaire{f}, Seance: seance{f},
		Jumelage:              p.Form == wizard.FormJumelage,
		CharteAmitie:          p.Form == wizard.FormCharte,
		ConventionCooperation: p.Form == wizard.FormConvention,
		Promotion:             p.Form == wizard.FormPromotion,
		Don:                   p.Form == wizard.FormDon,
		FACECO:                p.Partner.Kind == wizard.PartnerFACECO,
		EngageArgent:          p.Commits(),
		UnPourCent:            len(f.onePercentArticles()) > 0,
		ExecutifFeminin:       p.Authority.EffectiveTitle() != "" && p.Authority.EffectiveTitle().Feminine(),
		CollectiviteFeminin:   f.authFeminine(),
		EnPropre:              p.Implementation.Mode == wizard.ModeEnPropre,
		Mutualisation:         p.Implementation.Mode == wizard.ModeMutualisation,
		Delegation:            p.Implementation.Mode == wizard.ModeDelegation,
		Soutien:               p.Implementation.Mode == wizard.ModeSoutien,
		PartenaireUE:          f.hasCtry && f.country.InEU(),
	}
	_, n := f.languages()
	v.Multilingue = n > 1
	return v
}

// Secteurs lists the sectors after « dans » : « le domaine « jeunesse » », « les
// domaines « culture et patrimoine » et « jeunesse » ».
func (v *view) Secteurs() frag { return toFrag(v.f.sectors()) }

// Langues lists the languages of the texts: « en français et en allemand ».
func (v *view) Langues() frag { l, _ := v.f.languages(); return protect(l) }

// LieuFrancais is the place of the French party: the commune's name, or a placeholder.
func (v *view) LieuFrancais() frag { return toFrag(v.f.frenchPlace()) }

// ConseilDe is the assembly after « de » : « du conseil municipal ».
func (v *view) ConseilDe() frag { return protect(v.f.councilOf()) }

// Operateur is the operator a delegated action is entrusted to, as typed, or "".
func (v *view) Operateur() frag { return protect(v.f.p.Implementation.Operator) }

// collectivite is the French authority in the models.
type collectivite struct{ f *facts }

// Designation is « la commune de Belmont-sur-Guiers ».
func (c collectivite) Designation() frag { return encode(c.f.authDes()) }

// DesignationDe is « de la commune de Belmont-sur-Guiers ».
func (c collectivite) DesignationDe() frag { return encode(c.f.authDesOf()) }

// EnTete is « Commune de Belmont-sur-Guiers », for headers.
func (c collectivite) EnTete() frag { return encode(c.f.authHeader()) }

// executif is the executive of the authority in the models.
type executif struct{ f *facts }

// presidence is who presides the séance and signs the délibération: the executive, but
// in Martinique the président of the Assemblée, not the président du conseil exécutif
// (CGCT L. 7211-1 et suivants).
type presidence struct{ f *facts }

// martinique reports whether the séance is presided by the président of the Assemblée
// de Martinique.
func (p presidence) martinique() bool {
	u, ok := p.f.p.Authority.Unique()
	return ok && u == "Martinique"
}

// De is « du Maire », or « du président de l'Assemblée de Martinique ».
func (p presidence) De() frag {
	if p.martinique() {
		return encode(cat("de ", todo("le président ou la présidente de l'Assemblée de Martinique")))
	}
	return executif(p).De()
}

// Nom is the name of who presides, or a placeholder.
func (p presidence) Nom() frag {
	if p.martinique() {
		return toFrag(todo("nom du président ou de la présidente de l'Assemblée de Martinique"))
	}
	return executif(p).Nom()
}

// Intitule heads the signature of the délibération: « Le Maire ».
func (p presidence) Intitule() frag {
	if p.martinique() {
		return encode(cat(todo("Le président ou La présidente"), " de l'Assemblée de Martinique"))
	}
	return executif(p).Intitule()
}

// Nom is the executive's name, or a placeholder.
func (e executif) Nom() frag { return toFrag(e.f.execName()) }

// Titre is the title alone: « Maire », « Présidente ».
func (e executif) Titre() frag { return toFrag(e.f.execTitle()) }

// Intitule is the title with its article, capitalised: « Le Maire », « La Présidente ».
func (e executif) Intitule() frag {
	if ex := e.f.p.Authority.Executive(); ex != "" {
		return protect(wizard.Capitalize(ex))
	}
	return toFrag(e.f.execTitleTodo())
}

// Possessif is « son Maire », « sa Présidente ».
func (e executif) Possessif() frag { return toFrag(e.f.execPossessive()) }

// partenaire is the foreign partner in the models.
type partenaire struct{ f *facts }

// Nom is the partner's name as typed, or "".
func (p partenaire) Nom() frag { return protect(p.f.p.Partner.Name) }

// Designation is the partner with its article and country, inside a sentence: « la
// commune de Ndiassane-Ouest (Sénégal) ».
func (p partenaire) Designation() frag { return encode(p.f.partner()) }

// Titre is the partner's name and country, for headers.
func (p partenaire) Titre() frag { return encode(p.f.partnerTitle()) }

// De is the partner after « de » : « de la commune de … ».
func (p partenaire) De() frag { return toFrag(p.f.partnerOf()) }

// Signataire is the partner with its article, as typed, for signature blocks.
func (p partenaire) Signataire() frag { return toFrag(p.f.partnerSignatory()) }

// Representant is the partner's representative as typed, or a placeholder.
func (p partenaire) Representant() frag { return toFrag(p.f.partnerRep()) }

// RepresentantDansLaPhrase is the representative inside a sentence (« le Président… »).
func (p partenaire) RepresentantDansLaPhrase() frag { return toFrag(p.f.partnerRepInSentence()) }

// Represente is « représentée » or « représenté », agreeing with the partner's name, or
// « représenté(e) ».
func (p partenaire) Represente() frag { return protect(p.f.partnerRepresented()) }

// Historique is the history of the relationship as typed, or "".
func (p partenaire) Historique() frag { return protect(p.f.p.Partner.History) }

// seance is the council's session in the models.
type seance struct{ f *facts }

// Date is the session's date.
func (s seance) Date() wizard.Date { return s.f.p.Session.Date }

// Numero is the délibération's number (the act's number of the télétransmission), or
// its placeholder.
func (s seance) Numero() frag { return toFrag(s.f.actNumber(render.Plain)) }

// VisasUnPourCent are the visas of the CGCT articles of the « 1 % » mechanisms the plan
// uses, each a whole line « Vu l'article L. 1115-1-1 du même code (…) ; ».
func (v *view) VisasUnPourCent() []frag {
	var out []frag
	for _, l := range v.f.lawVisas()[1:] {
		out = append(out, encode(l))
	}
	return out
}

// DuConseilDeLaCollectivite is « du conseil municipal de la commune de … ».
func (v *view) DuConseilDeLaCollectivite() frag { return encode(v.f.ofCouncilOfAuthority()) }

// Objectifs are the objectives of the actions as typed, or "".
func (v *view) Objectifs() frag { return protect(v.f.p.Domain.Objectives) }

// ODD lists the linked sustainable development goals: « n° 4 « Éducation de qualité » et
// n° 17 « … » », or a placeholder.
func (v *view) ODD() frag { return toFrag(v.f.sdgs()) }

// Categorie is the legal category after « relève » : « de la coopération ».
func (v *view) Categorie() frag { return toFrag(v.f.categoryPhrase()) }

// action is one action of the programme in the models.
type action struct {
	// Annee is its year, or a placeholder.
	Annee frag
	// Intitule is its title, or a placeholder.
	Intitule frag
	// Description is its description as typed, or "".
	Description frag
	// Cout is its cost, or a placeholder; Montant its cost, 0 when not given.
	Cout    frag
	Montant wizard.Cents
}

func newAction(a wizard.Action) action {
	c := any(todo("coût"))
	if a.Cost > 0 {
		c = amount(a.Cost)
	}
	return action{Annee: toFrag(yearText(a.Year)), Intitule: toFrag(orTodo(a.Title, "intitulé de l'action")),
		Description: protect(a.Description), Cout: toFrag(c), Montant: a.Cost}
}

// Actions are the actions, in the order typed.
func (v *view) Actions() []action {
	out := make([]action, len(v.f.p.Actions))
	for i, a := range v.f.p.Actions {
		out[i] = newAction(a)
	}
	return out
}

// ActionsParAnnee are the actions sorted by year.
func (v *view) ActionsParAnnee() []action {
	as := append([]wizard.Action(nil), v.f.p.Actions...)
	sort.SliceStable(as, func(i, j int) bool { return as[i].Year < as[j].Year })
	out := make([]action, len(as))
	for i, a := range as {
		out[i] = newAction(a)
	}
	return out
}

// CollectivitesMutualisees are the authorities the action is pooled with, each with its
// article (« la commune de … »).
func (v *view) CollectivitesMutualisees() []frag {
	var out []frag
	for _, n := range v.f.p.Implementation.PooledWith {
		out = append(out, protect(withArticle(n)))
	}
	return out
}

// associee is a French authority that signs the convention beside the authority.
type associee struct {
	// Designation is its name with its article, inside a sentence.
	Designation frag
	// Signataire is its name with its article as typed, for a signature block.
	Signataire frag
	// Represente is « représentée » or « représenté », agreeing with its name
	// (« le Syndicat des eaux du Cher, représenté par »), « représenté(e) » when unknown.
	Represente string
}

// CollectivitesAssociees are the French authorities that pool the action and its funding
// and sign the convention too.
func (v *view) CollectivitesAssociees() []associee {
	var out []associee
	for _, n := range v.f.coFundingAuthorities() {
		rep := "représenté(e)"
		if feminine, known := nameFeminine(n); known {
			rep = fem(feminine, "représentée", "représenté")
		}
		out = append(out, associee{Designation: protect(withArticle(n)), Signataire: protect(titleWithArticle(n)), Represente: rep})
	}
	return out
}

// CoutTotal is the total cost of the actions.
func (v *view) CoutTotal() wizard.Cents { return v.f.p.TotalCost() }

// EngagementFinancier is the forecast amount of the financial commitments: the cost
// without the valorisation.
func (v *view) EngagementFinancier() wizard.Cents { return v.f.p.CashCommitment() }

// EngagementsParAnnee completes the amount with its years: « , soit 21 000,00 € en 2027
// et 6 000,00 € en 2028 », « , pour l'exercice 2027 ».
func (v *view) EngagementsParAnnee() frag { return encode(byYear(v.f.p.CashByYear())) }

// ValorisationAPart states the valorisation apart from the financial commitments, or "".
func (v *view) ValorisationAPart() frag { return encode(v.f.valorisationApart()) }

// TableauFinancement is the financing plan by party, source and year, as table lines.
func (v *view) TableauFinancement() frag { return tableMarkup(v.f.fundingTable()) }

// TotalFinancement is the total of the funding.
func (v *view) TotalFinancement() wizard.Cents { return v.f.p.TotalFunding() }

// ApportPropre is the authority's own contribution (own budget, « 1 % », valorisation).
func (v *view) ApportPropre() wizard.Cents { return v.f.p.OwnContribution() }

// Cofinancement is the funding from others.
func (v *view) Cofinancement() wizard.Cents { return v.f.p.TotalFunding() - v.f.p.OwnContribution() }

// PartApportPropre is the own contribution's share of the funding: « 20 % ».
func (v *view) PartApportPropre() frag {
	return protect(wizard.FormatPercent(v.f.p.OwnContribution(), v.f.p.TotalFunding()))
}

// PartCofinancement is the co-funding's share of the funding.
func (v *view) PartCofinancement() frag {
	p := v.f.p
	return protect(wizard.FormatPercent(p.TotalFunding()-p.OwnContribution(), p.TotalFunding()))
}

// Equilibre: the funding equals the cost.
func (v *view) Equilibre() bool { return v.f.p.TotalFunding() == v.f.p.TotalCost() }

// Cofinanceurs: some funding comes from others than the authority.
func (v *view) Cofinanceurs() bool { return len(v.f.cofunders()) > 0 }

// CofinancementMEAE: the MEAE co-funds the programme.
func (v *view) CofinancementMEAE() bool { return v.f.p.FundingBySource(wizard.SourceMEAE) > 0 }

// CofinancementUE: the European Union co-funds the programme.
func (v *view) CofinancementUE() bool { return v.f.p.FundingBySource(wizard.SourceCERV) > 0 }

// VersementAuPartenaire: some money is paid to the partner authority.
func (v *view) VersementAuPartenaire() bool { return v.f.paidToPartner() }

// Calendrier is the programme's period.
func (v *view) Calendrier() calendrier {
	sc := v.f.p.Schedule
	c := calendrier{Debut: sc.Start, DureeMois: sc.DurationMonths}
	if !sc.Start.IsZero() && sc.DurationMonths > 0 {
		c.Complet = true
		c.Fin = sc.Start.AddMonths(sc.DurationMonths).AddDays(-1)
	}
	return c
}

// calendrier is the programme's period in the models.
type calendrier struct {
	// Complet: the start and the duration are known.
	Complet bool
	// Debut and Fin are the first and last days; DureeMois the duration in months.
	Debut, Fin wizard.Date
	DureeMois  int
}

// Habilite is « habilité », « habilitée », or « habilité(e) » when the title is unknown.
func (e executif) Habilite() frag { return protect(e.f.execAuthorised()) }

// Nature is the partner's legal nature: « autorité locale étrangère », or a placeholder.
func (p partenaire) Nature() frag { return toFrag(p.f.partnerKind()) }

// tableMarkup writes a table of the content model as lines of the markup.
func tableMarkup(t *render.Table) frag {
	var b strings.Builder
	b.WriteString("tableau: ")
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(" | ")
		}
		fmt.Fprintf(&b, "%s (%d", strings.ReplaceAll(c.Title, "|", "/"), c.Width)
		if c.Right {
			b.WriteString(", droite")
		}
		b.WriteString(")")
	}
	for _, r := range t.Rows {
		switch {
		case r.Group:
			b.WriteString("\ngroupe: ")
		case r.Total:
			b.WriteString("\ntotal: ")
		default:
			b.WriteString("\nligne: ")
		}
		for i, c := range r.Cells {
			if i > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(string(encode(c)))
		}
	}
	return frag(b.String())
}

// beneficiaire is a private body that receives more than 23 000 € in a year, with its
// convention d'objectifs, in the models.
type beneficiaire struct {
	// Nom is its name as typed; Signataire its name with its article, as typed.
	Nom, Signataire frag
	// FormeJuridique is the placeholder of its legal form, fitting its kind.
	FormeJuridique frag
	// Actions are the actions that pay it.
	Actions []action
	// Total is the grant over the years; ParAnnee completes it with its years.
	Total    wizard.Cents
	ParAnnee frag
	// Imputation is the usual account of the grant (compte 6574…).
	Imputation frag
}

// ConventionsObjectifs are the bodies that need a convention d'objectifs, in the order
// of their first action.
func (v *view) ConventionsObjectifs() []beneficiaire {
	var out []beneficiaire
	for _, g := range v.f.grantsByBody() {
		if !g.objectives {
			continue
		}
		bn := beneficiaire{Nom: protect(g.name), Signataire: protect(titleWithArticle(g.name)),
			FormeJuridique: toFrag(todo(legalFormOf(g.kind))), Total: g.total, ParAnnee: encode(byYear(g.years)),
			Imputation: protect(accountOf(g.kind, ""))}
		for _, i := range v.f.grantActions(g) {
			bn.Actions = append(bn.Actions, newAction(v.f.p.Actions[i]))
		}
		out = append(out, bn)
	}
	return out
}

// TribunalAdministratif is the administrative court of the authority's département
// (« le tribunal administratif de Grenoble »), or a placeholder.
func (v *view) TribunalAdministratif() frag {
	if c, ok := wizard.AdministrativeCourt(v.f.p.Authority.Departement); ok {
		return protect(c)
	}
	return toFrag(todo("tribunal administratif compétent"))
}
