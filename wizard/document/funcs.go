package document

import (
	"strings"

	"aect/wizard"
	"aect/wizard/document/render"
)

// modelFuncs are the functions of the models, with French names. They take template
// text (a quoted string of the model), phrases of the view, numbers, dates and amounts,
// and return encoded text (frag).
var modelFuncs = map[string]any{
	// {{aCompleter "numéro"}}: the placeholder « [à compléter : numéro] ».
	// Several pieces are joined: {{aCompleter "plan à équilibrer (" .TotalFinancement ")"}}.
	"aCompleter": func(what ...any) frag { return placeholderFrag("[à compléter : " + plainText(join(what)) + "]") },
	// {{aConfirmer "…"}}: the placeholder « [à confirmer : …] ».
	"aConfirmer": func(what ...any) frag { return placeholderFrag("[à confirmer : " + plainText(join(what)) + "]") },
	// {{aConfirmerComptable}}: « [à confirmer avec le comptable public, nomenclature M57
	// ou M14] », after an imputation.
	"aConfirmerComptable": func() frag { return toFrag(withAccountant()) },
	// {{nombre .Calendrier.DureeMois "durée en mois"}}: a positive number, or the
	// placeholder.
	"nombre": func(n int, what string) frag { return toFrag(count(n, what)) },
	// {{finDePhrase .Intitule}}: « . » after a title that does not end with a
	// punctuation mark, else a space: what separates it from a sentence that follows.
	"finDePhrase": func(x any) frag { return frag(sentenceEnd(plainText(argFrag(x)))) },
	// {{gras "DÉCIDE :"}}, {{italique "d'une part,"}}: bold, italic (a placeholder stays
	// a placeholder).
	"gras":     func(parts ...any) frag { return styleWrap(mStrongOpen, mStrongClose, join(parts)) },
	"italique": func(parts ...any) frag { return styleWrap(mEmphOpen, mEmphClose, join(parts)) },
	// {{majuscules .X}}: in capitals (placeholders excepted); {{majuscule .X}}: the first
	// letter in capital.
	"majuscules": func(parts ...any) (frag, error) { return mapInline(join(parts), upper) },
	"majuscule":  func(parts ...any) (frag, error) { return mapInline(join(parts), capitalize) },
	// {{date .Seance.Date "date de la séance"}}: « 15 décembre 2026 », or the placeholder.
	"date": func(d wizard.Date, what string) frag { return toFrag(date(d, what)) },
	// {{montant .X}}: « 12 500,00 € ».
	"montant": func(c wizard.Cents) frag { return protect(amount(c)) },
	// {{guillemets .Partenaire.Historique}}: between French quotation marks, without its
	// final full stop.
	"guillemets": func(x any) frag { return withText(x, quote, func(f frag) frag { return "« " + f + " »" }) },
	// {{de .Operateur}}: « de la commune de … », « du Comité … », « d'Aix ».
	"de": func(x any) frag { return withText(x, deName, func(f frag) frag { return "de " + f }) },
	// {{le .Operateur}}: the name with its article, « la commune de … », « le Comité … ».
	"le": func(x any) frag { return withText(x, withArticle, func(f frag) frag { return f }) },
	// {{a .Operateur}}: « à la commune de … », « au Comité … ».
	"a": func(x any) frag { return withText(x, aName, func(f frag) frag { return "à " + f }) },
	// {{liste .X}}: « a, b et c ».
	"liste": func(items []frag) frag { return joinFrags(items) },
	// {{accord .ExecutifFeminin "habilitée" "habilité"}}: the feminine or masculine form.
	"accord": func(feminine bool, f, m string) frag { return frag(fem(feminine, f, m)) },
	// {{ref "engagements-financiers"}}: « article 4 », the number of the article
	// labelled so (article-titre#engagements-financiers:), once the articles are numbered.
	"ref": func(label string) frag { return ref(label) },
}

// placeholderFrag is a placeholder span.
func placeholderFrag(text string) frag {
	return styleWrap(mPlaceholderOpen, mPlaceholderClose, protect(text))
}

// argFrag is an argument of a model function as encoded text: a quoted string of the
// model is template text, taken as markup; a phrase of the view is already encoded.
func argFrag(v any) frag {
	switch x := v.(type) {
	case string:
		return frag(x)
	case wizard.Date:
		return protect(wizard.FormatDate(x))
	case wizard.Cents:
		return protect(amount(x))
	}
	return toFrag(v)
}

func join(parts []any) frag {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(string(argFrag(p)))
	}
	return frag(b.String())
}

// joinFrags joins phrases the French way: « a, b et c ».
func joinFrags(items []frag) frag {
	var b strings.Builder
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			b.WriteString(" et ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(string(it))
	}
	return frag(b.String())
}

// mapInline applies a change of the content model to encoded text.
func mapInline(f frag, fn func(render.Inline) render.Inline) (frag, error) {
	in, err := rawInline(f)
	if err != nil {
		return "", err
	}
	return encode(fn(in)), nil
}

// rawInline decodes encoded text into spans, without typography (applied later, once).
func rawInline(f frag) (render.Inline, error) { return spansOf(string(f)) }

// withText applies a rule of French grammar to a name: to its text when it is plain
// (a name as typed), or the fallback to encoded text that holds a placeholder.
func withText(x any, rule func(string) string, fallback func(frag) frag) frag {
	f := argFrag(x)
	s := string(f)
	if strings.ContainsFunc(s, func(r rune) bool { return isMarker(r) && r != mLitOpen && r != mLitClose }) {
		return fallback(f)
	}
	plain := strings.NewReplacer(string(mLitOpen), "", string(mLitClose), "").Replace(s)
	if plain == "" {
		return ""
	}
	return protect(rule(plain))
}

// plainText is encoded text without its markers.
func plainText(f frag) string {
	return strings.Map(func(r rune) rune {
		if isMarker(r) {
			return -1
		}
		return r
	}, string(f))
}
