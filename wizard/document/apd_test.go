package document

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"aect/wizard"
	"aect/wizard/document/render"
)

// readAPDCSV writes the APD CSV of a plan and reads it back as a French spreadsheet
// would: after its byte order mark, « ; » between fields.
func readAPDCSV(t *testing.T, p *wizard.Plan) [][]string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteAPDCSV(&b, p); err != nil {
		t.Fatal(err)
	}
	data, ok := bytes.CutPrefix(b.Bytes(), []byte("\uFEFF"))
	if !ok {
		t.Fatal("no byte order mark: Excel would not read the accents")
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Error("lines not ended by CR LF")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestAPDCSV reads back the CSV of samples 02 and 03: the documented columns, one line
// per year × country × channel × sector, amounts with a decimal comma, the markers.
func TestAPDCSV(t *testing.T) {
	plans := samplePlans(t)
	rows := readAPDCSV(t, plans["02-convention-eau-senegal"])
	if !slices.Equal(rows[0], APDCSVColumns) {
		t.Errorf("columns %q", rows[0])
	}
	want := [][]string{
		{"2027", "SN", "Sénégal", "12002", "Gouvernement local du pays bénéficiaire", "14030", "Approvisionnement en eau potable et assainissement - dispositifs de base", "40000,00",
			"à renseigner", "à renseigner", "à renseigner", "à renseigner", "du 15 avril au 31 mai 2028", "canal, secteur", "Réhabilitation de deux forages"},
		{"2028", "SN", "Sénégal", "12002", "Gouvernement local du pays bénéficiaire", "14030", "Approvisionnement en eau potable et assainissement - dispositifs de base", "30000,00",
			"à renseigner", "à renseigner", "à renseigner", "à renseigner", "du 15 avril au 31 mai 2029", "canal, secteur", "Latrines scolaires"},
		{"2029", "SN", "Sénégal", "11002", "Gouvernement local du pays donneur", "14030", "Approvisionnement en eau potable et assainissement - dispositifs de base", "10000,00",
			"à renseigner", "à renseigner", "à renseigner", "à renseigner", "du 15 avril au 31 mai 2030", "canal, secteur", "Formation du service communal de l'eau"},
	}
	if !slices.EqualFunc(rows[1:], want, slices.Equal) {
		t.Errorf("lines\n%q\nwant\n%q", rows[1:], want)
	}

	gift := readAPDCSV(t, plans["03-don-faceco"])
	if len(gift) != 2 || gift[1][3] != "11001" || gift[1][5] != "72010" || gift[1][7] != "2000,00" || gift[1][2] != "Maroc" {
		t.Errorf("gift %q", gift)
	}

	// Chosen codes and markers; two actions of a year on one line; a title that a
	// spreadsheet would take for a formula.
	p := plans["02-convention-eau-senegal"].Clone()
	p.Domain.MarkerGender, p.Domain.MarkerNutrition = wizard.MarkerSignificant, wizard.MarkerNotTargeted
	p.Actions[1].Year = 2027
	p.Actions[1].Title = "=HYPERLINK(\"x\")"
	p.Actions[2].CRSSector, p.Actions[2].CRSChannel = "14081", "12002"
	p.Actions[2].Cost = wizard.Cents(1050)
	rows = readAPDCSV(t, p)
	if len(rows) != 3 {
		t.Fatalf("%d lines: %q", len(rows)-1, rows)
	}
	if got := rows[1]; got[7] != "70000,00" || got[14] != "Réhabilitation de deux forages ; =HYPERLINK(\"x\")" || got[8] != "1" || got[9] != "à renseigner" || got[11] != "0" {
		t.Errorf("merged line %q", got)
	}
	if got := rows[2]; got[3] != "12002" || got[5] != "14081" || got[7] != "10,50" || got[13] != "" {
		t.Errorf("chosen codes %q", got)
	}
	p.Actions[0].Title = "=1+1"
	if rows = readAPDCSV(t, p); !strings.HasPrefix(rows[1][14], "'=1+1") {
		t.Errorf("formula kept: %q", rows[1][14])
	}
}

// TestAPDSheet: the sheet says it is a worksheet for the platform, gives the window of
// each year and the MEAE condition, marks defaults and missing answers.
func TestAPDSheet(t *testing.T) {
	plans := samplePlans(t)
	got := flat(rendered(t, plans["02-convention-eau-senegal"], DeclarationAPD, render.Text))
	for _, s := range []string{"FICHE DE TRAVAIL, À RESSAISIR SUR LA PLATEFORME", "« Démarches simplifiées »",
		"(CGCT, art. L. 1115-6)", "Dépenses de 2027 : à déclarer du 15 avril au 31 mai 2028.",
		"cofinancement du ministère de 40 000,00 €", "fonds propres", "Total 2028", "80 000,00 €",
		"* Code par défaut", "[à renseigner : 0, 1 ou 2]", "état de juin 2026"} {
		if !strings.Contains(got, flat(s)) {
			t.Errorf("sheet 02: %q missing", s)
		}
	}
	p := plans["02-convention-eau-senegal"].Clone()
	p.Domain.Sectors = nil
	p.Actions[0].PaidTo.Kind = ""
	p.Actions[0].Year = 0
	for i := range p.Actions {
		p.Actions[i].CRSSector = "14081"
		if i > 0 {
			p.Actions[i].CRSChannel = "12002"
		}
	}
	p.Domain.MarkerEnvironment = wizard.MarkerPrincipal
	got = flat(Build(p, DeclarationAPD, Options{}).PlainText())
	for _, s := range []string{"[à compléter : code CRS du canal]", "[à compléter : année]", "2 – objectif principal",
		"14081 – Education et formation dans la distribution d'eau et d'assainissement"} {
		if !strings.Contains(got, flat(s)) {
			t.Errorf("sheet with missing answers: %q missing", s)
		}
	}
	if strings.Contains(got, "*") {
		t.Error("no default code, yet a « * »")
	}
	// No sheet for a country outside the APD list or a plan without money.
	if slices.Contains(Kinds(plans["01-jumelage-allemagne"]), DeclarationAPD) {
		t.Error("a sheet for Germany")
	}
	p = plans["03-don-faceco"].Clone()
	p.Actions[0].Cost = 0
	if slices.Contains(Kinds(p), DeclarationAPD) {
		t.Error("a sheet without spending")
	}
}

// TestAPDCSVInLibreOffice opens the CSV in LibreOffice Calc as a French user does
// (UTF-8, « ; », French locale) and converts it to PDF: the columns come out split and
// the amount reads as a number. Like the other LibreOffice tests it is skipped without
// soffice unless required (CI, AECT_REQUIRE_SOFFICE=1); it needs Calc
// (libreoffice-calc-nogui).
func TestAPDCSVInLibreOffice(t *testing.T) {
	skipUnlessRequired(t)
	soffice := requireTool(t, "soffice", "libreoffice")
	pdftotext := requireTool(t, "pdftotext")
	dir := t.TempDir()
	file := filepath.Join(dir, APDCSVName)
	var b bytes.Buffer
	if err := WriteAPDCSV(&b, samplePlans(t)["02-convention-eau-senegal"]); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// CSV filter options: separator 59 (;), text delimiter 34 ("), character set 76
	// (UTF-8), from line 1, default column formats, language 1036 (French).
	out, err := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(t.TempDir()),
		"--headless", "--norestore", "--infilter=CSV:59,34,76,1,,1036", "--convert-to", "pdf", "--outdir", dir, file).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice : %v\n%s", err, out)
	}
	pdf := strings.TrimSuffix(file, ".csv") + ".pdf"
	if st, err := os.Stat(pdf); err != nil || st.Size() == 0 {
		if required() {
			t.Fatalf("pas de PDF produit à partir du CSV : LibreOffice Calc est-il installé (libreoffice-calc-nogui) ?\n%s", out)
		}
		t.Skipf("LibreOffice Calc absent (libreoffice-calc-nogui) : test ignoré\n%s", out)
	}
	text, err := exec.CommandContext(ctx, pdftotext, "-layout", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := string(text)
	// The columns are split: the country's name stands apart from its code; the amount,
	// read as a number in French, shows without its decimals.
	for _, s := range []string{"Sénégal", "Gouvernement local du pays", "40000", "30000", "10000"} {
		if !strings.Contains(got, s) {
			t.Errorf("« %s » absent du PDF du CSV :\n%s", s, got)
		}
	}
	if strings.Contains(got, "SN;Sénégal") || strings.Contains(got, "40000,00") {
		t.Errorf("the CSV did not open as columns of numbers:\n%s", got)
	}
}

// TestAPDCSVHostile: the CSV of a plan full of escape sequences and control characters
// holds none of them, and still reads as CSV.
func TestAPDCSVHostile(t *testing.T) {
	rows := readAPDCSV(t, hostilePlan(t))
	for _, row := range rows {
		for _, cell := range row {
			if r, ok := controlFree(cell); !ok || strings.Contains(cell, "\n") {
				t.Errorf("control character %U in %q", r, cell)
			}
		}
	}
	if len(rows) < 2 || len(rows[1]) != len(APDCSVColumns) {
		t.Errorf("rows %q", rows)
	}
}
