package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"aect/wizard"
	"aect/wizard/safetext"
)

// quoteWidth is the longest value (a title, a name, a typed answer) that a message or a
// dialog quotes, in characters.
const quoteWidth = 60

// quoted is a value from a draft as a message or a dialog quotes it: one clean line
// (safetext.Line), cut to quoteWidth characters with "…".
func quoted(s string) string { return safetext.Cut(safetext.Line(s), quoteWidth) }

// quotedRaw is a value typed by the user, quoted by a message that asks to correct it:
// cut to quoteWidth characters, with its control characters made visible
// (safetext.Visible) rather than removed, so that the user sees what is wrong.
func quotedRaw(s string) string { return safetext.Visible(safetext.Cut(s, quoteWidth)) }

// clonePlan returns a deep copy of p, so that a save running in a tea.Cmd never reads
// the plan the interface keeps changing.
func clonePlan(p *wizard.Plan) *wizard.Plan { return p.Clone() }

// fit returns s cut or padded to exactly h lines, each cut to w cells.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// keepInView returns the first row of a window of rows rows, moved from offset as little
// as needed for row cursor to stay in view (home list, pickers, history).
func keepInView(offset, cursor, rows int) int {
	return max(min(offset, cursor), cursor-rows+1, 0)
}

// The lines that say a scrolled list goes on above or below what is shown.
const (
	moreAbove = "plus haut ↑"
	moreBelow = "plus bas ↓"
)

// scrollWindow returns the items [from, to) of a list of n items shown on rows lines,
// the cursor in view, moved from offset as little as needed. When the list does not fit,
// a line is left for « plus haut ↑ » when from > 0 and one for « plus bas ↓ » when
// to < n, so that rows lines hold the items and the indicators, with no blank line.
func scrollWindow(offset, cursor, n, rows int) (from, to int) {
	if n <= rows {
		return 0, n
	}
	inner := max(rows-2, 1)
	from = max(0, min(keepInView(offset, cursor, inner), n-inner))
	to = from + inner
	switch {
	case from == 0:
		to = min(rows-1, n) // no line above: one more item
	case to >= n:
		to, from = n, max(n-(rows-1), 0) // no line below: one more item
	}
	return from, to
}

// scrollHint is the line under a scrolled text or list: « plus haut ↑ · plus bas ↓ »,
// the parts that apply, or "".
func scrollHint(above, below bool) string {
	var parts []string
	if above {
		parts = append(parts, moreAbove)
	}
	if below {
		parts = append(parts, moreBelow)
	}
	return strings.Join(parts, " · ")
}

// cell cuts or pads s to exactly w cells.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-n)
}

// wrapText wraps text to w cells, keeping words whole where possible. Hyphens do not
// break a line ("L. 1115-1", "Rhône-Alpes"), nor do non-breaking spaces, U+00A0 and the
// narrow U+202F (wizard.Typography puts them where French wants them).
func wrapText(s string, w int) string {
	if w < 10 {
		w = 10
	}
	// x/ansi keeps U+00A0 but breaks at U+202F, a space to it: both stand in for
	// characters it never breaks at while it wraps.
	protect := strings.NewReplacer("-", noBreakHyphen, "\u202f", noBreakNarrow)
	restore := strings.NewReplacer(noBreakHyphen, "-", noBreakNarrow, "\u202f")
	if strings.Contains(s, noBreakNarrow) { // a text that holds the stand-in itself
		protect, restore = strings.NewReplacer("-", noBreakHyphen), strings.NewReplacer(noBreakHyphen, "-")
	}
	return restore.Replace(ansi.Wrap(protect.Replace(s), w, ""))
}

// noBreakHyphen stands for "-" while wrapping (x/ansi always breaks after a hyphen), and
// noBreakNarrow for U+202F (a private-use character, one cell wide like it).
const (
	noBreakHyphen = "‑"
	noBreakNarrow = "\ue000"
)

// groupDigits writes a whole number with its digits in groups of three separated by
// non-breaking spaces, the French way: "68000" → "68 000". Other text is returned as is.
func groupDigits(s string) string {
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:len(s)-len(digits)])
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(wizard.NBSP)
		}
		b.WriteRune(r)
	}
	return b.String()
}
