package pdf

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo/markdown"
)

// markdown lays out a roadmap item's Markdown summary in the style, from markdown's model:
// paragraphs, bullet lists with hanging indents, numbered lists numbered from their start,
// headings in bold, and tables as small tables when their cells fit on one line each, else as
// "Header: value" lines.
func (f *frame) markdown(src string, st tstyle, indent float64) {
	f.mdBlocks(markdown.Parse([]byte(src)).Blocks, st, indent)
}

// paraGap is the space between two blocks of a summary, in design points.
const paraGap = 3.0

func (f *frame) mdBlocks(blocks []markdown.Block, st tstyle, indent float64) {
	for i, bl := range blocks {
		if i > 0 {
			f.space(paraGap)
		}
		switch bl := bl.(type) {
		case *markdown.Paragraph:
			f.text(st, markdown.InlineText(bl.Inlines), indent)
		case *markdown.Heading:
			bold := st
			bold.style = "B"
			f.text(bold, markdown.InlineText(bl.Inlines), indent)
		case *markdown.List:
			f.mdList(bl, st, indent)
		case *markdown.Quote:
			f.mdBlocks(bl.Blocks, st, indent+f.b.u(10))
		case *markdown.CodeBlock:
			f.text(st, strings.Join(bl.Lines, "\n"), indent+f.b.u(10))
		case *markdown.Table:
			f.mdTable(bl, st, indent)
		}
	}
}

// mdList lays out a list: each item's first paragraph beside its marker, the rest (more
// paragraphs, nested lists) under the item's text.
func (f *frame) mdList(l *markdown.List, st tstyle, indent float64) {
	markers := make([]string, len(l.Items))
	markW := 0.0
	for i := range l.Items {
		markers[i] = "•"
		if l.Ordered {
			markers[i] = fmt.Sprintf("%d%c", l.Start+i, l.Delim)
		}
		markW = max(markW, f.b.textWidth(st, markers[i]))
	}
	markW += f.b.u(2)
	for i, it := range l.Items {
		if i > 0 && !l.Tight {
			f.space(paraGap)
		}
		rest := it.Blocks
		if p, ok := firstParagraph(rest); ok {
			f.marked(st, st, markers[i], markdown.InlineText(p.Inlines), indent, markW)
			rest = rest[1:]
		} else {
			f.marked(st, st, markers[i], "", indent, markW)
		}
		if len(rest) > 0 {
			f.space(paraGap)
			f.mdBlocks(rest, st, indent+markW)
		}
	}
}

func firstParagraph(blocks []markdown.Block) (*markdown.Paragraph, bool) {
	if len(blocks) == 0 {
		return nil, false
	}
	p, ok := blocks[0].(*markdown.Paragraph)
	return p, ok
}

// cellPad is the space between two table columns, in design points.
const cellPad = 8.0

// mdTable draws a table as a small table (bold header, a rule, one line per row) when every
// column fits at its natural width, else each row as "Header: value · Header: value".
func (f *frame) mdTable(t *markdown.Table, st tstyle, indent float64) {
	b := f.b
	head := st
	head.style = "B"
	rows := [][]string{cellTexts(t.Header)}
	for _, r := range t.Rows {
		rows = append(rows, cellTexts(r))
	}
	widths := make([]float64, len(rows[0]))
	total := 0.0
	for c := range widths {
		for r, row := range rows {
			if c < len(row) {
				s := st
				if r == 0 {
					s = head
				}
				widths[c] = max(widths[c], b.textWidth(s, row[c])+b.u(cellPad))
			}
		}
		total += widths[c]
	}
	if total > f.w-indent {
		f.tableLines(rows, st, head, indent)
		return
	}
	lead := b.u(st.lead)
	for r, row := range rows {
		s := st
		if r == 0 {
			s = head
		}
		f.custom(lead, func(x, y float64) {
			cx := x + indent
			for c, cell := range row {
				if c < len(widths) {
					b.cell(s, cx, y, widths[c], lead, cell, "L")
					cx += widths[c]
				}
			}
		})
		if r == 0 {
			f.custom(b.u(2), func(x, y float64) {
				b.drawColor(ruleColor)
				b.pdf.SetLineWidth(0.4)
				b.pdf.Line(x+indent, y+b.u(0.5), x+indent+total, y+b.u(0.5))
			})
		}
	}
}

// tableLines lays out each body row as one wrapped line of "Header: value" pairs, the first
// column's value leading in bold.
func (f *frame) tableLines(rows [][]string, st, head tstyle, indent float64) {
	header := rows[0]
	for i, row := range rows[1:] {
		if i > 0 {
			f.space(paraGap / 2)
		}
		var parts []string
		for c := 1; c < len(row) && c < len(header); c++ {
			if row[c] != "" {
				parts = append(parts, joinLabel(header[c], row[c]))
			}
		}
		label := joinLabel(header[0], row[0])
		if len(parts) == 0 {
			f.text(st, label, indent)
			continue
		}
		f.text(head, label, indent)
		f.text(st, strings.Join(parts, " · "), indent+f.b.u(10))
	}
}

func joinLabel(label, value string) string {
	if label == "" {
		return value
	}
	return label + ": " + value
}

func cellTexts(cells []markdown.Cell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(markdown.InlineText(c.Inlines))
	}
	return out
}
