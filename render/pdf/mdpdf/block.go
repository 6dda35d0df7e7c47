package mdpdf

import (
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo/markdown"
)

// block draws one block.
func (r *Renderer) block(b markdown.Block) {
	switch b := b.(type) {
	case *markdown.Heading:
		r.heading(b)
	case *markdown.Paragraph:
		if b.Tight {
			r.paragraph(b, r.tightGap())
		} else {
			r.paragraph(b, r.paraGap())
		}
	case *markdown.List:
		r.list(b)
	case *markdown.Quote:
		r.quote(b)
	case *markdown.CodeBlock:
		r.code(b)
	case *markdown.ThematicBreak:
		r.rule()
	case *markdown.HTMLBlock:
		r.htmlBlock(b)
	case *markdown.Table:
		r.table(b)
	}
}

func (r *Renderer) paraGap() float64  { return r.em() * 0.7 }
func (r *Renderer) tightGap() float64 { return r.em() * 0.25 }

// paragraph draws a paragraph as body text.
func (r *Renderer) paragraph(p *markdown.Paragraph, after float64) {
	lines := r.paragraphLines(p)
	r.flow(lines, r.lineH(), alignLeft, r.st.Justify, r.tail)
	r.gap(after)
}

// minLines is the fewest lines of a paragraph left at the foot or carried to the head of a
// page when it is split (orphan and widow control).
const minLines = 2

// flow draws lines of height lh in the current frame, moving to new pages as needed without
// leaving fewer than minLines lines of them at the foot (orphans) or the head (widows) of a
// page, and keeping their last minLines lines on the page where tail, the height of what must
// follow them, fits.
func (r *Renderer) flow(lines []line, lh float64, al align, justify bool, tail float64) {
	for i := 0; i < len(lines) && !r.pdf.Err(); {
		n := r.linesHere(len(lines)-i, lh, tail)
		if n == 0 {
			r.newPage()
			n = max(r.linesHere(len(lines)-i, lh, tail), 1)
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

// linesHere returns how many of the rest lines of a paragraph to draw on this page; 0 means
// start a new page first. A paragraph is split only with minLines lines on each side of the
// break; when all its lines fit but tail does not, its last minLines lines go on to the next
// page with tail. At the top of a page, where a new page would not help, it takes what fits.
func (r *Renderer) linesHere(rest int, lh, tail float64) int {
	avail := r.avail()
	k := int((avail + eps) / lh)
	if k >= rest && float64(rest)*lh+tail <= avail+eps {
		return rest
	}
	if n := min(k, rest-minLines); n >= minLines {
		return n
	}
	if !r.p.atTop() {
		return 0
	}
	return max(min(k, rest), 1)
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

// headingLineH is the height of a heading line at size points.
func (r *Renderer) headingLineH(size float64) float64 { return r.pt(size) * 1.25 }

// heading draws a heading, numbered when configured, keeping it on the
// same page as the start of the blocks that follow it (its tail).
func (r *Renderer) heading(n *markdown.Heading) {
	size, before, after := r.headingSpec(n.Level)
	a := attr{face: bold, size: size, color: r.st.Heading}
	num := r.number(n.Level)
	indent := 0.0
	if num != "" {
		indent = r.numberIndent(num, size)
	}
	lines := r.layout(keepLastWords(r.inlines(n.Inlines, a)), r.p.width-indent)
	if len(lines) == 0 && num == "" {
		return
	}
	if len(lines) == 0 {
		lines = []line{{last: true}}
	}
	lh := r.headingLineH(size)
	r.gap(before)
	if !r.fits(float64(len(lines))*lh + r.tail) {
		r.newPage()
	}
	r.markHeading(n, num)
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

// lastWordsMax is the longest, in bytes, that the last two words of a heading may be for
// keepLastWords to join them: longer, a line of the two alone would look as bare as one word.
const lastWordsMax = 32

// keepLastWords joins the last two words of a heading of three words or more with a no-break
// space, so that a heading that wraps never leaves one word, such as "(roadmap)", alone on its
// last line. It changes spans in place and returns them.
func keepLastWords(spans []span) []span {
	type at struct{ k, i int }
	var spaces []at
	n := 0 // bytes of the last two words
	for k := len(spans) - 1; k >= 0 && len(spaces) < 2; k-- {
		if spans[k].brk {
			return spans
		}
		t := spans[k].text
		for i := len(t) - 1; i >= 0 && len(spaces) < 2; i-- {
			if t[i] == ' ' {
				spaces = append(spaces, at{k, i})
			} else {
				n++
			}
		}
	}
	if len(spaces) < 2 || n > lastWordsMax {
		return spans
	}
	s := spaces[0]
	spans[s.k].text = spans[s.k].text[:s.i] + "\u00a0" + spans[s.k].text[s.i+1:]
	return spans
}

// numberIndent is the width of a heading's number column: room for num and for any number of
// its level with a two-digit clause ("10.", "12.3"), so that the headings of a level line up.
func (r *Renderer) numberIndent(num string, size float64) float64 {
	widest := []byte(num)
	for i, c := range widest {
		if c >= '0' && c <= '9' {
			widest[i] = '0'
		}
	}
	if len(widest) < 2 || widest[1] != '0' {
		widest = append([]byte{'0'}, widest...)
	}
	w := max(r.width(num, bold, size), r.width(string(widest), bold, size))
	return max(w+r.pt(size)*0.7, r.em()*2.4)
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
func (r *Renderer) quote(n *markdown.Quote) {
	r.gap(r.paraGap())
	q := r.openQuote(r.p.left + r.pt(1))
	restore := r.frame(r.em() * 1.4)
	r.blocks(n.Blocks)
	restore()
	r.closeQuote(q)
	r.gap(r.paraGap())
}

// htmlBlock draws raw HTML as literal text, one source line per line.
func (r *Renderer) htmlBlock(n *markdown.HTMLBlock) {
	var spans []span
	a := r.body()
	for _, l := range n.Lines {
		spans = append(spans, span{text: clean(l), a: a}, span{a: a, brk: true})
	}
	r.flow(r.layout(spans, r.p.width), r.lineH(), alignLeft, false, r.tail)
	r.gap(r.paraGap())
}
