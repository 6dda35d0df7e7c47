package workspace_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

// loadWith loads the base workspace with one more timesheet file and the given imports.
func loadWith(t *testing.T, rel, text string, imports ...cwo.TimesheetImport) (*cwo.Workspace, string) {
	t.Helper()
	s := cwo.DefaultSettings()
	for i := range imports {
		imports[i].Index = i
	}
	s.Timesheet.Imports = imports
	ws, diags := workspace.Load(copyBase(t, edit{rel, "", text}), s)
	if !diags.HasErrors() {
		diags = append(diags, cwo.Validate(ws, cwo.ValidateOptions{})...).Sort()
	}
	var out strings.Builder
	for _, d := range diags {
		out.WriteString(d.String() + "\n")
	}
	return ws, out.String()
}

// entriesOf lists the entries read from one file.
func entriesOf(t *testing.T, ws *cwo.Workspace, rel string) string {
	t.Helper()
	var out strings.Builder
	if err := ws.Time.FileEntries(rel, func(e cwo.TimeEntry) {
		fmt.Fprintf(&out, "%d %s %s %s %q %s|", e.Line, e.Date, e.Order, e.Person, e.Item, e.Hours)
	}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func names(pairs ...string) []cwo.ImportName {
	var out []cwo.ImportName
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, cwo.ImportName{From: pairs[i], To: pairs[i+1], At: cwo.Pos{Line: 10 + i/2, Col: 7}})
	}
	return out
}

// An orders: line that names an order without a file is one error at that line of cwo.yaml,
// not one for each of its rows.
func TestImportOrderNotDefined(t *testing.T) {
	csv := "Day,Project,User,Hours\n2026-10-05,NumPy SIMD,Priya Raman,2\n2026-10-06,NumPy SIMD,Priya Raman,3\n2026-10-07,NumPy docs,Zoë Martin,1\n"
	ws, diags := loadWith(t, "timesheets/t.csv", csv, cwo.TimesheetImport{
		Files:   []string{"timesheets/t.csv"},
		Columns: map[string][]string{"date": {"Day"}, "order": {"Project"}, "person": {"User"}, "hours": {"Hours"}},
		Orders:  names("NumPy SIMD", "O-3", "NumPy docs", "O-2"),
	})
	want := `cwo.yaml:10:7: error: timesheets[0].orders: "NumPy SIMD" maps to order "O-3", which is not defined (there is no orders/O-3.yaml) (did you mean "O-1"?)` + "\n"
	if diags != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", diags, want)
	}
	if got := entriesOf(t, ws, "timesheets/t.csv"); got != `4 2026-10-07 O-2 Zoë Martin "" 1|` {
		t.Errorf("entries %s", got)
	}
}

// items: maps a task, or one of a row's tags; a value it does not map is one error for all
// its rows, and tags that map to two keys are an error.
func TestImportItemsAndTags(t *testing.T) {
	csv := "Date,Project,Person,Tags,Hours\n" +
		"2026-10-05,SIMD,Priya Raman,\"simd, billable\",2\n" + // one tag maps
		"2026-10-05,SIMD,Priya Raman,Releases,1\n" + // the whole value maps
		"2026-10-06,SIMD,Priya Raman,billable,1\n" + // no tag maps
		"2026-10-06,SIMD,Priya Raman,\"simd, Releases\",1\n" + // two keys
		"2026-10-07,SIMD,Priya Raman,billable,1\n" +
		"2026-10-07,SIMD,Priya Raman,,1.5\n" // no item
	ws, diags := loadWith(t, "timesheets/t.csv", csv, cwo.TimesheetImport{
		Files:   []string{"timesheets/t.csv"},
		Columns: map[string][]string{"date": {"Date"}, "order": {"Project"}, "person": {"Person"}, "item": {"Tags"}, "hours": {"Hours"}},
		Orders:  names("SIMD", "O-1"),
		Items:   names("simd", "simd", "Releases", "release", "docs", ""),
	})
	for _, want := range []string{
		`timesheets/t.csv:4: error: column "Tags": "billable" is not in cwo.yaml timesheets[0].items (lines 4 and 6); map it to a scope key, or to "" for time without an item`,
		`timesheets/t.csv:5: error: column "Tags": the tags "simd, Releases" map to more than one scope key in cwo.yaml timesheets[0].items`,
	} {
		if !strings.Contains(diags, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, diags)
		}
	}
	if strings.Count(diags, "error") != 2 {
		t.Errorf("want two errors:\n%s", diags)
	}
	want := `2 2026-10-05 O-1 Priya Raman "simd" 2|3 2026-10-05 O-1 Priya Raman "release" 1|7 2026-10-07 O-1 Priya Raman "" 1.5|`
	if got := entriesOf(t, ws, "timesheets/t.csv"); got != want {
		t.Errorf("entries\n%s\nwant\n%s", got, want)
	}
}

// Hours from a start and an end: a time alone is on the row's date (the next day when it is
// earlier than the start), a date and a time in a 12-hour clock read as the date formats say.
func TestImportStartAndEnd(t *testing.T) {
	csv := "Day;From;To;Start Date;Start Time;End Date;End Time;Who;Order\n" +
		"05.10.2026;09:00;12:30;;;;;Priya Raman;O-1\n" +
		"05.10.2026;23:00;01:15;;;;;Priya Raman;O-1\n"
	ws, diags := loadWith(t, "timesheets/t.csv", csv, cwo.TimesheetImport{
		Files: []string{"timesheets/t.csv"}, Dates: []string{"DD.MM.YYYY"},
		Columns: map[string][]string{"date": {"Day"}, "start": {"From"}, "end": {"To"}, "person": {"Who"}, "order": {"Order"}},
	})
	if diags != "" {
		t.Errorf("diagnostics:\n%s", diags)
	}
	if got := entriesOf(t, ws, "timesheets/t.csv"); got != `2 2026-10-05 O-1 Priya Raman "" 3.5|3 2026-10-05 O-1 Priya Raman "" 2.25|` {
		t.Errorf("entries %s", got)
	}
	csv = "Start Date,Start Time,End Date,End Time,User,Project\n" +
		"10/05/2026,11:30:00 PM,10/06/2026,12:45:00 AM,Priya Raman,O-1\n" +
		"10/06/2026,01:00:00 PM,10/06/2026,12:00:00 PM,Priya Raman,O-1\n"
	ws, diags = loadWith(t, "timesheets/t.csv", csv, cwo.TimesheetImport{
		Files: []string{"timesheets/t.csv"}, Dates: []string{"MM/DD/YYYY"},
		Columns: map[string][]string{"start": {"Start Date", "Start Time"}, "end": {"End Date", "End Time"}, "person": {"User"}, "order": {"Project"}},
	})
	want := `timesheets/t.csv:3: error: column "End Date", "End Time": the entry ends (2026-10-06 12:00) before it starts (2026-10-06 13:00)`
	if !strings.Contains(diags, want) {
		t.Errorf("diagnostics lack %q:\n%s", want, diags)
	}
	if got := entriesOf(t, ws, "timesheets/t.csv"); got != `2 2026-10-05 O-1 Priya Raman "" 1.25|` {
		t.Errorf("entries %s", got)
	}
}

// A pattern that matches no file is a warning (a typo would else leave the export to be read
// as cwo's own CSV, or not at all); a file a pattern matches is read whatever its extension.
func TestImportPatterns(t *testing.T) {
	text := "date\torder\tperson\thours\n2026-10-05\tO-1\tPriya Raman\t2\n"
	ws, diags := loadWith(t, "timesheets/export.tsv", text,
		cwo.TimesheetImport{Files: []string{"timesheets/toggle-*.csv"}, Preset: "toggl", At: cwo.Pos{Line: 3, Col: 5}},
		cwo.TimesheetImport{Files: []string{"timesheets/*.tsv"}})
	want := "cwo.yaml:3:5: warning: timesheets[0].files (timesheets/toggle-*.csv) matches no file in timesheets/\n"
	if diags != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", diags, want)
	}
	if got := entriesOf(t, ws, "timesheets/export.tsv"); got != `2 2026-10-05 O-1 Priya Raman "" 2|` {
		t.Errorf("entries %s", got)
	}
}

// A column that the settings name must be in the file, even when cwo could do without it: a
// misspelt name is not ignored.
func TestNamedColumnMustExist(t *testing.T) {
	csv := "Date,Project,User,Hours,Description\n2026-10-05,O-1,Priya Raman,2,Dispatch\n"
	s := cwo.DefaultSettings()
	s.Timesheet.Columns = map[string]string{"date": "Date", "order": "Project", "person": "User", "hours": "Hours", "note": "Descripton"}
	_, diags := workspace.Load(copyBase(t, edit{"timesheets/t.csv", "", csv}), s)
	want := `timesheets/t.csv:1: error: header has no "Descripton" column (did you mean "Description"?)`
	if !strings.Contains(diags.Error(), want) {
		t.Errorf("diagnostics lack %q:\n%v", want, diags)
	}
	_, text := loadWith(t, "timesheets/t.csv", csv, cwo.TimesheetImport{Files: []string{"timesheets/t.csv"}, Preset: "kimai",
		Columns: map[string][]string{"order": {"Project"}, "hours": {"Hours"}, "note": {"Descripton"}}})
	want = `timesheets/t.csv:1: error: header has no "Descripton" column, which cwo.yaml timesheets[0] reads the note from (did you mean "Description"?)`
	if !strings.Contains(text, want) || strings.Contains(text, `"To"`) || strings.Contains(text, `"Activity"`) {
		t.Errorf("diagnostics lack %q, or name a preset's optional column:\n%s", want, text)
	}
}

// A preset's header names are found in another letter case too, as a tracker's next version
// may write them.
func TestImportHeaderCase(t *testing.T) {
	csv := "USER,Project,START DATE,Duration,Start date\nPriya Raman,SIMD,2026-10-05,01:30:00,2026-10-06\n"
	ws, diags := loadWith(t, "timesheets/t.csv", csv, cwo.TimesheetImport{
		Files: []string{"timesheets/t.csv"}, Preset: "toggl", Orders: names("SIMD", "O-1")})
	if diags != "" {
		t.Errorf("diagnostics:\n%s", diags)
	}
	if got := entriesOf(t, ws, "timesheets/t.csv"); got != `2 2026-10-06 O-1 Priya Raman "" 1.5|` {
		t.Errorf("entries %s (want the exact name first: Start date)", got)
	}
}

// Without orders:, a tracker's project name is one error for all its rows, saying where to
// map it, not an error for each row that its order is not defined.
func TestImportProjectNameWithoutOrders(t *testing.T) {
	csv := "User,Project,Start date,Duration\n" +
		"Priya Raman,NumPy – SIMD,2026-10-05,01:30:00\nPriya Raman,O-1,2026-10-06,1.5\nPriya Raman,NumPy – SIMD,2026-10-07,2.5\n"
	ws, diags := loadWith(t, "timesheets/t.csv", csv, cwo.TimesheetImport{Files: []string{"timesheets/t.csv"}, Preset: "toggl"})
	want := `timesheets/t.csv:2: error: column "Project": "NumPy – SIMD" is not an order ID (lines 2 and 4); map the tracker's names to orders in cwo.yaml timesheets[0].orders` + "\n"
	if diags != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", diags, want)
	}
	if got := entriesOf(t, ws, "timesheets/t.csv"); got != `3 2026-10-06 O-1 Priya Raman "" 1.5|` {
		t.Errorf("entries %s", got)
	}
}

// A file of cwo's own columns in UTF-16 (with its byte order mark) is read without settings,
// and its rows are read again at their offsets in the decoded text.
func TestUTF16WithoutSettings(t *testing.T) {
	text := "date,order,person,item,hours,note\r\n2026-10-05,O-2,Zoë Martin,docs,1.5,Ελληνικά\r\n2026-11-02,O-2,Zoë Martin,docs,2,日本語\r\n"
	u16 := []byte{0xFF, 0xFE}
	for _, r := range text {
		if r > 0xFFFF {
			t.Fatal("keep to the BMP")
		}
		u16 = append(u16, byte(r), byte(r>>8))
	}
	ws, diags := loadWith(t, "timesheets/u16.csv", string(u16))
	if diags != "" {
		t.Errorf("diagnostics:\n%s", diags)
	}
	entries, err := ws.PeriodEntries("O-2", cwo.Period{Year: 2026, Quarter: 4})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if e.File == "timesheets/u16.csv" {
			got = append(got, fmt.Sprintf("%d %s %s %s", e.Line, e.Person, e.Hours, e.Note))
		}
	}
	if want := "2 Zoë Martin 1.5 Ελληνικά|3 Zoë Martin 2 日本語"; strings.Join(got, "|") != want {
		t.Errorf("entries %q, want %q", got, want)
	}
}
