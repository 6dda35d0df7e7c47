package workspace

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchRows is the number of rows of the benchmark's timesheet file: a fifth of the 1,000,000
// rows of `make bench`, in one file.
const benchRows = 200_000

// writeBenchTimesheet writes a timesheet of benchRows rows in cwo's own format, as
// internal/benchws writes them (dates across a year, 400 orders, notes of varied length, some
// quoted), and returns the workspace folder.
func writeBenchTimesheet(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "timesheets"), 0o755); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "timesheets", "bench.csv"))
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "date,order,person,item,hours,note")
	people := []string{"Priya Raman", "Zoë Martin", "Łukasz Nowak", "Ελένη Παπαδοπούλου"}
	for i := range benchRows {
		note := fmt.Sprintf("Review feedback on PR #%d", 20000+i%5000)
		if i%7 == 0 {
			note = fmt.Sprintf("\"Dispatch, part %d\"", i%9)
		}
		fmt.Fprintf(w, "2026-%02d-%02d,CWO-2026-%03d,%s,item-%d,%d.%d,%s\n",
			i%12+1, i%28+1, i%400, people[i%len(people)], i%5, 1+i%7, (i%4)*25%100, note)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkScanTimesheet measures the load's scan of one large timesheet in cwo's format: the
// path the 1,000,000 rows of `make bench` take.
func BenchmarkScanTimesheet(b *testing.B) {
	dir := writeBenchTimesheet(b)
	fsys, err := openFiles(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s := scanTimesheet(fsys, "timesheets/bench.csv", 0, &timeSettings{}, nil)
		if s.rows != benchRows || len(s.diags) > 0 {
			b.Fatalf("rows %d, diagnostics %v", s.rows, s.diags)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchRows, "ns/row")
}

// BenchmarkScanTimesheetFor measures LoadOrders' scan of the same file for two orders.
func BenchmarkScanTimesheetFor(b *testing.B) {
	dir := writeBenchTimesheet(b)
	fsys, err := openFiles(dir)
	if err != nil {
		b.Fatal(err)
	}
	orders := map[string]bool{"CWO-2026-007": true, "CWO-2026-123": true}
	b.ReportAllocs()
	for b.Loop() {
		s := scanTimesheetFor(fsys, "timesheets/bench.csv", 0, &timeSettings{}, orders)
		if s.rows != 2*benchRows/400 || len(s.diags) > 0 {
			b.Fatalf("rows %d, diagnostics %v", s.rows, s.diags)
		}
	}
}
