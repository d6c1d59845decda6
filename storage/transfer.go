package storage

import (
	"database/sql"
	"errors"
	"fmt"

	"aect/wizard"
)

// ExportJSON returns draft id as an aect-plan/1 document (wizard.Encode), title included.
func (s *Store) ExportJSON(id int64) ([]byte, error) {
	d, err := s.Get(id)
	if err != nil {
		return nil, err
	}
	data, err := wizard.Encode(d.Plan)
	return data, s.wrap(fmt.Sprintf("exporter le brouillon n° %d", id), err)
}

// ImportResult is the outcome of Import.
type ImportResult struct {
	// Draft is the draft created.
	Draft Draft
	// SameAs is the id of a draft (not in the bin) whose plan is identical to the imported
	// one, or that was imported from an identical file; 0 when there is none.
	SameAs int64
}

// Import decodes data with wizard.Decode (same strictness, same errors naming the JSON
// path: a *wizard.DecodeError, and nothing is written) and creates a draft from it. If an
// identical plan (same content hash) was imported before or exists already, a new draft is
// still created, titled "… (copie)", and the existing one's id is reported in SameAs, so
// that the interface can say "déjà présent : copie créée".
func (s *Store) Import(data []byte) (ImportResult, error) { return s.ImportWith(data, nil) }

// ImportWith is Import, the plan passed to prepare (when not nil) once decoded and
// before it is stored and compared: the command line fills there the answers the
// directory of collectivités gives.
func (s *Store) ImportWith(data []byte, prepare func(*wizard.Plan)) (ImportResult, error) {
	p, err := wizard.Decode(data)
	if err != nil {
		return ImportResult{}, err
	}
	if prepare != nil {
		prepare(p)
	}
	rec, err := canonical(p)
	if err != nil {
		return ImportResult{}, s.wrap("importer le projet", err)
	}
	var res ImportResult
	err = s.write("importer le projet", func(tx *sql.Tx) error {
		err := tx.QueryRow(`SELECT id FROM drafts WHERE deleted_at = 0 AND (content_hash = ?1 OR import_hash = ?1) AND owner = ?2
			ORDER BY updated_at DESC, id DESC LIMIT 1`, rec.hash, s.owner).Scan(&res.SameAs)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		title, stored := effectiveTitle(p, DefaultTitle), rec
		if res.SameAs != 0 {
			// A second import is a copy, titled as one, so that the list never shows two
			// drafts with the same name; importHash keeps the file's own hash.
			title = wizard.CopyTitle(title)
			if stored, err = canonical(withTitle(p, title)); err != nil {
				return err
			}
		}
		id, err := s.insert(tx, newDraft{title: title, rec: stored, importHash: rec.hash})
		if err != nil {
			return err
		}
		res.Draft, err = s.get(tx, id)
		return err
	})
	return res, err
}

// LoadSample creates a demo draft named name from the aect-plan/1 document data, unless a
// draft with that Demo name is already there (not in the bin): then it returns that one
// and false. Running `aect demo` twice therefore creates each sample once. Two processes
// loading at once cannot both create it (the check and the insert are one transaction).
func (s *Store) LoadSample(name string, data []byte) (Draft, bool, error) {
	if name == "" {
		return Draft{}, false, wizard.Errorf("exemple sans nom : impossible de savoir s'il est déjà chargé")
	}
	p, err := wizard.Decode(data)
	if err != nil {
		return Draft{}, false, err
	}
	rec, err := canonical(p)
	if err != nil {
		return Draft{}, false, s.wrap("charger l'exemple "+name, err)
	}
	var (
		d       Draft
		created bool
	)
	err = s.write(fmt.Sprintf("charger l'exemple « %s »", name), func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRow("SELECT id FROM drafts WHERE owner = ? AND demo = ? AND deleted_at = 0 ORDER BY id LIMIT 1", s.owner, name).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if id, err = s.insert(tx, newDraft{title: effectiveTitle(p, DefaultTitle), rec: rec, demo: name}); err != nil {
				return err
			}
			created = true
		case err != nil:
			return err
		}
		d, err = s.get(tx, id)
		return err
	})
	return d, created, err
}
