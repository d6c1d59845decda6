package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// runHere runs a command in this process, with a private log folder, and returns its exit
// code and its output (stdout then stderr).
func runHere(t *testing.T, stdin string, args ...string) (int, string) {
	t.Helper()
	state := t.TempDir()
	getenv := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return state
		}
		return ""
	}
	var out, errb bytes.Buffer
	code := run(args, stdio{strings.NewReader(stdin), &out, &errb}, getenv)
	return code, out.String() + errb.String()
}

func TestProgramName(t *testing.T) {
	for arg0, want := range map[string]string{
		"/tmp/go-build3021/b001/exe/aect": "go run ./cmd/aect",
		"/root/.cache/go-build/71/71e475feef047dd7e47faece22d4347f9a230a79c01f4b6182b5d7db693f4e05-d/aect": "go run ./cmd/aect",
		"aect":                                  "aect",
		"./aect":                                "./aect",
		"bin/aect":                              "bin/aect",
		"/usr/local/bin/aect":                   "aect",
		"/tmp/go-build3021/b001/aect.test":      "aect",
		"/home/formation/aect/exe/aect-1.2.3":   "aect",
		"/tmp/go-build3021/b001/exe/aect.exe":   "go run ./cmd/aect",
		"/home/formation/go-build/exe/aect-old": "aect",
	} {
		if got := programName(arg0); got != want {
			t.Errorf("programName(%q) = %q, want %q", arg0, got, want)
		}
	}
}

// TestHintsKeepTheDatabase: a trainer's workshop runs on « --db atelier.db »; every
// command a message suggests keeps it, so that copying it works on the same database.
func TestHintsKeepTheDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "atelier.db")
	with := "aect --db " + db
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"list"}, 0, "Lancez « " + with + " » pour en créer un, ou « " + with + " demo »"},
		{[]string{"show"}, 2, "numéro de brouillon manquant (voir " + with + " list)"},
		{[]string{"export", "trois"}, 2, "n'est pas un numéro de brouillon (voir " + with + " list)"},
		{[]string{"import"}, 2, "fichier à importer manquant : " + with + " import projet.json"},
		{[]string{"new"}, 2, with + " new --answers reponses.json"},
		{[]string{"demo"}, 0, "Lancez « " + with + " » pour les ouvrir, ou « " + with + " list »."},
		{[]string{"demo"}, 0, "déjà chargés (" + with + " list pour les voir)"},
		{[]string{"show", "3", "--doc", "convention"}, 1, "(" + with + " show N° --doc deliberation)"},
		{[]string{"show", "1", "--format", "odt"}, 2, "utilisez " + with + " export"},
		{[]string{"history", "1"}, 0, "Pour rétablir une version : " + with + " history 1 --restore VERSION"},
		{[]string{"history", "1", "--restore", "99"}, 1, "(" + with + " history 1 pour les voir)"},
		{nil, 2, "Utilisez une commande :\n    " + with + " list\n    " + with + " show N°"},
		{[]string{"--accessible"}, 0, "« " + with + " --accessible » pour reprendre"},
	} {
		stdin := ""
		if len(c.args) == 1 && c.args[0] == "--accessible" {
			stdin = "n\nfin\n"
		}
		code, out := runHere(t, stdin, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(out, c.want) {
			t.Errorf("aect --db … %v: exit %d (want %d)\n%s\nwant %q", c.args, code, c.code, out, c.want)
		}
	}
	// A path that needs quoting is quoted, and without --db the hints say « aect ».
	spaced := filepath.Join(t.TempDir(), "mon atelier.db")
	if _, out := runHere(t, "", "--db", spaced, "list"); !strings.Contains(out, "« aect --db '"+spaced+"' demo »") {
		t.Errorf("quoted path:\n%s", out)
	}
}
