package storage

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	sqlite3 "modernc.org/sqlite/lib"
)

// OpenErrorKind says why a database could not be opened.
type OpenErrorKind int

// The reasons Open refuses a file. In every case the file is left as it was.
const (
	// KindNotDatabase: the file is not a SQLite database (random bytes, a document…).
	KindNotDatabase OpenErrorKind = iota + 1
	// KindEmpty: the file exists but is empty (0 bytes). aect never leaves an empty file
	// behind (a new database is built aside and moved into place when complete), so an
	// empty file was made by something else, and it is not silently initialised.
	KindEmpty
	// KindCorrupt: a SQLite database that is truncated or damaged.
	KindCorrupt
	// KindForeign: a sound SQLite database that belongs to another program.
	KindForeign
	// KindNewer: an aect database with a schema newer than this program knows.
	KindNewer
	// KindPermission: the file or its folder cannot be read, written or created.
	KindPermission
	// KindBusy: another program holds the database locked for more than the busy timeout.
	KindBusy
	// KindDirectory: the path names a folder.
	KindDirectory
	// KindIO: any other failure (disk error, removed USB stick…).
	KindIO
	// KindNotRegular: the path names a named pipe (FIFO), a device or a socket, which
	// would block or make no sense as a database.
	KindNotRegular
	// KindDanglingLink: the path is a symbolic link to a file that does not exist (a
	// USB stick or network drive not plugged in).
	KindDanglingLink
)

// OpenError is returned by Open. Its message, in French, names the file, says what is wrong
// and what to do; the file was not modified.
type OpenError struct {
	// Path is the database file.
	Path string
	// Kind is the reason.
	Kind OpenErrorKind
	// Version is the file's schema version and Known the newest this program reads, for
	// KindNewer.
	Version, Known int
	// Mode is the file's type, for KindNotRegular.
	Mode fs.FileMode
	// Target is where the link points, for KindDanglingLink.
	Target string
	// Err is the cause, when there is one.
	Err error
}

// Unwrap returns the cause.
func (e *OpenError) Unwrap() error { return e.Err }

// Error returns the French message.
func (e *OpenError) Error() string {
	backups := filepath.Base(e.Path) + ".sauvegarde-AAAAMMJJ-HHMMSS"
	switch e.Kind {
	case KindNotDatabase:
		return fmt.Sprintf("Le fichier %s n'est pas une base aect lisible (fichier corrompu ou d'un autre programme). "+
			"Il n'a pas été modifié. Ouvrez une autre base avec --db, ou restaurez une sauvegarde (fichiers %s à côté).", e.Path, backups)
	case KindEmpty:
		return fmt.Sprintf("Le fichier %s est vide (0 octet) : ce n'est pas une base aect, et aect ne laisse jamais de fichier vide. "+
			"Il n'a pas été modifié. Pour créer une nouvelle base, supprimez ce fichier ou choisissez un autre nom avec --db ; "+
			"pour retrouver vos brouillons, restaurez une sauvegarde (fichiers %s à côté).", e.Path, backups)
	case KindCorrupt:
		return fmt.Sprintf("La base %s est endommagée (fichier tronqué ou abîmé, par exemple par une copie interrompue). "+
			"Elle n'a pas été modifiée. Restaurez une sauvegarde (fichiers %s à côté) ou ouvrez une autre base avec --db ; "+
			"les brouillons exportés en JSON peuvent être réimportés avec « aect import ».", e.Path, backups)
	case KindForeign:
		return fmt.Sprintf("Le fichier %s est une base de données d'un autre programme, pas une base aect. "+
			"Il n'a pas été modifié. Choisissez un autre fichier avec --db.", e.Path)
	case KindNewer:
		return fmt.Sprintf("La base %s a été enregistrée par une version plus récente d'aect (schéma %d ; cette version lit jusqu'au schéma %d). "+
			"Elle n'a pas été modifiée. Installez la dernière version d'aect, ou ouvrez une autre base avec --db.", e.Path, e.Version, e.Known)
	case KindPermission:
		return fmt.Sprintf("Impossible d'ouvrir la base %s : accès refusé (droits du fichier ou du dossier, ou support en lecture seule). "+
			"Vérifiez les droits, ou choisissez un autre emplacement avec --db.", e.Path)
	case KindBusy:
		return fmt.Sprintf("La base %s est verrouillée par un autre programme depuis plus de 5 secondes. "+
			"Fermez les autres fenêtres d'aect (ou le programme qui utilise ce fichier) puis réessayez.", e.Path)
	case KindDirectory:
		return fmt.Sprintf("%s est un dossier, pas un fichier de base : indiquez un fichier avec --db, par exemple %s.", e.Path, filepath.Join(e.Path, "aect.db"))
	case KindNotRegular:
		return fmt.Sprintf("%s n'est pas un fichier ordinaire mais %s : aect ne peut pas y garder ses brouillons. "+
			"Il n'a pas été modifié. Indiquez un fichier avec --db, par exemple --db atelier.db.", e.Path, fileTypeName(e.Mode))
	case KindDanglingLink:
		return fmt.Sprintf("%s est un lien symbolique vers %s, qui n'existe pas (clé USB ou disque réseau débranché ?). "+
			"Rebranchez le support ou corrigez le lien, ou choisissez un autre fichier avec --db.", e.Path, e.Target)
	}
	return fmt.Sprintf("Impossible d'ouvrir la base %s (erreur de lecture ou d'écriture). "+
		"Vérifiez que le disque ou la clé USB est bien branché, puis réessayez. Le fichier n'a pas été modifié.", e.Path)
}

// fileTypeName names a file type in French, with its article.
func fileTypeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "un tube nommé (FIFO)"
	case m&fs.ModeSocket != 0:
		return "une socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "un périphérique"
	}
	return "un fichier spécial"
}

// checkFile refuses, before anything opens it, a path that exists but is not a regular
// file: a folder, a named pipe (opening it would wait for a writer forever), a device, a
// socket, or a symbolic link to nothing. info is the path's Lstat.
func checkFile(abs string, info fs.FileInfo) error {
	if info.Mode()&fs.ModeSymlink != 0 {
		fi, err := os.Stat(abs)
		if errors.Is(err, fs.ErrNotExist) {
			target, _ := os.Readlink(abs)
			return &OpenError{Path: abs, Kind: KindDanglingLink, Target: target, Err: err}
		}
		if err != nil {
			return openErrorFromFS(abs, err)
		}
		info = fi
	}
	switch {
	case info.IsDir():
		return &OpenError{Path: abs, Kind: KindDirectory}
	case !info.Mode().IsRegular():
		return &OpenError{Path: abs, Kind: KindNotRegular, Mode: info.Mode().Type()}
	}
	return nil
}

// openErrorFromDB classifies a driver error met while opening.
func openErrorFromDB(path string, err error) *OpenError {
	kind := KindIO
	switch sqliteCode(err) {
	case sqlite3.SQLITE_NOTADB:
		kind = KindNotDatabase
	case sqlite3.SQLITE_CORRUPT:
		kind = KindCorrupt
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		kind = KindBusy
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH, sqlite3.SQLITE_CANTOPEN:
		kind = KindPermission
	}
	return &OpenError{Path: path, Kind: kind, Err: err}
}

// openErrorFromFS classifies a file system error met while opening.
func openErrorFromFS(path string, err error) *OpenError {
	if errors.Is(err, fs.ErrPermission) {
		return &OpenError{Path: path, Kind: KindPermission, Err: err}
	}
	return &OpenError{Path: path, Kind: KindIO, Err: err}
}

// DefaultPath returns <user data dir>/aect/aect.db: $XDG_DATA_HOME or ~/.local/share on
// Linux and other Unix systems, %AppData% on Windows, ~/Library/Application Support on
// macOS.
func DefaultPath() (string, error) {
	return DefaultPathEnv(os.Getenv)
}

// DefaultPathEnv is DefaultPath with the environment read through getenv (XDG_DATA_HOME,
// and HOME on Linux and other Unix systems), for a caller that runs with an environment
// of its own.
func DefaultPathEnv(getenv func(string) string) (string, error) {
	home := func() (string, error) {
		if h := getenv("HOME"); h != "" && runtime.GOOS != "windows" {
			return h, nil
		}
		return os.UserHomeDir()
	}
	return defaultPath(runtime.GOOS, getenv, home, os.UserConfigDir)
}

func defaultPath(goos string, getenv func(string) string, home, config func() (string, error)) (string, error) {
	var dir string
	switch goos {
	case "windows", "darwin", "ios":
		d, err := config()
		if err != nil {
			return "", &causedError{"dossier des données de l'utilisateur introuvable : indiquez le fichier de base avec --db", err}
		}
		dir = d
	default:
		// XDG Base Directory: a relative XDG_DATA_HOME is invalid and must be ignored.
		if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			dir = d
		} else {
			h, err := home()
			if err != nil || h == "" {
				return "", &causedError{"dossier personnel introuvable : indiquez le fichier de base avec --db", err}
			}
			dir = filepath.Join(h, ".local", "share")
		}
	}
	return filepath.Join(dir, "aect", "aect.db"), nil
}

// sqliteMagic opens every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// inspect checks, without writing anything, that path looks like a whole SQLite database:
// not a folder, not empty, the SQLite header, and a size that matches the page count the
// header announces (a truncated copy fails here). It reads the first 100 bytes only.
// current reports that the header alone proves an aect database of the known schema (no
// write-ahead log to overrule it), so that no probing connection is needed.
func inspect(path string, known int) (current bool, err error) {
	// Looked at before the header: a program that checkpoints and deletes its log
	// between the two reads leaves a header that is already whole.
	wal, journal := hasLog(path, "-wal"), hasLog(path, "-journal")
	f, err := os.Open(path)
	if err != nil {
		return false, openErrorFromFS(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, openErrorFromFS(path, err)
	}
	if fi.IsDir() {
		return false, &OpenError{Path: path, Kind: KindDirectory}
	}
	if fi.Size() == 0 {
		return false, &OpenError{Path: path, Kind: KindEmpty}
	}
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return false, &OpenError{Path: path, Kind: KindNotDatabase, Err: err}
		}
		return false, openErrorFromFS(path, err)
	}
	if string(h[:16]) != sqliteMagic {
		return false, &OpenError{Path: path, Kind: KindNotDatabase}
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return false, &OpenError{Path: path, Kind: KindCorrupt, Err: fmt.Errorf("page size %d", pageSize)}
	}
	if appID := binary.BigEndian.Uint32(h[68:72]); appID != 0 && appID != applicationID {
		return false, &OpenError{Path: path, Kind: KindForeign}
	}
	// The header's schema version may lag behind the write-ahead log, never ahead of it.
	if v := int(binary.BigEndian.Uint32(h[60:64])); binary.BigEndian.Uint32(h[68:72]) == applicationID && v > known {
		return false, &OpenError{Path: path, Kind: KindNewer, Version: v, Known: known}
	}
	// With a non-empty write-ahead log beside it, the main file may legitimately be behind
	// (an interrupted checkpoint is redone from the log): SQLite is then the judge.
	if wal {
		return false, nil
	}
	if fi.Size()%pageSize != 0 {
		return false, &OpenError{Path: path, Kind: KindCorrupt, Err: fmt.Errorf("size %d is not a multiple of the page size %d", fi.Size(), pageSize)}
	}
	// The in-header page count is valid when its "version-valid-for" matches the change
	// counter (SQLite file format, § 1.3.7).
	changeCounter, validFor := binary.BigEndian.Uint32(h[24:28]), binary.BigEndian.Uint32(h[92:96])
	if pages := int64(binary.BigEndian.Uint32(h[28:32])); validFor == changeCounter && pages*pageSize > fi.Size() {
		return false, &OpenError{Path: path, Kind: KindCorrupt, Err: fmt.Errorf("header announces %d pages, file holds %d", pages, fi.Size()/pageSize)}
	}
	// Without a log beside it the header is the whole truth: an aect database of the
	// current schema needs no probing connection.
	return !journal && binary.BigEndian.Uint32(h[68:72]) == applicationID && int(binary.BigEndian.Uint32(h[60:64])) == known, nil
}

// hasLog reports whether the log path+suffix ("-wal", "-journal") lies beside the
// database with content, or may (it cannot be checked): the header may then not be the
// whole truth.
func hasLog(path, suffix string) bool {
	st, err := os.Stat(path + suffix)
	return err == nil && st.Size() > 0 || err != nil && !errors.Is(err, fs.ErrNotExist)
}

// dsn is the data source name of the database at the absolute path abs: a SQLite URI whose
// pragmas every pooled connection runs when it opens, busy_timeout first so that the
// others wait for a lock instead of failing. Write transactions start with BEGIN IMMEDIATE
// (_txlock), so that two processes queue for the write lock instead of one failing to
// upgrade a read lock with "database is locked".
//
// synchronous=FULL syncs the write-ahead log at every commit (NORMAL syncs it only at
// checkpoints): a save shown « ✓ enregistré » survives a power cut or a closed lid. It
// costs about 0.4 ms a save (BenchmarkSave against BenchmarkSaveSynchronousNormal).
//
// The page cache is raised from 2 to 8 MB per connection: the list index of ten thousand
// drafts is about 2 MB, and rereading it from the file at every list costs a third of the
// list's time.
func dsn(abs string) string {
	return fileURI(abs) + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)&_pragma=cache_size(-8000)&_txlock=immediate"
}

// probeDSN is the data source name of the connection that identifies a file before the
// pool opens it: no journal mode change, no write.
func probeDSN(abs string) string {
	return fileURI(abs) + "?_pragma=busy_timeout(5000)&_query_only=1"
}

// createDSN is the data source name used to build a new database aside before it is moved
// into place: rollback journal (no -wal file to carry along) and full synchronisation.
func createDSN(abs string) string {
	return fileURI(abs) + "?_pragma=busy_timeout(5000)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)&_txlock=immediate"
}

// fileURI turns an absolute path into a SQLite file: URI. Only the characters that have a
// meaning in a URI (%, ? and #) are escaped; Windows paths get the file:///C:/… form.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	return "file://" + p
}

// staleCreation is the age after which a creation file is known abandoned (a process
// killed while creating the database): a creation takes well under a second.
const staleCreation = 10 * time.Minute

// creationPrefix starts the name of the hidden file a new database at path is built in.
func creationPrefix(path string) string { return "." + filepath.Base(path) + ".creation-" }

// removeStaleCreations removes the abandoned creation files of the database at path, with
// their journals. A failure leaves them, harmless and hidden.
func removeStaleCreations(path string) {
	dir, prefix := filepath.Dir(path), creationPrefix(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleCreation {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// create builds a new, fully migrated database at path, atomically: the database is
// written to a temporary file beside it and then linked into place, so that a crash never
// leaves an empty or half-initialised file at path. If another process created path in the
// meantime, its file is kept and ours is discarded.
func create(path string, migs []migration) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return openErrorFromFS(path, err)
	}
	tmp, err := os.CreateTemp(dir, creationPrefix(path)+"*") // mode 0600
	if err != nil {
		return openErrorFromFS(path, err)
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name)
	defer os.Remove(name + "-journal")

	db, err := sql.Open("sqlite", createDSN(name))
	if err != nil {
		return openErrorFromDB(path, err)
	}
	err = migrate(db, migs)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		var oe *OpenError
		if errors.As(err, &oe) {
			oe.Path = path
			return oe
		}
		return openErrorFromDB(path, err)
	}
	if f, err := os.Open(name); err == nil {
		err = f.Sync()
		f.Close()
		if err != nil {
			return openErrorFromFS(path, err)
		}
	}

	// A hard link fails if path exists, where a rename would replace it.
	if err := os.Link(name, path); err != nil {
		if _, serr := os.Lstat(path); serr == nil {
			return nil // created by another process in the meantime
		}
		// Some file systems (FAT on USB sticks) have no hard links.
		if err := os.Rename(name, path); err != nil {
			return openErrorFromFS(path, err)
		}
	}
	syncDir(dir)
	return nil
}

// syncDir makes a new directory entry durable where the system allows it.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
