package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
)

// KeyMap holds every key binding of the interface, with its French help. Single-letter
// keys are only used where no text field has focus.
type KeyMap struct {
	// Everywhere.
	Interrupt key.Binding
	Quit      key.Binding
	Help      key.Binding
	HelpText  key.Binding // F1 only, for screens where a text field has focus
	Glossary  key.Binding
	Back      key.Binding

	// Lists.
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// Home.
	Open      key.Binding
	New       key.Binding
	Duplicate key.Binding
	Rename    key.Binding
	Delete    key.Binding
	Bin       key.Binding
	Restore   key.Binding
	Export    key.Binding
	History   key.Binding
	Filter    key.Binding

	// Assistant.
	NextField   key.Binding
	PrevField   key.Binding
	NextSection key.Binding
	PrevSection key.Binding
	Contents    key.Binding
	Home        key.Binding

	// Lists of actions and funding lines.
	Add    key.Binding
	Edit   key.Binding
	Remove key.Binding

	// Review and documents.
	Jump       key.Binding
	EditSec    key.Binding
	PrevTab    key.Binding
	NextTab    key.Binding
	ExportDocs key.Binding
	Print      key.Binding

	// Dialogs.
	Yes     key.Binding
	No      key.Binding
	Confirm key.Binding
	Cancel  key.Binding
}

// NewKeyMap returns the key bindings.
func NewKeyMap() *KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return &KeyMap{
		Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "quitter"),
		Quit:      b([]string{"q"}, "q", "quitter"),
		Help:      b([]string{"?", "f1"}, "?", "aide"),
		HelpText:  b([]string{"f1"}, "F1", "aide"),
		Glossary:  b([]string{"ctrl+g"}, "ctrl+g", "glossaire"),
		Back:      b([]string{"esc"}, "échap", "retour"),

		Up:       b([]string{"up", "k"}, "↑/↓", "choisir"),
		Down:     b([]string{"down", "j"}, "↓", "descendre"),
		PageUp:   b([]string{"pgup"}, "pg préc", "page précédente"),
		PageDown: b([]string{"pgdown"}, "pg suiv", "page suivante"),
		Top:      b([]string{"home"}, "début", "premier"),
		Bottom:   b([]string{"end"}, "fin", "dernier"),

		Open:      b([]string{"enter"}, "entrée", "ouvrir"),
		New:       b([]string{"n"}, "n", "nouveau"),
		Duplicate: b([]string{"d"}, "d", "dupliquer"),
		Rename:    b([]string{"r"}, "r", "renommer"),
		Delete:    b([]string{"x", "delete"}, "x", "supprimer"),
		Bin:       b([]string{"c"}, "c", "corbeille"),
		Restore:   b([]string{"enter", "r"}, "entrée", "restaurer"),
		Export:    b([]string{"e"}, "e", "exporter"),
		History:   b([]string{"h"}, "h", "historique"),
		Filter:    b([]string{"/"}, "/", "filtrer"),

		NextField:   b([]string{"enter", "tab"}, "entrée", "valider"),
		PrevField:   b([]string{"shift+tab"}, "maj+tab", "revenir"),
		NextSection: b([]string{"pgdown"}, "pg suiv", "section suivante"),
		PrevSection: b([]string{"pgup"}, "pg préc", "section précédente"),
		Contents:    b([]string{"ctrl+t"}, "ctrl+t", "sommaire"),
		Home:        b([]string{"esc"}, "échap", "accueil"),

		Add:    b([]string{"a", "+"}, "a", "ajouter"),
		Edit:   b([]string{"enter"}, "entrée", "modifier"),
		Remove: b([]string{"x", "delete"}, "x", "supprimer"),

		Jump:       b([]string{"enter"}, "entrée", "aller à la question"),
		EditSec:    b([]string{"e"}, "e", "modifier la section"),
		PrevTab:    b([]string{"left"}, "←/→", "document"),
		NextTab:    b([]string{"right"}, "→", "document suivant"),
		ExportDocs: b([]string{"x", "e"}, "x", "exporter"),
		Print:      b([]string{"i"}, "i", "imprimer"),

		Yes:     b([]string{"o", "O", "y", "Y"}, "o", "oui"),
		No:      b([]string{"n", "N"}, "n", "non"),
		Confirm: b([]string{"enter"}, "entrée", "valider"),
		Cancel:  b([]string{"esc"}, "échap", "annuler"),
	}
}

// formKeyMap is huh's key map with French help. ctrl+c is ours (handled once, by the
// root), so huh's quit key is disabled; the external editor, suggestions and filtering
// are off. (The footer shows our own help per kind of field; this is for huh's views.)
func formKeyMap() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	off := key.NewBinding(key.WithDisabled())
	k.Quit = off

	k.Input.Prev.SetHelp("maj+tab", "revenir")
	k.Input.Next.SetHelp("entrée", "valider")
	k.Input.Submit.SetHelp("entrée", "valider")
	k.Input.AcceptSuggestion = off

	k.Text.Prev.SetHelp("maj+tab", "revenir")
	k.Text.Next.SetHelp("entrée", "valider")
	k.Text.Submit.SetHelp("entrée", "valider")
	k.Text.NewLine.SetHelp("alt+entrée", "à la ligne")
	k.Text.Editor = off

	s := &k.Select
	s.Prev.SetHelp("maj+tab", "revenir")
	s.Next.SetHelp("entrée", "choisir")
	s.Submit.SetHelp("entrée", "choisir")
	s.Up.SetHelp("↑/↓", "parcourir")
	s.Down.SetHelp("↓", "descendre")
	s.Filter, s.SetFilter, s.ClearFilter = off, off, off

	m := &k.MultiSelect
	m.Prev.SetHelp("maj+tab", "revenir")
	m.Next.SetHelp("entrée", "valider")
	m.Submit.SetHelp("entrée", "valider")
	m.Toggle.SetHelp("espace", "cocher")
	m.Up.SetHelp("↑/↓", "parcourir")
	m.Down.SetHelp("↓", "descendre")
	m.SelectAll.SetHelp("ctrl+a", "tout cocher")
	m.SelectNone.SetHelp("ctrl+a", "tout décocher")
	m.Filter, m.SetFilter, m.ClearFilter = off, off, off

	c := &k.Confirm
	c.Prev.SetHelp("maj+tab", "revenir")
	c.Next.SetHelp("entrée", "valider")
	c.Submit.SetHelp("entrée", "valider")
	c.Toggle.SetHelp("←/→", "changer")
	c.Accept = key.NewBinding(key.WithKeys("o", "O", "y", "Y"), key.WithHelp("o", "oui"))
	c.Reject = key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", "non"))
	return k
}
