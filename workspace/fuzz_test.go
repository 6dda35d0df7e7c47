package workspace

import (
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// FuzzReadTimesheet feeds arbitrary CSV to the timesheet reader: no panic, every good row has a
// date and positive-or-checked hours, every problem names the file and a line. With a record
// limit of 64 bytes, no row longer than that is accepted, and every problem has a line too.
func FuzzReadTimesheet(f *testing.F) {
	f.Add("date,order,person,item,hours,note\n2026-10-02,O-1,Priya,simd,6.5,\"a, b\"\n")
	f.Add("date,order,person,hours\n2026-10-02,O-1,P,x\n")
	f.Add("\"unterminated\n")
	f.Add("date,order,person,item,hours\r\n2026-02-30,O,P,,1e9\r\n")
	f.Add("date,order,person,hours,note\n2026-10-02,O-1,P,1,\"" + strings.Repeat("long\n", 20) + "\"\n")
	f.Fuzz(func(t *testing.T, data string) {
		const limit = 64
		_, limited := readTimesheetLimit(strings.NewReader(data), "t.csv", nil, limit, func(e cwo.TimeEntry, _ []string, span rowSpan) {
			if span.n > limit {
				t.Fatalf("accepted a record of %d bytes, over the limit of %d", span.n, limit)
			}
		})
		for _, d := range limited {
			if d.File != "t.csv" || d.Pos.Line < 1 {
				t.Fatalf("diagnostic without file or line: %+v", d)
			}
		}
		diags := ReadTimesheet(strings.NewReader(data), "t.csv", nil, func(e cwo.TimeEntry) {
			if e.Date.IsZero() || e.Line < 2 {
				t.Fatalf("entry without a date or line: %+v", e)
			}
		})
		for _, d := range diags {
			if d.File != "t.csv" || d.Pos.Line < 1 {
				t.Fatalf("diagnostic without file or line: %+v", d)
			}
		}
	})
}

// FuzzContributionsJSON feeds arbitrary bytes to the gh pr list reader.
func FuzzContributionsJSON(f *testing.F) {
	f.Add([]byte(`[{"number":1,"title":"t","url":"https://x.org/pull/1","state":"MERGED","createdAt":"2026-10-03T14:21:09Z","mergedAt":"2026-11-02T09:00:00Z","closedAt":null,"author":{"login":"a"}}]`))
	f.Add([]byte(`[{"number":"x"}]`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[null, 1, "a"]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		prs, diags := parseContributions("c.json", data)
		for _, c := range prs {
			if c.URL == "" || c.Opened.IsZero() {
				t.Fatalf("accepted a contribution without url or opened date: %+v", c)
			}
		}
		for _, d := range diags {
			if d.Pos.Line < 1 {
				t.Fatalf("diagnostic without a line: %+v", d)
			}
		}
	})
}
