package storage

import (
	"strings"

	"aect/wizard"
)

// WorkshopDraft is a draft of one participant of a workshop (aect serve), as the trainer's
// dashboard shows it.
type WorkshopDraft struct {
	// Owner is the participant's name.
	Owner string
	Summary
	// Version increments at every save: the dashboard rereads a plan only when it changed.
	Version int64
	// Section is the section of the assistant the participant is on (UIState.Section).
	Section int
}

// WorkshopDrafts returns the drafts of every participant of a workshop (every owner but
// "", the local single user) that are not in the bin, by participant, most recently saved
// first. It reads no plan: the trainer's dashboard calls it every second. Whatever view it
// is called on, it sees every participant: only the trainer's side of aect serve and the
// command line call it.
func (s *Store) WorkshopDrafts() ([]WorkshopDraft, error) {
	rows, err := s.db.Query(`SELECT owner, ` + summaryColumns + `, version, CASE WHEN json_valid(ui) THEN coalesce(CAST(json_extract(ui, '$.section') AS INTEGER), 0) ELSE 0 END
		FROM drafts WHERE owner <> '' AND deleted_at = 0 ORDER BY owner, updated_at DESC, id DESC`)
	if err != nil {
		return nil, s.wrap("lire les brouillons des participants", err)
	}
	defer rows.Close()
	var out []WorkshopDraft
	for rows.Next() {
		var (
			w                       WorkshopDraft
			updated, deletedAt, sec int64
			texts, form, rest       string
		)
		if err := rows.Scan(&w.Owner, &w.ID, &updated, &w.Percent, &deletedAt, &texts, &w.Version, &sec); err != nil {
			return nil, s.wrap("lire les brouillons des participants", err)
		}
		w.Updated, w.DeletedAt = fromMillis(updated), fromMillis(deletedAt)
		w.Title, rest, _ = strings.Cut(texts, "\x1f")
		form, rest, _ = strings.Cut(rest, "\x1f")
		w.Partner, rest, _ = strings.Cut(rest, "\x1f")
		w.Country, w.Demo, _ = strings.Cut(rest, "\x1f")
		w.Form = wizard.Form(form)
		// The place in the assistant is a convenience: a damaged value is the first section.
		w.Section = int(max(0, min(sec, wizard.NumSections-1)))
		out = append(out, w)
	}
	return out, s.wrap("lire les brouillons des participants", rows.Err())
}

// Owners returns the names of the workshop's participants who have drafts not in the bin,
// in order (the local single user, owner "", is not one of them).
func (s *Store) Owners() ([]string, error) {
	rows, err := s.db.Query("SELECT DISTINCT owner FROM drafts WHERE owner <> '' AND deleted_at = 0 ORDER BY owner")
	if err != nil {
		return nil, s.wrap("lire la liste des participants", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return nil, s.wrap("lire la liste des participants", err)
		}
		out = append(out, o)
	}
	return out, s.wrap("lire la liste des participants", rows.Err())
}
