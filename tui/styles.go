package tui

import (
	"reflect"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"aect/wizard"
)

// Styles holds every style of the interface, built once. No state is shown by colour
// alone: every styled state also carries a word or a symbol, so the interface stays
// usable without colour (NO_COLOR, monochrome terminals) and with a screen reader.
type Styles struct {
	// Header is the top line; HeaderTitle the program name inside it.
	Header      lipgloss.Style
	HeaderTitle lipgloss.Style
	// Title is a screen or block title; Subtle is secondary text.
	Title  lipgloss.Style
	Subtle lipgloss.Style
	Bold   lipgloss.Style
	// Selected is the line under the cursor (also marked by "›").
	Selected lipgloss.Style
	// Current is the current section or tab (also marked by brackets).
	Current lipgloss.Style
	// OK, Busy and Err are the save status and result messages.
	OK   lipgloss.Style
	Busy lipgloss.Style
	Err  lipgloss.Style
	// States of a section.
	StateEmpty, StateInProgress, StateComplete, StateToReview lipgloss.Style
	// Severities of a finding.
	Blocking, Warning, Advice lipgloss.Style
	// Dialog is the frame of a modal dialog.
	Dialog lipgloss.Style
	// Key is a key name inside a sentence.
	Key lipgloss.Style
	// Input styles for our own text inputs.
	Prompt, Placeholder lipgloss.Style
	// Help is the footer's key help.
	Help help.Styles
	// form is the huh theme of the section forms, built at its first use (FormTheme).
	form    *huh.Theme
	palette palette
	// r is the renderer every style is bound to: it knows the colours of the terminal
	// the interface draws on (an SSH session's, in a workshop over the network).
	r *lipgloss.Renderer
}

// FormTheme returns the huh theme of the section forms. It is built when a form first
// needs it, not with the other styles: the first screen, the drafts list, has no form,
// and the theme is a tenth of the time to that screen.
func (s *Styles) FormTheme() *huh.Theme {
	if s.form == nil {
		s.form = formTheme(s, s.palette, s.r)
	}
	return s.form
}

// palette is the handful of colours a theme uses; empty strings mean "no colour".
type palette struct {
	accent, subtle, ok, warn, err, info, review string
}

// NewStyles builds the styles for the program's own terminal (lipgloss's default
// renderer): the default theme, a high-contrast theme, or a monochrome one (no colour at
// all, for NO_COLOR and monochrome terminals).
//
// The high-contrast theme sets no colour either: any colour is unreadable on some
// terminal (bright white or yellow on a light background, dark blue on a black one),
// while the terminal's own text and background are the pair its user reads best. It
// marks with bold, underline and reverse video instead: the cursor in bold reverse
// video, titles, errors and answers to review bold and underlined, work in progress and
// warnings bold; secondary text is never dimmed.
func NewStyles(highContrast, mono bool) *Styles {
	return StylesFor(lipgloss.DefaultRenderer(), highContrast, mono)
}

// StylesFor builds the styles like NewStyles, bound to the renderer r of another terminal
// (an SSH session's): its colour profile, not the program's own terminal's, decides what
// each style writes.
func StylesFor(r *lipgloss.Renderer, highContrast, mono bool) *Styles {
	p := palette{accent: "4", subtle: "8", ok: "2", warn: "3", err: "1", info: "6", review: "5"}
	if mono || highContrast {
		p = palette{}
	}
	fg := func(c string) lipgloss.Style {
		s := r.NewStyle()
		if c != "" {
			s = s.Foreground(lipgloss.Color(c))
		}
		return s
	}
	s := &Styles{}
	s.Header = r.NewStyle().Bold(true)
	s.HeaderTitle = fg(p.accent).Bold(true)
	s.Title = fg(p.accent).Bold(true)
	s.Subtle = fg(p.subtle)
	if mono || highContrast {
		s.Subtle = r.NewStyle()
	}
	s.Bold = r.NewStyle().Bold(true)
	s.Selected = r.NewStyle().Reverse(true).Bold(highContrast)
	s.Current = r.NewStyle().Bold(true).Underline(true)
	s.OK = fg(p.ok)
	s.Busy = fg(p.warn)
	s.Err = fg(p.err).Bold(true)
	s.StateEmpty = s.Subtle
	s.StateInProgress = fg(p.warn)
	s.StateComplete = fg(p.ok)
	s.StateToReview = fg(p.review).Bold(true)
	s.Blocking = fg(p.err).Bold(true)
	s.Warning = fg(p.warn).Bold(true)
	s.Advice = fg(p.info)
	s.Dialog = r.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	if p.accent != "" {
		s.Dialog = s.Dialog.BorderForeground(lipgloss.Color(p.accent))
	}
	s.Key = r.NewStyle().Bold(true)
	s.Prompt = fg(p.accent)
	s.Placeholder = s.Subtle
	if highContrast {
		strong := r.NewStyle().Bold(true).Underline(true)
		s.HeaderTitle, s.Title = strong, strong
		s.Err, s.Blocking, s.StateToReview = strong, strong, strong
		s.Busy, s.Warning, s.StateInProgress = s.Bold, s.Bold, s.Bold
	}
	s.Help = help.Styles{
		Ellipsis:       s.Subtle,
		ShortKey:       r.NewStyle().Bold(true),
		ShortDesc:      r.NewStyle(),
		ShortSeparator: s.Subtle,
		FullKey:        r.NewStyle().Bold(true),
		FullDesc:       r.NewStyle(),
		FullSeparator:  s.Subtle,
	}
	s.palette, s.r = p, r
	return s
}

// formTheme derives the huh theme from ours, bound to the renderer r. Buttons and markers
// carry text ("[x] Oui", "›") so the focused choice is visible without colour.
func formTheme(s *Styles, p palette, r *lipgloss.Renderer) *huh.Theme {
	t := huh.ThemeBase()
	// huh builds its base theme on lipgloss's default renderer, the program's own
	// terminal: every style of it is rebound to ours before ours are set.
	bindStyles(reflect.ValueOf(t), r)
	t.Focused.Base = t.Focused.Base.BorderForeground(lipgloss.Color(p.accent))
	if p.accent == "" {
		t.Focused.Base = t.Focused.Base.UnsetBorderForeground()
	}
	t.Focused.Title = s.Title
	t.Focused.Description = r.NewStyle()
	t.Focused.ErrorIndicator = s.Err.SetString(" ✗")
	t.Focused.ErrorMessage = s.Err.SetString("✗ Erreur :")
	t.Focused.SelectSelector = s.Title.SetString("› ")
	t.Focused.MultiSelectSelector = s.Title.SetString("› ")
	t.Focused.SelectedOption = s.Bold
	t.Focused.Option = r.NewStyle()
	t.Focused.UnselectedOption = r.NewStyle()
	t.Focused.SelectedPrefix = s.OK.SetString("[x] ")
	t.Focused.UnselectedPrefix = r.NewStyle().SetString("[ ] ")
	button := r.NewStyle().Padding(0, 1).MarginRight(1)
	t.Focused.FocusedButton = button.Inherit(s.Selected).Transform(func(v string) string { return "[x] " + v })
	t.Focused.BlurredButton = button.Transform(func(v string) string { return "[ ] " + v })
	t.Focused.Next = t.Focused.FocusedButton
	t.Focused.TextInput.Placeholder = s.Placeholder
	t.Focused.TextInput.Prompt = s.Prompt
	t.Focused.TextInput.Cursor = r.NewStyle()
	t.Help = s.Help
	t.Blurred = t.Focused
	t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.MultiSelectSelector = r.NewStyle().SetString("  ")
	t.Group.Title = s.Title
	t.Group.Description = r.NewStyle()
	return t
}

// bindStyles binds every lipgloss.Style reachable through the exported fields of v (a
// pointer to a huh theme) to the renderer r.
func bindStyles(v reflect.Value, r *lipgloss.Renderer) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			bindStyles(v.Elem(), r)
		}
	case reflect.Struct:
		if st, ok := v.Interface().(lipgloss.Style); ok {
			if v.CanSet() {
				v.Set(reflect.ValueOf(st.Renderer(r)))
			}
			return
		}
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				bindStyles(f, r)
			}
		}
	}
}

// stateStyle returns the style of a section state.
func (s *Styles) stateStyle(st wizard.State) lipgloss.Style {
	switch st {
	case wizard.StateComplete:
		return s.StateComplete
	case wizard.StateInProgress:
		return s.StateInProgress
	case wizard.StateToReview:
		return s.StateToReview
	}
	return s.StateEmpty
}

// severityStyle returns the style of a finding's severity.
func (s *Styles) severityStyle(sev wizard.Severity) lipgloss.Style {
	switch sev {
	case wizard.Blocking:
		return s.Blocking
	case wizard.Warning:
		return s.Warning
	}
	return s.Advice
}

// stateSymbol is the symbol of a section state, readable without colour.
func stateSymbol(st wizard.State) string {
	switch st {
	case wizard.StateComplete:
		return "✓"
	case wizard.StateInProgress:
		return "…"
	case wizard.StateToReview:
		return "!"
	}
	return "○"
}

// stateLabel is the symbol and the French word: "✓ complet".
func stateLabel(st wizard.State) string { return stateSymbol(st) + " " + st.String() }
