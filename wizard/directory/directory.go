// Package directory is the offline directory of French collectivités: every commune and
// every EPCI à fiscalité propre of one millésime (INSEE Code officiel géographique and DGCL
// list of EPCI, as packaged by Etalab in @etalab/decoupage-administratif), with their
// départements and régions, and a search over them.
//
// The directory compiled into the program is decoded on first use (Embedded). A newer one
// can be read from an Etalab data folder (ParseEtalab) and kept in the compact form of
// Encode and Decode. The package does no I/O of its own: its callers open the files.
package directory

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Zone says where a commune, a département or a région lies.
type Zone string

// Zones, as the INSEE names them.
const (
	// ZoneMetro is metropolitan France, Corse included.
	ZoneMetro Zone = "metro"
	// ZoneDROM is the départements et régions d'outre-mer (Guadeloupe, Martinique,
	// Guyane, La Réunion, Mayotte).
	ZoneDROM Zone = "drom"
	// ZoneCOM is the collectivités d'outre-mer, Nouvelle-Calédonie, the TAAF and Clipperton.
	ZoneCOM Zone = "com"
)

// Overseas reports whether the zone is outre-mer (DROM or COM).
func (z Zone) Overseas() bool { return z == ZoneDROM || z == ZoneCOM }

func (z Zone) valid() bool { return z == ZoneMetro || z == ZoneDROM || z == ZoneCOM }

// PopulationUnknown is the population of a commune or EPCI the directory does not give
// (the population totale of a commune outside any EPCI, the TAAF's populations).
const PopulationUnknown = -1

// Region is a région, or an overseas collectivité that stands for one.
type Region struct {
	Code string
	Name string
	Zone Zone
}

// Departement is a département, or an overseas collectivité that stands for one
// (975 Saint-Pierre-et-Miquelon, 988 Nouvelle-Calédonie…).
type Departement struct {
	Code   string
	Name   string
	Region string // code of its région
	Zone   Zone
}

// Commune is a commune of the directory.
//
// Both population figures are given, with the directory's millésime: which one a
// threshold reads is the caller's decision (the functioning of the council reads the
// population municipale, other texts name theirs).
type Commune struct {
	INSEE       string // code officiel géographique: "24396", "2A004"
	Name        string // official name: "Saint-Cyprien"
	Departement string // code of its département: "24"
	Region      string // code of its région: "75"
	Zone        Zone
	SIREN       string // "" for the communes of some overseas collectivités
	// PopulationTotale is the DGCL's figure for EPCI members, else PopulationUnknown.
	PopulationTotale int
	// PopulationMunicipale is the DGCL's figure for EPCI members, the INSEE's otherwise;
	// PopulationUnknown for the TAAF and Clipperton.
	PopulationMunicipale int
	Postcodes            []string
	EPCI                 string // SIREN of its EPCI à fiscalité propre, "" for none
}

// Overseas reports whether the commune is outre-mer (DROM or COM).
func (c *Commune) Overseas() bool { return c.Zone.Overseas() }

// EPCI natures, as the DGCL names them.
const (
	NatureCC    = "CC"    // communauté de communes
	NatureCA    = "CA"    // communauté d'agglomération
	NatureCU    = "CU"    // communauté urbaine
	NatureMetro = "METRO" // métropole
	NatureMet69 = "MET69" // Métropole de Lyon
)

var natures = map[string]struct{ authority, label string }{
	NatureCC:    {"communaute_communes", "communauté de communes"},
	NatureCA:    {"communaute_agglomeration", "communauté d'agglomération"},
	NatureCU:    {"communaute_urbaine", "communauté urbaine"},
	NatureMetro: {"metropole", "métropole"},
	NatureMet69: {"metropole", "Métropole de Lyon"},
}

// EPCI is an établissement public de coopération intercommunale à fiscalité propre.
type EPCI struct {
	SIREN                string
	Name                 string // as the DGCL writes it: "CC Vallée de la Dordogne et Forêt Bessède"
	Nature               string // NatureCC, NatureCA, NatureCU, NatureMetro or NatureMet69
	Financing            string // "FPU" (fiscalité professionnelle unique) or "FA" (additionnelle)
	PopulationTotale     int
	PopulationMunicipale int
	Members              int      // number of member communes
	Departements         []string // codes of the départements of its members, sorted
}

// AuthorityType is the plan's authority type for this EPCI: "communaute_communes",
// "communaute_agglomeration", "communaute_urbaine" or "metropole" (the Métropole de
// Lyon, a collectivité à statut particulier, included).
func (e *EPCI) AuthorityType() string { return natures[e.Nature].authority }

// TypeLabel names the EPCI's nature in French: "communauté de communes"…
func (e *EPCI) TypeLabel() string { return natures[e.Nature].label }

// Info is what a directory says about itself.
type Info struct {
	Millesime int    // year of the data: 2026
	Source    string // where the data come from, in French
}

// Directory is one millésime of the directory. It is read-only once built and safe for
// concurrent use.
type Directory struct {
	info     Info
	regions  []Region
	deps     []Departement
	epcis    []EPCI
	communes []Commune

	byINSEE   map[string]int32
	bySIREN   map[string]int32 // commune index, or -1-i for EPCI i
	depIndex  map[string]int
	regIndex  map[string]int
	indexOnce sync.Once
	index     *searchIndex
}

// Info returns the millésime and source of the directory.
func (d *Directory) Info() Info { return d.info }

// Millesime is the year of the data.
func (d *Directory) Millesime() int { return d.info.Millesime }

// Communes returns every commune in INSEE code order. The slice is shared: do not modify it.
func (d *Directory) Communes() []Commune { return d.communes }

// EPCIs returns every EPCI in SIREN order. The slice is shared: do not modify it.
func (d *Directory) EPCIs() []EPCI { return d.epcis }

// Departements returns every département in code order. The slice is shared.
func (d *Directory) Departements() []Departement { return d.deps }

// Regions returns every région in code order. The slice is shared.
func (d *Directory) Regions() []Region { return d.regions }

// Commune returns the commune of an INSEE code ("24396", "2a004").
func (d *Directory) Commune(insee string) (*Commune, bool) {
	i, ok := d.byINSEE[strings.ToUpper(strings.TrimSpace(insee))]
	if !ok {
		return nil, false
	}
	return &d.communes[i], true
}

// EPCI returns the EPCI of a SIREN.
func (d *Directory) EPCI(siren string) (*EPCI, bool) {
	i, ok := d.bySIREN[compactSIREN(siren)]
	if !ok || i >= 0 {
		return nil, false
	}
	return &d.epcis[-1-i], true
}

// BySIREN returns the commune or the EPCI of a SIREN ("212403968", "212 403 968").
func (d *Directory) BySIREN(siren string) (Result, bool) {
	i, ok := d.bySIREN[compactSIREN(siren)]
	switch {
	case !ok:
		return Result{}, false
	case i >= 0:
		return Result{Commune: &d.communes[i]}, true
	}
	return Result{EPCI: &d.epcis[-1-i]}, true
}

// EPCIOf returns the EPCI the commune belongs to.
func (d *Directory) EPCIOf(c *Commune) (*EPCI, bool) {
	if c == nil || c.EPCI == "" {
		return nil, false
	}
	return d.EPCI(c.EPCI)
}

// Departement returns a département by its code ("24", "2A", "974").
func (d *Directory) Departement(code string) (*Departement, bool) {
	i, ok := d.depIndex[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return nil, false
	}
	return &d.deps[i], true
}

// Region returns a région by its code ("75").
func (d *Directory) Region(code string) (*Region, bool) {
	i, ok := d.regIndex[strings.TrimSpace(code)]
	if !ok {
		return nil, false
	}
	return &d.regions[i], true
}

func compactSIREN(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '.' {
			return -1
		}
		return r
	}, s)
}

// Error says in French what is wrong with directory data. File is the file or the part
// at fault ("communes.json"), when known.
type Error struct {
	File string
	Msg  string
}

// Error returns the message, after the file at fault when known: "epci.json : …".
func (e *Error) Error() string {
	if e.File == "" {
		return e.Msg
	}
	return e.File + " : " + e.Msg
}

func errorf(file, format string, args ...any) *Error {
	return &Error{File: file, Msg: fmt.Sprintf(format, args...)}
}

// Parts of the data, named as the Etalab files are: the File of the errors New returns.
const (
	partCommunes = "communes.json"
	partEPCI     = "epci.json"
	partDeps     = "departements.json"
	partRegions  = "regions.json"
)

// New checks the data, sorts them by code and returns the directory. An error is an
// *Error naming the part at fault (communes, EPCI, départements, régions) and the item.
func New(info Info, regions []Region, deps []Departement, epcis []EPCI, communes []Commune) (*Directory, error) {
	if info.Millesime < 2000 || info.Millesime > 2200 {
		return nil, errorf("", "millésime %d invraisemblable", info.Millesime)
	}
	if err := checkText(info.Source, 500); err != "" {
		return nil, errorf("", "source : %s", err)
	}
	d := &Directory{
		info:     info,
		regions:  slices.Clone(regions),
		deps:     slices.Clone(deps),
		epcis:    slices.Clone(epcis),
		communes: slices.Clone(communes),
		byINSEE:  make(map[string]int32, len(communes)),
		bySIREN:  make(map[string]int32, len(communes)+len(epcis)),
		depIndex: make(map[string]int, len(deps)),
		regIndex: make(map[string]int, len(regions)),
	}
	slices.SortFunc(d.regions, func(a, b Region) int { return cmp.Compare(a.Code, b.Code) })
	slices.SortFunc(d.deps, func(a, b Departement) int { return cmp.Compare(a.Code, b.Code) })
	slices.SortFunc(d.epcis, func(a, b EPCI) int { return cmp.Compare(a.SIREN, b.SIREN) })
	slices.SortFunc(d.communes, func(a, b Commune) int { return cmp.Compare(a.INSEE, b.INSEE) })

	for i, r := range d.regions {
		if !isCode(r.Code, 1, 3) {
			return nil, errorf(partRegions, "code de région « %s » invalide", clip(r.Code))
		}
		if _, dup := d.regIndex[r.Code]; dup {
			return nil, errorf(partRegions, "région %s en double", r.Code)
		}
		if err := checkText(r.Name, 200); err != "" || r.Name == "" {
			return nil, errorf(partRegions, "région %s : nom %s", r.Code, orMissing(err))
		}
		if !r.Zone.valid() {
			return nil, errorf(partRegions, "région %s : zone « %s » inconnue (attendu metro, drom ou com)", r.Code, clip(string(r.Zone)))
		}
		d.regIndex[r.Code] = i
	}
	for i, dep := range d.deps {
		if !isCode(dep.Code, 2, 3) {
			return nil, errorf(partDeps, "code de département « %s » invalide", clip(dep.Code))
		}
		if _, dup := d.depIndex[dep.Code]; dup {
			return nil, errorf(partDeps, "département %s en double", dep.Code)
		}
		if err := checkText(dep.Name, 200); err != "" || dep.Name == "" {
			return nil, errorf(partDeps, "département %s : nom %s", dep.Code, orMissing(err))
		}
		if _, ok := d.regIndex[dep.Region]; !ok {
			return nil, errorf(partDeps, "département %s : région « %s » absente de regions.json", dep.Code, clip(dep.Region))
		}
		if !dep.Zone.valid() {
			return nil, errorf(partDeps, "département %s : zone « %s » inconnue (attendu metro, drom ou com)", dep.Code, clip(string(dep.Zone)))
		}
		d.depIndex[dep.Code] = i
	}
	for i := range d.epcis {
		e := &d.epcis[i]
		if !isSIREN(e.SIREN) {
			return nil, errorf(partEPCI, "SIREN d'EPCI « %s » invalide (9 chiffres attendus)", clip(e.SIREN))
		}
		if _, dup := d.bySIREN[e.SIREN]; dup {
			return nil, errorf(partEPCI, "EPCI %s en double", e.SIREN)
		}
		if err := checkText(e.Name, 300); err != "" || e.Name == "" {
			return nil, errorf(partEPCI, "EPCI %s : nom %s", e.SIREN, orMissing(err))
		}
		if _, ok := natures[e.Nature]; !ok {
			return nil, errorf(partEPCI, "EPCI %s : nature « %s » inconnue (attendu CC, CA, CU, METRO ou MET69)", e.SIREN, clip(e.Nature))
		}
		if err := checkText(e.Financing, 10); err != "" {
			return nil, errorf(partEPCI, "EPCI %s : mode de financement %s", e.SIREN, err)
		}
		if !validPopulation(e.PopulationTotale) || !validPopulation(e.PopulationMunicipale) {
			return nil, errorf(partEPCI, "EPCI %s : population invraisemblable", e.SIREN)
		}
		if e.Members <= 0 {
			return nil, errorf(partEPCI, "EPCI %s : aucune commune membre", e.SIREN)
		}
		for _, c := range e.Departements {
			if _, ok := d.depIndex[c]; !ok {
				return nil, errorf(partEPCI, "EPCI %s : département « %s » absent de departements.json", e.SIREN, clip(c))
			}
		}
		d.bySIREN[e.SIREN] = int32(-1 - i)
	}
	members := make(map[string]int, len(d.epcis))
	for i := range d.communes {
		c := &d.communes[i]
		if !isCode(c.INSEE, 5, 5) {
			return nil, errorf(partCommunes, "code INSEE « %s » invalide (5 caractères attendus)", clip(c.INSEE))
		}
		if _, dup := d.byINSEE[c.INSEE]; dup {
			return nil, errorf(partCommunes, "commune %s en double", c.INSEE)
		}
		if err := checkText(c.Name, 200); err != "" || c.Name == "" {
			return nil, errorf(partCommunes, "commune %s : nom %s", c.INSEE, orMissing(err))
		}
		if _, ok := d.depIndex[c.Departement]; !ok {
			return nil, errorf(partCommunes, "commune %s : département « %s » absent de departements.json", c.INSEE, clip(c.Departement))
		}
		if _, ok := d.regIndex[c.Region]; !ok {
			return nil, errorf(partCommunes, "commune %s : région « %s » absente de regions.json", c.INSEE, clip(c.Region))
		}
		if !c.Zone.valid() {
			return nil, errorf(partCommunes, "commune %s : zone « %s » inconnue (attendu metro, drom ou com)", c.INSEE, clip(string(c.Zone)))
		}
		if c.SIREN != "" {
			if !isSIREN(c.SIREN) {
				return nil, errorf(partCommunes, "commune %s : SIREN « %s » invalide (9 chiffres attendus)", c.INSEE, clip(c.SIREN))
			}
			if _, dup := d.bySIREN[c.SIREN]; dup {
				return nil, errorf(partCommunes, "commune %s : SIREN %s déjà attribué", c.INSEE, c.SIREN)
			}
			d.bySIREN[c.SIREN] = int32(i)
		}
		if !validPopulation(c.PopulationTotale) || !validPopulation(c.PopulationMunicipale) {
			return nil, errorf(partCommunes, "commune %s : population invraisemblable", c.INSEE)
		}
		for _, p := range c.Postcodes {
			if !isDigits(p) || len(p) != 5 {
				return nil, errorf(partCommunes, "commune %s : code postal « %s » invalide", c.INSEE, clip(p))
			}
		}
		if c.EPCI != "" {
			if _, ok := d.EPCI(c.EPCI); !ok {
				return nil, errorf(partCommunes, "commune %s : EPCI %s absent de epci.json", c.INSEE, clip(c.EPCI))
			}
			members[c.EPCI]++
		}
		d.byINSEE[c.INSEE] = int32(i)
	}
	for _, e := range d.epcis {
		if members[e.SIREN] != e.Members {
			return nil, errorf(partEPCI, "EPCI %s : %d communes membres annoncées, %d trouvées dans communes.json", e.SIREN, e.Members, members[e.SIREN])
		}
	}
	return d, nil
}

func validPopulation(n int) bool { return n >= PopulationUnknown && n < 100_000_000 }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isSIREN(s string) bool { return len(s) == 9 && isDigits(s) }

// isCode accepts the INSEE codes: digits, and A or B for Corse ("2A", "2A004").
func isCode(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9') && c != 'A' && c != 'B' {
			return false
		}
	}
	return true
}

// checkText refuses what the compact form cannot hold and a terminal should not show:
// invalid UTF-8, control characters (tabs, line breaks, escape sequences), too long.
func checkText(s string, max int) string {
	switch {
	case len(s) > max:
		return fmt.Sprintf("trop long (plus de %d caractères)", max)
	case !utf8.ValidString(s):
		return "mal encodé (UTF-8 attendu)"
	case strings.ContainsFunc(s, unicode.IsControl):
		return "contenant des caractères de contrôle"
	}
	return ""
}

func orMissing(err string) string {
	if err == "" {
		return "manquant"
	}
	return err
}

// clip shortens a value quoted in an error message and makes it printable.
func clip(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return '?'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
