package cwo

// ForgetPositions drops where each field of each record was written, keeping the file names:
// a few kilobytes per order. Diagnostics made afterwards point at their file's first line. The
// render pipeline calls it once the workspace is checked and the outputs planned.
func (w *Workspace) ForgetPositions() {
	if w.Contractor != nil {
		w.Contractor.Src.pos = nil
	}
	for _, p := range w.Projects {
		p.Src.pos = nil
	}
	for _, f := range w.Funders {
		f.Src.pos = nil
	}
	for _, o := range w.Orders {
		o.Src.pos = nil
	}
	for _, b := range w.Brochures {
		b.Src.pos = nil
	}
	for _, p := range w.Progress {
		p.Src.pos = nil
	}
}

// ForgetReportData drops the progress notes, the contributions and the timesheet index, which
// only reports read: afterwards the workspace has no progress and no time entries. The render
// pipeline calls it when a run plans no report.
func (w *Workspace) ForgetReportData() {
	w.Progress, w.PRs, w.time = nil, nil, nil
}
