package wizard

import (
	"slices"
	"strings"
	"testing"

	"aect/wizard/directory"
)

func embeddedDirectory(t testing.TB) *directory.Directory {
	t.Helper()
	d, err := directory.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseINSEE(t *testing.T) {
	for in, want := range map[string]string{"24396": "24396", " 2a004 ": "2A004", "2B033": "2B033", "97411": "97411", "24 396": "24396"} {
		if got, err := ParseINSEE(in); err != nil || got != want {
			t.Errorf("ParseINSEE(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2439", "243960", "2C004", "20004", "A4396", "24 39x", "\x1b[31m24396"} {
		if _, err := ParseINSEE(in); err == nil {
			t.Errorf("ParseINSEE(%q) accepted", in)
		} else if !strings.Contains(err.Error(), "code INSEE") {
			t.Errorf("ParseINSEE(%q): message %q does not name the code INSEE", in, err)
		}
	}
}

func TestChoosingSaintCyprienFillsTheAuthority(t *testing.T) {
	d := embeddedDirectory(t)
	res, _ := d.Search("saint cyprien", 10)
	i := slices.IndexFunc(res, func(r directory.Result) bool { return r.Commune != nil && r.Commune.Departement == "24" })
	if i < 0 {
		t.Fatalf("« saint cyprien » does not find Saint-Cyprien (24): %v", res)
	}
	p := &Plan{Authority: Authority{Population: 1200, ExecutiveName: "Claire Rivoire"}}
	changed := ApplyDirectory(p, res[i])
	a := p.Authority
	if a.Type != AuthCommune || a.Name != "Saint-Cyprien" || a.INSEE != "24396" || a.SIREN != "212403968" || a.Departement != "24" || a.Population != 1566 {
		t.Errorf("authority after the choice: %+v", a)
	}
	if a.ExecutiveName != "Claire Rivoire" {
		t.Errorf("the executive was changed: %+v", a)
	}
	for _, id := range []FieldID{FieldAuthorityType, FieldAuthorityName, FieldINSEE, FieldSIREN, FieldDepartement, FieldPopulation} {
		if !slices.Contains(changed, id) {
			t.Errorf("ApplyDirectory does not report %s among %v", id, changed)
		}
	}
	if epci, ok := d.EPCIOf(res[i].Commune); !ok || epci.SIREN != "200041051" {
		t.Errorf("EPCI of Saint-Cyprien: %v", epci)
	}
	if fs := DirectoryFindings(p, d); len(fs) != 0 {
		t.Errorf("a plan filled from the directory has findings: %v", fs)
	}
	// The question reads the INSEE code back.
	q := questionOf(t, FieldINSEE)
	if got := q.Get(p); got != "24396" {
		t.Errorf("question « Votre collectivité » reads %q", got)
	}
}

func questionOf(t *testing.T, id FieldID) Question {
	t.Helper()
	for _, q := range SectionQuestions(SecAuthority) {
		if q.ID == string(id) {
			return q
		}
	}
	t.Fatalf("no question %s", id)
	return Question{}
}

func TestChoosingAnEPCIByNameOrSIRENFillsItsType(t *testing.T) {
	d := embeddedDirectory(t)
	byName, _ := d.Search("vallee de la dordogne foret bessede", 5)
	bySIREN, _ := d.Search("200 041 051", 5)
	for what, res := range map[string][]directory.Result{"name": byName, "SIREN": bySIREN} {
		if len(res) == 0 || res[0].EPCI == nil || res[0].EPCI.SIREN != "200041051" {
			t.Fatalf("by %s: %v", what, res)
		}
		p := &Plan{Authority: Authority{INSEE: "24396", Type: AuthCommune}}
		ApplyDirectory(p, res[0])
		a := p.Authority
		if a.Type != AuthCommunauteCommunes || a.Name != "Communauté de communes Vallée de la Dordogne et Forêt Bessède" ||
			a.SIREN != "200041051" || a.INSEE != "" || a.Departement != "24" || a.Population != 8965 {
			t.Errorf("by %s: authority %+v", what, a)
		}
		if got := questionOf(t, FieldINSEE).Get(p); got != "200041051" {
			t.Errorf("by %s: the question reads %q, want the EPCI's SIREN", what, got)
		}
		if got := a.Designation(); got != "la communauté de communes Vallée de la Dordogne et Forêt Bessède" {
			t.Errorf("by %s: designation %q", what, got)
		}
	}
}

func TestAnOverseasCommuneSetsTheOverseasRules(t *testing.T) {
	d := embeddedDirectory(t)
	c, ok := d.Commune("97411")
	if !ok {
		t.Fatal("no 97411")
	}
	p := &Plan{}
	ApplyDirectory(p, directory.Result{Commune: c})
	dep, ok := LookupDepartement(p.Authority.Departement)
	if !ok || dep.Code != "974" || !dep.Overseas {
		t.Fatalf("Saint-Denis de La Réunion: département %q (%+v)", p.Authority.Departement, dep)
	}
	if court, _ := AdministrativeCourt(p.Authority.Departement); court != "le tribunal administratif de La Réunion" {
		t.Errorf("court %q", court)
	}
	// A commune of an overseas collectivité the plan does not list keeps its
	// département empty, for the user to say.
	spm, _ := d.Commune("97502")
	p = &Plan{}
	ApplyDirectory(p, directory.Result{Commune: spm})
	if p.Authority.Name != "Saint-Pierre" || p.Authority.Departement != "" || p.Authority.SIREN != "" {
		t.Errorf("Saint-Pierre (975): %+v", p.Authority)
	}
}

func TestAPlanWithOnlyItsINSEECodeIsFilled(t *testing.T) {
	d := embeddedDirectory(t)
	p, err := Decode([]byte(`{"format": "aect-plan/1", "authority": {"insee": "24396", "executive_name": "Claire Rivoire"}}`))
	if err != nil {
		t.Fatal(err)
	}
	filled := FillFromDirectory(p, d)
	a := p.Authority
	if a.Type != AuthCommune || a.Name != "Saint-Cyprien" || a.SIREN != "212403968" || a.Departement != "24" || a.Population != 1566 {
		t.Errorf("filled: %+v", a)
	}
	if len(filled) != 5 {
		t.Errorf("filled %v", filled)
	}
	out, err := Encode(p)
	if err != nil || !strings.Contains(string(out), `"insee": "24396"`) || !strings.Contains(string(out), `"siren": "212403968"`) {
		t.Errorf("the codes are not written back: %s %v", out, err)
	}
	// An EPCI by its SIREN alone.
	p = &Plan{Authority: Authority{SIREN: "200041051"}}
	FillFromDirectory(p, d)
	if p.Authority.Type != AuthCommunauteCommunes || p.Authority.INSEE != "" || p.Authority.Population != 8965 {
		t.Errorf("EPCI filled: %+v", p.Authority)
	}
	// A commune by its SIREN gets its INSEE code.
	p = &Plan{Authority: Authority{SIREN: "212403968"}}
	FillFromDirectory(p, d)
	if p.Authority.INSEE != "24396" {
		t.Errorf("commune by SIREN: %+v", p.Authority)
	}
}

func TestAContradictionIsAFindingNotAnOverwrite(t *testing.T) {
	d := embeddedDirectory(t)
	p := &Plan{Authority: Authority{INSEE: "24396", Type: AuthCommunauteCommunes, Name: "Commune de Saint-Cyprien",
		Departement: "66", Population: 1700, SIREN: "216601716"}}
	before := p.Authority
	FillFromDirectory(p, d)
	if p.Authority.Departement != before.Departement || p.Authority.Population != before.Population || p.Authority.Type != before.Type {
		t.Fatalf("the answers given were overwritten: %+v", p.Authority)
	}
	fs := DirectoryFindings(p, d)
	codes := map[FindingCode]Finding{}
	for _, f := range fs {
		codes[f.Code] = f
	}
	for code, sev := range map[FindingCode]Severity{CodeDirectoryType: Warning, CodeDirectoryDepartement: Warning,
		CodeDirectorySIREN: Warning, CodeDirectoryPopulation: Advice} {
		f, ok := codes[code]
		if !ok {
			t.Errorf("no finding %s in %v", code, fs)
			continue
		}
		if f.Severity != sev || f.Section != SecAuthority {
			t.Errorf("%s: %v in %v", code, f.Severity, f.Section)
		}
	}
	if _, ok := codes[CodeDirectoryName]; ok {
		t.Errorf("« Commune de Saint-Cyprien » is the official name with its type: %v", codes[CodeDirectoryName])
	}
	if m := codes[CodeDirectoryPopulation].Message; !strings.Contains(m, "1"+NBSP+"566") || !strings.Contains(m, "2026") {
		t.Errorf("the population finding does not name the directory's figure: %s", m)
	}
	if m := codes[CodeDirectoryDepartement].Message; !strings.Contains(m, "Dordogne") || !strings.Contains(m, "66 – Pyrénées-Orientales") {
		t.Errorf("département finding: %s", m)
	}
	// The total population is accepted too; another name is a conseil.
	p.Authority.Population, p.Authority.Name = 1593, "Saint-Cyprien-sur-Dourdou"
	for _, f := range DirectoryFindings(p, d) {
		if f.Code == CodeDirectoryPopulation {
			t.Errorf("the population totale is the directory's: %v", f)
		}
	}
	if !slices.ContainsFunc(CheckWith(p, d), func(f Finding) bool { return f.Code == CodeDirectoryName && f.Severity == Advice }) {
		t.Error("another name is not a conseil")
	}
	// A code the directory does not know.
	p = &Plan{Authority: Authority{INSEE: "24999"}}
	if fs := DirectoryFindings(p, d); len(fs) != 1 || fs[0].Code != CodeDirectoryUnknown {
		t.Errorf("unknown INSEE: %v", fs)
	}
	// A syndicat's SIREN is not expected in the directory.
	p = &Plan{Authority: Authority{Type: AuthSyndicatMixte, SIREN: "200041051"}}
	if fs := DirectoryFindings(p, d); len(fs) != 1 || fs[0].Code != CodeDirectoryType {
		t.Errorf("a syndicat with an EPCI's SIREN: %v", fs)
	}
}

func TestAPopulationAcrossAThresholdIsSaid(t *testing.T) {
	d := embeddedDirectory(t)
	for _, c := range d.Communes() {
		if c.PopulationMunicipale < PublicationThreshold && c.PopulationTotale >= PublicationThreshold {
			p := &Plan{Authority: Authority{INSEE: c.INSEE}}
			FillFromDirectory(p, d)
			fs := DirectoryFindings(p, d)
			if len(fs) != 1 || fs[0].Code != CodeDirectoryThreshold || !strings.Contains(fs[0].Message, "3"+NBSP+"500") {
				t.Errorf("%s (%d / %d): %v", c.Name, c.PopulationMunicipale, c.PopulationTotale, fs)
			}
			return
		}
	}
	t.Skip("no commune across the threshold")
}

func TestTheDecoderChecksTheINSEECode(t *testing.T) {
	_, err := Decode([]byte(`{"format": "aect-plan/1", "authority": {"insee": "2C004"}}`))
	if err == nil || !strings.Contains(err.Error(), "authority.insee") || !strings.Contains(err.Error(), "2A ou 2B") {
		t.Errorf("decode 2C004: %v", err)
	}
	p, err := Decode([]byte(`{"format": "aect-plan/1", "authority": {"insee": "2a004"}}`))
	if err != nil || p.Authority.INSEE != "2A004" {
		t.Errorf("decode 2a004: %+v %v", p, err)
	}
}
