package pdf

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// Card text styles, in design points.
var (
	nameStyle    = tstyle{"B", 17, 20, textColor}
	taglineStyle = tstyle{"I", 10, 13, mutedColor}
	factStyle    = tstyle{"", 8.5, 11, mutedColor}
	titleStyle   = tstyle{"B", 11, 14, textColor}
	bodyStyle    = tstyle{"", brochureBody, bodyLine, textColor}
	captionStyle = tstyle{"B", 7, 9, textColor}
	detailStyle  = tstyle{"", 7.5, 9, captionGrey}
)

// Card layout, in design points.
const (
	logoSide = 44.0 // the logo column, kept with or without a logo
	colGap   = 12.0
	itemGap  = 10.0
)

// estimateStyle is the estimate line under an item, in the brand colour.
func (b *brochure) estimateStyle() tstyle { return tstyle{"B", 8.5, 12, b.brand} }

// projectCard lays out a card of width w for a project showing as many of its items as fit in
// maxH, noting the items left out. A flyer's card leaves the name and tagline to the flyer's
// band and names the maintainers instead.
func (b *brochure) projectCard(p BrochureProject, w, maxH float64, flyer bool) *frame {
	n := len(p.Items)
	f := b.cardFrame(p, n, w, flyer)
	for n > 0 && f.h > maxH {
		n--
		f = b.cardFrame(p, n, w, flyer)
	}
	if n < len(p.Items) {
		b.notes = append(b.notes, fmt.Sprintf("project %s: showing %d of %d roadmap items so its card fits on one page; shorten the summaries to show more",
			p.Project.ID, n, len(p.Items)))
	}
	return f
}

// cardFrame lays out a card showing the first n items: a rule around it, the head (logo, name,
// tagline, facts, roadmap QR code) and the numbered items.
func (b *brochure) cardFrame(p BrochureProject, n int, w float64, flyer bool) *frame {
	pad := b.u(cardPad)
	head, headH := b.cardHead(p, w-2*pad, flyer)
	items := b.newFrame(w - 2*pad)
	for i, it := range p.Items[:n] {
		items.space(itemGap)
		items.flex()
		b.roadmapItem(items, i+1, it)
	}
	f := b.newFrame(w)
	f.custom(pad+headH+items.h+pad, func(x, y float64) {
		b.drawColor(ruleColor)
		b.pdf.SetLineWidth(0.6)
		b.pdf.RoundedRect(x, y, w, pad+headH+items.h+pad, 6, "1234", "D")
		b.fillColor(b.brand)
		b.pdf.Rect(x, y+pad, b.u(3), headH, "F")
		head(x+pad, y+pad)
		items.draw(x+pad, y+pad+headH)
	})
	f.grow = items.stretch // the card grows between its head and items
	return f
}

// cardHead lays out the card's head in width w and returns how to draw it and its height.
func (b *brochure) cardHead(p BrochureProject, w float64, flyer bool) (func(x, y float64), float64) {
	pr := p.Project
	logoW, qrW := b.u(logoSide), b.qrColumnW(0)
	textX := logoW + b.u(colGap)
	text := b.newFrame(w - textX - qrW - b.u(colGap))
	if flyer {
		b.flyerFacts(text, pr)
	} else {
		text.text(nameStyle, pr.Name, 0)
		text.space(2)
		if pr.Tagline != "" {
			text.text(taglineStyle, pr.Tagline, 0)
			text.space(2)
		}
	}
	facts := pr.License
	if pr.Repository != "" {
		facts = joinDot(facts, shortURL(pr.Repository))
	}
	factsTop := text.h
	text.text(factStyle, facts, 0)
	factsH := text.h - factsTop
	qr := b.newFrame(qrW)
	if url := pr.Roadmap.URL; cwo.SafeURL(url) {
		qr = b.captionedQR(url, url, "Roadmap", shortURL(url)+"\nreviewed "+b.unbrokenDate(pr.Roadmap.Reviewed), qrW, captionStyle, detailStyle)
	}
	h := max(text.h, logoW, qr.h)
	return func(x, y float64) {
		b.logoTile(p, x, y, logoW)
		text.draw(x+textX, y)
		if cwo.SafeURL(pr.Repository) {
			b.pdf.LinkString(x+textX, y+factsTop, text.w, factsH, pr.Repository)
		}
		qr.draw(x+w-qrW, y)
	}, h
}

// logoTile draws the project's logo in a side × side square, or its initial on a tinted tile.
func (b *brochure) logoTile(p BrochureProject, x, y, side float64) {
	if p.Logo != nil && drawImage(b.pdf, p.Logo, x, y, side, side) > 0 {
		return
	}
	b.fillColor(tint(b.brand, 0.85))
	b.pdf.RoundedRect(x, y, side, side, b.u(6), "1234", "F")
	initial := ""
	for _, r := range p.Project.Name {
		initial = string(r)
		break
	}
	st := tstyle{"B", 22, side / b.k, b.brand}
	b.cell(st, x, y, side, side, initial, "C")
}

// roadmapItem lays out one item: its number hanging beside the title, summary and estimate.
func (b *brochure) roadmapItem(f *frame, number int, it cwo.RoadmapItem) {
	num := fmt.Sprintf("%d.", number)
	numW := b.textWidth(titleStyle, "00.")
	f.marked(titleStyle, titleStyle, num, it.Title, 0, numW)
	f.space(1)
	f.markdown(it.Summary, bodyStyle, numW)
	if e := estimateText(it.Estimate, b.d.Currency, b.d.Locale); e != "" {
		f.space(3)
		f.text(b.estimateStyle(), e, numW)
	}
}

// joinDot joins two non-empty texts with a middle dot.
func joinDot(a, c string) string {
	switch {
	case a == "":
		return c
	case c == "":
		return a
	}
	return a + " · " + c
}

// flyerFacts lays out what a flyer's card head tells besides the band: the homepage and the
// maintainers who reviewed the roadmap.
func (b *brochure) flyerFacts(f *frame, pr *cwo.Project) {
	label := tstyle{"B", 10, 14, textColor}
	if pr.Homepage != "" {
		f.text(label, shortURL(pr.Homepage), 0)
	}
	var names []string
	for _, m := range pr.Maintainers {
		if m.Name != "" {
			names = append(names, m.Name)
		}
	}
	if len(names) > 0 {
		f.text(pointStyle, "Reviewed on "+b.date(pr.Roadmap.Reviewed)+" with the maintainers: "+strings.Join(names, ", "), 0)
	} else {
		f.text(pointStyle, "Reviewed with the maintainers on "+b.date(pr.Roadmap.Reviewed), 0)
	}
	f.space(2)
}
