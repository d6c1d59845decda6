package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"aect/storage"
)

// Codes of the test servers.
const (
	testCode        = "pomme-soleil-42"
	testTrainerCode = "tilleul-ruban-cabane-38"
)

// testServer is a workshop server on 127.0.0.1, on a random port, over a new database.
type testServer struct {
	t     *testing.T
	srv   *Server
	addr  string
	store *storage.Store
}

// startServer starts a server; set changes its configuration. The server stops and the
// store closes at the end of the test.
func startServer(t *testing.T, set func(*Config)) *testServer {
	t.Helper()
	dir := t.TempDir()
	st, err := storage.Open(filepath.Join(dir, "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Store: st, HostKeyPath: filepath.Join(dir, "host_ed25519"), Code: testCode, TrainerCode: testTrainerCode}
	if set != nil {
		set(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	ts := &testServer{t: t, srv: srv, addr: ln.Addr().String(), store: st}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		st.Close()
	})
	return ts
}

// dial signs in with a password, checking the host key's fingerprint.
func (ts *testServer) dial(user, password string) (*gossh.Client, error) {
	return ts.dialWith(user, gossh.Password(password))
}

func (ts *testServer) dialWith(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	fp := ts.srv.Fingerprint()
	return gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User: user,
		Auth: auth,
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			if got := gossh.FingerprintSHA256(key); got != fp {
				return fmt.Errorf("host key %s, want %s", got, fp)
			}
			return nil
		},
		Timeout: 5 * time.Second,
	})
}

// mustDial signs in or fails the test; the connection closes at the end of the test.
func (ts *testServer) mustDial(user, password string) *gossh.Client {
	ts.t.Helper()
	c, err := ts.dial(user, password)
	if err != nil {
		ts.t.Fatalf("%s: %v", user, err)
	}
	ts.t.Cleanup(func() { c.Close() })
	return c
}

// waitUntil polls cond until it holds (10 s at most).
func (ts *testServer) waitUntil(what string, cond func() bool) {
	ts.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			ts.t.Fatalf("waiting for %s: timeout", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// terminal is an SSH session with a terminal, as ssh gives one: it reads everything the
// server draws and answers the terminal queries a real terminal answers.
type terminal struct {
	t    *testing.T
	sess *gossh.Session
	in   io.WriteCloser

	mu      sync.Mutex
	out     bytes.Buffer
	mark    int // where the text waited for is looked for
	changed chan struct{}
	done    chan struct{}
}

// openTerminal opens a session with a 100 × 30 terminal (env sent first) and starts
// cmd, or the shell (the assistant) when cmd is empty.
func openTerminal(t *testing.T, c *gossh.Client, env map[string]string, cmd string) *terminal {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := sess.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	tm := &terminal{t: t, sess: sess, in: in, changed: make(chan struct{}, 1), done: make(chan struct{})}
	// ssh shows both streams on the terminal; the refusals are on the error stream.
	var readers sync.WaitGroup
	for _, r := range []io.Reader{out, stderr} {
		readers.Add(1)
		go func() {
			defer readers.Done()
			tm.read(r)
		}()
	}
	go func() {
		readers.Wait()
		close(tm.done)
	}()
	if cmd == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(cmd)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	return tm
}

// read keeps what the server writes, and answers the device attributes query (ESC [ c)
// the way every terminal does, so that wish's renderer need not wait for a timeout.
func (tm *terminal) read(r io.Reader) {
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.out.Write(buf[:n])
			tm.mu.Unlock()
			if bytes.Contains(buf[:n], []byte("\x1b[c")) {
				tm.in.Write([]byte("\x1b[?62;22c"))
			}
			select {
			case tm.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// text returns what was written since the mark, without escape sequences.
func (tm *terminal) text() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(tm.out.String()[tm.mark:])
}

// raw returns everything written, escape sequences included.
func (tm *terminal) raw() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

// waitFor waits until the server has written s since the mark, then moves the mark
// after it.
func (tm *terminal) waitFor(s string) {
	tm.t.Helper()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	for {
		tm.mu.Lock()
		plain := ansi.Strip(tm.out.String()[tm.mark:])
		i := strings.Index(plain, s)
		if i >= 0 {
			tm.mark = tm.out.Len()
		}
		tm.mu.Unlock()
		if i >= 0 {
			return
		}
		select {
		case <-tm.changed:
		case <-tm.done:
			if !strings.Contains(tm.text(), s) {
				tm.t.Fatalf("session ended without « %s »; screen:\n%s", s, tm.text())
			}
		case <-deadline.C:
			tm.t.Fatalf("waiting for « %s »: timeout; screen:\n%s", s, tm.text())
		}
	}
}

// seen waits until the server has written s, at any time since the session began; the
// mark does not move.
func (tm *terminal) seen(s string) {
	tm.t.Helper()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	for {
		tm.mu.Lock()
		found := strings.Contains(ansi.Strip(tm.out.String()), s)
		tm.mu.Unlock()
		if found {
			return
		}
		select {
		case <-tm.changed:
		case <-tm.done:
			tm.t.Fatalf("session ended without « %s »", s)
		case <-deadline.C:
			tm.t.Fatalf("waiting for « %s »: timeout", s)
		}
	}
}

// send types keys: text, "\r" for entrée, "\x1b[B" for ↓…
func (tm *terminal) send(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(tm.in, k); err != nil {
			tm.t.Fatalf("typing %q: %v", k, err)
		}
	}
}

// exit waits for the end of the session and returns its exit status.
func (tm *terminal) exit() int {
	tm.t.Helper()
	err := tm.sess.Wait()
	var ee *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitStatus()
	}
	return -1
}
