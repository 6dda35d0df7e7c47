package xlsx

import (
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo/markdown"
)

// narrativeParagraphs splits Markdown text into the narrative's paragraphs, one wrapped cell
// each, until the narrative learns rich text:
//   - every paragraph, heading, code block, HTML block and table is a paragraph; the blocks of a
//     block quote are paragraphs of their own; rules are left out;
//   - a tight list is one paragraph with a line per item (nested items too), a loose list one
//     paragraph per item; an item starts with its bullet as written ("-", "*") or with its
//     number as Markdown counts it from the list's start ("1.", "2)");
//   - the lines of a paragraph or heading are joined with spaces, as Markdown does with single
//     line breaks, and inline markup is shown as written; headings lose their "#" markers;
//   - table rows are lines of their cells' plain text separated by " | ".
func narrativeParagraphs(md string) []string {
	var out []string
	for _, b := range markdown.Parse([]byte(md)).Blocks {
		out = append(out, narrativeBlock(b)...)
	}
	return out
}

// narrativeBlock returns the paragraphs of one top-level block.
func narrativeBlock(b markdown.Block) []string {
	switch b := b.(type) {
	case *markdown.List:
		if b.Tight {
			return []string{strings.Join(listLines(b), "\n")}
		}
		var out []string
		for i, it := range b.Items {
			out = append(out, strings.Join(itemLines(b, i, it), "\n"))
		}
		return out
	case *markdown.Quote:
		var out []string
		for _, q := range b.Blocks {
			out = append(out, narrativeBlock(q)...)
		}
		return out
	case *markdown.ThematicBreak:
		return nil
	}
	if s := strings.Join(blockLines(b), "\n"); s != "" {
		return []string{s}
	}
	return nil
}

// blockLines returns the lines of a block inside a paragraph of the narrative.
func blockLines(b markdown.Block) []string {
	switch b := b.(type) {
	case *markdown.Paragraph:
		return []string{joinLines(b.Lines)}
	case *markdown.Heading:
		return []string{joinLines(b.Lines)}
	case *markdown.HTMLBlock:
		return []string{joinLines(b.Lines)}
	case *markdown.CodeBlock:
		return b.Lines
	case *markdown.List:
		return listLines(b)
	case *markdown.Quote:
		var out []string
		for _, q := range b.Blocks {
			out = append(out, blockLines(q)...)
		}
		return out
	case *markdown.Table:
		out := []string{tableRow(b.Header)}
		for _, r := range b.Rows {
			out = append(out, tableRow(r))
		}
		return out
	}
	return nil
}

// listLines returns the lines of every item of l.
func listLines(l *markdown.List) []string {
	var out []string
	for i, it := range l.Items {
		out = append(out, itemLines(l, i, it)...)
	}
	return out
}

// itemLines returns the lines of item i of l: its marker and first block on one line, then the
// lines of its other blocks.
func itemLines(l *markdown.List, i int, it markdown.Item) []string {
	marker := string(l.Delim)
	if l.Ordered {
		marker = strconv.Itoa(l.Start+i) + marker
	}
	var lines []string
	for _, b := range it.Blocks {
		lines = append(lines, blockLines(b)...)
	}
	if len(lines) == 0 {
		return []string{marker}
	}
	lines[0] = marker + " " + lines[0]
	return lines
}

// joinLines trims source lines and joins them with spaces.
func joinLines(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(l)
		}
	}
	return b.String()
}

// tableRow returns the plain text of a table row's cells separated by " | ".
func tableRow(cells []markdown.Cell) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = markdown.InlineText(c.Inlines)
	}
	return strings.Join(parts, " | ")
}
