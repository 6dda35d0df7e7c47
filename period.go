package cwo

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Period is a reporting period: a calendar quarter ("2026-Q4") or month ("2026-10").
type Period struct {
	Year    int
	Quarter int // 1-4 for a quarter, 0 for a month
	Month   int // 1-12 for a month, 0 for a quarter
}

var periodText = regexp.MustCompile(`^(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))$`)

// ParsePeriod parses "2026-Q4" or "2026-10".
func ParsePeriod(s string) (Period, error) {
	m := periodText.FindStringSubmatch(s)
	if m == nil {
		return Period{}, fmt.Errorf("%q is not a period (like 2026-Q4 or 2026-10)", s)
	}
	y, _ := strconv.Atoi(m[1])
	if m[2] != "" {
		q, _ := strconv.Atoi(m[2])
		return Period{Year: y, Quarter: q}, nil
	}
	mo, _ := strconv.Atoi(m[3])
	return Period{Year: y, Month: mo}, nil
}

// IsQuarter reports whether p is a calendar quarter.
func (p Period) IsQuarter() bool { return p.Quarter != 0 }

// String returns "2026-Q4" or "2026-10".
func (p Period) String() string {
	if p.IsQuarter() {
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
	}
	return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
}

// Start returns the first day of the period.
func (p Period) Start() Date {
	if p.IsQuarter() {
		return NewDate(p.Year, time.Month(3*p.Quarter-2), 1)
	}
	return NewDate(p.Year, time.Month(p.Month), 1)
}

// End returns the last day of the period.
func (p Period) End() Date {
	if p.IsQuarter() {
		return NewDate(p.Year, time.Month(3*p.Quarter+1), 0)
	}
	return NewDate(p.Year, time.Month(p.Month+1), 0)
}

// Contains reports whether d falls in the period.
func (p Period) Contains(d Date) bool { return d.Within(p.Start(), p.End()) }

// Next returns the following period of the same kind.
func (p Period) Next() Period {
	if p.IsQuarter() {
		if p.Quarter == 4 {
			return Period{Year: p.Year + 1, Quarter: 1}
		}
		return Period{Year: p.Year, Quarter: p.Quarter + 1}
	}
	if p.Month == 12 {
		return Period{Year: p.Year + 1, Month: 1}
	}
	return Period{Year: p.Year, Month: p.Month + 1}
}

// PeriodOf returns the quarter (quarterly) or month containing d.
func PeriodOf(d Date, quarterly bool) Period {
	y, m := d.t.Year(), int(d.t.Month())
	if quarterly {
		return Period{Year: y, Quarter: (m-1)/3 + 1}
	}
	return Period{Year: y, Month: m}
}

// PeriodsBetween lists the periods that overlap [from, to] in order.
func PeriodsBetween(from, to Date, quarterly bool) []Period {
	var ps []Period
	for p := PeriodOf(from, quarterly); !p.Start().After(to); p = p.Next() {
		ps = append(ps, p)
	}
	return ps
}
