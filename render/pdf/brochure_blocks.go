package pdf

import (
	"fmt"
)

// Section text styles, in design points.
var (
	leadStyle  = tstyle{"", 11, 15, textColor}
	pointStyle = tstyle{"", 10, 14, textColor}
)

func (b *brochure) headingStyle() tstyle { return tstyle{"B", 17, 21, b.brand} }
func (b *brochure) labelStyle() tstyle   { return tstyle{"B", 9, 13, b.brand} }

// introBlock explains a CWO and lists the projects inside with their taglines.
func (b *brochure) introBlock(w float64) *frame {
	f := b.newFrame(w)
	f.text(b.headingStyle(), "Fund the open-source tools you depend on", 0)
	f.space(4)
	f.text(leadStyle, "A Community Work Order is a written agreement to fund specific work on a community-governed open-source project: "+
		"you choose the roadmap items that matter to you, we do the work in the open, and you receive regular progress reports.", 0)
	if len(b.d.Projects) == 0 {
		return f
	}
	f.space(12)
	f.text(b.labelStyle(), "IN THIS BROCHURE", 0)
	name := tstyle{"B", 11, 15, textColor}
	tag := tstyle{"", 10, 15, mutedColor}
	nameW := 0.0
	for _, p := range b.d.Projects {
		nameW = max(nameW, b.textWidth(name, p.Project.Name)+b.u(12))
	}
	nameW = min(nameW, w*0.35)
	for _, p := range b.d.Projects {
		f.space(3)
		f.twoColumns(name, p.Project.Name, nameW, tag, p.Project.Tagline)
	}
	return f
}

// twoColumns lays out a row: a label wrapped in a column of width labelW and a text wrapped
// beside it, the row as tall as the taller of the two.
func (f *frame) twoColumns(lst tstyle, label string, labelW float64, st tstyle, s string) {
	b := f.b
	left := b.newFrame(labelW)
	left.text(lst, label, 0)
	right := b.newFrame(f.w - labelW)
	if s != "" {
		right.text(st, s, 0)
	}
	f.custom(max(left.h, right.h), func(x, y float64) {
		left.draw(x, y)
		right.draw(x+labelW, y)
	})
}

// fundingBlock compares a CWO with a donation in two boxes side by side.
func (b *brochure) fundingBlock(w float64) *frame {
	f := b.newFrame(w)
	f.text(b.headingStyle(), "How funding works", 0)
	f.space(10)
	cwoBox, donation := b.fundingPoints()
	colGap := b.u(18)
	colW := (w - colGap) / 2
	left := b.compareBox(colW, "A Community Work Order", cwoBox)
	right := b.compareBox(colW, "A donation", donation)
	h := max(left.h, right.h)
	f.custom(h, func(x, y float64) {
		b.fillPanel(x, y, colW, h, 6, tint(b.brand, 0.9))
		b.drawColor(ruleColor)
		b.pdf.SetLineWidth(0.6)
		b.pdf.RoundedRect(x+colW+colGap, y, colW, h, 6, "1234", "D")
		left.draw(x, y)
		right.draw(x+colW+colGap, y)
	})
	if line := b.donateLine(); line != "" {
		f.space(8)
		top := f.h
		f.text(pointStyle, line, 0)
		h, url := f.h-top, b.d.Contractor.FiscalSponsor.URL
		f.custom(0, func(x, y float64) { b.pdf.LinkString(x, y-h, w, h, url) })
	}
	return f
}

// compareBox lays out a titled list of points inside a box's padding.
func (b *brochure) compareBox(w float64, title string, points []string) *frame {
	pad := b.u(cardPad)
	inner := b.newFrame(w - 2*pad)
	inner.text(tstyle{"B", 12, 18, b.brand}, title, 0)
	for _, p := range points {
		inner.space(5)
		inner.marked(pointStyle, pointStyle, "•", p, 0, b.u(12))
	}
	f := b.newFrame(w)
	f.custom(pad+inner.h+pad, func(x, y float64) { inner.draw(x+pad, y+pad) })
	return f
}

// principlesBlock lists the three CWO principles, numbered.
func (b *brochure) principlesBlock(w float64) *frame {
	f := b.newFrame(w)
	f.text(b.headingStyle(), "Three principles", 0)
	items := [][2]string{
		{"The work is on the project itself.", "Never on a plugin, a private fork or a customization: everyone benefits."},
		{"The developers decide how.", "Within the agreed scope, the people doing the work keep reasonable freedom over what to do first and how."},
		{"Best effort, community review.", "Every change goes through the project's normal review; the maintainers decide what lands, and who paid carries no weight."},
	}
	num := tstyle{"B", 20, 15, b.brand}
	title := tstyle{"B", 11, 15, textColor}
	numW := b.u(30)
	for i, it := range items {
		f.space(8)
		f.marked(num, title, fmt.Sprint(i+1), it[0], 0, numW)
		f.text(pointStyle, it[1], numW)
	}
	return f
}

// reviewBlock lists each project's roadmap and when it was last reviewed with the maintainers.
func (b *brochure) reviewBlock(w float64) *frame {
	f := b.newFrame(w)
	f.text(b.headingStyle(), "Roadmaps, reviewed with the maintainers", 0)
	f.space(6)
	f.text(b.labelStyle(), "PROJECT · LAST REVIEWED · ROADMAP", 0)
	name := tstyle{"B", 10, 16, textColor}
	date := tstyle{"", 10, 16, textColor}
	link := tstyle{"", 10, 16, mutedColor}
	nameW, dateW := b.u(120), b.u(110)
	for _, p := range b.d.Projects {
		pr := p.Project
		url := b.newFrame(w - nameW - dateW)
		url.text(link, shortURL(pr.Roadmap.URL), 0)
		names := b.newFrame(nameW - b.u(6))
		names.text(name, pr.Name, 0)
		f.custom(max(url.h, names.h), func(x, y float64) {
			b.drawColor(ruleColor)
			b.pdf.SetLineWidth(0.4)
			b.pdf.Line(x, y, x+w, y)
			names.draw(x, y)
			b.cell(date, x+nameW, y, dateW, b.u(16), b.date(pr.Roadmap.Reviewed), "L")
			url.draw(x+nameW+dateW, y)
		})
	}
	return f
}
