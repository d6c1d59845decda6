package document

// builder appends blocks to a document.
type builder struct {
	doc *Doc
}

func newBuilder(k Kind, title string) *builder {
	return &builder{doc: &Doc{Kind: k, Title: title}}
}

func (b *builder) add(bl Block) { b.doc.Blocks = append(b.doc.Blocks, bl) }

func (b *builder) title(lines ...Inline) { b.add(Block{Type: BlockTitle, Lines: lines}) }

func (b *builder) center(lines ...Inline) { b.add(Block{Type: BlockCenter, Lines: lines}) }

func (b *builder) heading(level int, parts ...any) {
	b.add(Block{Type: BlockHeading, Level: level, Lines: []Inline{cat(parts...)}})
}

func (b *builder) para(parts ...any) {
	b.add(Block{Type: BlockParagraph, Lines: []Inline{cat(parts...)}})
}

func (b *builder) lines(lines ...Inline) { b.add(Block{Type: BlockLines, Lines: lines}) }

func (b *builder) list(kind ListKind, items ...Item) {
	if len(items) == 0 {
		return
	}
	b.add(Block{Type: BlockList, List: kind, Items: items})
}

func (b *builder) bullets(lines ...Inline) {
	items := make([]Item, len(lines))
	for i, l := range lines {
		items[i] = Item{Text: l}
	}
	b.list(Bullets, items...)
}

func (b *builder) table(t *Table) { b.add(Block{Type: BlockTable, Table: t}) }

func (b *builder) signatures(s ...Signature) { b.add(Block{Type: BlockSignatures, Signatures: s}) }

func (b *builder) note(title string, lines []Inline, items []Item) {
	b.add(Block{Type: BlockNote, Label: title, Lines: lines, Items: items})
}
