package wizard

import "strings"

// AuthorityType is the legal type of the French authority (ANSWERS.md authority.type).
type AuthorityType string

// Authority types.
const (
	AuthCommune                 AuthorityType = "commune"
	AuthCommunauteCommunes      AuthorityType = "communaute_communes"
	AuthCommunauteAgglomeration AuthorityType = "communaute_agglomeration"
	AuthCommunauteUrbaine       AuthorityType = "communaute_urbaine"
	AuthMetropole               AuthorityType = "metropole"
	AuthSyndicatMixte           AuthorityType = "syndicat_mixte"
	AuthDepartement             AuthorityType = "departement"
	AuthRegion                  AuthorityType = "region"
	// AuthSyndicatCommunes is a syndicat de communes (SIVU, SIVOM): an EPCI without
	// fiscalité propre, whose comité syndical follows the EPCI rules.
	AuthSyndicatCommunes AuthorityType = "syndicat_communes"
)

// IsGroupement reports whether the assembly follows the EPCI rules of the CGCT
// (L. 5211-1): an EPCI à fiscalité propre or a syndicat de communes.
func (t AuthorityType) IsGroupement() bool { return t.IsEPCI() || t == AuthSyndicatCommunes }

// IsEPCI reports whether the type is an établissement public de coopération intercommunale
// à fiscalité propre (a syndicat de communes is an EPCI without it: see IsGroupement).
func (t AuthorityType) IsEPCI() bool {
	switch t {
	case AuthCommunauteCommunes, AuthCommunauteAgglomeration, AuthCommunauteUrbaine, AuthMetropole:
		return true
	}
	return false
}

// ExecutiveTitle is the title of the authority's executive.
type ExecutiveTitle string

// Executive titles.
const (
	TitleMaire      ExecutiveTitle = "maire"
	TitleLaMaire    ExecutiveTitle = "la_maire"
	TitlePresident  ExecutiveTitle = "president"
	TitlePresidente ExecutiveTitle = "presidente"
)

// Feminine reports whether the title takes the feminine: « la Maire », « la Présidente ».
func (t ExecutiveTitle) Feminine() bool { return t == TitleLaMaire || t == TitlePresidente }

// ForCommune reports whether the title is a commune's (maire) rather than a president's.
func (t ExecutiveTitle) ForCommune() bool { return t == TitleMaire || t == TitleLaMaire }

// SyndicatKind says whether a syndicat mixte is fermé (communes and EPCI only) or ouvert
// (with a département, a région, a chambre consulaire…): the rules of its assembly differ.
type SyndicatKind string

// Kinds of syndicat mixte.
const (
	SyndicatFerme  SyndicatKind = "ferme"
	SyndicatOuvert SyndicatKind = "ouvert"
)

// StateException is the case of CGCT L. 1115-5 under which an authority may conclude a
// convention with a foreign State (DOMAIN §1).
type StateException string

// The exceptions of L. 1115-5; StateNone declares that none applies.
const (
	StateNone          StateException = "aucune"
	StateGECT          StateException = "gect_gec_glct"
	StateAgreement     StateException = "accord_international"
	StateProgramme     StateException = "programme_organisation_internationale"
	StateGrouping      StateException = "groupement_cooperation"
	StateOverseasPower StateException = "pouvoirs_outre_mer"
)

// ServiceKind is a public service whose budget can fund a "1 %" mechanism.
type ServiceKind string

// Service kinds.
const (
	ServiceEau            ServiceKind = "eau"
	ServiceAssainissement ServiceKind = "assainissement"
	ServiceElectriciteGaz ServiceKind = "electricite_gaz"
	ServiceDechets        ServiceKind = "dechets"
	ServiceMobilite       ServiceKind = "mobilite"
)

// PartnerKind is the kind of foreign partner.
type PartnerKind string

// Partner kinds.
const (
	PartnerAutoriteLocale PartnerKind = "autorite_locale"
	PartnerEtat           PartnerKind = "etat"
	PartnerONG            PartnerKind = "ong"
	PartnerAssociation    PartnerKind = "association"
	PartnerOrgInter       PartnerKind = "organisation_internationale"
	PartnerFACECO         PartnerKind = "faceco"
)

// Category is the legal category of the action under CGCT L. 1115-1.
type Category string

// Legal categories.
const (
	CatCooperation       Category = "cooperation"
	CatAideDeveloppement Category = "aide_developpement"
	CatAideHumanitaire   Category = "aide_humanitaire"
)

// Sector is a thematic field of the action.
type Sector string

// Sectors.
const (
	SectorEducation     Sector = "education_social_recherche"
	SectorEconomie      Sector = "economie_durable"
	SectorCulture       Sector = "culture_patrimoine"
	SectorHumanitaire   Sector = "humanitaire_transfrontalier"
	SectorEnvironnement Sector = "environnement_climat_energie"
	SectorEau           Sector = "eau_assainissement"
	SectorDechets       Sector = "dechets"
	SectorMobilite      Sector = "mobilite"
	SectorJeunesse      Sector = "jeunesse"
	SectorSante         Sector = "sante"
	SectorGouvernance   Sector = "gouvernance_locale"
	SectorAgriculture   Sector = "agriculture_alimentation"
	SectorTourisme      Sector = "tourisme"
	SectorSport         Sector = "sport"
	SectorEgalite       Sector = "egalite_femmes_hommes"
	SectorNumerique     Sector = "numerique"
	// SectorEnergie is the field of the 1 % énergie: the public distribution of
	// electricity and gas (CGCT L. 1115-1-1), narrower than SectorEnvironnement.
	SectorEnergie Sector = "energie_distribution"
)

// Form is the form of the external action, which decides the documents drafted.
type Form string

// Forms.
const (
	FormJumelage   Form = "jumelage"
	FormCharte     Form = "charte_amitie"
	FormConvention Form = "convention_cooperation"
	FormDon        Form = "don_humanitaire"
	FormPromotion  Form = "promotion_culturelle"
)

// Mode is the way the action is carried out.
type Mode string

// Implementation modes.
const (
	ModeEnPropre      Mode = "en_propre"
	ModeMutualisation Mode = "mutualisation"
	ModeDelegation    Mode = "delegation"
	ModeSoutien       Mode = "soutien"
)

// PayeeKind says who receives the money of an action.
type PayeeKind string

// Payee kinds.
const (
	PayeeDirect      PayeeKind = "direct"
	PayeePartner     PayeeKind = "collectivite_partenaire"
	PayeeONG         PayeeKind = "ong"
	PayeeAssociation PayeeKind = "association"
	PayeeComite      PayeeKind = "comite_jumelage"
	PayeeFACECO      PayeeKind = "faceco"
	PayeeProvider    PayeeKind = "prestataire"
)

// IsPrivateBody reports whether the payee is a private body, for which a grant above
// 23 000 € a year needs a convention d'objectifs.
func (k PayeeKind) IsPrivateBody() bool {
	return k == PayeeONG || k == PayeeAssociation || k == PayeeComite
}

// Source is a funding source of the financing plan.
type Source string

// Funding sources.
const (
	SourceBudgetGeneral  Source = "budget_general"
	SourceEau            Source = "un_pour_cent_eau"
	SourceAssainissement Source = "un_pour_cent_assainissement"
	SourceElecGaz        Source = "un_pour_cent_electricite_gaz"
	SourceDechets        Source = "un_pour_cent_dechets"
	SourceMobilite       Source = "un_pour_cent_mobilite"
	SourceMEAE           Source = "meae_dctciv"
	SourceFICOL          Source = "afd_ficol"
	SourceCERV           Source = "ue_cerv"
	SourceAutreColl      Source = "autre_collectivite"
	SourcePrive          Source = "partenaire_prive"
	SourceValorisation   Source = "valorisation"
)

// OnePercent describes a "1 %" mechanism: the service whose competence and budget it needs,
// the CGCT article, and the sector its money may fund.
type OnePercent struct {
	Service ServiceKind
	Article string
	Sector  Sector
	// Law names the law that created the mechanism, for the visas; "" when the documents
	// cite the article alone.
	Law string
}

var onePercent = map[Source]OnePercent{
	SourceEau:            {ServiceEau, "L. 1115-1-1", SectorEau, "loi Oudin-Santini du 9 février 2005"},
	SourceAssainissement: {ServiceAssainissement, "L. 1115-1-1", SectorEau, "loi Oudin-Santini du 9 février 2005"},
	SourceElecGaz:        {ServiceElectriciteGaz, "L. 1115-1-1", SectorEnergie, ""},
	SourceDechets:        {ServiceDechets, "L. 1115-2", SectorDechets, ""},
	SourceMobilite:       {ServiceMobilite, "L. 1115-3", SectorMobilite, "loi d'orientation des mobilités du 24 décembre 2019"},
}

// OnePercent returns the mechanism behind a "1 %" source, and false for other sources.
func (s Source) OnePercent() (OnePercent, bool) {
	m, ok := onePercent[s]
	return m, ok
}

// IsOwnContribution reports whether the source is money (or in-kind value) brought by the
// French authority itself: its general budget, a 1 % mechanism or valorisation.
func (s Source) IsOwnContribution() bool {
	_, one := onePercent[s]
	return one || s == SourceBudgetGeneral || s == SourceValorisation
}

// Choice is one code of a catalogue with its French label and help text.
type Choice[T ~string] struct {
	Code  T
	Label string
	Help  string
}

// Catalogue is the ordered list of the valid codes of one kind.
type Catalogue[T ~string] struct {
	// Name is the French name of what the codes stand for, used in messages.
	Name    string
	Choices []Choice[T]
}

// Lookup returns the choice for a code.
func (c Catalogue[T]) Lookup(code T) (Choice[T], bool) {
	for _, ch := range c.Choices {
		if ch.Code == code {
			return ch, true
		}
	}
	return Choice[T]{}, false
}

// Label returns the French label of a code, or the code itself when unknown.
func (c Catalogue[T]) Label(code T) string {
	if ch, ok := c.Lookup(code); ok {
		return ch.Label
	}
	return string(code)
}

// Codes lists the codes as plain strings, in catalogue order.
func (c Catalogue[T]) Codes() []string {
	out := make([]string, len(c.Choices))
	for i, ch := range c.Choices {
		out[i] = string(ch.Code)
	}
	return out
}

// Expected lists the codes for an error message: "a, b, c".
func (c Catalogue[T]) Expected() string { return strings.Join(c.Codes(), ", ") }

// AuthorityTypes is the catalogue of authority types.
var AuthorityTypes = Catalogue[AuthorityType]{Name: "type de collectivité", Choices: []Choice[AuthorityType]{
	{AuthCommune, "Commune", "La commune agit par délibération du conseil municipal ; c'est le cas de 81 % des collectivités engagées à l'international (chiffres MEAE, 2020)."},
	{AuthCommunauteCommunes, "Communauté de communes", "EPCI à fiscalité propre ; son conseil communautaire délibère sur l'action extérieure dans le champ de ses compétences."},
	{AuthCommunauteAgglomeration, "Communauté d'agglomération", "EPCI à fiscalité propre ; elle agit dans le champ de ses compétences, par délibération du conseil communautaire."},
	{AuthCommunauteUrbaine, "Communauté urbaine", "EPCI à fiscalité propre ; elle agit dans le champ de ses compétences, par délibération du conseil communautaire."},
	{AuthMetropole, "Métropole", "EPCI à fiscalité propre ; elle agit dans le champ de ses compétences, par délibération du conseil de la métropole."},
	{AuthSyndicatMixte, "Syndicat mixte", "Groupement de collectivités ; il peut mener une action extérieure dans son domaine, par exemple avec le 1 % eau et assainissement."},
	{AuthDepartement, "Département", "Le département agit par délibération du conseil départemental."},
	{AuthRegion, "Région", "La région agit par délibération du conseil régional."},
	{AuthSyndicatCommunes, "Syndicat de communes (SIVU, SIVOM)", "EPCI sans fiscalité propre qui n'associe que des communes ; son comité syndical délibère dans le champ de ses compétences et choisit le mode de publication de ses actes."},
}}

// ExecutiveTitles is the catalogue of executive titles.
var ExecutiveTitles = Catalogue[ExecutiveTitle]{Name: "titre de l'exécutif", Choices: []Choice[ExecutiveTitle]{
	{TitleMaire, "le Maire", "Exécutif d'une commune, au masculin : « le Maire »."},
	{TitleLaMaire, "la Maire", "Exécutif d'une commune, au féminin : « la Maire », « dûment habilitée »."},
	{TitlePresident, "le Président", "Exécutif d'un EPCI, d'un syndicat mixte, d'un département ou d'une région (Martinique : le président du conseil exécutif)."},
	{TitlePresidente, "la Présidente", "Exécutive d'un EPCI, d'un syndicat mixte, d'un département ou d'une région (Martinique : la présidente du conseil exécutif)."},
}}

// SyndicatKinds is the catalogue of the kinds of syndicat mixte.
var SyndicatKinds = Catalogue[SyndicatKind]{Name: "nature du syndicat mixte", Choices: []Choice[SyndicatKind]{
	{SyndicatFerme, "Syndicat mixte fermé", "Il n'associe que des communes et des EPCI (CGCT, art. L. 5711-1) : ses règles de séance sont celles des EPCI (convocation cinq jours francs avant)."},
	{SyndicatOuvert, "Syndicat mixte ouvert", "Il associe aussi un département, une région, une chambre consulaire… (CGCT, art. L. 5721-2) : ses statuts fixent les règles de séance, dont le délai de convocation."},
}}

// StateExceptions is the catalogue of the cases in which a convention with a foreign
// State is allowed (CGCT L. 1115-5).
var StateExceptions = Catalogue[StateException]{Name: "exception de l'article L. 1115-5", Choices: []Choice[StateException]{
	{StateNone, "Aucune exception", "Une collectivité ne peut pas conclure de convention avec un État étranger : choisissez plutôt une autorité locale étrangère."},
	{StateGECT, "Accord créant un GECT, un GEC ou un GLCT", "Groupement européen de coopération territoriale, groupement eurorégional de coopération ou groupement local de coopération transfrontalière ; signature autorisée d'abord par le préfet de région."},
	{StateAgreement, "1° Mise en œuvre d'un accord international antérieur approuvé par l'État", "Convention de coopération territoriale ou régionale ; signature autorisée d'abord par le préfet."},
	{StateProgramme, "2° Programme de coopération régionale d'une organisation internationale", "Programme établi sous l'égide d'une organisation internationale dont la France est membre ; signature autorisée d'abord par le préfet."},
	{StateGrouping, "3° Création d'un groupement de coopération", "Convention créant un groupement de coopération territoriale ou régionale ; signature autorisée d'abord par le préfet."},
	{StateOverseasPower, "Pouvoirs donnés au président d'une collectivité d'outre-mer", "Coopération régionale : les autorités de la République donnent pouvoir au président d'un département, d'une région ou d'une collectivité unique d'outre-mer de négocier et signer avec les États de sa zone (CGCT, art. L. 3441-2, L. 4433-4-2, L. 7153-1, L. 7253-1). Jamais pour une commune ou un EPCI."},
}}

// ServiceKinds is the catalogue of services that open a "1 %" mechanism.
var ServiceKinds = Catalogue[ServiceKind]{Name: "service", Choices: []Choice[ServiceKind]{
	{ServiceEau, "Eau potable", "Compétence eau potable : ouvre le 1 % eau de la loi Oudin-Santini (CGCT L. 1115-1-1), plafonné à 1 % des ressources du budget de l'eau."},
	{ServiceAssainissement, "Assainissement", "Compétence assainissement : ouvre le 1 % assainissement (CGCT L. 1115-1-1), plafonné à 1 % des ressources du budget de l'assainissement, calculé à part de celui de l'eau."},
	{ServiceElectriciteGaz, "Distribution d'électricité ou de gaz", "Compétence de distribution publique d'électricité ou de gaz : ouvre le 1 % énergie (CGCT L. 1115-1-1)."},
	{ServiceDechets, "Déchets ménagers", "Collecte ou traitement des déchets ménagers, ou perception de la TEOM/REOM : ouvre le 1 % déchets (CGCT L. 1115-2)."},
	{ServiceMobilite, "Mobilité", "Autorité organisatrice de la mobilité : ouvre le 1 % mobilité (CGCT L. 1115-3), calculé hors versement mobilité."},
}}

// PartnerKinds is the catalogue of partner kinds.
var PartnerKinds = Catalogue[PartnerKind]{Name: "type de partenaire", Choices: []Choice[PartnerKind]{
	{PartnerAutoriteLocale, "Autorité locale étrangère", "Commune, province, région… d'un État reconnu par la France : le partenaire naturel d'une convention de coopération décentralisée (CGCT L. 1115-1)."},
	{PartnerEtat, "État ou gouvernement étranger", "Une collectivité ne peut pas conclure de convention avec un État étranger (CGCT L. 1115-5), sauf cas prévus par la loi, surtout outre-mer avec l'autorisation préalable du préfet."},
	{PartnerONG, "ONG", "Organisation non gouvernementale ; une subvention de plus de 23 000 € par an exige une convention d'objectifs."},
	{PartnerAssociation, "Association", "Association (française ou étrangère) ; une subvention de plus de 23 000 € par an exige une convention d'objectifs."},
	{PartnerOrgInter, "Organisation internationale", "Organisation internationale (agence des Nations unies, OIF…)."},
	{PartnerFACECO, "FACECO (don via le Centre de crise)", "Fonds d'action extérieure des collectivités territoriales, géré par le Centre de crise et de soutien du MEAE : le canal privilégié d'un don humanitaire d'urgence."},
}}

// Categories is the catalogue of legal categories.
var Categories = Catalogue[Category]{Name: "catégorie", Choices: []Choice[Category]{
	{CatCooperation, "Coopération", "Action fondée sur les compétences et les savoir-faire de la collectivité, avec un partenaire étranger (CGCT L. 1115-1)."},
	{CatAideDeveloppement, "Aide au développement", "Action de solidarité en faveur d'un pays en développement ; les dépenses pour un pays éligible à l'APD se déclarent chaque année (CGCT L. 1115-6)."},
	{CatAideHumanitaire, "Aide humanitaire", "Aide d'urgence après une catastrophe ou dans une crise ; aucun lien préalable avec le pays n'est nécessaire."},
}}

// Sectors is the catalogue of thematic sectors.
var Sectors = Catalogue[Sector]{Name: "secteur", Choices: []Choice[Sector]{
	{SectorEducation, "Éducation, social et recherche", "28 % des actions des communes et EPCI (chiffres MEAE, 2020)."},
	{SectorEconomie, "Économie durable", "24 % des actions des communes et EPCI (chiffres MEAE, 2020)."},
	{SectorCulture, "Culture et patrimoine", "19 % des actions des communes et EPCI (chiffres MEAE, 2020)."},
	{SectorHumanitaire, "Actions humanitaires et coopération transfrontalière", "15 % des actions des communes et EPCI (chiffres MEAE, 2020)."},
	{SectorEnvironnement, "Environnement, climat, énergie", "14 % des actions des communes et EPCI (chiffres MEAE, 2020). Le 1 % énergie ne finance que la distribution d'électricité et de gaz (secteur à part)."},
	{SectorEau, "Eau et assainissement", "Accès à l'eau, assainissement, formation, protection de la ressource : le seul domaine que peut financer le 1 % eau et assainissement (pas l'irrigation ni l'eau industrielle)."},
	{SectorDechets, "Déchets", "Le seul domaine que peut financer le 1 % déchets."},
	{SectorMobilite, "Mobilité", "Le seul domaine que peut financer le 1 % mobilité."},
	{SectorJeunesse, "Jeunesse", "Échanges de jeunes, volontariat, mobilité internationale des jeunes."},
	{SectorSante, "Santé", "Accès aux soins, prévention, équipements de santé."},
	{SectorGouvernance, "Gouvernance locale et appui institutionnel", "Renforcement des services et des élus de la collectivité partenaire."},
	{SectorAgriculture, "Agriculture et alimentation", "Sécurité alimentaire, filières agricoles, circuits courts."},
	{SectorTourisme, "Tourisme", "Promotion et développement touristiques."},
	{SectorSport, "Sport", "Rencontres et échanges sportifs."},
	{SectorEgalite, "Égalité femmes-hommes", "Actions pour l'égalité entre les femmes et les hommes."},
	{SectorNumerique, "Numérique", "Services numériques, inclusion numérique."},
	{SectorEnergie, "Distribution d'électricité et de gaz", "Réseaux publics de distribution d'électricité et de gaz : le seul domaine que peut financer le 1 % énergie (CGCT, art. L. 1115-1-1)."},
}}

// Forms is the catalogue of forms of external action.
var Forms = Catalogue[Form]{Name: "forme", Choices: []Choice[Form]{
	{FormJumelage, "Jumelage", "La forme la plus ancienne : une charte (serment) de jumelage signée par les deux maires, lors d'une cérémonie dans chaque commune ; souvent animé par un comité de jumelage."},
	{FormCharte, "Charte d'amitié", "Déclaration plus légère, souvent une première étape avant un jumelage, sans engagement financier ; si elle engage de l'argent, il faut une convention."},
	{FormConvention, "Convention de coopération décentralisée", "La forme la plus courante : un programme d'actions avec une autorité locale étrangère ; la convention doit indiquer l'objet des actions et le montant prévisionnel des engagements financiers (CGCT L. 1115-1)."},
	{FormDon, "Don humanitaire", "Un don après une catastrophe ou dans une crise, décidé par délibération ; pas de convention avec une autorité étrangère ; canal privilégié : le FACECO."},
	{FormPromotion, "Promotion culturelle ou touristique", "Échanges, festivals, promotion touristique avec un partenaire ; une convention s'impose dès qu'il y a des engagements financiers."},
}}

// ShortLabel is the form's name in a narrow column: "Convention", "Don humanitaire"…
func (f Form) ShortLabel() string {
	switch f {
	case FormConvention:
		return "Convention"
	case FormPromotion:
		return "Promotion"
	case "":
		return ""
	}
	return Forms.Label(f)
}

// Modes is the catalogue of implementation modes.
var Modes = Catalogue[Mode]{Name: "mode de mise en œuvre", Choices: []Choice[Mode]{
	{ModeEnPropre, "En propre", "La collectivité porte le projet directement, avec ses propres moyens."},
	{ModeMutualisation, "En mutualisation", "Avec d'autres collectivités françaises (un EPCI et ses communes, un programme « clés en main » d'un réseau régional)."},
	{ModeDelegation, "Par délégation", "La mise en œuvre est confiée à un opérateur (association, comité de jumelage, ONG, réseau régional, Expertise France) ; la collectivité reste maître d'ouvrage."},
	{ModeSoutien, "En soutien", "La collectivité soutient le projet d'un autre acteur, par exemple les activités d'un comité de jumelage (prêt de locaux, temps d'agents, subvention)."},
}}

// PayeeKinds is the catalogue of who receives the money of an action.
var PayeeKinds = Catalogue[PayeeKind]{Name: "bénéficiaire", Choices: []Choice[PayeeKind]{
	{PayeeDirect, "Dépense directe de la collectivité", "La collectivité dépense elle-même (missions, achats, accueil)."},
	{PayeePartner, "Collectivité partenaire", "Versement à la collectivité partenaire."},
	{PayeeONG, "ONG", "Subvention à une ONG ; au-delà de 23 000 € par an, convention d'objectifs obligatoire."},
	{PayeeAssociation, "Association", "Subvention à une association ; au-delà de 23 000 € par an, convention d'objectifs obligatoire."},
	{PayeeComite, "Comité de jumelage", "Subvention au comité de jumelage ; au-delà de 23 000 € par an, convention d'objectifs obligatoire."},
	{PayeeFACECO, "FACECO", "Contribution au fonds d'action extérieure des collectivités territoriales."},
	{PayeeProvider, "Prestataire", "Paiement d'un prestataire dans le cadre d'un marché ou d'une commande."},
}}

// Sources is the catalogue of funding sources.
var Sources = Catalogue[Source]{Name: "source de financement", Choices: []Choice[Source]{
	{SourceBudgetGeneral, "Budget général", "Le budget de la collectivité, source par défaut ; imputation habituelle en fonctionnement, chapitre 65, compte à confirmer avec le comptable public."},
	{SourceEau, "1 % eau (loi Oudin-Santini)", "Jusqu'à 1 % des ressources du budget de l'eau, pour des actions dans le domaine de l'eau (CGCT L. 1115-1-1)."},
	{SourceAssainissement, "1 % assainissement (loi Oudin-Santini)", "Jusqu'à 1 % des ressources du budget de l'assainissement, calculé à part de l'eau (CGCT L. 1115-1-1)."},
	{SourceElecGaz, "1 % énergie (électricité, gaz)", "Jusqu'à 1 % des ressources du service de distribution d'électricité ou de gaz (CGCT L. 1115-1-1)."},
	{SourceDechets, "1 % déchets", "Jusqu'à 1 % des ressources du service des déchets ménagers (CGCT L. 1115-2)."},
	{SourceMobilite, "1 % mobilité", "Jusqu'à 1 % des ressources des budgets de la mobilité, hors versement mobilité (CGCT L. 1115-3)."},
	{SourceMEAE, "MEAE – appel à projets DCTCIV (ex-DAECT)", "Cofinancement du ministère de l'Europe et des Affaires étrangères : au plus 70 % (PMA), 50 % (autre pays APD) ou 30 % (hors APD) du coût total ; règles 2025, à vérifier."},
	{SourceFICOL, "AFD – FICOL", "Facilité de financement des collectivités territoriales françaises de l'AFD, pour un projet porté par la collectivité dans un pays éligible ; appel annuel."},
	{SourceCERV, "Union européenne – CERV Town-Twinning", "Subvention forfaitaire (2024 : 8 455 € à 50 745 €) pour une rencontre de jumelage d'au moins 50 participants dont 25 invités de l'étranger."},
	{SourceAutreColl, "Autre collectivité", "Participation d'une autre collectivité française (mutualisation, région)."},
	{SourcePrive, "Partenaire privé", "Association, entreprise, fondation, association de la diaspora."},
	{SourceValorisation, "Valorisation (apport en nature)", "Apport en nature de la collectivité, par exemple le temps de ses agents ; dans un projet cofinancé par le MEAE, au plus la moitié de sa contribution."},
}}

// SDGNames holds the French names of the 17 objectifs de développement durable, indexed 1–17.
var SDGNames = [18]string{
	"",
	"Pas de pauvreté",
	"Faim « zéro »",
	"Bonne santé et bien-être",
	"Éducation de qualité",
	"Égalité entre les sexes",
	"Eau propre et assainissement",
	"Énergie propre et d'un coût abordable",
	"Travail décent et croissance économique",
	"Industrie, innovation et infrastructure",
	"Inégalités réduites",
	"Villes et communautés durables",
	"Consommation et production responsables",
	"Mesures relatives à la lutte contre les changements climatiques",
	"Vie aquatique",
	"Vie terrestre",
	"Paix, justice et institutions efficaces",
	"Partenariats pour la réalisation des objectifs",
}
