package main

import (
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"aect/tui"
)

// noTerminalMessage is printed when aect runs without a terminal (in a pipe, a script):
// the full-screen assistant cannot start, the subcommands can; one a line, since a
// workshop's database makes them long.
func (e *env) noTerminalMessage() string {
	var b strings.Builder
	b.WriteString("pas de terminal interactif (entrée ou sortie redirigée) : l'assistant plein écran ne peut pas s'ouvrir.\n" +
		"Utilisez une commande :")
	for _, c := range [][]string{{"list"}, {"show", "N°"}, {"export", "N°"}, {"import", "FICHIER"}, {"demo"}} {
		b.WriteString("\n  " + e.hint(c...))
	}
	b.WriteString("\nou le mode ligne à ligne : " + e.hint("--accessible") + ".")
	return b.String()
}

// isTerminal reports whether the stream is a terminal.
func isTerminal(f any) bool {
	if u, ok := f.(interface{ Unwrap() io.Writer }); ok {
		f = u.Unwrap()
	}
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

func runTUI(e *env) error {
	if !isTerminal(e.io.in) || !isTerminal(e.io.out) {
		return &usageError{e.noTerminalMessage()}
	}
	s, err := e.openWritable()
	if err != nil {
		return err
	}
	m, err := e.models()
	if err != nil {
		return err
	}
	err = tui.Run(s, tui.Options{
		Models:       m,
		Version:      versionString(),
		DBPath:       s.Path(),
		Command:      e.hint(),
		ExportDir:    defaultExportDir(),
		Now:          time.Now,
		HighContrast: e.opt.contrast,
		Log:          slog.NewLogLogger(e.log.Handler(), slog.LevelInfo),
		Directory:    e.tuiDirectory,
	})
	if ie := (*tui.InterruptedError)(nil); errors.As(err, &ie) {
		return &abortedError{note: ie.Note}
	}
	if errors.Is(err, tui.ErrInterrupted) {
		return errAborted
	}
	return err
}

// defaultExportDir is the user's Documents folder when it exists, else the current one.
func defaultExportDir() string {
	if home, err := os.UserHomeDir(); err == nil {
		for _, name := range []string{"Documents", "documents"} {
			d := filepath.Join(home, name)
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return d
			}
		}
	}
	if cwd, err := os.Getwd(); err == nil {
		return cwd
	}
	return "."
}
