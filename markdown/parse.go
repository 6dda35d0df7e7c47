package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Parse parses src as data text (see the package documentation for the rules). It never fails:
// any input is some document.
func Parse(src []byte) Document {
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Linkify, typographer))
	root := md.Parser().Parse(text.NewReader(src))
	c := converter{src: src, str: string(src)}
	return Document{Blocks: c.blocks(root)}
}

// typographer sets straight quotes as curly ones ("Order" as “Order”, project's as project’s),
// -- and --- as en and em dashes and ... as an ellipsis, outside code, as Unicode characters
// (goldmark's default is HTML entities); << and >> stay as typed.
var typographer = extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation][]byte{
	extension.LeftSingleQuote: []byte("‘"), extension.RightSingleQuote: []byte("’"), extension.Apostrophe: []byte("’"),
	extension.LeftDoubleQuote: []byte("“"), extension.RightDoubleQuote: []byte("”"),
	extension.EnDash: []byte("–"), extension.EmDash: []byte("—"), extension.Ellipsis: []byte("…"),
	extension.LeftAngleQuote: nil, extension.RightAngleQuote: nil,
}))

// converter turns goldmark's syntax tree into the document model. str is src as one string,
// which the model's strings share instead of copying every piece of source.
type converter struct {
	src []byte
	str string
}

// value returns the text of a segment.
func (c converter) value(seg text.Segment) string {
	if seg.Padding == 0 && !seg.ForceNewline {
		return c.str[seg.Start:seg.Stop]
	}
	return string(seg.Value(c.src))
}

// blocks converts the child blocks of n.
func (c converter) blocks(n ast.Node) []Block {
	var out []Block
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = append(out, c.block(ch)...)
	}
	return out
}

// block converts one block node; nodes the model has no block for give their children.
func (c converter) block(n ast.Node) []Block {
	switch n := n.(type) {
	case *ast.Paragraph:
		return []Block{&Paragraph{Inlines: c.inlines(n), Lines: c.lines(n)}}
	case *ast.TextBlock:
		return []Block{&Paragraph{Inlines: c.inlines(n), Lines: c.lines(n), Tight: true}}
	case *ast.Heading:
		return []Block{&Heading{Level: n.Level, Inlines: c.inlines(n), Lines: c.lines(n)}}
	case *ast.List:
		return []Block{c.list(n)}
	case *ast.Blockquote:
		return []Block{&Quote{Blocks: c.blocks(n)}}
	case *ast.FencedCodeBlock:
		return []Block{&CodeBlock{Info: c.info(n), Lines: c.lines(n)}}
	case *ast.CodeBlock:
		return []Block{&CodeBlock{Lines: c.lines(n)}}
	case *ast.ThematicBreak:
		return []Block{&ThematicBreak{}}
	case *ast.HTMLBlock:
		return []Block{c.htmlBlock(n)}
	case *east.Table:
		return []Block{c.table(n)}
	}
	return c.blocks(n)
}

// list converts a list and its items.
func (c converter) list(n *ast.List) *List {
	l := &List{
		Ordered: n.IsOrdered(),
		Start:   n.Start,
		Delim:   n.Marker,
		Tight:   n.IsTight,
		Nested:  n.Parent() != nil && n.Parent().Kind() == ast.KindListItem,
	}
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		l.Items = append(l.Items, Item{Blocks: c.blocks(it)})
	}
	return l
}

// lines returns the source lines of a block without their line endings. In code blocks a line
// starts with the spaces left of a tab that its indentation only partly used.
func (c converter) lines(n ast.Node) []string {
	ls := n.Lines()
	out := make([]string, 0, ls.Len())
	for i := range ls.Len() {
		seg := ls.At(i)
		out = append(out, trimEOL(c.value(seg)))
	}
	return out
}

// info returns the info string of a fenced code block ("" when it has none).
func (c converter) info(n *ast.FencedCodeBlock) string {
	if n.Info == nil {
		return ""
	}
	return c.value(n.Info.Segment)
}

// htmlBlock keeps the source lines of raw HTML, closing line included.
func (c converter) htmlBlock(n *ast.HTMLBlock) *HTMLBlock {
	h := &HTMLBlock{Lines: c.lines(n)}
	if n.HasClosure() {
		h.Lines = append(h.Lines, trimEOL(c.value(n.ClosureLine)))
	}
	return h
}

// table converts a table's header and body rows.
func (c converter) table(n *east.Table) *Table {
	t := &Table{}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []Cell
		for cl := r.FirstChild(); cl != nil; cl = cl.NextSibling() {
			cell := Cell{Inlines: c.inlines(cl)}
			if tc, ok := cl.(*east.TableCell); ok {
				cell.Align = align(tc.Alignment)
			}
			cells = append(cells, cell)
		}
		if _, head := r.(*east.TableHeader); head {
			t.Header = cells
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}

func align(a east.Alignment) Align {
	switch a {
	case east.AlignLeft:
		return AlignLeft
	case east.AlignCenter:
		return AlignCenter
	case east.AlignRight:
		return AlignRight
	}
	return AlignNone
}

// trimEOL removes trailing line-ending characters.
func trimEOL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}
