package storage

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"aect/wizard"
)

// DefaultTitle is the title of a draft whose plan has none and whose answers do not
// compose one (wizard.Plan.DisplayTitle).
const DefaultTitle = wizard.Untitled

// Summary is what the drafts list shows of a draft; reading it never decodes the plan.
type Summary struct {
	ID      int64
	Title   string
	Form    wizard.Form
	Partner string // partner name
	Country string // ISO 3166-1 alpha-2 code
	Updated time.Time
	Percent int // completeness 0–100 (wizard.Plan.Progress)
	// Demo is the sample's name when the draft was created by `aect demo`, else "".
	Demo string
	// DeletedAt is zero unless the draft is in the bin.
	DeletedAt time.Time
}

// Draft is a whole draft: its summary, its plan, and where the user was in the assistant.
type Draft struct {
	Summary
	// Created is when the draft was created (a copy or an import is a new draft).
	Created time.Time
	// Version increments at every save; Save uses it to detect a change made elsewhere.
	Version int64
	Plan    *wizard.Plan
	UI      UIState
}

// UIState is where the user was in the assistant, so that reopening a draft returns there.
type UIState struct {
	Section  int   `json:"section"`   // wizard.Section index
	ToReview []int `json:"to_review"` // sections marked "à revoir"
	// Question is the ID of the question the user was on ("implementation.operator",
	// "funding[2].amount"), or "" (a list, the review, the documents).
	Question string `json:"question,omitempty"`
	// Budgets keeps the annual budget of each 1 % competence the user unticked, so that
	// ticking it again gives the budget back, in this session or a later one: unticking
	// removes the competence from the plan, and an answer is never erased. In cents (a
	// plain number here: wizard.Cents writes euros, for the plan format).
	Budgets map[wizard.ServiceKind]int64 `json:"budgets,omitempty"`
	// Marks holds the answers to review (« à revoir »), by question ID, with the reason:
	// an answer they depend on changed after they were given (wizard.Dependents).
	Marks map[string]string `json:"marks,omitempty"`
}

// Key tells the draft from a draft of the same number in another database: its number
// and creation time. An export folder records it (document.DraftRef).
func (d Draft) Key() string {
	t := d.Created.UTC()
	return fmt.Sprintf("brouillon n° %d créé le %s à %s UTC", d.ID, wizard.FormatDate(wizard.DateOf(t)), t.Format("15:04:05,000"))
}

// record is a plan ready to be stored: validated, in canonical compact JSON, with the
// columns derived from it.
type record struct {
	plan    *wizard.Plan
	json    []byte
	hash    string
	percent int
}

// prepare validates p the way an answers file is validated, so that the store never holds
// a plan it could not read back: p is encoded and decoded again, and a problem comes back
// as the decoder's *wizard.DecodeError (French, naming the JSON path). p is not modified.
func prepare(p *wizard.Plan) (record, error) {
	if p == nil {
		p = &wizard.Plan{}
	}
	enc, err := wizard.Encode(p)
	if err != nil {
		return record{}, err
	}
	dec, err := wizard.Decode(enc)
	if err != nil {
		return record{}, err
	}
	return canonical(dec)
}

// canonical builds the record of a plan that already went through wizard.Decode.
func canonical(p *wizard.Plan) (record, error) {
	enc, err := wizard.Encode(p)
	if err != nil {
		return record{}, err
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, enc); err != nil {
		return record{}, err
	}
	sum := sha256.Sum256(buf.Bytes())
	return record{plan: p, json: buf.Bytes(), hash: hex.EncodeToString(sum[:]), percent: p.Progress().Percent}, nil
}

// withTitle returns a shallow copy of p (nil gives an empty plan) with the given title.
func withTitle(p *wizard.Plan, title string) *wizard.Plan {
	var q wizard.Plan
	if p != nil {
		q = *p
	}
	q.Title = title
	return &q
}

// searchText is the folded text a list query is matched against: title, partner, authority,
// country (French name) and form (French label).
func searchText(title string, p *wizard.Plan) string {
	parts := []string{title, p.Partner.Name, p.Authority.Name}
	if c, ok := wizard.LookupCountry(p.Partner.Country); ok {
		parts = append(parts, c.Name)
	}
	if p.Form != "" {
		parts = append(parts, wizard.Forms.Label(p.Form))
	}
	return wizard.Fold(strings.Join(parts, " "))
}

// effectiveTitle is the title column for a plan: its own title, else the one composed
// from its answers (« Jumelage Belmont – Lindenbach »), else the fallback.
func effectiveTitle(p *wizard.Plan, fallback string) string {
	if t := p.DisplayTitle(); t != "" {
		return t
	}
	return fallback
}

// newDraft describes a draft to insert.
type newDraft struct {
	title      string
	rec        record
	demo       string
	importHash string
	ui         UIState
}

// insert adds a draft at version 1 with its first revision, and returns its id.
func (s *Store) insert(tx *sql.Tx, n newDraft) (int64, error) {
	now := s.nowMillis()
	ui, err := json.Marshal(n.ui)
	if err != nil {
		return 0, err
	}
	p := n.rec.plan
	res, err := tx.Exec(`INSERT INTO drafts (owner, title, form, partner, country, percent, demo, created_at, updated_at,
		version, content_hash, import_hash, ui, search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
		s.owner, oneLine(n.title), string(p.Form), oneLine(p.Partner.Name), p.Partner.Country, n.rec.percent, oneLine(n.demo), now, now,
		n.rec.hash, n.importHash, string(ui), searchText(n.title, p))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	rev, err := insertRevision(tx, id, 1, now, n.title, n.rec)
	if err != nil {
		return 0, err
	}
	_, err = tx.Exec("UPDATE drafts SET head_revision = ? WHERE id = ?", rev, id)
	return id, err
}

func insertRevision(tx *sql.Tx, draftID, version, savedAt int64, title string, rec record) (int64, error) {
	res, err := tx.Exec("INSERT INTO revisions (draft_id, version, saved_at, title, percent, plan) VALUES (?, ?, ?, ?, ?, ?)",
		draftID, version, savedAt, oneLine(title), rec.percent, string(rec.json))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// head is the stored state of a draft a write starts from.
type head struct {
	version int64
	hash    string
	title   string
	deleted bool
}

// headOf reads the head of draft id of the store's owner; another owner's draft is not
// found. Every write of a draft starts here, in its transaction.
func (s *Store) headOf(tx *sql.Tx, id int64) (head, error) {
	var h head
	var deletedAt int64
	err := tx.QueryRow("SELECT version, content_hash, title, deleted_at FROM drafts WHERE id = ? AND owner = ?", id, s.owner).
		Scan(&h.version, &h.hash, &h.title, &deletedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return h, &NotFoundError{ID: id}
	}
	h.deleted = deletedAt != 0
	return h, err
}

// commit stores rec as the new head revision of draft id, bumps its version and refreshes
// the list columns, then thins its history. It returns the new version.
func (s *Store) commit(tx *sql.Tx, id int64, h head, title string, rec record) (int64, error) {
	now := s.nowMillis()
	version := h.version + 1
	rev, err := insertRevision(tx, id, version, now, title, rec)
	if err != nil {
		return 0, err
	}
	p := rec.plan
	_, err = tx.Exec(`UPDATE drafts SET title = ?, form = ?, partner = ?, country = ?, percent = ?, updated_at = ?,
		version = ?, head_revision = ?, content_hash = ?, search = ? WHERE id = ?`,
		oneLine(title), string(p.Form), oneLine(p.Partner.Name), p.Partner.Country, rec.percent, now,
		version, rev, rec.hash, searchText(title, p), id)
	if err != nil {
		return 0, err
	}
	if err := s.prune(tx, id, rev); err != nil {
		return 0, err
	}
	return version, nil
}

// Create stores a new draft with plan p (nil or empty for a blank draft) and returns it. An
// empty title gives p's own title, else the one composed from its answers, else "Projet
// sans titre"; a non-empty title also becomes
// the plan's title. A plan the answers-file decoder would refuse is refused with its
// *wizard.DecodeError and nothing is written.
func (s *Store) Create(title string, p *wizard.Plan) (Draft, error) {
	title = strings.TrimSpace(title)
	if title != "" {
		p = withTitle(p, title)
	}
	rec, err := prepare(p)
	if err != nil {
		return Draft{}, err
	}
	return s.create("créer le brouillon", newDraft{title: effectiveTitle(rec.plan, DefaultTitle), rec: rec})
}

func (s *Store) create(op string, n newDraft) (Draft, error) {
	var d Draft
	err := s.write(op, func(tx *sql.Tx) error {
		id, err := s.insert(tx, n)
		if err != nil {
			return err
		}
		d, err = s.get(tx, id)
		return err
	})
	return d, err
}

// querier is what get needs of a *sql.DB or a *sql.Tx.
type querier interface {
	QueryRow(query string, args ...any) *sql.Row
}

// Get returns draft id, in the bin or not. A missing draft, or another owner's, gives a
// *NotFoundError.
func (s *Store) Get(id int64) (Draft, error) {
	d, err := s.get(s.db, id)
	return d, s.wrap(fmt.Sprintf("lire le brouillon n° %d", id), err)
}

// get reads draft id of the store's owner.
func (s *Store) get(q querier, id int64) (Draft, error) {
	var (
		d                           Draft
		form, ui                    string
		created, updated, deletedAt int64
		plan                        sql.NullString
	)
	err := q.QueryRow(`SELECT d.id, d.title, d.form, d.partner, d.country, d.created_at, d.updated_at, d.percent, d.demo, d.deleted_at,
		d.version, d.ui, r.plan FROM drafts d LEFT JOIN revisions r ON r.id = d.head_revision WHERE d.id = ? AND d.owner = ?`, id, s.owner).
		Scan(&d.ID, &d.Title, &form, &d.Partner, &d.Country, &created, &updated, &d.Percent, &d.Demo, &deletedAt,
			&d.Version, &ui, &plan)
	if errors.Is(err, sql.ErrNoRows) {
		return Draft{}, &NotFoundError{ID: id}
	}
	if err != nil {
		return Draft{}, err
	}
	d.Form, d.Created, d.Updated, d.DeletedAt = wizard.Form(form), fromMillis(created), fromMillis(updated), fromMillis(deletedAt)
	if !plan.Valid {
		return Draft{}, &unreadableError{id: id, err: errors.New("head revision missing")}
	}
	if d.Plan, err = wizard.Decode([]byte(plan.String)); err != nil {
		return Draft{}, &unreadableError{id: id, err: err}
	}
	// The place in the assistant is a convenience: a damaged value is forgotten.
	_ = json.Unmarshal([]byte(ui), &d.UI)
	return d, nil
}

// Save stores the whole plan p as the new state of draft id, if the stored version is still
// baseVersion, and returns the new version. Otherwise it writes nothing and returns a
// *ConflictError (errors.Is(err, ErrConflict)) so that the interface can offer to reload
// or to save a copy. A save that changes nothing (p identical to the stored plan, at
// baseVersion) writes nothing and returns baseVersion: autosaving an unchanged plan does
// not fill the history. The title column follows p.Title when non-empty. An invalid plan
// is refused with its *wizard.DecodeError.
func (s *Store) Save(id int64, baseVersion int64, p *wizard.Plan) (int64, error) {
	rec, err := prepare(p)
	if err != nil {
		return 0, err
	}
	var version int64
	err = s.write(fmt.Sprintf("enregistrer le brouillon n° %d", id), func(tx *sql.Tx) error {
		h, err := s.headOf(tx, id)
		if err != nil {
			return err
		}
		if h.version != baseVersion {
			return &ConflictError{ID: id, Base: baseVersion, Current: h.version, Deleted: h.deleted}
		}
		if h.hash == rec.hash {
			version = h.version // nothing changed: no revision, same version
			return nil
		}
		version, err = s.commit(tx, id, h, effectiveTitle(rec.plan, DefaultTitle), rec)
		return err
	})
	return version, err
}

// SaveUI records where the user is in the assistant for draft id. It keeps no revision and
// does not change the version.
func (s *Store) SaveUI(id int64, ui UIState) error {
	data, err := json.Marshal(ui)
	if err != nil {
		return err
	}
	return s.write(fmt.Sprintf("enregistrer la position dans le brouillon n° %d", id), func(tx *sql.Tx) error {
		return mustAffect(tx, id, "UPDATE drafts SET ui = ? WHERE id = ? AND owner = ?", string(data), id, s.owner)
	})
}

// mustAffect runs an update of draft id and reports a *NotFoundError if no row matched.
func mustAffect(tx *sql.Tx, id int64, query string, args ...any) error {
	res, err := tx.Exec(query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return &NotFoundError{ID: id}
	}
	return nil
}

// summaryColumns are what a list reads, all from the drafts_list index. The five text
// columns travel as one, joined by a unit separator (which oneLine keeps out of them): each
// column read costs the driver several mutex round trips, and a list reads ten thousand
// rows.
const summaryColumns = "id, updated_at, percent, deleted_at, title || char(31) || form || char(31) || partner || char(31) || country || char(31) || demo"

// oneLine is the form of a text kept in a list column: control characters (line breaks,
// tabs, the unit separator of summaryColumns) become spaces. The plan keeps the text as
// typed.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// List returns the drafts not in the bin, most recently saved first. A non-empty query
// keeps the drafts where every word of it appears in the title, the partner's name, the
// authority's name, the partner country's French name or the form's label, ignoring case
// and accents ("evry" finds "Évry", "cote" finds "Côte").
func (s *Store) List(query string) ([]Summary, error) {
	q := "SELECT " + summaryColumns + " FROM drafts WHERE owner = ? AND deleted_at = 0"
	args := []any{s.owner}
	// search is folded when written, so a folded word is an exact substring: instr needs no
	// escaping of % and _ and is cheaper than LIKE.
	for _, w := range strings.Fields(wizard.Fold(query)) {
		q += " AND instr(search, ?) > 0"
		args = append(args, w)
	}
	q += " ORDER BY updated_at DESC, id DESC"
	out, err := s.fullList(q, args...)
	return out, s.wrap("lire la liste des brouillons", err)
}

// ListHead returns the n most recently saved drafts not in the bin, and how many there are
// in all: enough to draw the first screen of a long list at once, the whole list following.
func (s *Store) ListHead(n int) ([]Summary, int, error) {
	// Counted on the narrow drafts_owner index: the same range of the wide list index
	// would cost 3 ms of a cold start for a thousand drafts.
	var total int
	if err := s.db.QueryRow("SELECT count(*) FROM drafts WHERE owner = ? AND deleted_at = 0", s.owner).Scan(&total); err != nil {
		return nil, 0, s.wrap("lire la liste des brouillons", err)
	}
	out, err := s.summaries(int64(n), "SELECT "+summaryColumns+" FROM drafts WHERE owner = ? AND deleted_at = 0 ORDER BY updated_at DESC, id DESC LIMIT ?", s.owner, n)
	return out, total, s.wrap("lire la liste des brouillons", err)
}

// ListDeleted returns the drafts in the bin, most recently deleted first.
func (s *Store) ListDeleted() ([]Summary, error) {
	out, err := s.fullList("SELECT "+summaryColumns+" FROM drafts WHERE owner = ? AND deleted_at <> 0 ORDER BY deleted_at DESC, id DESC", s.owner)
	return out, s.wrap("lire la corbeille", err)
}

// summaries reads the summary rows of a query into a slice of capacity size.
func (s *Store) summaries(size int64, query string, args ...any) ([]Summary, error) {
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]Summary, 0, size)
	// Declared once: the pointers given to Scan escape, and ten thousand rows would
	// allocate them ten thousand times.
	var (
		id, updated, deletedAt int64
		percent                int
		texts                  string
	)
	for rows.Next() {
		if err := rows.Scan(&id, &updated, &percent, &deletedAt, &texts); err != nil {
			return nil, err
		}
		sm := Summary{ID: id, Percent: percent, Updated: fromMillis(updated), DeletedAt: fromMillis(deletedAt)}
		var form, rest string
		sm.Title, rest, _ = strings.Cut(texts, "\x1f")
		form, rest, _ = strings.Cut(rest, "\x1f")
		sm.Partner, rest, _ = strings.Cut(rest, "\x1f")
		sm.Country, sm.Demo, _ = strings.Cut(rest, "\x1f")
		sm.Form = wizard.Form(form)
		out = append(out, sm)
	}
	return out, rows.Err()
}

// fullList reads a whole list. Growing a slice of ten thousand summaries costs more than
// reading them: the next list starts at the size of this one.
func (s *Store) fullList(query string, args ...any) ([]Summary, error) {
	out, err := s.summaries(s.listHint.Load(), query, args...)
	if err == nil {
		s.listHint.Store(int64(len(out)))
	}
	return out, err
}

// Duplicate creates a copy of draft id titled "<title> (copie)", with the same plan and
// place in the assistant but no history, and returns it.
func (s *Store) Duplicate(id int64) (Draft, error) {
	op := fmt.Sprintf("dupliquer le brouillon n° %d", id)
	var d Draft
	err := s.write(op, func(tx *sql.Tx) error {
		src, err := s.get(tx, id)
		if err != nil {
			return err
		}
		title := wizard.CopyTitle(src.Title)
		rec, err := canonical(withTitle(src.Plan, title))
		if err != nil {
			return err
		}
		newID, err := s.insert(tx, newDraft{title: title, rec: rec, ui: src.UI})
		if err != nil {
			return err
		}
		d, err = s.get(tx, newID)
		return err
	})
	return d, err
}

// Rename gives draft id a new title (in the list and in the plan). It is a save: it keeps
// a revision and bumps the version, so that a window editing the draft meanwhile gets a
// conflict instead of silently restoring the old title. An empty title is refused with a
// *wizard.Error.
func (s *Store) Rename(id int64, title string) error {
	title = strings.TrimSpace(title)
	if title == "" {
		return wizard.Errorf("le titre ne peut pas être vide : donnez un nom au projet")
	}
	return s.write(fmt.Sprintf("renommer le brouillon n° %d", id), func(tx *sql.Tx) error {
		d, err := s.get(tx, id)
		if err != nil {
			return err
		}
		if d.Title == title && (d.Plan.Title == title || d.Plan.Title == "" && d.Plan.SuggestedTitle() == title) {
			return nil // unchanged; a title composed from the answers stays composed
		}
		h, err := s.headOf(tx, id)
		if err != nil {
			return err
		}
		rec, err := canonical(withTitle(d.Plan, title))
		if err != nil {
			return err
		}
		_, err = s.commit(tx, id, h, title, rec)
		return err
	})
}

// Delete moves draft id to the bin, from which Restore brings it back. Its version is
// bumped, so that a window still editing it gets a conflict on its next save. Deleting a
// draft already in the bin does nothing.
func (s *Store) Delete(id int64) error {
	return s.write(fmt.Sprintf("mettre le brouillon n° %d à la corbeille", id), func(tx *sql.Tx) error {
		h, err := s.headOf(tx, id)
		if err != nil || h.deleted {
			return err
		}
		_, err = tx.Exec("UPDATE drafts SET deleted_at = ?, version = version + 1 WHERE id = ?", s.nowMillis(), id)
		return err
	})
}

// Restore brings draft id back from the bin. Restoring a draft that is not in the bin does
// nothing.
func (s *Store) Restore(id int64) error {
	return s.write(fmt.Sprintf("restaurer le brouillon n° %d", id), func(tx *sql.Tx) error {
		if _, err := s.headOf(tx, id); err != nil {
			return err
		}
		_, err := tx.Exec("UPDATE drafts SET deleted_at = 0 WHERE id = ?", id)
		return err
	})
}

// Purge deletes draft id and its history for good. Only a draft in the bin can be purged;
// for another one the error is a *wizard.Error.
func (s *Store) Purge(id int64) error {
	return s.write(fmt.Sprintf("supprimer définitivement le brouillon n° %d", id), func(tx *sql.Tx) error {
		h, err := s.headOf(tx, id)
		if err != nil {
			return err
		}
		if !h.deleted {
			return wizard.Errorf("le brouillon n° %d n'est pas dans la corbeille : mettez-le d'abord à la corbeille, seul un brouillon de la corbeille peut être supprimé définitivement", id)
		}
		_, err = tx.Exec("DELETE FROM drafts WHERE id = ?", id)
		return err
	})
}
