package wizard

import "fmt"

// Error is an error meant for the user: its message is in French and says what is wrong
// and what is expected.
type Error struct {
	// Path is the JSON path of the answer concerned ("partner.kind"), when there is one.
	Path string
	// Msg is the French message, without the path.
	Msg string
}

// Error returns "path : message", or the message alone.
func (e *Error) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + " : " + e.Msg
}

// Errorf builds a user-facing error from a French format string.
func Errorf(format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}
