package render

import (
	"fmt"
	"io"

	"github.com/schollz/progressbar/v3"
)

// progress reports rendering as it goes: a bar on a terminal, one plain line per file elsewhere.
type progress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func newProgress(w io.Writer, terminal bool, total int) *progress {
	p := &progress{w: w}
	if w == nil {
		p.w = io.Discard
	}
	if terminal && total > 0 {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("rendering"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(30),
		)
	}
	return p
}

// done reports one finished job.
func (p *progress) done(o outcome) {
	if p.bar != nil {
		if o.err != nil {
			p.bar.Clear()
			fmt.Fprintf(p.w, "failed   %s: %v\n", o.job.Path, o.err)
		}
		p.bar.Add(1)
		return
	}
	if o.err != nil {
		fmt.Fprintf(p.w, "failed   %s: %v\n", o.job.Path, o.err)
		return
	}
	fmt.Fprintf(p.w, "%-8s %s\n", renderedWord(o.state), o.job.Path)
}

func renderedWord(state string) string {
	if state == "new" {
		return "wrote"
	}
	return "updated"
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
