package render

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/workspace"
)

// runState is what a complete run leaves for the next one (see outdir.Record), with what it
// found in the workspace: the newest issued date, which validation and brochures depend on, and
// the warnings, which a run that loads nothing reports again. Outputs are grouped by order.
type runState struct {
	outdir.Record
	AsOf     cwo.Date         `json:"as_of"`  // the newest issued date of any order
	Newest   []string         `json:"newest"` // the orders issued on AsOf
	Warnings []cwo.Diagnostic `json:"warnings"`
}

// readState reads the state of the last complete run, or nil.
func readState(outDir string, sh outdir.Shard) *runState {
	st := &runState{}
	if !outdir.ReadState(outDir, sh, st) || !st.Complete() {
		return nil
	}
	return st
}

// keepForFullRun drops what a full run does not read of the last run's state: the input
// stamps and warnings, and, when every output renders anyway, the output stamps. It may be
// called on a nil state.
func (st *runState) keepForFullRun(force bool) {
	if st == nil {
		return
	}
	st.Inputs, st.Warnings = nil, nil
	if force {
		st.Outputs = nil
	}
}

// optionsDigest covers everything besides the workspace's files that decides what a run
// writes: cwo's version and executable, the settings, the options that select outputs, and
// the font files (which cwo.yaml may name outside the workspace).
func optionsDigest(dir string, s cwo.Settings, opt Options) string {
	s.Jobs = 0
	exe, _ := os.Executable()
	files := []string{exe}
	for _, f := range s.Fonts.Files() {
		files = append(files, config.FontPath(dir, f))
	}
	out, _ := filepath.Abs(opt.OutDir)
	only := slices.Sorted(slices.Values(opt.Only))
	return outdir.Digest(files, cwo.Version, s, out, only, opt.Shard, opt.AsOf)
}

// newestOrders returns the newest issued date of the workspace's orders and the orders issued
// on it.
func newestOrders(ws *cwo.Workspace) (cwo.Date, []string) {
	asOf := ws.AsOf()
	var ids []string
	for _, o := range ws.Orders {
		if o.Issued.Equal(asOf) {
			ids = append(ids, o.ID)
		}
	}
	return asOf, ids
}

// mergeWarnings keeps the previous run's warnings except those about files of the re-checked
// orders, adds the new ones, and drops repeats.
func mergeWarnings(prev, cur cwo.Diagnostics, orders []string) cwo.Diagnostics {
	var out cwo.Diagnostics
	for _, d := range prev {
		if id, _ := workspace.OrderOfFile(d.File); !slices.Contains(orders, id) {
			out = append(out, d)
		}
	}
	for _, d := range cur {
		if d.Severity == cwo.Warning {
			out = append(out, d)
		}
	}
	out = out.Sort()
	return slices.CompactFunc(out, func(a, b cwo.Diagnostic) bool { return a == b })
}

// warningsOf returns the warnings among diags.
func warningsOf(diags cwo.Diagnostics) []cwo.Diagnostic {
	var out []cwo.Diagnostic
	for _, d := range diags {
		if d.Severity == cwo.Warning {
			out = append(out, d)
		}
	}
	return out
}
