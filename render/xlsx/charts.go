package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Chart sizes in pixels, and the rows they start at on the Summary sheet.
const (
	chartWidth    = 560
	chartHeight   = 300
	spendChartRow = 4
	hoursChartRow = 21
)

// spendTable writes what the order had earned by the end of each period, next to the budget:
// the line chart's data.
func (s *summarySheet) spendTable() {
	r, st := s.b.r, s.b.st
	s.section("Earned by period")
	s.spend.header = s.row
	s.header([]string{"Period", "Earned to date", "Budget"}, 1, 2)
	s.spend.first = s.row
	for _, p := range r.ByPeriod {
		s.text(cell("A", s.row), p.Period.String(), st.text)
		s.number(cell("B", s.row), p.Earned, st.money)
		s.number(cell("C", s.row), r.Budget, st.money)
		s.row++
	}
	s.spend.last = s.row - 1
}

// hoursTable writes the hours of each scope item this period: the bar chart's data.
func (s *summarySheet) hoursTable() {
	r, st := s.b.r, s.b.st
	s.section("Hours this period by scope item")
	s.hours.header = s.row
	s.header([]string{"Scope item", "Hours this period"}, 1)
	s.hours.first = s.row
	for _, it := range r.Items {
		title := it.Title
		if it.NoItem {
			title = noItemTitle
		}
		s.text(cell("A", s.row), title, st.wrap)
		s.number(cell("B", s.row), it.HoursPeriod, st.hours)
		s.fitRow(s.row, title, int(summaryWidths[0]))
		s.row++
	}
	s.hours.last = s.row - 1
}

// charts adds the line chart of earned to date against the budget and the bar chart of hours
// by scope item. Both read the tables above, so they show what the cells show.
func (s *summarySheet) charts() error {
	if s.spend.last >= s.spend.first {
		if err := s.f.AddChart(s.name, cell(chartCol, spendChartRow), s.spendChart()); err != nil {
			return fmt.Errorf("spend chart: %w", err)
		}
	}
	if s.hours.last >= s.hours.first {
		if err := s.f.AddChart(s.name, cell(chartCol, hoursChartRow), s.hoursChart()); err != nil {
			return fmt.Errorf("hours chart: %w", err)
		}
	}
	return nil
}

// ref returns an absolute reference to cells of the Summary sheet, such as 'Summary'!$B$30:$B$33.
func (s *summarySheet) ref(col string, from, to int) string {
	if from == to {
		return fmt.Sprintf("'%s'!$%s$%d", s.name, col, from)
	}
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s.name, col, from, col, to)
}

func (s *summarySheet) spendChart() *excelize.Chart {
	t := s.spend
	series := func(col, color string, dash excelize.LineDashType) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name: s.ref(col, t.header, t.header), Categories: s.ref("A", t.first, t.last), Values: s.ref(col, t.first, t.last),
			Line:   excelize.LineOptions{Width: 2.25, Dash: dash},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
			Marker: excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}},
		}
	}
	return &excelize.Chart{
		Type:      excelize.Line,
		Series:    []excelize.ChartSeries{series("B", colorBrand, excelize.LineDashUnset), series("C", colorBudget, excelize.LineDashDash)},
		Title:     chartTitle("Earned against budget"),
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		XAxis:     excelize.ChartAxis{Font: axisFont},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: s.b.money}},
		Format:    excelize.GraphicOptions{AltText: "Line chart: earned to date at the end of each period against the budget"},
	}
}

func (s *summarySheet) hoursChart() *excelize.Chart {
	t := s.hours
	return &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name: s.ref("B", t.header, t.header), Categories: s.ref("A", t.first, t.last), Values: s.ref("B", t.first, t.last),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorBrand}},
		}},
		Title:     chartTitle("Hours this period by scope item"),
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: axisFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: formatHours}},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: formatHours}},
		Format:    excelize.GraphicOptions{AltText: "Bar chart: hours logged this period for each scope item"},
	}
}

// axisFont is dark enough to read on paper; excelize's default is a pale grey.
var axisFont = excelize.Font{Color: colorAxis, Size: 9}

func chartTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Bold: true, Size: 12, Color: colorBrand}}}}
}
