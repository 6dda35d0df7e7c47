package xlsx_test

import (
	"path/filepath"
	"testing"

	"github.com/cwo-tool/cwo"
	loader "github.com/cwo-tool/cwo/workspace"
)

// TestSampleReportsInLibreOffice renders the report of every sample order and period with data,
// opens them all in LibreOffice with recalculation, and checks the totals it computes.
func TestSampleReportsInLibreOffice(t *testing.T) {
	ws, diags := loader.Load("../../samples", cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	dir := t.TempDir()
	var books []string
	var reports []*cwo.Report
	for _, o := range ws.Orders {
		for _, p := range ws.ReportPeriods(o) {
			r := ws.NewReport(o, p)
			reports = append(reports, r)
			books = append(books, save(t, dir, o.ID+"-"+p.String()+".xlsx", render(t, r)))
		}
	}
	if len(books) < 5 {
		t.Fatalf("only %d sample reports; the samples should have two quarters for the active orders", len(books))
	}
	out := filepath.Join(dir, "csv")
	soffice(t, true, append([]string{"--convert-to", csvFilter, "--outdir", out}, books...)...)
	for _, r := range reports {
		name := r.Order.ID + "-" + r.Period.String()
		t.Run(name, func(t *testing.T) { checkTotals(t, filepath.Join(out, name), r) })
	}
}
