package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"aect/wizard"
)

// The history of a draft is thinned at every save so that a draft edited for years does not
// grow without limit: every revision younger than KeepAllRevisionsFor is kept; older ones
// keep only the newest revision of each calendar day (local time), for the MaxDailyRevisions
// most recent such days. The current state is never removed.
const (
	// KeepAllRevisionsFor is how long every revision is kept.
	KeepAllRevisionsFor = 24 * time.Hour
	// MaxDailyRevisions bounds the days kept, one revision each, beyond KeepAllRevisionsFor.
	MaxDailyRevisions = 90
)

// Revision is one saved state of a draft.
type Revision struct {
	ID      int64
	DraftID int64
	Saved   time.Time
	Title   string
	Percent int
	// Version is the draft's version that this save produced.
	Version int64
}

// prune thins the history of draft id (see KeepAllRevisionsFor). head is the current
// revision, always kept.
func (s *Store) prune(tx *sql.Tx, id, head int64) error {
	now := s.now()
	cutoff := now.Add(-KeepAllRevisionsFor).UnixMilli()
	rows, err := tx.Query("SELECT id, saved_at FROM revisions WHERE draft_id = ? AND saved_at < ? ORDER BY saved_at DESC, id DESC", id, cutoff)
	if err != nil {
		return err
	}
	days := map[string]bool{}
	var drop []any
	for rows.Next() {
		var rid, saved int64
		if err := rows.Scan(&rid, &saved); err != nil {
			rows.Close()
			return err
		}
		if rid == head {
			continue
		}
		day := time.UnixMilli(saved).In(now.Location()).Format(time.DateOnly)
		if days[day] || len(days) >= MaxDailyRevisions {
			drop = append(drop, rid)
			continue
		}
		days[day] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for len(drop) > 0 {
		n := min(len(drop), 500)
		if _, err := tx.Exec("DELETE FROM revisions WHERE id IN (?"+strings.Repeat(", ?", n-1)+")", drop[:n]...); err != nil {
			return err
		}
		drop = drop[n:]
	}
	return nil
}

// Revisions lists the saved states of draft id, newest first. The first one is the
// current state.
func (s *Store) Revisions(id int64) ([]Revision, error) {
	out, err := s.revisions(id)
	return out, s.wrap(fmt.Sprintf("lire l'historique du brouillon n° %d", id), err)
}

func (s *Store) revisions(id int64) ([]Revision, error) {
	var exists bool
	if err := s.db.QueryRow("SELECT EXISTS (SELECT 1 FROM drafts WHERE id = ? AND owner = ?)", id, s.owner).Scan(&exists); err != nil {
		return nil, err
	}
	if !exists {
		return nil, &NotFoundError{ID: id}
	}
	rows, err := s.db.Query("SELECT id, draft_id, version, saved_at, title, percent FROM revisions WHERE draft_id = ? ORDER BY id DESC", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		var saved int64
		if err := rows.Scan(&r.ID, &r.DraftID, &r.Version, &saved, &r.Title, &r.Percent); err != nil {
			return nil, err
		}
		r.Saved = fromMillis(saved)
		out = append(out, r)
	}
	return out, rows.Err()
}

// RestoreRevision makes revision revisionID the current state of draft draftID, as a new
// save: the history keeps every state, including the one replaced. The title follows the
// revision's. It returns the draft as now stored; a window editing it meanwhile gets a
// conflict on its next save. A draft in the bin is refused: restore it first.
func (s *Store) RestoreRevision(draftID, revisionID int64) (Draft, error) {
	var d Draft
	err := s.write(fmt.Sprintf("restaurer une version du brouillon n° %d", draftID), func(tx *sql.Tx) error {
		h, err := s.headOf(tx, draftID)
		if err != nil {
			return err
		}
		if h.deleted {
			// Restored there, it would stay hidden in the bin.
			return wizard.Errorf("le brouillon n° %d est dans la corbeille : restaurez-le d'abord, puis rétablissez la version voulue", draftID)
		}
		var title, plan string
		err = tx.QueryRow("SELECT title, plan FROM revisions WHERE id = ? AND draft_id = ?", revisionID, draftID).Scan(&title, &plan)
		if errors.Is(err, sql.ErrNoRows) {
			return &NotFoundError{ID: draftID, Revision: revisionID}
		}
		if err != nil {
			return err
		}
		p, err := wizard.Decode([]byte(plan))
		if err != nil {
			return &unreadableError{id: draftID, err: err}
		}
		rec, err := canonical(p)
		if err != nil {
			return err
		}
		if _, err := s.commit(tx, draftID, h, effectiveTitle(p, title), rec); err != nil {
			return err
		}
		d, err = s.get(tx, draftID)
		return err
	})
	return d, err
}

// RevisionPlans returns the plan of every saved state of draft id, by revision ID, to
// compare one state with the previous one (the history says what changed). A revision
// whose plan no longer decodes is left out.
func (s *Store) RevisionPlans(id int64) (map[int64]*wizard.Plan, error) {
	out, err := s.revisionPlans(id)
	return out, s.wrap(fmt.Sprintf("lire l'historique du brouillon n° %d", id), err)
}

func (s *Store) revisionPlans(id int64) (map[int64]*wizard.Plan, error) {
	rows, err := s.db.Query("SELECT id, plan FROM revisions WHERE draft_id = ?", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*wizard.Plan{}
	for rows.Next() {
		var rid int64
		var plan string
		if err := rows.Scan(&rid, &plan); err != nil {
			return nil, err
		}
		if p, err := wizard.Decode([]byte(plan)); err == nil {
			out[rid] = p
		}
	}
	return out, rows.Err()
}
