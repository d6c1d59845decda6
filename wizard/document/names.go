package document

import (
	"strings"
	"unicode"

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

// deName is the name after "de": "de la Commune de …", "du Comité …", "d'Élise Martin",
// "de Gemeinde Lindenbach".
func deName(name string) string {
	switch art := nameArticle(name); art {
	case "le ":
		return "du " + name
	case "":
		if elides(name) {
			return "d'" + name
		}
		return "de " + name
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

// elides reports whether "de" elides before a name: a vowel, or an h before é or è
// ("d'Hélène"); not before a y or another h, often aspirated in names.
func elides(name string) bool {
	f := wizard.Fold(name)
	if f == "" {
		return false
	}
	if strings.ContainsRune("aeiou", rune(f[0])) {
		return true
	}
	r := []rune(name)
	return len(r) > 1 && unicode.ToLower(r[0]) == 'h' && (r[1] == 'é' || r[1] == 'è')
}
