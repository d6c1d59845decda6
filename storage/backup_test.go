package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"aect/internal/testenv"
)

// TestBackup: the copy holds every save, those still in the write-ahead log of a database
// another window keeps open included; it stands alone (no -wal beside it), opens as an
// aect database, and leaves no temporary file.
func TestBackup(t *testing.T) {
	t.Parallel()
	_, path := dbWithDrafts(t, 2)
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, _ := s.Create("Dans le journal", sample(t, typical))
	s.Delete(d.ID) // the bin is copied too
	dir := t.TempDir()
	dest := filepath.Join(dir, "cle.db")
	res, err := s.Backup(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != dest || res.Drafts != 3 {
		t.Errorf("Backup = %+v, want %s and 3 drafts", res, dest)
	}
	if got := names(t, dir); len(got) != 1 || got[0] != "cle.db" {
		t.Errorf("files beside the copy: %v", got)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(dest); fi.Mode().Perm() != 0o600 {
			t.Errorf("copy mode %v, want 0600", fi.Mode().Perm())
		}
	}
	c, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Check(); err != nil {
		t.Error(err)
	}
	if list, _ := c.List(""); len(list) != 2 {
		t.Errorf("copy lists %d drafts, want 2", len(list))
	}
	if bin, _ := c.ListDeleted(); len(bin) != 1 || bin[0].Title != "Dans le journal" {
		t.Errorf("copy's bin: %v", bin)
	}
}

func TestBackupRefusals(t *testing.T) {
	t.Parallel()
	dir, path := dbWithDrafts(t, 1)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	existing := filepath.Join(t.TempDir(), "existe.db")
	os.WriteFile(existing, []byte("à garder"), 0o600)
	for _, tc := range []struct {
		dest string
		kind BackupErrorKind
		want string
	}{
		{existing, BackupExists, "--remplacer"},
		{path, BackupSameFile, "la base elle-même"},
		{filepath.Join(dir, ".", "aect.db"), BackupSameFile, "la base elle-même"},
		{path + "-wal", BackupSameFile, "la base elle-même"},
		{dir, BackupNotAFile, "dossier"},
		{filepath.Join(dir, "absent", "copie.db"), BackupNoFolder, "n'existe pas"},
	} {
		_, err := s.Backup(tc.dest, false)
		var be *BackupError
		if !errors.As(err, &be) || be.Kind != tc.kind || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Backup(%s): %v", tc.dest, err)
		}
	}
	if data, _ := os.ReadFile(existing); string(data) != "à garder" {
		t.Error("an existing file was overwritten without --remplacer")
	}
	if _, err := s.Backup(existing, true); err != nil {
		t.Fatalf("replace: %v", err)
	}
	if data, _ := os.ReadFile(existing); !bytes.HasPrefix(data, []byte(sqliteMagic)) {
		t.Error("replace did not write the copy")
	}
}

// TestBackupOnAFullDisk: the disk fills up during the copy: the error says so, and nothing
// is left on the disk.
func TestBackupOnAFullDisk(t *testing.T) {
	t.Parallel()
	disk := testenv.SmallDisk(t, "16k")
	_, path := dbWithDrafts(t, 20)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Backup(filepath.Join(disk, "copie.db"), false)
	var be *BackupError
	if !errors.As(err, &be) || be.Kind != BackupWrite || !strings.Contains(err.Error(), "disque est plein") {
		t.Errorf("Backup on a full disk: %v", err)
	}
	if got := names(t, disk); len(got) != 0 {
		t.Errorf("left on the disk: %v", got)
	}
}
