package directory

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// EtalabFiles are the four files of the data folder of @etalab/decoupage-administratif
// that the directory reads.
type EtalabFiles struct {
	Communes     io.Reader // communes.json
	EPCI         io.Reader // epci.json
	Departements io.Reader // departements.json
	Regions      io.Reader // regions.json
}

// Set gives the reader of the file of that name ("communes.json"…); it reports false for
// another name.
func (f *EtalabFiles) Set(name string, r io.Reader) bool {
	switch name {
	case partCommunes:
		f.Communes = r
	case partEPCI:
		f.EPCI = r
	case partDeps:
		f.Departements = r
	case partRegions:
		f.Regions = r
	default:
		return false
	}
	return true
}

// EtalabFileNames returns the names of the files of EtalabFiles, in the order they are
// read.
func EtalabFileNames() []string { return []string{partCommunes, partEPCI, partDeps, partRegions} }

// The JSON shapes, from the package's build scripts (build/cog.js, build/epci.js).
// Pointers tell a missing field from a zero one.
type (
	etalabRegion struct {
		Code *string `json:"code"`
		Nom  *string `json:"nom"`
		Zone *string `json:"zone"`
	}
	etalabDepartement struct {
		Code   *string `json:"code"`
		Nom    *string `json:"nom"`
		Region *string `json:"region"`
		Zone   *string `json:"zone"`
	}
	etalabCommune struct {
		Code         *string  `json:"code"`
		Nom          *string  `json:"nom"`
		Type         *string  `json:"type"`
		Zone         *string  `json:"zone"`
		Departement  *string  `json:"departement"`
		Region       *string  `json:"region"`
		Siren        *string  `json:"siren"`
		CodesPostaux []string `json:"codesPostaux"`
		Population   *int     `json:"population"`
	}
	etalabMembre struct {
		Code                 *string `json:"code"`
		Siren                *string `json:"siren"`
		PopulationTotale     *int    `json:"populationTotale"`
		PopulationMunicipale *int    `json:"populationMunicipale"`
	}
	etalabEPCI struct {
		Code                 *string        `json:"code"`
		Nom                  *string        `json:"nom"`
		Type                 *string        `json:"type"`
		ModeFinancement      *string        `json:"modeFinancement"`
		PopulationTotale     *int           `json:"populationTotale"`
		PopulationMunicipale *int           `json:"populationMunicipale"`
		Membres              []etalabMembre `json:"membres"`
	}
)

// ParseEtalab reads the four files of an Etalab data folder as the directory of
// info.Millesime. The communes are the « communes actuelles » (not the communes
// déléguées or associées, nor the arrondissements of Paris, Lyon and Marseille). The
// populations of an EPCI's members are the DGCL's, both figures; the population
// municipale of the other communes is the INSEE's. An error is an *Error naming the file
// at fault and what is wrong.
func ParseEtalab(files EtalabFiles, info Info) (*Directory, error) {
	var (
		rawRegions  []etalabRegion
		rawDeps     []etalabDepartement
		rawCommunes []etalabCommune
		rawEPCI     []etalabEPCI
	)
	for _, f := range []struct {
		name string
		r    io.Reader
		v    any
	}{
		{partCommunes, files.Communes, &rawCommunes},
		{partEPCI, files.EPCI, &rawEPCI},
		{partDeps, files.Departements, &rawDeps},
		{partRegions, files.Regions, &rawRegions},
	} {
		if f.r == nil {
			return nil, errorf(f.name, "fichier manquant")
		}
		if err := decodeJSON(f.r, f.v); err != nil {
			return nil, errorf(f.name, "%s", err)
		}
	}

	regions := make([]Region, 0, len(rawRegions))
	for i, r := range rawRegions {
		if r.Code == nil || r.Nom == nil || r.Zone == nil {
			return nil, errorf(partRegions, "région n° %d : %s", i+1, missing(map[string]bool{"code": r.Code == nil, "nom": r.Nom == nil, "zone": r.Zone == nil}))
		}
		regions = append(regions, Region{Code: *r.Code, Name: *r.Nom, Zone: Zone(*r.Zone)})
	}
	deps := make([]Departement, 0, len(rawDeps))
	for i, r := range rawDeps {
		if r.Code == nil || r.Nom == nil || r.Region == nil || r.Zone == nil {
			return nil, errorf(partDeps, "département n° %d : %s", i+1, missing(map[string]bool{"code": r.Code == nil, "nom": r.Nom == nil, "region": r.Region == nil, "zone": r.Zone == nil}))
		}
		deps = append(deps, Departement{Code: *r.Code, Name: *r.Nom, Region: *r.Region, Zone: Zone(*r.Zone)})
	}
	communes := make([]Commune, 0, len(rawCommunes))
	index := make(map[string]int, len(rawCommunes))
	for i, r := range rawCommunes {
		if r.Type == nil || r.Code == nil {
			return nil, errorf(partCommunes, "entrée n° %d : %s", i+1, missing(map[string]bool{"code": r.Code == nil, "type": r.Type == nil}))
		}
		if *r.Type != "commune-actuelle" {
			continue
		}
		if r.Nom == nil || r.Departement == nil || r.Region == nil || r.Zone == nil {
			return nil, errorf(partCommunes, "commune %s : %s", clip(*r.Code), missing(map[string]bool{"nom": r.Nom == nil, "departement": r.Departement == nil, "region": r.Region == nil, "zone": r.Zone == nil}))
		}
		c := Commune{INSEE: *r.Code, Name: *r.Nom, Departement: *r.Departement, Region: *r.Region, Zone: Zone(*r.Zone),
			PopulationTotale: PopulationUnknown, PopulationMunicipale: PopulationUnknown}
		if r.Siren != nil {
			c.SIREN = *r.Siren
		}
		if len(r.CodesPostaux) > 0 {
			c.Postcodes = slices.Clone(r.CodesPostaux)
		}
		if r.Population != nil {
			c.PopulationMunicipale = *r.Population
		}
		index[c.INSEE] = len(communes)
		communes = append(communes, c)
	}
	epcis := make([]EPCI, 0, len(rawEPCI))
	for i, r := range rawEPCI {
		if r.Code == nil || r.Nom == nil || r.Type == nil || r.PopulationTotale == nil || r.PopulationMunicipale == nil || len(r.Membres) == 0 {
			return nil, errorf(partEPCI, "EPCI n° %d : %s", i+1, missing(map[string]bool{"code": r.Code == nil, "nom": r.Nom == nil, "type": r.Type == nil,
				"populationTotale": r.PopulationTotale == nil, "populationMunicipale": r.PopulationMunicipale == nil, "membres": len(r.Membres) == 0}))
		}
		e := EPCI{SIREN: *r.Code, Name: *r.Nom, Nature: *r.Type, PopulationTotale: *r.PopulationTotale,
			PopulationMunicipale: *r.PopulationMunicipale, Members: len(r.Membres)}
		if r.ModeFinancement != nil {
			e.Financing = *r.ModeFinancement
		}
		for _, m := range r.Membres {
			if m.Code == nil {
				return nil, errorf(partEPCI, "EPCI %s : un membre sans code", clip(e.SIREN))
			}
			k, ok := index[*m.Code]
			if !ok {
				return nil, errorf(partEPCI, "EPCI %s : la commune membre %s est absente de communes.json", clip(e.SIREN), clip(*m.Code))
			}
			c := &communes[k]
			if c.EPCI != "" {
				return nil, errorf(partEPCI, "la commune %s est membre de deux EPCI (%s et %s)", c.INSEE, c.EPCI, clip(e.SIREN))
			}
			c.EPCI = e.SIREN
			if c.SIREN == "" && m.Siren != nil {
				c.SIREN = *m.Siren
			}
			if m.PopulationTotale != nil {
				c.PopulationTotale = *m.PopulationTotale
			}
			if m.PopulationMunicipale != nil {
				c.PopulationMunicipale = *m.PopulationMunicipale
			}
			if !slices.Contains(e.Departements, c.Departement) {
				e.Departements = append(e.Departements, c.Departement)
			}
		}
		slices.Sort(e.Departements)
		epcis = append(epcis, e)
	}
	return New(info, regions, deps, epcis, communes)
}

// decodeJSON reads one JSON array into v, and nothing after it.
func decodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	if err := dec.Decode(v); err != nil {
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.Is(err, io.EOF):
			return errors.New("fichier vide")
		case errors.Is(err, io.ErrUnexpectedEOF):
			return errors.New("fichier tronqué (JSON incomplet)")
		case errors.As(err, &syntax):
			return fmt.Errorf("JSON invalide vers l'octet %d", syntax.Offset)
		case errors.As(err, &typ):
			if typ.Field == "" {
				return errors.New("une liste JSON est attendue")
			}
			return fmt.Errorf("champ « %s » : %s attendu", typ.Field, jsonKind(typ.Type.Kind().String()))
		}
		return fmt.Errorf("illisible (%v)", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("contenu inattendu après la liste JSON")
	}
	return nil
}

func jsonKind(k string) string {
	switch {
	case k == "string":
		return "un texte"
	case strings.HasPrefix(k, "int"):
		return "un nombre entier"
	case k == "slice":
		return "une liste"
	}
	return "une autre valeur"
}

// missing names the missing fields: "champ « nom » manquant".
func missing(fields map[string]bool) string {
	var names []string
	for name, absent := range fields {
		if absent {
			names = append(names, "« "+name+" »")
		}
	}
	slices.Sort(names)
	if len(names) == 1 {
		return "champ " + names[0] + " manquant"
	}
	return "champs " + strings.Join(names, ", ") + " manquants"
}

// EtalabSource is the source line of a directory read from the Etalab package of that
// millésime and version (version may be unknown: "").
func EtalabSource(millesime int, version string) string {
	pkg := "@etalab/decoupage-administratif"
	if version != "" {
		pkg += " " + version
	}
	return fmt.Sprintf("INSEE, Code officiel géographique %d ; DGCL, liste des EPCI à fiscalité propre %d ; mis en forme par Etalab (%s)", millesime, millesime, pkg)
}

// EtalabMillesime reads the millésime of an Etalab package from its package.json: the
// package's major version is the year less 2020 (6.0.0 is 2026, 1.1.1 was 2021), as its
// README's table of millésimes shows. It also returns the version, for the source.
func EtalabMillesime(packageJSON []byte) (millesime int, version string, err error) {
	var pkg struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(packageJSON, &pkg); err != nil {
		return 0, "", errorf("package.json", "JSON invalide")
	}
	if pkg.Name != "@etalab/decoupage-administratif" {
		return 0, "", errorf("package.json", "ce n'est pas le paquet @etalab/decoupage-administratif (« %s »)", clip(pkg.Name))
	}
	major, _, _ := strings.Cut(pkg.Version, ".")
	n, err := strconv.Atoi(major)
	if err != nil || n < 1 || n > 100 {
		return 0, "", errorf("package.json", "version « %s » illisible", clip(pkg.Version))
	}
	return 2020 + n, pkg.Version, nil
}

// Plausible checks that the directory is a whole one: counts of communes, EPCI,
// départements and régions, share of communes in an EPCI, total population. A small or
// partial folder passes New but not Plausible.
func (d *Directory) Plausible() error {
	inEPCI, pop := 0, 0
	for i := range d.communes {
		c := &d.communes[i]
		if c.EPCI != "" {
			inEPCI++
		}
		if c.PopulationMunicipale > 0 {
			pop += c.PopulationMunicipale
		}
	}
	switch n := len(d.communes); {
	case n < 30_000 || n > 40_000:
		return errorf(partCommunes, "%d communes, quand on en attend environ 35 000 : le fichier est-il complet ?", n)
	case len(d.epcis) < 900 || len(d.epcis) > 1_600:
		return errorf(partEPCI, "%d EPCI, quand on en attend environ 1 250 : le fichier est-il complet ?", len(d.epcis))
	case len(d.deps) < 100:
		return errorf(partDeps, "%d départements seulement : le fichier est-il complet ?", len(d.deps))
	case len(d.regions) < 18:
		return errorf(partRegions, "%d régions seulement : le fichier est-il complet ?", len(d.regions))
	case inEPCI < n*98/100:
		return errorf(partEPCI, "%d communes sur %d seulement sont membres d'un EPCI : le fichier est-il complet ?", inEPCI, n)
	case pop < 55_000_000 || pop > 80_000_000:
		return errorf(partCommunes, "population municipale totale de %d habitants, invraisemblable", pop)
	}
	return nil
}
