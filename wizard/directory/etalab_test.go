package directory

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// miniFiles reads the small Etalab folder of testdata, with one file replaced.
func miniFiles(t *testing.T, replace map[string]string) EtalabFiles {
	t.Helper()
	var f EtalabFiles
	for _, name := range EtalabFileNames() {
		if s, ok := replace[name]; ok {
			if s != "<absent>" {
				f.Set(name, strings.NewReader(s))
			}
			continue
		}
		data, err := os.ReadFile(filepath.Join("testdata", "etalab-mini", name))
		if err != nil {
			t.Fatal(err)
		}
		f.Set(name, strings.NewReader(string(data)))
	}
	return f
}

func TestParseEtalab(t *testing.T) {
	d, err := ParseEtalab(miniFiles(t, nil), Info{2027, "essai"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Communes()) != 5 || len(d.EPCIs()) != 2 || d.Millesime() != 2027 {
		t.Fatalf("%d communes, %d EPCI", len(d.Communes()), len(d.EPCIs()))
	}
	// An EPCI member takes the DGCL's populations; the others keep the INSEE's municipale.
	c, _ := d.Commune("24396")
	want := Commune{INSEE: "24396", Name: "Saint-Cyprien", Departement: "24", Region: "75", Zone: ZoneMetro, SIREN: "212403968",
		PopulationTotale: 1600, PopulationMunicipale: 1566, Postcodes: []string{"24220"}, EPCI: "200041051"}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("24396 = %+v", *c)
	}
	if c, _ := d.Commune("22016"); c.EPCI != "" || c.PopulationTotale != PopulationUnknown || c.PopulationMunicipale != 429 {
		t.Errorf("22016 = %+v", *c)
	}
	if c, _ := d.Commune("98735"); c.SIREN != "" || c.Zone != ZoneCOM || !c.Overseas() {
		t.Errorf("98735 = %+v", *c)
	}
	if _, ok := d.Commune("24999"); ok {
		t.Error("a commune déléguée was kept")
	}
	e, _ := d.EPCI("200041051")
	if e.Members != 2 || !reflect.DeepEqual(e.Departements, []string{"24"}) || e.Financing != "FA" {
		t.Errorf("EPCI = %+v", *e)
	}
	if err := d.Plausible(); err == nil || !strings.Contains(err.Error(), "communes.json : 5 communes") {
		t.Errorf("Plausible() = %v", err)
	}
	if res, _ := d.Search("st cyprien", 5); len(res) != 1 || res[0].Commune.INSEE != "24396" {
		t.Errorf("search: %v", names(res))
	}
}

func TestParseEtalabRefuses(t *testing.T) {
	mini := func(name string) string {
		data, err := os.ReadFile(filepath.Join("testdata", "etalab-mini", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	communeWith := func(fields string) string {
		return `[{"code":"24396","type":"commune-actuelle","zone":"metro","departement":"24","region":"75","siren":"212403968"` + fields + `}]`
	}
	for _, tc := range []struct {
		file, content, want string
	}{
		{"regions.json", "<absent>", "regions.json : fichier manquant"},
		{"communes.json", "", "communes.json : fichier vide"},
		{"communes.json", `[{"code":"24396",`, "communes.json : fichier tronqué"},
		{"epci.json", `[{"code":"200041051"}]]`, "epci.json : contenu inattendu après la liste JSON"},
		{"departements.json", `{"code":"24"}`, "departements.json : une liste JSON est attendue"},
		{"communes.json", `[{"code":24396}]`, "communes.json : champ « code » : un texte attendu"},
		{"communes.json", `[x]`, "communes.json : JSON invalide vers l'octet 2"},
		{"communes.json", communeWith(`,"population":"beaucoup"`), "champ « population » : un nombre entier attendu"},
		{"communes.json", communeWith(``), "communes.json : commune 24396 : champ « nom » manquant"},
		{"communes.json", `[{"nom":"Saint-Cyprien"}]`, "communes.json : entrée n° 1 : champs « code », « type » manquants"},
		{"communes.json", strings.Replace(mini("communes.json"), "Meyrals", `Mey\u001b[2Jrals`, 1), "communes.json : commune 24298 : nom contenant des caractères de contrôle"},
		{"epci.json", `[{"code":"200041051","nom":"CC","type":"CC","populationTotale":1,"populationMunicipale":1,"membres":[{"code":"99999"}]}]`,
			"epci.json : EPCI 200041051 : la commune membre 99999 est absente de communes.json"},
		{"epci.json", `[{"code":"200041051","nom":"CC","type":"CC","populationTotale":1,"populationMunicipale":1}]`,
			"epci.json : EPCI n° 1 : champ « membres » manquant"},
		{"epci.json", `[{"code":"200041051","nom":"CC","type":"SIVU","populationTotale":1,"populationMunicipale":1,"membres":[{"code":"24396"},{"code":"24298"}]}]`,
			"epci.json : EPCI 200041051 : nature « SIVU » inconnue"},
		{"departements.json", strings.Replace(mini("departements.json"), `"code":"22"`, `"code":"23"`, 1),
			"communes.json : commune 22016 : département « 22 » absent de departements.json"},
		{"regions.json", `[]`, "departements.json : département 22 : région « 53 » absente de regions.json"},
	} {
		_, err := ParseEtalab(miniFiles(t, map[string]string{tc.file: tc.content}), Info{2027, "essai"})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %.40q: %v\nwant %q", tc.file, tc.content, err, tc.want)
		}
	}
}

func TestEtalabMillesime(t *testing.T) {
	for in, want := range map[string]string{
		`{"name":"@etalab/decoupage-administratif","version":"6.0.0"}`: "2026 6.0.0",
		`{"name":"@etalab/decoupage-administratif","version":"7.1.0"}`: "2027 7.1.0",
		`{"name":"@etalab/decoupage-administratif","version":"1.1.1"}`: "2021 1.1.1",
		`{"name":"autre","version":"6.0.0"}`:                           "package.json : ce n'est pas le paquet",
		`{"name":"@etalab/decoupage-administratif","version":"x"}`:     "package.json : version « x » illisible",
		`{`: "package.json : JSON invalide",
	} {
		m, v, err := EtalabMillesime([]byte(in))
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = strings.Join([]string{itoa(m), v}, " ")
		}
		if !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
