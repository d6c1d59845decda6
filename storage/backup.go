package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	sqlite3 "modernc.org/sqlite/lib"
)

// BackupErrorKind says why Backup wrote no copy.
type BackupErrorKind int

// The reasons Backup fails. In every case the destination is left as it was.
const (
	// BackupExists: the destination exists and replacing it was not asked for.
	BackupExists BackupErrorKind = iota + 1
	// BackupSameFile: the destination is the database itself (or its -wal, -shm file).
	BackupSameFile
	// BackupNotAFile: the destination is a folder, a device or another special file.
	BackupNotAFile
	// BackupNoFolder: the destination's folder does not exist.
	BackupNoFolder
	// BackupWrite: the copy could not be written (disk full, no right to write…).
	BackupWrite
	// BackupCheck: the copy was written but is not a whole copy of the database.
	BackupCheck
)

// BackupError is returned by Backup, with a French message that names the destination and
// says what to do.
type BackupError struct {
	// Path is the destination.
	Path string
	// Kind is the reason.
	Kind BackupErrorKind
	// Err is the cause, when there is one.
	Err error
}

// Unwrap returns the cause.
func (e *BackupError) Unwrap() error { return e.Err }

// Error returns the French message.
func (e *BackupError) Error() string {
	switch e.Kind {
	case BackupExists:
		return fmt.Sprintf("le fichier %s existe déjà et n'a pas été modifié : choisissez un autre nom, ou ajoutez --remplacer pour l'écraser", e.Path)
	case BackupSameFile:
		return fmt.Sprintf("%s est la base elle-même : indiquez un autre fichier pour la copie (sur la clé USB, par exemple)", e.Path)
	case BackupNotAFile:
		return fmt.Sprintf("%s est un dossier ou un fichier spécial : indiquez le nom du fichier à écrire, par exemple %s", e.Path, filepath.Join(e.Path, "aect-sauvegarde.db"))
	case BackupNoFolder:
		return fmt.Sprintf("le dossier %s n'existe pas : créez-le, ou vérifiez que la clé USB est bien branchée", filepath.Dir(e.Path))
	case BackupCheck:
		return fmt.Sprintf("la copie vers %s n'a pas pu être vérifiée (%s) ; elle a été supprimée. Vérifiez le support puis réessayez", e.Path, checkDetail(e.Err))
	}
	return fmt.Sprintf("impossible d'écrire la copie %s : %s ; rien n'a été écrit à cet emplacement", e.Path, writeReason(e.Err))
}

// checkDetail says in French what the check of a copy found.
func checkDetail(err error) string {
	var ce *copyCheckError
	if errors.As(err, &ce) {
		return ce.detail
	}
	return "lecture de la copie impossible"
}

// copyCheckError is a failed check of a copy, in French.
type copyCheckError struct{ detail string }

func (e *copyCheckError) Error() string { return e.detail }

// writeReason names the usual causes of a failed write in French.
func writeReason(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC), sqliteCode(err) == sqlite3.SQLITE_FULL:
		return "le disque est plein"
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS), sqliteCode(err) == sqlite3.SQLITE_CANTOPEN,
		sqliteCode(err) == sqlite3.SQLITE_READONLY, sqliteCode(err) == sqlite3.SQLITE_PERM:
		return "écriture refusée dans ce dossier (droits, ou clé USB verrouillée)"
	}
	return "erreur d'écriture (support retiré ?)"
}

// BackupResult says what Backup wrote.
type BackupResult struct {
	// Path is the absolute path of the copy.
	Path string
	// Drafts is how many drafts the copy holds, the bin included.
	Drafts int
}

// Backup writes a consistent copy of the database to the file dest, for a USB stick or an
// archive: one snapshot (VACUUM INTO) with every save, those still in the write-ahead log
// included, even while another window saves. The copy is self-contained (no -wal file to
// carry along). It is written under a hidden name beside dest, synced, checked (it opens
// as an aect database of the same schema, PRAGMA integrity_check finds nothing, it holds
// as many drafts as the database) and only then renamed to dest, so that dest is never
// half-written. An existing dest is refused unless replace is set; dest may not be the
// database itself. Errors are *BackupError. A read-only database can be copied too.
func (s *Store) Backup(dest string, replace bool) (BackupResult, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return BackupResult{}, &BackupError{Path: dest, Kind: BackupWrite, Err: err}
	}
	fail := func(kind BackupErrorKind, err error) (BackupResult, error) {
		return BackupResult{}, &BackupError{Path: abs, Kind: kind, Err: err}
	}
	for _, p := range []string{s.path, s.path + "-wal", s.path + "-shm"} {
		if a, err := os.Stat(abs); err == nil {
			if b, err := os.Stat(p); err == nil && os.SameFile(a, b) {
				return fail(BackupSameFile, nil)
			}
		}
		if abs == p {
			return fail(BackupSameFile, nil)
		}
	}
	if fi, err := os.Stat(abs); err == nil {
		switch {
		case !fi.Mode().IsRegular():
			return fail(BackupNotAFile, nil)
		case !replace:
			return fail(BackupExists, nil)
		}
	}
	dir := filepath.Dir(abs)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fail(BackupNoFolder, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(abs)+".copie-*") // mode 0600
	if err != nil {
		return fail(BackupWrite, err)
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name)
	defer os.Remove(name + "-journal")

	before, err := s.countDrafts()
	if err != nil {
		return BackupResult{}, s.wrap("copier la base", err)
	}
	// VACUUM INTO writes into a file that does not exist or is empty.
	if _, err := s.db.Exec("VACUUM INTO ?", name); err != nil {
		if c := sqliteCode(err); c == sqlite3.SQLITE_FULL || c == sqlite3.SQLITE_CANTOPEN || c == sqlite3.SQLITE_IOERR ||
			c == sqlite3.SQLITE_READONLY || c == sqlite3.SQLITE_PERM {
			return fail(BackupWrite, err)
		}
		return BackupResult{}, s.wrap("copier la base", err)
	}
	after, err := s.countDrafts()
	if err != nil {
		return BackupResult{}, s.wrap("copier la base", err)
	}
	// SQLite does not sync the file VACUUM INTO writes.
	if err := syncFile(name); err != nil {
		return fail(BackupWrite, err)
	}
	n, err := s.checkCopy(name, min(before, after), max(before, after))
	if err != nil {
		return fail(BackupCheck, err)
	}
	if err := place(name, abs, replace); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fail(BackupExists, nil)
		}
		return fail(BackupWrite, err)
	}
	syncDir(dir)
	return BackupResult{Path: abs, Drafts: n}, nil
}

// countDrafts counts every draft, the bin included.
func (s *Store) countDrafts() (int, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM drafts").Scan(&n)
	return n, err
}

// checkCopy opens the copy at path read-only and checks that it is an aect database of
// this database's schema, sound, holding between lo and hi drafts (the database's count
// before and after the copy); it returns the copy's count.
func (s *Store) checkCopy(path string, lo, hi int) (int, error) {
	var wantVersion int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&wantVersion); err != nil {
		return 0, err
	}
	// The copy has a rollback journal, hence mode=ro creates nothing beside it.
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var version, appID, n int
	var check string
	if err := db.QueryRow("SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id)").Scan(&version, &appID); err != nil {
		return 0, err
	}
	if appID != applicationID || version != wantVersion {
		return 0, &copyCheckError{fmt.Sprintf("la copie n'est pas une base aect du même schéma (schéma %d)", version)}
	}
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil {
		return 0, err
	}
	if check != "ok" {
		return 0, &copyCheckError{"la copie est endommagée : " + check}
	}
	if err := db.QueryRow("SELECT count(*) FROM drafts").Scan(&n); err != nil {
		return 0, err
	}
	if n < lo || n > hi {
		return 0, &copyCheckError{fmt.Sprintf("la copie compte %d brouillons, la base %d", n, hi)}
	}
	return n, nil
}

// syncFile flushes the file at path to the disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// place moves the finished file tmp to dest. Without replace, a dest created meanwhile is
// kept (fs.ErrExist): a hard link fails where a rename would replace it.
func place(tmp, dest string, replace bool) error {
	if replace {
		return os.Rename(tmp, dest)
	}
	if err := os.Link(tmp, dest); err != nil {
		if _, serr := os.Lstat(dest); serr == nil {
			return fs.ErrExist
		}
		// Some file systems (FAT on USB sticks) have no hard links.
		return os.Rename(tmp, dest)
	}
	return nil
}
