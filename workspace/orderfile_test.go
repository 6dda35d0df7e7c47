package workspace_test

import (
	"testing"

	"github.com/cwo-tool/cwo/workspace"
)

func TestOrderOfFile(t *testing.T) {
	tests := []struct {
		rel, id string
		ok      bool
	}{
		{"orders/O-1.yaml", "O-1", true},
		{"progress/O-1/2026-Q4.yaml", "O-1", true},
		{"progress/O-1/contributions.json", "O-1", true},
		{"orders/sub/O-1.yaml", "", false},
		{"orders/O-1.yml", "", false},
		{"progress/O-1", "", false},
		{"projects/numpy.yaml", "", false},
		{"timesheets/q4.csv", "", false},
		{"contractor.yaml", "", false},
	}
	for _, tt := range tests {
		if id, ok := workspace.OrderOfFile(tt.rel); id != tt.id || ok != tt.ok {
			t.Errorf("OrderOfFile(%q) = %q, %v, want %q, %v", tt.rel, id, ok, tt.id, tt.ok)
		}
	}
}
