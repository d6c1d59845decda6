package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"aect/wizard"
)

// clonePlan returns a deep copy of p, so that a save running in a tea.Cmd never reads
// the plan the interface keeps changing.
func clonePlan(p *wizard.Plan) *wizard.Plan {
	c := *p
	c.Authority.Services = slices.Clone(p.Authority.Services)
	c.Partner.Languages = slices.Clone(p.Partner.Languages)
	c.Domain.Sectors = slices.Clone(p.Domain.Sectors)
	c.Domain.SDGs = slices.Clone(p.Domain.SDGs)
	c.Implementation.PooledWith = slices.Clone(p.Implementation.PooledWith)
	c.Actions = slices.Clone(p.Actions)
	c.Funding = slices.Clone(p.Funding)
	for _, n := range []**int{&c.Session.Represented, &c.Session.VotesFor, &c.Session.VotesAgainst, &c.Session.Abstentions} {
		if *n != nil {
			v := **n
			*n = &v
		}
	}
	return &c
}

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
// break a line ("L. 1115-1", "Rhône-Alpes"), nor do the non-breaking spaces of amounts.
func wrapText(s string, w int) string {
	if w < 10 {
		w = 10
	}
	return strings.ReplaceAll(ansi.Wrap(strings.ReplaceAll(s, "-", noBreakHyphen), w, ""), noBreakHyphen, "-")
}

// noBreakHyphen stands for "-" while wrapping (x/ansi always breaks after a hyphen).
const noBreakHyphen = "‑"

// relTime says in French when t was, relative to now: "à l'instant", "il y a 5 min",
// "il y a 3 h", "hier", or the date "02/01/2026".
func relTime(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "à l'instant"
	case d < time.Hour:
		return fmt.Sprintf("il y a %d min", int(d.Minutes()))
	case d < 24*time.Hour && sameDay(t, now):
		return fmt.Sprintf("il y a %d h", int(d.Hours()))
	case sameDay(t, now.AddDate(0, 0, -1)):
		return "hier"
	}
	return t.Local().Format("02/01/2006")
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Local().Date()
	by, bm, bd := b.Local().Date()
	return ay == by && am == bm && ad == bd
}

// formShort is the short French name of a form, for narrow columns.
func formShort(f wizard.Form) string {
	switch f {
	case wizard.FormConvention:
		return "Convention"
	case wizard.FormDon:
		return "Don humanitaire"
	case wizard.FormPromotion:
		return "Promotion"
	case "":
		return "—"
	}
	return wizard.Forms.Label(f)
}
