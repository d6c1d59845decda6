package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aect/wizard/directory"
)

func TestAnnuaireSearch(t *testing.T) {
	r := aect(t, "", "annuaire", "saint", "cyprien")
	expect(t, r, 0, "2026 (intégré) : 4 résultats pour « saint cyprien »", "Dordogne (24), Nouvelle-Aquitaine", "Corrèze (19)",
		"Loire (42)", "Pyrénées-Orientales (66)", "INSEE 24396 · SIREN 212403968 · code postal 24220",
		"population municipale 1 566, totale 1 593 (millésime 2026)", "EPCI : CC Vallée de la Dordogne et Forêt Bessède (SIREN 200041051)")
	if n := strings.Count(r.stdout, "Saint-Cyprien — commune"); n != 4 {
		t.Errorf("%d Saint-Cyprien listed", n)
	}
	expect(t, aect(t, "", "annuaire", "24220"), 0, "INSEE 24396")
	expect(t, aect(t, "", "annuaire", "st-cyprien"), 0, "4 résultats")
	expect(t, aect(t, "", "annuaire", "200041051"), 0, "CC Vallée de la Dordogne et Forêt Bessède — communauté de communes, Dordogne (24)",
		"SIREN 200041051 · 20 communes membres")
	expect(t, aect(t, "", "annuaire", "papeete"), 0, "commune d'outre-mer (collectivité d'outre-mer), Polynésie française (987)", "SIREN non indiqué", "EPCI : aucun")
	expect(t, aect(t, "", "annuaire", "ile de brehat"), 0, "population municipale 429 (millésime 2026)", "EPCI : aucun")
	expect(t, aect(t, "", "annuaire", "saint", "--max", "3"), 0, "de plus : précisez la recherche")
	expect(t, aect(t, "", "annuaire", "syndicat mixte du vent"), 0, "Aucune commune ni aucun EPCI ne correspond", "syndicats mixtes")
	r = aect(t, "", "annuaire", "\x1b[31msaint\x1b[0m cyprien")
	expect(t, r, 0, "4 résultats pour « saint cyprien »")
	if strings.Contains(r.stdout, "\x1b") {
		t.Error("an escape sequence of the query was echoed")
	}
	expect(t, aect(t, "", "annuaire"), 2, "texte à chercher manquant")
	expect(t, aect(t, "", "annuaire", "\x07 \t"), 2, "texte à chercher manquant")
	expect(t, aect(t, "", "annuaire", "x", "--max", "-1"), 2, "--max")
	expect(t, aect(t, "", "annuaire", "x", "--millesime", "2027"), 2, "importer")
	expect(t, aect(t, "", "help", "annuaire"), 0, "importer DOSSIER", "--json", "--millesime")
	expect(t, aect(t, "", "--help"), 0, "annuaire TEXTE")
	expect(t, aect(t, "", "--version"), 0, "annuaire des collectivités : 2026 (intégré)")
}

func TestAnnuaireJSON(t *testing.T) {
	r := aect(t, "", "annuaire", "--json", "st", "cyprien", "24")
	expect(t, r, 0)
	var out directoryJSON
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if out.Directory.Millesime != 2026 || out.Directory.Origin != "embedded" || out.Total != 1 || len(out.Results) != 1 {
		t.Fatalf("%+v", out)
	}
	c := out.Results[0]
	if c.Kind != "commune" || c.INSEE != "24396" || c.SIREN != "212403968" || c.DepartementName != "Dordogne" || c.RegionName != "Nouvelle-Aquitaine" ||
		*c.PopulationMunicipale != 1566 || *c.PopulationTotale != 1593 || c.EPCI == nil || c.EPCI.SIREN != "200041051" || c.Overseas || c.AuthorityType != "commune" {
		t.Errorf("%+v", c)
	}
	r = aect(t, "", "annuaire", "--json", "200041051")
	out = directoryJSON{}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Results) != 1 {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if e := out.Results[0]; e.Kind != "epci" || e.AuthorityType != "communaute_communes" || e.Nature != "CC" || e.Members != 20 || *e.PopulationTotale != 9147 {
		t.Errorf("%+v", e)
	}
	r = aect(t, "", "annuaire", "--json", "saint denis", "974")
	out = directoryJSON{}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Results) == 0 {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if c := out.Results[0]; c.INSEE != "97411" || c.Zone != "drom" || !c.Overseas {
		t.Errorf("%+v", c)
	}
	r = aect(t, "", "annuaire", "--json", "kerguelen")
	if !strings.Contains(r.stdout, `"population_municipale": null`) {
		t.Errorf("an unknown population is not null:\n%s", r.stdout)
	}
}

// copyMini copies the small Etalab folder of the directory's tests into dir/data, with a
// package.json of the given version beside it ("" for none).
func copyMini(t *testing.T, version string) string {
	t.Helper()
	root := t.TempDir()
	data := filepath.Join(root, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range directory.EtalabFileNames() {
		b, err := os.ReadFile(filepath.Join("..", "..", "wizard", "directory", "testdata", "etalab-mini", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(data, name), string(b))
	}
	if version != "" {
		writeFile(t, filepath.Join(root, "package.json"), `{"name":"@etalab/decoupage-administratif","version":"`+version+`"}`)
	}
	return data
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAnnuaireImportRefused(t *testing.T) {
	home := t.TempDir()
	imported := filepath.Join(home, "data", "aect", importedDirectoryName)
	small := copyMini(t, "7.0.0")
	expect(t, aectIn(t, home, "", "annuaire", "importer", small), 1,
		"refusé ; l'annuaire en place, 2026 (intégré), est conservé", "communes.json : 5 communes, quand on en attend environ 35 000")

	missing := copyMini(t, "7.0.0")
	os.Remove(filepath.Join(missing, "regions.json"))
	os.Remove(filepath.Join(missing, "epci.json"))
	expect(t, aectIn(t, home, "", "annuaire", "importer", missing), 1, "incomplet : epci.json, regions.json manquent")

	broken := copyMini(t, "7.0.0")
	writeFile(t, filepath.Join(broken, "epci.json"), `[{"code":"200041051",`)
	expect(t, aectIn(t, home, "", "annuaire", "importer", broken), 1, "epci.json : fichier tronqué")

	field := copyMini(t, "7.0.0")
	writeFile(t, filepath.Join(field, "departements.json"), `[{"code":"24","nom":"Dordogne","zone":"metro"}]`)
	expect(t, aectIn(t, home, "", "annuaire", "importer", field), 1, "departements.json : département n° 1 : champ « region » manquant")

	expect(t, aectIn(t, home, "", "annuaire", "importer", copyMini(t, "")), 1, "millésime inconnu", "--millesime")
	expect(t, aectIn(t, home, "", "annuaire", "importer", copyMini(t, "5.3.0")), 1, "millésime 2025, plus ancien que l'annuaire intégré (2026)")
	expect(t, aectIn(t, home, "", "annuaire", "importer", copyMini(t, ""), "--millesime", "2099"), 1, "millésime 2099 invraisemblable")
	expect(t, aectIn(t, home, "", "annuaire", "importer", filepath.Join(home, "nulle-part")), 1, "introuvable")
	expect(t, aectIn(t, home, "", "annuaire", "importer", filepath.Join(small, "communes.json")), 1, "n'est pas un dossier")
	expect(t, aectIn(t, home, "", "annuaire", "importer"), 2, "dossier à importer manquant")
	if _, err := os.Stat(imported); !os.IsNotExist(err) {
		t.Errorf("a refused folder left %s", imported)
	}
	expect(t, aectIn(t, home, "", "--version"), 0, "2026 (intégré)")
}

// writeEtalab writes the directory as an Etalab data folder, one commune renamed, with
// a package.json of the given version.
func writeEtalab(t *testing.T, d *directory.Directory, version string) string {
	t.Helper()
	root := t.TempDir()
	data := filepath.Join(root, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "package.json"), `{"name":"@etalab/decoupage-administratif","version":"`+version+`"}`)
	dump := func(name string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(data, name), string(b))
	}
	var regions, deps, communes, epcis []map[string]any
	for _, r := range d.Regions() {
		regions = append(regions, map[string]any{"code": r.Code, "nom": r.Name, "zone": r.Zone})
	}
	for _, dep := range d.Departements() {
		deps = append(deps, map[string]any{"code": dep.Code, "nom": dep.Name, "region": dep.Region, "zone": dep.Zone})
	}
	members := map[string][]map[string]any{}
	for _, c := range d.Communes() {
		name := c.Name
		if c.INSEE == "24396" {
			name = "Saint-Cyprien-en-Périgord"
		}
		m := map[string]any{"code": c.INSEE, "nom": name, "type": "commune-actuelle", "zone": c.Zone, "departement": c.Departement,
			"region": c.Region, "codesPostaux": c.Postcodes}
		if c.SIREN != "" {
			m["siren"] = c.SIREN
		}
		if c.PopulationMunicipale != directory.PopulationUnknown {
			m["population"] = c.PopulationMunicipale
		}
		communes = append(communes, m)
		if c.EPCI != "" {
			members[c.EPCI] = append(members[c.EPCI], map[string]any{"code": c.INSEE, "siren": c.SIREN,
				"populationTotale": c.PopulationTotale, "populationMunicipale": c.PopulationMunicipale})
		}
	}
	for _, e := range d.EPCIs() {
		epcis = append(epcis, map[string]any{"code": e.SIREN, "nom": e.Name, "type": e.Nature, "modeFinancement": e.Financing,
			"populationTotale": e.PopulationTotale, "populationMunicipale": e.PopulationMunicipale, "membres": members[e.SIREN]})
	}
	dump("regions.json", regions)
	dump("departements.json", deps)
	dump("communes.json", communes)
	dump("epci.json", epcis)
	return data
}

func TestAnnuaireImport(t *testing.T) {
	d, err := directory.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	dataDir := filepath.Join(home, "data", "aect")
	folder := writeEtalab(t, d, "7.0.0")
	// The package's folder is accepted too: its data folder is used.
	expect(t, aectIn(t, home, "", "annuaire", "importer", filepath.Dir(folder)), 0,
		"Annuaire des collectivités 2027 importé : 34 969 communes, 1 255 EPCI, 109 départements",
		"@etalab/decoupage-administratif 7.0.0", "il remplace l'annuaire 2026 (intégré)")
	entries, _ := os.ReadDir(dataDir)
	if len(entries) != 1 || entries[0].Name() != importedDirectoryName {
		t.Errorf("data folder holds %v", entries)
	}
	expect(t, aectIn(t, home, "", "--version"), 0, "annuaire des collectivités : 2027 (importé)")
	expect(t, aectIn(t, home, "", "annuaire", "saint cyprien en perigord"), 0, "2027 (importé) : 1 résultat", "INSEE 24396", "(millésime 2027)")

	// A refused folder keeps the imported directory.
	broken := copyMini(t, "8.0.0")
	os.Remove(filepath.Join(broken, "communes.json"))
	expect(t, aectIn(t, home, "", "annuaire", "importer", broken), 1, "communes.json manque")
	expect(t, aectIn(t, home, "", "--version"), 0, "2027 (importé)")

	// A damaged file is not used: the compiled-in directory takes over, and says so.
	path := filepath.Join(dataDir, importedDirectoryName)
	b, _ := os.ReadFile(path)
	writeFile(t, path, string(b[:len(b)/2]))
	expect(t, aectIn(t, home, "", "--version"), 0, "2026 (intégré) ; le fichier importé est abîmé", "n'est pas utilisé")
	r := aectIn(t, home, "", "annuaire", "saint cyprien")
	expect(t, r, 0, "2026 (intégré) : 4 résultats")
	if !strings.Contains(r.err, "Attention : le fichier importé est abîmé") {
		t.Errorf("no warning on stderr: %q", r.err)
	}
}
