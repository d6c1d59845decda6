package wizard

// Mark is an answer to review (« à revoir »): an answer it depends on changed since it
// was given. Nothing is erased; confirming or changing the answer clears the mark.
type Mark struct {
	Ref Ref
	// Reason says what changed: « le type de collectivité a changé ».
	Reason string
}

// Dependents returns what depends on the answer changed, as the registry declares it:
// the answers of p already given by the user (and still asked) that it feeds, with the reason to
// review them, and the sections without questions (the review, the documents) it feeds.
func Dependents(p *Plan, changed Ref) ([]Mark, []Section) {
	f, ok := changed.Field.Lookup()
	if !ok {
		return nil, nil
	}
	var marks []Mark
	for _, feed := range f.Feeds {
		t, ok := feed.Field.Lookup()
		if !ok {
			continue
		}
		for _, r := range t.refs(p) {
			i := r.item(p)
			if !t.appliesTo(p, i) || t.bind.get(p, i) == "" || (feed.If != nil && !feed.If(p, i)) || r == changed {
				continue
			}
			marks = append(marks, Mark{Ref: r, Reason: f.Changed})
		}
	}
	return marks, f.FeedsSections
}

// Exists reports whether the answer a reference points at is still part of p: its item
// is there, and the question is asked.
func (r Ref) Exists(p *Plan) bool {
	f, ok := r.Field.Lookup()
	if !ok {
		return false
	}
	i := r.item(p)
	if r.Field.InList() && i < 0 {
		return false
	}
	return f.appliesTo(p, i)
}
