package xlsx_test

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render/xlsx"
)

// largeRows is the size of the large timesheet.
const largeRows = 100_000

// largeWorkspace writes a timesheet of n rows for order O-1 in 2026-Q4 (hours 0.25, 1.5 and 3.5
// in turn) and returns the workspace folder.
func largeWorkspace(t testing.TB, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("date,order,person,item,hours,note\n")
	hours := []string{"0.25", "1.5", "3.5"}
	items := []string{"simd", "release", ""}
	for i := range n {
		day := cwo.NewDate(2026, 10, 1).AddDays(i % 92)
		fmt.Fprintf(&b, "%s,O-1,Person %d,%s,%s,Row %d note\n", day, i%17, items[i%3], hours[i%3], i)
	}
	return workspace(t, map[string]string{"timesheets/q4.csv": b.String()})
}

// TestLargeTimesheet renders a report whose Timesheet has 100,000 rows and checks its total.
func TestLargeTimesheet(t *testing.T) {
	r := report(t, largeWorkspace(t, largeRows), cwo.DefaultSettings(), "O-1", "2026-Q4")
	if n := len(entries(t, r)); n != largeRows {
		t.Fatalf("report has %d entries, want %d", n, largeRows)
	}
	start := time.Now()
	data := render(t, r)
	t.Logf("%d rows: %d bytes in %v", largeRows, len(data), time.Since(start))
	var total cwo.Decimal
	for _, e := range entries(t, r) {
		total = total.Add(e.Hours)
	}
	if want := cwo.MustDecimal("174998.5"); total.Cmp(want) != 0 || r.HoursPeriod.Cmp(want) != 0 {
		t.Fatalf("entries add up to %s, report says %s; want %s", total, r.HoursPeriod, want)
	}
	_, content := parts(t, data)
	sheet := content["xl/worksheets/sheet3.xml"]
	totalCell := fmt.Sprintf(`<f>SUM(D2:D%d)</f><v>%s</v>`, largeRows+1, total)
	if !strings.Contains(sheet, totalCell) {
		t.Errorf("Timesheet has no total %s", totalCell)
	}
	if got := strings.Count(sheet, "<row "); got != largeRows+2 {
		t.Errorf("Timesheet has %d rows, want %d (header, entries, total)", got, largeRows+2)
	}
}

// BenchmarkReport100k renders a report with a 100,000-row Timesheet.
func BenchmarkReport100k(b *testing.B) {
	r := report(b, largeWorkspace(b, largeRows), cwo.DefaultSettings(), "O-1", "2026-Q4")
	b.ReportAllocs()
	for b.Loop() {
		if err := xlsx.Report(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
