package tui

import (
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"aect/wizard/safetext"
)

// exportDoneMsg reports the files an export wrote.
type exportDoneMsg struct {
	paths []string
	err   error
}

// exportFormats are the formats offered, ODT first (the default: the format the French
// administration recommends).
var exportFormats = []struct{ ext, label string }{
	{"odt", "ODT — LibreOffice, format recommandé par l'administration"},
	{"docx", "DOCX — Microsoft Word"},
	{"pdf", "PDF — à imprimer, publier ou transmettre (non modifiable)"},
	{"md", "Markdown (.md)"},
	{"txt", "Texte brut (.txt)"},
	{"actes", "Dossier @ctes — télétransmission au préfet, après le vote"},
}

// nextSteps is what to do with exported files; actesSteps with the dossier @ctes.
const (
	nextSteps  = "Ouvrez les fichiers avec LibreOffice ou Word, relisez les passages [à compléter] puis transmettez le projet au secrétariat du conseil."
	actesSteps = "Lisez LISEZMOI.txt : l'acte à transmettre est l'acte signé, après le vote. Complétez les passages marqués, faites signer, puis déposez l'acte et ses annexes sur votre plateforme de télétransmission avec les données d'acte.txt."
)

// exportDialog chooses a format and a folder, runs the export in a tea.Cmd, then shows
// the written paths and what to do next.
type exportDialog struct {
	c     *common
	sel   int
	dir   textinput.Model
	onDir bool
	run   func(format, dir string) tea.Cmd
	// sent is the folder of the export running.
	sent  string
	busy  bool
	done  bool
	paths []string
	err   error
}

func newExportDialog(c *common, run func(format, dir string) tea.Cmd) *exportDialog {
	d := &exportDialog{c: c, run: run}
	d.dir = newInput(c, "Dossier : ", "dossier où écrire les fichiers")
	dir := c.opt.ExportDir
	if c.exportDir != "" {
		dir = c.exportDir // the folder chosen last time
	}
	if safetext.Visible(dir) == dir {
		// A folder whose name holds control characters is not offered: the input would
		// show it altered, and write elsewhere.
		d.dir.SetValue(dir)
	}
	d.dir.Width = min(c.width-16, 60)
	d.dir.Blur()
	return d
}

func (d *exportDialog) update(msg tea.Msg) (tea.Cmd, bool) {
	if m, ok := msg.(exportDoneMsg); ok && d.busy {
		d.busy, d.done, d.paths, d.err = false, true, m.paths, m.err
		if m.err == nil {
			d.c.exportDir = d.sent
		}
		return nil, false
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok || d.busy {
		return nil, false
	}
	if d.done {
		if key.Matches(k, d.c.keys.Confirm) || key.Matches(k, d.c.keys.Cancel) {
			return nil, true
		}
		return nil, false
	}
	switch k.String() {
	case "esc":
		return nil, true
	case "tab", "shift+tab":
		d.onDir = !d.onDir
		if d.onDir {
			return d.dir.Focus(), false
		}
		d.dir.Blur()
		return nil, false
	case "enter":
		dir := strings.TrimSpace(d.dir.Value())
		if dir == "" {
			d.err = errEmptyDir
			return nil, false
		}
		d.busy, d.err, d.sent = true, nil, dir
		return d.run(exportFormats[d.sel].ext, dir), false
	}
	if d.onDir {
		var cmd tea.Cmd
		d.dir, cmd = d.dir.Update(msg)
		return cmd, false
	}
	switch k.String() {
	case "up", "k":
		d.sel = (d.sel + len(exportFormats) - 1) % len(exportFormats)
	case "down", "j":
		d.sel = (d.sel + 1) % len(exportFormats)
	}
	return nil, false
}

var errEmptyDir = simpleError("indiquez le dossier où écrire les fichiers")

// simpleError is an error with a French message.
type simpleError string

func (e simpleError) Error() string { return string(e) }

func (d *exportDialog) view() string {
	s := d.c.styles
	var b strings.Builder
	switch {
	case d.busy:
		b.WriteString("Écriture des fichiers…")
	case d.done && d.err != nil:
		b.WriteString(s.Err.Render("✗ L'export a échoué : "+safetext.Message(d.err.Error())) + "\n\nentrée : fermer")
	case d.done:
		b.WriteString(s.OK.Render("✓ Documents écrits dans le dossier :") + "\n")
		dir := ""
		if len(d.paths) > 0 {
			dir = filepath.Dir(d.paths[0])
		}
		// Paths are shown with their control characters made visible, never removed.
		b.WriteString(safetext.Visible(dir+string(filepath.Separator)) + "\n")
		for _, p := range d.paths {
			if filepath.Dir(p) == dir {
				p = filepath.Base(p)
			}
			b.WriteString("  " + safetext.Visible(p) + "\n")
		}
		steps := nextSteps
		if exportFormats[d.sel].ext == "actes" {
			steps = actesSteps
		}
		b.WriteString("\n" + steps + "\n\nentrée : fermer")
	default:
		b.WriteString("Format :\n")
		for i, f := range exportFormats {
			mark := "( )"
			if i == d.sel {
				mark = "(•)"
			}
			line := mark + " " + f.label
			if i == d.sel && !d.onDir {
				line = s.Selected.Render("› " + line)
			} else {
				line = "  " + line
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n" + d.dir.View() + "\n")
		if d.err != nil {
			b.WriteString(s.Err.Render("✗ "+safetext.Message(d.err.Error())) + "\n")
		}
		b.WriteString("\n" + s.Subtle.Render("↑/↓ : format · tab : dossier · entrée : exporter · échap : annuler"))
	}
	return dialogBox(d.c, "Exporter les documents", b.String())
}

func (d *exportDialog) keys() []key.Binding {
	k := d.c.keys
	if d.done {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("entrée", "fermer"))}
	}
	return []key.Binding{k.Up, key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "dossier")),
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("entrée", "exporter")), k.Cancel}
}

func (d *exportDialog) textFocused() bool { return d.onDir && !d.done }
