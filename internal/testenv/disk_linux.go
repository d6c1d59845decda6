package testenv

import (
	"os"
	"syscall"
	"testing"
)

// SmallDisk returns a new folder on a file system of size bytes (a tmpfs, rounded up to
// whole pages), unmounted at the end of the test, for writing until the disk is full.
// The test is skipped where it cannot be mounted (not root).
func SmallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0777"); err != nil {
		t.Skipf("no small file system to fill (mount tmpfs: %v)", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}
