//go:build !unix

package storage

import (
	"errors"
	"io/fs"
	"os"
)

// canWrite reports why this user cannot write the file at path, or nil (also when the
// file does not exist: SQLite creates it). Windows locks are per handle: opening and
// closing the file releases no lock another connection holds.
func canWrite(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// canCreateIn reports why this user cannot create files in the folder dir, or nil. The
// read-only attribute of a Windows folder does not prevent creating files in it; access
// control lists are left to SQLite's own error.
func canCreateIn(dir string) error { return nil }

// ownedByOther reports whether the file at path belongs to another user; not told apart
// from a write-protected file here.
func ownedByOther(path string) bool { return false }
