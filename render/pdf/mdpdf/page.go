package mdpdf

import "errors"

// eps absorbs floating-point noise in fit tests.
const eps = 0.001

// page tracks the cursor, the current frame (left edge and width, narrowed by
// lists and quotes) and the printable area of the current page.
type page struct {
	k      float64 // points per user unit
	left   float64 // frame left edge
	width  float64 // frame width
	y      float64 // cursor
	top    float64 // first y of content on this page
	limit  float64 // content must end at or above this y
	gap    float64 // pending vertical space before the next box
	margin float64 // page left margin
	full   float64 // page content width
}

// init reads the geometry of the document and the current position.
func (p *page) init(r *Renderer) error {
	p.k = r.pdf.GetConversionRatio()
	if p.k <= 0 {
		return errors.New("mdpdf: invalid document unit")
	}
	w, _ := r.pdf.GetPageSize()
	lm, tm, rm, _ := r.pdf.GetMargins()
	p.margin, p.full = lm, w-lm-rm
	p.left, p.width = p.margin, p.full
	p.refresh(r)
	p.y, p.top, p.gap = r.pdf.GetY(), tm, 0
	if p.y < tm {
		p.top = p.y
	}
	if p.full < 8*r.pt(r.st.Size) {
		return errors.New("mdpdf: content area too narrow")
	}
	if p.limit-tm < 6*r.pt(r.st.HeadingSizes[0]) {
		return errors.New("mdpdf: page too short for the content area")
	}
	return nil
}

// refresh reads the bottom limit of the current page.
func (p *page) refresh(r *Renderer) {
	_, h := r.pdf.GetPageSize()
	_, bm := r.pdf.GetAutoPageBreak()
	p.limit = h - bm
}

// atTop reports whether nothing has been drawn on the current page yet.
func (p *page) atTop() bool { return p.y <= p.top+eps }

// pt converts points to document units.
func (r *Renderer) pt(v float64) float64 { return v / r.p.k }

// gap requests at least h units of space before the next box. Space is
// dropped at the top of a page.
func (r *Renderer) gap(h float64) {
	if h > r.p.gap {
		r.p.gap = h
	}
}

// fits reports whether a box of height h (plus the pending gap) fits on
// the current page, or whether the page is still empty.
func (r *Renderer) fits(h float64) bool {
	return r.p.atTop() || r.p.y+r.p.gap+h <= r.p.limit+eps
}

// room makes space for a box of height h, breaking the page first if it
// does not fit, and returns the box's top. The caller then draws the box
// and advances r.p.y.
func (r *Renderer) room(h float64) float64 {
	if !r.fits(h) {
		r.newPage()
	}
	if !r.p.atTop() {
		r.p.y += r.p.gap
	}
	r.p.gap = 0
	if r.p.y+h > r.p.limit+eps {
		r.pdf.SetErrorf("mdpdf: an element %.1f units high does not fit on a page", h)
	}
	for _, q := range r.quotes {
		if q.start < 0 {
			q.start = r.p.y
		}
	}
	return r.p.y
}

// newPage finishes the current page (closing quote bars) and starts a new
// one through AddPage so the document's header and footer run.
func (r *Renderer) newPage() {
	if r.pdf.Err() {
		return
	}
	for _, q := range r.quotes {
		r.drawBar(q, r.p.y)
		q.start = -1
	}
	r.pdf.AddPage()
	r.fonts.invalidate()
	r.p.refresh(r)
	r.p.y = r.pdf.GetY()
	r.p.top = r.p.y
	r.p.gap = 0
}

// quoteBar is the vertical rule of an open block quote.
type quoteBar struct {
	x     float64 // left edge of the bar
	start float64 // top of the current segment, -1 before any content
}

// openQuote starts a bar at x; closeQuote draws its last segment.
func (r *Renderer) openQuote(x float64) *quoteBar {
	q := &quoteBar{x: x, start: -1}
	r.quotes = append(r.quotes, q)
	return q
}

func (r *Renderer) closeQuote(q *quoteBar) {
	r.drawBar(q, r.p.y)
	if n := len(r.quotes); n > 0 && r.quotes[n-1] == q {
		r.quotes = r.quotes[:n-1]
	}
}

// closeQuotes closes every open quote (used when rendering stops early).
func (r *Renderer) closeQuotes() {
	for len(r.quotes) > 0 {
		r.closeQuote(r.quotes[len(r.quotes)-1])
	}
}

func (r *Renderer) drawBar(q *quoteBar, end float64) {
	if q.start < 0 || end <= q.start || r.pdf.Err() {
		return
	}
	c := r.st.Rule
	r.pdf.SetFillColor(c[0], c[1], c[2])
	r.pdf.Rect(q.x, q.start, r.pt(2), end-q.start, "F")
}

// frame narrows the frame by indent units on the left (keeping a sane
// minimum width) and returns a function restoring the previous frame.
func (r *Renderer) frame(indent float64) func() {
	left, width := r.p.left, r.p.width
	minW := r.p.full * 0.4
	if width-indent < minW {
		indent = width - minW
	}
	if indent > 0 {
		r.p.left += indent
		r.p.width -= indent
	}
	return func() { r.p.left, r.p.width = left, width }
}
