// Package samples embeds the workshop sample plans (aect-plan/1 files): fictional
// authorities and partners used by `aect demo`, the tests and the trainers.
package samples

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed *.json
var files embed.FS

// Sample is one embedded sample plan.
type Sample struct {
	// Name is the file name without extension, e.g. "01-jumelage-allemagne".
	Name string
	// Data is the aect-plan/1 JSON document.
	Data []byte
}

// All returns the sample plans in file-name order.
func All() []Sample {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic("samples: embedded directory unreadable: " + err.Error())
	}
	out := make([]Sample, 0, len(entries))
	for _, e := range entries {
		data, err := files.ReadFile(e.Name())
		if err != nil {
			panic("samples: embedded file unreadable: " + err.Error())
		}
		out = append(out, Sample{Name: strings.TrimSuffix(e.Name(), ".json"), Data: data})
	}
	return out
}

// Get returns the sample with the given name.
func Get(name string) (Sample, bool) {
	for _, s := range All() {
		if s.Name == name {
			return s, true
		}
	}
	return Sample{}, false
}
