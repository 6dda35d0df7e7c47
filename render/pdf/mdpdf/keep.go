package mdpdf

import (
	"strings"

	"github.com/cwo-tool/cwo/markdown"
)

// Keeping blocks together. A block that keeps with the next one (a heading, a lead-in
// paragraph) and a block that keeps with the previous one (a trailer) are joined: the end of
// the first goes on the page where the start of the second does. The renderer draws blocks in
// order and never goes back, so the first block learns, before it is drawn, how much must
// follow its last line on the same page: its tail (Renderer.tail), the height of the second
// block's start with the space between them. A paragraph then keeps its last two lines with
// its tail, a table its last two body rows, and a heading its lines with all of it.

// keepsWithNext reports whether b stays on the page where the next block starts: a heading; a
// paragraph wholly in bold, which reads as a heading; a paragraph ending with a colon, which
// introduces what follows ("Payment schedule:" before its table).
func keepsWithNext(b markdown.Block) bool {
	switch b := b.(type) {
	case *markdown.Heading:
		return true
	case *markdown.Paragraph:
		return wholly(b.Inlines, true) || strings.HasSuffix(strings.TrimSpace(markdown.InlineText(b.Inlines)), ":")
	}
	return false
}

// keepsWithPrevious reports whether b stays on the page where the block before it ends: a
// paragraph wholly in italics is a trailer of what precedes it ("*Planned effort: 450 hours.*"
// after a scope item's text).
func keepsWithPrevious(b markdown.Block) bool {
	p, ok := b.(*markdown.Paragraph)
	return ok && wholly(p.Inlines, false)
}

// wholly reports whether ins is one emphasis, strong or not as asked, around all its text.
func wholly(ins []markdown.Inline, strong bool) bool {
	var e *markdown.Emphasis
	for _, in := range ins {
		switch in := in.(type) {
		case *markdown.Emphasis:
			if e != nil {
				return false
			}
			e = in
		case markdown.Text:
			if strings.TrimSpace(string(in)) != "" {
				return false
			}
		default:
			return false
		}
	}
	return e != nil && e.Strong == strong && strings.TrimSpace(markdown.InlineText(e.Inlines)) != ""
}

// maxKeepDepth bounds how far a chain of joined blocks is followed.
const maxKeepDepth = 4

// joined returns the tail of b, which next follows: the space between them and the start of
// next when the two are joined, else 0. end is the tail of the last block of next.
func (r *Renderer) joined(b markdown.Block, next []markdown.Block, end float64, depth int) float64 {
	if len(next) == 0 {
		return end
	}
	if depth > maxKeepDepth || !keepsWithNext(b) && !keepsWithPrevious(next[0]) {
		return 0
	}
	before, h := r.keep(next, end, depth+1)
	return max(before, r.gapAfter(b)) + h
}

// gapAfter is the space b asks for below itself.
func (r *Renderer) gapAfter(b markdown.Block) float64 {
	switch b := b.(type) {
	case *markdown.Heading:
		_, _, after := r.headingSpec(b.Level)
		return after
	case *markdown.Paragraph:
		if b.Tight {
			return r.tightGap()
		}
	}
	return r.paraGap()
}

// keep returns the space that the start of bs[0] needs on the page where it begins: the gap it
// asks for before itself and the height of its first part, the part that cannot be separated
// from what precedes it. end is the tail of the last block of bs.
func (r *Renderer) keep(bs []markdown.Block, end float64, depth int) (before, h float64) {
	if len(bs) == 0 || depth > maxKeepDepth {
		return 0, 0
	}
	tail := r.joined(bs[0], bs[1:], end, depth)
	switch n := bs[0].(type) {
	case *markdown.Heading:
		size, before, _ := r.headingSpec(n.Level)
		return before, r.headingLineH(size)*float64(r.headingLines(n, size)) + tail
	case *markdown.Paragraph: // a paragraph asks for space only below itself
		return 0, r.paragraphKeep(len(r.paragraphLines(n)), tail)
	case *markdown.List:
		restore := r.frame(r.listIndent(n))
		defer restore()
		itemEnd := 0.0
		if len(n.Items) == 1 {
			itemEnd = tail
		}
		if len(n.Items) == 0 {
			return r.paraGap(), 0
		}
		_, h := r.keep(n.Items[0].Blocks, itemEnd, depth+1)
		return r.paraGap(), h
	case *markdown.Quote:
		restore := r.frame(r.em() * 1.4)
		defer restore()
		_, h := r.keep(n.Blocks, tail, depth+1)
		return r.paraGap(), h
	case *markdown.CodeBlock:
		return r.paraGap(), 2*r.codeLineH() + 2*r.codePad()
	case *markdown.Table:
		return r.paraGap(), r.tableKeep(n, tail)
	case *markdown.ThematicBreak:
		return r.em(), r.em()
	}
	return 0, r.paragraphKeep(2, tail)
}

// paragraphKeep is the first part of a paragraph of n lines with the given tail: two lines
// when it can be split with two lines on each side, otherwise all of it and its tail.
func (r *Renderer) paragraphKeep(n int, tail float64) float64 {
	if n >= 2*minLines {
		return minLines * r.lineH()
	}
	return float64(n)*r.lineH() + tail
}

// headingLines returns the number of lines heading n takes at size points.
func (r *Renderer) headingLines(n *markdown.Heading, size float64) int {
	a := attr{face: bold, size: size, color: r.st.Heading}
	indent := 0.0
	if r.st.NumberHeadings && n.Level >= 2 { // as wide as heading's number column is for "1.", "1.1" ...
		num := "0."
		if n.Level > 2 {
			num = "0" + strings.Repeat(".0", min(n.Level, 6)-2)
		}
		indent = r.numberIndent(num, size)
	}
	return max(len(r.layout(keepLastWords(r.inlines(n.Inlines, a)), r.p.width-indent)), 1)
}

// laidOut is a block laid out at a frame width, kept for when it is drawn after a block before
// it measured it (keep): a paragraph's lines or a table.
type laidOut struct {
	width float64
	lines []line
	table *table
}

// paragraphLines returns the lines of p in the current frame.
func (r *Renderer) paragraphLines(p *markdown.Paragraph) []line {
	if m, ok := r.laid[p]; ok && m.width == r.p.width {
		return m.lines
	}
	lines := r.layout(r.inlines(p.Inlines, r.body()), r.p.width)
	r.remember(p, laidOut{width: r.p.width, lines: lines})
	return lines
}

// tableOf returns n laid out in the current frame, or nil (see buildTable).
func (r *Renderer) tableOf(n *markdown.Table) *table {
	if m, ok := r.laid[n]; ok && m.width == r.p.width {
		return m.table
	}
	t := r.buildTable(n)
	r.remember(n, laidOut{width: r.p.width, table: t})
	return t
}

// remember keeps the layout of b until the next Render.
func (r *Renderer) remember(b markdown.Block, m laidOut) {
	if r.laid == nil {
		r.laid = map[markdown.Block]laidOut{}
	}
	r.laid[b] = m
}
