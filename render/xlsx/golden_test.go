package xlsx_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/golden"
	"github.com/xuri/excelize/v2"
)

// TestGolden reads each workbook back with excelize and compares a text dump of its parts,
// properties, charts, sheet layout and cells (value, formula, number format, link) with
// testdata/TestGolden/<case>.golden. Run with -update to rewrite.
func TestGolden(t *testing.T) {
	de := cwo.DefaultSettings()
	de.Locale = "de-DE"
	tests := []struct {
		name     string
		files    map[string]string
		settings cwo.Settings
		order    string
		period   string
	}{
		{"fixed-O-1-2026-Q4", nil, cwo.DefaultSettings(), "O-1", "2026-Q4"},
		{"hourly-O-2-2026-Q4", nil, cwo.DefaultSettings(), "O-2", "2026-Q4"},
		{"rich-O-1-2027-Q1", richFiles, cwo.DefaultSettings(), "O-1", "2027-Q1"},
		{"hostile-O-1-2026-Q4", hostileFiles, cwo.DefaultSettings(), "O-1", "2026-Q4"},
		{"eur-de-O-2-2026-Q4", map[string]string{"orders/O-2.yaml": eurOrder}, de, "O-2", "2026-Q4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report(t, workspace(t, tt.files), tt.settings, tt.order, tt.period)
			golden.Check(t, tt.name, dump(t, render(t, r)))
		})
	}
}

// eurOrder is order O-2 billed in euros.
var eurOrder = strings.Replace(mustRead(baseWorkspace+"/orders/O-2.yaml"), "budget:", "currency: EUR\nbudget:", 1)

// dump describes a workbook as text, the way a reader's program sees it.
func dump(t testing.TB, data []byte) string {
	t.Helper()
	var b strings.Builder
	names, content := parts(t, data)
	fmt.Fprintf(&b, "parts: %s\n", strings.Join(names, " "))
	f := open(t, data)
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "properties: title=%q created=%s modified=%s creator=%s\n", props.Title, props.Created, props.Modified, props.Creator)
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&b, "defined name: %s scope=%s %s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	for _, name := range names {
		if strings.HasPrefix(name, "xl/charts/chart") {
			fmt.Fprintf(&b, "%s: %s\n", name, describeChart(content[name]))
		}
	}
	for i, sheet := range f.GetSheetList() {
		dumpLayout(t, &b, f, sheet)
		dumpPrint(t, &b, f, sheet, content[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)])
		for _, c := range cells(t, f) {
			if c.Sheet == sheet {
				b.WriteString(dumpCell(c))
			}
		}
	}
	return b.String()
}

var rowBreak = regexp.MustCompile(`<brk id="(\d+)"`)

// dumpPrint describes how a sheet prints: paper, margins, header and footer, page breaks, and
// the height of its first rows.
func dumpPrint(t testing.TB, b *strings.Builder, f *excelize.File, sheet, xml string) {
	t.Helper()
	page, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil {
		t.Fatal(err)
	}
	m, err := f.GetPageMargins(sheet)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(b, "print: paper=%d fitToPage=%v margins=%g,%g,%g,%g header=%g footer=%g\n", deref(page.Size), deref(props.FitToPage),
		deref(m.Left), deref(m.Right), deref(m.Top), deref(m.Bottom), deref(m.Header), deref(m.Footer))
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(b, "header: %s\nfooter: %s\n", hf.OddHeader, hf.OddFooter)
	var breaks []string
	for _, m := range rowBreak.FindAllStringSubmatch(xml, -1) {
		breaks = append(breaks, m[1])
	}
	fmt.Fprintf(b, "page breaks after rows: %s\n", strings.Join(breaks, " "))
	var heights []string
	for row := 1; row <= 40; row++ {
		h, err := f.GetRowHeight(sheet, row)
		if err != nil {
			t.Fatal(err)
		}
		heights = append(heights, fmt.Sprintf("%g", h))
	}
	fmt.Fprintf(b, "row heights 1-40: %s\n", strings.Join(heights, " "))
}

var (
	chartKind = regexp.MustCompile(`<(?:c:)?(lineChart|barChart)>`)
	chartRef  = regexp.MustCompile(`<(?:c:)?f>([^<]*)</(?:c:)?f>`)
	barDir    = regexp.MustCompile(`<(?:c:)?barDir val="(\w+)"`)
)

// describeChart names a chart's kind and the cells it reads.
func describeChart(xml string) string {
	var out []string
	for _, m := range chartKind.FindAllStringSubmatch(xml, -1) {
		out = append(out, m[1])
	}
	for _, m := range barDir.FindAllStringSubmatch(xml, -1) {
		out = append(out, "dir="+m[1])
	}
	for _, m := range chartRef.FindAllStringSubmatch(xml, -1) {
		out = append(out, strings.ReplaceAll(m[1], "&#39;", "'"))
	}
	return strings.Join(out, " ")
}

func dumpLayout(t testing.TB, b *strings.Builder, f *excelize.File, sheet string) {
	t.Helper()
	fmt.Fprintf(b, "\n== sheet %s\n", sheet)
	var widths []string
	for c := 1; c <= 10; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(sheet, col)
		if err != nil {
			t.Fatal(err)
		}
		widths = append(widths, fmt.Sprintf("%s=%g", col, w))
	}
	fmt.Fprintf(b, "widths: %s\n", strings.Join(widths, " "))
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(b, "panes: freeze=%v ySplit=%d topLeft=%s\n", panes.Freeze, panes.YSplit, panes.TopLeftCell)
	page, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(b, "page: %s fitToWidth=%d fitToHeight=%d\n", deref(page.Orientation), deref(page.FitToWidth), deref(page.FitToHeight))
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range merged {
		fmt.Fprintf(b, "merged: %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
	}
}

func dumpCell(c cellInfo) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %q", c.Ref, c.Type, c.Raw)
	if c.Shown != c.Raw {
		fmt.Fprintf(&b, " shown=%q", c.Shown)
	}
	if c.Formula != "" {
		fmt.Fprintf(&b, " formula=%q", c.Formula)
	}
	if c.Format != "" {
		fmt.Fprintf(&b, " format=%q", c.Format)
	}
	if c.Link != "" {
		fmt.Fprintf(&b, " link=%q", c.Link)
	}
	if c.Rich != "" {
		fmt.Fprintf(&b, " rich=%s", c.Rich)
	}
	b.WriteString("\n")
	return b.String()
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
