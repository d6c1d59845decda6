package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"embed"
	"hash/crc32"
	"io"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"
)

//go:embed templates
var templateFS embed.FS

// templates are the fixed parts of the ODT and DOCX packages, parsed once.
var templates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Option("missingkey=error").
		Funcs(template.FuncMap{"xml": xmlEscape}).
		ParseFS(templateFS, "templates/*.xml"))
})

// packageView is what the package templates fill in.
type packageView struct {
	// Title is the document title, plain text (escaped by the template).
	Title string
	// Body is the document body, already XML.
	Body string
	// AutoStyles are the automatic styles of an ODT body (tables), already XML.
	AutoStyles string
}

// staticTemplates are the parts that depend on nothing: rendered once.
var staticTemplates = map[string]bool{
	"odt-manifest.xml": true, "docx-content-types.xml": true, "docx-rels.xml": true,
	"docx-document-rels.xml": true, "docx-settings.xml": true, "docx-styles.xml": true,
	"docx-app.xml": true,
}

// staticParts caches the rendering of the static templates.
var staticParts sync.Map

// execute runs one package template.
func execute(name string, v packageView) ([]byte, error) {
	if staticTemplates[name] {
		if b, ok := staticParts.Load(name); ok {
			return b.([]byte), nil
		}
	}
	var b bytes.Buffer
	b.Grow(len(v.Body) + len(v.AutoStyles) + 2048)
	if err := templates().ExecuteTemplate(&b, name, v); err != nil {
		return nil, err
	}
	if staticTemplates[name] {
		staticParts.Store(name, b.Bytes())
	}
	return b.Bytes(), nil
}

// glue applies layoutGlue where it may apply.
func glue(s string) string {
	if !strings.Contains(s, ". ") {
		return s
	}
	return layoutGlue.Replace(s)
}

// xmlEscape escapes text for XML content and attributes, and drops the characters XML
// 1.0 forbids (user text is already cleaned; this is the last guard).
func xmlEscape(s string) string {
	var b strings.Builder
	writeXML(&b, s)
	return b.String()
}

// writeXML writes s escaped for XML.
func writeXML(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '<' && c != '>' && c != '&' && c != '"' && c != '\'' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var rep string
		switch {
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '&':
			rep = "&amp;"
		case r == '"':
			rep = "&quot;"
		case r == '\'':
			rep = "&apos;"
		case r == '\t' || r == '\n':
			i += n
			continue
		case !xmlChar(r) || (r == utf8.RuneError && n == 1):
			rep = ""
		default:
			i += n
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		i += n
		last = i
	}
	b.WriteString(s[last:])
}

// layoutGlue keeps a code article together with its number in ODT and DOCX, where the
// line breaks are the word processor's: "L. 1115-1" and "art. L." get a non-breaking
// space.
var layoutGlue = strings.NewReplacer(
	"art. L. ", "art.\u00a0L.\u00a0", "art. R. ", "art.\u00a0R.\u00a0",
	"L. 1", "L.\u00a01", "L. 2", "L.\u00a02", "L. 3", "L.\u00a03", "L. 4", "L.\u00a04", "L. 5", "L.\u00a05",
	"R. 1", "R.\u00a01", "R. 2", "R.\u00a02", "art. L", "art.\u00a0L", "art. R", "art.\u00a0R")

// xmlChar reports whether XML 1.0 allows the character.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0a || r == 0x0d || (r >= 0x20 && r <= 0xd7ff) ||
		(r >= 0xe000 && r <= 0xfffd) || (r >= 0x10000 && r <= 0x10ffff)
}

// smallEntry is the size under which an entry is stored rather than deflated: the
// manifest and the relationships gain nothing from compression.
const smallEntry = 1024

// flateWriters keeps deflate writers for reuse; they are large to allocate.
var flateWriters sync.Pool

// fastDeflate is the zip compressor: deflate at the fastest level, with pooled writers.
// A document is small; speed matters more than a few bytes.
func fastDeflate(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := flateWriters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return &pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return &pooledFlate{fw}, nil
}

// pooledFlate returns its writer to the pool on Close.
type pooledFlate struct{ *flate.Writer }

func (p *pooledFlate) Close() error {
	err := p.Writer.Close()
	flateWriters.Put(p.Writer)
	return err
}

// zipFile is one entry of a package.
type zipFile struct {
	name string
	data []byte
}

// dosEpoch is 1 January 1980 in the MS-DOS date format of zip headers (month 1, day 1).
const dosEpoch = 1<<5 | 1

// writeZip writes a package: the first entry, if stored is true, uncompressed and
// without data descriptor or extra field (the ODF "mimetype" rule); the others deflated.
// Entries carry a fixed, valid MS-DOS date (1 January 1980) and no extended timestamp, so
// that the same document gives the same bytes and zip tools show a real date.
func writeZip(w io.Writer, stored bool, files []zipFile) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, fastDeflate)
	for i, f := range files {
		if i == 0 && stored {
			hdr := &zip.FileHeader{
				Name:               f.name,
				Method:             zip.Store,
				CRC32:              crc32.ChecksumIEEE(f.data),
				CompressedSize64:   uint64(len(f.data)),
				UncompressedSize64: uint64(len(f.data)),
				ModifiedDate:       dosEpoch,
			}
			fw, err := zw.CreateRaw(hdr)
			if err != nil {
				return err
			}
			if _, err := fw.Write(f.data); err != nil {
				return err
			}
			continue
		}
		method := zip.Deflate
		if len(f.data) < smallEntry {
			method = zip.Store
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: method, ModifiedDate: dosEpoch})
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
