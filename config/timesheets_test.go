package config

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// The tables keep the trackers' names as written: viper would have folded "SciPy" to "scipy"
// and split "v2.0" into a nested key.
func TestImportsKeepTrackerNames(t *testing.T) {
	s, err := Load(writeConfig(t, `timesheets:
  - files: timesheets/toggl-*.csv
    preset: toggl
    orders:
      "SciPy – Array API support": CWO-2026-003
      NumPy v2.0 release: CWO-2026-001
      Internal: ~
    items: {Array API: array-api, Meetings: ""}
  - files: [timesheets/harvest.csv, timesheets/*.txt]
    preset: harvest
    Columns: {order: Project Code, person: [First Name, Last Name]}
    dates: DD.MM.YYYY
    delimiter: tab
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	imps := s.Timesheet.Imports
	if len(imps) != 2 {
		t.Fatalf("imports = %+v", imps)
	}
	want := []cwo.ImportName{
		{From: "SciPy – Array API support", To: "CWO-2026-003", At: cwo.Pos{Line: 5, Col: 7}},
		{From: "NumPy v2.0 release", To: "CWO-2026-001", At: cwo.Pos{Line: 6, Col: 7}},
		{From: "Internal", To: "", At: cwo.Pos{Line: 7, Col: 7}},
	}
	for i, w := range want {
		if i >= len(imps[0].Orders) || imps[0].Orders[i] != w {
			t.Errorf("orders[%d] = %+v, want %+v", i, imps[0].Orders, w)
		}
	}
	h := imps[1]
	if h.Index != 1 || h.At != (cwo.Pos{Line: 9, Col: 5}) || strings.Join(h.Files, "|") != "timesheets/harvest.csv|timesheets/*.txt" ||
		strings.Join(h.Columns["person"], "|") != "First Name|Last Name" || strings.Join(h.Columns["order"], "|") != "Project Code" ||
		strings.Join(h.Dates, "|") != "DD.MM.YYYY" || h.Delimiter != "\t" || len(imps[0].Items) != 2 {
		t.Errorf("second import = %+v", h)
	}
	if got := s.Timesheet.ImportFor("timesheets/x.txt"); got == nil || got.Index != 1 {
		t.Errorf("ImportFor(timesheets/x.txt) = %+v, want the second import", got)
	}
	if got := s.Timesheet.ImportFor("timesheets/2026.csv"); got != nil {
		t.Errorf("ImportFor(timesheets/2026.csv) = %+v, want none", got)
	}
}

// Every mistake in timesheets: is an error at its line and column, with the nearest name.
func TestImportMistakes(t *testing.T) {
	_, err := Load(writeConfig(t, `timesheets:
  - files: timesheets/toggl-*.csv
    preset: togl
    orders:
      "SciPy": not an id
    itmes: {a: b}
    columns: {persn: User}
    Preset: toggl
  - files: [exports/*.csv, "timesheets/[.csv"]
    dates: [DD.MM.YYY]
    delimiter: ":"
    encoding: latin1
    decimal: ";"
    columns: {hours: ""}
  - preset: kimai
  - 3
`), nil)
	for _, want := range []string{
		`cwo.yaml:3:13: error: timesheets[0].preset: "togl" is not a preset (did you mean "toggl"?)`,
		`cwo.yaml:5:7: error: timesheets[0].orders: "SciPy" maps to "not an id", which is not an order ID`,
		`cwo.yaml:6:5: error: timesheets[0]: unknown key "itmes" (did you mean "items"?)`,
		`cwo.yaml:7:15: error: timesheets[0].columns: "persn" is not one of cwo's fields (did you mean "person"?)`,
		`cwo.yaml:8:5: error: timesheets[0]: preset is set twice`,
		`cwo.yaml:9:13: error: timesheets[1].files: "exports/*.csv" must name files in timesheets/, like "timesheets/*.csv"`,
		`cwo.yaml:9:28: error: timesheets[1].files: "timesheets/[.csv" is not a pattern`,
		`cwo.yaml:10:12: error: timesheets[1].dates: date format "DD.MM.YYY": "YYY" is not a part of a date`,
		`cwo.yaml:11:16: error: timesheets[1].delimiter: ":" is not one of`,
		`cwo.yaml:12:15: error: timesheets[1].encoding: "latin1" is not one of utf-8, utf-16, utf-16le, utf-16be, windows-1252`,
		`cwo.yaml:13:14: error: timesheets[1].decimal: ";" is not "." or ","`,
		`cwo.yaml:14:14: error: timesheets[1].columns: set hours (a duration column), or start and end`,
		`cwo.yaml:15:5: error: timesheets[2].files is required`,
		`cwo.yaml:16:5: error: timesheets[3]: an import is a mapping`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
}

// A misspelt column name in the old timesheet.columns is an error too (see the loader for the
// mapped name that the file lacks).
func TestTimesheetColumnsKeys(t *testing.T) {
	_, err := Load(writeConfig(t, "timesheet:\n  columns:\n    notes: Description\n"), nil)
	if err == nil || !strings.Contains(err.Error(), `cwo.yaml:3:5: error: timesheet.columns: "notes" is not one of cwo's columns`) {
		t.Errorf("err = %v", err)
	}
}
