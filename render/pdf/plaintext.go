package pdf

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// PlainText turns short Markdown (a roadmap summary) into plain paragraphs for tight layouts:
// emphasis and links keep their text, list items become "• " lines, paragraphs end with "\n".
func PlainText(src string) string {
	source := []byte(src)
	doc := goldmark.New().Parser().Parse(text.NewReader(source))
	var b strings.Builder
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		block(&b, n, source, "")
	}
	return strings.TrimRight(b.String(), "\n")
}

func block(b *strings.Builder, n ast.Node, src []byte, prefix string) {
	switch n.Kind() {
	case ast.KindList:
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				block(b, c, src, "• ")
			}
		}
	case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
		b.WriteString(prefix)
		inline(b, n, src)
		b.WriteString("\n")
	case ast.KindFencedCodeBlock, ast.KindCodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			b.Write(seg.Value(src))
		}
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			block(b, c, src, prefix)
		}
	}
}

func inline(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteString(" ")
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		default:
			inline(b, c, src)
		}
	}
}
