package render

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// The collector's settings for the phases of a run, unless GOGC or GOMEMLIMIT set them.
//
// Loading and planning make much short-lived garbage (YAML nodes, CSV records, the JSON hashed
// for each output) while the live heap grows to its largest; with the default target the heap
// reaches twice the live size, and planning's garbage grows with the number of outputs. A
// lower target keeps that peak down for a few more collections.
//
// Rendering then has a small live heap (the workspace without what the jobs do not read), and
// each document allocates a few megabytes that die with it. It may use the memory loading
// already took: a memory limit at that size with a high target lets the collector run less
// often without the process growing.
const (
	prepareGCPercent = 50
	renderGCPercent  = 400
	// renderHeadroom is the least room above the live heap the render limit leaves.
	renderHeadroom = 64 << 20
)

// tuneGC applies a phase's settings and returns a function that restores the previous ones.
// It changes nothing when the user set GOGC or GOMEMLIMIT.
func tuneGC(percent int, limit int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	oldPercent := debug.SetGCPercent(percent)
	oldLimit := debug.SetMemoryLimit(limit)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// preparing sets the collector up for loading and planning.
func preparing() (restore func()) { return tuneGC(prepareGCPercent, math.MaxInt64) }

// rendering sets the collector up for rendering: a limit at the memory the process holds now
// (but at least renderHeadroom above the live heap), and a high target under it.
func rendering() (restore func()) {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	metrics.Read(s)
	held := s[0].Value.Uint64() - s[1].Value.Uint64()
	limit := max(held, s[2].Value.Uint64()+renderHeadroom)
	return tuneGC(renderGCPercent, int64(min(limit, math.MaxInt64)))
}
