package storage

import (
	"database/sql"
	"errors"
)

// SettingModels is the setting of the folder of the document models the database's
// drafts are written with (aect --modeles), remembered for every later session.
const SettingModels = "modeles"

// Setting returns the value of a setting of the database, "" when it is not set.
func (s *Store) Setting(key string) (string, error) {
	var v string
	err := s.db.QueryRow("SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, s.wrap("lire les réglages de la base", err)
}

// SetSetting records a setting of the database; an empty value removes it. A read-only
// store returns its *ReadOnlyError.
func (s *Store) SetSetting(key, value string) error {
	return s.write("enregistrer un réglage de la base", func(tx *sql.Tx) error {
		if value == "" {
			_, err := tx.Exec("DELETE FROM settings WHERE key = ?", key)
			return err
		}
		_, err := tx.Exec("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
		return err
	})
}
