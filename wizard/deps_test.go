package wizard

import (
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoForbiddenImports holds the architecture: the domain imports neither the
// interface nor the storage, and does no I/O (no os, net or database packages).
func TestNoForbiddenImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "aect/wizard").Output()
	if err != nil {
		t.Skipf("go list unavailable: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch {
		case strings.HasPrefix(dep, "aect/tui"), strings.HasPrefix(dep, "aect/storage"), strings.HasPrefix(dep, "aect/cmd"):
			t.Errorf("wizard depends on %s", dep)
		case dep == "net" || dep == "database/sql" || dep == "os/exec":
			t.Errorf("wizard depends on %s", dep)
		}
	}
	direct, err := exec.Command("go", "list", "-f", `{{join .Imports " "}}`, "aect/wizard").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range strings.Fields(string(direct)) {
		if imp == "os" || imp == "io/ioutil" || imp == "path/filepath" {
			t.Errorf("wizard imports %s: the domain does no I/O", imp)
		}
	}
}

// TestDocumentDoesNoIO: building and rendering the documents (wizard/document and its
// writers, wizard/document/render) does no I/O; package export (internal/export) writes
// the files.
func TestDocumentDoesNoIO(t *testing.T) {
	var files []string
	for _, dir := range []string{"document", filepath.Join("document", "render")} {
		found, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(found) == 0 {
			t.Fatalf("no sources in %s: %v", dir, err)
		}
		files = append(files, found...)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		parsed, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if path == "os" || path == "path/filepath" || path == "io/ioutil" {
				t.Errorf("%s imports %s: the documents are written by package export", f, path)
			}
		}
	}
}
