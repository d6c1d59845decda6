package document

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"aect/wizard"
	"aect/wizard/document/render"
)

// TestQuestionnaireLeavesRoomToWrite: every answer is written on left-aligned lines (a
// justified paragraph stretched its label when the line wrapped), a paragraph answer
// has several ruled lines, and the financing plan is a table to fill, one row per
// source and per year, with a total.
func TestQuestionnaireLeavesRoomToWrite(t *testing.T) {
	d := Questionnaire()
	answers, rules := 0, 0
	var table *render.Table
	for i, bl := range d.Blocks {
		for _, l := range bl.Lines {
			s := l.String()
			if strings.HasPrefix(s, "Réponse") {
				answers++
				if bl.Type != render.BlockLines || len(bl.Lines) != 2 || bl.Lines[1].String() != answerLine {
					t.Errorf("block %d: answer %q not on left-aligned lines: %+v", i, s, bl)
				}
			}
			if s == answerLine {
				rules++
			}
		}
		if bl.Type == render.BlockTable {
			table = bl.Table
		}
	}
	var long, lines int
	for _, q := range append(wizard.Questions(), wizard.ActionQuestions(0)...) {
		switch {
		case q.Kind == wizard.KindLongText:
			long++
		case q.Searchable || (q.Kind != wizard.KindChoice && q.Kind != wizard.KindMulti && q.Kind != wizard.KindConfirm):
			lines++
		}
	}
	if answers != long+lines || rules != lines+long*paragraphLines {
		t.Errorf("%d answers and %d ruled lines, want %d and %d (%d paragraphs of %d lines)", answers, rules, long+lines, lines+long*paragraphLines, long, paragraphLines)
	}
	if table == nil {
		t.Fatal("no financing table")
	}
	if len(table.Columns) != 4 || len(table.Rows) != fundingRows+1 || !table.Rows[fundingRows].Total {
		t.Fatalf("financing table: %d columns, %d rows", len(table.Columns), len(table.Rows))
	}
	if !strings.Contains(d.PlainText(), "Une ligne par source et par année") {
		t.Error("the table does not say how to split a funding over several years")
	}

	// The text version fits 80 columns, the table included.
	var b bytes.Buffer
	if err := render.Render(&b, d, render.Text); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("line of %d characters: %q", n, l)
		}
	}
	if !strings.Contains(b.String(), "| Total ") {
		t.Error("the text version has no financing table")
	}
}
