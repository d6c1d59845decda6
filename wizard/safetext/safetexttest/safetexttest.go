// Package safetexttest holds what the tests of aect's terminal output share: answers
// files whose every free text is hostile, and the check that nothing a terminal would act
// on reaches an output. It is written independently of package safetext, from the list of
// what must not reach a terminal, so that it can test it.
package safetexttest

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"aect/wizard"
	"aect/wizard/samples"
)

// Hostile holds every kind of character that could drive a terminal or break a layout: a
// clipboard write (OSC 52), a window title (OSC 0), a screen clear, \v, \f, \r, the C1
// control sequence introducer, DEL, a right-to-left override, an isolate, the bidi marks,
// a byte order mark, the Unicode line and paragraph separators, and C0 controls.
const Hostile = "Début \x1b]52;c;ZXZpbA==\x07 presse-papiers \x1b]0;titre\x07 fenêtre \x1b[2J effacé " +
	"\v tab-v \f saut \r retour \u009b31m C1 \u0085 \x7f DEL \u202e inversé \u202c \u2066 isolé \u2069 " +
	"\u200e\u200f\u061c marques \ufeff \u2028 \u2029 \x00\x07\x08\x1b fin"

// LongLen is the length of Long, in characters: a paragraph as long as the answers format
// accepts once Hostile is added to it (4 000 characters at most).
const LongLen = wizard.MaxParagraph - 500

// Long is a LongLen-character text with hostile characters spread through it.
var Long = longOf(LongLen)

// LongLine is the longest one-line answer (500 characters), hostile characters included.
var LongLine = longOf(wizard.MaxLine)

func longOf(size int) string {
	var b strings.Builder
	for n := 0; n < size; {
		chunk := "Échanges \x1b[7m scolaires\u202e "
		if utf8.RuneCountInString(chunk)+n > size {
			chunk = strings.Repeat("x", size-n)
		}
		b.WriteString(chunk)
		n += utf8.RuneCountInString(chunk)
	}
	return b.String()
}

// PlanJSON is an answers file (aect-plan/1) built on sample 02 (a convention with actions
// and funding lines) whose every free text holds Hostile, the long texts and the title
// LongLine; the escapes are written as JSON \u escapes, as a crafted file would hold them.
// The partner is paid through an association, so that a finding quotes its name; the
// action is delegated to an operator.
func PlanJSON() []byte { return planJSON("delegation") }

// PooledPlanJSON is PlanJSON with the action pooled with other authorities, so that the
// question of the pooled authorities applies.
func PooledPlanJSON() []byte { return planJSON("mutualisation") }

func planJSON(mode string) []byte {
	s, ok := samples.Get("02-convention-eau-senegal")
	if !ok {
		panic("safetexttest: sample 02 missing")
	}
	var p map[string]any
	if err := json.Unmarshal(s.Data, &p); err != nil {
		panic(err)
	}
	obj := func(m map[string]any, k string) map[string]any { return m[k].(map[string]any) }
	p["title"] = LongLine
	a := obj(p, "authority")
	a["name"], a["executive_name"] = Hostile, Hostile
	pa := obj(p, "partner")
	pa["name"], pa["representative"], pa["history"] = Hostile, Hostile, Hostile+Long
	pa["languages"] = []any{Hostile, "wolof"}
	obj(p, "domain")["objectives"] = Long + Hostile
	p["implementation"] = map[string]any{"mode": mode, "operator": Hostile, "pooled_with": []any{Hostile, "Commune " + Hostile}}
	for i, x := range p["actions"].([]any) {
		ac := x.(map[string]any)
		ac["title"], ac["description"] = Hostile, Long
		if i == 0 {
			ac["paid_to"] = map[string]any{"kind": "association", "name": Hostile}
		} else {
			obj(ac, "paid_to")["name"] = Hostile
		}
	}
	for _, x := range p["funding"].([]any) {
		x.(map[string]any)["label"] = Hostile
	}
	se := obj(p, "session")
	se["secretary"], se["budget_imputation"] = Hostile, Hostile
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		panic(err)
	}
	return data
}

// InvalidJSON is an answers file that the decoder refuses, whose errors quote hostile
// values: unknown codes, a bad date, an unknown key, an unknown département and country.
func InvalidJSON() []byte {
	p := map[string]any{
		"format":    "aect-plan/1",
		"title":     Hostile,
		"authority": map[string]any{"type": Hostile, "departement": Hostile, "name": Hostile},
		"partner":   map[string]any{"country": Hostile, "kind": Long},
		"form":      Hostile,
		"schedule":  map[string]any{"start": Hostile},
		"actions":   []any{map[string]any{"title": Hostile, "cost": Hostile}},
		Hostile:     1,
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		panic(err)
	}
	return data
}

// Unsafe returns the byte offset of the first character of s that a terminal would act
// on, or -1: a byte below 0x20 other than \n, DEL, a C1 control (U+0080–U+009F), a
// bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), a line or
// paragraph separator (U+2028, U+2029), or invalid UTF-8 (a lone byte 0x9B is a control
// sequence introducer for some terminals).
func Unsafe(s string) int {
	for i, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
			r == 0x200e, r == 0x200f, r == 0x061c, r == 0x2028, r == 0x2029:
			return i
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return -1
}

// Check fails the test when out, shown by where, holds a character a terminal would act
// on (see Unsafe), quoting what surrounds it.
func Check(t testing.TB, where, out string) {
	t.Helper()
	if i := Unsafe(out); i >= 0 {
		from, to := max(i-60, 0), min(i+40, len(out))
		t.Errorf("%s: unsafe character %q at byte %d: …%q…", where, out[i:min(i+4, len(out))], i, out[from:to])
	}
}
