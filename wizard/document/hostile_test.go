package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"aect/wizard"
	"aect/wizard/document/render"
	"aect/wizard/samples"
)

// hostilePlan is sample 02 with user text that tries to break every format.
func hostilePlan(t testing.TB) *wizard.Plan {
	s, _ := samples.Get("02-convention-eau-senegal")
	p, err := wizard.Decode(s.Data)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Échanges <b>scolaires</b> & culturels ; ", 120) +
		strings.Repeat("x", 300) + "\x00\x07\x1b]0;titre\x07fin"
	p.Title = "Projet \x1b[1m<gras>\x1b[0m & « test »"
	p.Partner.Name = "Commune <script>alert(\"x\")</script> & Cie 'Ouest' \x1b[31mRouge\x1b[0m\x9b2J"
	p.Partner.History = long
	p.Partner.Representative = "M. \u202eNIMDA\u202c \x01Dupont"
	p.Domain.Objectives = "Objectifs ]]> <![CDATA[ x ]]> \ufffe\uffff \xff\xfe invalide"
	p.Authority.ExecutiveName = "# Titre\n- liste\n1. un | tableau |"
	p.Session.Secretary = "*gras* _souligné_ `code` [lien](http://x)"
	p.Actions[0].Title = "Forage <n°1> & \"pompe\""
	p.Funding[0].Label = "Label | avec | barres"
	return p
}

// controlFree reports the first control character (other than new line) in s.
func controlFree(s string) (rune, bool) {
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if unicode.IsControl(r) || r == '\u202e' || r == '\ufffe' || r == '\uffff' {
			return r, false
		}
	}
	return 0, true
}

// rawLT reports whether s has a "<" not escaped by a backslash.
func rawLT(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && (i == 0 || s[i-1] != '\\') {
			return true
		}
	}
	return false
}

// checkPackage parses every XML part of a package and checks the mimetype rule of ODF.
func checkPackage(t *testing.T, name string, data []byte, odf bool) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: not a zip: %v", name, err)
	}
	parts := map[string][]byte{}
	for i, f := range zr.File {
		if odf && i == 0 {
			if f.Name != "mimetype" || f.Method != zip.Store || len(f.Extra) != 0 || f.Flags&0x8 != 0 {
				t.Errorf("%s: first entry %q (method %d, extra %d, flags %x): want mimetype, stored, no extra field, no data descriptor",
					name, f.Name, f.Method, len(f.Extra), f.Flags)
			}
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s %s: %v", name, f.Name, err)
		}
		parts[f.Name] = b
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		if !utf8.Valid(b) {
			t.Errorf("%s %s: invalid UTF-8", name, f.Name)
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Errorf("%s %s: invalid XML: %v", name, f.Name, err)
				break
			}
		}
		if r, ok := controlFree(strings.ReplaceAll(string(b), "\t", "")); !ok {
			t.Errorf("%s %s: control character %U", name, f.Name, r)
		}
	}
	return parts
}

// TestHostileInput renders every document of a plan full of markup, quotes, escape
// sequences, control characters and a 5 000-character history, in every format: the
// XML stays valid, no control character passes, the text stays within 80 columns, and
// Markdown shows no raw HTML.
func TestHostileInput(t *testing.T) {
	p := hostilePlan(t)
	if n := utf8.RuneCountInString(p.Partner.History); n < 5000 {
		t.Fatalf("history has %d characters, want at least 5 000", n)
	}
	for _, k := range AllKinds {
		d := Build(p, k, Options{Today: testToday})
		for _, f := range render.AllFormats {
			var b bytes.Buffer
			if err := render.Render(&b, d, f); err != nil {
				t.Fatalf("%s %s: %v", k, f, err)
			}
			name := FileName(k, f)
			switch f {
			case render.Text, render.Markdown:
				s := b.String()
				if r, ok := controlFree(s); !ok {
					t.Errorf("%s: control character %U", name, r)
				}
				if strings.Contains(s, "[31m") || strings.Contains(s, "]0;") {
					t.Errorf("%s: remains of an escape sequence", name)
				}
				if !utf8.ValidString(s) {
					t.Errorf("%s: invalid UTF-8", name)
				}
				if f == render.Markdown && rawLT(s) {
					t.Errorf("%s: raw HTML from user text (an unescaped <)", name)
				}
				if f == render.Text {
					for i, l := range strings.Split(s, "\n") {
						if w := render.Width(l); w > render.TextWidth {
							t.Errorf("%s line %d: %d columns", name, i+1, w)
						}
					}
				}
			case render.ODT:
				parts := checkPackage(t, name, b.Bytes(), true)
				if k == Convention && !bytes.Contains(parts["content.xml"], []byte("&lt;script&gt;")) {
					t.Errorf("%s: the partner name is not in content.xml, escaped", name)
				}
			case render.DOCX:
				parts := checkPackage(t, name, b.Bytes(), false)
				if k == Convention && !bytes.Contains(parts["word/document.xml"], []byte("&lt;script&gt;")) {
					t.Errorf("%s: the partner name is not in document.xml, escaped", name)
				}
			}
		}
	}
}

// FuzzDocuments checks that any partner name and history give valid packages and
// control-free text.
func FuzzDocuments(f *testing.F) {
	f.Add("Commune <de> & 'X'", "\x1b[31mhistoire\x1b[0m")
	f.Add("\xff\xfe", strings.Repeat("é", 200))
	f.Add("]]>", "\u2028\u2029\u0085\t")
	base := hostilePlan(f)
	f.Fuzz(func(t *testing.T, name, history string) {
		p := *base
		p.Partner.Name, p.Partner.History = name, history
		for _, k := range []Kind{Deliberation, Convention} {
			d := Build(&p, k, Options{})
			var b bytes.Buffer
			if err := render.Render(&b, d, render.Text); err != nil {
				t.Fatal(err)
			}
			if r, ok := controlFree(b.String()); !ok {
				t.Fatalf("control character %U in text", r)
			}
			b.Reset()
			if err := render.Render(&b, d, render.ODT); err != nil {
				t.Fatal(err)
			}
			checkPackage(t, "fuzz.odt", b.Bytes(), true)
		}
	})
}
