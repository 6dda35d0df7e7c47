package workspace_test

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

func TestTimesheetHoursAndColumns(t *testing.T) {
	csv := "Day,Client Project,User,Task,Duration,Description,Billable\n" +
		"2026-10-02,O-1,Priya,simd,7:30,\"Dispatch, part 1\",yes\n" +
		"2026-10-03,O-1,Priya,,1:20:00,Review,yes\n" +
		"2026-10-04,O-1,Priya,,2.25,,no\n"
	cols := map[string]string{"date": "Day", "order": "Client Project", "person": "User", "item": "Task", "hours": "Duration", "note": "Description"}
	var got []string
	diags := workspace.ReadTimesheet(strings.NewReader(csv), "t.csv", cols, func(e cwo.TimeEntry) {
		got = append(got, e.Date.String()+" "+e.Hours.String()+" "+e.Note)
	})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := []string{"2026-10-02 7.5 Dispatch, part 1", "2026-10-03 1.333333 Review", "2026-10-04 2.25 "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("entries = %q, want %q", got, want)
	}
	for _, bad := range []string{"7:5", "7:60", "a:30", "1:2:3:4", "-1:30"} {
		diags := workspace.ReadTimesheet(strings.NewReader("date,order,person,hours\n2026-10-02,O,P,"+bad+"\n"), "t.csv", nil, func(cwo.TimeEntry) {})
		if len(diags) != 1 || !strings.Contains(diags[0].String(), "t.csv:2: error: column hours:") {
			t.Errorf("hours %q: diagnostics %v", bad, diags)
		}
	}
}
