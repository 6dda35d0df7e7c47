package cwo

// MarkdownText calls fn for every Markdown value of the data, with its file and position: roadmap
// item summaries, scope descriptions, an order's clauses and changes, progress summaries. It
// lets the Markdown package's checks (which the root cannot import) report where each value is.
func (w *Workspace) MarkdownText(fn func(file string, pos Pos, text string)) {
	for _, p := range w.Projects {
		for i, it := range p.Roadmap.Items {
			if it.Summary != "" {
				fn(p.Src.File, p.Src.At("roadmap", "items", i, "summary"), it.Summary)
			}
		}
	}
	for _, o := range w.Orders {
		for i, s := range o.Scope {
			if s.Description != "" {
				fn(o.Src.File, o.Src.At("scope", i, "description"), s.Description)
			}
		}
		for i, c := range o.Clauses {
			fn(o.Src.File, o.Src.At("clauses", i), c)
		}
		for i, c := range o.Changes {
			fn(o.Src.File, o.Src.At("changes", i), c)
		}
	}
	for _, p := range w.Progress {
		if p.Summary != "" {
			fn(p.Src.File, p.Src.At("summary"), p.Summary)
		}
	}
}
