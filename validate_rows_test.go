package cwo

import (
	"fmt"
	"strings"
	"testing"
)

// TestRowFolder: the first rows with a problem are kept, the rest counted in one message at
// the last of them; different problems fold apart.
func TestRowFolder(t *testing.T) {
	var f rowFolder
	for line := 2; line <= 11; line++ {
		f.add(Diagnostic{File: "timesheets/a.csv", Pos: Pos{Line: line}, Severity: Error, Message: `column item: "simd" is not in order O-1's scope`})
	}
	f.add(Diagnostic{File: "timesheets/a.csv", Pos: Pos{Line: 12}, Severity: Error, Message: "column person is empty"})
	var got []string
	for _, d := range f.diagnostics() {
		got = append(got, d.String())
	}
	want := []string{
		`timesheets/a.csv:2: error: column item: "simd" is not in order O-1's scope`,
		`timesheets/a.csv:3: error: column item: "simd" is not in order O-1's scope`,
		`timesheets/a.csv:4: error: column item: "simd" is not in order O-1's scope`,
		`timesheets/a.csv:11: error: column item: "simd" is not in order O-1's scope (and 7 more rows of timesheets/a.csv with this problem, up to this one)`,
		`timesheets/a.csv:12: error: column person is empty`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("folded:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
