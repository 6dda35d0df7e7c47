package cwo

import (
	"fmt"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"
)

// Date is a calendar date with no time of day or zone. The zero value means "not set".
type Date struct{ t time.Time }

// dateLayout is the only accepted spelling of a date in data files.
const dateLayout = "2006-01-02"

// ParseDate parses YYYY-MM-DD and rejects impossible dates such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	if d, ok := parseDateFast(s); ok {
		return d, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil || len(s) != len(dateLayout) {
		if msg := impossibleDay(s); msg != "" {
			return Date{}, fmt.Errorf("%q: %s", s, msg)
		}
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// impossibleDay explains a date in the right form whose month has no such day ("February 2026
// has no day 30"), or a month that does not exist; it returns "" for anything else.
func impossibleDay(s string) string {
	if len(s) != len(dateLayout) || s[4] != '-' || s[7] != '-' {
		return ""
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	switch {
	case !ok1 || !ok2 || !ok3:
		return ""
	case m < 1 || m > 12:
		return fmt.Sprintf("there is no month %d (the form is YYYY-MM-DD)", m)
	case d < 1:
		return "there is no day 0"
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d > last {
		return fmt.Sprintf("%s %d has no day %d", time.Month(m), y, d)
	}
	return ""
}

// parseDateFast reads a well-formed YYYY-MM-DD without time.Parse; it refuses anything else
// (including impossible days), which ParseDate then reports through time.Parse.
func parseDateFast(s string) (Date, bool) {
	if len(s) != len(dateLayout) || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, false // February 30 and the like
	}
	return Date{t}, true
}

// digits reads a run of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// MustDate parses s and panics on error; for tests and constants only.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// NewDate returns the date y-m-d, normalizing overflow as time.Date does.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// UnmarshalYAML accepts an unquoted or quoted YYYY-MM-DD scalar.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!timestamp" && n.ShortTag() != "!!str") {
		return fmt.Errorf("expected a date (YYYY-MM-DD), got %s", DescribeYAML(n))
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String returns YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// Time returns the date at midnight UTC.
func (d Date) Time() time.Time { return d.t }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Equal reports whether d and e are the same day.
func (d Date) Equal(e Date) bool { return d.t.Equal(e.t) }

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths returns d plus n calendar months (normalized like time.AddDate).
func (d Date) AddMonths(n int) Date { return Date{d.t.AddDate(0, n, 0)} }

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.t.Sub(d.t).Hours() / 24) }

// Format formats the date with a time layout, e.g. "January 2, 2006".
func (d Date) Format(layout string) string { return d.t.Format(layout) }

// Within reports whether d lies in [from, to], both inclusive.
func (d Date) Within(from, to Date) bool { return !d.Before(from) && !d.After(to) }

// MaxDate returns the later of the dates, ignoring unset ones.
func MaxDate(ds ...Date) Date {
	var m Date
	for _, d := range ds {
		if d.After(m) {
			m = d
		}
	}
	return m
}

// MarshalJSON writes YYYY-MM-DD (or "" when unset), for canonical hashing.
func (d Date) MarshalJSON() ([]byte, error) { return []byte(`"` + d.String() + `"`), nil }

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(data []byte) error {
	s, err := strconv.Unquote(string(data))
	if err != nil {
		return fmt.Errorf("date: %s is not a JSON string", data)
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
