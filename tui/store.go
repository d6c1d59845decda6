package tui

import (
	"aect/storage"
	"aect/wizard"
)

// Store is what the interface needs from the drafts database. *storage.Store satisfies it;
// tests use an in-memory fake. Every error it returns carries a French message that can be
// shown as is.
type Store interface {
	Create(title string, p *wizard.Plan) (Draft, error)
	Get(id int64) (Draft, error)
	Save(id int64, baseVersion int64, p *wizard.Plan) (int64, error)
	SaveUI(id int64, ui UIState) error
	List(query string) ([]Summary, error)
	ListHead(n int) ([]Summary, int, error)
	ListDeleted() ([]Summary, error)
	Duplicate(id int64) (Draft, error)
	Rename(id int64, title string) error
	Delete(id int64) error
	Restore(id int64) error
	Revisions(id int64) ([]Revision, error)
	RevisionPlans(id int64) (map[int64]*wizard.Plan, error)
	RestoreRevision(draftID, revisionID int64) (Draft, error)
}

// The storage value types the interface uses.
type (
	// Summary is one line of the drafts list.
	Summary = storage.Summary
	// Draft is one draft with its plan and the interface state saved with it.
	Draft = storage.Draft
	// UIState is where the user was in a draft (the section, the question, the sections
	// to review) and the budgets of the 1 % competences unticked.
	UIState = storage.UIState
	// Revision is one saved state of a draft, in its history.
	Revision = storage.Revision
)

// ErrConflict is matched (errors.Is) by a save refused because the draft changed in
// another window.
var ErrConflict = storage.ErrConflict
