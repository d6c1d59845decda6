// This file is an aect patch to fpdf v0.12.0 (see PATCHES.md), under the
// MIT license of the package (see the LICENSE file).

package fpdf

// aect patch: a process-wide cache of parsed UTF-8 fonts (see PATCHES.md).
//
// AddUTF8FontFromBytes parsed the whole TrueType file and json-marshalled its
// 65 536 character widths to hash a font ID, for every document, although
// the result depends only on the font's bytes (and, for the ID, on the font
// key). The cache keeps, once per distinct font content, what the parse
// gives the font definition (descriptor, underline metrics, character
// widths) and, once per font key, the font ID, so that documents come out
// byte for byte as before. The widths are shared by every Fpdf using the
// font: nothing writes into a fontDefType's Cw after it is made. Each Fpdf
// still gets its own utf8FontFile, which GenerateCutFont rebuilds from the
// bytes without needing a parse.
//
// Fonts are found by content, not by the slice's address: a maphash of the
// bytes, then bytes.Equal against the slice first seen (immediate when it
// is the same slice). A caller that reuses a buffer for another font thus
// never gets the metrics of the former one. The cache keeps every distinct
// font added from bytes alive for the life of the process.

import (
	"bytes"
	"hash/maphash"
	"sync"
)

// utf8FontMetrics is what parsing a UTF-8 font gives its fontDefType.
type utf8FontMetrics struct {
	ttf  []byte
	once sync.Once
	err  error
	desc FontDescType
	up   int
	ut   int
	cw   []int // shared, read-only

	mu  sync.Mutex
	ids map[string]string // font ID by font key

	// For GenerateCutFont, see wholeFont; shared, read-only.
	wholeOnce      sync.Once
	charSymbol     map[int]int
	symbolPosition []int
}

type utf8FontCacheKey struct {
	hash uint64
	size int
}

var utf8FontCache = struct {
	seed  maphash.Seed
	mu    sync.Mutex
	fonts map[utf8FontCacheKey][]*utf8FontMetrics
}{
	seed:  maphash.MakeSeed(),
	fonts: make(map[utf8FontCacheKey][]*utf8FontMetrics),
}

// cachedUTF8Font returns the parsed metrics of the TrueType font ttf, parsing
// it the first time this content is seen. It is safe for concurrent use.
func cachedUTF8Font(ttf []byte) *utf8FontMetrics {
	key := utf8FontCacheKey{hash: maphash.Bytes(utf8FontCache.seed, ttf), size: len(ttf)}
	c := &utf8FontCache
	c.mu.Lock()
	var m *utf8FontMetrics
	for _, cand := range c.fonts[key] {
		if bytes.Equal(cand.ttf, ttf) {
			m = cand
			break
		}
	}
	if m == nil {
		m = &utf8FontMetrics{ttf: ttf, ids: make(map[string]string)}
		c.fonts[key] = append(c.fonts[key], m)
	}
	c.mu.Unlock()
	m.once.Do(m.parse)
	return m
}

func (m *utf8FontMetrics) parse() {
	utf8File := newUTF8Font(&fileReader{readerPosition: 0, array: m.ttf})
	if m.err = utf8File.parseFile(); m.err != nil {
		return
	}
	m.desc = FontDescType{
		Ascent:       int(utf8File.Ascent),
		Descent:      int(utf8File.Descent),
		CapHeight:    utf8File.CapHeight,
		Flags:        utf8File.Flags,
		FontBBox:     utf8File.Bbox,
		ItalicAngle:  utf8File.ItalicAngle,
		StemV:        utf8File.StemV,
		MissingWidth: round(utf8File.DefaultWidth),
	}
	m.up = int(round(utf8File.UnderlinePosition))
	m.ut = round(utf8File.UnderlineThickness)
	m.cw = utf8File.CharWidths
}

// fontID is generateFontID(def) for a def made from m, computed once per font
// key: the other fields that generateFontID hashes are m's or constant.
func (m *utf8FontMetrics) fontID(def fontDefType) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	id, ok := m.ids[def.Name]
	if !ok {
		id, _ = generateFontID(def)
		m.ids[def.Name] = id
	}
	return id
}

// wholeFont gives utf, in GenerateCutFont, the character map of the whole font
// (charSymbolDictionary) and the positions of all its glyphs (symbolPosition),
// read from the font once and shared read-only: GenerateCutFont rebuilt them,
// with maps of every character of the font, for every document. It reports
// false when the font has no Unicode character map. The widths that
// GenerateCutFont also rebuilt (parseHMTXTable) are not: nothing reads them
// after it. locaFormat and numSymbols are read from the same bytes, so every
// caller passes the same values.
func (m *utf8FontMetrics) wholeFont(utf *utf8FontFile, locaFormat, numSymbols int) bool {
	m.wholeOnce.Do(func() {
		if utf.generateCMAP() == nil {
			return
		}
		utf.parseLOCATable(locaFormat, numSymbols)
		m.charSymbol, m.symbolPosition = utf.charSymbolDictionary, utf.symbolPosition
	})
	if m.charSymbol == nil {
		return false
	}
	utf.charSymbolDictionary, utf.symbolPosition = m.charSymbol, m.symbolPosition
	return true
}
