package document

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"aect/wizard"
	"aect/wizard/document/render"
)

// actesDay is the day the dossiers of the tests are made: after every séance of the
// samples.
var actesDay = wizard.Date{Year: 2030, Month: 1, Day: 15}

// readyForActes is p with what the dossier needs and the samples lack: a SIREN, an act
// number and a séance date.
func readyForActes(p *wizard.Plan) *wizard.Plan {
	c := p.Clone()
	c.Authority.SIREN = "241800507"
	c.Session.ActNumber = "2027_045"
	if c.Session.Date.IsZero() {
		c.Session.Date = wizard.Date{Year: 2027, Month: 1, Day: 20}
	}
	return c
}

// acteSchema compiles acte.schema.json.
func acteSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("acte.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("acte.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("acte.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// windowsName matches a file name Windows accepts.
var windowsName = regexp.MustCompile(`^[^<>:"/\\|?*\x00-\x1f]+[^ .]$`)

// The dossier of every sample and test plan: S²LOW's file names, valid on Windows; an
// acte.json the schema accepts; PDFs; the SCDL line with its 17 columns. A plan that is not
// conforming gets no dossier, and says why.
func TestActesDossierOfEveryPlan(t *testing.T) {
	schema := acteSchema(t)
	pdfinfo, _ := exec.LookPath("pdfinfo")
	if pdfinfo == "" && os.Getenv("AECT_REQUIRE_SOFFICE") != "" {
		t.Fatal("pdfinfo (poppler-utils) is required to check the PDFs of the dossier")
	}
	for name, p := range allPlans(t) {
		t.Run(name, func(t *testing.T) {
			p := readyForActes(p)
			opt := Options{Today: actesDay}
			a, files, err := BuildActes(p, opt)
			if blocking := newFacts(p, opt).blocking; len(blocking) > 0 {
				var ae *ActesError
				if !errors.As(err, &ae) || !strings.Contains(err.Error(), "le projet n'est pas conforme ("+wizard.CountOf(len(blocking), "point bloquant", "points bloquants")) {
					t.Fatalf("a plan with blocking findings got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := 1 + len(actesAnnexes(p)) + 4
			if len(files) != want {
				t.Fatalf("%d files, want %d", len(files), want)
			}
			for i, f := range files {
				if !windowsName.MatchString(f.Name) || len(f.Name) > 100 {
					t.Errorf("file name %q is not valid on Windows", f.Name)
				}
				if i < len(a.Documents) {
					if f.Name != a.Documents[i].Fichier || !bytes.HasPrefix(f.Data, []byte("%PDF-")) {
						t.Errorf("piece %d: %q, not a PDF named as in acte.json", i, f.Name)
					}
					if pdfinfo != "" {
						path := filepath.Join(t.TempDir(), f.Name)
						os.WriteFile(path, f.Data, 0o644)
						if out, err := exec.Command(pdfinfo, path).CombinedOutput(); err != nil {
							t.Errorf("pdfinfo %s: %v\n%s", f.Name, err, out)
						}
					}
				}
			}
			if a.Documents[0].Typologie != "99_DE" || a.Documents[0].Role != "acte" ||
				!strings.HasPrefix(files[0].Name, "99_DE-") || !strings.HasSuffix(files[0].Name, "-2027_045-DE-1-1_1.pdf") {
				t.Errorf("the act is %+v", a.Documents[0])
			}
			for _, d := range a.Documents[1:] {
				if d.Typologie != "99_AU" || d.Role != "annexe" {
					t.Errorf("annex %+v", d)
				}
			}
			byName := map[string][]byte{}
			for _, f := range files {
				byName[f.Name] = f.Data
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(byName[ActeJSONName]))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("acte.json against the schema: %v\n%s", err, byName[ActeJSONName])
			}
			rows, err := csv.NewReader(bytes.NewReader(byName[SCDLName])).ReadAll()
			if err != nil || len(rows) != 2 || len(rows[0]) != 17 || len(rows[1]) != 17 {
				t.Fatalf("SCDL line: %v, %q", err, rows)
			}
			for col, re := range map[int]string{3: `^\d{4}-\d{2}-\d{2}$`, 4: `^\d\.\d{1,2}$`, 5: `^[^A-Z,()]+/[^A-Z,()]+$`,
				7: `^([0-9]{4}(/[0-9]{4})?)?$`, 11: `^\d*$`, 12: `^\d*$`, 13: `^\d*$`, 14: `^\d*$`, 15: `^\d*$`} {
				if !regexp.MustCompile(re).MatchString(rows[1][col]) {
					t.Errorf("SCDL %s = %q, want %s", rows[0][col], rows[1][col], re)
				}
			}
			if (rows[1][7] == "") != (rows[1][8] == "") {
				t.Errorf("SCDL BUDGET_ANNEE %q and BUDGET_NOM %q: both or neither", rows[1][7], rows[1][8])
			}
			for _, n := range []string{ActeTextName, ReadMeName} {
				txt := string(byName[n])
				if !strings.HasPrefix(txt, "\ufeff") || strings.Contains(strings.ReplaceAll(txt, "\r\n", ""), "\n") {
					t.Errorf("%s is not UTF-8 with BOM and CR LF", n)
				}
			}
			if readMe := strings.Join(strings.Fields(string(byName[ReadMeName])), " "); !strings.Contains(readMe, "L'ACTE À TRANSMETTRE EST L'ACTE SIGNÉ, APRÈS LE VOTE") {
				t.Error("LISEZMOI.txt does not say that the signed act is transmitted")
			}
		})
	}
}

// actesProblems is the list of problems BuildActes reports for p.
func actesProblems(t *testing.T, p *wizard.Plan, today wizard.Date) []string {
	t.Helper()
	_, _, err := BuildActes(p, Options{Today: today})
	if err == nil {
		return nil
	}
	var ae *ActesError
	if !errors.As(err, &ae) {
		t.Fatalf("not an ActesError: %v", err)
	}
	return ae.Problems
}

// Each check at its boundaries.
func TestActesChecks(t *testing.T) {
	base := readyForActes(samplePlans(t)["01-jumelage-allemagne"])
	if probs := actesProblems(t, base, actesDay); probs != nil {
		t.Fatalf("sample 01 made ready: %q", probs)
	}
	with := func(change func(p *wizard.Plan)) *wizard.Plan {
		p := base.Clone()
		change(p)
		return p
	}
	expect := func(name string, p *wizard.Plan, today wizard.Date, want string) {
		t.Helper()
		probs := actesProblems(t, p, today)
		if want == "" {
			if probs != nil {
				t.Errorf("%s: %q", name, probs)
			}
			return
		}
		if len(probs) != 1 || !strings.Contains(probs[0], want) {
			t.Errorf("%s: %q, want one problem saying %q", name, probs, want)
		}
	}
	expect("numéro of 15", with(func(p *wizard.Plan) { p.Session.ActNumber = "ABCDEFGHIJ12345" }), actesDay, "")
	expect("numéro of 16", with(func(p *wizard.Plan) { p.Session.ActNumber = "ABCDEFGHIJ123456" }), actesDay, "trop long : 16 caractères")
	expect("lower case", with(func(p *wizard.Plan) { p.Session.ActNumber = "2027_a" }), actesDay, "par exemple « 2027_A »")
	expect("no numéro", with(func(p *wizard.Plan) { p.Session.ActNumber = "" }), actesDay, "le numéro de la délibération manque")
	expect("bad SIREN key", with(func(p *wizard.Plan) { p.Authority.SIREN = "241800508" }), actesDay, "clé de contrôle")
	expect("no SIREN", with(func(p *wizard.Plan) { p.Authority.SIREN = "" }), actesDay, "SIREN de la collectivité manque")
	day := base.Session.Date
	expect("decided today", base, day, "")
	// Made the day before the séance: the decision date is tomorrow.
	expect("decided tomorrow", base, day.AddDays(-1), "n'a pas encore eu lieu")
	expect("no date", with(func(p *wizard.Plan) { p.Session.Date = wizard.Date{} }), actesDay, "la date de la séance manque")
	expect("no département", with(func(p *wizard.Plan) { p.Authority.Departement = "" }), actesDay, "le département de la collectivité manque")
	expect("SIRET of another SIREN", with(func(p *wizard.Plan) { p.Authority.SIRET = "21010001200017" }), actesDay, "ne commence pas par le SIREN")
	expect("bad typology", with(func(p *wizard.Plan) { p.Session.ActesAnnexType = "AU" }), actesDay, "code de typologie")

	// The objet of 499 and 500 characters: the partner's name makes its length.
	objetOf := func(p *wizard.Plan) int {
		return len([]rune(plainSpaces(newFacts(p, Options{}).subject().String())))
	}
	short := objetOf(base)
	at := func(n int) *wizard.Plan {
		return with(func(p *wizard.Plan) {
			p.Partner.Name += strings.Repeat("x", n-short)
		})
	}
	if objetOf(at(499)) != 499 || objetOf(at(500)) != 500 {
		t.Fatalf("objet lengths %d, %d", objetOf(at(499)), objetOf(at(500)))
	}
	expect("objet of 499", at(499), actesDay, "")
	expect("objet of 500", at(500), actesDay, "l'objet de la délibération a 500 caractères, au plus 499")

	// Everything missing at once: every problem listed.
	probs := actesProblems(t, &wizard.Plan{}, actesDay)
	for _, want := range []string{"SIREN", "département", "numéro", "date de la séance", "objet"} {
		if !strings.Contains(strings.Join(probs, "\n"), want) {
			t.Errorf("an empty plan: %q lacks %q", probs, want)
		}
	}
}

// The default classification follows the plan; a chosen one says so.
func TestActesClassification(t *testing.T) {
	for name, want := range map[string]string{
		"01-jumelage-allemagne":     "7.5", // a grant to the comité de jumelage
		"03-don-faceco":             "7.5",
		"10-departement-isere":      "9.2",
		"13-subvention-ong":         "7.5",
		"02-convention-eau-senegal": "9.1",
	} {
		p := readyForActes(allPlans(t)[name])
		f := newFacts(p, Options{Today: actesDay})
		a, _ := f.acte()
		if a.Classification.Code != want || !a.Classification.ParDefaut {
			t.Errorf("%s: classification %+v, want %s by default", name, a.Classification, want)
		}
	}
	if got := scdlMatiere("7.9"); got != "finances locales/prise de participation sem etc." {
		t.Errorf("SCDL name of 7.9: %q", got)
	}
}

// The schema is not vacuous: it refuses a lower-case number, a long objet, an unknown key.
func TestActeSchemaRefusesBadData(t *testing.T) {
	schema := acteSchema(t)
	a, _, err := BuildActes(readyForActes(samplePlans(t)["02-convention-eau-senegal"]), Options{Today: actesDay})
	if err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(m map[string]any){
		"lower case": func(m map[string]any) { m["numero"] = "2027_a" },
		"long objet": func(m map[string]any) { m["objet"] = strings.Repeat("x", 500) },
		"unknown":    func(m map[string]any) { m["signature"] = "oui" },
		"siren":      func(m map[string]any) { m["siren"] = "24180050" },
	} {
		data, _ := json.Marshal(a)
		var m map[string]any
		json.Unmarshal(data, &m)
		change(m)
		data, _ = json.Marshal(m)
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if schema.Validate(inst) == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// The dates of transmission and publication, in the mentions, are not listed as passages to
// complete before signing.
func TestPlaceholdersBeforeSigning(t *testing.T) {
	d := &render.Doc{Blocks: []render.Block{
		{Type: render.BlockParagraph, Lines: []render.Inline{cat("Présents : ", todo("liste"))}},
		{Type: render.BlockMentions, Lines: []render.Inline{cat("Transmis le ", todo("date"))}},
	}}
	if got := d.PlaceholdersBeforeSigning(); len(got) != 1 || !strings.Contains(got[0], "liste") {
		t.Errorf("placeholders %q", got)
	}
}
