package pdf

import (
	"math"
	"strconv"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/fpdf"
)

// Chart layout, in points.
const (
	chartTitleH = 16.0 // the chart's title line
	chartAxisW  = 58.0 // the value axis's labels and title, left of a line chart's plot
	chartAxisH  = 34.0 // the category labels and axis title under a plot
	chartLegend = 16.0 // the legend line under a chart
	chartTicks  = 5    // about this many value ticks
	chartFont   = 7.5
	chartGapTop = 6.0
	chartGapEnd = 18.0
)

// series is one line of a line chart: its name in the legend, colour, dash, width (0: the
// default), the pattern of a line that is not solid, the marker at each value and the values,
// one a category (NaN: no value). Lines are drawn in order, so a wider line drawn first still
// shows under a narrower one that runs along it; lines that coincide still differ by their
// dashes and markers, which the legend shows.
type series struct {
	name    string
	color   rgb
	dashed  bool // a reference line (the budget): thin, dashed, no markers
	width   float64
	pattern []float64 // dash and gap lengths; nil: solid
	marker  marker
	values  []float64
}

// marker is the shape drawn at each value of a series.
type marker int

// The markers: a filled dot (the default), an open square, a filled diamond.
const (
	markDot marker = iota
	markSquare
	markDiamond
)

// lineWidth is the series' line width.
func (s series) lineWidth() float64 {
	switch {
	case s.dashed:
		return 1
	case s.width > 0:
		return s.width
	}
	return 1.6
}

// lineChart is a chart of values over categories (the periods of an order).
type lineChart struct {
	title, xTitle, yTitle string
	categories            []string
	lines                 []series
	height                float64 // the plot's height
}

// room starts a new page when h points do not fit above the bottom margin, and returns the
// top of the block.
func (d *reportDoc) room(h float64) float64 {
	if d.pdf.GetY()+h > d.pageH-marginBottom {
		d.pdf.AddPage()
		d.pdf.SetY(marginTop)
	}
	return d.pdf.GetY()
}

// Shrinking a chart to the room left on its page: a chart that does not fit is drawn smaller,
// down to chartMinShare of its height, rather than leaving the rest of the page blank, when
// more than chartShrinkRoom of the page's text height is left.
const (
	chartMinShare   = 0.55
	chartShrinkRoom = 0.4
)

// plotHeight returns the height of a chart's plot (want, or less to fit the room left on the
// page), given the fixed height of its title, labels and legend.
func (d *reportDoc) plotHeight(fixed, want float64) float64 {
	left := d.pageH - marginBottom - d.pdf.GetY()
	if fixed+want <= left || left < chartShrinkRoom*(d.pageH-marginTop-marginBottom) || left-fixed < chartMinShare*want {
		return want
	}
	return left - fixed
}

// chartTitle draws a chart's title at y, bookmarked under its section.
func (d *reportDoc) chartTitle(title string, y float64) {
	pdf := d.pdf
	pdf.SetFont(familyBody, "B", 9.5)
	setColor(pdf, textColor)
	pdf.SetXY(reportMarginSide, y)
	pdf.CellFormat(d.pageW-2*reportMarginSide, chartTitleH, title, "", 0, "L", false, 0, "")
}

// drawLines draws a line chart at the current position, starting a page when it does not fit.
func (d *reportDoc) drawLines(c lineChart) {
	if len(c.categories) == 0 {
		return
	}
	fixed := chartGapTop + chartTitleH + 4 + chartAxisH + chartLegend
	c.height = d.plotHeight(fixed, c.height)
	top := d.room(fixed + c.height)
	top += chartGapTop
	d.chartTitle(c.title, top)
	x0, y0 := reportMarginSide+chartAxisW, top+chartTitleH+4
	w := d.pageW - reportMarginSide - x0
	top, step := niceScale(lineMax(c.lines), chartTicks)
	px := func(i int) float64 { return x0 + w*(float64(i)+0.5)/float64(len(c.categories)) }
	py := func(v float64) float64 { return y0 + c.height - c.height*v/top }
	d.valueGrid(x0, y0, w, c.height, top, step, true)
	d.categoryLabels(c.categories, px, y0+c.height)
	d.axisTitles(c.xTitle, c.yTitle, x0, y0, w, c.height)
	for _, s := range c.lines {
		d.line(s, px, py)
	}
	d.legend(c.lines, x0, y0+c.height+chartAxisH)
	d.pdf.SetXY(reportMarginSide, y0+c.height+chartAxisH+chartLegend+chartGapEnd)
}

// valueGrid draws the horizontal grid lines of a value axis from 0 to top and their labels,
// left of the plot (vertical) or under it (horizontal bars).
func (d *reportDoc) valueGrid(x0, y0, w, h, top, step float64, vertical bool) {
	pdf := d.pdf
	pdf.SetFont(familyBody, "", chartFont)
	setColor(pdf, mutedColor)
	pdf.SetLineWidth(0.4)
	for v := 0.0; v <= top+step/2; v += step {
		label := cwo.FormatNumber(cwo.MustDecimal(strconv.FormatFloat(v, 'f', -1, 64)), 0, d.locale)
		setDrawColor(pdf, gridColor)
		if v == 0 {
			setDrawColor(pdf, ruleColor)
		}
		if vertical {
			y := y0 + h - h*v/top
			pdf.Line(x0, y, x0+w, y)
			pdf.SetXY(x0-40, y-5)
			pdf.CellFormat(36, 10, label, "", 0, "R", false, 0, "")
			continue
		}
		x := x0 + w*v/top
		pdf.Line(x, y0, x, y0+h)
		pdf.SetXY(x-30, y0+h+3)
		pdf.CellFormat(60, 10, label, "", 0, "C", false, 0, "")
	}
}

// categoryLabels writes each category under the plot, centred on its point.
func (d *reportDoc) categoryLabels(cats []string, px func(int) float64, y float64) {
	pdf := d.pdf
	pdf.SetFont(familyBody, "", chartFont)
	setColor(pdf, mutedColor)
	slot := px(1) - px(0)
	if len(cats) == 1 {
		slot = 80
	}
	for i, c := range cats {
		pdf.SetXY(px(i)-slot/2, y+3)
		pdf.CellFormat(slot, 10, fitText(pdf, c, slot-2), "", 0, "C", false, 0, "")
	}
}

// axisTitles writes the category axis's title under the labels and the value axis's title
// turned up along the left edge.
func (d *reportDoc) axisTitles(xTitle, yTitle string, x0, y0, w, h float64) {
	pdf := d.pdf
	pdf.SetFont(familyBody, "I", chartFont+0.5)
	setColor(pdf, mutedColor)
	pdf.SetXY(x0, y0+h+15)
	pdf.CellFormat(w, 10, xTitle, "", 0, "C", false, 0, "")
	if yTitle == "" {
		return
	}
	tw := pdf.GetStringWidth(yTitle)
	cx, cy := reportMarginSide+6, y0+h/2
	pdf.TransformBegin()
	pdf.TransformRotate(90, cx, cy)
	pdf.Text(cx-tw/2, cy+3, yTitle)
	pdf.TransformEnd()
}

// line draws one series as a polyline with a dot at each value.
func (d *reportDoc) line(s series, px func(int) float64, py func(float64) float64) {
	pdf := d.pdf
	setDrawColor(pdf, s.color)
	setFillColor(pdf, s.color)
	pdf.SetLineWidth(s.lineWidth())
	d.dash(s)
	prev := -1
	for i, v := range s.values {
		if math.IsNaN(v) {
			continue
		}
		if prev >= 0 {
			pdf.Line(px(prev), py(s.values[prev]), px(i), py(v))
		}
		prev = i
	}
	pdf.SetDashPattern(nil, 0)
	if s.dashed {
		return
	}
	for i, v := range s.values {
		if !math.IsNaN(v) {
			d.mark(s, px(i), py(v))
		}
	}
}

// dash sets the series' dash pattern, if its line is not solid.
func (d *reportDoc) dash(s series) {
	switch {
	case s.dashed:
		d.pdf.SetDashPattern([]float64{4, 3}, 0)
	case s.pattern != nil:
		d.pdf.SetDashPattern(s.pattern, 0)
	}
}

// mark draws the series' marker centred on x, y.
func (d *reportDoc) mark(s series, x, y float64) {
	pdf := d.pdf
	setDrawColor(pdf, s.color)
	setFillColor(pdf, s.color)
	switch s.marker {
	case markSquare:
		pdf.SetLineWidth(1.2)
		pdf.Rect(x-3.5, y-3.5, 7, 7, "D")
	case markDiamond:
		pdf.Polygon([]fpdf.PointType{{X: x, Y: y - 3}, {X: x + 3, Y: y}, {X: x, Y: y + 3}, {X: x - 3, Y: y}}, "F")
	default:
		pdf.Circle(x, y, s.lineWidth()+0.8, "F")
	}
}

// legend names each series with a sample of its line.
func (d *reportDoc) legend(ss []series, x, y float64) {
	pdf := d.pdf
	pdf.SetFont(familyBody, "", chartFont+0.5)
	for _, s := range ss {
		setDrawColor(pdf, s.color)
		pdf.SetLineWidth(s.lineWidth())
		d.dash(s)
		pdf.Line(x, y+5, x+24, y+5)
		pdf.SetDashPattern(nil, 0)
		if !s.dashed {
			d.mark(s, x+12, y+5)
		}
		setColor(pdf, textColor)
		pdf.SetXY(x+28, y)
		w := pdf.GetStringWidth(s.name)
		pdf.CellFormat(w, 10, s.name, "", 0, "L", false, 0, "")
		x += 28 + w + 16
	}
}

// lineMax is the largest value of the series, at least 1.
func lineMax(ss []series) float64 {
	m := 1.0
	for _, s := range ss {
		for _, v := range s.values {
			if !math.IsNaN(v) {
				m = max(m, v)
			}
		}
	}
	return m
}

// niceScale returns the top of a value axis at or above v and its step: about n steps of
// 1, 2, 2.5 or 5 times a power of ten.
func niceScale(v float64, n int) (top, step float64) {
	raw := v / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if step < 1 {
		step = 1
	}
	return math.Ceil(v/step) * step, step
}

var gridColor = rgb{226, 230, 234}
