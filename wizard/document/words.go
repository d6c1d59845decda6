package document

import "aect/wizard"

var units = [...]string{"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
	"neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"}

var tens = [...]string{"", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"}

// numberWords spells 0–99 in French, with the traditional spelling of administrative
// acts: "vingt et un", "soixante et onze", "quatre-vingts", "quatre-vingt-un".
func numberWords(n int) string {
	switch {
	case n < 0 || n > 99:
		return ""
	case n <= 16:
		return units[n]
	case n < 20:
		return "dix-" + units[n-10]
	case n < 70:
		t, u := n/10, n%10
		switch u {
		case 0:
			return tens[t]
		case 1:
			return tens[t] + " et un"
		}
		return tens[t] + "-" + units[u]
	case n < 80:
		if n == 71 {
			return "soixante et onze"
		}
		return "soixante-" + numberWords(n-60)
	case n == 80:
		return "quatre-vingts"
	}
	return "quatre-vingt-" + numberWords(n-80)
}

// yearWords spells a year of the 2000s: "deux mille vingt-six". Other years give "".
func yearWords(y int) string {
	switch {
	case y == 2000:
		return "deux mille"
	case y > 2000 && y < 2100:
		return "deux mille " + numberWords(y-2000)
	}
	return ""
}

// sessionOpening is the formal opening of a délibération: "L'an deux mille vingt-six, le
// quinze décembre", or "" when the date cannot be spelled.
func sessionOpening(d wizard.Date) string {
	y := yearWords(d.Year)
	if d.IsZero() || y == "" {
		return ""
	}
	day := numberWords(d.Day)
	if d.Day == 1 {
		day = "premier"
	}
	return "L'an " + y + ", le " + day + " " + wizard.MonthNames[d.Month]
}
