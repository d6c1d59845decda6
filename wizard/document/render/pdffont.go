package render

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/text/unicode/norm"
)

// face is one of the four faces of Liberation Sans, the metric twin of the Arial the ODT
// and DOCX styles name: bits for bold and italic.
type face uint8

const (
	faceBold face = 1 << iota
	faceItalic
	faceRegular    face = 0
	faceBoldItalic      = faceBold | faceItalic
)

// pdfFaces are the TrueType fonts embedded (subset) in a PDF, by face, with the
// PostScript name the PDF gives them.
var pdfFaces = [4]struct {
	ttf  []byte
	name string
	tag  string // subset tag: six capital letters, one per face
}{
	faceRegular:    {liberationsansregular.TTF, "LiberationSans", "AECTAA"},
	faceBold:       {liberationsansbold.TTF, "LiberationSans-Bold", "AECTAB"},
	faceItalic:     {liberationsansitalic.TTF, "LiberationSans-Italic", "AECTAC"},
	faceBoldItalic: {liberationsansbolditalic.TTF, "LiberationSans-BoldItalic", "AECTAD"},
}

// family is the name fpdf knows a face by. fpdf calls an embedded font "utf8" + the
// lower-cased family: "utf8aec" is as long as a subset tag and its "+", so that
// subsetTags can name the fonts the standard way without moving a byte of the file.
func (fc face) family() string { return "aec" + strings.ToLower(pdfFaces[fc].name) }

// subsetTags names each embedded font "AECTAB+LiberationSans-Bold": the prefix that
// tells readers (and pdffonts) that the font is a subset, which fpdf's subsets are but
// do not say. The replacement has the same length, so the cross-reference table stays
// right. Longest names first: "liberationsans" begins the other three.
func subsetTags(pdf []byte) []byte {
	for _, fc := range []face{faceBoldItalic, faceItalic, faceBold, faceRegular} {
		old := "/utf8" + fc.family()
		pdf = bytes.ReplaceAll(pdf, []byte(old), []byte("/"+pdfFaces[fc].tag+"+"+pdfFaces[fc].name))
	}
	return pdf
}

// glyphSet is the set of characters of the Basic Multilingual Plane a font has a glyph
// for.
type glyphSet [0x10000 / 64]uint64

func (g *glyphSet) has(r rune) bool { return r >= 0 && r < 0x10000 && g[r/64]&(1<<(r%64)) != 0 }

// pdfGlyphs are the characters all four faces can draw.
var pdfGlyphs = sync.OnceValue(func() *glyphSet {
	var all *glyphSet
	for _, f := range pdfFaces {
		g := cmapGlyphs(f.ttf)
		if all == nil {
			all = g
			continue
		}
		for i := range all {
			all[i] &= g[i]
		}
	}
	return all
})

// cmapGlyphs reads the Unicode BMP character map (format 4) of a TrueType font. A font
// it cannot read gives an empty set: every character is then replaced, none is lost in
// a way nobody sees.
func cmapGlyphs(ttf []byte) *glyphSet {
	set := &glyphSet{}
	u16 := func(off int) int {
		if off < 0 || off+2 > len(ttf) {
			return 0
		}
		return int(binary.BigEndian.Uint16(ttf[off:]))
	}
	u32 := func(off int) int {
		if off < 0 || off+4 > len(ttf) {
			return 0
		}
		return int(binary.BigEndian.Uint32(ttf[off:]))
	}
	cmap := -1
	for i := range u16(4) {
		rec := 12 + 16*i
		if rec+16 <= len(ttf) && string(ttf[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return set
	}
	sub := -1
	for i := range u16(cmap + 2) {
		rec := cmap + 4 + 8*i
		platform, encoding := u16(rec), u16(rec+2)
		if (platform == 3 && encoding == 1) || (platform == 0 && encoding == 3) {
			if off := cmap + u32(rec+4); u16(off) == 4 {
				sub = off
				break
			}
		}
	}
	if sub < 0 {
		return set
	}
	segs := u16(sub+6) / 2
	ends, starts := sub+14, sub+16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	for i := range segs {
		start, end := u16(starts+2*i), u16(ends+2*i)
		delta, rangeOff := u16(deltas+2*i), u16(ranges+2*i)
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := (c + delta) & 0xFFFF
			if rangeOff != 0 {
				g = u16(ranges + 2*i + rangeOff + 2*(c-start))
				if g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				set[c/64] |= 1 << (c % 64)
			}
		}
	}
	return set
}

// pdfSubstitutes are drawn in place of characters Liberation Sans lacks.
var pdfSubstitutes = map[rune]rune{
	'\u2011': '-', // non-breaking hyphen
	'\ufffd': '?',
}

// pdfRune is r, or what is drawn in its place when the fonts have no glyph for it: a
// look-alike, its base letter ("ⓐ" gives "a"), or "?". (The boxes to tick, ☐ and ☑, are
// drawn: see drawBox.)
func pdfRune(r rune, glyphs *glyphSet) rune {
	if glyphs.has(r) {
		return r
	}
	if s, ok := pdfSubstitutes[r]; ok && glyphs.has(s) {
		return s
	}
	if d := norm.NFKD.String(string(r)); d != "" {
		if base, _ := utf8.DecodeRuneInString(d); base != r && glyphs.has(base) {
			return base
		}
	}
	return '?'
}

// MissingGlyphs lists, once each and in order, the characters of s that the PDF's fonts
// cannot draw (a PDF shows a substitute or « ? » in their place); the boxes to tick,
// which are drawn, and line breaks are not missing.
func MissingGlyphs(s string) []rune {
	glyphs := pdfGlyphs()
	var out []rune
	for _, r := range s {
		if r != '☐' && r != '☑' && r != '\n' && !glyphs.has(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}
