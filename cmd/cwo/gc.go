package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"

	"github.com/cwo-tool/cwo/render"
)

// The collector's settings for the phases of a render (see render.Phase), unless GOGC or
// GOMEMLIMIT set them. They are the command's policy: the settings are the process's, and
// render also runs inside serve and tests, which leave the collector alone.
//
// Loading and planning make much short-lived garbage (YAML nodes, CSV records, the JSON hashed
// for each output) while the live heap grows to its largest; with the default target the heap
// reaches twice the live size, and planning's garbage grows with the number of outputs. A
// lower target keeps that peak down for a few more collections.
//
// Rendering then has a small live heap (the workspace without what the jobs do not read), and
// each document allocates a few megabytes that die with it. A memory limit a fixed headroom
// above the live heap, with a high target under it, lets the collector run less often than
// the default target would while the process stays the same size however many documents it
// writes.
const (
	prepareGCPercent = 50
	renderGCPercent  = 400
	// renderHeadroom is the room above the live heap the render limit leaves; reports, whose
	// workbooks are built in memory, get twice as much.
	renderHeadroom = 64 << 20
)

// gcPolicy is the render command's render.Options.Phase: it tunes the collector for a phase and
// returns the function that restores the previous settings.
func gcPolicy(p render.Phase, res *render.Result) (restore func()) {
	switch p {
	case render.PhasePrepare:
		return preparing()
	case render.PhaseRender:
		headroom := uint64(renderHeadroom)
		if res.Counts[render.KindReports] != nil {
			headroom *= 2
		}
		return rendering(headroom)
	}
	return func() {}
}

// tuneGC applies a phase's settings and returns a function that restores the previous ones.
// It changes nothing when the user set GOGC or GOMEMLIMIT, or while another run in the process
// has its own settings in force (the settings are the process's, not a run's).
func tuneGC(percent int, limit int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || !gcTuned.CompareAndSwap(false, true) {
		return func() {}
	}
	oldPercent := debug.SetGCPercent(percent)
	oldLimit := debug.SetMemoryLimit(limit)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
		gcTuned.Store(false)
	}
}

// gcTuned is set while a phase's settings are in force.
var gcTuned atomic.Bool

// preparing sets the collector up for loading and planning.
func preparing() (restore func()) { return tuneGC(prepareGCPercent, math.MaxInt64) }

// rendering sets the collector up for rendering: a memory limit renderHeadroom above the live
// heap (what the process holds besides the heap counts too), and a high target under it. The
// limit follows what is live, not what the process happens to hold after loading, so that runs
// of 200 and 2,000 documents peak alike.
func rendering(headroom uint64) (restore func()) {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	metrics.Read(s)
	heap := s[1].Value.Uint64() + s[2].Value.Uint64() + s[3].Value.Uint64() + s[4].Value.Uint64()
	other := s[0].Value.Uint64() - heap // stacks, runtime structures: counted by the limit too
	limit := other + s[5].Value.Uint64() + headroom
	return tuneGC(renderGCPercent, int64(min(limit, math.MaxInt64)))
}
