package cwo

import (
	"strings"
	"testing"
)

func TestDateFormatParse(t *testing.T) {
	for _, tc := range []struct {
		format, s, want string // want: the date, or the start of the error
	}{
		{"YYYY-MM-DD", "2026-10-05", "2026-10-05"},
		{"DD.MM.YYYY", "05.10.2026", "2026-10-05"},
		{"DD.MM.YYYY", "5.10.2026", "2026-10-05"},
		{"D.M.YYYY", "05.10.2026", "2026-10-05"},
		{"MM/DD/YYYY", "10/05/2026", "2026-10-05"},
		{"MM/DD/YYYY", "10/13/2026", "2026-10-13"},
		{"M/D/YYYY", "1/2/2027", "2027-01-02"},
		{"DD/MM/YYYY", "13/10/2026", "2026-10-13"},
		{"DD.MM.YY", "05.10.26", "2026-10-05"},
		{"YYYYMMDD", "20261005", "2026-10-05"},
		{"DD. MM. YYYY", "05. 10. 2026", "2026-10-05"},
		{"MM/DD/YYYY", "13/10/2026", `"13/10/2026" is not a date in the form MM/DD/YYYY: there is no month 13`},
		{"DD.MM.YYYY", "30.02.2026", `"30.02.2026" is not a date in the form DD.MM.YYYY: February 2026 has no day 30`},
		{"DD.MM.YYYY", "2026-10-05", `"2026-10-05" is not a date in the form DD.MM.YYYY`},
		{"DD.MM.YYYY", "05.10.26", `"05.10.26" is not a date in the form DD.MM.YYYY`},
		{"DD.MM.YYYY", "05.10.2026 09:00", `"05.10.2026 09:00" is not a date`},
		{"YYYYMMDD", "2026105", `"2026105" is not a date`},
		{"DD.MM.YYYY", "", `"" is not a date`},
	} {
		f, err := ParseDateFormat(tc.format)
		if err != nil {
			t.Fatalf("ParseDateFormat(%q): %v", tc.format, err)
		}
		d, err := f.Parse(tc.s)
		got := d.String()
		if err != nil {
			got = err.Error()
		}
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s.Parse(%q) = %q, want %q", tc.format, tc.s, got, tc.want)
		}
	}
}

func TestParseDateFormatRefuses(t *testing.T) {
	for _, tc := range []struct{ format, want string }{
		{"DD.MM.YYY", `"YYY" is not a part of a date`},
		{"DD.MM", "has no year"},
		{"YYYY-MM-DD-DD", "names the day twice"},
		{"YYYY-MM-DD hh:mm", `"hh" is not a part of a date`},
		{"", "has no year"},
	} {
		_, err := ParseDateFormat(tc.format)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseDateFormat(%q) = %v, want an error with %q", tc.format, err, tc.want)
		}
	}
}
