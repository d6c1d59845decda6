package main

import (
	"bytes"
	"fmt"
	"os"

	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/safetext"
)

// cmdQuestionnaire prints the blank questionnaire: every question with its help and its
// choices, to fill in on paper before the council meeting.
func cmdQuestionnaire(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("questionnaire n'attend pas d'argument")
	}
	f, err := document.ParseFormat(e.opt.format)
	if err != nil {
		return &usageError{err.Error()}
	}
	doc := document.Questionnaire()
	switch f {
	case document.Text, document.Markdown:
		if e.opt.out == "" {
			return document.Render(e.io.out, doc, f)
		}
	}
	out := e.opt.out
	if out == "" {
		out = "questionnaire." + string(f)
	}
	var buf bytes.Buffer
	if err := document.Render(&buf, doc, f); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return wizard.Errorf("impossible d'écrire « %s » : vérifiez que le dossier existe et que vous pouvez y écrire", out)
	}
	fmt.Fprintf(e.io.out, "Questionnaire écrit : %s\n", safetext.Visible(out))
	return nil
}
