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
}

// The storage value types the interface uses.
type (
	// Summary is one line of the drafts list.
	Summary = storage.Summary
	// Draft is one draft with its plan and the interface state saved with it.
	Draft = storage.Draft
	// UIState is where the user was in a draft: the section, and the sections to review.
	UIState = storage.UIState
)

// ErrConflict is matched (errors.Is) by a save refused because the draft changed in
// another window.
var ErrConflict = storage.ErrConflict

// pendingStore is the Store while it is being opened, in the background, as the terminal
// is set up: every call waits for the opening (they all run in tea.Cmds, never in Update)
// and then goes to the opened store, or returns the opening's error as an *openFailure.
type pendingStore struct {
	done  chan struct{}
	store Store
	err   error
}

// openFailure is the error of a Store that could not be opened: the interface ends and
// Run returns it.
type openFailure struct{ err error }

func (e *openFailure) Error() string { return e.err.Error() }
func (e *openFailure) Unwrap() error { return e.err }

// openInBackground calls open in a new goroutine and returns the store to use meanwhile.
func openInBackground(open func() (Store, error)) *pendingStore {
	p := &pendingStore{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.store, p.err = open()
		if p.err != nil {
			p.err = &openFailure{p.err}
		}
	}()
	return p
}

// get waits for the opening.
func (p *pendingStore) get() (Store, error) {
	<-p.done
	return p.store, p.err
}

// call waits for the opening, then calls f on the opened store.
func call[T any](p *pendingStore, f func(Store) (T, error)) (T, error) {
	s, err := p.get()
	if err != nil {
		var zero T
		return zero, err
	}
	return f(s)
}

// do is call for the methods that return only an error.
func do(p *pendingStore, f func(Store) error) error {
	s, err := p.get()
	if err != nil {
		return err
	}
	return f(s)
}

func (p *pendingStore) Create(title string, plan *wizard.Plan) (Draft, error) {
	return call(p, func(s Store) (Draft, error) { return s.Create(title, plan) })
}

func (p *pendingStore) Get(id int64) (Draft, error) {
	return call(p, func(s Store) (Draft, error) { return s.Get(id) })
}

func (p *pendingStore) Save(id int64, baseVersion int64, plan *wizard.Plan) (int64, error) {
	return call(p, func(s Store) (int64, error) { return s.Save(id, baseVersion, plan) })
}

func (p *pendingStore) SaveUI(id int64, ui UIState) error {
	return do(p, func(s Store) error { return s.SaveUI(id, ui) })
}

func (p *pendingStore) List(query string) ([]Summary, error) {
	return call(p, func(s Store) ([]Summary, error) { return s.List(query) })
}

func (p *pendingStore) ListHead(n int) ([]Summary, int, error) {
	s, err := p.get()
	if err != nil {
		return nil, 0, err
	}
	return s.ListHead(n)
}

func (p *pendingStore) ListDeleted() ([]Summary, error) {
	return call(p, Store.ListDeleted)
}

func (p *pendingStore) Duplicate(id int64) (Draft, error) {
	return call(p, func(s Store) (Draft, error) { return s.Duplicate(id) })
}

func (p *pendingStore) Rename(id int64, title string) error {
	return do(p, func(s Store) error { return s.Rename(id, title) })
}

func (p *pendingStore) Delete(id int64) error {
	return do(p, func(s Store) error { return s.Delete(id) })
}

func (p *pendingStore) Restore(id int64) error {
	return do(p, func(s Store) error { return s.Restore(id) })
}
