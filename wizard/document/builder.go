package document

import "aect/wizard/document/render"

// builder appends blocks to a document.
type builder struct {
	doc *render.Doc
}

func newBuilder(k Kind, title string) *builder {
	return &builder{doc: &render.Doc{Name: k.Title(), Title: title}}
}

func (b *builder) add(bl render.Block) { b.doc.Blocks = append(b.doc.Blocks, bl) }

func (b *builder) title(lines ...render.Inline) {
	b.add(render.Block{Type: render.BlockTitle, Lines: lines})
}

func (b *builder) center(lines ...render.Inline) {
	b.add(render.Block{Type: render.BlockCenter, Lines: lines})
}

func (b *builder) heading(level int, parts ...any) {
	b.add(render.Block{Type: render.BlockHeading, Level: level, Lines: []render.Inline{cat(parts...)}})
}

func (b *builder) para(parts ...any) {
	b.add(render.Block{Type: render.BlockParagraph, Lines: []render.Inline{cat(parts...)}})
}

func (b *builder) lines(lines ...render.Inline) {
	b.add(render.Block{Type: render.BlockLines, Lines: lines})
}

func (b *builder) list(kind render.ListKind, items ...render.Item) {
	if len(items) == 0 {
		return
	}
	b.add(render.Block{Type: render.BlockList, List: kind, Items: items})
}

func (b *builder) bullets(lines ...render.Inline) {
	items := make([]render.Item, len(lines))
	for i, l := range lines {
		items[i] = render.Item{Text: l}
	}
	b.list(render.Bullets, items...)
}

func (b *builder) table(t *render.Table) { b.add(render.Block{Type: render.BlockTable, Table: t}) }

func (b *builder) signatures(s ...render.Signature) {
	b.add(render.Block{Type: render.BlockSignatures, Signatures: s})
}

func (b *builder) note(title string, lines []render.Inline, items []render.Item) {
	b.add(render.Block{Type: render.BlockNote, Label: title, Lines: lines, Items: items})
}
