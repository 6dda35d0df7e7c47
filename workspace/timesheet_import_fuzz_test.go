package workspace

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// FuzzImport feeds arbitrary text to each preset's reader: no panic, every entry read has a
// date, a mapped order and positive hours, and every problem names the file and a line.
func FuzzImport(f *testing.F) {
	f.Add("toggl", "User,Project,Task,Start date,End date,End time,Duration\nZoë,P,T,2026-10-05,2026-10-05,10:00:00,01:30:00\n")
	f.Add("clockify", "\"Project\",\"User\",\"Task\",\"Start Date\",\"End Date\",\"End Time\",\"Duration (h)\"\n\"P\",\"Z\",\"T\",\"10/05/2026\",\"10/05/2026\",\"01:00:00 PM\",\"00:00:00\"\n")
	f.Add("harvest", "Date,Project,First Name,Last Name,Hours\n2026-10-05,P,Zoë,Martin,2.5\n")
	f.Add("kimai", "Date,To,Duration,User,Project,Activity\n2026-10-05,,0:00,Z,P,Development\n")
	f.Add("csv", "date;order;person;hours\n05.10.2026;P;Z;3,5\n")
	f.Add("csv", "date,order,person,hours\n2026-10-05,P,Z,-1\n")
	f.Fuzz(func(t *testing.T, preset, text string) {
		if _, ok := cwo.Preset(preset); !ok {
			return
		}
		var diags cwo.Diagnostics
		r := compileImport(cwo.TimesheetImport{Preset: preset, Dates: []string{"YYYY-MM-DD", "MM/DD/YYYY", "DD.MM.YYYY"},
			Orders: []cwo.ImportName{{From: "P", To: "O-1"}}, Items: []cwo.ImportName{{From: "T", To: "t"}}}, []string{"O-1"}, &diags)
		var imp *importFile
		st := &importStats{}
		readRecords(strings.NewReader(text), "t.csv", detectDelimiter([]byte(text)), 256, &diags, func(h []string) bool {
			var ok bool
			imp, ok = r.header(h, "t.csv", &diags)
			return ok
		}, func(rec []string, line int, _ rowSpan) {
			e, res := imp.entry(rec, "t.csv", line, st, &diags)
			if res == rowGood && (e.Date.IsZero() || e.Order != "O-1" || e.Hours.Sign() <= 0 || e.Line < 2) {
				t.Fatalf("entry %+v from %q", e, rec)
			}
		})
		if imp != nil {
			st.report(imp, "t.csv", &diags)
		}
		for _, d := range diags {
			if d.File != "t.csv" || (d.Pos.Line < 1 && d.Severity == cwo.Error) {
				t.Fatalf("diagnostic without file or line: %+v", d)
			}
		}
	})
}
