package workspace_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

// twoTimesheets adds a second timesheet file (sorted after q4.csv) with a quoted multi-line
// note, a row without a trailing newline and a row of another order between O-1's rows.
var twoTimesheets = edit{"timesheets/r4.csv", "", "date,hours,order,person,note,item\n" +
	"2026-11-05,1.25,O-1,Priya Raman,\"two\nlines\",simd\n" +
	"2026-11-06,3,O-2,Zoë Martin,,docs\n" +
	"2026-12-30,0:45,O-1,Priya Raman,last,release"}

func TestPeriodEntriesReadInFileOrder(t *testing.T) {
	ws := loadBase(t, twoTimesheets)
	q4 := cwo.Period{Year: 2026, Quarter: 4}
	entries, err := ws.PeriodEntries("O-1", q4)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.File+":"+strconv.Itoa(e.Line)+" "+e.Date.String()+" "+e.Item+" "+e.Hours.String()+" "+e.Note)
	}
	want := []string{
		"timesheets/q4.csv:2 2026-10-02 simd 6.5 Dispatch, part 1",
		"timesheets/q4.csv:3 2026-10-03 release 2 Release notes",
		"timesheets/r4.csv:2 2026-11-05 simd 1.25 two\nlines",
		"timesheets/r4.csv:5 2026-12-30 release 0.75 last",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("entries:\n%q\nwant\n%q", got, want)
	}
	if n := ws.TimeEntryCount(); n != 6 {
		t.Errorf("TimeEntryCount = %d, want 6", n)
	}
	if h := ws.LoggedHours("O-1").String(); h != "10.5" {
		t.Errorf("LoggedHours(O-1) = %s, want 10.5", h)
	}
	r := ws.NewReport(ws.Order("O-1"), q4)
	if r.HoursPeriod.String() != "10.5" || r.Items[0].HoursPeriod.String() != "7.75" {
		t.Errorf("report hours %s, simd %s; want 10.5 and 7.75", r.HoursPeriod, r.Items[0].HoursPeriod)
	}
	oct, _ := ws.PeriodEntries("O-1", cwo.Period{Year: 2026, Month: 10})
	if len(oct) != 2 {
		t.Errorf("October has %d entries of O-1, want 2", len(oct))
	}
}

func TestTimeDigestFollowsEntries(t *testing.T) {
	q4 := cwo.Period{Year: 2026, Quarter: 4}
	base := loadBase(t, twoTimesheets)
	same := loadBase(t, twoTimesheets)
	note := loadBase(t, twoTimesheets, edit{"timesheets/q4.csv", "Release notes", "Release notes, v2"})
	other := loadBase(t, twoTimesheets, edit{"timesheets/q4.csv", "2026-10-04,O-2,Zoë Martin,docs,3,", "2026-10-04,O-2,Zoë Martin,docs,4,"})
	if base.TimeDigest("O-1", q4) != same.TimeDigest("O-1", q4) {
		t.Error("the same timesheets give different digests")
	}
	if base.TimeDigest("O-1", q4) == note.TimeDigest("O-1", q4) {
		t.Error("changing a note of O-1 does not change O-1's digest")
	}
	if base.TimeDigest("O-1", q4) != other.TimeDigest("O-1", q4) {
		t.Error("changing a row of O-2 changes O-1's digest")
	}
	if base.TimeDigest("O-2", q4) == other.TimeDigest("O-2", q4) {
		t.Error("changing a row of O-2 does not change O-2's digest")
	}
}

func TestPeriodEntriesNoticesAChangedFile(t *testing.T) {
	dir := copyBase(t)
	ws, diags := workspace.Load(dir, cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	path := filepath.Join(dir, "timesheets", "q4.csv")
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), "O-1,", "O-2,", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ws.PeriodEntries("O-1", cwo.Period{Year: 2026, Quarter: 4})
	if err == nil || !strings.Contains(err.Error(), "changed while cwo was running") {
		t.Errorf("err = %v, want a changed-file error", err)
	}
}

// TestTimesheetRulesReportEveryRow checks that rows breaking rules of their order are each
// reported with their line, in every file, after the summary check finds them.
func TestTimesheetRulesReportEveryRow(t *testing.T) {
	dir := copyBase(t, twoTimesheets,
		edit{"timesheets/q4.csv", "2026-10-03,O-1,Priya Raman,release", "2026-10-03,O-1,Priya Raman,relase"},
		edit{"timesheets/r4.csv", "2026-12-30,0:45,O-1", "2027-12-30,0:45,O-1"},
		edit{"timesheets/r4.csv", "2026-11-06,3,O-2", "2026-11-06,3,O-9"})
	var got []string
	for _, d := range check(t, dir, cwo.ValidateOptions{}) {
		got = append(got, d.String())
	}
	want := []string{
		`timesheets/q4.csv:3: error: column item: "relase" is not in order O-1's scope (did you mean "release"?)`,
		`timesheets/r4.csv:4: error: column order: order "O-9" is not defined`,
		`timesheets/r4.csv:5: error: column date: 2027-12-30 is outside order O-1's term`,
	}
	if len(got) != len(want) {
		t.Fatalf("diagnostics:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}

// TestLoadOrdersMatchesLoad checks that a load limited to some orders gives those orders the
// same time entries, digests and reports as a full load, including a quoted note that spans
// lines and a file without a final newline.
func TestLoadOrdersMatchesLoad(t *testing.T) {
	dir := copyBase(t, twoTimesheets, edit{"timesheets/r4.csv", "2026-11-06,3,O-2", "2026-11-06,3,O-1,\"O-2 \"\"quoted\"\"\nO-2\",simd\n2026-11-06,3,O-2"})
	full, diags := workspace.Load(dir, cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	part, diags := workspace.LoadOrders(dir, cwo.DefaultSettings(), []string{"O-2"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(part.Orders) != 1 || part.Orders[0].ID != "O-2" || len(part.Projects) != len(full.Projects) {
		t.Fatalf("LoadOrders read orders %v and %d projects", part.Orders, len(part.Projects))
	}
	if part.Order("O-1") != nil || part.LoggedHours("O-1").Sign() != 0 {
		t.Error("LoadOrders read O-1 or its time")
	}
	if d := cwo.Validate(part, cwo.ValidateOptions{AsOf: full.AsOf()}); d.HasErrors() {
		t.Errorf("the partial workspace does not validate: %v", d)
	}
	q4 := cwo.Period{Year: 2026, Quarter: 4}
	want, _ := full.PeriodEntries("O-2", q4)
	got, err := part.PeriodEntries("O-2", q4)
	if err != nil || len(got) != len(want) || len(got) != 2 {
		t.Fatalf("entries: %v, %v; want %v", got, err, want)
	}
	for i := range got {
		if got[i].Line != want[i].Line || got[i].Note != want[i].Note || got[i].Hours.Cmp(want[i].Hours) != 0 {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if part.TimeDigest("O-2", q4) != full.TimeDigest("O-2", q4) {
		t.Error("digests differ")
	}
	if a, b := full.NewReport(full.Order("O-2"), q4), part.NewReport(part.Order("O-2"), q4); a.HoursToDate.Cmp(b.HoursToDate) != 0 || a.Earned.ToDate.Cmp(b.Earned.ToDate) != 0 {
		t.Errorf("reports differ: %s/%s vs %s/%s", a.HoursToDate, a.Earned.ToDate, b.HoursToDate, b.Earned.ToDate)
	}
}
