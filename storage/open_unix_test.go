//go:build unix

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOpenRefusesWhatIsNotAFile: a named pipe (opening it used to wait forever for a
// writer), a device, a socket path and a link to nothing get their own French message,
// quickly, and are left as they were.
func TestOpenRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "tube")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "lien.db")
	if err := os.Symlink(filepath.Join(dir, "cle-usb", "aect.db"), dangling); err != nil {
		t.Fatal(err)
	}
	toDir := filepath.Join(dir, "lien-dossier")
	if err := os.Symlink(dir, toDir); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		kind OpenErrorKind
		want string
	}{
		{fifo, KindNotRegular, "tube nommé"},
		{"/dev/null", KindNotRegular, "périphérique"},
		{dangling, KindDanglingLink, filepath.Join(dir, "cle-usb", "aect.db")},
		{toDir, KindDirectory, "dossier"},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				s, err := Open(tc.path)
				if err == nil {
					s.Close()
				}
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Open hangs")
			}
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Kind != tc.kind || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "--db") {
				t.Errorf("Open(%s): %v", tc.path, err)
			}
		})
	}
	if _, err := os.Lstat(filepath.Join(dir, "cle-usb")); err == nil {
		t.Error("the link's target was created")
	}
}
