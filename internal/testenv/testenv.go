// Package testenv gives tests the conditions they need and a developer's machine rarely
// has: an unprivileged user when the tests run as root, as they do in CI (root bypasses
// file permissions, so a write-protected file or folder only stops someone else), and a
// full disk. It is used by tests only.
package testenv

import (
	"os"
	"testing"
)

// Env is set in the environment of a test run again as another user.
const Env = "AECT_TEST_OTHER_USER"

// Active reports whether this process is such a run.
func Active() bool { return os.Getenv(Env) != "" }

// Dir returns a new folder that every user may enter and write (mode 1777), removed at the
// end of the test.
func Dir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "aect-autre-utilisateur-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	return dir
}
