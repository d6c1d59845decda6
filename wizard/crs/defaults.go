package crs

// Default purpose code for each sector of a plan (wizard.Sectors), used for an action
// whose CRS sector is not chosen. The rule: the code that describes what a French local
// authority usually does in that field with a partner authority, the most specific
// code that still fits most such actions, and a code with a French label.
//
//	plan sector                   code   why
//	education_social_recherche    11120  Équipements scolaires et formation: category 111 (level
//	                                     unspecified); schools, exchanges, training — not a
//	                                     ministry's policy (11110)
//	economie_durable              32130  Développement des PME: crafts, cooperatives, small local
//	                                     businesses (25030 has no French label)
//	culture_patrimoine            16066  Culture (16061 « culture et loisirs » is wider)
//	humanitaire_transfrontalier   72010  Assistance matérielle et services d'urgence: a gift after
//	                                     a disaster (FACECO) funds relief
//	environnement_climat_energie  41010  Politique de l'environnement et gestion administrative:
//	                                     category 410, general environment protection; an
//	                                     energy action takes a 23xxx code
//	eau_assainissement            14030  Approvisionnement en eau potable et assainissement -
//	                                     dispositifs de base: wells, boreholes, standpipes,
//	                                     latrines, small networks — what decentralised
//	                                     cooperation and the 1 % Oudin-Santini fund. 14020 is
//	                                     for large systems (treatment plants, trunk mains,
//	                                     sewerage), rare in these projects
//	dechets                       14050  Traitement des déchets (the only waste code)
//	mobilite                      21011  Politiques, planification et administration des
//	                                     transports: a mobility authority shares how it plans
//	                                     and organises transport, it does not run the
//	                                     partner's buses (21012)
//	jeunesse                      16015  Services sociaux (y compris jeunes, femmes et enfants):
//	                                     the CRS code of youth development
//	sante                         12220  Soins et services de santé de base
//	gouvernance_locale            15112  Décentralisation et soutien aux administrations
//	                                     infranationales: its definition names the
//	                                     strengthening of local authorities
//	agriculture_alimentation      31120  Développement agricole
//	tourisme                      33210  Politique du tourisme et gestion administrative (the only
//	                                     tourism code)
//	sport                         16065  Récréation et sport
//	egalite_femmes_hommes         15170  Organisations et mouvements de défense des droits des
//	                                     femmes et institutions gouvernementales
//	numerique                     22040  Technologies de l'information et de la communication
//	energie_distribution          23630  Transport et distribution d'électricité (réseaux
//	                                     centralisés): the field of the 1 % énergie
var sectorDefaults = map[string]string{
	"education_social_recherche":   "11120",
	"economie_durable":             "32130",
	"culture_patrimoine":           "16066",
	"humanitaire_transfrontalier":  "72010",
	"environnement_climat_energie": "41010",
	"eau_assainissement":           "14030",
	"dechets":                      "14050",
	"mobilite":                     "21011",
	"jeunesse":                     "16015",
	"sante":                        "12220",
	"gouvernance_locale":           "15112",
	"agriculture_alimentation":     "31120",
	"tourisme":                     "33210",
	"sport":                        "16065",
	"egalite_femmes_hommes":        "15170",
	"numerique":                    "22040",
	"energie_distribution":         "23630",
}

// DefaultSector returns the default purpose code of a plan's sector (a wizard.Sector
// code such as "eau_assainissement").
func DefaultSector(sector string) (Code, bool) {
	code, ok := sectorDefaults[sector]
	if !ok {
		return Code{}, false
	}
	return Sector(code)
}

// Default channel for each kind of payee (wizard.PayeeKinds), used for an action whose
// CRS channel is not chosen. The channel is the first body that receives the money.
//
//	payee                    code   why
//	direct                   11002  Gouvernement local du pays donneur: the French authority
//	                                spends the money itself (missions, purchases)
//	collectivite_partenaire  12002  Gouvernement local du pays bénéficiaire, for a partner
//	                                that is a foreign local authority; by the partner's
//	                                kind otherwise (partnerChannels)
//	ong                      22000  ONG basée dans un pays donneur: the NGO a French
//	                                authority funds is most often French (23000 when it is
//	                                based in the partner country, 21000 when international)
//	association              22000  the same: an association of the authority's territory
//	comite_jumelage          22000  the same: a comité de jumelage is a French association
//	faceco                   11001  Gouvernement central du pays donneur: the FACECO is a
//	                                fund of the State, spent by the MEAE's crisis centre
//	prestataire              61000  Secteur privé du pays donneur (62000 for a provider in
//	                                the partner country)
var payeeDefaults = map[string]string{
	"direct":          "11002",
	"ong":             "22000",
	"association":     "22000",
	"comite_jumelage": "22000",
	"faceco":          "11001",
	"prestataire":     "61000",
}

// Channel of a payment to the partner, by the partner's kind (wizard.PartnerKinds).
//
//	partner kind                code   why
//	autorite_locale             12002  Gouvernement local du pays bénéficiaire
//	etat                        12001  Gouvernement central du pays bénéficiaire
//	ong, association            23000  ONG basée dans un pays en développement: the partner
//	                                   is abroad
//	organisation_internationale 40000  Organisations multilatérales: the generic code, to
//	                                   replace by the organisation's own (41122 for UNICEF…)
//	faceco                      11001  Gouvernement central du pays donneur
var partnerChannels = map[string]string{
	"autorite_locale":             "12002",
	"etat":                        "12001",
	"ong":                         "23000",
	"association":                 "23000",
	"organisation_internationale": "40000",
	"faceco":                      "11001",
}

// DefaultChannel returns the default channel of an action paid to payee (a
// wizard.PayeeKind code); for a payment to the partner, partnerKind (a
// wizard.PartnerKind code, "" when not known) decides. No payee, no default.
func DefaultChannel(payee, partnerKind string) (Code, bool) {
	if payee == "collectivite_partenaire" {
		code, ok := partnerChannels[partnerKind]
		if !ok {
			code = partnerChannels["autorite_locale"]
		}
		return Channel(code)
	}
	code, ok := payeeDefaults[payee]
	if !ok {
		return Code{}, false
	}
	return Channel(code)
}
