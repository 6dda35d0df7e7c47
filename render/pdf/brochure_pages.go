package pdf

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// cover draws the front page: a brand band with title and event, then what a CWO is.
func (b *brochure) cover() {
	pdf, s := b.pdf, b.s
	b.newPage()
	band := s.h * 0.5
	b.fullBleedRect(s.oy, band, b.brand)
	x := b.left()
	y := s.oy + safeMargin
	if b.d.Logo != nil {
		b.fillColor(white)
		pdf.RoundedRect(x-6, y-6, 132, 52, 4, "1234", "F")
		drawImage(pdf, b.d.Logo, x, y, coverLogoW, coverLogoH)
		y += 62
	}
	pdf.SetFont(familyBody, "B", 13)
	b.textColor(white)
	pdf.SetXY(x, y)
	pdf.CellFormat(b.width(), 16, b.d.Contractor.Name, "", 1, "L", false, 0, "")
	pdf.SetFont(familyBody, "B", 30)
	titleLines := pdf.SplitText(b.d.Brochure.Title, b.width())
	ty := s.oy + band - safeMargin - float64(len(titleLines))*36 - 24
	pdf.SetXY(x, ty)
	pdf.MultiCell(b.width(), 36, b.d.Brochure.Title, "", "L", false)
	pdf.SetFont(familyBody, "", 14)
	pdf.SetX(x)
	pdf.CellFormat(b.width(), 22, b.d.Brochure.Event, "", 1, "L", false, 0, "")
	b.coverBody(s.oy + band + 30)
	b.footer(false)
}

// coverBody explains a CWO and lists the projects inside.
func (b *brochure) coverBody(y float64) {
	pdf := b.pdf
	x := b.left()
	b.heading(x, y, "Fund the open-source tools you depend on")
	pdf.SetFont(familyBody, "", 11)
	b.textColor(textColor)
	pdf.SetXY(x, pdf.GetY()+4)
	pdf.MultiCell(b.width(), 15, "A Community Work Order is a written agreement to fund specific work on a community-governed open-source project: "+
		"you choose the roadmap items that matter to you, we do the work in the open, and you receive regular progress reports.", "", "L", false)
	pdf.SetXY(x, pdf.GetY()+14)
	pdf.SetFont(familyBody, "B", 9)
	b.textColor(b.brand)
	pdf.CellFormat(b.width(), 12, "IN THIS BROCHURE", "", 1, "L", false, 0, "")
	for _, p := range b.d.Projects {
		pdf.SetX(x)
		pdf.SetFont(familyBody, "B", 11)
		b.textColor(textColor)
		name := p.Project.Name
		pdf.CellFormat(pdf.GetStringWidth(name)+6, 16, name, "", 0, "L", false, 0, "")
		pdf.SetFont(familyBody, "", 10)
		b.textColor(mutedColor)
		pdf.CellFormat(b.width()-pdf.GetStringWidth(name)-6, 16, fitText(pdf, p.Project.Tagline, b.width()-pdf.GetStringWidth(name)-6), "", 1, "L", false, 0, "")
	}
}

// heading writes a section heading in the brand colour at x, y.
func (b *brochure) heading(x, y float64, text string) {
	pdf := b.pdf
	pdf.SetXY(x, y)
	pdf.SetFont(familyBody, "B", 17)
	b.textColor(b.brand)
	pdf.MultiCell(b.width(), 21, text, "", "L", false)
}

// footer writes the page's foot line: contractor and page number (none on the cover).
func (b *brochure) footer(number bool) {
	pdf, s := b.pdf, b.s
	y := s.oy + s.h - safeMargin + 12
	pdf.SetFont(familyBody, "", 8)
	b.textColor(mutedColor)
	pdf.SetXY(b.left(), y)
	left := b.d.Contractor.Name
	if b.d.Contractor.Website != "" {
		left += " · " + b.d.Contractor.Website
	}
	pdf.CellFormat(b.width()/2, 10, left, "", 0, "L", false, 0, "")
	right := b.d.Brochure.Event
	if number {
		right = fmt.Sprintf("%s · %d", right, pdf.PageNo())
	}
	pdf.CellFormat(b.width()/2, 10, fitText(pdf, right, b.width()/2), "", 0, "R", false, 0, "")
}

// fundingPage compares a CWO with a donation and lists the three principles.
func (b *brochure) fundingPage() {
	pdf := b.pdf
	b.newPage()
	x, y := b.left(), b.s.oy+safeMargin
	b.heading(x, y, "How funding works")
	colW := (b.width() - 18) / 2
	top := pdf.GetY() + 10
	cwoBox, donation := b.fundingPoints()
	h1 := b.compareBox(x, top, colW, "A Community Work Order", cwoBox, true)
	h2 := b.compareBox(x+colW+18, top, colW, "A donation", donation, false)
	b.principles(top + max(h1, h2) + 26)
	b.footer(true)
}

// compareBox draws a titled box of bullet points and returns its height.
func (b *brochure) compareBox(x, y, w float64, title string, points []string, filled bool) float64 {
	pdf := b.pdf
	pdf.SetFont(familyBody, "", 10)
	h := 2*cardPad + 22
	for _, p := range points {
		h += float64(len(pdf.SplitText(p, w-2*cardPad-12)))*14 + 6
	}
	if filled {
		b.fillColor(tint(b.brand, 0.9))
		pdf.RoundedRect(x, y, w, h, 6, "1234", "F")
	} else {
		b.drawColor(ruleColor)
		pdf.RoundedRect(x, y, w, h, 6, "1234", "D")
	}
	pdf.SetXY(x+cardPad, y+cardPad)
	pdf.SetFont(familyBody, "B", 12)
	b.textColor(b.brand)
	pdf.CellFormat(w-2*cardPad, 18, title, "", 1, "L", false, 0, "")
	pdf.SetY(pdf.GetY() + 4)
	for _, p := range points {
		b.bullet(x+cardPad, w-2*cardPad, p)
	}
	return h
}

// bullet writes one bullet point at the current line.
func (b *brochure) bullet(x, w float64, text string) {
	pdf := b.pdf
	pdf.SetFont(familyBody, "", 10)
	b.textColor(textColor)
	y := pdf.GetY()
	pdf.SetXY(x, y)
	pdf.CellFormat(12, 14, "•", "", 0, "L", false, 0, "")
	pdf.SetXY(x+12, y)
	pdf.MultiCell(w-12, 14, text, "", "L", false)
	pdf.SetY(pdf.GetY() + 6)
}

// principles lists the three CWO principles.
func (b *brochure) principles(y float64) {
	pdf := b.pdf
	x := b.left()
	b.heading(x, y, "Three principles")
	items := [][2]string{
		{"The work is on the project itself.", "Never on a plugin, a private fork or a customization: everyone benefits."},
		{"The developers decide how.", "Within the agreed scope, the people doing the work keep reasonable freedom over what to do first and how."},
		{"Best effort, community review.", "Every change goes through the project's normal review; the maintainers decide what lands, and who paid carries no weight."},
	}
	pdf.SetY(pdf.GetY() + 6)
	for i, it := range items {
		yy := pdf.GetY()
		pdf.SetXY(x, yy)
		pdf.SetFont(familyBody, "B", 20)
		b.textColor(b.brand)
		pdf.CellFormat(30, 24, fmt.Sprint(i+1), "", 0, "L", false, 0, "")
		pdf.SetXY(x+30, yy+2)
		pdf.SetFont(familyBody, "B", 11)
		b.textColor(textColor)
		pdf.MultiCell(b.width()-30, 15, it[0], "", "L", false)
		pdf.SetX(x + 30)
		pdf.SetFont(familyBody, "", 10)
		pdf.MultiCell(b.width()-30, 14, it[1], "", "L", false)
		pdf.SetY(pdf.GetY() + 10)
	}
}

// backPage gives the roadmaps' review dates and, on a brand band at the foot, the contact.
func (b *brochure) backPage() {
	pdf, s := b.pdf, b.s
	b.newPage()
	x, y := b.left(), s.oy+safeMargin
	b.heading(x, y, "Roadmaps, reviewed with the maintainers")
	b.reviewTable(pdf.GetY() + 10)
	band := s.h * 0.34
	top := s.oy + s.h - band
	b.fullBleedRect(top, band, b.brand)
	b.textColor(white)
	pdf.SetXY(x, top+safeMargin-8)
	pdf.SetFont(familyBody, "B", 22)
	pdf.CellFormat(b.width(), 28, "Let's talk", "", 1, "L", false, 0, "")
	c := b.d.Brochure.Contact
	for i, line := range []string{c.Name, c.Email, c.Phone} {
		if line == "" {
			continue
		}
		style := ""
		if i == 0 {
			style = "B"
		}
		pdf.SetX(x)
		pdf.SetFont(familyBody, style, 13)
		pdf.CellFormat(b.width(), 19, line, "", 1, "L", false, 0, "")
	}
	pdf.SetX(x)
	pdf.SetFont(familyBody, "", 10)
	pdf.CellFormat(b.width(), 22, b.d.Contractor.Name, "", 1, "L", false, 0, "")
}

// reviewTable lists each project's roadmap and the date it was last reviewed with maintainers.
func (b *brochure) reviewTable(y float64) {
	pdf := b.pdf
	x := b.left()
	pdf.SetXY(x, y)
	pdf.SetFont(familyBody, "B", 9)
	b.textColor(b.brand)
	pdf.CellFormat(b.width(), 14, "PROJECT · LAST REVIEWED · ROADMAP", "", 1, "L", false, 0, "")
	b.drawColor(ruleColor)
	for _, p := range b.d.Projects {
		pdf.SetX(x)
		yy := pdf.GetY()
		pdf.Line(x, yy, x+b.width(), yy)
		pdf.SetFont(familyBody, "B", 10)
		b.textColor(textColor)
		pdf.CellFormat(120, 18, p.Project.Name, "", 0, "L", false, 0, "")
		pdf.SetFont(familyBody, "", 10)
		pdf.CellFormat(110, 18, b.date(p.Project.Roadmap.Reviewed), "", 0, "L", false, 0, "")
		b.textColor(mutedColor)
		pdf.CellFormat(b.width()-230, 18, fitText(pdf, p.Project.Roadmap.URL, b.width()-230), "", 1, "L", false, 0, "")
	}
	pdf.SetFont(familyBody, "I", 8.5)
	b.textColor(mutedColor)
	pdf.SetXY(x, pdf.GetY()+8)
	pdf.MultiCell(b.width(), 12, fmt.Sprintf("Prepared %s. Priorities change: scan a project's code for its current roadmap.",
		b.date(b.d.Date)), "", "L", false)
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
	parts = append(parts, "from "+money)
	return strings.Join(parts, " · ")
}

// wholeMoney formats a whole amount without decimals: "$180,000".
func wholeMoney(m cwo.Money, cur cwo.Currency, locale string) string {
	full := cwo.FormatMoney(m, cur, locale)
	num := cwo.FormatNumber(m, cur.MinorUnits(), locale)
	return strings.Replace(full, num, cwo.FormatNumber(m, 0, locale), 1)
}
