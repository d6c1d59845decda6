package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"aect/wizard"
)

// noun is what the common noun that starts a name tells: the article the name takes,
// the noun's gender, and whether the noun is a plain common noun that French typography
// writes in lower case inside a sentence ("la commune de Ndiassane-Ouest", "le ministère
// des Enseignements…"), rather than the first word of a body's own name ("l'Association
// des amis de…", "le Comité de jumelage…").
type noun struct {
	article  string
	feminine bool
	common   bool
}

// nounArticles gives what a name that starts with a common noun takes: "Commune de
// Ndiassane-Ouest" is "la commune de Ndiassane-Ouest" inside a sentence, "Comité de
// jumelage …" is "le Comité de jumelage …". Other names (proper nouns, foreign words)
// take no article.
var nounArticles = map[string]noun{
	"agence": {"l'", true, false}, "amicale": {"l'", true, false}, "ambassade": {"l'", true, false},
	"association": {"l'", true, false}, "centre": {"le ", false, false}, "cercle": {"le ", false, false},
	"club": {"le ", false, false}, "collectif": {"le ", false, false}, "collectivite": {"la ", true, true},
	"comite": {"le ", false, false}, "commune": {"la ", true, true}, "communaute": {"la ", true, true},
	"conseil": {"le ", false, false}, "departement": {"le ", false, true}, "district": {"le ", false, true},
	"ecole": {"l'", true, false}, "etat": {"l'", false, false}, "federation": {"la ", true, false},
	"fondation": {"la ", true, false}, "fonds": {"le ", false, false}, "gouvernement": {"le ", false, true},
	"groupement": {"le ", false, false}, "institut": {"l'", false, false}, "mairie": {"la ", true, true},
	"maison": {"la ", true, false}, "ministere": {"le ", false, true}, "municipalite": {"la ", true, true},
	"office": {"l'", false, false}, "ong": {"l'", true, false}, "organisation": {"l'", true, false},
	"prefecture": {"la ", true, true}, "province": {"la ", true, true}, "region": {"la ", true, true},
	"republique": {"la ", true, false}, "reseau": {"le ", false, false}, "syndicat": {"le ", false, false},
	"union": {"l'", true, false}, "universite": {"l'", true, false}, "ville": {"la ", true, true},
}

// nameNoun returns what the first word of a name tells, and false when it is not a
// known common noun.
func nameNoun(name string) (noun, bool) {
	first, _, _ := strings.Cut(name, " ")
	first = strings.TrimRight(first, ",;:")
	n, ok := nounArticles[wizard.Fold(first)]
	return n, ok
}

// nameArticle returns the article a name takes inside a sentence, or "".
func nameArticle(name string) string {
	n, _ := nameNoun(name)
	return n.article
}

// nameFeminine reports the gender of a name that starts with a known common noun, for
// the agreement of participles ("la Commune … représentée", "le Comité … représenté");
// known is false for other names.
func nameFeminine(name string) (feminine, known bool) {
	n, ok := nameNoun(name)
	return n.feminine, ok
}

// inSentence is the name as written inside a sentence, after its article: a plain common
// noun at its start is lower-cased ("commune de Ndiassane-Ouest"); other names are kept
// as typed.
func inSentence(name string) string {
	if n, ok := nameNoun(name); ok && n.common {
		r, size := utf8.DecodeRuneInString(name)
		return string(unicode.ToLower(r)) + name[size:]
	}
	return name
}

// withArticle is the name with its article, inside a sentence: "la commune de
// Ndiassane-Ouest", "le Comité de jumelage de Belmont".
func withArticle(name string) string { return nameArticle(name) + inSentence(name) }

// titleWithArticle is the name with its article, the name kept as typed, for headings
// and signature blocks: "Pour la Commune de Ndiassane-Ouest,".
func titleWithArticle(name string) string { return nameArticle(name) + name }

// deName is the name of a body after "de", inside a sentence: "de la commune de …",
// "du Comité …", "d'Aix-la-Chapelle", "de Gemeinde Lindenbach", "du Havre" (the wizard's
// rule, wizard.De, for names without a common noun).
func deName(name string) string {
	switch art := nameArticle(name); art {
	case "le ":
		return "du " + inSentence(name)
	case "":
		return wizard.De(name)
	default:
		return "de " + art + inSentence(name)
	}
}

// aName is the name after "à", inside a sentence: "à la commune de …", "au Comité …",
// "à l'Association …", "au Havre", "aux Abymes".
func aName(name string) string {
	switch art := nameArticle(name); {
	case art == "le ":
		return "au " + inSentence(name)
	case art != "":
		return "à " + art + inSentence(name)
	case strings.HasPrefix(name, "Le "):
		return "au " + name[3:]
	case strings.HasPrefix(name, "Les "):
		return "aux " + name[4:]
	}
	return "à " + name
}
