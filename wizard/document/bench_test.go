package document

import (
	"io"
	"testing"

	"aect/wizard/document/render"
)

// benchRender builds every document of sample 02 and renders each in formats.
func benchRender(b *testing.B, formats []render.Format) {
	p := samplePlans(b)["02-convention-eau-senegal"]
	opt := Options{Today: testToday}
	b.ReportAllocs()
	for b.Loop() {
		for _, k := range Kinds(p) {
			d := Build(p, k, opt)
			for _, f := range formats {
				if err := render.Render(io.Discard, d, f); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

// BenchmarkRenderAll builds every document of sample 02 and renders each in every
// format: the whole set an export writes.
func BenchmarkRenderAll(b *testing.B) { benchRender(b, render.AllFormats) }

// BenchmarkRenderAllButPDF builds every document of sample 02 and renders each as text,
// Markdown, ODT and DOCX: an export without the PDF, whose layout with fpdf dominates
// BenchmarkRenderAll (the goal is under 10 ms).
func BenchmarkRenderAllButPDF(b *testing.B) {
	benchRender(b, []render.Format{render.ODT, render.DOCX, render.Markdown, render.Text})
}

// BenchmarkBuild builds the content model of every document of sample 02.
func BenchmarkBuild(b *testing.B) { benchRender(b, nil) }

// BenchmarkPDFAll builds every document of sample 02 and renders each as PDF: what
// printing or a PDF export of the plan costs. The goal is under 50 ms: about 30 ms on two
// cores, against 100 to 125 ms while fpdf redid its per-font work (parsing Liberation
// Sans, hashing its widths, reading its whole character map) for every document; see
// third_party/fpdf/PATCHES.md. LibreOffice takes seconds for the same documents.
func BenchmarkPDFAll(b *testing.B) { benchRender(b, []render.Format{render.PDF}) }
