package cwo

import (
	"path"
	"strconv"
)

// ImportColumns are the fields a timesheet import reads from a file's columns: cwo's
// TimesheetColumns, then start and end (when an entry began and ended: the hours when the
// file has no duration, and a running entry when the end is empty).
var ImportColumns = []string{"date", "order", "person", "item", "hours", "note", "start", "end"}

// TimesheetImport is one item of cwo.yaml's timesheets: how to read the timesheet files its
// patterns match, such as a time tracker's export. A preset gives the tracker's columns and
// formats; the other settings override it. Orders and Items turn the tracker's names (its
// projects, tasks or tags) into cwo's order IDs and scope keys.
type TimesheetImport struct {
	Index     int                 // its place in timesheets:, from 0
	At        Pos                 // where it starts in cwo.yaml
	Files     []string            // workspace-relative patterns ("timesheets/toggl-*.csv")
	Preset    string              // a TimesheetPresets name; "" is "csv"
	Encoding  string              // an Encodings name; "" reads UTF-8, or UTF-16 after its byte order mark
	Delimiter string              // ",", ";", "\t" or "|"; "" takes the preset's, else detects it from the header
	Decimal   string              // "." or ","; "" takes the preset's
	Dates     []string            // DateFormat texts, tried in order; nil takes the preset's
	Columns   map[string][]string // an ImportColumns field → header names, joined with spaces when several
	Orders    []ImportName        // the order column's values → order IDs; "" skips their rows
	Items     []ImportName        // the item column's values (or one of its comma-separated tags) → scope keys; "" for none
}

// ImportName maps one of a tracker's names to one of cwo's, as one line of cwo.yaml says.
type ImportName struct {
	From, To string
	At       Pos // of the line in cwo.yaml
}

// Name returns the item's name in messages: "timesheets[2]".
func (t TimesheetImport) Name() string { return "timesheets[" + strconv.Itoa(t.Index) + "]" }

// Encodings are the text encodings a timesheet import may declare: UTF-8 (with or without a
// byte order mark), UTF-16 as Excel's "Unicode text" writes it (a byte order mark, else little
// endian), and Windows-1252, the "ANSI" of Excel's "CSV (Comma delimited)" on a Western
// Windows.
var Encodings = []string{"utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1252"}

// Delimiters are the field separators a timesheet import may declare ("auto" detects).
var Delimiters = []string{",", ";", "\t", "|", "auto"}

// TimesheetPreset is what cwo knows of one time tracker's CSV export: its columns and formats.
type TimesheetPreset struct {
	Name      string              // as cwo.yaml names it, e.g. "toggl"
	Tool      string              // the tracker's name, e.g. "Toggl Track"
	Delimiter string              // "" detects it
	Decimal   string              // "." or ","
	Dates     []string            // DateFormat texts
	Columns   map[string][]string // ImportColumns field → header names
}

// TimesheetPresets are the presets a timesheet import may name, in documentation order. The
// header names are the English ones each tracker writes.
var TimesheetPresets = []TimesheetPreset{
	{Name: "toggl", Tool: "Toggl Track (detailed report)", Delimiter: ",", Decimal: ".", Dates: []string{"YYYY-MM-DD"},
		Columns: map[string][]string{
			"date": {"Start date"}, "order": {"Project"}, "person": {"User"}, "item": {"Task"},
			"hours": {"Duration"}, "note": {"Description"}, "end": {"End date", "End time"},
		}},
	{Name: "clockify", Tool: "Clockify (detailed report)", Delimiter: ",", Decimal: ".", Dates: []string{"MM/DD/YYYY"},
		Columns: map[string][]string{
			"date": {"Start Date"}, "order": {"Project"}, "person": {"User"}, "item": {"Task"},
			"hours": {"Duration (h)"}, "note": {"Description"}, "end": {"End Date", "End Time"},
		}},
	{Name: "harvest", Tool: "Harvest (detailed time report)", Delimiter: ",", Decimal: ".", Dates: []string{"YYYY-MM-DD"},
		Columns: map[string][]string{
			"date": {"Date"}, "order": {"Project"}, "person": {"First Name", "Last Name"}, "item": {"Task"},
			"hours": {"Hours"}, "note": {"Notes"},
		}},
	{Name: "kimai", Tool: "Kimai (timesheet export)", Delimiter: ",", Decimal: ".", Dates: []string{"YYYY-MM-DD"},
		Columns: map[string][]string{
			"date": {"Date"}, "order": {"Project"}, "person": {"User"}, "item": {"Activity"},
			"hours": {"Duration"}, "note": {"Description"}, "end": {"To"},
		}},
	{Name: "csv", Tool: "any CSV (cwo's columns unless mapped)", Decimal: ".", Dates: []string{"YYYY-MM-DD"},
		Columns: map[string][]string{
			"date": {"date"}, "order": {"order"}, "person": {"person"}, "item": {"item"}, "hours": {"hours"}, "note": {"note"},
		}},
}

// Preset returns the named preset ("" is "csv").
func Preset(name string) (TimesheetPreset, bool) {
	if name == "" {
		name = "csv"
	}
	for _, p := range TimesheetPresets {
		if p.Name == name {
			return p, true
		}
	}
	return TimesheetPreset{}, false
}

// PresetNames returns the names of the presets, in documentation order.
func PresetNames() []string {
	names := make([]string, len(TimesheetPresets))
	for i, p := range TimesheetPresets {
		names[i] = p.Name
	}
	return names
}

// ImportFor returns the first import whose patterns match the workspace-relative path rel (with
// forward slashes), or nil when the file is cwo's own CSV.
func (s TimesheetSettings) ImportFor(rel string) *TimesheetImport {
	for i := range s.Imports {
		for _, pat := range s.Imports[i].Files {
			if ok, err := path.Match(pat, rel); ok && err == nil {
				return &s.Imports[i]
			}
		}
	}
	return nil
}
