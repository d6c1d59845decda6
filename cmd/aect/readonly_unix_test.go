//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestDatabaseThatIsNotAFile: --db naming a named pipe (it used to hang), a device, a
// link to nothing or a folder gets a French message at once.
func TestDatabaseThatIsNotAFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "tube.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "lien.db")
	os.Symlink(filepath.Join(dir, "cle", "aect.db"), link)
	expect(t, aect(t, "", "--db", fifo, "list"), 1, fifo, "tube nommé", "--db")
	expect(t, aect(t, "", "--db", "/dev/null", "list"), 1, "/dev/null", "périphérique")
	expect(t, aect(t, "", "--db", link, "list"), 1, link, "lien symbolique", filepath.Join(dir, "cle", "aect.db"), "n'existe pas")
	expect(t, aect(t, "", "--db", dir, "list"), 1, "est un dossier")
}
