package pdf

// drawn is one thing a brochure painted, for tests that check what covers what: a line of text
// (its inked width) or a filled panel, on a page, in the order painted.
type drawn struct {
	page       int
	panel      bool
	x, y, w, h float64
	text       string
}

// traceText records a line of text s drawn in a w × h cell at x, y with the alignment.
func (b *brochure) traceText(x, y, w, h float64, s, align string) {
	if b.trace == nil || s == "" {
		return
	}
	sw := min(b.pdf.GetStringWidth(s), w)
	switch align {
	case "C":
		x += (w - sw) / 2
	case "R":
		x += w - sw
	}
	*b.trace = append(*b.trace, drawn{page: b.pdf.PageNo(), x: x, y: y, w: sw, h: h, text: s})
}

// tracePanel records a filled panel.
func (b *brochure) tracePanel(x, y, w, h float64) {
	if b.trace != nil {
		*b.trace = append(*b.trace, drawn{page: b.pdf.PageNo(), panel: true, x: x, y: y, w: w, h: h})
	}
}

// fillPanel fills a rounded panel of radius r in colour c.
func (b *brochure) fillPanel(x, y, w, h, r float64, c rgb) {
	b.fillColor(c)
	b.pdf.RoundedRect(x, y, w, h, r, "1234", "F")
	b.tracePanel(x, y, w, h)
}
