package directory

import (
	"bytes"
	_ "embed"
	"sync"
)

// embedded is the directory compiled into the program, in compact form. Rebuild it with
// the generator when a new millésime is published:
//
//	go run ./wizard/directory/internal/gen -o wizard/directory/annuaire.gz DOSSIER
//
// where DOSSIER holds either the reference CSVs (communes-AAAA.csv, epci-AAAA.csv,
// departements-regions-AAAA.csv) or an Etalab data folder (communes.json…).
//
//go:embed annuaire.gz
var embedded []byte

var embeddedOnce = sync.OnceValues(func() (*Directory, error) { return Decode(bytes.NewReader(embedded)) })

// Embedded returns the directory compiled into the program. It is decoded on the first
// call only, so that starting the program does not pay for it.
func Embedded() (*Directory, error) { return embeddedOnce() }

// EmbeddedInfo returns the millésime and source of the compiled-in directory without
// decoding it.
func EmbeddedInfo() (Info, error) { return ReadInfo(bytes.NewReader(embedded)) }
