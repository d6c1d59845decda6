// Command aect is the terminal assistant that helps a French commune or
// intercommunalité plan an international cooperation project and draft the
// délibération and the convention or charte its council will vote on.
//
// Without a subcommand it opens the full-screen assistant; the subcommands (list, show,
// export, import, demo, questionnaire…) serve scripts, trainers and screen-reader users.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"aect/wizard/safetext"
)

// version is set at build time with -ldflags "-X main.version=1.2.3".
var version = ""

// Exit codes.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitAborted = 130
)

func main() {
	os.Exit(run(os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr}, os.Getenv))
}

// stdio holds the standard streams, so that tests can run commands in-process.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// errAborted is returned when the user interrupts (ctrl+c): exit code 130.
var errAborted = errors.New("interrompu")

// abortedError is an interruption after which the answers were not simply saved: note
// says where they went, or what was lost. It matches errAborted.
type abortedError struct{ note string }

func (e *abortedError) Error() string        { return "interrompu. " + e.note }
func (e *abortedError) Is(target error) bool { return target == errAborted }

// run executes the command line and returns the exit code. It is the one place that maps
// errors to exit codes and prints them, in French, on stderr.
func run(args []string, std stdio, getenv func(string) string) int {
	out := &checkedWriter{w: std.out}
	std.out = out
	err := dispatch(args, std, getenv)
	if err == nil && out.err != nil {
		err = stdoutError(out.err)
	}
	return exitCode(err, std.err)
}

// exitCode prints the error of a command, if any, and returns the exit code.
func exitCode(err error, stderr io.Writer) int {
	std := stdio{err: stderr}
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errAborted):
		if ae := (*abortedError)(nil); errors.As(err, &ae) {
			writeError(std.err, ae.Error())
			return exitAborted
		}
		fmt.Fprintln(std.err, "aect : interrompu. Vos réponses déjà données sont enregistrées.")
		return exitAborted
	case errors.As(err, &ue):
		writeError(std.err, ue.msg)
		fmt.Fprintln(std.err, "Aide : "+programName(os.Args[0])+" --help")
		return exitUsage
	}
	writeError(std.err, err.Error())
	return exitError
}

// writeError prints an error message on stderr: « aect : » first, the continuation lines
// indented. It is the one place error messages are written, and they often quote raw
// values and file names: each line goes through safetext.Message, which shows control
// characters as visible symbols and cuts overlong lines.
func writeError(w io.Writer, msg string) {
	fmt.Fprintf(w, "aect : %s\n", indentMessage(safetext.Message(msg)))
}

// indentMessage indents the continuation lines of a multi-line message.
func indentMessage(s string) string { return strings.ReplaceAll(s, "\n", "\n  ") }

// versionString returns the version set at build time, or the module version recorded
// by the Go toolchain.
func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		v := info.Main.Version
		rev := ""
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 7 {
				rev = s.Value[:7]
			}
		}
		switch {
		case v != "" && v != "(devel)":
			return v
		case rev != "":
			return "dev-" + rev
		}
	}
	return "dev"
}
