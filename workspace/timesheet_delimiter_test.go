package workspace

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// TestTimesheetOtherDelimiter: a file in cwo's columns but with another delimiter gets one
// message that names the delimiter and the setting, not one "header has no column" per column.
func TestTimesheetOtherDelimiter(t *testing.T) {
	for _, tc := range []struct{ name, csv, want string }{
		{"semicolon", "date;order;person;item;hours;note\n2026-10-02;O-1;Priya;simd;3,5;x\n",
			`timesheets/de.csv:1: error: the header seems to use ";" between columns, not ",": to read the file as it is, add to cwo.yaml  timesheets: [{files: timesheets/de.csv, delimiter: ";"}]  (see docs/importing.md)`},
		{"tab", "date\torder\tperson\thours\n",
			`timesheets/de.csv:1: error: the header seems to use "\t" between columns, not ","`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diags := ReadTimesheet(strings.NewReader(tc.csv), "timesheets/de.csv", nil, func(cwo.TimeEntry) {})
			if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), tc.want) {
				t.Errorf("diagnostics = %v, want one starting %q", diags, tc.want)
			}
		})
	}
	if d := otherDelimiter([]string{"datum"}); d != "" {
		t.Errorf(`otherDelimiter("datum") = %q, want ""`, d)
	}
}
