package main

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"aect/wizard/safetext"
)

// programName is how the user started aect, for the commands a message suggests:
// « go run ./cmd/aect » from a go run build, the path typed for a program started from a
// folder (« ./aect »), else « aect ».
func programName(arg0 string) string {
	dir, base := filepath.Split(arg0)
	name := strings.TrimSuffix(base, ".exe")
	parent := filepath.Base(filepath.Clean(dir))
	switch {
	case name == "aect" && (parent == "exe" && strings.Contains(dir, "go-build") || goRunCached.MatchString(parent)):
		// go run builds in a temporary …/go-build…/b001/exe/ folder, then runs the copy it
		// keeps in the build cache, …/go-build/71/71e4…(64 hex digits)-d/.
		return "go run ./cmd/aect"
	case name != "aect", dir == "", filepath.IsAbs(arg0):
		// Another name (a test program), found in the PATH, or started by its full path.
		return "aect"
	}
	return shellQuote(arg0)
}

// goRunCached matches the build cache's folder of an executable that go run keeps.
var goRunCached = regexp.MustCompile(`^[0-9a-f]{64}-d$`)

// hint is a command line a message suggests, as the user can type it again: the program
// as it was started, the --db given, then args: « aect --db atelier.db list ». A
// trainer's throwaway database is kept in every hint.
func (e *env) hint(args ...string) string {
	parts := []string{programName(os.Args[0])}
	if e.opt.db != "" {
		parts = append(parts, "--db", shellQuote(e.opt.db))
	}
	return strings.Join(append(parts, args...), " ")
}

// shellQuote quotes a path for the shell when it needs it (a space, a quote…), with its
// control characters made visible.
func shellQuote(s string) string {
	s = safetext.Visible(s)
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/:+,@%=") == "" {
		return s
	}
	if runtime.GOOS == "windows" {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
