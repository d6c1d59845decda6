package serve

import (
	"bytes"
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// maxLine bounds a line typed in the line mode, in bytes; the rest of a longer line is
// dropped.
const maxLine = 64 * 1024

// lineReader turns the keys of an SSH session into lines, as a terminal's line
// discipline does for a local program: the session's terminal is emulated (wish's
// default), so its keys arrive one by one, unechoed. It echoes what is typed, erases a
// whole character with backspace (accents and wide characters included), clears the line
// with ctrl+u, skips the escape sequences of the arrow and function keys, ends a line
// with entrée, and ends the input with ctrl+c, or ctrl+d on an empty line.
type lineReader struct {
	in   io.Reader
	echo io.Writer
	line []rune // the line being typed
	done []byte // lines finished, not yet read
	raw  []byte // bytes read, not yet decoded (the start of a character)
	esc  int    // escape sequence being skipped: 0 none, 1 after ESC, 2 CSI/SS3, 3 OSC/DCS
	cr   bool   // the last key was a carriage return (a line feed after it is the same entrée)
	end  bool   // ctrl+c or ctrl+d: no more input
}

func newLineReader(in io.Reader, echo io.Writer) *lineReader {
	return &lineReader{in: in, echo: echo}
}

// Read returns finished lines, each ending with "\n".
func (l *lineReader) Read(p []byte) (int, error) {
	for len(l.done) == 0 {
		if l.end {
			return 0, io.EOF
		}
		buf := make([]byte, 256)
		n, err := l.in.Read(buf)
		l.feed(buf[:n])
		if err != nil && len(l.done) == 0 {
			return 0, err
		}
	}
	n := copy(p, l.done)
	l.done = l.done[n:]
	return n, nil
}

// feed handles the bytes of keys typed.
func (l *lineReader) feed(b []byte) {
	l.raw = append(l.raw, b...)
	var echo bytes.Buffer
	for len(l.raw) > 0 && !l.end {
		r, size := utf8.DecodeRune(l.raw)
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(l.raw) {
			break // the rest of the character has not arrived yet
		}
		l.raw = l.raw[size:]
		l.key(r, &echo)
	}
	if echo.Len() > 0 {
		l.echo.Write(echo.Bytes())
	}
}

// key handles one character typed.
func (l *lineReader) key(r rune, echo *bytes.Buffer) {
	cr := l.cr
	l.cr = false
	switch l.esc {
	case 1:
		switch r {
		case '[', 'O':
			l.esc = 2
		case ']', 'P':
			l.esc = 3
		default:
			l.esc = 0 // alt+key: dropped
		}
		return
	case 2:
		if r >= 0x40 && r <= 0x7e {
			l.esc = 0
		}
		return
	case 3:
		if r == 0x07 || r == '\\' {
			l.esc = 0
		}
		return
	}
	switch {
	case r == 0x1b:
		l.esc = 1
	case r == '\r' || r == '\n':
		if r == '\n' && cr {
			return
		}
		l.cr = r == '\r'
		echo.WriteString("\n")
		l.done = append(l.done, string(l.line)+"\n"...)
		l.line = l.line[:0]
	case r == 0x7f || r == 0x08:
		if n := len(l.line); n > 0 {
			w := max(ansi.StringWidth(string(l.line[n-1])), 1)
			l.line = l.line[:n-1]
			for range w {
				echo.WriteString("\b \b")
			}
		}
	case r == 0x15: // ctrl+u
		for _, c := range l.line {
			for range max(ansi.StringWidth(string(c)), 1) {
				echo.WriteString("\b \b")
			}
		}
		l.line = l.line[:0]
	case r == 0x03: // ctrl+c
		echo.WriteString("^C\n")
		l.end = true
	case r == 0x04: // ctrl+d
		if len(l.line) == 0 {
			l.end = true
		}
	case r == '\t':
		l.typed(' ', echo)
	case unicode.IsControl(r) || r == utf8.RuneError:
	default:
		l.typed(r, echo)
	}
}

// typed adds a character to the line and echoes it.
func (l *lineReader) typed(r rune, echo *bytes.Buffer) {
	if len(l.line)*utf8.UTFMax >= maxLine {
		return
	}
	l.line = append(l.line, r)
	echo.WriteRune(r)
}
