package document

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"aect/wizard"
	"aect/wizard/document/render"
)

// TestDump writes every document of many plans — the samples, the test plans, an empty
// plan and the hostile ones, each under every form, mode, authority and partner type —
// in text, Markdown, ODT content.xml and DOCX document.xml into the folder
// AECT_DUMP_DIR, when it is set. Two dumps, before and after a change of the wording's
// code, compared with diff -r, show every document the change touches: more than the
// golden files do.
func TestDump(t *testing.T) {
	dir := os.Getenv("AECT_DUMP_DIR")
	if dir == "" {
		t.Skip("AECT_DUMP_DIR not set")
	}
	bases := everyPlan(t)
	opt := Options{Today: testToday}
	for name, base := range bases {
		var variants []*wizard.Plan
		for _, form := range append(wizard.Forms.Codes(), "") {
			for _, mode := range append(wizard.Modes.Codes(), "") {
				p := base.Clone()
				p.Form, p.Implementation.Mode = wizard.Form(form), wizard.Mode(mode)
				variants = append(variants, p)
			}
		}
		for _, at := range wizard.AuthorityTypes.Codes() {
			for _, pk := range wizard.PartnerKinds.Codes() {
				p := base.Clone()
				p.Authority.Type, p.Partner.Kind = wizard.AuthorityType(at), wizard.PartnerKind(pk)
				variants = append(variants, p)
			}
		}
		for i, p := range variants {
			for _, k := range AllKinds {
				d := Build(p, k, opt)
				var files = map[string][]byte{}
				for _, f := range []render.Format{render.Text, render.Markdown} {
					var b bytes.Buffer
					if err := render.Render(&b, d, f); err != nil {
						t.Fatal(err)
					}
					files[string(f)] = b.Bytes()
				}
				files["content.xml"], _ = render.ODTContent(d)
				files["document.xml"], _ = render.DOCXDocument(d)
				for ext, data := range files {
					path := filepath.Join(dir, name, fmt.Sprintf("%03d.%s.%s", i, k, ext))
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}
