package tui

import (
	"errors"
	"maps"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard"
)

// saveJob is one pending write: a plan snapshot or an interface state, for one draft.
type saveJob struct {
	id   int64
	plan *wizard.Plan // nil for an interface-state job
	ui   UIState
}

// savedMsg reports the end of a write.
type savedMsg struct {
	job     saveJob
	version int64
	err     error
}

// saver writes answers one at a time, in order, so that each save of a plan carries the
// version the previous one returned. Jobs are coalesced: only the latest snapshot of a
// draft waits in the queue. A failed write halts that draft's jobs: a conflict until the
// user chooses (reload or copy), another error until the next answer retries it.
type saver struct {
	store    Store
	versions map[int64]int64
	queue    []saveJob
	busy     bool
	halted   map[int64]error
}

func newSaver(store Store) *saver {
	return &saver{store: store, versions: map[int64]int64{}, halted: map[int64]error{}}
}

// setVersion records the version of a draft just loaded or created.
func (s *saver) setVersion(id, v int64) { s.versions[id] = v }

// savePlan queues a snapshot of a draft's plan; p must not be modified afterwards.
func (s *saver) savePlan(id int64, p *wizard.Plan) tea.Cmd {
	return s.enqueue(saveJob{id: id, plan: p})
}

// saveUI queues the interface state of a draft.
func (s *saver) saveUI(id int64, ui UIState) tea.Cmd {
	ui.ToReview = slices.Clone(ui.ToReview)
	ui.Marks = maps.Clone(ui.Marks)
	ui.Budgets = maps.Clone(ui.Budgets)
	return s.enqueue(saveJob{id: id, ui: ui})
}

func (s *saver) enqueue(j saveJob) tea.Cmd {
	if err, ok := s.halted[j.id]; ok && !errors.Is(err, ErrConflict) {
		delete(s.halted, j.id) // a new answer retries after an ordinary error
	}
	s.queue = slices.DeleteFunc(s.queue, func(q saveJob) bool {
		return q.id == j.id && (q.plan == nil) == (j.plan == nil)
	})
	s.queue = append(s.queue, j)
	return s.next()
}

// next starts the first runnable job, if no write is running.
func (s *saver) next() tea.Cmd {
	if s.busy {
		return nil
	}
	i := slices.IndexFunc(s.queue, func(j saveJob) bool { _, h := s.halted[j.id]; return !h })
	if i < 0 {
		return nil
	}
	j := s.queue[i]
	s.queue = slices.Delete(s.queue, i, i+1)
	s.busy = true
	store, base := s.store, s.versions[j.id]
	return func() tea.Msg {
		if j.plan == nil {
			return savedMsg{job: j, err: store.SaveUI(j.id, j.ui)}
		}
		v, err := store.Save(j.id, base, j.plan)
		return savedMsg{job: j, version: v, err: err}
	}
}

// done records the end of a write and starts the next one.
func (s *saver) done(m savedMsg) tea.Cmd {
	s.busy = false
	if m.err != nil {
		s.halted[m.job.id] = m.err
		// Keep the failed job unless a newer one of the same kind is queued.
		if !slices.ContainsFunc(s.queue, func(q saveJob) bool {
			return q.id == m.job.id && (q.plan == nil) == (m.job.plan == nil)
		}) {
			s.queue = append([]saveJob{m.job}, s.queue...)
		}
	} else if m.job.plan != nil {
		s.versions[m.job.id] = m.version
	}
	return s.next()
}

// retry resumes a halted draft.
func (s *saver) retry(id int64) tea.Cmd {
	delete(s.halted, id)
	return s.next()
}

// drop forgets every pending write of a draft (after a reload, or a copy saved elsewhere).
func (s *saver) drop(id int64) {
	delete(s.halted, id)
	s.queue = slices.DeleteFunc(s.queue, func(q saveJob) bool { return q.id == id })
}

// pending reports whether a write is running or waiting to run.
func (s *saver) pending() bool {
	if s.busy {
		return true
	}
	return slices.ContainsFunc(s.queue, func(j saveJob) bool { _, h := s.halted[j.id]; return !h })
}

// failed reports whether some answers could not be written.
func (s *saver) failed() bool { return len(s.halted) > 0 }

// conflict reports whether the writes of draft id are halted by a change made in another
// window: its answers wait for the user to reload or save a copy.
func (s *saver) conflict(id int64) bool { return errors.Is(s.halted[id], ErrConflict) }

// firstError returns the error of one halted draft, or nil.
func (s *saver) firstError() error {
	for _, err := range s.halted {
		return err
	}
	return nil
}
