package wizard

import (
	"sort"
	"strings"
)

// Country is a country or territory with its ISO 3166-1 alpha-2 code, its French short name,
// and two dated flags: APD (on the OECD DAC List of ODA Recipients) and PMA (on the UN list
// of least developed countries).
type Country struct {
	Code string
	Name string
	APD  bool
	PMA  bool
}

// APDListEdition names the edition of the OECD DAC list used for the APD flag.
const APDListEdition = "Liste des bénéficiaires d'APD du CAD de l'OCDE, applicable aux apports de 2024 et 2025"

// PMAListEdition names the edition of the UN LDC list used for the PMA flag.
const PMAListEdition = "Liste des pays les moins avancés des Nations unies, décembre 2024 (44 pays)"

// countries lists every officially assigned ISO 3166-1 alpha-2 code (249), plus "XK" for
// Kosovo, sorted by code. "XK" is not an ISO code (it is a user-assigned code, used by the
// European Commission, by France and by the OECD); Kosovo is on the DAC list.
//
// Names are the usual French short names (French administration / ISO French list, in
// natural French: "Birmanie (Myanmar)", "Viêt Nam", "Tchéquie", "Biélorussie", "Irak").
//
// APD: the DAC List of ODA Recipients effective for reporting on 2024 and 2025 flows (141
// entries here). It is the 2022-2023 list unchanged in membership: the 2023 triennial review
// graduated no one with effect before 2026. Notes and doubts:
//   - Recent graduations, so APD false: Chile, Seychelles, Uruguay (2018), Cook Islands (2020),
//     Antigua and Barbuda (1 January 2022).
//   - Nauru: graduation approved in 2023 but effective 1 January 2026; APD true for 2024-2025.
//   - Montserrat: graduation decision deferred to October 2025; APD true for 2024-2025.
//   - Guyana and Panama exceeded the high-income threshold in 2022 and may graduate at the
//     2026 review; APD true for 2024-2025.
//   - Palau: identified for graduation in 2020, but fell back below the threshold; APD true.
//   - Venezuela: unclassified by the World Bank since 2021; placed on the list by estimate.
//   - Territories on the list: Montserrat (MS), Saint Helena (SH, the whole ISO entity
//     Saint Helena, Ascension and Tristan da Cunha), Tokelau (TK), Niue (NU), Wallis and
//     Futuna (WF), West Bank and Gaza Strip (PS), Kosovo (XK).
//   - Wallis-et-Futuna is a French collectivity: it is on the DAC list, so APD is true, but
//     French aid to it is domestic spending, not international cooperation.
//   - São Tomé-et-Principe (ST) is in the LDC column of the 2024-2025 list; it left the UN
//     LDC list on 13 December 2024, so APD true and PMA false.
//   - Western Sahara (EH) is not a DAC list entry; APD false.
//
// PMA: the UN list of least developed countries as of December 2024: 44 countries, after the
// graduation of Bhutan (13 December 2023) and of São Tomé-et-Principe (13 December 2024).
// Solomon Islands was granted a further preparatory period and is still an LDC; Angola's
// graduation was deferred and it remains an LDC. Every PMA is also APD.
var countries = []Country{
	{"AD", "Andorre", false, false},
	{"AE", "Émirats arabes unis", false, false},
	{"AF", "Afghanistan", true, true},
	{"AG", "Antigua-et-Barbuda", false, false},
	{"AI", "Anguilla", false, false},
	{"AL", "Albanie", true, false},
	{"AM", "Arménie", true, false},
	{"AO", "Angola", true, true},
	{"AQ", "Antarctique", false, false},
	{"AR", "Argentine", true, false},
	{"AS", "Samoa américaines", false, false},
	{"AT", "Autriche", false, false},
	{"AU", "Australie", false, false},
	{"AW", "Aruba", false, false},
	{"AX", "Îles Åland", false, false},
	{"AZ", "Azerbaïdjan", true, false},
	{"BA", "Bosnie-Herzégovine", true, false},
	{"BB", "Barbade", false, false},
	{"BD", "Bangladesh", true, true},
	{"BE", "Belgique", false, false},
	{"BF", "Burkina Faso", true, true},
	{"BG", "Bulgarie", false, false},
	{"BH", "Bahreïn", false, false},
	{"BI", "Burundi", true, true},
	{"BJ", "Bénin", true, true},
	{"BL", "Saint-Barthélemy", false, false},
	{"BM", "Bermudes", false, false},
	{"BN", "Brunei", false, false},
	{"BO", "Bolivie", true, false},
	{"BQ", "Bonaire, Saint-Eustache et Saba", false, false},
	{"BR", "Brésil", true, false},
	{"BS", "Bahamas", false, false},
	{"BT", "Bhoutan", true, false},
	{"BV", "Île Bouvet", false, false},
	{"BW", "Botswana", true, false},
	{"BY", "Biélorussie", true, false},
	{"BZ", "Belize", true, false},
	{"CA", "Canada", false, false},
	{"CC", "Îles Cocos (Keeling)", false, false},
	{"CD", "République démocratique du Congo", true, true},
	{"CF", "République centrafricaine", true, true},
	{"CG", "Congo", true, false},
	{"CH", "Suisse", false, false},
	{"CI", "Côte d'Ivoire", true, false},
	{"CK", "Îles Cook", false, false},
	{"CL", "Chili", false, false},
	{"CM", "Cameroun", true, false},
	{"CN", "Chine", true, false},
	{"CO", "Colombie", true, false},
	{"CR", "Costa Rica", true, false},
	{"CU", "Cuba", true, false},
	{"CV", "Cap-Vert", true, false},
	{"CW", "Curaçao", false, false},
	{"CX", "Île Christmas", false, false},
	{"CY", "Chypre", false, false},
	{"CZ", "Tchéquie", false, false},
	{"DE", "Allemagne", false, false},
	{"DJ", "Djibouti", true, true},
	{"DK", "Danemark", false, false},
	{"DM", "Dominique", true, false},
	{"DO", "République dominicaine", true, false},
	{"DZ", "Algérie", true, false},
	{"EC", "Équateur", true, false},
	{"EE", "Estonie", false, false},
	{"EG", "Égypte", true, false},
	{"EH", "Sahara occidental", false, false},
	{"ER", "Érythrée", true, true},
	{"ES", "Espagne", false, false},
	{"ET", "Éthiopie", true, true},
	{"FI", "Finlande", false, false},
	{"FJ", "Fidji", true, false},
	{"FK", "Îles Malouines", false, false},
	{"FM", "Micronésie", true, false},
	{"FO", "Îles Féroé", false, false},
	{"FR", "France", false, false},
	{"GA", "Gabon", true, false},
	{"GB", "Royaume-Uni", false, false},
	{"GD", "Grenade", true, false},
	{"GE", "Géorgie", true, false},
	{"GF", "Guyane", false, false},
	{"GG", "Guernesey", false, false},
	{"GH", "Ghana", true, false},
	{"GI", "Gibraltar", false, false},
	{"GL", "Groenland", false, false},
	{"GM", "Gambie", true, true},
	{"GN", "Guinée", true, true},
	{"GP", "Guadeloupe", false, false},
	{"GQ", "Guinée équatoriale", true, false},
	{"GR", "Grèce", false, false},
	{"GS", "Géorgie du Sud-et-les îles Sandwich du Sud", false, false},
	{"GT", "Guatemala", true, false},
	{"GU", "Guam", false, false},
	{"GW", "Guinée-Bissau", true, true},
	{"GY", "Guyana", true, false},
	{"HK", "Hong Kong", false, false},
	{"HM", "Îles Heard-et-MacDonald", false, false},
	{"HN", "Honduras", true, false},
	{"HR", "Croatie", false, false},
	{"HT", "Haïti", true, true},
	{"HU", "Hongrie", false, false},
	{"ID", "Indonésie", true, false},
	{"IE", "Irlande", false, false},
	{"IL", "Israël", false, false},
	{"IM", "Île de Man", false, false},
	{"IN", "Inde", true, false},
	{"IO", "Territoire britannique de l'océan Indien", false, false},
	{"IQ", "Irak", true, false},
	{"IR", "Iran", true, false},
	{"IS", "Islande", false, false},
	{"IT", "Italie", false, false},
	{"JE", "Jersey", false, false},
	{"JM", "Jamaïque", true, false},
	{"JO", "Jordanie", true, false},
	{"JP", "Japon", false, false},
	{"KE", "Kenya", true, false},
	{"KG", "Kirghizstan", true, false},
	{"KH", "Cambodge", true, true},
	{"KI", "Kiribati", true, true},
	{"KM", "Comores", true, true},
	{"KN", "Saint-Christophe-et-Niévès", false, false},
	{"KP", "Corée du Nord", true, false},
	{"KR", "Corée du Sud", false, false},
	{"KW", "Koweït", false, false},
	{"KY", "Îles Caïmans", false, false},
	{"KZ", "Kazakhstan", true, false},
	{"LA", "Laos", true, true},
	{"LB", "Liban", true, false},
	{"LC", "Sainte-Lucie", true, false},
	{"LI", "Liechtenstein", false, false},
	{"LK", "Sri Lanka", true, false},
	{"LR", "Liberia", true, true},
	{"LS", "Lesotho", true, true},
	{"LT", "Lituanie", false, false},
	{"LU", "Luxembourg", false, false},
	{"LV", "Lettonie", false, false},
	{"LY", "Libye", true, false},
	{"MA", "Maroc", true, false},
	{"MC", "Monaco", false, false},
	{"MD", "Moldavie", true, false},
	{"ME", "Monténégro", true, false},
	{"MF", "Saint-Martin (partie française)", false, false},
	{"MG", "Madagascar", true, true},
	{"MH", "Îles Marshall", true, false},
	{"MK", "Macédoine du Nord", true, false},
	{"ML", "Mali", true, true},
	{"MM", "Birmanie (Myanmar)", true, true},
	{"MN", "Mongolie", true, false},
	{"MO", "Macao", false, false},
	{"MP", "Îles Mariannes du Nord", false, false},
	{"MQ", "Martinique", false, false},
	{"MR", "Mauritanie", true, true},
	{"MS", "Montserrat", true, false},
	{"MT", "Malte", false, false},
	{"MU", "Maurice", true, false},
	{"MV", "Maldives", true, false},
	{"MW", "Malawi", true, true},
	{"MX", "Mexique", true, false},
	{"MY", "Malaisie", true, false},
	{"MZ", "Mozambique", true, true},
	{"NA", "Namibie", true, false},
	{"NC", "Nouvelle-Calédonie", false, false},
	{"NE", "Niger", true, true},
	{"NF", "Île Norfolk", false, false},
	{"NG", "Nigeria", true, false},
	{"NI", "Nicaragua", true, false},
	{"NL", "Pays-Bas", false, false},
	{"NO", "Norvège", false, false},
	{"NP", "Népal", true, true},
	{"NR", "Nauru", true, false},
	{"NU", "Niue", true, false},
	{"NZ", "Nouvelle-Zélande", false, false},
	{"OM", "Oman", false, false},
	{"PA", "Panama", true, false},
	{"PE", "Pérou", true, false},
	{"PF", "Polynésie française", false, false},
	{"PG", "Papouasie-Nouvelle-Guinée", true, false},
	{"PH", "Philippines", true, false},
	{"PK", "Pakistan", true, false},
	{"PL", "Pologne", false, false},
	{"PM", "Saint-Pierre-et-Miquelon", false, false},
	{"PN", "Îles Pitcairn", false, false},
	{"PR", "Porto Rico", false, false},
	{"PS", "Territoires palestiniens", true, false},
	{"PT", "Portugal", false, false},
	{"PW", "Palaos", true, false},
	{"PY", "Paraguay", true, false},
	{"QA", "Qatar", false, false},
	{"RE", "La Réunion", false, false},
	{"RO", "Roumanie", false, false},
	{"RS", "Serbie", true, false},
	{"RU", "Russie", false, false},
	{"RW", "Rwanda", true, true},
	{"SA", "Arabie saoudite", false, false},
	{"SB", "Îles Salomon", true, true},
	{"SC", "Seychelles", false, false},
	{"SD", "Soudan", true, true},
	{"SE", "Suède", false, false},
	{"SG", "Singapour", false, false},
	{"SH", "Sainte-Hélène, Ascension et Tristan da Cunha", true, false},
	{"SI", "Slovénie", false, false},
	{"SJ", "Svalbard et Jan Mayen", false, false},
	{"SK", "Slovaquie", false, false},
	{"SL", "Sierra Leone", true, true},
	{"SM", "Saint-Marin", false, false},
	{"SN", "Sénégal", true, true},
	{"SO", "Somalie", true, true},
	{"SR", "Suriname", true, false},
	{"SS", "Soudan du Sud", true, true},
	{"ST", "Sao Tomé-et-Principe", true, false},
	{"SV", "Salvador", true, false},
	{"SX", "Saint-Martin (partie néerlandaise)", false, false},
	{"SY", "Syrie", true, false},
	{"SZ", "Eswatini", true, false},
	{"TC", "Îles Turques-et-Caïques", false, false},
	{"TD", "Tchad", true, true},
	{"TF", "Terres australes et antarctiques françaises", false, false},
	{"TG", "Togo", true, true},
	{"TH", "Thaïlande", true, false},
	{"TJ", "Tadjikistan", true, false},
	{"TK", "Tokelau", true, false},
	{"TL", "Timor oriental", true, true},
	{"TM", "Turkménistan", true, false},
	{"TN", "Tunisie", true, false},
	{"TO", "Tonga", true, false},
	{"TR", "Turquie", true, false},
	{"TT", "Trinité-et-Tobago", false, false},
	{"TV", "Tuvalu", true, true},
	{"TW", "Taïwan", false, false},
	{"TZ", "Tanzanie", true, true},
	{"UA", "Ukraine", true, false},
	{"UG", "Ouganda", true, true},
	{"UM", "Îles mineures éloignées des États-Unis", false, false},
	{"US", "États-Unis", false, false},
	{"UY", "Uruguay", false, false},
	{"UZ", "Ouzbékistan", true, false},
	{"VA", "Saint-Siège (Vatican)", false, false},
	{"VC", "Saint-Vincent-et-les-Grenadines", true, false},
	{"VE", "Venezuela", true, false},
	{"VG", "Îles Vierges britanniques", false, false},
	{"VI", "Îles Vierges des États-Unis", false, false},
	{"VN", "Viêt Nam", true, false},
	{"VU", "Vanuatu", true, false},
	{"WF", "Wallis-et-Futuna", true, false},
	{"WS", "Samoa", true, false},
	{"XK", "Kosovo", true, false},
	{"YE", "Yémen", true, true},
	{"YT", "Mayotte", false, false},
	{"ZA", "Afrique du Sud", true, false},
	{"ZM", "Zambie", true, true},
	{"ZW", "Zimbabwe", true, false},
}

// LookupCountry returns the country with the given ISO 3166-1 alpha-2 code (case-insensitive,
// surrounding spaces ignored). It does a binary search over the sorted table.
func LookupCountry(code string) (Country, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	i := sort.Search(len(countries), func(i int) bool { return countries[i].Code >= code })
	if i < len(countries) && countries[i].Code == code {
		return countries[i], true
	}
	return Country{}, false
}

// Countries returns all countries sorted by code (a copy).
func Countries() []Country {
	return append([]Country(nil), countries...)
}

// euMembers are the member states of the European Union (2025).
var euMembers = map[string]bool{"AT": true, "BE": true, "BG": true, "CY": true, "CZ": true,
	"DE": true, "DK": true, "EE": true, "ES": true, "FI": true, "FR": true, "GR": true, "HR": true,
	"HU": true, "IE": true, "IT": true, "LT": true, "LU": true, "LV": true, "MT": true, "NL": true,
	"PL": true, "PT": true, "RO": true, "SE": true, "SI": true, "SK": true}

// frenchTerritories are France and its overseas territories: a partner there is not
// foreign.
var frenchTerritories = map[string]bool{"FR": true, "GP": true, "MQ": true, "GF": true,
	"RE": true, "YT": true, "PM": true, "BL": true, "MF": true, "WF": true, "PF": true, "NC": true,
	"TF": true}

// InEU reports whether the country is a member state of the European Union.
func (c Country) InEU() bool { return euMembers[c.Code] }

// IsFrench reports whether the code is France or one of its overseas territories.
func (c Country) IsFrench() bool { return frenchTerritories[c.Code] }
