package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"aect/wizard"
	"aect/wizard/samples"
)

// mainEnv makes the test binary behave as aect itself, for the tests that need a
// process of their own (a signal): TestMain then runs the command line it was given.
const mainEnv = "AECT_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		os.Exit(run(os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr}, os.Getenv))
	}
	os.Exit(m.Run())
}

// aectCommand returns a command that runs aect (the test binary as aect) with args.
func aectCommand(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), mainEnv+"=1", "AECT_DB=", "ACCESSIBLE=")
	return cmd
}

type result struct {
	code        int
	stdout, err string
}

// aect runs the command line in this process, with a private home and database.
func aect(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return aectIn(t, t.TempDir(), stdin, args...)
}

// aectIn runs the command line in this process, as main does, with the given home folder
// and an environment of its own: HOME and the XDG folders under home, no AECT_DB, no
// ACCESSIBLE, NO_COLOR.
func aectIn(t *testing.T, home, stdin string, args ...string) result {
	t.Helper()
	return aectWith(t, home, strings.NewReader(stdin), nil, args...)
}

// aectWith is aectIn with a given standard input and output (nil: a buffer).
func aectWith(t *testing.T, home string, stdin io.Reader, stdout io.Writer, args ...string) result {
	t.Helper()
	env := map[string]string{"HOME": home, "XDG_DATA_HOME": filepath.Join(home, "data"),
		"XDG_STATE_HOME": filepath.Join(home, "state"), "NO_COLOR": "1"}
	var out, errb lockedBuffer
	if stdout == nil {
		stdout = &out
	}
	done := make(chan int, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				errb.Write([]byte(fmt.Sprintf("panic: %v\n%s", r, debug.Stack())))
				done <- -1
			}
		}()
		done <- run(args, stdio{stdin, stdout, &errb}, func(k string) string { return env[k] })
	}()
	select {
	case code := <-done:
		return result{code, out.String(), errb.String()}
	case <-time.After(60 * time.Second):
		t.Fatalf("aect %v did not finish in time (hang?)", args)
		return result{}
	}
}

func expect(t *testing.T, r result, code int, contains ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.err)
	}
	all := r.stdout + r.err
	for _, c := range contains {
		if !strings.Contains(all, c) {
			t.Errorf("output does not contain %q\nstdout: %s\nstderr: %s", c, r.stdout, r.err)
		}
	}
	for _, english := range []string{"panic", "goroutine ", "flag provided", "flag needs", "parse error", "Usage of",
		"no such file", "is a directory", "database is locked", "no space left", "permission denied"} {
		if strings.Contains(all, english) {
			t.Errorf("output leaks %q:\n%s", english, all)
		}
	}
}

func dbPath(t *testing.T) string { return filepath.Join(t.TempDir(), "test.db") }

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	expect(t, aect(t, "", "--help"), 0, "Utilisation", "Commandes", "questionnaire", "Codes de sortie")
	expect(t, aect(t, "", "help", "export"), 0, "--format", "odt", "par défaut")
	expect(t, aect(t, "", "show", "--help"), 0, "--doc")
	expect(t, aect(t, "", "--version"), 0, "aect ")
	expect(t, aect(t, "", "help", "voler"), 2, "commande inconnue « voler »")
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "voler"), 2, "commande inconnue « voler »", "aect --help")
	expect(t, aect(t, "", "--db", db, "list", "--couleur"), 2, "option inconnue : -couleur")
	expect(t, aect(t, "", "--db"), 2, "attend une valeur")
	expect(t, aect(t, "", "--db", db, "show"), 2, "numéro de brouillon manquant")
	expect(t, aect(t, "", "--db", db, "show", "abc"), 2, "n'est pas un numéro")
	expect(t, aect(t, "", "--db", db, "show", "1", "2"), 2, "un seul numéro")
	expect(t, aect(t, "", "--db", db, "export", "1", "--format", "rtf"), 2, "format « rtf » inconnu", "pdf")
	expect(t, aect(t, "", "--db", db, "show", "1", "--format", "odt"), 2, "--format txt, md ou pdf", "aect --db "+db+" export")
	expect(t, aect(t, "", "--db", db, "new"), 2, "--answers")
	expect(t, aect(t, "", "--db", db, "import"), 2, "fichier à importer manquant")
	expect(t, aect(t, "", "--bogus"), 2, "option inconnue : -bogus")
	expect(t, aect(t, "", "--db", db, "list", "--json=peut"), 2, "valeur « peut » invalide pour l'option -json")
	expect(t, aect(t, "", "--db", db, "--log-level", "bavard", "list"), 2, "niveau de journal « bavard » inconnu")
	expect(t, aect(t, "", "--db", db, "import", t.TempDir()), 1, "est un dossier")
}

func TestNoTerminal(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	r := aect(t, "", "--db", db)
	expect(t, r, 2, "pas de terminal interactif", "aect --db "+db+" list", "--accessible")
	if strings.Contains(r.stdout+r.err, "\x1b[") {
		t.Error("escape codes written into a pipe")
	}
}

func TestDemoListShow(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "list"), 0, "Aucun brouillon", "aect --db "+db+" demo")
	expect(t, aect(t, "", "--db", db, "demo"), 0, "5 exemples chargés")
	expect(t, aect(t, "", "--db", db, "demo"), 0, "déjà chargés")
	r := aect(t, "", "--db", db, "list")
	expect(t, r, 0, "Titre", "Jumelage Belmont-sur-Guiers", "Convention", "100 %")
	if n := strings.Count(r.stdout, "\n"); n != 6 {
		t.Errorf("list has %d lines, want header + 5:\n%s", n, r.stdout)
	}
	r = aect(t, "", "--db", db, "list", "--json")
	expect(t, r, 0, `"completeness": 100`, `"demo": true`)

	id := idOf(t, db, "Eau potable")
	expect(t, aect(t, "", "--db", db, "show", id), 0, "DÉCIDE", "L. 1115-1", "L. 1115-1-1", "80\u00a0000,00\u00a0€")
	expect(t, aect(t, "", "--db", db, "show", id, "--doc", "convention", "--format", "md"), 0, "Article")
	expect(t, aect(t, "", "--db", db, "show", id, "--doc", "etapes"), 0, "CENTRAIDER")
	expect(t, aect(t, "", "--db", db, "show", id, "--doc", "lettre"), 2, "document « lettre » inconnu")
	expect(t, aect(t, "", "--db", db, "show", "999"), 1, "introuvable")

	// A PDF on standard output, for a file or a pipe.
	r = aect(t, "", "--db", db, "show", id, "--doc", "convention", "--format", "pdf")
	expect(t, r, 0)
	if !strings.HasPrefix(r.stdout, "%PDF-1.") || !strings.HasSuffix(strings.TrimSpace(r.stdout), "%%EOF") || !strings.Contains(r.stdout, "LiberationSans") {
		t.Errorf("show --format pdf wrote %d bytes: %.40q", len(r.stdout), r.stdout)
	}

	// Blocking findings go to stderr; the document is still produced.
	r = aect(t, "", "--db", db, "show", idOf(t, db, "Amitié scolaire"))
	expect(t, r, 0)
	if !strings.Contains(strings.ToLower(r.stdout), "projet non conforme") {
		t.Errorf("no boxed note in the document:\n%s", r.stdout)
	}
	if !strings.Contains(r.err, "non conforme") || !strings.Contains(r.err, "État") {
		t.Errorf("blocking findings not on stderr: %q", r.err)
	}
	gift := idOf(t, db, "Aide d'urgence")
	expect(t, aect(t, "", "--db", db, "show", gift, "--doc", "convention"), 1, "n'a pas de convention")
}

// TestShowPDFOnATerminal runs show --format pdf with its output on a terminal (a
// pseudo-terminal made by script(1)): it refuses, in French, with the usage code.
func TestShowPDFOnATerminal(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil || runtime.GOOS != "linux" {
		t.Skip("script(1) de util-linux absent : pas de pseudo-terminal pour ce test")
	}
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// script runs the command on a pseudo-terminal, copies what it shows, and returns its
	// exit code (-e).
	cmd := exec.CommandContext(ctx, script, "-qec", mainEnv+"=1 "+os.Args[0]+" --db "+db+" show 1 --format pdf", "/dev/null")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "AECT_DB=", "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), "un PDF ne s'affiche pas dans le terminal") ||
		strings.Contains(string(out), "%PDF") {
		t.Errorf("exit %v, output:\n%s", err, out)
	}
}

// idOf finds a draft's number in `aect list --json` by a part of its title.
func idOf(t *testing.T, db, title string) string {
	t.Helper()
	r := aect(t, "", "--db", db, "list", "--json")
	for _, chunk := range strings.Split(r.stdout, "{") {
		if strings.Contains(chunk, title) {
			i := strings.Index(chunk, `"id": `)
			j := strings.Index(chunk[i:], ",")
			return chunk[i+6 : i+j]
		}
	}
	t.Fatalf("no draft %q in %s", title, r.stdout)
	return ""
}

func TestExport(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	out := t.TempDir()
	id := idOf(t, db, "Jumelage Belmont")
	r := aect(t, "", "--db", db, "export", id, "--out", out)
	expect(t, r, 0, "Documents écrits (3)")
	for _, f := range []string{"deliberation.odt", "charte-jumelage.odt", "prochaines-etapes.odt"} {
		if _, err := os.Stat(filepath.Join(out, id+"-jumelage-belmont-sur-guiers-lindenbach", f)); err != nil {
			t.Error(err)
		}
	}
	r = aect(t, "", "--db", db, "export", idOf(t, db, "Aide d'urgence"), "--format", "all", "--out", out)
	expect(t, r, 0, "Documents écrits (16)", "deliberation.pdf", "declaration-apd.pdf", "declaration-apd.csv", "prochaines-etapes.pdf")
	r = aect(t, "", "--db", db, "export", id, "--format", "pdf", "--out", out)
	expect(t, r, 0, "Documents écrits (3)", "charte-jumelage.pdf")
	if b, err := os.ReadFile(filepath.Join(out, id+"-jumelage-belmont-sur-guiers-lindenbach", "deliberation.pdf")); err != nil || !bytes.HasPrefix(b, []byte("%PDF-1.")) {
		t.Errorf("deliberation.pdf: %v %.20q", err, b)
	}
	if runtime.GOOS != "windows" && os.Getuid() != 0 {
		ro := filepath.Join(t.TempDir(), "ro")
		os.Mkdir(ro, 0o500)
		expect(t, aect(t, "", "--db", db, "export", id, "--out", ro), 1, ro)
	}
	file := filepath.Join(t.TempDir(), "fichier")
	os.WriteFile(file, []byte("x"), 0o600)
	expect(t, aect(t, "", "--db", db, "export", id, "--out", file), 1, file)
	expect(t, aect(t, "", "--db", db, "export", id, "--out", "/proc/aect-nope"), 1, "/proc/aect-nope")
}

func TestExportImport(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	r := aect(t, "", "--db", db, "export-json", idOf(t, db, "Eau potable"))
	expect(t, r, 0, `"format": "aect-plan/1"`)
	file := filepath.Join(t.TempDir(), "eau.json")
	os.WriteFile(file, []byte(r.stdout), 0o600)

	other := dbPath(t)
	expect(t, aect(t, "", "--db", other, "import", file), 0, "importé, brouillon n° 1")
	expect(t, aect(t, "", "--db", other, "import", file), 0, "déjà présent (brouillon n° 1)", "copie", "n° 2")
	back := aect(t, "", "--db", other, "export-json", "1")
	if back.stdout != r.stdout {
		t.Errorf("export → import → export differs:\n%s\n%s", r.stdout, back.stdout)
	}
	expect(t, aect(t, "", "--db", other, "export-json", "42"), 1, "introuvable")
}

func TestImportInvalid(t *testing.T) {
	t.Parallel()
	cases := map[string]struct{ json, want string }{
		"unknown key":  {`{"format": "aect-plan/1", "partner": {"nom": "x"}}`, "partner.nom : clé inconnue"},
		"wrong type":   {`{"format": "aect-plan/1", "authority": {"population": "4600"}}`, "authority.population"},
		"unknown code": {`{"format": "aect-plan/1", "partner": {"kind": "ministere"}}`, "partner.kind : valeur inconnue « ministere »"},
		"negative":     {`{"format": "aect-plan/1", "actions": [{"cost": -1}]}`, "actions[0].cost : montant négatif"},
		"bad date":     {`{"format": "aect-plan/1", "session": {"date": "2027-13-01"}}`, "session.date"},
		"departement":  {`{"format": "aect-plan/1", "authority": {"departement": "99"}}`, "authority.departement"},
		"country":      {`{"format": "aect-plan/1", "partner": {"country": "QQ"}}`, "partner.country"},
		"format":       {`{"format": "aect-plan/9"}`, "aect-plan/1"},
		"truncated":    {`{"format": "aect-plan/1", "title": "x`, "incomplet"},
		"empty":        {``, "fichier vide"},
	}
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	before := aect(t, "", "--db", db, "list", "--json").stdout
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "bad.json")
			os.WriteFile(file, []byte(c.json), 0o600)
			expect(t, aect(t, "", "--db", db, "import", file), 1, c.want, "bad.json", "rien n'a été enregistré")
			expect(t, aect(t, "", "--db", db, "new", "--answers", file), 1, c.want)
		})
	}
	if after := aect(t, "", "--db", db, "list", "--json").stdout; after != before {
		t.Errorf("invalid files changed the database:\n%s\n%s", before, after)
	}
	expect(t, aect(t, "", "--db", db, "import", "/nonexistent/x.json"), 1, "introuvable")
}

func TestNewFromAnswers(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	file := filepath.Join(t.TempDir(), "r.json")
	s, _ := samples.Get("05-plan-desequilibre")
	os.WriteFile(file, s.Data, 0o600)
	expect(t, aect(t, "", "--db", db, "new", "--answers", file), 0, "Brouillon n° 1 créé", "[bloquant]")
}

func TestNotADatabase(t *testing.T) {
	t.Parallel()
	for name, content := range map[string][]byte{
		"random": bytes.Repeat([]byte("pas une base sqlite "), 300),
	} {
		t.Run(name, func(t *testing.T) {
			db := dbPath(t)
			os.WriteFile(db, content, 0o600)
			expect(t, aect(t, "", "--db", db, "list"), 1, db)
			got, _ := os.ReadFile(db)
			if !bytes.Equal(got, content) {
				t.Error("the file was modified")
			}
		})
	}
}

func TestQuestionnaire(t *testing.T) {
	t.Parallel()
	r := aect(t, "", "questionnaire")
	expect(t, r, 0, "Type de collectivité", "Pays du partenaire", "Forme de l'action", "Jumelage", "Voix pour")
	expect(t, aect(t, "", "questionnaire", "--format", "md"), 0, "# ")
	out := filepath.Join(t.TempDir(), "q.odt")
	expect(t, aect(t, "", "questionnaire", "--format", "odt", "--out", out), 0, out)
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Errorf("questionnaire.odt: %v", err)
	}
	out = filepath.Join(t.TempDir(), "q.pdf")
	expect(t, aect(t, "", "questionnaire", "--format", "pdf", "--out", out), 0, out)
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("%PDF-1.")) {
		t.Errorf("questionnaire.pdf: %v", err)
	}
	expect(t, aect(t, "", "questionnaire", "--format", "rtf"), 2, "rtf")
}

// accessibleInput writes, from a sample plan, what a user of the accessible mode would
// type: the same questions in the same order, choices by number.
func accessibleInput(t *testing.T, p *wizard.Plan, outDir string) string {
	var lines []string
	answer := func(q wizard.Question) {
		if !q.AppliesTo(p) {
			return
		}
		v := q.Get(p)
		switch {
		case v == "" || q.Searchable || q.Kind == wizard.KindConfirm:
		case q.Kind == wizard.KindChoice:
			v = optionNumber(t, q, v)
		case q.Kind == wizard.KindMulti:
			var nums []string
			for _, c := range strings.Split(v, ",") {
				nums = append(nums, optionNumber(t, q, c))
			}
			v = strings.Join(nums, ",")
		}
		lines = append(lines, v)
	}
	for s := wizard.SecAuthority; s <= wizard.SecSession; s++ {
		for _, q := range wizard.SectionQuestions(s) {
			answer(q)
		}
		if s == wizard.SecActions {
			for i := range p.Actions {
				lines = append(lines, "oui")
				for _, q := range wizard.ActionQuestions(i) {
					answer(q)
				}
			}
			lines = append(lines, "non")
		}
		if s == wizard.SecFunding {
			for i := range p.Funding {
				lines = append(lines, "oui")
				for _, q := range wizard.FundingQuestions(i) {
					answer(q)
				}
			}
			lines = append(lines, "non")
		}
	}
	lines = append(lines, "oui", "odt", outDir)
	return strings.Join(lines, "\n") + "\n"
}

func optionNumber(t *testing.T, q wizard.Question, v string) string {
	for i, o := range q.Options {
		if o.Value == v {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("%s: no option %q", q.ID, v)
	return ""
}

func TestAccessibleSample01(t *testing.T) {
	t.Parallel()
	s, _ := samples.Get("01-jumelage-allemagne")
	want, err := wizard.Decode(s.Data)
	if err != nil {
		t.Fatal(err)
	}
	db, out := dbPath(t), t.TempDir()
	r := aect(t, accessibleInput(t, want, out), "--db", db, "--accessible")
	expect(t, r, 0, "mode accessible", "Section 1 sur 10 : Collectivité", "1. Commune", "Documents écrits (3)")
	for _, f := range []string{"deliberation.odt", "charte-jumelage.odt", "prochaines-etapes.odt"} {
		if _, err := os.Stat(filepath.Join(out, "1-jumelage-belmont-sur-guiers-lindenbach", f)); err != nil {
			t.Error(err)
		}
	}
	got, err := wizard.Decode([]byte(aect(t, "", "--db", db, "export-json", "1").stdout))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		a, _ := wizard.Encode(got)
		b, _ := wizard.Encode(want)
		t.Errorf("saved plan differs from sample 01:\n%s\nwant\n%s", a, b)
	}
}

func TestAccessibleRepeatsInvalidAnswers(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	// « Votre collectivité » passed, title, then an invalid authority type (12), then a valid one (1), then the name,
	// no SIREN, then an invalid département, then "fin".
	in := "\nTest\n12\n1\nTrifouillis\n\nxyz\nfin\n"
	r := aect(t, in, "--db", db, "--accessible")
	expect(t, r, 0, "choix 12 impossible", "aucun résultat pour « xyz »", "Vos réponses sont enregistrées")
	exp := aect(t, "", "--db", db, "export-json", "1")
	expect(t, exp, 0, `"name": "Trifouillis"`, `"type": "commune"`)
	// End of input mid-way: answers kept; not an interruption (exit code 0).
	r = aect(t, "1\n\n", "--db", db, "--accessible")
	expect(t, r, 0, "Fin de l'entrée. Vos réponses sont enregistrées dans le brouillon n° 1")
	r = aect(t, "", "--db", db, "--accessible")
	expect(t, r, 0, "Fin de l'entrée.")
	if !strings.Contains(aect(t, "", "--db", db, "export-json", "1").stdout, "Trifouillis") {
		t.Error("answers lost")
	}
}

func TestLogsGoToAFile(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	r := aectIn(t, home, "", "--db", dbPath(t), "--log-level", "debug", "list")
	expect(t, r, 0)
	if strings.Contains(r.stdout+r.err, "open database") {
		t.Error("log lines on the terminal")
	}
	data, err := os.ReadFile(filepath.Join(home, "state", "aect", "aect.log"))
	if err != nil || !strings.Contains(string(data), "open database") || !strings.Contains(string(data), "command") {
		t.Errorf("log file: %v\n%s", err, data)
	}
}

func TestDefaultDatabase(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	expect(t, aectIn(t, home, "", "demo"), 0, "5 exemples chargés")
	if _, err := os.Stat(filepath.Join(home, "data", "aect", "aect.db")); err != nil {
		t.Errorf("default database not in the user's data folder: %v", err)
	}
}

func TestStdoutFull(t *testing.T) {
	t.Parallel()
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "demo"), 0)
	// Every command, help and version included: exit code 1 and a French message, never
	// a silent success with the output lost.
	for _, args := range [][]string{{"--version"}, {"--help"}, {"help"}, {"help", "export"}, {"show", "--help"},
		{"--db", db, "list"}, {"--db", db, "list", "--json"}, {"--db", db, "list", "--corbeille"}, {"--db", db, "show", "1"},
		{"--db", db, "export-json", "1"}, {"--db", db, "history", "1"}, {"--db", db, "demo"}, {"questionnaire"},
		{"questionnaire", "--format", "md"}, {"--db", db, "export", "1", "--out", t.TempDir()},
		{"--db", db, "sauvegarder", filepath.Join(t.TempDir(), "copie.db")}} {
		r := aectWith(t, t.TempDir(), strings.NewReader(""), full, args...)
		if r.code != 1 || !strings.Contains(r.err, "sortie standard") || !strings.Contains(r.err, "disque est plein") || strings.Contains(r.err, "no space") {
			t.Errorf("aect %v > /dev/full: exit %d, stderr %q", args, r.code, r.err)
		}
	}
}

func TestAccessibleResumeAsksOnlyMissing(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	expect(t, aect(t, "\nTitre\n1\nTrifouillis\nfin\n", "--db", db, "--accessible"), 0)
	// Resume, answer « non » (only the missing answers): the first questions asked are
	// « Votre collectivité » (passed), the SIREN and the département, not the title again.
	r := aect(t, "1\nnon\n\n\nfin\n", "--db", db, "--accessible")
	expect(t, r, 0, "Reprise du brouillon n° 1", "Numéro SIREN", "Département")
	after := r.stdout[strings.Index(r.stdout, "Revoir toutes les réponses"):]
	if strings.Contains(after, "Titre du projet") || strings.Contains(after, "Nom de la collectivité") {
		t.Errorf("answered questions asked again:\n%s", after)
	}
}

func TestAccessibleInterrupt(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	db := dbPath(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := aectCommand(ctx, "--db", db, "--accessible")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stdin.Write([]byte("\nProjet interrompu\n"))
	// Wait until the title is saved and the next question is asked.
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), "Type de collectivité") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(os.Interrupt)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(errb.String(), "interrompu") {
		t.Fatalf("exit %v, stderr %q", err, errb.String())
	}
	expect(t, aect(t, "", "--db", db, "export-json", "1"), 0, "Projet interrompu")
}

// lockedBuffer is a bytes.Buffer safe to read while a process writes into it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestHistory(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	expect(t, aect(t, "\nPremier titre\nfin\n", "--db", db, "--accessible"), 0)
	expect(t, aect(t, "1\noui\n\nSecond titre\nfin\n", "--db", db, "--accessible"), 0)
	r := aect(t, "", "--db", db, "history", "1")
	expect(t, r, 0, "Version", "(actuelle)", "Second titre", "Premier titre", "--restore")
	// The oldest version with the first title.
	var first string
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.Contains(line, "Premier titre") {
			first = strings.Fields(line)[0]
		}
	}
	expect(t, aect(t, "", "--db", db, "history", "1", "--restore", first), 0, "rétabli", "Premier titre")
	expect(t, aect(t, "", "--db", db, "export-json", "1"), 0, `"title": "Premier titre"`)
	expect(t, aect(t, "", "--db", db, "history", "1", "--restore", "999"), 1, "pas de version 999")
	expect(t, aect(t, "", "--db", db, "history", "7"), 1, "introuvable")
}

// TestAnInterruptionSaysWhereTheAnswersWent: ctrl+c in the assistant exits with code 130;
// when the answers went to a copy (a draft changed in another window), the message says
// so instead of « enregistrées ».
func TestAnInterruptionSaysWhereTheAnswersWent(t *testing.T) {
	var b bytes.Buffer
	if code := exitCode(errAborted, &b); code != exitAborted || b.String() != "aect : interrompu. Vos réponses déjà données sont enregistrées.\n" {
		t.Fatalf("%d %q", code, b.String())
	}
	b.Reset()
	note := "Ce brouillon avait été modifié dans une autre fenêtre : vos réponses sont enregistrées dans une copie, le brouillon n° 7 « Jumelage (copie) »."
	if code := exitCode(&abortedError{note: note}, &b); code != exitAborted || b.String() != "aect : interrompu. "+note+"\n" {
		t.Fatalf("%d %q", code, b.String())
	}
}
