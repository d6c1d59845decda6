// Package render holds the content model of a document (Doc: blocks of inline spans,
// with placeholder spans for the points to fill in) and its five writers: plain text
// wrapped at 80 columns, Markdown, ODT and DOCX (both written by hand with archive/zip),
// and PDF (laid out on A4 pages with fpdf, Liberation Sans embedded).
//
// The writers take a Doc whose text is final — sanitised, with French typography — and
// add nothing to the wording; package document builds the Docs. Nothing here touches the
// file system.
package render

import (
	"fmt"
	"io"
	"strings"

	"aect/wizard"
)

// Format is an output format. Its value is the file extension.
type Format string

// The output formats.
const (
	Text     Format = "txt"
	Markdown Format = "md"
	ODT      Format = "odt"
	DOCX     Format = "docx"
	// PDF is the document laid out on A4 pages by aect itself, fonts embedded: for
	// printing, publication and the télétransmission, without LibreOffice.
	PDF Format = "pdf"
)

// AllFormats lists the formats in the order of an export: ODT first, the format the
// French administration recommends.
var AllFormats = []Format{ODT, DOCX, PDF, Markdown, Text}

// ParseFormat reads a format name, ignoring case, surrounding spaces and a leading dot:
// "odt", "docx", "pdf", "md" (or "markdown"), "txt" (or "texte", "text"). An unknown name
// gives a French error listing the accepted ones.
func ParseFormat(s string) (Format, error) {
	switch strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), ".") {
	case "odt":
		return ODT, nil
	case "docx":
		return DOCX, nil
	case "pdf":
		return PDF, nil
	case "md", "markdown":
		return Markdown, nil
	case "txt", "text", "texte":
		return Text, nil
	}
	return "", unknownFormat(s)
}

// unknownFormat says which formats the writers know.
func unknownFormat[S ~string](s S) error {
	return wizard.Errorf("format « %s » inconnu : attendu odt, docx, pdf, md ou txt", s)
}

// Render writes the document in a format.
func Render(w io.Writer, d *Doc, f Format) error {
	if d == nil {
		return fmt.Errorf("document : aucun document à écrire")
	}
	switch f {
	case Text:
		return renderText(w, d)
	case Markdown:
		return renderMarkdown(w, d)
	case ODT:
		return renderODT(w, d)
	case DOCX:
		return renderDOCX(w, d)
	case PDF:
		return renderPDF(w, d)
	}
	return unknownFormat(f)
}
