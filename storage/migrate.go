package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// applicationID marks an aect database in the SQLite header ("AECT"), so that a SQLite
// file of another program is recognised before anything is written to it.
const applicationID = 0x41454354

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// defaultMigrations are the embedded migrations/NNNN_name.sql files, in order.
var defaultMigrations = mustLoadMigrations(migrationFiles, "migrations")

// mustLoadMigrations reads the numbered .sql files of dir. The numbers must run 1, 2, 3…
// without gap: anything else is a programming error caught by the first test run.
func mustLoadMigrations(fsys fs.FS, dir string) []migration {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		panic("storage: embedded migrations unreadable: " + err.Error())
	}
	var migs []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			panic("storage: migration file name not NNNN_name.sql: " + e.Name())
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			panic("storage: migration unreadable: " + err.Error())
		}
		migs = append(migs, migration{version: v, name: e.Name(), sql: string(data)})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].version < migs[j].version })
	for i, m := range migs {
		if m.version != i+1 {
			panic(fmt.Sprintf("storage: migrations must be numbered 1, 2, 3…: %s is number %d", m.name, i+1))
		}
	}
	return migs
}

// latestVersion is the schema version the migrations lead to.
func latestVersion(migs []migration) int { return len(migs) }

// migrate brings the database to the latest schema in one transaction, which also sets the
// application id and PRAGMA user_version: a crash leaves the old schema intact. The
// version is read again inside the transaction, so that two processes opening an old file
// at once migrate it once.
func migrate(db *sql.DB, migs []migration) error {
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see dsn)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version >= latestVersion(migs) {
		return nil
	}
	for _, m := range migs[version:] {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", latestVersion(migs))); err != nil {
		return err
	}
	return tx.Commit()
}

// backup writes a consistent copy of the open database beside it, named
// NAME.sauvegarde-AAAAMMJJ-HHMMSS (with -2, -3… if that name is taken), readable by its
// owner only, and returns its path. VACUUM INTO copies a snapshot even while another
// process writes.
func (s *Store) backup() (string, error) {
	base := s.path + ".sauvegarde-" + s.now().Format("20060102-150405")
	name := base
	for i := 2; ; i++ {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			f.Close()
			break
		}
		if !os.IsExist(err) || i > 100 {
			return "", err
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
	if _, err := s.db.Exec("VACUUM INTO ?", name); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// init checks what kind of database the freshly opened pool points at, refuses what is not
// an aect database of a known schema, and migrates an older one after a backup. probe is
// the data source name of a connection that only reads.
func (s *Store) init(migs []migration, current bool, probe string) error {
	if current {
		return s.quickCheck()
	}
	// The pool's connections switch the file to WAL mode as they open: a write. So the file
	// is first identified through a connection that only reads.
	pdb, err := sql.Open("sqlite", probe)
	if err != nil {
		return openErrorFromDB(s.path, err)
	}
	var version, appID, objects int
	err = pdb.QueryRow("SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_schema)").Scan(&version, &appID, &objects)
	pdb.Close()
	if err != nil {
		return openErrorFromDB(s.path, err)
	}
	latest := latestVersion(migs)
	switch {
	case appID != 0 && appID != applicationID, appID == 0 && objects > 0:
		return &OpenError{Path: s.path, Kind: KindForeign}
	case version > latest:
		return &OpenError{Path: s.path, Kind: KindNewer, Version: version, Known: latest}
	case version < latest && s.readOnly != nil:
		ro := *s.readOnly
		ro.Upgrade = true
		return &ro
	case version < latest:
		if version > 0 {
			if _, err := s.backup(); err != nil {
				return openErrorFromDB(s.path, fmt.Errorf("backup before migration: %w", err))
			}
		}
		if err := migrate(s.db, migs); err != nil {
			return openErrorFromDB(s.path, err)
		}
	}
	return s.quickCheck()
}

// quickCheck reads the list's table and index, so that a damaged file is reported when it
// is opened rather than at the first save; a full integrity check of a large database
// would not fit in the time budget of Open (see Check).
func (s *Store) quickCheck() error {
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM drafts").Scan(&n); err != nil {
		return openErrorFromDB(s.path, err)
	}
	return nil
}

// nowMillis is the store's clock in Unix milliseconds.
func (s *Store) nowMillis() int64 { return s.now().UnixMilli() }

// fromMillis converts stored Unix milliseconds to a local time; 0 gives the zero time.
func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}
