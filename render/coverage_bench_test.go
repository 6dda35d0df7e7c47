package render

import (
	"testing"

	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/render/pdf"
	"github.com/cwo-tool/cwo/workspace"
)

// BenchmarkCheckCoverage checks that the fonts can draw every text of the workspace, most of it
// ASCII, which must cost only the walk.
func BenchmarkCheckCoverage(b *testing.B) {
	dir := benchDir()
	s, err := config.Load(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	ws, diags := workspace.Load(dir, s)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	fonts := pdf.DefaultFonts()
	b.ReportAllocs()
	for b.Loop() {
		checkCoverage(ws, fonts)
	}
}
