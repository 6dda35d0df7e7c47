package xlsx_test

import (
	"path/filepath"
	"testing"

	"github.com/cwo-tool/cwo"
	loader "github.com/cwo-tool/cwo/workspace"
)

// TestSampleReportsInLibreOffice renders the report of every sample order and period with data,
// opens them all in LibreOffice with recalculation, also with every cached formula value set to
// 0, and checks that every figure it computes equals the figure cached in the workbook, and the
// totals.
func TestSampleReportsInLibreOffice(t *testing.T) {
	ws, diags := loader.Load("../../samples", cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	dir := t.TempDir()
	var books, stale []string
	var reports []*cwo.Report
	for _, o := range ws.Orders {
		for _, p := range ws.ReportPeriods(o) {
			r := ws.NewReport(o, p)
			reports = append(reports, r)
			data := render(t, r)
			books = append(books, save(t, dir, o.ID+"-"+p.String()+".xlsx", data))
			stale = append(stale, save(t, dir, o.ID+"-"+p.String()+"-stale.xlsx", staleCache(t, data)))
		}
	}
	if len(books) < 5 {
		t.Fatalf("only %d sample reports; the samples should have two quarters for the active orders", len(books))
	}
	out, cached := filepath.Join(dir, "csv"), filepath.Join(dir, "cached")
	soffice(t, true, append([]string{"--convert-to", csvFilter, "--outdir", out}, append(books, stale...)...)...)
	soffice(t, false, append([]string{"--convert-to", csvFilter, "--outdir", cached}, books...)...)
	for _, r := range reports {
		name := r.Order.ID + "-" + r.Period.String()
		t.Run(name, func(t *testing.T) {
			checkTotals(t, filepath.Join(out, name), r)
			checkSame(t, filepath.Join(out, name), filepath.Join(cached, name))
			checkSame(t, filepath.Join(out, name+"-stale"), filepath.Join(cached, name))
		})
	}
}
