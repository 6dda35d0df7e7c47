package pdf

import (
	"strings"

	"github.com/cwo-tool/cwo"
)

// flyers draws one page per project for a focused conversation: the project, its items and its
// roadmap, and how to fund it. In print each flyer is a sheet: its back explains funding and
// gives the contact.
func (b *brochure) flyers() {
	for _, p := range b.d.Projects {
		b.flyer(p)
		if b.s.print {
			b.flyerBack()
		}
	}
}

// flyerScales are the type scales a flyer tries, in order, until all its items fit.
var flyerScales = []float64{1, 0.95, 0.9, 0.85}

// flyer draws a project's page: a brand band with its name, the card's items, and at the foot
// how to fund it, in slightly smaller type when the items need it.
func (b *brochure) flyer(p BrochureProject) {
	base, notes := b.k, b.notes
	defer func() { b.k = base }()
	var band func(x, y float64)
	var bandH, top float64
	var body, fund *frame
	for _, scale := range flyerScales {
		b.k, b.notes = base*scale, notes
		w, gap := b.width(), b.u(blockGap)
		band, bandH = b.flyerBand(p)
		fund = b.fundBox(p, w)
		top = b.s.oy + bandH + gap
		body = b.flyerBody(p, w, b.contentBottom()-fund.h-gap-top)
		if len(b.notes) == len(notes) {
			break
		}
	}
	b.newPage()
	b.fullBleedRect(b.s.oy, bandH, b.brand)
	band(b.left(), b.s.oy)
	// the card grows down to a gap above the box at the foot, within limits
	fundTop := b.contentBottom() - fund.h
	body.stretch(min(fundTop-b.u(blockGap)-top-body.h, maxStretch*body.h))
	body.draw(b.left(), top)
	fund.draw(b.left(), fundTop)
	b.footer()
}

// flyerBand lays out the flyer's band: the contractor and event, the project's name and tagline.
func (b *brochure) flyerBand(p BrochureProject) (func(x, y float64), float64) {
	f := b.newFrame(b.width())
	f.text(tstyle{"B", 9, 12, white}, strings.ToUpper(joinDot(b.d.Contractor.Name, b.d.Brochure.Event)), 0)
	f.space(14)
	f.text(tstyle{"B", 28, 34, white}, p.Project.Name, 0)
	if t := p.Project.Tagline; t != "" {
		f.space(2)
		f.text(tstyle{"I", 13, 18, white}, t, 0)
	}
	m := b.margin()
	return func(x, y float64) { f.draw(x, y+m*0.8) }, m*0.8 + f.h + m*0.8
}

// flyerBody lays out the project's card under the band, within maxH, with the roadmap items the
// maintainers put first.
func (b *brochure) flyerBody(p BrochureProject, w, maxH float64) *frame {
	f := b.newFrame(w)
	f.text(b.labelStyle(), "ON THE ROADMAP", 0)
	f.space(6)
	card := b.projectCard(p, w, maxH-f.h, true)
	f.custom(card.h, card.draw)
	f.grow = card.stretch
	return f
}

// fundBox lays out "How to fund" a project: a CWO in two sentences, the contact, and the
// contact's QR code, on a tinted box.
func (b *brochure) fundBox(p BrochureProject, w float64) *frame {
	pad := b.u(cardPad)
	qrW := b.qrColumnW(20)
	text := b.newFrame(w - 2*pad - qrW - b.u(colGap))
	text.text(b.headingStyle(), "How to fund "+p.Project.Name, 0)
	text.space(4)
	text.text(pointStyle, "Choose the items that matter to you. We agree the scope with the maintainers and send a Community Work Order: "+
		"a written statement of work, done in the open on "+p.Project.Name+" itself, with regular progress reports.", 0)
	text.space(6)
	c := b.d.Brochure.Contact
	text.text(tstyle{"B", 10, 14, textColor}, joinDot(c.Name, c.Title), 0)
	text.text(pointStyle, joinDot(c.Email, c.Phone), 0)
	data, caption, detail := b.contactCode()
	url := ""
	if !strings.HasPrefix(data, "BEGIN:") && cwo.SafeURL(data) {
		url = data
	}
	qr := b.captionedQR(data, url, caption, detail, qrW, tstyle{"B", 8, 10, textColor}, detailStyle)
	h := pad + max(text.h, qr.h) + pad
	f := b.newFrame(w)
	f.custom(h, func(x, y float64) {
		b.fillPanel(x, y, w, h, 6, tint(b.brand, 0.9))
		text.draw(x+pad, y+pad)
		qr.draw(x+w-pad-qrW, y+pad)
	})
	return f
}

// flyerBack is the back of a printed flyer: how funding works and the principles, and the
// contact on a band at the foot. The blocks are measured and set in smaller type as far as
// flyerScales go, and the principles are left out when they still do not fit above the band,
// which never covers them.
func (b *brochure) flyerBack() {
	base := b.k
	defer func() { b.k = base }()
	var blocks []*frame
	var back func(x, y float64)
	var backH float64
	for _, scale := range flyerScales {
		b.k = base * scale
		back, backH = b.backBand()
		blocks = []*frame{b.fundingBlock(b.width()), b.principlesBlock(b.width())}
		if b.stackHeight(blocks) <= b.backRoom(backH) {
			break
		}
	}
	if b.stackHeight(blocks) > b.backRoom(backH) {
		blocks = blocks[:1]
		b.notes = append(b.notes, "the flyers' backs leave out the three principles, which do not fit above the contact")
	}
	b.contentPage()
	y := b.contentTop()
	for _, f := range blocks {
		f.draw(b.left(), y)
		y += f.h + b.u(blockGap)
	}
	b.fullBleedRect(b.s.oy+b.s.h-backH, backH, b.brand)
	back(b.left(), b.s.oy+b.s.h-backH)
}

// stackHeight is the height of blocks set one under another with blockGap between them.
func (b *brochure) stackHeight(blocks []*frame) float64 {
	h := 0.0
	for i, f := range blocks {
		if i > 0 {
			h += b.u(blockGap)
		}
		h += f.h
	}
	return h
}

// backRoom is the height between the content top and a gap above a foot band of height bandH.
func (b *brochure) backRoom(bandH float64) float64 {
	return b.s.oy + b.s.h - bandH - b.u(blockGap) - b.contentTop()
}
