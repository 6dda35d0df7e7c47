package mdpdf

import (
	"strings"

	"github.com/cwo-tool/cwo/typeset"
)

// align is a horizontal alignment.
type align uint8

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// box is where a line goes: its left edge, top, height and available width.
type box struct {
	x, top, h, w float64
	align        align
	justify      bool
}

// marker is a pending list marker, drawn on the baseline of the next line.
type marker struct {
	text string
	a    attr
	x    float64 // left edge
}

// baseline returns the baseline of a line of height h whose largest font
// is size points: capitals are centred in the line.
func (r *Renderer) baseline(top, h, size float64) float64 {
	capHeight := float64(r.pdf.GetFontDesc(r.st.Family, "").CapHeight) / 1000
	if capHeight <= 0 || capHeight > 1 {
		capHeight = 0.6 // a font without the measure: as if it had the usual capitals
	}
	return top + h/2 + capHeight/2*r.pt(size)
}

// drawLine draws ln into b: code shading, text, link underlines and link
// annotations, plus the pending list marker.
func (r *Renderer) drawLine(ln line, b box) {
	if r.pdf.Err() {
		return
	}
	xs, ws := r.positions(ln, b)
	size := r.st.Size
	for _, f := range ln.frags {
		size = max(size, f.a.size)
	}
	base := r.baseline(b.top, b.h, size)
	r.shadeCode(ln, xs, ws, base)
	r.drawText(ln, xs, base)
	r.links(ln, xs, ws, b, base)
	r.drawMarker(base)
}

// drawText draws the line's fragments at xs. A run of right-to-left fragments of one look is
// drawn as one text, shaped as a right-to-left paragraph, from its left end: it reads as one
// phrase (text extraction gets its words in reading order) and is set as the shaper sets it.
func (r *Renderer) drawText(ln line, xs []float64, base float64) {
	dirs := bidiDirs(ln)
	for i := 0; i < len(ln.frags); {
		f := ln.frags[i]
		if dirs == nil || dirs[i] != typeset.RightToLeft {
			if !f.space {
				r.text(xs[i], base, f.text, *f.a)
			}
			i++
			continue
		}
		j, left := i, xs[i]
		var b strings.Builder
		for j < len(ln.frags) && dirs[j] == typeset.RightToLeft && *ln.frags[j].a == *f.a {
			b.WriteString(ln.frags[j].text)
			left = min(left, xs[j])
			j++
		}
		r.text(left, base, b.String(), *f.a)
		i = j
	}
}

// positions returns the absolute x and width of every fragment after
// alignment and justification.
func (r *Renderer) positions(ln line, b box) (xs, ws []float64) {
	off, extra := 0.0, 0.0
	switch b.align {
	case alignCenter:
		off = (b.w - ln.w) / 2
	case alignRight:
		off = b.w - ln.w
	}
	if b.justify && !ln.last && ln.w < b.w {
		n := 0
		for _, f := range ln.frags {
			if f.space {
				n++
			}
		}
		if n > 0 {
			extra = (b.w - ln.w) / float64(n)
		}
	}
	xs, ws = make([]float64, len(ln.frags)), make([]float64, len(ln.frags))
	shift := 0.0
	for i, f := range ln.frags {
		xs[i], ws[i] = b.x+max(off, 0)+f.x+shift, f.w
		if f.space {
			ws[i] += extra
			shift += extra
		}
	}
	reorder(visualOrder(ln), xs, ws)
	return xs, ws
}

// text draws s with its baseline at y.
func (r *Renderer) text(x, y float64, s string, a attr) {
	r.useFont(a.face, a.size)
	r.pdf.SetTextColor(a.color[0], a.color[1], a.color[2])
	r.pdf.Text(x, y, s)
}

// runs calls fn for each maximal run of fragments sharing a non-empty key,
// spaces inside a run included, spaces at its ends excluded.
func runs(ln line, key func(f frag) string, fn func(i, j int, k string)) {
	for i := 0; i < len(ln.frags); {
		k := key(ln.frags[i])
		if k == "" || ln.frags[i].space {
			i++
			continue
		}
		j, end := i+1, i
		for j < len(ln.frags) && key(ln.frags[j]) == k {
			if !ln.frags[j].space {
				end = j
			}
			j++
		}
		fn(i, end, k)
		i = end + 1
	}
}

// shadeCode paints a light background behind code spans.
func (r *Renderer) shadeCode(ln line, xs, ws []float64, base float64) {
	c := r.shade()
	runs(ln, func(f frag) string {
		if f.a.face&mono != 0 {
			return "code"
		}
		return ""
	}, func(i, j int, _ string) {
		s := r.pt(ln.frags[i].a.size)
		pad := r.pt(1.5)
		r.pdf.SetFillColor(c[0], c[1], c[2])
		r.pdf.Rect(xs[i]-pad, base-0.8*s, xs[j]+ws[j]-xs[i]+2*pad, 1.05*s, "F")
	})
}

// links underlines link text and adds one annotation per run.
func (r *Renderer) links(ln line, xs, ws []float64, b box, base float64) {
	runs(ln, func(f frag) string { return f.a.link }, func(i, j int, url string) {
		a := ln.frags[i].a
		x0, x1 := xs[i], xs[j]+ws[j]
		uy := base + r.pt(a.size)*0.12
		r.pdf.SetDrawColor(a.color[0], a.color[1], a.color[2])
		r.pdf.SetLineWidth(r.pt(0.5))
		r.pdf.Line(x0, uy, x1, uy)
		r.pdf.LinkString(x0, b.top, x1-x0, b.h, url)
	})
}

// drawMarker draws the pending list marker on baseline y.
func (r *Renderer) drawMarker(y float64) {
	if m := r.marker; m != nil {
		r.marker = nil
		r.text(m.x, y, m.text, m.a)
	}
}

// flushMarker draws a pending marker on a line of its own.
func (r *Renderer) flushMarker() {
	if r.marker == nil || r.pdf.Err() {
		r.marker = nil
		return
	}
	h := r.lineH()
	top := r.room(h)
	r.drawMarker(r.baseline(top, h, r.st.Size))
	r.p.y += h
}

// lineH is the height of a body line.
func (r *Renderer) lineH() float64 { return r.pt(r.st.Size * r.st.Leading) }

// em is the body size in document units.
func (r *Renderer) em() float64 { return r.pt(r.st.Size) }
