// Package storage keeps the drafts of aect in a SQLite file (modernc.org/sqlite, pure Go),
// so that no answer is ever lost: every save is one transaction in write-ahead-log mode,
// keeps a revision, and refuses to overwrite a draft another window changed meanwhile.
//
// A Store is safe for concurrent use by several goroutines, and several processes may open
// the same file: writers queue for the lock (busy timeout of 5 s, BEGIN IMMEDIATE).
//
// Every error returned carries a French message that the interface can show as is:
// *OpenError (Open), *NotFoundError (ErrNotFound), *ConflictError (ErrConflict), *Error (a
// database failure, with the driver's error as its cause), *wizard.Error and
// *wizard.DecodeError (invalid input).
package storage

import (
	"context"
	"database/sql"
	"errors"
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
	// now is the clock; tests replace it before using the store.
	now func() time.Time
	// listHint is the length of the last list, to size the next one.
	listHint atomic.Int64
}

// Open opens the aect database at path, creating it (and its folder, mode 0700; the file is
// mode 0600) when it does not exist, and migrating an older schema after writing a dated
// backup beside it. A file that is not a whole aect database of a schema this program
// knows is refused with an *OpenError and left untouched: not a database, an empty file,
// a truncated or damaged one, another program's database, a newer schema. An empty path
// is a *wizard.Error.
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
	removeStaleCreations(abs)
	if _, err := os.Lstat(abs); errors.Is(err, os.ErrNotExist) {
		if err := create(abs, migs); err != nil {
			return nil, err
		}
	}
	current, err := inspect(abs, latestVersion(migs))
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, openErrorFromDB(abs, err)
	}
	db.SetMaxIdleConns(4)
	s := &Store{db: db, path: abs, now: now}
	if err := s.init(migs, current); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database. The last connection to close checkpoints the write-ahead log
// into the main file.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return s.wrap("fermer la base", err)
	}
	return nil
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
func (s *Store) write(op string, fn func(tx *sql.Tx) error) error {
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
