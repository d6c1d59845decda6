package main

import (
	"bytes"
	"os"
	"testing"

	"aect/wizard/directory"
)

// TestReproducible: the committed annuaire.gz is what the generator makes of the
// reference CSVs (AECT_REFERENCE, by default /work/shared/reference; skipped without them).
func TestReproducible(t *testing.T) {
	ref := os.Getenv("AECT_REFERENCE")
	if ref == "" {
		ref = "/work/shared/reference"
	}
	if _, err := os.Stat(ref); err != nil {
		t.Skipf("no reference folder: %v", err)
	}
	embedded, err := directory.EmbeddedInfo()
	if err != nil {
		t.Fatal(err)
	}
	d, err := build(ref, 0, embedded.Source)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Plausible(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := d.Encode(&b); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../annuaire.gz")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), committed) {
		t.Error("annuaire.gz differs from what the generator makes of the reference: regenerate it")
	}
}
