package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/render"
)

// build validates the workspace and renders what changed into the preview folder, then records
// the outcome: on success the new documents, on failure only the problems, so that the last good
// documents stay visible.
func (s *server) build(ctx context.Context) {
	start := time.Now()
	settings, err := s.opt.Settings(s.dir)
	if err != nil {
		s.record(settingsProblems(err), nil, start)
		return
	}
	jobs := s.opt.Jobs
	if jobs <= 0 {
		jobs = settings.Jobs
	}
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	res, err := render.Run(ctx, s.dir, settings, render.Options{OutDir: s.preview, Jobs: jobs, Log: io.Discard})
	if ctx.Err() != nil {
		return
	}
	if res == nil {
		res = &render.Result{}
	}
	problems := append(resultProblems(res), s.notes(res)...)
	if err != nil {
		if !errors.Is(err, render.ErrInvalid) {
			problems = append(problems, problem{File: "render", Error: true, Message: err.Error()})
		}
		s.record(problems, nil, start)
		return
	}
	s.record(problems, s.documents(res.Workspace, res), start)
}

// record stores a build's outcome and logs it.
func (s *server) record(problems []problem, docs *documents, start time.Time) {
	snap := s.store.update(problems, docs, time.Since(start))
	errs, warns := snap.Counts()
	state := "documents updated"
	if docs == nil {
		state = "showing the last good documents"
	}
	fmt.Fprintf(s.log, "checked in %.2fs: %d %s, %d %s; %s\n", snap.Took.Seconds(),
		errs, plural(errs, "error"), warns, plural(warns, "warning"), state)
	for _, p := range problems {
		if p.Error {
			fmt.Fprintf(s.log, "  %s: %s\n", p.Where(), p.Message)
		}
	}
}

// resultProblems lists validation problems, then failed documents by path.
func resultProblems(res *render.Result) []problem {
	var ps []problem
	for _, d := range res.Diagnostics {
		ps = append(ps, problem{File: d.File, Line: d.Pos.Line, Col: d.Pos.Col, Error: d.Severity == cwo.Error, Message: d.Message})
	}
	failures := slices.SortedFunc(slices.Values(res.Failures), func(a, b render.Failure) int { return strings.Compare(a.Path, b.Path) })
	for _, f := range failures {
		ps = append(ps, problem{File: f.Path, Error: true, Message: "not rendered: " + f.Err.Error()})
	}
	return ps
}

// settingsProblems lists what is wrong with the settings: each broken rule where its value came
// from (config.Load's diagnostics), or the one error that stopped reading cwo.yaml.
func settingsProblems(err error) []problem {
	var diags cwo.Diagnostics
	if !errors.As(err, &diags) {
		return []problem{{File: "cwo.yaml", Error: true, Message: trimFile(err.Error(), "cwo.yaml")}}
	}
	return resultProblems(&render.Result{Diagnostics: diags})
}

// noted are the notes a document got when it was last rendered, from inputs with hash.
type noted struct {
	hash  string
	notes []string
}

// notes returns the render notes of every planned document as warnings, in path order. A
// document that this incremental run did not render keeps the notes of its last render.
func (s *server) notes(res *render.Result) []problem {
	var ps []problem
	for _, j := range res.Planned {
		prev, ok := s.noted[j.Path]
		if !ok || prev.hash != j.Hash || j.Notes != nil {
			prev = noted{hash: j.Hash, notes: j.Notes}
			s.noted[j.Path] = prev
		}
		for _, n := range prev.notes {
			ps = append(ps, problem{File: j.Path, Message: n})
		}
	}
	slices.SortStableFunc(ps, func(a, b problem) int { return strings.Compare(a.File, b.File) })
	return ps
}

// trimFile removes a leading "file: " that the problem's File already says.
func trimFile(msg, file string) string { return strings.TrimPrefix(msg, file+": ") }

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
