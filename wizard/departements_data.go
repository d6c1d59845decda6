package wizard

import (
	"sort"
	"strings"
	"sync"
)

// Departement is a French département: INSEE code, name, the name with its French
// preposition and article ("de l'Ain", "du Nord", "des Yvelines", "de la Drôme", "de Paris"),
// its région (exact names below), and whether it is overseas.
type Departement struct {
	Code     string
	Name     string
	Of       string
	Region   string
	Overseas bool
}

// Région names, exactly as in the contacts file.
const (
	regionARA  = "Auvergne-Rhône-Alpes"
	regionBFC  = "Bourgogne-Franche-Comté"
	regionBRE  = "Bretagne"
	regionCVL  = "Centre-Val de Loire"
	regionCOR  = "Corse"
	regionGES  = "Grand Est"
	regionHDF  = "Hauts-de-France"
	regionIDF  = "Île-de-France"
	regionNOR  = "Normandie"
	regionNAQ  = "Nouvelle-Aquitaine"
	regionOCC  = "Occitanie"
	regionPDL  = "Pays de la Loire"
	regionPACA = "Provence-Alpes-Côte d'Azur"
	regionGUA  = "Guadeloupe"
	regionMTQ  = "Martinique"
	regionGUF  = "Guyane"
	regionREU  = "La Réunion"
	regionMAY  = "Mayotte"
)

// departements lists the 101 départements (96 metropolitan incl. 2A and 2B, and 971 Guadeloupe,
// 972 Martinique, 973 Guyane, 974 La Réunion, 976 Mayotte) in INSEE code order.
//
// The codes are those of the INSEE Code officiel géographique. They are kept even where the
// département has been merged into another collectivity (Corse, Alsace, Guyane, Martinique,
// Mayotte, Métropole de Lyon within 69): the territory and its code still exist.
// The Of forms follow the INSEE article type (e.g. "d'Eure-et-Loir", "de Maine-et-Loire",
// "de Vaucluse", "de la Seine-Maritime").
var departements = []Departement{
	{"01", "Ain", "de l'Ain", regionARA, false},
	{"02", "Aisne", "de l'Aisne", regionHDF, false},
	{"03", "Allier", "de l'Allier", regionARA, false},
	{"04", "Alpes-de-Haute-Provence", "des Alpes-de-Haute-Provence", regionPACA, false},
	{"05", "Hautes-Alpes", "des Hautes-Alpes", regionPACA, false},
	{"06", "Alpes-Maritimes", "des Alpes-Maritimes", regionPACA, false},
	{"07", "Ardèche", "de l'Ardèche", regionARA, false},
	{"08", "Ardennes", "des Ardennes", regionGES, false},
	{"09", "Ariège", "de l'Ariège", regionOCC, false},
	{"10", "Aube", "de l'Aube", regionGES, false},
	{"11", "Aude", "de l'Aude", regionOCC, false},
	{"12", "Aveyron", "de l'Aveyron", regionOCC, false},
	{"13", "Bouches-du-Rhône", "des Bouches-du-Rhône", regionPACA, false},
	{"14", "Calvados", "du Calvados", regionNOR, false},
	{"15", "Cantal", "du Cantal", regionARA, false},
	{"16", "Charente", "de la Charente", regionNAQ, false},
	{"17", "Charente-Maritime", "de la Charente-Maritime", regionNAQ, false},
	{"18", "Cher", "du Cher", regionCVL, false},
	{"19", "Corrèze", "de la Corrèze", regionNAQ, false},
	{"2A", "Corse-du-Sud", "de la Corse-du-Sud", regionCOR, false},
	{"2B", "Haute-Corse", "de la Haute-Corse", regionCOR, false},
	{"21", "Côte-d'Or", "de la Côte-d'Or", regionBFC, false},
	{"22", "Côtes-d'Armor", "des Côtes-d'Armor", regionBRE, false},
	{"23", "Creuse", "de la Creuse", regionNAQ, false},
	{"24", "Dordogne", "de la Dordogne", regionNAQ, false},
	{"25", "Doubs", "du Doubs", regionBFC, false},
	{"26", "Drôme", "de la Drôme", regionARA, false},
	{"27", "Eure", "de l'Eure", regionNOR, false},
	{"28", "Eure-et-Loir", "d'Eure-et-Loir", regionCVL, false},
	{"29", "Finistère", "du Finistère", regionBRE, false},
	{"30", "Gard", "du Gard", regionOCC, false},
	{"31", "Haute-Garonne", "de la Haute-Garonne", regionOCC, false},
	{"32", "Gers", "du Gers", regionOCC, false},
	{"33", "Gironde", "de la Gironde", regionNAQ, false},
	{"34", "Hérault", "de l'Hérault", regionOCC, false},
	{"35", "Ille-et-Vilaine", "d'Ille-et-Vilaine", regionBRE, false},
	{"36", "Indre", "de l'Indre", regionCVL, false},
	{"37", "Indre-et-Loire", "d'Indre-et-Loire", regionCVL, false},
	{"38", "Isère", "de l'Isère", regionARA, false},
	{"39", "Jura", "du Jura", regionBFC, false},
	{"40", "Landes", "des Landes", regionNAQ, false},
	{"41", "Loir-et-Cher", "de Loir-et-Cher", regionCVL, false},
	{"42", "Loire", "de la Loire", regionARA, false},
	{"43", "Haute-Loire", "de la Haute-Loire", regionARA, false},
	{"44", "Loire-Atlantique", "de la Loire-Atlantique", regionPDL, false},
	{"45", "Loiret", "du Loiret", regionCVL, false},
	{"46", "Lot", "du Lot", regionOCC, false},
	{"47", "Lot-et-Garonne", "de Lot-et-Garonne", regionNAQ, false},
	{"48", "Lozère", "de la Lozère", regionOCC, false},
	{"49", "Maine-et-Loire", "de Maine-et-Loire", regionPDL, false},
	{"50", "Manche", "de la Manche", regionNOR, false},
	{"51", "Marne", "de la Marne", regionGES, false},
	{"52", "Haute-Marne", "de la Haute-Marne", regionGES, false},
	{"53", "Mayenne", "de la Mayenne", regionPDL, false},
	{"54", "Meurthe-et-Moselle", "de Meurthe-et-Moselle", regionGES, false},
	{"55", "Meuse", "de la Meuse", regionGES, false},
	{"56", "Morbihan", "du Morbihan", regionBRE, false},
	{"57", "Moselle", "de la Moselle", regionGES, false},
	{"58", "Nièvre", "de la Nièvre", regionBFC, false},
	{"59", "Nord", "du Nord", regionHDF, false},
	{"60", "Oise", "de l'Oise", regionHDF, false},
	{"61", "Orne", "de l'Orne", regionNOR, false},
	{"62", "Pas-de-Calais", "du Pas-de-Calais", regionHDF, false},
	{"63", "Puy-de-Dôme", "du Puy-de-Dôme", regionARA, false},
	{"64", "Pyrénées-Atlantiques", "des Pyrénées-Atlantiques", regionNAQ, false},
	{"65", "Hautes-Pyrénées", "des Hautes-Pyrénées", regionOCC, false},
	{"66", "Pyrénées-Orientales", "des Pyrénées-Orientales", regionOCC, false},
	{"67", "Bas-Rhin", "du Bas-Rhin", regionGES, false},
	{"68", "Haut-Rhin", "du Haut-Rhin", regionGES, false},
	{"69", "Rhône", "du Rhône", regionARA, false},
	{"70", "Haute-Saône", "de la Haute-Saône", regionBFC, false},
	{"71", "Saône-et-Loire", "de Saône-et-Loire", regionBFC, false},
	{"72", "Sarthe", "de la Sarthe", regionPDL, false},
	{"73", "Savoie", "de la Savoie", regionARA, false},
	{"74", "Haute-Savoie", "de la Haute-Savoie", regionARA, false},
	{"75", "Paris", "de Paris", regionIDF, false},
	{"76", "Seine-Maritime", "de la Seine-Maritime", regionNOR, false},
	{"77", "Seine-et-Marne", "de Seine-et-Marne", regionIDF, false},
	{"78", "Yvelines", "des Yvelines", regionIDF, false},
	{"79", "Deux-Sèvres", "des Deux-Sèvres", regionNAQ, false},
	{"80", "Somme", "de la Somme", regionHDF, false},
	{"81", "Tarn", "du Tarn", regionOCC, false},
	{"82", "Tarn-et-Garonne", "de Tarn-et-Garonne", regionOCC, false},
	{"83", "Var", "du Var", regionPACA, false},
	{"84", "Vaucluse", "de Vaucluse", regionPACA, false},
	{"85", "Vendée", "de la Vendée", regionPDL, false},
	{"86", "Vienne", "de la Vienne", regionNAQ, false},
	{"87", "Haute-Vienne", "de la Haute-Vienne", regionNAQ, false},
	{"88", "Vosges", "des Vosges", regionGES, false},
	{"89", "Yonne", "de l'Yonne", regionBFC, false},
	{"90", "Territoire de Belfort", "du Territoire de Belfort", regionBFC, false},
	{"91", "Essonne", "de l'Essonne", regionIDF, false},
	{"92", "Hauts-de-Seine", "des Hauts-de-Seine", regionIDF, false},
	{"93", "Seine-Saint-Denis", "de la Seine-Saint-Denis", regionIDF, false},
	{"94", "Val-de-Marne", "du Val-de-Marne", regionIDF, false},
	{"95", "Val-d'Oise", "du Val-d'Oise", regionIDF, false},
	{"971", "Guadeloupe", "de la Guadeloupe", regionGUA, true},
	{"972", "Martinique", "de la Martinique", regionMTQ, true},
	{"973", "Guyane", "de la Guyane", regionGUF, true},
	{"974", "La Réunion", "de La Réunion", regionREU, true},
	{"976", "Mayotte", "de Mayotte", regionMAY, true},
}

// departementIndex maps an INSEE code to its index in departements; built once.
var departementIndex = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, len(departements))
	for i, d := range departements {
		m[d.Code] = i
	}
	return m
})

// LookupDepartement returns the département with the given INSEE code ("01", "2A", "974").
// The code is trimmed of spaces and upper-cased ("2a" finds "2A"); it is otherwise exact
// ("1" does not find "01").
func LookupDepartement(code string) (Departement, bool) {
	i, ok := departementIndex()[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Departement{}, false
	}
	return departements[i], true
}

// Departements returns all départements in code order (a copy).
func Departements() []Departement {
	return append([]Departement(nil), departements...)
}

// Regions returns the distinct région names of the départements, sorted by byte order
// (sort.Strings: "Île-de-France" comes last).
func Regions() []string {
	seen := make(map[string]bool)
	var out []string
	for _, d := range departements {
		if !seen[d.Region] {
			seen[d.Region] = true
			out = append(out, d.Region)
		}
	}
	sort.Strings(out)
	return out
}
