//go:build unix

package storage

import (
	"os"
	"syscall"
)

// The access(2) modes.
const (
	accessWrite   = 0x2
	accessExecute = 0x1
)

// canWrite reports why this user cannot write the file at path, or nil (also when the
// file does not exist: SQLite creates it).
func canWrite(path string) error {
	err := syscall.Access(path, accessWrite)
	if err == syscall.ENOENT {
		return nil
	}
	if err != nil {
		return &os.PathError{Op: "access", Path: path, Err: err}
	}
	return nil
}

// canCreateIn reports why this user cannot create files in the folder dir, or nil.
func canCreateIn(dir string) error {
	if err := syscall.Access(dir, accessWrite|accessExecute); err != nil {
		return &os.PathError{Op: "access", Path: dir, Err: err}
	}
	return nil
}

// ownedByOther reports whether the file at path belongs to another user.
func ownedByOther(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) != os.Geteuid()
}
