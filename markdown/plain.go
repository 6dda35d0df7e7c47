package markdown

import "strings"

// PlainText renders Markdown as plain paragraphs for tight layouts:
// every paragraph and heading ends with a line break, list items start with "• ", code blocks
// keep their lines, table rows become lines of cells separated by " | ", emphasis and links
// keep their text, images their alternative text, and raw HTML and rules are left out. The
// result has no trailing line break.
func PlainText(src string) string {
	var b strings.Builder
	plainBlocks(&b, Parse([]byte(src)).Blocks, "")
	return strings.TrimRight(b.String(), "\n")
}

// InlineText returns the plain text of inline content: breaks become spaces, raw HTML is left
// out, everything else keeps its text.
func InlineText(ins []Inline) string {
	var b strings.Builder
	plainInlines(&b, ins)
	return b.String()
}

// plainBlocks writes blocks, starting each paragraph or heading with prefix.
func plainBlocks(b *strings.Builder, blocks []Block, prefix string) {
	for _, bl := range blocks {
		switch bl := bl.(type) {
		case *Paragraph:
			plainLine(b, prefix, bl.Inlines)
		case *Heading:
			plainLine(b, prefix, bl.Inlines)
		case *List:
			for _, it := range bl.Items {
				plainBlocks(b, it.Blocks, "• ")
			}
		case *Quote:
			plainBlocks(b, bl.Blocks, prefix)
		case *CodeBlock:
			for _, l := range bl.Lines {
				b.WriteString(l)
				b.WriteString("\n")
			}
		case *Table:
			plainRow(b, prefix, bl.Header)
			for _, r := range bl.Rows {
				plainRow(b, prefix, r)
			}
		}
	}
}

func plainLine(b *strings.Builder, prefix string, ins []Inline) {
	b.WriteString(prefix)
	plainInlines(b, ins)
	b.WriteString("\n")
}

func plainRow(b *strings.Builder, prefix string, cells []Cell) {
	b.WriteString(prefix)
	for i, c := range cells {
		if i > 0 {
			b.WriteString(" | ")
		}
		plainInlines(b, c.Inlines)
	}
	b.WriteString("\n")
}

func plainInlines(b *strings.Builder, ins []Inline) {
	for _, in := range ins {
		switch in := in.(type) {
		case Text:
			b.WriteString(string(in))
		case Code:
			b.WriteString(string(in))
		case SoftBreak, HardBreak:
			b.WriteString(" ")
		case *Emphasis:
			plainInlines(b, in.Inlines)
		case *Link:
			plainInlines(b, in.Inlines)
		case *Image:
			plainInlines(b, in.Alt)
		}
	}
}
