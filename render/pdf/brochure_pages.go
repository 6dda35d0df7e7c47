package pdf

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/cwo-tool/cwo"
)

// blockGap is the space between two blocks on a page (cards, sections), in design points.
const blockGap = 18.0

var white = rgb{255, 255, 255}

// layout draws the brochure in its layout: a booklet, or a flyer per project.
func (b *brochure) layout() {
	if b.d.Brochure.Layout == cwo.BrochureFlyer {
		b.flyers()
		return
	}
	b.booklet()
}

// bookletTries are the type scales a booklet tries, in order, until its pages fill: its own,
// then larger (to spread few cards over a folded booklet) and smaller (to pack many), with the
// table of review dates, then without it (the cards' QR captions give the dates too).
var bookletTries = []struct {
	scale  float64
	review bool
}{{1, true}, {1.05, true}, {0.95, true}, {1, false}, {1.05, false}, {0.95, false},
	{1.1, true}, {0.9, true}, {1.1, false}, {0.9, false}, {1.15, true}, {0.85, true},
	{1.15, false}, {0.85, false}, {1.2, true}, {1.2, false}}

// booklet sets the cover, the project cards and the sections about funding on as few pages as
// fill each page at least half (the back cover aside): in print a multiple of 4 for folding, or
// a single sheet of 2;
// when its own type scale cannot, a slightly larger or smaller one does.
func (b *brochure) booklet() {
	base := b.k
	var lay bookletLayout
	for i, try := range bookletTries {
		b.k, b.notes = base*try.scale, nil
		l := b.layoutBooklet(try.review)
		if i == 0 || l.filled {
			lay = l
		}
		if l.filled {
			break
		}
	}
	b.k, b.notes = lay.k, lay.notes
	if !lay.ok {
		b.notes = append(b.notes, fmt.Sprintf("the booklet has %d pages, neither a single sheet (2) nor a multiple of 4 for folding: shorten or add roadmap items", len(lay.starts)))
	}
	b.drawBooklet(lay)
}

// bookletLayout is a booklet laid out at one type scale and split into pages.
type bookletLayout struct {
	k             float64
	notes         []string
	cover, back   func(x, y float64)
	coverH, backH float64
	blocks        []*frame
	starts        []int // each page's first block
	ok            bool  // the page count is as print needs
	filled        bool  // ok, and every page but the back one at least half full
}

// layoutBooklet lays the blocks out at the current scale, with or without the review table,
// and plans the pages.
func (b *brochure) layoutBooklet(review bool) bookletLayout {
	w, full := b.width(), b.contentHeight()
	l := bookletLayout{k: b.k}
	l.cover, l.coverH = b.coverBand()
	l.back, l.backH = b.backBand()
	l.blocks = []*frame{b.introBlock(w)}
	for _, p := range b.d.Projects {
		l.blocks = append(l.blocks, b.projectCard(p, w, full, false))
	}
	l.blocks = append(l.blocks, b.fundingBlock(w), b.principlesBlock(w))
	if review {
		l.blocks = append(l.blocks, b.reviewBlock(w))
	}
	gap := b.u(blockGap)
	// half the trimmed page filled with text: the top margin counts, a card's padding under
	// its last line does not
	minFill := (b.s.h/2 - (b.contentTop() - b.s.oy) + b.u(cardPad)) / full
	plan := pagePlan{gap: gap, full: full, minFill: minFill,
		first: b.contentBottom() - (b.s.oy + l.coverH + gap), last: full - l.backH - gap}
	for _, f := range l.blocks {
		plan.heights = append(plan.heights, f.h)
	}
	l.starts, l.ok = plan.choose(b.s.print, 4)
	if l.starts == nil {
		l.starts = []int{0, len(l.blocks)}
	}
	l.filled = l.ok && plan.filled(l.starts)
	l.notes = b.notes
	return l
}

// drawBooklet draws the planned pages.
func (b *brochure) drawBooklet(l bookletLayout) {
	gap := b.u(blockGap)
	for k, start := range l.starts {
		end := len(l.blocks)
		if k+1 < len(l.starts) {
			end = l.starts[k+1]
		}
		y := b.contentTop()
		if k == 0 {
			b.newPage()
			b.fullBleedRect(b.s.oy, l.coverH, b.brand)
			l.cover(b.left(), b.s.oy)
			y = b.s.oy + l.coverH + gap
		} else if start == end {
			b.newPage() // a back cover alone: all band, no running head under it
		} else {
			b.contentPage()
		}
		extraGap := 0.0
		if k < len(l.starts)-1 {
			extraGap = b.spread(l.blocks[start:end], b.contentBottom()-y)
		}
		for _, f := range l.blocks[start:end] {
			f.draw(b.left(), y)
			y += f.h + gap + extraGap
		}
		switch {
		case k == len(l.starts)-1:
			// the band fills the back cover below the blocks, its text at the foot
			top := min(b.s.oy+b.s.h-l.backH, y)
			if start == end {
				top = b.s.oy
			}
			b.fullBleedRect(top, b.s.oy+b.s.h-top, b.brand)
			l.back(b.left(), b.s.oy+b.s.h-l.backH)
		case k > 0:
			b.footer()
		}
	}
}

// maxStretch is the most a block grows to fill a page, as a share of its height; maxGapGrowth
// the most a gap between blocks grows, in gaps.
const (
	maxStretch   = 0.3
	maxGapGrowth = 2.0
)

// spread shares out the room left at the foot of a page whose blocks start at its top (room
// is from the first block's top to the page's foot): each block that can stretch (a card,
// between its items) takes an equal share, at most maxStretch of its height, and what is left
// widens the gaps between blocks evenly, each by at most maxGapGrowth gaps. It returns the
// extra height of each gap.
func (b *brochure) spread(blocks []*frame, room float64) float64 {
	gap := b.u(blockGap)
	slack := room - b.stackHeight(blocks)
	if slack <= 0 || len(blocks) == 0 {
		return 0
	}
	share := slack / float64(len(blocks))
	for _, f := range blocks {
		grow := min(share, maxStretch*f.h)
		if f.stretch(grow) {
			slack -= grow
		}
	}
	if len(blocks) < 2 {
		return 0
	}
	return min(slack/float64(len(blocks)-1), maxGapGrowth*gap)
}

// contentPage starts an inner page with a small running head.
func (b *brochure) contentPage() {
	b.newPage()
	st := tstyle{"B", 8, 10, b.brand}
	b.cell(st, b.left(), b.s.oy+b.margin()-b.u(14), b.width(), b.u(10), strings.ToUpper(b.d.Brochure.Title), "L")
}

func (b *brochure) contentTop() float64    { return b.s.oy + b.margin() + b.u(4) }
func (b *brochure) contentBottom() float64 { return b.s.oy + b.s.h - b.margin() - b.u(6) }
func (b *brochure) contentHeight() float64 { return b.contentBottom() - b.contentTop() }

// footer writes a page's foot line, on one line: the contractor and its website on the left,
// the event and, in a booklet, the page number on the right (a flyer is a handout of its own,
// without document page numbers). When they do not fit, the website goes first, then the event,
// then the contractor; a part is never wrapped onto a line of its own.
func (b *brochure) footer() {
	st := tstyle{"", 8, 10, mutedColor}
	y := b.s.oy + b.s.h - b.margin() + b.u(12)
	left, right := footerParts(b.d.Contractor, b.d.Brochure.Event, b.footerPage(), func(l, r string) bool {
		return b.textWidth(st, l)+b.u(12)+b.textWidth(st, r) <= b.width()
	})
	b.cell(st, b.left(), y, b.width(), b.u(10), left, "L")
	b.cell(st, b.left(), y, b.width(), b.u(10), right, "R")
}

// footerPage is the page number a foot line shows: none on a flyer.
func (b *brochure) footerPage() string {
	if b.d.Brochure.Layout == cwo.BrochureFlyer {
		return ""
	}
	return fmt.Sprint(b.pdf.PageNo())
}

// footerParts chooses the foot line's left and right texts: the fullest that fits.
func footerParts(c *cwo.Contractor, event, page string, fits func(left, right string) bool) (string, string) {
	site := shortURL(c.Website)
	for _, p := range [][2]string{
		{joinDot(c.Name, site), joinDot(event, page)},
		{c.Name, joinDot(event, page)},
		{c.Name, page},
	} {
		if fits(p[0], p[1]) {
			return p[0], p[1]
		}
	}
	return "", page
}

// coverBand lays out the cover's brand band: the contractor (its logo, else its name, once),
// the title and the event. It returns how to draw it at the trim's top and its height.
func (b *brochure) coverBand() (func(x, y float64), float64) {
	w := b.width()
	f := b.newFrame(w)
	if logo := b.d.Logo; logo != nil {
		pad := b.u(6)
		h := b.u(coverLogoH)
		f.custom(h+2*pad, func(x, y float64) {
			b.fillColor(white)
			b.pdf.RoundedRect(x, y, b.u(132), h+2*pad, b.u(4), "1234", "F")
			drawImage(b.pdf, logo, x+pad, y+pad, b.u(coverLogoW), h)
		})
	} else {
		f.text(tstyle{"B", 13, 16, white}, b.d.Contractor.Name, 0)
	}
	f.space(28)
	f.text(tstyle{"B", 30, 36, white}, b.d.Brochure.Title, 0)
	f.space(6)
	f.text(tstyle{"", 14, 20, white}, b.d.Brochure.Event, 0)
	m := b.margin()
	return func(x, y float64) { f.draw(x, y+m) }, m + f.h + m
}

// backBand lays out the back cover's band: a call to action, the contact and a QR code that
// saves the contact (or opens the contractor's website).
func (b *brochure) backBand() (func(x, y float64), float64) {
	w := b.width()
	qrW := b.qrColumnW(20)
	text := b.newFrame(w - qrW - b.u(colGap))
	text.text(tstyle{"B", 22, 28, white}, "Let's talk", 0)
	text.space(2)
	text.text(tstyle{"", 11, 15, white}, "Tell us which roadmap items matter to your team. We agree the scope with the maintainers and send you a Community Work Order to sign.", 0)
	text.space(8)
	c := b.d.Brochure.Contact
	text.text(tstyle{"B", 13, 18, white}, joinDot(c.Name, c.Title), 0)
	for _, line := range []string{c.Email, c.Phone} {
		if line != "" {
			text.text(tstyle{"", 12, 17, white}, line, 0)
		}
	}
	text.space(4)
	text.text(tstyle{"", 10, 14, white}, joinDot(b.d.Contractor.Name, b.d.Contractor.Website), 0)
	text.space(8)
	text.text(tstyle{"I", 8.5, 12, white}, fmt.Sprintf("Prepared %s. Priorities change: scan a project's code for its current roadmap.",
		b.date(b.d.Date)), 0)
	data, caption, detail := b.contactCode()
	url := ""
	if !strings.HasPrefix(data, "BEGIN:") {
		url = data
	}
	qr := b.captionedQR(data, url, caption, detail, qrW, tstyle{"B", 8, 10, white}, tstyle{"", 7, 9, white})
	m := b.margin()
	h := max(text.h, qr.h)
	return func(x, y float64) {
		text.draw(x, y+m*0.8)
		qr.draw(x+w-qrW, y+m*0.8)
	}, m*0.8 + h + m
}

// tint mixes c with white: amount 0 is c, 1 is white.
func tint(c rgb, amount float64) rgb {
	mix := func(v int) int { return v + int(float64(255-v)*amount) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

// estimateText is "about 9 months · from $180,000".
func estimateText(e *cwo.Estimate, cur cwo.Currency, locale string) string {
	if e == nil {
		return ""
	}
	var parts []string
	if e.Months > 0 {
		parts = append(parts, fmt.Sprintf("about %d %s", e.Months, map[bool]string{true: "month", false: "months"}[e.Months == 1]))
	}
	if e.Currency != "" {
		cur = e.Currency
	}
	money := cwo.FormatMoney(e.Amount, cur, locale)
	if e.Amount.Round(0).Cmp(e.Amount) == 0 {
		money = wholeMoney(e.Amount, cur, locale)
	}
	parts = append(parts, "from "+unambiguous(money, cur))
	return strings.Join(parts, " · ")
}

// unambiguous makes an amount's currency clear to a reader from anywhere, as a brochure
// handed out at an event must: a bare "$", which many currencies write, becomes the currency's
// international symbol ("US$180,000"), else its ISO code ("ARS 180.000").
func unambiguous(money string, cur cwo.Currency) string {
	i := strings.IndexByte(money, '$')
	if i < 0 || (i > 0 && unicode.IsLetter(rune(money[i-1]))) {
		return money
	}
	sym := cur.IntlSymbol()
	if sym == "$" || sym == "" {
		sym = string(cur) + "\u00a0"
	}
	return money[:i] + sym + money[i+1:]
}

// wholeMoney formats a whole amount without decimals: "$180,000".
func wholeMoney(m cwo.Money, cur cwo.Currency, locale string) string {
	full := cwo.FormatMoney(m, cur, locale)
	num := cwo.FormatNumber(m, cur.MinorUnits(), locale)
	return strings.Replace(full, num, cwo.FormatNumber(m, 0, locale), 1)
}
