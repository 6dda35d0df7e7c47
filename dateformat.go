package cwo

import (
	"fmt"
	"strings"
	"time"
)

// DateFormat is a way of writing dates in a time tracker's export, such as "DD.MM.YYYY" or
// "MM/DD/YYYY": the parts YYYY (four digits), YY (two, in 2000–2099), MM or M (the month) and
// DD or D (the day), each once, between any separators that are not letters or digits. A month
// or a day is read with one digit or two whichever the format says, as exports drop leading
// zeros inconsistently ("5.10.2026" and "05.10.2026" are both DD.MM.YYYY).
type DateFormat struct {
	text  string
	parts []datePart
}

// datePart is one field of a date format, or the separator text before the next.
type datePart struct {
	field byte   // 'Y' (four digits), 'y' (two), 'M', 'D'; 0 for a separator
	sep   string // the separator, when field is 0
}

// ParseDateFormat reads a date format such as "DD.MM.YYYY".
func ParseDateFormat(s string) (DateFormat, error) {
	f := DateFormat{text: s}
	seen := map[byte]bool{}
	for i := 0; i < len(s); {
		c := s[i]
		if !isASCIILetterOrDigit(c) {
			j := i
			for j < len(s) && !isASCIILetterOrDigit(s[j]) {
				j++
			}
			f.parts = append(f.parts, datePart{sep: s[i:j]})
			i = j
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		field, err := dateField(s[i:j])
		if err != nil {
			return DateFormat{}, fmt.Errorf("date format %q: %w", s, err)
		}
		key := field
		if key == 'y' {
			key = 'Y'
		}
		if seen[key] {
			return DateFormat{}, fmt.Errorf("date format %q names the %s twice", s, fieldName(key))
		}
		seen[key] = true
		f.parts = append(f.parts, datePart{field: field})
		i = j
	}
	for _, k := range []byte{'Y', 'M', 'D'} {
		if !seen[k] {
			return DateFormat{}, fmt.Errorf("date format %q has no %s (write it like DD.MM.YYYY, MM/DD/YYYY or YYYY-MM-DD)", s, fieldName(k))
		}
	}
	return f, nil
}

// dateField names the field a run of one letter stands for.
func dateField(run string) (byte, error) {
	switch run {
	case "YYYY":
		return 'Y', nil
	case "YY":
		return 'y', nil
	case "MM", "M":
		return 'M', nil
	case "DD", "D":
		return 'D', nil
	}
	return 0, fmt.Errorf("%q is not a part of a date: use YYYY or YY, MM or M, DD or D", run)
}

func fieldName(k byte) string {
	switch k {
	case 'Y':
		return "year"
	case 'M':
		return "month"
	}
	return "day"
}

func isASCIILetterOrDigit(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// String returns the format as it was written.
func (f DateFormat) String() string { return f.text }

// Parse reads a date written in the format, and rejects a day the month does not have.
func (f DateFormat) Parse(s string) (Date, error) {
	y, m, d, ok := f.fields(s)
	if !ok {
		return Date{}, fmt.Errorf("%q is not a date in the form %s", s, f.text)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("%q is not a date in the form %s: there is no month %d", s, f.text, m)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return Date{}, fmt.Errorf("%q is not a date in the form %s: %s %d has no day %d", s, f.text, time.Month(m), y, d)
	}
	return Date{t}, nil
}

// fields reads the year, month and day of s; false when s does not follow the format.
func (f DateFormat) fields(s string) (y, m, d int, ok bool) {
	for i, p := range f.parts {
		if p.field == 0 {
			if !strings.HasPrefix(s, p.sep) {
				return 0, 0, 0, false
			}
			s = s[len(p.sep):]
			continue
		}
		lo, hi := 1, 2
		switch {
		case p.field == 'Y':
			lo, hi = 4, 4
		case p.field == 'y' || f.adjacent(i):
			lo = 2 // next to another field without a separator, a field has all its digits
		}
		n := 0
		for n < hi && n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n < lo {
			return 0, 0, 0, false
		}
		v, _ := digits(s[:n])
		s = s[n:]
		switch p.field {
		case 'Y':
			y = v
		case 'y':
			y = 2000 + v
		case 'M':
			m = v
		case 'D':
			d = v
		}
	}
	return y, m, d, s == ""
}

// adjacent reports whether part i touches another field, with no separator between them.
func (f DateFormat) adjacent(i int) bool {
	return i > 0 && f.parts[i-1].field != 0 || i+1 < len(f.parts) && f.parts[i+1].field != 0
}
