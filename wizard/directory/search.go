package directory

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"aect/wizard/internal/fold"
)

// Result is one match of a search: a commune or an EPCI.
type Result struct {
	Commune *Commune // set for a commune
	EPCI    *EPCI    // set for an EPCI
}

// Name is the official name of the commune or the EPCI.
func (r Result) Name() string {
	if r.EPCI != nil {
		return r.EPCI.Name
	}
	if r.Commune != nil {
		return r.Commune.Name
	}
	return ""
}

// Limits that keep a search fast whatever is typed or pasted.
const (
	maxQueryBytes = 200
	maxQueryWords = 12
)

// Key is the form in which names and queries are compared: folded (no case, accents or
// ligatures), every run of other characters than letters and digits (hyphens,
// apostrophes, parentheses, control characters) made one space, and the abbreviations
// « st » and « ste » written « saint » and « sainte ». Key("St-Cyprien") == "saint cyprien".
func Key(s string) string {
	return string(appendKey(nil, s, true))
}

// appendKey appends Key(s) to b, with the abbreviations expanded or not: one pass, as
// the index keys 36 000 names when it loads.
func appendKey(b []byte, s string, expand bool) []byte {
	start := len(b)
	word := len(b) // start of the current word
	endWord := func() {
		if long, ok := abbreviations[string(b[word:])]; ok && expand {
			b = append(b[:word], long...)
		}
	}
	for _, r := range fold.Fold(s) {
		switch {
		case r < 0x80 && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'), r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.Is(unicode.Lm, r):
			if len(b) > start && b[len(b)-1] == ' ' {
				word = len(b)
			}
			b = utf8.AppendRune(b, r)
		case r >= 0x80 && unicode.Is(unicode.Lm, r):
			// a modifier letter goes: the ʻokina of « Faʻaʻā » is not typed on a French keyboard
		case len(b) > start && b[len(b)-1] != ' ':
			endWord()
			b = append(b, ' ')
		}
	}
	if len(b) > start && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	} else if len(b) > start {
		endWord()
	}
	return b
}

// words splits the key of s into words, abbreviations unexpanded.
func words(s string) []string {
	return strings.Fields(string(appendKey(nil, s, false)))
}

var abbreviations = map[string]string{"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}

func expand(ws []string) []string {
	for i, w := range ws {
		if long, ok := abbreviations[w]; ok {
			ws[i] = long
		}
	}
	return ws
}

// stopWords need not match when other words do: « saint cyprien de dordogne ».
var stopWords = map[string]bool{"a": true, "au": true, "aux": true, "d": true, "de": true, "des": true, "du": true,
	"en": true, "et": true, "l": true, "la": true, "le": true, "les": true, "sur": true, "sous": true}

// epciPhrases are the words a user types for the abbreviations of the EPCI names.
var epciPhrases = []struct{ long, short string }{
	{" communaute de communes ", " cc "},
	{" communaute d agglomeration ", " ca "},
	{" communaute urbaine ", " cu "},
}

// epciWords are single words a user types for the abbreviation in an EPCI's name.
var epciWords = map[string]string{"agglo": "ca", "agglomeration": "ca"}

// searchIndex holds the keys of every name, padded with spaces: " saint cyprien ".
type searchIndex struct {
	all      string             // every key, one after the other: communes, EPCI, départements
	starts   []int32            // offset in all of each key, and the end of the last
	keyAt    []int32            // the key holding each 64-byte block's first byte: a fast way from an offset to its key
	postcode map[string][]int32 // communes by postcode
	communes []string
	epcis    []string
	deps     []string // key of each département's name, by index in d.deps
	depOf    []uint16 // index in d.deps of each commune's département
}

func (d *Directory) searchIndex() *searchIndex {
	d.indexOnce.Do(func() {
		ix := &searchIndex{
			communes: make([]string, len(d.communes)),
			epcis:    make([]string, len(d.epcis)),
			deps:     make([]string, len(d.deps)),
			depOf:    make([]uint16, len(d.communes)),
		}
		// One string holds every key, padded with spaces; the keys are slices of it.
		var buf []byte
		var ends []int
		add := func(name string) {
			buf = append(buf, ' ')
			buf = appendKey(buf, name, true)
			buf = append(buf, ' ')
			ends = append(ends, len(buf))
		}
		for i := range d.communes {
			add(d.communes[i].Name)
			ix.depOf[i] = uint16(d.depIndex[d.communes[i].Departement])
		}
		for i := range d.epcis {
			add(d.epcis[i].Name)
		}
		for i := range d.deps {
			add(d.deps[i].Name)
		}
		all, start := string(buf), 0
		ix.all = all
		ix.starts = make([]int32, 0, len(ends)+1)
		ix.starts = append(ix.starts, 0)
		for k, end := range ends {
			ix.starts = append(ix.starts, int32(end))
			key := all[start:end]
			switch {
			case k < len(d.communes):
				ix.communes[k] = key
			case k < len(d.communes)+len(d.epcis):
				ix.epcis[k-len(d.communes)] = key
			default:
				ix.deps[k-len(d.communes)-len(d.epcis)] = key
			}
			start = end
		}
		ix.keyAt = make([]int32, len(all)/64+1)
		k := 0
		for b := range ix.keyAt {
			for int(ix.starts[k+1]) <= b*64 {
				k++
			}
			ix.keyAt[b] = int32(k)
		}
		ix.postcode = make(map[string][]int32, 7000)
		for i := range d.communes {
			for _, p := range d.communes[i].Postcodes {
				ix.postcode[p] = append(ix.postcode[p], int32(i))
			}
		}
		d.index = ix
	})
	return d.index
}

// query is a search, prepared once for the whole scan.
type query struct {
	key   string // " saint cyprien": the whole query, to compare with the whole name
	words []qword
	codes []string // numbers: postcode, INSEE code, SIREN, département
}

type qword struct {
	text   string // "cyprien"
	spaced string // " cyprien": the start of a word of the name
	alt    string // " saint ": what « st » may stand for
	stop   bool
}

func parseQuery(s string) (query, bool) {
	if len(s) > maxQueryBytes {
		s = s[:maxQueryBytes] // a cut rune folds to nothing: words keeps letters only
	}
	raw := words(s)
	if n := compactSIREN(strings.TrimSpace(s)); isDigits(n) && (len(n) == 14 || len(n) == 9 && len(raw) > 1) {
		raw = []string{n[:9]} // a SIREN or a SIRET written in groups: « 212 403 968 »
	}
	if len(raw) > maxQueryWords {
		raw = raw[:maxQueryWords]
	}
	var q query
	var keyWords []string
	for _, w := range raw {
		if isCodeWord(w) {
			q.codes = append(q.codes, strings.ToUpper(w))
			continue
		}
		keyWords = append(keyWords, w)
		qw := qword{text: w, spaced: " " + w, stop: stopWords[w]}
		if long, ok := abbreviations[w]; ok {
			// « st » is typed on the way to « strasbourg » too: keep both readings.
			qw.alt = " " + long + " "
		} else if short, ok := epciWords[w]; ok {
			qw.alt = " " + short + " "
		}
		q.words = append(q.words, qw)
	}
	q.key = " " + strings.Join(expand(slices.Clone(keyWords)), " ")
	for _, p := range epciPhrases {
		if strings.Contains(q.key+" ", p.long) {
			short := strings.TrimSpace(p.short)
			q.key = strings.Replace(q.key+" ", p.long, p.short, 1)
			q.key = strings.TrimSuffix(q.key, " ")
			q.words = replacePhrase(q.words, strings.Fields(p.long), short)
		}
	}
	allStop := true
	for _, w := range q.words {
		allStop = allStop && w.stop
	}
	if allStop { // « le » alone is what the user is looking for
		for i := range q.words {
			q.words[i].stop = false
		}
	}
	return q, len(q.words) > 0 || len(q.codes) > 0
}

// replacePhrase replaces the words of phrase, where they follow one another, by short.
func replacePhrase(ws []qword, phrase []string, short string) []qword {
	for i := 0; i+len(phrase) <= len(ws); i++ {
		match := true
		for j, p := range phrase {
			match = match && ws[i+j].text == p
		}
		if match {
			out := append(slices.Clone(ws[:i]), qword{text: short, spaced: " " + short})
			return append(out, ws[i+len(phrase):]...)
		}
	}
	return ws
}

// isCodeWord: digits, or a Corsican code (2a, 2b004).
func isCodeWord(w string) bool {
	if isDigits(w) {
		return true
	}
	return len(w) >= 2 && (w[:2] == "2a" || w[:2] == "2b") && (len(w) == 2 || isDigits(w[2:]))
}

// Ranks of a match, best first.
const (
	rankExact  = iota // the whole name, or a whole code (INSEE, SIREN, postcode)
	rankPrefix        // the name starts with the query
	rankWords         // every word starts a word of the name
	rankLoose         // some word is inside a word, or names the département
	noMatch
)

// wordRank is how well the query's words match a name key: rankWords, rankLoose or
// noMatch.
func wordRank(key, depKey string, ws []qword) int {
	rank := rankWords
	matched := false
	for i := range ws {
		w := &ws[i]
		switch {
		case strings.Contains(key, w.spaced), w.alt != "" && strings.Contains(key, w.alt):
			matched = true
		case len(w.text) >= 3 && (strings.Contains(key, w.text) || depKey != "" && strings.Contains(depKey, w.spaced)):
			matched = true
			rank = rankLoose
		case w.stop:
		default:
			return noMatch
		}
	}
	if !matched && len(ws) > 0 {
		return noMatch
	}
	return rank
}

// nameRank adds the whole-name ranks to wordRank.
func nameRank(key, depKey string, q *query) int {
	if len(q.words) == 0 {
		return rankWords
	}
	r := wordRank(key, depKey, q.words)
	if r == noMatch {
		return noMatch
	}
	switch {
	case len(key) == len(q.key)+1 && strings.HasPrefix(key, q.key):
		return rankExact
	case strings.HasPrefix(key, q.key):
		return rankPrefix
	}
	return r
}

func (d *Directory) communeRank(ix *searchIndex, i int, q *query) int {
	c := &d.communes[i]
	exact := false
	for _, code := range q.codes {
		switch {
		case code == c.INSEE || code == c.SIREN:
			exact = true
		case slices.Contains(c.Postcodes, code):
			exact = true
		case len(code) == 9 && isDigits(code): // a SIREN that is not this commune's
			return noMatch
		case strings.HasPrefix(c.INSEE, code), code == c.Departement, hasPrefixAny(c.Postcodes, code):
		default:
			return noMatch
		}
	}
	depKey := ix.deps[ix.depOf[i]]
	r := nameRank(ix.communes[i], depKey, q)
	if exact && r <= rankWords {
		return rankExact
	}
	return r
}

func (d *Directory) epciRank(ix *searchIndex, i int, q *query) int {
	e := &d.epcis[i]
	exact := false
	for _, code := range q.codes {
		switch {
		case code == e.SIREN:
			exact = true
		case slices.Contains(e.Departements, code):
		default:
			return noMatch
		}
	}
	r := nameRank(ix.epcis[i], "", q)
	if exact && r <= rankWords {
		return rankExact
	}
	return r
}

func hasPrefixAny(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// hit is a match being ranked: commune i, or EPCI -1-i.
type hit struct {
	rank int
	pop  int
	i    int32
}

func (d *Directory) name(h hit) string {
	if h.i < 0 {
		return d.epcis[-1-h.i].Name
	}
	return d.communes[h.i].Name
}

// compare orders hits: better rank, communes before EPCI (an EPCI's population is not
// comparable with a commune's), then larger population, then name and code.
func (d *Directory) compare(a, b hit) int {
	if c := cmp.Compare(a.rank, b.rank); c != 0 {
		return c
	}
	if ea, eb := a.i < 0, b.i < 0; ea != eb {
		if ea {
			return 1
		}
		return -1
	}
	if c := cmp.Compare(b.pop, a.pop); c != 0 {
		return c
	}
	if c := strings.Compare(d.name(a), d.name(b)); c != 0 {
		return c
	}
	return cmp.Compare(a.i, b.i)
}

// Search finds the communes and EPCI matching what the user typed: words of the name in
// any order, ignoring case, accents, hyphens and apostrophes, « st » for « saint »;
// a postcode, an INSEE code, a SIREN or a département code. It returns the best limit
// matches (all of them when limit ≤ 0), best first — the exact name, then the names
// that start with the query, then those whose words start with the query's words, each
// by decreasing population — and how many matched in all.
func (d *Directory) Search(text string, limit int) (results []Result, total int) {
	q, ok := parseQuery(text)
	if !ok {
		return nil, 0
	}
	ix := d.searchIndex()
	var top []hit
	add := func(h hit) {
		total++
		if limit <= 0 {
			top = append(top, h)
			return
		}
		if len(top) == limit && d.compare(h, top[limit-1]) >= 0 {
			return
		}
		pos, _ := slices.BinarySearchFunc(top, h, d.compare)
		if len(top) == limit {
			top = top[:limit-1]
		}
		top = slices.Insert(top, pos, h)
	}
	var cand []uint64
	if driver := q.driver(); driver != nil {
		// Rank only the names where the most telling word appears.
		cand = d.candidates(ix, driver)
	} else {
		for _, code := range q.codes {
			if cand = d.codeCandidates(ix, code); cand != nil {
				break
			}
		}
	}
	if cand != nil {
		for k, word := range cand {
			for word != 0 {
				i := k*64 + bits.TrailingZeros64(word)
				word &= word - 1
				if i < len(d.communes) {
					if r := d.communeRank(ix, i, &q); r != noMatch {
						add(hit{r, d.communes[i].PopulationMunicipale, int32(i)})
					}
				} else if e := i - len(d.communes); e < len(d.epcis) {
					if r := d.epciRank(ix, e, &q); r != noMatch {
						add(hit{r, d.epcis[e].PopulationMunicipale, int32(-1 - e)})
					}
				}
			}
		}
	} else {
		for i := range d.communes {
			if r := d.communeRank(ix, i, &q); r != noMatch {
				add(hit{r, d.communes[i].PopulationMunicipale, int32(i)})
			}
		}
		for i := range d.epcis {
			if r := d.epciRank(ix, i, &q); r != noMatch {
				add(hit{r, d.epcis[i].PopulationMunicipale, int32(-1 - i)})
			}
		}
	}
	if limit <= 0 {
		slices.SortFunc(top, d.compare)
	}
	results = make([]Result, len(top))
	for k, h := range top {
		if h.i < 0 {
			results[k].EPCI = &d.epcis[-1-h.i]
		} else {
			results[k].Commune = &d.communes[h.i]
		}
	}
	return results, total
}

// driver is the word every match must contain, the longest: nil when the query has
// only numbers, or only stop words that may be absent.
func (q *query) driver() *qword {
	var best *qword
	for i := range q.words {
		w := &q.words[i]
		if !w.stop && (best == nil || len(w.text) > len(best.text)) {
			best = w
		}
	}
	return best
}

// candidates is the set (one bit per commune, then per EPCI) of the names that contain
// w as wordRank reads it — inside a word from three letters, else at the start of a
// word, or what « st » stands for — and of the communes of the départements whose name
// has w. It scans the one string of all keys instead of each name.
func (d *Directory) candidates(ix *searchIndex, w *qword) []uint64 {
	n := len(d.communes) + len(d.epcis)
	set := make([]uint64, (n+63)/64)
	patterns := []string{w.spaced}
	if len(w.text) >= 3 {
		patterns[0] = w.text
	}
	if w.alt != "" {
		patterns = append(patterns, w.alt)
	}
	end := int(ix.starts[n]) // the départements' keys are not candidates
	for _, p := range patterns {
		for pos := 0; pos < end; {
			j := strings.Index(ix.all[pos:end], p)
			if j < 0 {
				break
			}
			// The key holding the match: a pattern never spans two keys, whose padding
			// spaces meet.
			k := ix.keyOf(pos + j)
			set[k/64] |= 1 << (k % 64)
			pos = int(ix.starts[k+1])
		}
	}
	if len(w.text) >= 3 {
		for di, key := range ix.deps {
			if !strings.Contains(key, w.spaced) {
				continue
			}
			for i, dep := range ix.depOf {
				if int(dep) == di {
					set[i/64] |= 1 << (i % 64)
				}
			}
		}
	}
	return set
}

// keyOf is the index of the key holding the byte at offset off of all.
func (ix *searchIndex) keyOf(off int) int {
	k := int(ix.keyAt[off/64])
	for int(ix.starts[k+1]) <= off {
		k++
	}
	return k
}

// codeCandidates is the set of the communes and EPCI a whole code may name — an INSEE
// code or a postcode (5 characters), a SIREN (9 digits) — or nil for another code, which
// the search checks on every commune.
func (d *Directory) codeCandidates(ix *searchIndex, code string) []uint64 {
	if len(code) != 5 && len(code) != 9 {
		return nil
	}
	n := len(d.communes) + len(d.epcis)
	set := make([]uint64, (n+63)/64)
	mark := func(k int) { set[k/64] |= 1 << (k % 64) }
	if len(code) == 9 {
		if i, ok := d.bySIREN[code]; ok {
			if i >= 0 {
				mark(int(i))
			} else {
				mark(len(d.communes) + int(-1-i))
			}
		}
		return set
	}
	if i, ok := d.byINSEE[code]; ok {
		mark(int(i))
	}
	for _, i := range ix.postcode[code] {
		mark(int(i))
	}
	return set
}
