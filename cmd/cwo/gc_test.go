package main

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/cwo-tool/cwo/render"
)

func TestGCSettingsAreRestored(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(percent)
	restore := preparing()
	if got := debug.SetGCPercent(prepareGCPercent); got != prepareGCPercent {
		t.Errorf("while preparing GOGC = %d, want %d", got, prepareGCPercent)
	}
	restore()
	restore = rendering(renderHeadroom)
	got := debug.SetMemoryLimit(-1)
	if got == math.MaxInt64 || got < renderHeadroom {
		t.Errorf("while rendering the memory limit is %d, want the memory held (at least %d)", got, renderHeadroom)
	}
	restore()
	if p, l := debug.SetGCPercent(percent), debug.SetMemoryLimit(-1); p != percent || l != limit {
		t.Errorf("after restoring: GOGC %d, limit %d; want %d and %d", p, l, percent, limit)
	}
}

func TestGCSettingsOfOneRunAtATime(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent := debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	first := preparing()
	second := rendering(renderHeadroom) // another run, meanwhile: leaves the first's settings
	if got := debug.SetGCPercent(prepareGCPercent); got != prepareGCPercent {
		t.Errorf("a second run changed the target to %d", got)
	}
	first()
	second()
	if got := debug.SetGCPercent(percent); got != percent {
		t.Errorf("after both runs the target is %d, want %d", got, percent)
	}
}

func TestGCSettingsLeaveTheUsersAlone(t *testing.T) {
	t.Setenv("GOGC", "100")
	percent := debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	defer preparing()()
	if got := debug.SetGCPercent(percent); got != percent {
		t.Errorf("with GOGC set, preparing changed the target to %d", got)
	}
}

func TestGCPolicyGivesReportsMoreRoom(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	limitFor := func(res *render.Result) int64 {
		restore := gcPolicy(render.PhaseRender, res)
		defer restore()
		return debug.SetMemoryLimit(-1)
	}
	without := limitFor(&render.Result{Counts: map[string]*render.Count{render.KindAgreements: {}}})
	with := limitFor(&render.Result{Counts: map[string]*render.Count{render.KindReports: {}}})
	if with-without < renderHeadroom/2 {
		t.Errorf("render limit with reports %d, without %d: want about %d more", with, without, renderHeadroom)
	}
}
