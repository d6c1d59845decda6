// Package storage keeps the drafts of aect in a SQLite file (modernc.org/sqlite, pure Go),
// so that no answer is ever lost: every save is one transaction in write-ahead-log mode,
// keeps a revision, and refuses to overwrite a draft another window changed meanwhile.
//
// A Store is safe for concurrent use by several goroutines, and several processes may open
// the same file: writers queue for the lock (busy timeout of 5 s, BEGIN IMMEDIATE).
//
// Every draft has an owner: "" for the local single user, a participant's name in a
// workshop over the network (aect serve). A Store reads and writes one owner's drafts:
// Open's is the local user's, ForOwner gives a participant's; another owner's draft is
// « introuvable », like a missing one. WorkshopDrafts and Owners show the trainer everyone.
//
// A database this user cannot write opens read-only, creating nothing beside it; its writes
// return a *ReadOnlyError. Close folds the write-ahead log into the file, and Backup writes
// a verified copy for a USB stick.
//
// Every error returned carries a French message that the interface can show as is:
// *OpenError (Open), *ReadOnlyError (a write to a read-only database), *BackupError
// (Backup), *NotFoundError (ErrNotFound), *ConflictError (ErrConflict), *Error (a database
// failure, with the driver's error as its cause), *wizard.Error and *wizard.DecodeError
// (invalid input).
package storage

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"aect/wizard"
)

// Store is an open aect database.
type Store struct {
	db   *sql.DB
	path string
	// readOnly is set when the database cannot be written: every write returns it.
	readOnly *ReadOnlyError
	// snapshot is the private copy a read-only store reads, when the database's
	// write-ahead log held saves (see snapshot); removed by Close.
	snapshot string
	// now is the clock; tests replace it before using the store.
	now func() time.Time
	// listHint is the length of the last list, to size the next one.
	listHint atomic.Int64
	// owner is whose drafts this store reads and writes: "" for the local single user,
	// a participant's name in a view made by ForOwner.
	owner string
	// view is set on a store made by ForOwner: it shares the database of its parent and
	// does not close it.
	view bool
}

// ForOwner returns a view of the database for one participant of a workshop (aect serve):
// every read and write of the view concerns that owner's drafts only, so that a draft of
// another owner is « introuvable » exactly like a missing one, whatever its number. The
// Store that Open returns is the view of owner "", the local single user, who owns every
// draft made outside a workshop. A view shares the database and its connections with the
// store it was made from; closing a view does nothing: close the Store Open returned, once
// every view is done.
func (s *Store) ForOwner(owner string) *Store {
	return &Store{db: s.db, path: s.path, readOnly: s.readOnly, now: s.now, owner: owner, view: true}
}

// Owner returns the owner whose drafts the store reads and writes ("" for the local
// single user).
func (s *Store) Owner() string { return s.owner }

// Open opens the aect database at path, creating it (and its folder, mode 0700; the file is
// mode 0600) when it does not exist, and migrating an older schema after writing a dated
// backup beside it. A file that is not a whole aect database of a schema this program
// knows is refused with an *OpenError and left untouched: not a database, an empty file,
// a truncated or damaged one, another program's database, a newer schema, a folder, a
// named pipe, a device, a link to nothing. An empty path is a *wizard.Error.
//
// A database this user cannot write (a write-protected file, another user's, a read-only
// medium or folder) is opened read-only, creating nothing beside it: the reads work,
// every write returns a *ReadOnlyError naming what prevents it, and Writable reports it.
func Open(path string) (*Store, error) {
	return open(path, defaultMigrations, time.Now)
}

func open(path string, migs []migration, now func() time.Time) (*Store, error) {
	if path == "" {
		return nil, wizard.Errorf("aucun fichier de base indiqué")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, openErrorFromFS(path, err)
	}
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		removeStaleCreations(abs)
		if err := create(abs, migs); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, openErrorFromFS(abs, err)
	default:
		if err := checkFile(abs, info); err != nil {
			return nil, err
		}
		removeStaleCreations(abs)
	}
	s := &Store{path: abs, now: now, readOnly: writeBlocker(abs)}
	file, pool, probe := abs, dsn(abs), probeDSN(abs)
	if s.readOnly != nil {
		pool = readOnlyDSN(abs)
		if hasLog(abs, "-wal") {
			// Saves still in the log: read a private copy rather than the file alone.
			if file, err = snapshot(abs); err != nil {
				return nil, openErrorFromFS(abs+"-wal", err)
			}
			s.snapshot = filepath.Dir(file)
			pool = snapshotDSN(file)
		}
		probe = pool
	}
	current, err := inspect(file, latestVersion(migs))
	if err != nil {
		s.removeSnapshot()
		var oe *OpenError
		if errors.As(err, &oe) {
			oe.Path = abs // not the snapshot's
		}
		return nil, err
	}
	if s.db, err = sql.Open("sqlite", pool); err != nil {
		s.removeSnapshot()
		return nil, openErrorFromDB(abs, err)
	}
	s.db.SetMaxIdleConns(4)
	if err := s.init(migs, current, probe); err != nil {
		s.db.Close()
		s.removeSnapshot()
		return nil, err
	}
	return s, nil
}

// removeSnapshot removes the private copy a read-only store reads, if any.
func (s *Store) removeSnapshot() {
	if s.snapshot != "" {
		os.RemoveAll(s.snapshot)
	}
}

// Writable returns nil when the database can be written, else the *ReadOnlyError every
// write would return: an interface that saves as the user types checks it first.
func (s *Store) Writable() error {
	if s.readOnly != nil {
		return s.readOnly
	}
	return nil
}

// Close checkpoints the write-ahead log into the database file, so that the file alone
// holds every save (a plain copy of it after aect has ended is complete, even while
// another window keeps the database open), then closes the database. On a view made by
// ForOwner, Close does nothing.
func (s *Store) Close() error {
	if s.view {
		return nil
	}
	if s.readOnly == nil {
		s.checkpoint()
	}
	err := s.db.Close()
	s.removeSnapshot()
	if err != nil {
		return s.wrap("fermer la base", err)
	}
	return nil
}

// checkpoint copies the write-ahead log into the database file and empties it. A reader
// of another process that holds an older state may keep part of the log for a second at
// most; nothing is lost then either, the log stays the reference. Errors are ignored for
// the same reason.
func (s *Store) checkpoint() {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 1000"); err != nil {
		return
	}
	conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Check runs SQLite's full integrity check, which reads the whole file (a second or more
// for a large database, hence not done by Open). It returns nil when the database is
// sound, else an *OpenError of kind KindCorrupt.
func (s *Store) Check() error {
	rows, err := s.db.Query("PRAGMA integrity_check")
	if err != nil {
		return s.wrap("vérifier la base", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return s.wrap("vérifier la base", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		if c := sqliteCode(err); c != 0 {
			return openErrorFromDB(s.path, err)
		}
		return s.wrap("vérifier la base", err)
	}
	if len(problems) > 0 {
		return &OpenError{Path: s.path, Kind: KindCorrupt, Err: errors.New(problems[0])}
	}
	return nil
}

// write runs fn in one write transaction (BEGIN IMMEDIATE): all of it is stored or none.
// A read-only store returns its *ReadOnlyError.
func (s *Store) write(op string, fn func(tx *sql.Tx) error) error {
	if s.readOnly != nil {
		return s.readOnly
	}
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return s.wrap(op, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return s.wrap(op, err)
	}
	return s.wrap(op, tx.Commit())
}
