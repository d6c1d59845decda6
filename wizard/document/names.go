package document

import (
	"strings"

	"aect/wizard"
)

// nounArticles gives the article of a name that starts with a common noun: "Commune de
// Ndiassane-Ouest" is "la Commune de Ndiassane-Ouest", "Comité de jumelage …" is "le
// Comité de jumelage …". Other names (proper nouns, foreign words) take no article.
var nounArticles = map[string]string{
	"agence": "l'", "amicale": "l'", "ambassade": "l'", "association": "l'", "centre": "le ",
	"cercle": "le ", "club": "le ", "collectif": "le ", "collectivite": "la ", "comite": "le ",
	"commune": "la ", "communaute": "la ", "conseil": "le ", "departement": "le ",
	"district": "le ", "ecole": "l'", "etat": "l'", "federation": "la ", "fondation": "la ",
	"fonds": "le ", "gouvernement": "le ", "groupement": "le ", "institut": "l'",
	"mairie": "la ", "maison": "la ", "ministere": "le ", "municipalite": "la ", "office": "l'",
	"ong": "l'", "organisation": "l'", "prefecture": "la ", "province": "la ", "region": "la ",
	"republique": "la ", "reseau": "le ", "syndicat": "le ", "union": "l'", "universite": "l'",
	"ville": "la ",
}

// nameArticle returns the article a name takes inside a sentence, or "".
func nameArticle(name string) string {
	first, _, _ := strings.Cut(name, " ")
	first = strings.TrimRight(first, ",;:")
	return nounArticles[wizard.Fold(first)]
}

// withArticle is the name with its article: "la Commune de Ndiassane-Ouest".
func withArticle(name string) string { return nameArticle(name) + name }

// deName is the name of a body after "de": "de la Commune de …", "du Comité …",
// "d'Aix-la-Chapelle", "de Gemeinde Lindenbach", "du Havre" (the wizard's rule, wizard.De,
// for names without a common noun).
func deName(name string) string {
	switch art := nameArticle(name); art {
	case "le ":
		return "du " + name
	case "":
		return wizard.De(name)
	default:
		return "de " + art + name
	}
}

// aName is the name after "à": "à la Commune de …", "au Comité …", "à l'Association …".
func aName(name string) string {
	if art := nameArticle(name); art == "le " {
		return "au " + name
	} else {
		return "à " + art + name
	}
}
