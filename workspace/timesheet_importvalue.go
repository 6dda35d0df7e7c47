package workspace

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cwo-tool/cwo"
)

// date reads a date in one of the rule's formats.
func (r *importRule) date(s string) (cwo.Date, error) {
	var first error
	for _, f := range r.dates {
		d, err := f.Parse(s)
		if err == nil {
			return d, nil
		}
		if first == nil {
			first = err
		}
	}
	if len(r.dates) > 1 {
		forms := make([]string, len(r.dates))
		for i, f := range r.dates {
			forms[i] = f.String()
		}
		return cwo.Date{}, fmt.Errorf("%q is not a date in any of the forms %s (cwo.yaml %s.dates)", s, strings.Join(forms, ", "), r.name)
	}
	return cwo.Date{}, fmt.Errorf("%v (cwo.yaml %s.dates sets the form)", first, r.name)
}

// moment reads when an entry started or ended: a date in one of the rule's formats and a time
// of day ("10/05/2026 01:30:00 PM"), or a time of day alone, on day. dated says whether s had
// a date.
func (r *importRule) moment(s string, day cwo.Date) (t time.Time, dated bool, err error) {
	clock := s
	if d, rest, ok := strings.Cut(s, " "); ok && !isClockPart(rest) {
		if day, err = r.date(d); err != nil {
			return time.Time{}, false, err
		}
		clock, dated = rest, true
	}
	secs, err := timeOfDay(clock)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("%q is not a time of day (like 13:30, 13:30:00 or 1:30 PM), with or without a date before it", s)
	}
	if day.IsZero() {
		return time.Time{}, false, fmt.Errorf("%q has no date, and the row has no date column", s)
	}
	return day.Time().Add(time.Duration(secs) * time.Second), dated, nil
}

// isClockPart reports whether s is the AM or PM after a time of day.
func isClockPart(s string) bool {
	s = strings.ToUpper(strings.TrimSpace(s))
	return s == "AM" || s == "PM"
}

// timeOfDay reads "H:MM", "H:MM:SS", either with AM or PM after it, as seconds since midnight.
func timeOfDay(s string) (int, error) {
	s = strings.TrimSpace(s)
	half := ""
	if u := strings.ToUpper(s); strings.HasSuffix(u, "AM") || strings.HasSuffix(u, "PM") {
		half, s = u[len(u)-2:], strings.TrimSpace(s[:len(s)-2])
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, errors.New("not a time")
	}
	var hms [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || (i > 0 && (len(p) != 2 || n > 59)) || len(p) > 2 {
			return 0, errors.New("not a time")
		}
		hms[i] = n
	}
	switch {
	case half == "" && hms[0] > 23, half != "" && (hms[0] < 1 || hms[0] > 12):
		return 0, errors.New("not a time")
	case half == "AM" && hms[0] == 12:
		hms[0] = 0
	case half == "PM" && hms[0] < 12:
		hms[0] += 12
	}
	return hms[0]*3600 + hms[1]*60 + hms[2], nil
}

// hours reads a duration: decimal hours (with the rule's decimal mark) or H:MM[:SS].
func (r *importRule) hours(s string) (cwo.Hours, error) {
	if s == "" {
		return cwo.Hours{}, errors.New("is empty")
	}
	switch {
	case r.comma && strings.Contains(s, ".") && !strings.Contains(s, ":"):
		return cwo.Hours{}, fmt.Errorf("%q is not hours with a decimal comma (like 3,5), as cwo.yaml %s.decimal says", s, r.name)
	case r.comma:
		s = strings.Replace(s, ",", ".", 1)
	case strings.Contains(s, ",") && !strings.Contains(s, ":"):
		return cwo.Hours{}, fmt.Errorf("%q is not hours (like 7.5 or 7:30); for a decimal comma, set decimal: \",\" in cwo.yaml %s", s, r.name)
	}
	h, err := parseHours(s)
	if err == nil && h.Sign() < 0 {
		return cwo.Hours{}, fmt.Errorf("%q is less than no time", s)
	}
	return h, err
}
