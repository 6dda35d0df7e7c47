package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Chart sizes in pixels: as wide as the Summary's grid.
const (
	chartWidth  = 690
	chartHeight = 320
)

// chartSpace keeps room for the charts under a heading of their own: the spend chart when
// there are periods, the hours chart when there are scope items or hours without one.
func (s *summarySheet) chartSpace() {
	r := s.b.r
	spend, hours := len(r.ByPeriod) > 0, len(r.Items) > 0
	if !spend && !hours {
		return
	}
	rows := chartRows(chartHeight)
	s.keep(2*lineHeight + sectionHeight + float64(rows)*lineHeight) // the heading with the first chart
	s.section("Charts", rows)
	if spend {
		s.keep(float64(rows) * lineHeight)
		s.spendAt = s.row
		s.skip(rows - lastBlank(!hours))
	}
	if hours {
		s.keep(float64(rows) * lineHeight)
		s.hoursAt = s.row
		s.skip(rows - 1)
	}
}

// lastBlank is the blank row under the last chart that chartRows counts, 1 when last: the next
// section starts with a blank row of its own, so that the room kept under the charts is no more
// than the page needs and a short section after them is not pushed to a page of its own.
func lastBlank(last bool) int {
	if last {
		return 1
	}
	return 0
}

// charts adds the chart of cumulative spend against the budget and the bar chart of hours by
// scope item where chartSpace kept room. Both read the chart data tables, so they show what
// the cells show.
func (s *summarySheet) charts() error {
	if s.spendAt > 0 {
		if err := s.f.AddChart(s.name, cell("A", s.spendAt), s.spendChart()); err != nil {
			return fmt.Errorf("spend chart: %w", err)
		}
	}
	if s.hoursAt > 0 {
		if err := s.f.AddChart(s.name, cell("A", s.hoursAt), s.hoursChart()); err != nil {
			return fmt.Errorf("hours chart: %w", err)
		}
	}
	return nil
}

// skip passes n rows of the default height, under a chart.
func (s *summarySheet) skip(n int) {
	for range n {
		s.next(0)
	}
}

// ref returns an absolute reference to cells of the Summary sheet, such as 'Summary'!$B$30:$B$33.
func (s *summarySheet) ref(col string, from, to int) string {
	if from == to {
		return fmt.Sprintf("'%s'!$%s$%d", s.name, col, from)
	}
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s.name, col, from, col, to)
}

// spendChart draws earned, invoiced and paid to date against the budget: lines with markers
// over the periods, or columns when there is a single period, which a line cannot join.
func (s *summarySheet) spendChart() *excelize.Chart {
	t := s.spend
	kind := excelize.Line
	if t.first == t.last {
		kind = excelize.Col
	}
	// Lines of decreasing width, so that figures that are equal (all invoiced is paid) show as
	// nested stripes rather than hide one another.
	series := func(col, color string, width float64, dash excelize.LineDashType) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name: s.ref(col, t.header, t.header), Categories: s.ref("A", t.first, t.last), Values: s.ref(col, t.first, t.last),
			Line:   excelize.LineOptions{Width: width, Dash: dash},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
			Marker: excelize.ChartMarker{Symbol: "circle", Size: int(width*2) + 3, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}},
		}
	}
	return &excelize.Chart{
		Type: kind,
		Series: []excelize.ChartSeries{series("B", colorBrand, 5, excelize.LineDashUnset), series("C", colorInvoiced, 3, excelize.LineDashUnset),
			series("D", colorPaid, 1.5, excelize.LineDashUnset), series("E", colorBudget, 2.25, excelize.LineDashDash)},
		Title:     chartTitle("Earned, invoiced and paid against the budget"),
		Legend:    excelize.ChartLegend{Position: "top"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		XAxis:     excelize.ChartAxis{Font: axisFont, Title: axisTitle("At the end of")},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: axisFont, Title: axisTitle("Amount (" + string(s.b.r.Currency) + ")"),
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: s.b.moneyWhole}},
		Format: excelize.GraphicOptions{AltText: "Chart: earned, invoiced and paid to date at the end of each period, against the budget"},
	}
}

// hoursChart draws the hours of each scope item as horizontal bars, the first item at the top
// and the value axis at the bottom (see valueAxisAtBottom), from the Work items sheet.
func (s *summarySheet) hoursChart() *excelize.Chart {
	last := len(s.b.r.Items) + 1
	ref := func(col string, from, to int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetItems, col, from, col, to)
	}
	return &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name: fmt.Sprintf("'%s'!$%s$1", sheetItems, itemsPeriodCol), Categories: ref("B", 2, last), Values: ref(itemsPeriodCol, 2, last),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorBrand}},
		}},
		Title:     chartTitle("Hours this period by scope item"),
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: axisFont, Title: axisTitle("Hours this period"),
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: formatHours}},
		Format:   excelize.GraphicOptions{AltText: "Bar chart: hours logged this period for each scope item"},
	}
}

// axisFont is dark enough to read on paper; excelize's default is a pale grey.
var axisFont = excelize.Font{Color: colorAxis, Size: 9}

func chartTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Bold: true, Size: 12, Color: colorBrand}}}}
}

func axisTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Size: 9, Color: colorAxis}}}}
}
