// Command gen builds the compact directory that aect embeds, from the reference CSVs or
// from an Etalab @etalab/decoupage-administratif data folder:
//
//	go run ./wizard/directory/internal/gen -o wizard/directory/annuaire.gz /path/to/reference
//	go run ./wizard/directory/internal/gen -o wizard/directory/annuaire.gz node_modules/@etalab/decoupage-administratif/data
//
// The millésime is read from the CSV names (communes-2026.csv) or from the package.json
// beside the Etalab data folder; -millesime overrides it.
package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"aect/wizard/directory"
)

func main() {
	out := flag.String("o", "wizard/directory/annuaire.gz", "output file")
	millesime := flag.Int("millesime", 0, "year of the data (default: from the file names or package.json)")
	source := flag.String("source", "", "source to record (default: INSEE, DGCL, Etalab)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gen [-o FILE] [-millesime YEAR] [-source TEXT] FOLDER")
		os.Exit(2)
	}
	d, err := build(flag.Arg(0), *millesime, *source)
	if err == nil {
		err = d.Plausible()
	}
	if err == nil {
		err = write(d, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d communes, %d EPCI, %d départements, %d régions, millésime %d\n",
		*out, len(d.Communes()), len(d.EPCIs()), len(d.Departements()), len(d.Regions()), d.Millesime())
}

func write(d *directory.Directory, path string) error {
	var b bytes.Buffer
	if err := d.Encode(&b); err != nil {
		return err
	}
	if _, err := directory.Decode(bytes.NewReader(b.Bytes())); err != nil {
		return fmt.Errorf("the encoded directory does not decode: %w", err)
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

var csvName = regexp.MustCompile(`^communes-(\d{4})\.csv$`)

func build(dir string, millesime int, source string) (*directory.Directory, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if m := csvName.FindStringSubmatch(e.Name()); m != nil {
			if millesime == 0 {
				millesime, _ = strconv.Atoi(m[1])
			}
			if source == "" {
				source = directory.EtalabSource(millesime, "")
			}
			return fromCSV(dir, m[1], directory.Info{Millesime: millesime, Source: source})
		}
	}
	version := ""
	if data, err := os.ReadFile(filepath.Join(dir, "..", "package.json")); err == nil {
		m, v, err := directory.EtalabMillesime(data)
		if err != nil {
			return nil, err
		}
		version = v
		if millesime == 0 {
			millesime = m
		}
	}
	if millesime == 0 {
		return nil, errors.New("no communes-YEAR.csv nor ../package.json: give -millesime")
	}
	if source == "" {
		source = directory.EtalabSource(millesime, version)
	}
	var files directory.EtalabFiles
	for _, name := range directory.EtalabFileNames() {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		files.Set(name, f)
	}
	return directory.ParseEtalab(files, directory.Info{Millesime: millesime, Source: source})
}

// readCSV reads a CSV file with a header into maps keyed by column name.
func readCSV(path string, columns ...string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, c := range columns {
		found := false
		for _, h := range header {
			found = found || h == c
		}
		if !found {
			return nil, fmt.Errorf("%s: no column %q", path, c)
		}
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
}

func population(s string) (int, error) {
	if s == "" {
		return directory.PopulationUnknown, nil
	}
	return strconv.Atoi(s)
}

func fromCSV(dir, year string, info directory.Info) (*directory.Directory, error) {
	depRows, err := readCSV(filepath.Join(dir, "departements-regions-"+year+".csv"), "departement", "nom", "region", "nom_region", "zone")
	if err != nil {
		return nil, err
	}
	var regions []directory.Region
	var deps []directory.Departement
	seen := map[string]bool{}
	for _, r := range depRows {
		deps = append(deps, directory.Departement{Code: r["departement"], Name: r["nom"], Region: r["region"], Zone: directory.Zone(r["zone"])})
		if !seen[r["region"]] {
			seen[r["region"]] = true
			regions = append(regions, directory.Region{Code: r["region"], Name: r["nom_region"], Zone: directory.Zone(r["zone"])})
		}
	}
	epciRows, err := readCSV(filepath.Join(dir, "epci-"+year+".csv"), "siren", "nom", "type", "mode_financement",
		"population_totale", "population_municipale", "nombre_communes", "departements")
	if err != nil {
		return nil, err
	}
	var epcis []directory.EPCI
	for _, r := range epciRows {
		e := directory.EPCI{SIREN: r["siren"], Name: r["nom"], Nature: r["type"], Financing: r["mode_financement"],
			Departements: strings.Fields(r["departements"])}
		if e.PopulationTotale, err = population(r["population_totale"]); err == nil {
			if e.PopulationMunicipale, err = population(r["population_municipale"]); err == nil {
				e.Members, err = strconv.Atoi(r["nombre_communes"])
			}
		}
		if err != nil {
			return nil, fmt.Errorf("EPCI %s: %w", e.SIREN, err)
		}
		epcis = append(epcis, e)
	}
	communeRows, err := readCSV(filepath.Join(dir, "communes-"+year+".csv"), "insee", "nom", "departement", "region", "zone",
		"siren", "population_totale", "population_municipale", "codes_postaux", "epci_siren")
	if err != nil {
		return nil, err
	}
	var communes []directory.Commune
	for _, r := range communeRows {
		c := directory.Commune{INSEE: r["insee"], Name: r["nom"], Departement: r["departement"], Region: r["region"],
			Zone: directory.Zone(r["zone"]), SIREN: r["siren"], Postcodes: strings.Fields(r["codes_postaux"]), EPCI: r["epci_siren"]}
		if c.PopulationTotale, err = population(r["population_totale"]); err == nil {
			c.PopulationMunicipale, err = population(r["population_municipale"])
		}
		if err != nil {
			return nil, fmt.Errorf("commune %s: %w", c.INSEE, err)
		}
		communes = append(communes, c)
	}
	return directory.New(info, regions, deps, epcis, communes)
}
