package workspace

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// FuzzRawRecords checks the record splitter that LoadOrders uses against encoding/csv: for
// any input csv reads without error, the raw records (blank lines aside) are csv's records,
// at the lines csv reports, and each parses alone to the same fields.
func FuzzRawRecords(f *testing.F) {
	f.Add("date,order\n2026-10-02,O-1\n")
	f.Add("a,\"b\nc\",d\r\n\n\"x\"\"y\",z")
	f.Add("\"\"\"\"\n\n\n1,2")
	f.Fuzz(func(t *testing.T, data string) {
		cr := csv.NewReader(strings.NewReader(data))
		cr.FieldsPerRecord = -1
		var want [][]string
		var lines []int
		for {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return // only well-formed files reach the splitter
			}
			line, _ := cr.FieldPos(0)
			want, lines = append(want, rec), append(lines, line)
		}
		var got [][]string
		var gotLines []int
		err := rawRecords(strings.NewReader(data), func(rec []byte, off int64, line int) {
			if !bytes.Equal(rec, []byte(data[off:off+int64(len(rec))])) {
				t.Fatalf("record at %d is not the input's bytes there", off)
			}
			if blankLine(rec) {
				return
			}
			r := csv.NewReader(bytes.NewReader(rec))
			r.FieldsPerRecord = -1
			fields, err := r.Read()
			if errors.Is(err, io.EOF) {
				return // a line of carriage returns, which csv skips too
			}
			if err != nil {
				t.Fatalf("record %q alone: %v", rec, err)
			}
			got, gotLines = append(got, fields), append(gotLines, line)
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(got, want, slices.Equal) || !slices.Equal(gotLines, lines) {
			t.Fatalf("records %q at %v, csv reads %q at %v", got, gotLines, want, lines)
		}
	})
}
