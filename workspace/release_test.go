package workspace_test

import (
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

func TestForgetPositionsAndReportData(t *testing.T) {
	ws := loadBase(t)
	o := ws.Order("O-1")
	if p := o.Src.At("scope", 0); p.Line <= 1 {
		t.Fatalf("O-1 scope.0 is at %v before forgetting", p)
	}
	if ws.LoggedHours("O-1").Sign() == 0 || len(ws.OrderProgress("O-1")) == 0 {
		t.Fatal("the base workspace has no time or progress for O-1")
	}
	workspace.ForgetPositions(ws)
	if p := o.Src.At("scope", 0); p != (cwo.Pos{Line: 1, Col: 1}) || o.Src.File != "orders/O-1.yaml" {
		t.Errorf("after ForgetPositions: %s at %v, want orders/O-1.yaml at 1:1", o.Src.File, p)
	}
	workspace.ForgetReportData(ws)
	if ws.LoggedHours("O-1").Sign() != 0 || len(ws.OrderProgress("O-1")) != 0 || ws.TimeEntryCount() != 0 {
		t.Error("ForgetReportData kept time or progress")
	}
	if ws.Order("O-1") == nil || ws.Funder(o.Funder) == nil {
		t.Error("ForgetReportData dropped orders or funders")
	}
}
