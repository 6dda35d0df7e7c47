package markdown

import (
	"fmt"
	"strings"
)

// dump prints blocks one node a line, indented by depth, for readable test failures.
func dump(bs []Block) string {
	var b strings.Builder
	dumpBlocks(&b, bs, "")
	return b.String()
}

func dumpBlocks(b *strings.Builder, bs []Block, ind string) {
	for _, bl := range bs {
		switch bl := bl.(type) {
		case *List:
			fmt.Fprintf(b, "%sList ordered=%v start=%d delim=%q tight=%v nested=%v\n", ind, bl.Ordered, bl.Start, bl.Delim, bl.Tight, bl.Nested)
			for _, it := range bl.Items {
				fmt.Fprintf(b, "%s  Item\n", ind)
				dumpBlocks(b, it.Blocks, ind+"    ")
			}
		case *Quote:
			fmt.Fprintf(b, "%sQuote\n", ind)
			dumpBlocks(b, bl.Blocks, ind+"  ")
		case *Paragraph:
			fmt.Fprintf(b, "%sParagraph tight=%v lines=%q %s\n", ind, bl.Tight, bl.Lines, dumpInlines(bl.Inlines))
		case *Heading:
			fmt.Fprintf(b, "%sHeading %d lines=%q %s\n", ind, bl.Level, bl.Lines, dumpInlines(bl.Inlines))
		case *Table:
			fmt.Fprintf(b, "%sTable header=%s\n", ind, dumpCells(bl.Header))
			for _, r := range bl.Rows {
				fmt.Fprintf(b, "%s  Row %s\n", ind, dumpCells(r))
			}
		default:
			fmt.Fprintf(b, "%s%#v\n", ind, bl)
		}
	}
}

func dumpCells(cs []Cell) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%d:%s", c.Align, dumpInlines(c.Inlines)))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func dumpInlines(ins []Inline) string {
	var parts []string
	for _, in := range ins {
		switch in := in.(type) {
		case *Emphasis:
			parts = append(parts, fmt.Sprintf("Emphasis(strong=%v %s)", in.Strong, dumpInlines(in.Inlines)))
		case *Link:
			parts = append(parts, fmt.Sprintf("Link(%q %s)", in.Dest, dumpInlines(in.Inlines)))
		case *Image:
			parts = append(parts, fmt.Sprintf("Image(%s)", dumpInlines(in.Alt)))
		default:
			parts = append(parts, fmt.Sprintf("%T(%q)", in, fmt.Sprint(in)))
		}
	}
	return "[" + strings.Join(parts, " ") + "]"
}
