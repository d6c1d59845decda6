package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"aect/wizard"
	"aect/wizard/samples"
)

// FuzzOpen gives Open arbitrary file contents: it must not panic, and when it refuses the
// file (an *OpenError), the file must be left exactly as it was.
//
// `go test -fuzz` instruments every package linked, the transpiled SQLite and libc
// included, which makes coverage-guided fuzzing crawl (a few inputs a minute). Running the
// test binary itself fuzzes without coverage guidance at hundreds of inputs a second:
//
//	go test -c -o /tmp/storage.test ./storage
//	cd storage && /tmp/storage.test -test.run '^$' -test.fuzz FuzzOpen -test.fuzztime 1m -test.fuzzcachedir /tmp/fuzz
func FuzzOpen(f *testing.F) {
	good := goodDB(f)
	f.Add([]byte{})
	f.Add([]byte("bonjour"))
	f.Add([]byte(sqliteMagic))
	f.Add(append([]byte(sqliteMagic), make([]byte, 4096)...))
	f.Add(good[:4096])
	f.Add(good[:len(good)-4096])
	f.Add(good)
	f.Add(samples.All()[0].Data)
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "aect.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path)
		if err != nil {
			var oe *OpenError
			if !errors.As(err, &oe) {
				t.Fatalf("not an *OpenError: %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
				t.Fatal("a refused file was modified")
			}
			return
		}
		defer s.Close()
		if _, err := s.List(""); err != nil {
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("List: not a storage error: %v", err)
			}
		}
	})
}

// FuzzImport gives Import arbitrary bytes: it must not panic; a refused file is a
// *wizard.DecodeError and writes nothing; an accepted one exports and imports again as the
// same plan. Run it as FuzzOpen says.
func FuzzImport(f *testing.F) {
	for _, sm := range samples.All() {
		f.Add(sm.Data)
	}
	f.Add([]byte(`{"format":"aect-plan/1"}`))
	f.Add([]byte(`{"format":"aect-plan/1","title":"\u001f\n"}`))
	f.Add([]byte(`{"format":"aect-plan/1","partner":{"country":"zz"}}`))
	s := newStore(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		before, err := s.List("")
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Import(data)
		if err != nil {
			var de *wizard.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("not a *wizard.DecodeError: %v", err)
			}
			if after, _ := s.List(""); len(after) != len(before) {
				t.Fatal("a refused file wrote a draft")
			}
			return
		}
		out, err := s.ExportJSON(res.Draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.Import(out)
		if err != nil {
			t.Fatalf("the export of an imported file does not import: %v\n%s", err, out)
		}
		if again.SameAs == 0 {
			t.Fatal("the export of an imported file is not recognised as the same plan")
		}
	})
}
