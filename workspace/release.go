package workspace

import "github.com/cwo-tool/cwo"

// ForgetPositions drops where each field of each record of ws was written, keeping the file
// names: a few kilobytes per order. Diagnostics made afterwards point at their file's first
// line. The render pipeline calls it once the workspace is checked and the outputs planned.
func ForgetPositions(ws *cwo.Workspace) {
	forget := func(src *cwo.Source) { *src = cwo.Source{File: src.File} }
	if ws.Contractor != nil {
		forget(&ws.Contractor.Src)
	}
	for _, p := range ws.Projects {
		forget(&p.Src)
	}
	for _, f := range ws.Funders {
		forget(&f.Src)
	}
	for _, o := range ws.Orders {
		forget(&o.Src)
	}
	for _, b := range ws.Brochures {
		forget(&b.Src)
	}
	for _, p := range ws.Progress {
		forget(&p.Src)
	}
	for _, f := range ws.Finals {
		forget(&f.Src)
	}
}

// ForgetReportData drops the progress notes, the contributions and the timesheet index of ws,
// which only reports read: afterwards the workspace has no progress and no time entries. The
// render pipeline calls it when a run plans no report.
func ForgetReportData(ws *cwo.Workspace) {
	ws.Progress, ws.Finals, ws.PRs, ws.Time = nil, nil, nil, nil
}
