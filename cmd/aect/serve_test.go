package main

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"aect/storage"
	"aect/wizard"
)

// freePort returns a TCP port free on 127.0.0.1 a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// waitOutput waits until out holds s (20 s at most).
func waitOutput(t *testing.T, out *lockedBuffer, s string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %q; output:\n%s", s, out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestServe runs aect serve as the trainer would, signs a participant in with the code
// it printed, answers in the accessible line mode over SSH, and stops the server with
// SIGTERM: exit code 0, every answer in the workshop database, written out by export
// --participant.
func TestServe(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM to send on Windows")
	}
	t.Parallel()
	home := t.TempDir()
	db := filepath.Join(home, "atelier.db")
	port := freePort(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := aectCommand(ctx, "--db", db, "serve", "--port", strconv.Itoa(port), "--adresse", "127.0.0.1", "--code", "pomme-soleil-42")
	cmd.Env = append(cmd.Env, "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_STATE_HOME="+filepath.Join(home, "state"))
	var out, errb lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	waitOutput(t, &out, "Code du formateur")
	for _, want := range []string{"ssh -p " + strconv.Itoa(port) + " prenom@127.0.0.1", "Code d'atelier (le mot de passe demandé) :  pomme-soleil-42",
		"SHA256:", "ssh -t -p " + strconv.Itoa(port) + " prenom@127.0.0.1 accessible"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("start-up without %q:\n%s", want, out.String())
		}
	}
	if st, err := os.Stat(filepath.Join(home, "data", "aect", hostKeyName)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("host key: %v, %v", st, err)
	}

	client, err := gossh.Dial("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), &gossh.ClientConfig{
		User: "Marie", Auth: []gossh.AuthMethod{gossh.Password("Pomme Soleil 42")},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, _ := sess.StdinPipe()
	var screen lockedBuffer
	sess.Stdout, sess.Stderr = &screen, &screen
	if err := sess.Start("accessible"); err != nil {
		t.Fatal(err)
	}
	waitOutput(t, &screen, "Nouveau brouillon n° 1.")
	waitOutput(t, &screen, "Votre collectivité")
	in.Write([]byte("\r")) // not in the directory
	waitOutput(t, &screen, "Titre du projet")
	in.Write([]byte("Jumelage de Marie\r"))
	waitOutput(t, &screen, "Type de collectivité")
	in.Write([]byte("9\x7f1\r")) // a typo erased
	waitOutput(t, &screen, "Nom de la collectivité")
	in.Write([]byte("fin\r"))
	waitOutput(t, &screen, "reconnectez-vous de la même façon pour reprendre")
	if err := sess.Wait(); err != nil {
		t.Errorf("line mode session: %v", err)
	}

	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v\n%s\n%s", err, out.String(), errb.String())
	}
	expect(t, result{0, out.String(), errb.String()}, 0, "Atelier arrêté", "export --tous --out DOSSIER")
	if errb.String() != "" {
		t.Errorf("the server wrote on its terminal's error stream: %q", errb.String())
	}

	outDir := t.TempDir()
	r := aect(t, "", "--db", db, "export", "--participant", "marie", "--format", "md", "--out", outDir)
	expect(t, r, 0, "marie : brouillon n° 1 « Jumelage de Marie »", "1 brouillon exporté")
	data, err := os.ReadFile(filepath.Join(outDir, "marie", "1-jumelage-de-marie", "deliberation.md"))
	if err != nil || !strings.Contains(string(data), "commune") {
		t.Errorf("the participant's deliberation: %v\n%s", err, data)
	}
	// The local user's list does not show the participant's draft.
	expect(t, aect(t, "", "--db", db, "list"), 0, "Aucun brouillon à vous", "participants de l'atelier (marie)", "export --tous")
	expect(t, aect(t, "", "--db", db, "export", "1", "--out", t.TempDir()), 1, "introuvable")
}

// TestExportWorkshop: --tous writes every participant's drafts in a folder each;
// --participant one of them; the mistakes get French messages.
func TestExportWorkshop(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range [][2]string{{"alice", "Jumelage d'Alice"}, {"alice", "Charte d'Alice"}, {"hélène", "Don d'Hélène"}} {
		if _, err := s.ForOwner(d[0]).Create(d[1], &wizard.Plan{Authority: wizard.Authority{Type: wizard.AuthCommune}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Create("Brouillon du formateur", nil); err != nil {
		t.Fatal(err)
	}
	s.Close()

	out := t.TempDir()
	expect(t, aect(t, "", "--db", db, "export", "--tous", "--format", "txt", "--out", out), 0,
		"alice : brouillon n°", "hélène : brouillon n°", "3 brouillons exportés")
	for _, dir := range []string{"alice/1-jumelage-d-alice", "alice/2-charte-d-alice", "hélène/3-don-d-helene"} {
		if _, err := os.Stat(filepath.Join(out, dir, "deliberation.txt")); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "4-brouillon-du-formateur")); err == nil {
		t.Error("the local user's draft was exported with the participants'")
	}
	out2 := t.TempDir()
	expect(t, aect(t, "", "--db", db, "export", "--participant", "Hélène", "--format", "txt", "--out", out2), 0, "1 brouillon exporté")
	expect(t, aect(t, "", "--db", db, "export", "--participant", "zoé", "--out", out2), 1, "aucun brouillon pour le participant « zoé » ; participants : alice, hélène")
	expect(t, aect(t, "", "--db", db, "export", "--participant", "alice", "--tous"), 2, "l'un ou l'autre")
	expect(t, aect(t, "", "--db", db, "export", "1", "--tous"), 2, "pas de numéro de brouillon")
	expect(t, aect(t, "", "--db", dbPath(t), "export", "--tous"), 1, "aucun participant n'a de brouillon")
}

// TestServeUsage: the flags' mistakes are usage errors, in French.
func TestServeUsage(t *testing.T) {
	t.Parallel()
	db := dbPath(t)
	expect(t, aect(t, "", "--db", db, "serve", "--port", "0"), 2, "port 0 impossible")
	expect(t, aect(t, "", "--db", db, "serve", "--code", "abc"), 2, "trop court")
	expect(t, aect(t, "", "--db", db, "serve", "extra"), 2, "serve n'attend pas d'argument")
	expect(t, aect(t, "", "--db", db, "serve", "--cles", filepath.Join(t.TempDir(), "absent")), 1, "fichier de clés")
	expect(t, aect(t, "", "help", "serve"), 0, "SetEnv=NO_COLOR=1", "--cles", "--demo")
}
