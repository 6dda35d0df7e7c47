package fpdf

import (
	"bytes"
	"testing"
	"time"
)

// TestInfoDatesCarryTheirZone checks that the document information's dates say their offset from
// UT, +hh'mm' or -hh'mm' (+00'00' in UT).
func TestInfoDatesCarryTheirZone(t *testing.T) {
	tests := []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 9, 29, 0, 0, 0, 0, time.UTC), "(D:20260929000000+00'00')"},
		{time.Date(2026, 9, 29, 10, 30, 0, 0, time.FixedZone("CEST", 2*3600)), "(D:20260929103000+02'00')"},
		{time.Date(2026, 9, 29, 10, 30, 0, 0, time.FixedZone("NST", -(3*3600+30*60))), "(D:20260929103000-03'30')"},
	}
	for _, tt := range tests {
		pdf := NewCustom(&InitType{UnitStr: "pt", Size: SizeType{Wd: 200, Ht: 200}})
		pdf.SetCompression(false)
		pdf.SetCreationDate(tt.at)
		pdf.SetModificationDate(tt.at)
		pdf.AddPage()
		out := output(t, pdf)
		for _, key := range []string{"/CreationDate ", "/ModDate "} {
			if !bytes.Contains(out, []byte(key+tt.want)) {
				t.Errorf("%s of %v: want %s%s in the PDF", key, tt.at, key, tt.want)
			}
		}
	}
}
