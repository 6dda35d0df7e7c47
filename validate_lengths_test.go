package cwo_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

func TestFieldLengthLimits(t *testing.T) {
	const o1, numpy, q4 = "orders/O-1.yaml", "projects/numpy.yaml", "progress/O-1/2026-Q4.yaml"
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name string
		edit edit
		want string
	}{
		{"order title", edit{o1, "title: Faster NumPy", "title: " + long(301)},
			"orders/O-1.yaml:1:8: error: title is 301 characters long; at most 300 are allowed"},
		{"signatory title", edit{"contractor.yaml", "title: Director", "title: " + long(150_000)},
			"contractor.yaml:5:39: error: signatory.title is 150000 characters long; at most 300 are allowed"},
		{"tagline", edit{numpy, "tagline: The fundamental package for scientific computing with Python", "tagline: " + long(400)},
			"projects/numpy.yaml:2:10: error: tagline is 400 characters long; at most 300 are allowed"},
		{"address line", edit{"contractor.yaml", `"USA"`, long(301)},
			"contractor.yaml:3:49: error: address.2 is 301 characters long; at most 300 are allowed"},
		{"roadmap item summary", edit{numpy, "summary: Faster ufuncs.", "summary: " + long(20_001)},
			"projects/numpy.yaml:12:16: error: roadmap.items.0.summary is 20001 characters long; at most 20000 are allowed"},
		{"repository url", edit{numpy, "repository: https://github.com/numpy/numpy", "repository: https://github.com/" + long(2_000)},
			"projects/numpy.yaml:4:13: error: repository is 2019 characters long; at most 2000 are allowed"},
		{"clause", edit{o1, "reporting: {cadence: quarterly}", "reporting: {cadence: quarterly}\nclauses: [ok, " + long(20_001) + "]"},
			"orders/O-1.yaml:24:15: error: clauses.1 is 20001 characters long; at most 20000 are allowed"},
		{"progress note", edit{q4, `note: "Going well"`, "note: " + long(20_001)},
			"progress/O-1/2026-Q4.yaml:6:50: error: items.simd.note is 20001 characters long; at most 20000 are allowed"},
		{"contributions.json title", edit{"progress/O-1/contributions.json", `"Docs fix"`, `"` + long(301) + `"`},
			"progress/O-1/contributions.json:2:3: error: title is 301 characters long; at most 300 are allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := check(t, copyBase(t, tt.edit), cwo.ValidateOptions{})
			if !strings.Contains(diags.Error(), tt.want) {
				t.Errorf("diagnostics do not include\n  %s\ngot:\n  %v", tt.want, diags)
			}
		})
	}
}

// TestFieldLengthsAtTheLimit checks that limits count characters, not bytes, and allow the
// limit itself.
func TestFieldLengthsAtTheLimit(t *testing.T) {
	dir := copyBase(t,
		edit{"orders/O-1.yaml", "title: Faster NumPy", "title: " + strings.Repeat("Ω", cwo.MaxLineLength)},
		edit{"projects/numpy.yaml", "summary: Faster ufuncs.", "summary: " + strings.Repeat("é", cwo.MaxTextLength)})
	if diags := check(t, dir, cwo.ValidateOptions{}); len(diags) > 0 {
		t.Errorf("fields at their limit are refused:\n%v", diags)
	}
}

// TestFourMiBTitleRefused gives an order a 4 MiB title (more than a data file may hold, so it is
// set after loading) and checks that validation refuses it, with the title's position.
func TestFourMiBTitleRefused(t *testing.T) {
	ws, diags := workspace.Load(copyBase(t), cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	ws.Order("O-1").Title = strings.Repeat("x", 4<<20)
	want := "orders/O-1.yaml:1:8: error: title is 4194304 characters long; at most 300 are allowed"
	if got := cwo.Validate(ws, cwo.ValidateOptions{}); !strings.Contains(got.Error(), want) {
		t.Errorf("diagnostics do not include\n  %s\ngot:\n  %v", want, got)
	}
}
