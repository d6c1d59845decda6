package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"aect/wizard"
)

// ErrNotFound is matched (errors.Is) by every error saying a draft or a revision does not
// exist. The error returned is a *NotFoundError, whose message names the draft.
var ErrNotFound = errors.New("brouillon introuvable")

// ErrConflict is matched (errors.Is) by the *ConflictError a save returns when the draft
// changed elsewhere since it was loaded.
var ErrConflict = errors.New("le brouillon a été modifié ailleurs")

// NotFoundError says a draft, or one revision of it, does not exist (any more).
type NotFoundError struct {
	// ID is the draft's id.
	ID int64
	// Revision is the revision's id when a revision was asked for, else 0.
	Revision int64
}

// Error returns "brouillon n° 12 introuvable" or "révision n° 3 du brouillon n° 12
// introuvable".
func (e *NotFoundError) Error() string {
	if e.Revision != 0 {
		return fmt.Sprintf("révision n° %d du brouillon n° %d introuvable", e.Revision, e.ID)
	}
	return fmt.Sprintf("brouillon n° %d introuvable", e.ID)
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// ConflictError is returned by Save when the stored draft is no longer the version the
// caller loaded: another window or process saved, renamed, restored or deleted it in
// between. Nothing was written; the interface can offer to reload the draft or to save
// the answers as a copy (Create).
type ConflictError struct {
	// ID is the draft's id.
	ID int64
	// Base is the version the caller loaded; Current is the stored one.
	Base, Current int64
	// Deleted reports that the draft is now in the bin.
	Deleted bool
}

// Error explains the conflict in French and says what the user can do.
func (e *ConflictError) Error() string {
	if e.Deleted {
		return fmt.Sprintf("Le brouillon n° %d a été mis à la corbeille dans une autre fenêtre depuis son ouverture : "+
			"vos dernières réponses n'ont pas été enregistrées. Enregistrez-les comme copie, ou restaurez le brouillon depuis la corbeille puis rechargez-le.", e.ID)
	}
	return fmt.Sprintf("Le brouillon n° %d a été modifié dans une autre fenêtre depuis son ouverture : "+
		"vos dernières réponses n'ont pas été enregistrées, pour ne pas effacer l'autre modification. "+
		"Rechargez le brouillon, ou enregistrez vos réponses comme copie.", e.ID)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// Error is a database failure during an operation on an open store, with a French message
// that says what failed and what to do. The driver's error is kept as the cause (Unwrap),
// for logs; its English text never reaches the user.
type Error struct {
	// Op is the French phrase of what was being done: "enregistrer le brouillon n° 12".
	Op string
	// Path is the database file.
	Path string
	// Err is the cause.
	Err error
}

// Error returns "Impossible de <op> : <reason>." (or "d'<op>" before a vowel).
func (e *Error) Error() string {
	de := "de "
	if r, _ := utf8.DecodeRuneInString(wizard.Fold(e.Op)); strings.ContainsRune("aeiouyh", r) {
		de = "d'"
	}
	return "Impossible " + de + e.Op + " : " + reason(e.Err, e.Path)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// causedError is a French message that keeps its (often English) cause for logs only.
type causedError struct {
	msg string
	err error
}

func (e *causedError) Error() string { return e.msg }
func (e *causedError) Unwrap() error { return e.err }

// unreadableError says the stored plan of a draft cannot be decoded: a damaged database, or
// one edited by another program.
type unreadableError struct {
	id  int64
	err error
}

func (e *unreadableError) Error() string {
	return fmt.Sprintf("draft %d: stored plan unreadable: %v", e.id, e.err)
}

func (e *unreadableError) Unwrap() error { return e.err }

// reason turns a driver error into a French explanation with the way out.
func reason(err error, path string) string {
	var ue *unreadableError
	if errors.As(err, &ue) {
		return fmt.Sprintf("le contenu enregistré du brouillon n° %d est illisible (base endommagée ou modifiée par un autre programme) ; "+
			"restaurez une révision antérieure (historique du brouillon) ou une sauvegarde (fichiers %s.sauvegarde-AAAAMMJJ-HHMMSS à côté).", ue.id, filepath.Base(path))
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return "la base est occupée par une autre fenêtre ou un autre programme depuis plus de 5 secondes ; réessayez dans un instant."
	case sqlite3.SQLITE_FULL:
		return "le disque est plein ; libérez de la place puis réessayez."
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH, sqlite3.SQLITE_CANTOPEN:
		return fmt.Sprintf("la base %s est en lecture seule ou son accès est refusé ; vérifiez les droits du fichier et du dossier (ou que la clé USB n'est pas verrouillée).", path)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return fmt.Sprintf("la base %s est endommagée. Fermez aect et restaurez une sauvegarde (fichiers %s.sauvegarde-AAAAMMJJ-HHMMSS à côté) ; les brouillons exportés en JSON peuvent être réimportés.", path, filepath.Base(path))
	case sqlite3.SQLITE_IOERR:
		return "erreur de lecture ou d'écriture sur le disque (clé USB retirée, disque réseau déconnecté ?) ; vérifiez le support puis réessayez."
	}
	if errors.Is(err, sql.ErrConnDone) || errors.Is(err, sql.ErrTxDone) {
		return "la base a été fermée."
	}
	return "erreur inattendue de la base de données (le détail figure dans le journal)."
}

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// wrap gives err a French message unless it already has one. Errors built by this package
// or by the wizard pass through unchanged.
func (s *Store) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var ue *unreadableError
	if errors.As(err, &ue) {
		return &Error{Op: op, Path: s.path, Err: err}
	}
	var (
		nf  *NotFoundError
		ce  *ConflictError
		se  *Error
		oe  *OpenError
		ro  *ReadOnlyError
		be  *BackupError
		we  *wizard.Error
		wde *wizard.DecodeError
	)
	if errors.As(err, &nf) || errors.As(err, &ce) || errors.As(err, &se) || errors.As(err, &oe) ||
		errors.As(err, &ro) || errors.As(err, &be) || errors.As(err, &we) || errors.As(err, &wde) {
		return err
	}
	return &Error{Op: op, Path: s.path, Err: err}
}
