package document

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"aect/wizard/document/render"
)

// The wording of a document is a template (models.go) whose output is a small line
// markup: each line starts with a keyword that says which block it makes ("titre:",
// "visa:", "article:", "puce:", "ligne:"…), followed by its text. Styles, placeholders
// and cross-references inside a line are not typed as characters a user could type too:
// the template functions write them as characters of Unicode's private use area, and
// user text is written between two more of them, inside which nothing is markup. So a
// partner named « x | y » or « titre: z » stays a name.

// Markers of the inline encoding, in the private use area. Nothing outside this file
// writes them but through the functions below; user text loses them (protect).
const (
	mPlaceholderOpen  = '\uE000'
	mPlaceholderClose = '\uE001'
	mStrongOpen       = '\uE002'
	mStrongClose      = '\uE003'
	mEmphOpen         = '\uE004'
	mEmphClose        = '\uE005'
	mRefOpen          = '\uE006'
	mRefClose         = '\uE007'
	mLitOpen          = '\uE008'
	mLitClose         = '\uE009'
	mFirst, mLast     = '\uE000', '\uE00F'
)

// frag is a piece of encoded line text: template text, styles and placeholders as
// markers, user text protected between mLitOpen and mLitClose. The view's phrases are
// frags; text/template prints them as they are.
type frag string

// isMarker reports whether r is one of the encoding's reserved characters.
func isMarker(r rune) bool { return r >= mFirst && r <= mLast }

// protect encodes text that must be taken as it is: user text, or a phrase built from
// it. The reserved characters it may hold are removed, so that it cannot close its own
// protection.
func protect(s string) frag {
	if s == "" {
		return ""
	}
	if strings.ContainsFunc(s, isMarker) {
		s = strings.Map(func(r rune) rune {
			if isMarker(r) {
				return -1
			}
			return r
		}, s)
	}
	return frag(string(mLitOpen) + s + string(mLitClose))
}

// styleWrap surrounds an encoded text with a style's markers.
func styleWrap(open, close rune, f frag) frag {
	if f == "" {
		return ""
	}
	return frag(string(open) + string(f) + string(close))
}

// encode writes a line of the content model as a frag: every span's text protected,
// with the markers of its style.
func encode(in render.Inline) frag {
	var b strings.Builder
	for _, s := range in {
		t := protect(s.Text)
		switch s.Style {
		case render.Strong:
			t = styleWrap(mStrongOpen, mStrongClose, t)
		case render.Emphasis:
			t = styleWrap(mEmphOpen, mEmphClose, t)
		case render.Placeholder:
			t = styleWrap(mPlaceholderOpen, mPlaceholderClose, t)
		}
		b.WriteString(string(t))
	}
	return frag(b.String())
}

// toFrag encodes a value of the old builder's vocabulary (a string, a Span, an Inline, a
// frag or an int) as a frag. A plain string here is phrase text built in Go, protected.
func toFrag(v any) frag {
	switch x := v.(type) {
	case frag:
		return x
	case string:
		return protect(x)
	case render.Span:
		return encode(render.Inline{x})
	case render.Inline:
		return encode(x)
	case int:
		return frag(strconv.Itoa(x))
	case nil:
		return ""
	}
	return protect(fmt.Sprint(v))
}

// inlineState builds the spans of one line from its encoded text.
type inlineState struct {
	out    render.Inline
	styles []render.SpanStyle
	buf    strings.Builder
}

func (st *inlineState) style() render.SpanStyle {
	if n := len(st.styles); n > 0 {
		return st.styles[n-1]
	}
	return render.Plain
}

// flush ends the current run of text, merging it with the previous span of the same
// style, like cat.
func (st *inlineState) flush() {
	if st.buf.Len() == 0 {
		return
	}
	s := render.Span{Text: st.buf.String(), Style: st.style()}
	st.buf.Reset()
	if n := len(st.out); n > 0 && st.out[n-1].Style == s.Style {
		st.out[n-1].Text += s.Text
		return
	}
	st.out = append(st.out, s)
}

// decodeInline reads an encoded line into spans and applies French typography to each
// span. Cross-references stay as markers in the text, for resolveRefs.
func decodeInline(s string) (render.Inline, error) {
	out, err := spansOf(s)
	for i := range out {
		out[i].Text = typo(out[i].Text)
	}
	return out, err
}

// spansOf reads encoded text into spans, merging adjacent spans of the same style.
func spansOf(s string) (render.Inline, error) {
	st := &inlineState{}
	lit := false
	for i := 0; i < len(s); {
		// Copy the run of text up to the next marker at once: every marker is encoded
		// in UTF-8 as 0xEE 0x80 0x8X.
		if j := strings.IndexByte(s[i:], 0xEE); j != 0 {
			if j < 0 {
				j = len(s) - i
			}
			st.buf.WriteString(s[i : i+j])
			i += j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == mLitOpen:
			lit = true
		case r == mLitClose:
			lit = false
		case lit:
			st.buf.WriteRune(r)
		case r == mPlaceholderOpen, r == mStrongOpen, r == mEmphOpen:
			st.flush()
			style := render.Placeholder
			if r == mStrongOpen {
				style = render.Strong
			} else if r == mEmphOpen {
				style = render.Emphasis
			}
			// The innermost style wins, except that a placeholder stays one.
			if st.style() == render.Placeholder {
				style = render.Placeholder
			}
			st.styles = append(st.styles, style)
		case r == mPlaceholderClose, r == mStrongClose, r == mEmphClose:
			st.flush()
			if len(st.styles) == 0 {
				return nil, fmt.Errorf("style fermé sans avoir été ouvert")
			}
			st.styles = st.styles[:len(st.styles)-1]
		case r == mRefOpen:
			j := strings.IndexRune(s[i:], mRefClose)
			if j < 0 {
				return nil, fmt.Errorf("renvoi non terminé")
			}
			st.buf.WriteRune(mRefOpen)
			st.buf.WriteString(s[i : i+j])
			st.buf.WriteRune(mRefClose)
			i += j + utf8.RuneLen(mRefClose)
		default:
			st.buf.WriteRune(r)
		}
	}
	st.flush()
	return st.out, nil
}

// splitCells cuts an encoded line on its " | " outside protected text.
func splitCells(s string) []string {
	var cells []string
	lit := false
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == mLitOpen:
			lit = true
		case r == mLitClose:
			lit = false
		case r == '|' && !lit:
			cells = append(cells, strings.TrimSpace(s[start:i]))
			start = i + n
		}
		i += n
	}
	return append(cells, strings.TrimSpace(s[start:]))
}

// A markupError is an error of the line markup: the line of the template's output and
// what is wrong with it.
type markupError struct {
	line string
	msg  string
}

func (e *markupError) Error() string {
	return fmt.Sprintf("%s, à la ligne « %s »", e.msg, visibleLine(e.line))
}

// visibleLine is an output line as a message can quote it: markers removed, cut.
func visibleLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if isMarker(r) {
			return -1
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > 80 {
		r := []rune(s)
		s = string(r[:80]) + "…"
	}
	return s
}

// keyword is what a keyword of the markup makes.
type keyword struct {
	block render.BlockType
	// multi: consecutive lines of the keyword make one block (until a blank line).
	multi bool
	level int
	list  render.ListKind
	done  bool
}

// keywords of the markup. A keyword may be followed by "#label" to name the article it
// numbers (article, article-titre), for {{ref "label"}}.
var keywords = map[string]keyword{
	"titre":                {block: render.BlockTitle, multi: true},
	"centre":               {block: render.BlockCenter, multi: true},
	"section":              {block: render.BlockHeading, level: 1},
	"sous-section":         {block: render.BlockHeading, level: 2},
	"paragraphe":           {block: render.BlockParagraph},
	"visa":                 {block: render.BlockParagraph},
	"considerant":          {block: render.BlockParagraph},
	"considérant":          {block: render.BlockParagraph},
	"lignes":               {block: render.BlockLines, multi: true},
	"article":              {block: render.BlockArticle},
	"article-titre":        {block: render.BlockHeading, level: 1},
	"puce":                 {block: render.BlockList, multi: true, list: render.Bullets},
	"numero":               {block: render.BlockList, multi: true, list: render.Numbered},
	"case":                 {block: render.BlockList, multi: true, list: render.Checklist},
	"case-cochee":          {block: render.BlockList, multi: true, list: render.Checklist, done: true},
	"tableau":              {block: render.BlockTable},
	"ligne":                {block: render.BlockTable},
	"total":                {block: render.BlockTable},
	"groupe":               {block: render.BlockTable},
	"signature":            {block: render.BlockSignatures, multi: true},
	"vote":                 {block: render.BlockVote, multi: true},
	"mentions":             {block: render.BlockMentions, multi: true},
	"reprise-numerotation": {block: render.BlockParagraph},
}

// markupParser turns the output of a template into blocks.
type markupParser struct {
	blocks []render.Block
	// open is the index of the block the next line of the same keyword continues, or -1.
	open    int
	openKey string
	article int
	// labels are the article numbers by label, one map per numbering (reprise-numerotation
	// starts a new one); segOf is the numbering of each block.
	labels []map[string]int
	segOf  []int
	// dup is a label given to two articles of one numbering.
	dup string
}

// parseMarkup reads the output of a template into blocks, numbers the articles and
// resolves the cross-references.
func parseMarkup(out string) ([]render.Block, error) {
	p := &markupParser{open: -1, labels: []map[string]int{{}}}
	for line := range strings.SplitSeq(out, "\n") {
		if err := p.line(line); err != nil {
			return nil, err
		}
	}
	if err := p.resolveRefs(); err != nil {
		return nil, err
	}
	return p.blocks, nil
}

func (p *markupParser) line(raw string) error {
	line := strings.TrimSpace(raw)
	if line == "" {
		p.open = -1
		return nil
	}
	head, text, ok := strings.Cut(line, ":")
	label := ""
	if ok {
		head, label, _ = strings.Cut(head, "#")
	}
	kw, known := keywords[head]
	if !ok || !known || !validLabel(label) || strings.ContainsFunc(head, isMarker) {
		if i := strings.IndexAny(line, ": "); i > 0 && !strings.ContainsFunc(line[:i], isMarker) {
			return &markupError{raw, fmt.Sprintf("mot-clé « %s » inconnu", line[:i])}
		}
		return &markupError{raw, "ligne sans mot-clé (« paragraphe: », « article: »…)"}
	}
	if label != "" && head != "article" && head != "article-titre" {
		return &markupError{raw, "seul un article peut porter une étiquette (#…)"}
	}
	text = strings.TrimPrefix(text, " ")
	switch head {
	case "reprise-numerotation":
		p.article = 0
		p.labels = append(p.labels, map[string]int{})
		p.open = -1
		return nil
	case "tableau", "ligne", "total", "groupe":
		return p.table(raw, head, text)
	case "signature":
		return p.signature(raw, text)
	}
	in, err := decodeInline(text)
	if err != nil {
		return &markupError{raw, err.Error()}
	}
	if kw.multi && p.open >= 0 && p.continues(head, kw) {
		bl := &p.blocks[p.open]
		if kw.block == render.BlockList {
			bl.Items = append(bl.Items, render.Item{Text: in, Done: kw.done})
		} else {
			bl.Lines = append(bl.Lines, in)
		}
		p.openKey = head
		return nil
	}
	bl := render.Block{Type: kw.block, Level: kw.level}
	switch head {
	case "article":
		bl.Label = p.number(label)
		if p.dup != "" {
			return &markupError{raw, fmt.Sprintf("l'étiquette « %s » est déjà portée par un autre article", p.dup)}
		}
		bl.Lines = []render.Inline{in}
	case "article-titre":
		n := p.number(label)
		if p.dup != "" {
			return &markupError{raw, fmt.Sprintf("l'étiquette « %s » est déjà portée par un autre article", p.dup)}
		}
		bl.Lines = []render.Inline{cat(render.Span{Text: n + " – "}, in)}
	default:
		if kw.block == render.BlockList {
			bl.List = kw.list
			bl.Items = []render.Item{{Text: in, Done: kw.done}}
		} else {
			bl.Lines = []render.Inline{in}
		}
	}
	p.push(bl, head, kw.multi)
	return nil
}

// continues reports whether a line of keyword head continues the open block.
func (p *markupParser) continues(head string, kw keyword) bool {
	if p.openKey == head {
		return true
	}
	// Ticked and unticked boxes make one checklist.
	return kw.block == render.BlockList && kw.list == render.Checklist && (p.openKey == "case" || p.openKey == "case-cochee")
}

func (p *markupParser) push(bl render.Block, head string, multi bool) {
	p.blocks = append(p.blocks, bl)
	p.segOf = append(p.segOf, len(p.labels)-1)
	p.open, p.openKey = -1, ""
	if multi {
		p.open, p.openKey = len(p.blocks)-1, head
	}
}

// number gives the next article its label, "Article 1er", "Article 2"…, and records
// the cross-reference label it carries.
func (p *markupParser) number(label string) string {
	p.article++
	if label != "" {
		if _, dup := p.labels[len(p.labels)-1][label]; dup {
			p.dup = label
		}
		p.labels[len(p.labels)-1][label] = p.article
	}
	return articleLabel(p.article)
}

// articleLabel is "Article 1er", "Article 2"…
func articleLabel(n int) string {
	if n == 1 {
		return "Article 1er"
	}
	return "Article " + strconv.Itoa(n)
}

// validLabel accepts an empty label or lower-case letters, digits and dashes.
func validLabel(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// table reads the lines of a table: "tableau:" gives the columns, "Titre (largeur)" or
// "Titre (largeur, droite)" for an amount column; "ligne:", "total:" and "groupe:" add a
// row to the table just opened.
func (p *markupParser) table(raw, head, text string) error {
	cells := splitCells(text)
	if head == "tableau" {
		t := &render.Table{}
		for _, c := range cells {
			col, err := parseColumn(c)
			if err != nil {
				return &markupError{raw, err.Error()}
			}
			t.Columns = append(t.Columns, col)
		}
		p.push(render.Block{Type: render.BlockTable, Table: t}, "tableau", true)
		return nil
	}
	if p.open < 0 || p.blocks[p.open].Type != render.BlockTable {
		return &markupError{raw, "ligne de tableau hors d'un tableau (« tableau: » d'abord)"}
	}
	t := p.blocks[p.open].Table
	row := render.Row{Total: head == "total", Group: head == "groupe"}
	for _, c := range cells {
		in, err := decodeInline(c)
		if err != nil {
			return &markupError{raw, err.Error()}
		}
		row.Cells = append(row.Cells, in)
	}
	if !row.Group && len(row.Cells) != len(t.Columns) {
		return &markupError{raw, fmt.Sprintf("%d cellules pour %d colonnes", len(row.Cells), len(t.Columns))}
	}
	t.Rows = append(t.Rows, row)
	return nil
}

// parseColumn reads "Montant (3, droite)".
func parseColumn(s string) (render.Column, error) {
	s = strings.Map(func(r rune) rune {
		if isMarker(r) {
			return -1
		}
		return r
	}, s)
	title, spec, ok := strings.Cut(s, "(")
	if !ok || !strings.HasSuffix(spec, ")") {
		return render.Column{}, fmt.Errorf("colonne « %s » : attendu « Titre (largeur) » ou « Titre (largeur, droite) »", s)
	}
	col := render.Column{Title: typo(strings.TrimSpace(title))}
	for i, part := range strings.Split(strings.TrimSuffix(spec, ")"), ",") {
		part = strings.TrimSpace(part)
		switch {
		case i == 0:
			w, err := strconv.Atoi(part)
			if err != nil || w <= 0 {
				return render.Column{}, fmt.Errorf("colonne « %s » : largeur « %s » : attendu un nombre entier positif", s, part)
			}
			col.Width = w
		case part == "droite":
			col.Right = true
		default:
			return render.Column{}, fmt.Errorf("colonne « %s » : « %s » inconnu (attendu « droite »)", s, part)
		}
	}
	return col, nil
}

// signature reads "signature: heading | heading | name": one signature block, beside
// the previous one when the line before was a signature too.
func (p *markupParser) signature(raw, text string) error {
	cells := splitCells(text)
	if len(cells) < 2 {
		return &markupError{raw, "signature : attendu « en-tête | nom du signataire »"}
	}
	var sig render.Signature
	for i, c := range cells {
		in, err := decodeInline(c)
		if err != nil {
			return &markupError{raw, err.Error()}
		}
		if i == len(cells)-1 {
			sig.Name = in
		} else {
			sig.Heading = append(sig.Heading, in)
		}
	}
	if p.open >= 0 && p.openKey == "signature" {
		bl := &p.blocks[p.open]
		bl.Signatures = append(bl.Signatures, sig)
		return nil
	}
	p.push(render.Block{Type: render.BlockSignatures, Signatures: []render.Signature{sig}}, "signature", true)
	return nil
}

// ref is the encoded cross-reference to the article labelled label.
func ref(label string) frag { return frag(string(mRefOpen) + label + string(mRefClose)) }

// resolveRefs replaces each cross-reference by "article 1er", "article 4"…: the number of
// the labelled article of the same numbering.
func (p *markupParser) resolveRefs() error {
	var err error
	for i := range p.blocks {
		labels := p.labels[p.segOf[i]]
		(&render.Doc{Blocks: p.blocks[i : i+1]}).Walk(func(string) {}, func(in render.Inline) {
			for j := range in {
				if err == nil && strings.ContainsRune(in[j].Text, mRefOpen) {
					in[j].Text, err = replaceRefs(in[j].Text, labels)
				}
			}
		})
	}
	return err
}

// replaceRefs replaces the references of one text.
func replaceRefs(s string, labels map[string]int) (string, error) {
	var b strings.Builder
	for {
		i := strings.IndexRune(s, mRefOpen)
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		b.WriteString(s[:i])
		s = s[i+utf8.RuneLen(mRefOpen):]
		j := strings.IndexRune(s, mRefClose)
		label := s[:j]
		n, ok := labels[label]
		if !ok {
			return "", &markupError{label, fmt.Sprintf("renvoi à l'étiquette « %s », qu'aucun article ne porte (article#%s:)", label, label)}
		}
		b.WriteString(strings.ToLower(articleLabel(n)[:1]) + articleLabel(n)[1:])
		s = s[j+utf8.RuneLen(mRefClose):]
	}
}
