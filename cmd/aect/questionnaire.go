package main

import (
	"bytes"
	"fmt"

	"aect/internal/export"
	"aect/wizard/document"
	"aect/wizard/document/render"
	"aect/wizard/safetext"
)

// cmdQuestionnaire prints the blank questionnaire: every question with its help and its
// choices, to fill in on paper before the council meeting.
func cmdQuestionnaire(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("questionnaire n'attend pas d'argument")
	}
	f, err := export.ParseFormat(e.opt.format)
	if err != nil {
		return &usageError{err.Error()}
	}
	if f == export.Actes {
		return usagef("le questionnaire s'écrit en odt, docx, pdf, md ou txt")
	}
	doc := document.Questionnaire()
	switch f {
	case render.Text, render.Markdown:
		if e.opt.out == "" {
			return stdoutError(render.Render(e.io.out, doc, f))
		}
	}
	out := e.opt.out
	if out == "" {
		out = "questionnaire." + string(f)
	}
	var buf bytes.Buffer
	if err := render.Render(&buf, doc, f); err != nil {
		return err
	}
	if err := export.WriteFile(out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.io.out, "Questionnaire écrit : %s\n", safetext.Visible(out))
	return nil
}
