package workspace

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// endless is a reader of one byte repeated without end, like a timesheet without line breaks
// that is larger than memory.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// big is 8 MiB of one byte: enough to pass the limit, little enough for a reader without one.
func big(b byte) io.Reader { return io.LimitReader(endless(b), 8<<20) }

// A record that never ends stops the reading at the limit, reported at its file and line,
// instead of growing until memory runs out.
func TestTimesheetRecordSizeIsBounded(t *testing.T) {
	head := "date,order,person,hours\n2026-10-02,O-1,P,1\n"
	for _, tc := range []struct {
		name string
		r    io.Reader
		want string
	}{
		{"one endless line", io.MultiReader(strings.NewReader(head+"2026-10-03,O-1,"), big('x')), "t.csv:3: error: a record is longer than 1048576 bytes"},
		{"an unclosed quote", io.MultiReader(strings.NewReader(head+"2026-10-03,O-1,\""), big('\n')), "error: a record is longer than 1048576 bytes"},
		{"a header without end", big(','), "t.csv:1: error: cannot read the header row: a record is longer than 1048576 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := 0
			diags := ReadTimesheet(tc.r, "t.csv", nil, func(cwo.TimeEntry) { rows++ })
			if len(diags) != 1 || !strings.Contains(diags[0].String(), tc.want) {
				t.Errorf("diagnostics %v, want one containing %q", diags, tc.want)
			}
		})
	}
}

// Both readers refuse a record of limit+1 bytes and accept one of limit bytes, so that a run
// limited to some orders reads what a full load accepted.
func TestRecordLimitIsTheSameForBothReaders(t *testing.T) {
	const limit = 100
	header := "date,order,person,hours,note\n"
	row := func(n int) string { // a record of n bytes, its line break included
		base := "2026-10-02,O-1,P,1,"
		return base + strings.Repeat("n", n-len(base)-1) + "\n"
	}
	for _, tc := range []struct {
		n    int
		fits bool
	}{{limit, true}, {limit + 1, false}} {
		data := header + row(tc.n)
		_, diags := readTimesheetLimit(strings.NewReader(data), "t.csv", nil, limit, func(cwo.TimeEntry, []string, rowSpan) {})
		if got := len(diags) == 0; got != tc.fits {
			t.Errorf("readTimesheet, record of %d bytes: %v", tc.n, diags)
		}
		err := rawRecordsLimit(strings.NewReader(data), limit, func([]byte, int64, int) {})
		var tooLong tooLongError
		if got := err == nil; got != tc.fits || (!tc.fits && (!errors.As(err, &tooLong) || tooLong.line != 2)) {
			t.Errorf("rawRecords, record of %d bytes: %v", tc.n, err)
		}
	}
}

// A reader that never ends stops at the limit too.
func TestTimesheetWithoutEnd(t *testing.T) {
	diags := ReadTimesheet(io.MultiReader(strings.NewReader("date,order,person,hours\n"), endless('x')), "t.csv", nil, func(cwo.TimeEntry) {})
	if len(diags) != 1 || !strings.Contains(diags[0].String(), "t.csv:2: error: a record is longer than") {
		t.Errorf("diagnostics %v", diags)
	}
}
