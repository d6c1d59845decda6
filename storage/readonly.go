package storage

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ReadOnlyCause says why a database cannot be written.
type ReadOnlyCause int

// The reasons a database opens read-only.
const (
	// ReadOnlyProtected: the database file is write-protected (chmod a-w, the Windows
	// « Lecture seule » attribute).
	ReadOnlyProtected ReadOnlyCause = iota + 1
	// ReadOnlyOwner: the database file belongs to another user, who did not give the
	// right to write it.
	ReadOnlyOwner
	// ReadOnlyMedium: the file system is mounted read-only (a locked USB stick, a CD).
	ReadOnlyMedium
	// ReadOnlyFolder: files cannot be created in the database's folder, where SQLite
	// keeps its journal (-wal and -shm files).
	ReadOnlyFolder
	// ReadOnlyLog: the -wal or -shm file beside the database cannot be written (left by
	// another user, or by an older aect that opened a read-only database).
	ReadOnlyLog
)

// ReadOnlyError says that a database can be read but not written, and names the file or
// folder that prevents writing. Open still returns a store for such a database, so that
// the commands that only read work; every write of that store returns this error, and
// Writable reports it up front.
type ReadOnlyError struct {
	// Path is the database file.
	Path string
	// Blocker is what prevents writing: Path itself, its -wal or -shm file, or its folder.
	Blocker string
	// Cause says why.
	Cause ReadOnlyCause
	// Upgrade reports that the database has an older schema: it must be upgraded, hence
	// written, before it can even be read.
	Upgrade bool
	// Pending reports that the blocking -wal file holds saves not yet in the database: it
	// must not be deleted, only folded in by a user who can write it.
	Pending bool
	// Err is the system's error, for logs.
	Err error
}

// Unwrap returns the system's error.
func (e *ReadOnlyError) Unwrap() error { return e.Err }

// Error returns the French message: what prevents writing and what to do.
func (e *ReadOnlyError) Error() string {
	copyHint := fmt.Sprintf("ou travaillez sur une copie : « aect --db %s sauvegarder COPIE.db », puis « aect --db COPIE.db »", e.Path)
	var why, fix string
	switch e.Cause {
	case ReadOnlyOwner:
		why = "le fichier appartient à un autre utilisateur, qui ne vous a pas donné le droit d'y écrire"
		fix = "demandez ce droit à son propriétaire, " + copyHint
	case ReadOnlyMedium:
		why = "le support qui la contient est en lecture seule (clé USB verrouillée, CD, partage protégé)"
		fix = "déverrouillez le support, " + copyHint
	case ReadOnlyFolder:
		why = fmt.Sprintf("le dossier %s n'accepte pas de nouveaux fichiers, or la base y écrit son journal (%s-wal et %s-shm)",
			e.Blocker, filepath.Base(e.Path), filepath.Base(e.Path))
		fix = "donnez-vous le droit d'écrire dans ce dossier, " + copyHint
	case ReadOnlyLog:
		why = fmt.Sprintf("le fichier %s, à côté de la base, ne vous permet pas d'écrire (il a été laissé par un autre utilisateur, "+
			"ou par une ancienne version d'aect qui a lu la base en lecture seule)", e.Blocker)
		if e.Pending {
			fix = fmt.Sprintf("faites ouvrir la base une fois par le propriétaire de ce fichier, qui contient les dernières réponses "+
				"(« aect --db %s list » suffit : aect les reporte alors dans la base et le supprime), %s", e.Path, copyHint)
		} else {
			fix = fmt.Sprintf("fermez les fenêtres d'aect ouvertes sur cette base, puis supprimez ce fichier (il ne contient aucune réponse ; "+
				"aect le recrée au besoin), ou demandez à son propriétaire de le faire, %s", copyHint)
		}
	default:
		why = "le fichier est protégé en écriture"
		fix = fmt.Sprintf("rendez-le modifiable (chmod u+w %s ; sous Windows, Propriétés, décocher « Lecture seule »), %s", e.Path, copyHint)
	}
	if e.Upgrade {
		return fmt.Sprintf("La base %s vient d'une version plus ancienne d'aect et doit être mise à jour avant d'être lue, "+
			"mais elle est en lecture seule : %s. Elle n'a pas été modifiée. Pour l'ouvrir, %s.", e.Path, why, fix)
	}
	return fmt.Sprintf("La base %s est en lecture seule : %s. Les commandes qui lisent (list, show, export, export-json, history, sauvegarder) "+
		"fonctionnent ; pour modifier les brouillons, %s.", e.Path, why, fix)
}

// writeBlocker reports what prevents writing the database at abs, or nil: the file
// itself, an existing -wal or -shm file beside it, or the folder, where SQLite must be
// able to create them. Nothing is opened: the checks ask the system for the rights (an
// open and close of the database file would drop the locks another connection of this
// process holds on it).
func writeBlocker(abs string) *ReadOnlyError {
	if err := canWrite(abs); isReadOnlyErr(err) {
		cause := ReadOnlyProtected
		switch {
		case errors.Is(err, syscall.EROFS):
			cause = ReadOnlyMedium
		case ownedByOther(abs):
			cause = ReadOnlyOwner
		}
		return &ReadOnlyError{Path: abs, Blocker: abs, Cause: cause, Err: err}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := canWrite(abs + suffix); isReadOnlyErr(err) {
			return &ReadOnlyError{Path: abs, Blocker: abs + suffix, Cause: ReadOnlyLog, Err: err,
				Pending: suffix == "-wal" && hasLog(abs, "-wal")}
		}
	}
	if dir := filepath.Dir(abs); isReadOnlyErr(canCreateIn(dir)) {
		err := canCreateIn(dir)
		cause := ReadOnlyFolder
		if errors.Is(err, syscall.EROFS) {
			cause = ReadOnlyMedium
		}
		return &ReadOnlyError{Path: abs, Blocker: dir, Cause: cause, Err: err}
	}
	return nil
}

// isReadOnlyErr reports whether err says a file cannot be written for lack of rights or
// on a read-only medium. Other errors (a missing file…) are left to SQLite.
func isReadOnlyErr(err error) bool {
	return err != nil && (errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EPERM))
}

// readOnlyDSN is the data source name of a database this process cannot write: immutable,
// so that SQLite creates nothing beside it (no -wal, no -shm, which a read-only opening
// would otherwise leave with the file's mode and this user as owner, blocking the next
// writer). It must only be used on a file whose write-ahead log is empty: immutable
// ignores the log. mode=ro refuses writes, and still lets VACUUM INTO write a copy
// elsewhere (Backup); query_only would refuse that too.
func readOnlyDSN(abs string) string {
	return fileURI(abs) + "?mode=ro&immutable=1&_pragma=foreign_keys(1)&_pragma=cache_size(-8000)"
}

// snapshotDSN is the data source name of a private snapshot (see snapshot): read-only, its
// log replayed.
func snapshotDSN(abs string) string {
	return fileURI(abs) + "?mode=ro&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
}

// snapshot copies the database at abs and its write-ahead log into a new private folder,
// and returns the copy's path. It serves a database this process cannot write whose log
// still holds saves: reading the file alone would show an older state without a word, and
// SQLite cannot read the log without writing beside the file. The caller removes the
// folder. A save that another process makes while the files are copied is either whole in
// the copy or absent (SQLite ignores a log frame without its commit).
func snapshot(abs string) (string, error) {
	dir, err := os.MkdirTemp("", "aect-lecture-")
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, filepath.Base(abs))
	for _, suffix := range []string{"", "-wal"} {
		if err := copyNew(abs+suffix, dst+suffix); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
	}
	return dst, nil
}

// copyNew copies the file from to a new file to, mode 0600.
func copyNew(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
