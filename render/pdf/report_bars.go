package pdf

import (
	"math"
	"strings"

	"github.com/cwo-tool/cwo"
)

// bar is one category of a horizontal bar chart: a label, and one value per bar series.
type bar struct {
	label  string
	values []float64
}

// barChart is a horizontal bar chart: a group of bars per category, the value axis under it.
type barChart struct {
	title, xTitle string
	names         []string // the bar series, for the legend
	colors        []rgb
	bars          []bar
}

// Bar chart layout, in points.
const (
	barLabelW = 150.0 // the category labels, left of the plot
	barH      = 7.0   // one bar
	barGroup  = 6.0   // the gap between categories
)

// drawBars draws a bar chart at the current position, starting a page when it does not fit.
func (d *reportDoc) drawBars(c barChart) {
	if len(c.bars) == 0 {
		return
	}
	fixed := chartGapTop + chartTitleH + 4 + chartAxisH + chartLegend
	full := float64(len(c.bars))*(float64(len(c.names))*barH+barGroup) + barGroup
	h := d.plotHeight(fixed, full)
	scale := h / full // below 1 when the chart shrinks to the room left on the page
	bh, gap := barH*scale, barGroup*scale
	groupH := float64(len(c.names))*bh + gap
	top := d.room(fixed + h)
	top += chartGapTop
	d.chartTitle(c.title, top)
	x0, y0 := reportMarginSide+barLabelW, top+chartTitleH+4
	w := d.pageW - reportMarginSide - x0 - 10
	maxV := 1.0
	for _, b := range c.bars {
		for _, v := range b.values {
			maxV = max(maxV, v)
		}
	}
	vTop, step := niceScale(maxV, chartTicks)
	d.valueGrid(x0, y0, w, h, vTop, step, false)
	for i, b := range c.bars {
		d.barGroup(b, c.colors, x0, y0+gap+float64(i)*groupH, w, vTop, bh)
	}
	d.axisTitles(c.xTitle, "", x0, y0, w, h)
	var legend []series
	for i, n := range c.names {
		legend = append(legend, series{name: n, color: c.colors[i]})
	}
	d.barLegend(legend, x0, y0+h+chartAxisH)
	d.pdf.SetXY(reportMarginSide, y0+h+chartAxisH+chartLegend+chartGapEnd)
}

// barGroup draws one category's label and its bars, each bh high, from y.
func (d *reportDoc) barGroup(b bar, colors []rgb, x0, y, w, top, bh float64) {
	pdf := d.pdf
	pdf.SetFont(familyBody, "", chartFont+0.5)
	setColor(pdf, textColor)
	gh := float64(len(b.values)) * bh
	lines := barLabel(pdf.SplitText(b.label, barLabelW-8), func(s string) string { return fitText(pdf, s, barLabelW-8) })
	ly := y + gh/2 - float64(len(lines))*5
	for i, ln := range lines {
		pdf.SetXY(reportMarginSide, ly+float64(i)*10)
		pdf.CellFormat(barLabelW-8, 10, ln, "", 0, "R", false, 0, "")
	}
	for j, v := range b.values {
		if v <= 0 || math.IsNaN(v) {
			continue
		}
		setFillColor(pdf, colors[j])
		pdf.Rect(x0, y+float64(j)*bh, w*v/top, bh-1, "F")
	}
}

// barLabel keeps a category label to two lines, the second shortened with an ellipsis when
// the label runs on.
func barLabel(lines []string, fit func(string) string) []string {
	if len(lines) <= 2 {
		return lines
	}
	return []string{lines[0], fit(strings.Join(lines[1:], " "))}
}

// barLegend names each bar series with a swatch.
func (d *reportDoc) barLegend(ss []series, x, y float64) {
	pdf := d.pdf
	pdf.SetFont(familyBody, "", chartFont+0.5)
	for _, s := range ss {
		setFillColor(pdf, s.color)
		pdf.Rect(x, y+1, 10, 8, "F")
		setColor(pdf, textColor)
		pdf.SetXY(x+14, y)
		w := pdf.GetStringWidth(s.name)
		pdf.CellFormat(w, 10, s.name, "", 0, "L", false, 0, "")
		x += 14 + w + 16
	}
}

// hoursChart draws the hours of each work item: to date against planned, and this period's.
func (d *reportDoc) hoursChart(title string, names []string, bars []bar) {
	colors := []rgb{tint(d.brand, 0.7), d.brand, accentColor}
	d.drawBars(barChart{title: title, xTitle: "Hours", names: names, colors: colors[:len(names)], bars: bars})
}

// itemBars are a progress report's work items as bars: planned, to date and this period.
func itemBars(r *cwo.Report) []bar {
	var bs []bar
	for _, it := range r.Items {
		bs = append(bs, bar{label: it.Title, values: []float64{it.PlannedHours.InexactFloat(), it.HoursToDate.InexactFloat(), it.HoursPeriod.InexactFloat()}})
	}
	return bs
}

// moneyChart draws what was earned, invoiced and paid by the end of each period against the
// budget.
func (d *reportDoc) moneyChart(budget cwo.Money, c cwo.Currency, ps []cwo.PeriodMoney) {
	cats := []string{"Start"}
	earned, invoiced, paid := []float64{0}, []float64{0}, []float64{0}
	for _, p := range ps {
		cats = append(cats, p.Period.String())
		earned = append(earned, p.Earned.InexactFloat())
		invoiced = append(invoiced, p.Invoiced.InexactFloat())
		paid = append(paid, p.Paid.InexactFloat())
	}
	d.drawLines(lineChart{
		title: "Earned, invoiced and paid against the budget", xTitle: "End of period", yTitle: "Amount (" + string(c) + ")",
		categories: cats, height: 100, lines: moneySeries(d.brand, budget.InexactFloat(), earned, invoiced, paid),
	})
}

// moneySeries are the money chart's lines: the budget as a dashed reference, then earned
// (solid, dots), invoiced (dashed, open squares) and paid (dotted, diamonds), each of its own
// colour, width, dashes and marker so that lines that coincide still read apart.
func moneySeries(brand rgb, budget float64, earned, invoiced, paid []float64) []series {
	budgetLine := make([]float64, len(earned))
	for i := range budgetLine {
		budgetLine[i] = budget
	}
	return []series{{name: "Budget", color: mutedColor, dashed: true, values: budgetLine},
		{name: "Earned", color: brand, width: 3, values: earned},
		{name: "Invoiced", color: accentColor, width: 1.6, pattern: []float64{6, 3}, marker: markSquare, values: invoiced},
		{name: "Paid", color: paidColor, width: 1, pattern: []float64{1.5, 2}, marker: markDiamond, values: paid}}
}

var (
	accentColor = rgb{214, 140, 0}
	paidColor   = rgb{46, 139, 87}
)
