package document

import (
	"aect/wizard"
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
		Collectivite: collectivite{f}, Executif: executif{f}, Partenaire: partenaire{f}, Seance: seance{f},
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
func (s seance) Numero() frag { return toFrag(s.f.actNumber(Plain)) }
