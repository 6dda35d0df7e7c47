package pdf

import "github.com/cwo-tool/cwo"

// typeScale is the brochure's type scale for a paper: A5 sets everything smaller.
func typeScale(paper string) float64 {
	if paper == cwo.PaperA5 {
		return 0.85
	}
	return 1
}

// u scales a length of the Letter/A4 design (type size, leading, padding) to the paper.
func (b *brochure) u(v float64) float64 { return v * b.k }

// margin is the safe margin inside the trim, scaled to the paper (not to a spread's type).
func (b *brochure) margin() float64 { return safeMargin * typeScale(b.d.Paper) }

// tstyle is a text style: font style ("", "B", "I"), size, leading and colour, in the design's
// points (before scaling).
type tstyle struct {
	style      string
	size, lead float64
	color      rgb
}

// font sets the style's font and colour on the document.
func (b *brochure) font(st tstyle) {
	b.pdf.SetFont(familyBody, st.style, b.u(st.size))
	b.textColor(st.color)
}

// frame lays blocks out top to bottom in a column of width w and records how to draw them, so
// that what is measured is what is drawn: h is the height laid out so far.
type frame struct {
	b   *brochure
	w   float64
	h   float64
	ops []func(x, y float64)
	// A frame may be stretched taller than it is laid out (stretch): the extra height is
	// spread evenly over its flex points, or handed to grow.
	flexes int
	extra  float64
	grow   func(extra float64) bool
}

func (b *brochure) newFrame(w float64) *frame { return &frame{b: b, w: w} }

// draw paints the frame with its top left corner at x, y.
func (f *frame) draw(x, y float64) {
	for _, op := range f.ops {
		op(x, y)
	}
}

// space adds d design points of vertical space.
func (f *frame) space(d float64) { f.h += f.b.u(d) }

// custom reserves h points (already scaled) for a drawing made at the frame's origin plus the
// current offset.
func (f *frame) custom(h float64, op func(x, y float64)) {
	top, at := f.h, f.flexes
	f.ops = append(f.ops, func(x, y float64) { op(x, y+top+f.shift(at)) })
	f.h += h
}

// flex marks a point where a stretched frame adds space: everything laid out after it moves
// down by its share.
func (f *frame) flex() { f.flexes++ }

// shift is how far what follows the first at flex points moves down when stretched.
func (f *frame) shift(at int) float64 {
	if f.flexes == 0 {
		return 0
	}
	return f.extra * float64(at) / float64(f.flexes)
}

// stretch makes the frame extra points taller, spreading them over its flex points (or
// handing them to grow), and reports whether it could.
func (f *frame) stretch(extra float64) bool {
	switch {
	case extra <= 0:
		return false
	case f.grow != nil:
		if !f.grow(extra) {
			return false
		}
	case f.flexes == 0:
		return false
	default:
		f.extra += extra
	}
	f.h += extra
	return true
}

// lines wraps s to width w in the style and returns its lines (one empty line for "").
func (b *brochure) lines(st tstyle, s string, w float64) []string {
	b.font(st)
	ls := b.pdf.SplitText(s, w)
	if len(ls) == 0 {
		ls = []string{""}
	}
	return ls
}

// text wraps s in the style, indented from the frame's left edge.
func (f *frame) text(st tstyle, s string, indent float64) {
	f.marked(st, st, "", s, indent, 0)
}

// aligned wraps s in the style, each line aligned "L", "C" or "R" in the frame's width.
func (f *frame) aligned(st tstyle, s, align string) {
	b := f.b
	lead := b.u(st.lead)
	for _, line := range b.lines(st, s, f.w) {
		f.custom(lead, func(x, y float64) { b.cell(st, x, y, f.w, lead, line, align) })
	}
}

// marked wraps s with a hanging indent: the marker (a bullet, a number) at indent on the first
// line, the text at indent+markW on every line.
func (f *frame) marked(mst, st tstyle, marker, s string, indent, markW float64) {
	b := f.b
	lead := b.u(st.lead)
	for i, line := range b.lines(st, s, f.w-indent-markW) {
		first := i == 0
		f.custom(lead, func(x, y float64) {
			if first && marker != "" {
				b.cell(mst, x+indent, y, markW, lead, marker, "L")
			}
			b.cell(st, x+indent+markW, y, f.w-indent-markW, lead, line, "L")
		})
	}
}

// cell writes one line of text in the style in a w × h box at x, y.
func (b *brochure) cell(st tstyle, x, y, w, h float64, s, align string) {
	b.font(st)
	b.pdf.SetXY(x, y)
	b.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
	b.traceText(x, y, w, h, s, align)
}

// width of s in the style, in points.
func (b *brochure) textWidth(st tstyle, s string) float64 {
	b.font(st)
	return b.pdf.GetStringWidth(s) + 2*b.pdf.GetCellMargin()
}
