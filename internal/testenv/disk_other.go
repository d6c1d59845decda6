//go:build !linux

package testenv

import "testing"

// SmallDisk skips the test: a small file system to fill is mounted on Linux only.
func SmallDisk(t *testing.T, size string) string {
	t.Skip("no small file system to fill on this system")
	return ""
}
