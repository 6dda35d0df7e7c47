package pdf

import (
	"fmt"
	"strings"

	"github.com/cwo-tool/cwo"
)

// fact is one labelled line of a report's cover facts.
type fact struct{ label, value string }

// Facts layout: two columns of label and value, in points.
const (
	factLabelW = 62.0
	factLine   = 14.0
	factGap    = 16.0
)

// reportFacts lists what a report is about, in the order facts draws them: the left column
// (funder, term, order), then the right (project, status, reporting).
func reportFacts(r *cwo.Report, date func(cwo.Date) string) []fact {
	o := r.Order
	return []fact{
		{"Funder", reportFunder(r.Funder)},
		{"Project", reportProject(r.Project)},
		{"Term", fmt.Sprintf("%s to %s", date(o.Start), date(o.End))},
		{"Status", orderStatusWords(o.Status)},
		{"Order", fmt.Sprintf("%s, version %d", o.ID, o.Version)},
		{"Reporting", cadenceWords(o)},
	}
}

// facts draws the facts in two columns, filled row by row, the left one wider for the names
// and the term; a value too long for its column wraps. A rule goes under them.
func (d *reportDoc) facts(fs []fact) {
	pdf := d.pdf
	width := d.pageW - 2*reportMarginSide
	colW := [2]float64{(width - factGap) * 0.6, (width - factGap) * 0.4}
	colX := [2]float64{reportMarginSide, reportMarginSide + colW[0] + factGap}
	y := pdf.GetY()
	for i := 0; i < len(fs); i += 2 {
		h := factLine
		for j := i; j < min(i+2, len(fs)); j++ {
			h = max(h, d.fact(fs[j], colX[j-i], y, colW[j-i]))
		}
		y += h
	}
	y += 8
	setDrawColor(pdf, ruleColor)
	pdf.SetLineWidth(0.5)
	pdf.Line(reportMarginSide, y, d.pageW-reportMarginSide, y)
	pdf.SetXY(reportMarginSide, y+14)
}

// fact draws one label and its value at x, y in a column w wide, and returns its height.
func (d *reportDoc) fact(f fact, x, y, w float64) float64 {
	pdf := d.pdf
	pdf.SetXY(x, y)
	pdf.SetFont(familyBody, "", 8.5)
	setColor(pdf, mutedColor)
	pdf.CellFormat(factLabelW, factLine, upper(f.label), "", 0, "L", false, 0, "")
	pdf.SetFont(familyBody, "", 10)
	setColor(pdf, textColor)
	pdf.SetXY(x+factLabelW, y)
	pdf.MultiCell(w-factLabelW, factLine, f.value, "", "L", false)
	return pdf.GetY() - y
}

// Flags box layout, in points.
const (
	flagPad    = 8.0
	flagLine   = 13.0
	flagBullet = 9.0 // the bullet's column; a note's wrapped lines hang under its first word
)

// flags draws what the reader must know about the report's figures (an unsigned order, hours
// without notes, hours after the term) in a tinted box with a bar on its left, before anything
// else is read.
func (d *reportDoc) flags(notes []string) {
	if len(notes) == 0 {
		return
	}
	pdf := d.pdf
	width := d.pageW - 2*reportMarginSide
	textW := width - 2*flagPad - 4
	pdf.SetFont(familyBody, "", 9.5)
	lines := 0
	for _, n := range notes {
		lines += len(pdf.SplitText(n, textW-flagBullet))
	}
	h := 2*flagPad + 14 + float64(lines)*flagLine
	x, y := reportMarginSide, pdf.GetY()
	setFillColor(pdf, flagFill)
	pdf.Rect(x, y, width, h, "F")
	setFillColor(pdf, flagBar)
	pdf.Rect(x, y, 3, h, "F")
	pdf.SetXY(x+flagPad+4, y+flagPad)
	pdf.SetFont(familyBody, "B", 9.5)
	setColor(pdf, textColor)
	pdf.CellFormat(textW, 14, "Please note", "", 2, "L", false, 0, "")
	pdf.SetFont(familyBody, "", 9.5)
	for _, n := range notes {
		y := pdf.GetY()
		pdf.SetXY(x+flagPad+4, y)
		pdf.CellFormat(flagBullet, flagLine, "•", "", 0, "L", false, 0, "")
		pdf.SetXY(x+flagPad+4+flagBullet, y)
		pdf.MultiCell(textW-flagBullet, flagLine, n, "", "L", false)
	}
	pdf.SetXY(reportMarginSide, y+h+14)
}

var (
	flagFill = rgb{255, 244, 214}
	flagBar  = rgb{214, 140, 0}
)

// upper writes s in capitals, for small labels.
func upper(s string) string { return strings.ToUpper(s) }

// orderStatusWords writes an order's status as a reader says it.
func orderStatusWords(s string) string {
	switch s {
	case cwo.StatusSent:
		return "Sent, not yet signed"
	case "":
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// itemStatusWords writes a scope item's status ("in-progress") as words ("In progress"); an
// item without a status in the progress notes is "Not reported".
func itemStatusWords(s string) string {
	if s == "" {
		return "Not reported"
	}
	s = strings.ReplaceAll(s, "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// cadenceWords says how often the order reports.
func cadenceWords(o *cwo.WorkOrder) string {
	if o.Reporting.Quarterly() {
		return "Quarterly"
	}
	return "Monthly"
}
