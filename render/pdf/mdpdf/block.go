package mdpdf

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// block draws one block node.
func (r *Renderer) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		r.heading(n)
	case *ast.Paragraph:
		r.paragraph(n, r.paraGap())
	case *ast.TextBlock:
		r.paragraph(n, r.tightGap())
	case *ast.List:
		r.list(n)
	case *ast.Blockquote:
		r.quote(n)
	case *ast.FencedCodeBlock:
		r.code(n)
	case *ast.CodeBlock:
		r.code(n)
	case *ast.ThematicBreak:
		r.rule()
	case *ast.HTMLBlock:
		r.htmlBlock(n)
	case *east.Table:
		r.table(n)
	default:
		r.blocks(n)
	}
}

func (r *Renderer) paraGap() float64  { return r.em() * 0.7 }
func (r *Renderer) tightGap() float64 { return r.em() * 0.25 }

// paragraph draws the inline content of n as body text.
func (r *Renderer) paragraph(n ast.Node, after float64) {
	lines := r.layout(r.inlines(n, r.body()), r.p.width)
	r.flow(lines, r.lineH(), alignLeft, r.st.Justify)
	r.gap(after)
}

// flow draws lines of height lh in the current frame, moving to new pages
// as needed without leaving a single line of a paragraph alone at the foot
// (orphan) or the head (widow) of a page.
func (r *Renderer) flow(lines []line, lh float64, al align, justify bool) {
	for i := 0; i < len(lines) && !r.pdf.Err(); {
		n := r.linesHere(len(lines)-i, lh)
		if n == 0 {
			r.newPage()
			n = max(r.linesHere(len(lines)-i, lh), 1)
		}
		for _, ln := range lines[i : i+n] {
			top := r.room(lh)
			r.drawLine(ln, box{x: r.p.left, top: top, h: lh, w: r.p.width, align: al, justify: justify})
			r.p.y += lh
		}
		if i += n; i < len(lines) {
			r.newPage()
		}
	}
}

// linesHere returns how many of the rest lines to draw on this page; 0
// means start a new page first.
func (r *Renderer) linesHere(rest int, lh float64) int {
	gap := r.p.gap
	if r.p.atTop() {
		gap = 0
	}
	k := int((r.p.limit - r.p.y - gap + eps) / lh)
	switch {
	case k >= rest:
		return rest
	case r.p.atTop():
		if rest-k == 1 && k >= 3 {
			return k - 1
		}
		return max(k, 1)
	case k < 2:
		return 0
	case rest-k == 1 && k >= 3:
		return k - 1
	}
	return k
}

// headingSpec returns the size, gap before and gap after of a heading.
func (r *Renderer) headingSpec(level int) (size, before, after float64) {
	i := min(max(level, 1), 4) - 1
	size = r.st.HeadingSizes[i]
	em := r.em()
	before = [4]float64{0.4, 1.5, 1.1, 0.9}[i] * em
	after = [4]float64{1.1, 0.55, 0.45, 0.35}[i] * em
	return size, before, after
}

// heading draws a heading, numbered when configured, keeping it on the
// same page as the start of the following block.
func (r *Renderer) heading(n *ast.Heading) {
	size, before, after := r.headingSpec(n.Level)
	a := attr{face: bold, size: size, color: r.st.Heading}
	num := r.number(n.Level)
	indent := 0.0
	if num != "" {
		indent = max(r.width(num, bold, size)+r.pt(size)*0.7, r.em()*2.4)
	}
	lines := r.layout(r.inlines(n, a), r.p.width-indent)
	if len(lines) == 0 && num == "" {
		return
	}
	if len(lines) == 0 {
		lines = []line{{last: true}}
	}
	lh := r.pt(size) * 1.25
	r.gap(before)
	if b, h := r.keep(n.NextSibling(), 0); !r.fits(float64(len(lines))*lh + max(after, b) + h) {
		r.newPage()
	}
	al := alignLeft
	if n.Level == 1 {
		al = alignCenter
	}
	for i, ln := range lines {
		top := r.room(lh)
		if i == 0 && num != "" {
			r.text(r.p.left, r.baseline(top, lh, size), num, a)
		}
		r.drawLine(ln, box{x: r.p.left + indent, top: top, h: lh, w: r.p.width - indent, align: al})
		r.p.y += lh
	}
	r.gap(after)
}

// number advances the clause counters and returns the heading's number.
// Skipped levels are left out, so an h4 directly under an h2 numbered 4
// becomes "4.1" rather than "4.0.1".
func (r *Renderer) number(level int) string {
	if !r.st.NumberHeadings || level < 2 {
		return ""
	}
	d := min(level-2, len(r.counters)-1)
	r.counters[d]++
	for i := d + 1; i < len(r.counters); i++ {
		r.counters[i] = 0
	}
	var parts []string
	for _, c := range r.counters[:d+1] {
		if c > 0 {
			parts = append(parts, strconv.Itoa(c))
		}
	}
	if len(parts) == 1 {
		return parts[0] + "."
	}
	return strings.Join(parts, ".")
}

// keep returns the space that the start of block n needs on the page of a
// preceding heading: the gap n asks for before itself and the height of
// its first part.
func (r *Renderer) keep(n ast.Node, depth int) (before, h float64) {
	if n == nil || depth > 3 {
		return 0, 0
	}
	switch n := n.(type) {
	case *ast.Heading:
		size, before, after := r.headingSpec(n.Level)
		b, h := r.keep(n.NextSibling(), depth+1)
		return before, r.pt(size)*1.25 + max(after, b) + h
	case *ast.List, *ast.Blockquote:
		_, h := r.keep(n.FirstChild(), depth+1)
		return r.paraGap(), h
	case *ast.ListItem:
		return r.keep(n.FirstChild(), depth+1)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return r.paraGap(), 2*r.codeLineH() + 2*r.codePad()
	case *east.Table:
		return r.paraGap(), r.tableKeep(n)
	case *ast.ThematicBreak:
		return r.em(), r.em()
	}
	return 0, 2 * r.lineH()
}

// rule draws a thematic break across the frame.
func (r *Renderer) rule() {
	r.flushMarker()
	r.gap(r.em())
	top := r.room(r.pt(1))
	c := r.st.Rule
	r.pdf.SetDrawColor(c[0], c[1], c[2])
	r.pdf.SetLineWidth(r.pt(0.75))
	r.pdf.Line(r.p.left, top+r.pt(0.5), r.p.left+r.p.width, top+r.pt(0.5))
	r.p.y += r.pt(1)
	r.gap(r.em())
}

// quote draws a block quote indented with a bar on the left.
func (r *Renderer) quote(n *ast.Blockquote) {
	r.gap(r.paraGap())
	q := r.openQuote(r.p.left + r.pt(1))
	restore := r.frame(r.em() * 1.4)
	r.blocks(n)
	restore()
	r.closeQuote(q)
	r.gap(r.paraGap())
}

// htmlBlock draws raw HTML as literal text, one source line per line.
func (r *Renderer) htmlBlock(n *ast.HTMLBlock) {
	var spans []span
	a := r.body()
	add := func(s string) {
		spans = append(spans, span{text: clean(trimEOL(s)), a: a}, span{a: a, brk: true})
	}
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		add(string(seg.Value(r.src)))
	}
	if n.HasClosure() {
		add(string(n.ClosureLine.Value(r.src)))
	}
	r.flow(r.layout(spans, r.p.width), r.lineH(), alignLeft, false)
	r.gap(r.paraGap())
}

func trimEOL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}
