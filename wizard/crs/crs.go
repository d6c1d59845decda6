// Package crs holds the codes of the OECD Creditor Reporting System (CRS) that the annual
// declaration of official development assistance (APD, CGCT L. 1115-6) asks for each line:
// the purpose (sector) codes with their 3-digit categories, and the channel-of-delivery
// codes, with their French labels, as the IATI code lists replicate them; and aect's
// default code for each sector of a plan and for each kind of payee.
//
// The package does no I/O beyond reading its own embedded files. It imports nothing of
// aect: the plan's sectors, payees and partner kinds are given as their codes (strings),
// so that the package wizard can offer these codes in its questions.
//
// Withdrawn codes are kept, so that a plan written with a code later withdrawn still
// reads, but Sectors and Channels never offer them.
package crs

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"slices"
	"strings"
	"sync"
)

// Source names where the codes come from, for display next to them.
const Source = "listes de codes IATI « Sector », « SectorCategory » et « CRSChannelCode », reprises des listes du CAD et du SNPC de l'OCDE"

// AsOf is the date of the code lists, as the documents print it.
const AsOf = "juin 2026"

// EnglishMark follows a label that the list gives only in English.
const EnglishMark = "(libellé anglais)"

// WithdrawnMark follows a code that the list has withdrawn.
const WithdrawnMark = "(code retiré de la liste)"

// The embedded files are rows of the reference files, unchanged (columns code,
// libelle_fr, label_en, categorie, statut): every sector and every category; of the 438
// channels, the generic code of each level and the few named bodies a French local
// authority pays (UN agencies of development and emergency aid, the Red Cross movement,
// Médecins Sans Frontières, the Francophonie, UCLG Africa). A payment to another named
// body is declared under its generic code (21000 for an international NGO, 41000 for a
// UN agency…).
var (
	//go:embed data/secteurs.csv
	sectorsCSV []byte
	//go:embed data/categories.csv
	categoriesCSV []byte
	//go:embed data/canaux.csv
	channelsCSV []byte
)

// Code is one code of a CRS list.
type Code struct {
	// Code is the code: five digits for a sector or a channel, three for a category.
	Code string
	// Label is the French label, or the English one when the list has no French label
	// (then English is true).
	Label   string
	English bool
	// Parent is the sector's category, or the channel's parent code ("" at the top).
	Parent string
	// Withdrawn codes are no longer offered.
	Withdrawn bool
}

// FrenchLabel is the label as the documents print it: the French label, or the English
// one followed by « (libellé anglais) », and « (code retiré de la liste) » for a
// withdrawn code.
func (c Code) FrenchLabel() string {
	l := c.Label
	if c.English {
		l += " " + EnglishMark
	}
	if c.Withdrawn {
		l += " " + WithdrawnMark
	}
	return l
}

// Display is the code and its label, as a choice shows it: "14030 – Approvisionnement en
// eau potable et assainissement - dispositifs de base".
func (c Code) Display() string { return c.Code + " – " + c.FrenchLabel() }

// list is one parsed code list, in code order.
type list struct {
	codes []Code
	index map[string]int
}

func (l *list) lookup(code string) (Code, bool) {
	i, ok := l.index[strings.TrimSpace(code)]
	if !ok {
		return Code{}, false
	}
	return l.codes[i], true
}

func (l *list) active() []Code {
	out := make([]Code, 0, len(l.codes))
	for _, c := range l.codes {
		if !c.Withdrawn {
			out = append(out, c)
		}
	}
	return out
}

// labelFixes replaces French labels of the IATI list that a French reader would take for
// mistakes: a typo (« Gouvernment ») and, for the public sector, labels that do not say
// whose government it is (11002 and 12002 are both « Gouvernment local »).
var labelFixes = map[string]string{
	"11001": "Gouvernement central du pays donneur",
	"11002": "Gouvernement local du pays donneur",
	"11003": "Entreprise publique du pays donneur",
	"11004": "Autres entités publiques du pays donneur",
	"12001": "Gouvernement central du pays bénéficiaire",
	"12002": "Gouvernement local du pays bénéficiaire",
	"12003": "Entreprise publique du pays bénéficiaire",
	"12004": "Autres entités publiques du pays bénéficiaire",
}

// parse reads one embedded list; an invalid file is a programming error.
func parse(name string, data []byte) *list {
	r := csv.NewReader(bytes.NewReader(data))
	rows, err := r.ReadAll()
	if err != nil || len(rows) < 2 {
		panic("crs: embedded list " + name + " is invalid")
	}
	if !slices.Equal(rows[0], []string{"code", "libelle_fr", "label_en", "categorie", "statut"}) {
		panic("crs: embedded list " + name + " has unexpected columns")
	}
	l := &list{index: map[string]int{}}
	for _, row := range rows[1:] {
		c := Code{Code: row[0], Label: strings.TrimSpace(row[1]), Parent: row[3], Withdrawn: row[4] == "withdrawn"}
		if fix, ok := labelFixes[c.Code]; ok {
			c.Label = fix
		}
		if c.Label == "" {
			c.Label, c.English = strings.TrimSpace(row[2]), true
		}
		if _, dup := l.index[c.Code]; dup {
			panic("crs: code " + c.Code + " twice in " + name)
		}
		l.index[c.Code] = len(l.codes)
		l.codes = append(l.codes, c)
	}
	slices.SortFunc(l.codes, func(a, b Code) int { return strings.Compare(a.Code, b.Code) })
	for i, c := range l.codes {
		l.index[c.Code] = i
	}
	return l
}

var (
	sectors    = sync.OnceValue(func() *list { return parse("secteurs", sectorsCSV) })
	categories = sync.OnceValue(func() *list { return parse("categories", categoriesCSV) })
	channels   = sync.OnceValue(func() *list { return parse("canaux", channelsCSV) })
)

// Sector returns the purpose code, withdrawn or not.
func Sector(code string) (Code, bool) { return sectors().lookup(code) }

// Category returns the 3-digit category of sectors.
func Category(code string) (Code, bool) { return categories().lookup(code) }

// Channel returns the channel-of-delivery code, withdrawn or not.
func Channel(code string) (Code, bool) { return channels().lookup(code) }

// Sectors returns the purpose codes that may be chosen (not withdrawn), in code order.
func Sectors() []Code { return sectors().active() }

// Channels returns the channel codes that may be chosen (not withdrawn), in code order.
func Channels() []Code { return channels().active() }
