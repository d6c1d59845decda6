package serve

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"aect/storage"
	"aect/wizard"
	"aect/wizard/document"
)

// TestSignIn: the workshop code lets participants in, the trainer's code the trainer;
// nothing else. An address that keeps failing is shut out for a while.
func TestSignIn(t *testing.T) {
	ts := startServer(t, nil)
	for _, tc := range []struct {
		user, password string
		ok             bool
	}{
		{"alice", testCode, true},
		{"alice", "Pomme Soleil 42", true}, // as read aloud
		{"alice", "pomme-soleil-43", false},
		{"alice", "", false},
		{"alice", testTrainerCode, false},
		{TrainerUser, testTrainerCode, true},
		{TrainerUser, testCode, false},
	} {
		c, err := ts.dial(tc.user, tc.password)
		if (err == nil) != tc.ok {
			t.Errorf("%s / %q: signed in %v (%v), want %v", tc.user, tc.password, err == nil, err, tc.ok)
		}
		if c != nil {
			c.Close()
		}
	}
	for range maxFailures {
		if c, err := ts.dial("mallory", "devine"); err == nil {
			c.Close()
		}
	}
	if c, err := ts.dial("alice", testCode); err == nil {
		c.Close()
		t.Error("an address that failed too often still signs in")
	}
}

// TestNoTerminalIsRefused: a session without a terminal (ssh host command, or
// accessible without -t) gets a French message and exit status 1.
func TestNoTerminalIsRefused(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial("alice", testCode)
	for _, cmd := range []string{"", "accessible", "ls -la"} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		var out []byte
		if cmd == "" {
			var buf strings.Builder
			sess.Stdout, sess.Stderr = &buf, &buf
			if err = sess.Shell(); err == nil {
				err = sess.Wait()
			}
			out = []byte(buf.String())
		} else {
			out, err = sess.CombinedOutput(cmd)
		}
		ee, ok := err.(*gossh.ExitError)
		if !ok || ee.ExitStatus() != 1 || !strings.Contains(string(out), "aect a besoin d'un terminal") {
			t.Errorf("%q without a terminal: %v, %q", cmd, err, out)
		}
	}
}

// TestParticipantsSeeOnlyTheirDrafts: a participant's list, commands and line mode never
// show another's drafts; the trainer sees everyone, live.
func TestParticipantsSeeOnlyTheirDrafts(t *testing.T) {
	ts := startServer(t, nil)
	bob, err := ts.store.ForOwner("bob").Create("Projet secret de Bob", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.store.ForOwner("alice").Create("Projet d'Alice", nil); err != nil {
		t.Fatal(err)
	}

	a := openTerminal(t, ts.mustDial("Alice", testCode), nil, "")
	a.waitFor("Projet d'Alice")
	b := openTerminal(t, ts.mustDial("bob", testCode), nil, "")
	b.waitFor("Projet secret de Bob")
	if strings.Contains(a.text(), "secret") {
		t.Errorf("alice sees bob's draft:\n%s", a.text())
	}
	// No command reaches a draft by its number.
	out, err := func() ([]byte, error) {
		sess, err := ts.mustDial("alice", testCode).NewSession()
		if err != nil {
			return nil, err
		}
		if err := sess.RequestPty("xterm", 30, 100, gossh.TerminalModes{}); err != nil {
			return nil, err
		}
		return sess.CombinedOutput("export-json " + strconv.FormatInt(bob.ID, 10))
	}()
	if ee, ok := err.(*gossh.ExitError); !ok || ee.ExitStatus() != 1 || !strings.Contains(string(out), "Commande « export-json") ||
		strings.Contains(string(out), "secret") {
		t.Errorf("a command by alice: %v, %q", err, out)
	}

	tr := openTerminal(t, ts.mustDial(TrainerUser, testTrainerCode), nil, "")
	tr.waitFor("2 participants, 2 connectés")
	tr.seen("Projet secret de Bob")
	tr.seen("Projet d'Alice")
	// Alice opens her draft and answers: the dashboard follows.
	a.send("\r")
	a.waitFor("q. 1/10")
	a.send("\r") // « Votre collectivité »: not in the directory
	a.waitFor("q. 2/10")
	a.send("\r") // the title, given at creation
	a.waitFor("q. 3/10")
	a.send("\x1b[B\x1b[B\r") // communauté d'agglomération
	a.waitFor("q. 4/10")
	var percent int
	ts.waitUntil("alice's answer saved", func() bool {
		l, _ := ts.store.ForOwner("alice").List("")
		percent = l[0].Percent
		return percent > 0
	})
	tr.waitFor(fmt.Sprintf("Projet d'Alice                  1/10 Collectivité  %d %%", percent))
	// A participant who signs in again under another case is the same one.
	if ts.srv.Connected()[0] != "alice" {
		t.Errorf("connected: %v", ts.srv.Connected())
	}
}

// TestDisconnectKeepsAnswers: a client that leaves in the middle of a section loses no
// answer it gave, nor the one it was typing.
func TestDisconnectKeepsAnswers(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial("alice", testCode)
	a := openTerminal(t, c, nil, "")
	a.waitFor("Bienvenue")
	a.send("n")
	a.waitFor("Nouveau projet")
	a.send("Jumelage de Saint-Cyprien", "\r")
	a.waitFor("q. 1/10")
	a.send("\r") // « Votre collectivité »: typed by hand
	a.waitFor("q. 2/10")
	a.send("\r") // the title, given at creation
	a.waitFor("q. 3/10")
	a.send("\r") // commune
	a.waitFor("q. 4/10")
	a.send("Saint-Cyprien\r")
	a.waitFor("q. 5/10")
	a.send("\r") // no SIREN
	a.waitFor("q. 6/10")
	a.send("dordogne")
	a.waitFor("24 – Dordogne")
	a.send("\r")
	a.waitFor("q. 7/10")
	a.send("1200\r")
	a.waitFor("q. 8/10")
	a.send("Marie Dupont")
	a.waitFor("Marie Dupont")
	c.Close() // the laptop's lid closes

	ts.waitUntil("the session to end", func() bool { return len(ts.srv.Connected()) == 0 })
	list, err := ts.store.ForOwner("alice").List("")
	if err != nil || len(list) != 1 {
		t.Fatalf("alice's drafts: %v, %v", list, err)
	}
	d, err := ts.store.ForOwner("alice").Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	got := d.Plan.Authority
	want := wizard.Authority{Type: wizard.AuthCommune, Name: "Saint-Cyprien", Departement: "24", Population: 1200, ExecutiveName: "Marie Dupont"}
	if got.Type != want.Type || got.Name != want.Name || got.Departement != want.Departement || got.Population != want.Population ||
		got.ExecutiveName != want.ExecutiveName {
		t.Errorf("saved %+v, want %+v", got, want)
	}
}

// TestShutdownSavesAndSaysGoodbye: stopping the server saves the answer being typed in
// every session, says goodbye in French, and ends the sessions.
func TestShutdownSavesAndSaysGoodbye(t *testing.T) {
	var lines []string
	ts := startServer(t, func(c *Config) {
		// A stand-in for the line mode (cmd/aect's): it keeps each line as it comes.
		c.Accessible = func(in io.Reader, out io.Writer, st *storage.Store) error {
			fmt.Fprintf(out, "Mode ligne à ligne de %s.\n", st.Owner())
			sc := bufio.NewScanner(in)
			for sc.Scan() {
				lines = append(lines, sc.Text())
				fmt.Fprintln(out, "Enregistré.")
			}
			return nil
		}
	})
	if _, err := ts.store.ForOwner("alice").Create("Projet d'Alice", nil); err != nil {
		t.Fatal(err)
	}
	a := openTerminal(t, ts.mustDial("alice", testCode), nil, "")
	a.waitFor("Projet d'Alice")
	a.send("\r")
	a.waitFor("q. 1/10")
	a.send("\r") // « Votre collectivité »: typed by hand
	a.waitFor("q. 2/10")
	a.send("\r") // the title
	a.waitFor("q. 3/10")
	a.send("\r") // a commune
	a.waitFor("q. 4/10")
	a.send("Belmont")
	a.waitFor("Belmont")
	tr := openTerminal(t, ts.mustDial(TrainerUser, testTrainerCode), nil, "")
	tr.waitFor("Tableau de bord")
	b := openTerminal(t, ts.mustDial("bob", testCode), nil, "accessible")
	b.waitFor("Mode ligne à ligne de bob.")
	b.send("Belmont\r")
	b.waitFor("Enregistré.")

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := ts.srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	for _, tm := range []*terminal{a, tr, b} {
		tm.waitFor("Fin de l'atelier : le formateur a arrêté le serveur. Vos réponses sont enregistrées.")
		if code := tm.exit(); code != 0 {
			t.Errorf("exit status %d", code)
		}
	}
	list, _ := ts.store.ForOwner("alice").List("")
	d, err := ts.store.ForOwner("alice").Get(list[0].ID)
	if err != nil || d.Plan.Authority.Name != "Belmont" || d.Plan.Authority.Type != wizard.AuthCommune {
		t.Errorf("after shutdown: %+v, %v", d.Plan.Authority, err)
	}
	if len(lines) != 1 || lines[0] != "Belmont" {
		t.Errorf("the line mode read %q", lines)
	}
	if _, err := ts.dial("bob", testCode); err == nil {
		t.Error("a stopped server still takes connections")
	}
}

// sgrColour finds the colour parameters of the SGR sequences (30–38, 90–97, 40–48,
// 100–107).
var sgr = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

func colours(s string) (colour, reverse bool) {
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.Split(m[1], ";") {
			switch {
			case p == "7":
				reverse = true
			case len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] != '9', len(p) == 3 && p[:2] == "10":
				colour = true
			}
		}
	}
	return colour, reverse
}

// TestColoursPerSession: each session gets its terminal's colours; NO_COLOR and
// AECT_CONTRASTE sent by one participant change that participant's screen only.
func TestColoursPerSession(t *testing.T) {
	ts := startServer(t, nil)
	for _, o := range []string{"alice", "bob", "chloe"} {
		if _, err := ts.store.ForOwner(o).Create("Projet "+o, nil); err != nil {
			t.Fatal(err)
		}
	}
	plain := openTerminal(t, ts.mustDial("alice", testCode), map[string]string{"NO_COLOR": "1"}, "")
	colour := openTerminal(t, ts.mustDial("bob", testCode), nil, "")
	contrast := openTerminal(t, ts.mustDial("chloe", testCode), map[string]string{"AECT_CONTRASTE": "1"}, "")
	for _, tm := range []*terminal{plain, colour, contrast} {
		tm.waitFor("Projet")
	}
	if c, r := colours(plain.raw()); c || !r {
		t.Errorf("NO_COLOR session: colour %v, reverse video %v", c, r)
	}
	if c, _ := colours(colour.raw()); !c {
		t.Error("a colour terminal without NO_COLOR got no colour")
	}
	// The high-contrast theme sets no colour (readable on light and dark terminals): the
	// cursor line is in bold reverse video.
	if c, _ := colours(contrast.raw()); c || !strings.Contains(contrast.raw(), "\x1b[1;7m") {
		t.Errorf("AECT_CONTRASTE session: colour %v, or no bold reverse-video cursor: %q", c, contrast.raw())
	}
}

// TestWindowResize: the screen follows the size of the participant's window.
func TestWindowResize(t *testing.T) {
	ts := startServer(t, nil)
	a := openTerminal(t, ts.mustDial("alice", testCode), nil, "")
	a.waitFor("Bienvenue")
	if err := a.sess.WindowChange(20, 60); err != nil {
		t.Fatal(err)
	}
	a.waitFor("Fenêtre trop petite")
	if err := a.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	a.waitFor("Bienvenue")
}

// TestSessionLimits: beyond the maximum number of sessions, a French refusal.
func TestSessionLimits(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxSessions = 1 })
	a := openTerminal(t, ts.mustDial("alice", testCode), nil, "")
	a.waitFor("Bienvenue")
	b := openTerminal(t, ts.mustDial("bob", testCode), nil, "")
	b.waitFor("L'atelier est complet (1 sessions ouvertes)")
	if code := b.exit(); code != 1 {
		t.Errorf("exit status %d", code)
	}
}

// TestRefusedNames: the trainer's name and names unfit for a folder are refused, in
// French, after the sign-in.
func TestRefusedNames(t *testing.T) {
	ts := startServer(t, nil)
	for _, user := range []string{"../etc", "con", "a b"} {
		tm := openTerminal(t, ts.mustDial(user, testCode), nil, "")
		tm.waitFor("Connexion refusée")
		if code := tm.exit(); code != 1 {
			t.Errorf("%q: exit status %d", user, code)
		}
	}
}

// TestKeys: with --cles, participants sign in with a listed key only, the trainer with
// the trainer's code.
func TestKeys(t *testing.T) {
	signer := func() gossh.Signer {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		s, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	listed, other := signer(), signer()
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, append([]byte("# la salle\n"), gossh.MarshalAuthorizedKey(listed.PublicKey())...), 0o600); err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, func(c *Config) { c.AuthorizedKeys = path })
	c, err := ts.dialWith("alice", gossh.PublicKeys(listed))
	if err != nil {
		t.Fatalf("listed key: %v", err)
	}
	defer c.Close()
	openTerminal(t, c, nil, "").waitFor("Bienvenue")
	for name, auth := range map[string]gossh.AuthMethod{
		"another key":       gossh.PublicKeys(other),
		"the workshop code": gossh.Password(testCode),
	} {
		if c, err := ts.dialWith("bob", auth); err == nil {
			c.Close()
			t.Errorf("%s signed a participant in", name)
		}
	}
	if c, err := ts.dialWith(TrainerUser, gossh.PublicKeys(listed)); err == nil {
		c.Close()
		t.Error("a key signed the trainer in")
	}
	c2 := ts.mustDial(TrainerUser, testTrainerCode)
	openTerminal(t, c2, nil, "").waitFor("Tableau de bord")
}

// TestDemoOncePerParticipant: --demo gives each new participant the samples, once.
func TestDemoOncePerParticipant(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Demo = true })
	count := func(owner string) int {
		l, err := ts.store.ForOwner(owner).List("")
		if err != nil {
			t.Fatal(err)
		}
		return len(l)
	}
	a := openTerminal(t, ts.mustDial("alice", testCode), nil, "")
	a.waitFor("Jumelage")
	n := count("alice")
	if n == 0 {
		t.Fatal("no sample")
	}
	list, _ := ts.store.ForOwner("alice").List("")
	if err := ts.store.ForOwner("alice").Delete(list[0].ID); err != nil {
		t.Fatal(err)
	}
	openTerminal(t, ts.mustDial("alice", testCode), nil, "").waitFor("Jumelage")
	if got := count("alice"); got != n-1 {
		t.Errorf("alice has %d drafts after signing in again, want %d", got, n-1)
	}
	openTerminal(t, ts.mustDial("bob", testCode), nil, "").waitFor("Jumelage")
	if got := count("bob"); got != n {
		t.Errorf("bob has %d samples, want %d", got, n)
	}
	if got := count(""); got != 0 {
		t.Errorf("the local user got %d drafts", got)
	}
}

// TestNoForwardingNorSubsystem: the server forwards no port and runs no subsystem (sftp).
func TestNoForwardingNorSubsystem(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial("alice", testCode)
	if conn, err := c.Dial("tcp", ts.addr); err == nil {
		conn.Close()
		t.Error("a local port forwarding was accepted")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("a remote port forwarding was accepted")
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
}

// TestParticipantsFollowTheWorkshopModels: the participants' Documents screens follow
// the adapted models of the workshop's database, as the trainer's final export does.
func TestParticipantsFollowTheWorkshopModels(t *testing.T) {
	src, _ := document.BuiltinModel("deliberation.txt")
	src = bytes.Replace(src, []byte("en séance publique"), []byte("en séance ordinaire, salle du conseil,"), 1)
	m, err := document.LoadModels(fstest.MapFS{"deliberation.txt": {Data: src}}, "modeles-atelier")
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, func(c *Config) { c.Demo, c.Models = true, m })
	a := openTerminal(t, ts.mustDial("alice", testCode), nil, "")
	a.waitFor("Jumelage")
	a.send("\r") // the first sample
	a.waitFor("Collectivité")
	a.send("\x14", "0") // ctrl+t, the contents, section 10: the documents
	a.waitFor("Modèle adapté du dossier « modeles-atelier »")
}
