package tui

import "aect/wizard"

// reply is what a screen tells its parent after handling a message. It comes back from
// Update with the screen's command, so that the parent acts on it before the next key is
// read: a new section or the drafts list is on screen at once, and fast typing never
// lands in the screen just left (a message sent through a tea.Cmd would arrive after
// keys already queued). It is the one way screens speak upward.
type reply struct {
	// changed lists the IDs of the answers stored in the plan.
	changed []string
	// done: the user validated the last question of the section.
	done bool
	// backOut: the user went back from the first question.
	backOut bool
	// jump: open a section, on an answer when given (from the review).
	jump *jumpTo
	// home: show the drafts list.
	home bool
	// quit: quit once every answer is written.
	quit bool
	// closed: an overlay (help, glossary) closed itself.
	closed bool
}

// jumpTo is a section to open, on the answer ref when it is set.
type jumpTo struct {
	sec wizard.Section
	ref wizard.Ref
}

// merge adds another reply's content to r.
func (r *reply) merge(o reply) {
	r.changed = append(r.changed, o.changed...)
	r.done = r.done || o.done
	r.backOut = r.backOut || o.backOut
	if o.jump != nil {
		r.jump = o.jump
	}
	r.home = r.home || o.home
	r.quit = r.quit || o.quit
	r.closed = r.closed || o.closed
}
