package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"aect/wizard"
	"aect/wizard/safetext"
	"aect/wizard/safetext/safetexttest"
)

// TestHostileFilesNeverDriveTheTerminal runs every command, in process, on a database
// holding drafts whose every free text is hostile (escape sequences, control characters,
// bidirectional controls, 5 000-character values), imported from answers files whose
// names are hostile too, and checks that nothing a terminal would act on reaches stdout
// or stderr: the tables, the documents, the JSON outputs (escaped, and still valid JSON),
// the confirmations, every error message (an invalid file's problems quote its raw
// values), and the accessible mode.
func TestHostileFilesNeverDriveTheTerminal(t *testing.T) {
	hostile := safetexttest.Hostile
	dir := t.TempDir()
	name := "projet \x1b]0;titre\x07\u202e\x7f"
	file := filepath.Join(dir, name+".json")
	pooled := filepath.Join(dir, name+" mutualisé.json")
	invalid := filepath.Join(dir, name+" invalide.json")
	for f, data := range map[string][]byte{file: safetexttest.PlanJSON(), pooled: safetexttest.PooledPlanJSON(),
		invalid: safetexttest.InvalidJSON()} {
		if err := os.WriteFile(f, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p, err := wizard.Decode(safetexttest.PlanJSON())
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "test.db")
	state := t.TempDir()
	getenv := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return state
		}
		return ""
	}
	type outcome struct {
		code           int
		stdout, stderr string
	}
	aectRun := func(stdin string, args ...string) outcome {
		t.Helper()
		var out, errb bytes.Buffer
		code := run(args, stdio{strings.NewReader(stdin), &out, &errb}, getenv)
		where := fmt.Sprintf("aect %q", args) // quoted: the arguments hold escapes too
		safetexttest.Check(t, where+" (stdout)", out.String())
		safetexttest.Check(t, where+" (stderr)", errb.String())
		return outcome{code, out.String(), errb.String()}
	}
	want := func(r outcome, code int, contains ...string) {
		t.Helper()
		if r.code != code {
			t.Fatalf("exit code %d, want %d\nstdout: …%s\nstderr: %.3000s", r.code, code, r.stdout[max(0, len(r.stdout)-3000):], r.stderr)
		}
		for _, c := range contains {
			if !strings.Contains(r.stdout+r.stderr, c) {
				t.Errorf("output does not contain %q\nstdout: %.3000s\nstderr: %.3000s", c, r.stdout, r.stderr)
			}
		}
	}
	validJSON := func(r outcome) {
		t.Helper()
		if !json.Valid([]byte(r.stdout)) {
			t.Errorf("not valid JSON:\n%s", r.stdout)
		}
	}

	// Import, import again (a copy), an invalid file: the file names are shown with their
	// controls made visible, the titles cleaned and cut.
	want(aectRun("", "--db", db, "import", file), 0, "importé, brouillon n° 1", "projet ␛]0;titre␇<U+202E>␡.json", "…")
	want(aectRun("", "--db", db, "import", file), 0, "déjà présent (brouillon n° 1)")
	want(aectRun("", "--db", db, "import", pooled), 0, "brouillon n° 3")
	r := aectRun("", "--db", db, "import", invalid)
	want(r, 1, "invalide.json n'est pas un projet", "␛]52;c;ZXZpbA==␇", "<U+202E>", "rien n'a été enregistré")
	for _, l := range strings.Split(r.stderr, "\n") {
		if n := utf8.RuneCountInString(l); n > 2*safetext.MaxMessageLine {
			t.Errorf("an error line of %d characters", n)
		}
	}
	want(aectRun("", "--db", db, "new", "--answers", invalid), 1, "authority.type")
	want(aectRun("", "--db", db, "new", "--answers", file), 0, "Brouillon n° 4 créé")

	// The tables and the JSON outputs.
	r = aectRun("", "--db", db, "list")
	want(r, 0, "…")
	for _, l := range strings.Split(r.stdout, "\n") {
		if n := utf8.RuneCountInString(l); n > 130 {
			t.Errorf("list: a line of %d characters: %q", n, l)
		}
	}
	r = aectRun("", "--db", db, "list", "--json")
	want(r, 0, `\u202e`)
	validJSON(r)
	r = aectRun("", "--db", db, "export-json", "1")
	want(r, 0, `\u001b]0;titre\u0007`, `\u009b31m`, `\u007f`, `\u2066`)
	validJSON(r)
	if back, err := wizard.Decode([]byte(r.stdout)); err != nil || back.Partner.Name != hostile {
		t.Errorf("export-json must keep the data: %v %q", err, back.Partner.Name)
	}
	want(aectRun("", "--db", db, "history", "1"), 0, "Version")
	want(aectRun("", "--db", db, "history", "1", "--restore", "1"), 0, "rétabli")

	// The documents, shown and exported (into a folder with a hostile name).
	for _, doc := range []string{"deliberation", "convention", "apd", "etapes"} {
		for _, f := range []string{"txt", "md"} {
			want(aectRun("", "--db", db, "show", "1", "--doc", doc, "--format", f), 0)
		}
	}
	out := filepath.Join(dir, "sortie \x1b[2J\u2066")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	want(aectRun("", "--db", db, "export", "1", "--format", "all", "--out", out), 0, "Documents écrits (26)", "sortie ␛[2J<U+2066>")
	want(aectRun("", "--db", db, "export", "3", "--format", "txt", "--out", out), 0, "Documents écrits")

	// The questionnaire, the demo, the help.
	want(aectRun("", "questionnaire"), 0)
	want(aectRun("", "questionnaire", "--format", "odt", "--out", filepath.Join(out, "q\x1b]0;x\x07.odt")), 0, "Questionnaire écrit")
	want(aectRun("", "--db", db, "demo"), 0)
	want(aectRun("", "help"), 0)

	// Errors that quote what was typed: an unknown command, a bad draft number, an
	// unknown document, an unknown option value, a database that cannot be opened.
	want(aectRun("", "\x1b]0;commande\x07"), 2, "commande inconnue « ␛]0;commande␇ »")
	want(aectRun("", "--db", db, "show", "\u202e1"), 2, "« <U+202E>1 » n'est pas un numéro")
	want(aectRun("", "--db", db, "show", "1", "--doc", "\x1b[2J"), 2, "document « ␛[2J » inconnu")
	want(aectRun("", "--db", db, "export", "1", "--format", "\x9b2J"), 2, "format « \ufffd2J » inconnu")
	want(aectRun("", "--db", db, "list", "--json=\x1b[2J"), 2)
	want(aectRun("", "--log-level", "\x1b[2J", "list"), 2, "␛[2J")
	notDir := filepath.Join(dir, "fichier\x1b]0;x\x07")
	if err := os.WriteFile(notDir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	want(aectRun("", "--db", filepath.Join(notDir, "base.db"), "list"), 1, "fichier␛]0;x␇")
	want(aectRun("", "--db", db, "import", filepath.Join(dir, "absent\x1b[2J.json")), 1, "absent␛[2J.json")

	// The accessible mode echoes the titles, the answers, the findings and the errors; its
	// database holds the hostile draft only.
	alone := filepath.Join(dir, "seul.db")
	want(aectRun("", "--db", alone, "import", file), 0, "brouillon n° 1")
	var in []string
	in = append(in, "1", "oui") // the hostile draft, then review every answer
	wrongOnce := map[wizard.Kind]bool{}
	ask := func(q wizard.Question) {
		if !q.AppliesTo(p) {
			return
		}
		if (q.Kind == wizard.KindChoice || q.Kind == wizard.KindInt) && !wrongOnce[q.Kind] {
			wrongOnce[q.Kind] = true
			in = append(in, "\x1b]0;x\x07 \u202e") // refused, with a message quoting it
		}
		in = append(in, "") // keeps the answer
	}
	for s := wizard.SecAuthority; s <= wizard.SecSession; s++ {
		for _, q := range wizard.SectionQuestions(s) {
			ask(q)
		}
		switch s {
		case wizard.SecActions:
			in = append(in, "oui")
			for i := range p.Actions {
				for _, q := range wizard.ActionQuestions(i) {
					ask(q)
				}
			}
			in = append(in, "non")
		case wizard.SecFunding:
			in = append(in, "oui")
			for i := range p.Funding {
				for _, q := range wizard.FundingQuestions(i) {
					ask(q)
				}
			}
			in = append(in, "non")
		}
	}
	accessibleOut := filepath.Join(dir, "sortie accessible \x1b[2J\u2066")
	if err := os.Mkdir(accessibleOut, 0o700); err != nil {
		t.Fatal(err)
	}
	in = append(in, "oui", "\x1b[2J", "txt", accessibleOut)
	r = aectRun(strings.Join(in, "\n")+"\n", "--db", alone, "--accessible")
	want(r, 0, "Reprise du brouillon n° 1", "Réponse actuelle : Début presse-papiers fenêtre effacé",
		"réponse « ␛]0;x␇ <U+202E> » non comprise", "format « ␛[2J » inconnu", "Documents écrits (6)", "sortie accessible ␛[2J<U+2066>")
}
