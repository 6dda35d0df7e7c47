package mdpdf

import (
	"strings"

	"github.com/cwo-tool/cwo/markdown"
)

// code draws a fenced or indented code block: monospace lines, wrapped by
// character, on a shaded background that is padded on every page it spans.
func (r *Renderer) code(n *markdown.CodeBlock) {
	lines := r.codeLines(n)
	if len(lines) == 0 {
		return
	}
	pad, lh := r.codePad(), r.codeLineH()
	r.gap(r.paraGap())
	if !r.fits(min(float64(len(lines)), 2)*lh + 2*pad) {
		r.newPage()
	}
	for i, ln := range lines {
		start := i == 0
		if !start && !r.fits(lh+pad) {
			r.shadeBand(r.p.y, pad) // bottom padding of this page's part
			r.p.y += pad
			r.newPage()
			start = true
		}
		h, off := lh, 0.0
		if start {
			h, off = h+pad, pad
		}
		if i == len(lines)-1 {
			h += pad
		}
		r.codeLine(ln, h, off, lh)
	}
	r.gap(r.paraGap())
}

// codeLines returns the lines of code block n wrapped to the frame.
func (r *Renderer) codeLines(n *markdown.CodeBlock) []line {
	a := attr{face: mono, size: r.st.Size * 0.9, color: r.st.Text}
	var lines []line
	for _, s := range n.Lines {
		b := &breaker{r: r, maxW: r.p.width - 2*r.codePad()}
		if s = clean(expandTabs(s)); s != "" {
			b.split([]frag{r.frag(s, &a)})
		}
		b.flush(true)
		lines = append(lines, b.lines...)
	}
	return lines
}

// codeLine draws one code line of height lh in a shaded box of height h,
// off below the box's top.
func (r *Renderer) codeLine(ln line, h, off, lh float64) {
	top := r.room(h)
	if r.pdf.Err() {
		return
	}
	r.shadeBand(top, h)
	pad := r.codePad()
	r.drawLine(ln, box{x: r.p.left + pad, top: top + off, h: lh, w: r.p.width - 2*pad})
	r.p.y += h
}

// shadeBand fills a band of height h across the frame at y.
func (r *Renderer) shadeBand(y, h float64) {
	c := r.shade()
	r.pdf.SetFillColor(c[0], c[1], c[2])
	r.pdf.Rect(r.p.left, y, r.p.width, h, "F")
}

func (r *Renderer) codeLineH() float64 { return r.pt(r.st.Size * 0.9 * 1.3) }
func (r *Renderer) codePad() float64   { return r.pt(r.st.Size * 0.5) }

// expandTabs replaces tabs with spaces up to the next multiple of 4.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, c := range s {
		if c == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(c)
		col++
	}
	return b.String()
}
