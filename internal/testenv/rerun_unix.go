//go:build unix

package testenv

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// Nobody is the user and group id a test runs as when rerun: nobody's on Linux.
const Nobody = 65534

// Rerun runs the current top-level test again, as the user nobody, in a copy of the test
// binary, when this process runs as root; it reports whether it did. The caller then
// returns: the rerun's result is the test's (its output is logged, a failure fails the
// test, a skip skips it). When not root, or already in the rerun, it returns false and the
// test runs as is. env is added to the rerun's environment; its TMPDIR and HOME are a
// fresh folder that nobody may write, and so is its working folder (Dir).
func Rerun(t *testing.T, env ...string) bool {
	t.Helper()
	if os.Geteuid() != 0 || Active() {
		return false
	}
	dir := Dir(t)
	bin := filepath.Join(dir, "test.bin")
	if err := copyExecutable(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	if err := os.Mkdir(home, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(home, Nobody, Nobody); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1", "-test.v")
	cmd.Dir = home
	cmd.Env = append(os.Environ(), Env+"=1", "TMPDIR="+home, "HOME="+home, "XDG_STATE_HOME="+filepath.Join(home, "state"))
	cmd.Env = append(cmd.Env, env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: Nobody, Gid: Nobody}}
	out, err := cmd.CombinedOutput()
	t.Logf("run again as the user nobody (uid %d):\n%s", Nobody, out)
	switch {
	case err != nil:
		t.Errorf("as the user nobody: %v", err)
	case strings.Contains(string(out), "--- SKIP: "+t.Name()):
		t.Skip("skipped as the user nobody")
	case !strings.Contains(string(out), "--- PASS: "+t.Name()):
		t.Errorf("as the user nobody: the test did not run")
	}
	return true
}

func copyExecutable(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
