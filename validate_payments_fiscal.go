package cwo

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// fiscalYears checks that an order whose funder is a United States public body (kind:
// government, country: US) names, where its clauses make payment subject to the funds of
// certain fiscal years, every federal fiscal year its payments fall in. A federal fiscal year
// runs from 1 October to 30 September and is named for the year it ends in.
func (v *validator) fiscalYears(o *WorkOrder) {
	f := v.ws.Funder(o.Funder)
	if f == nil || f.Kind != FunderGovernment || f.Country != "US" {
		return
	}
	for i, c := range o.Clauses {
		years := namedFiscalYears(c)
		if len(years) == 0 {
			continue
		}
		var outside []string
		missing := map[int]bool{}
		for _, p := range o.Payments {
			if fy := usFiscalYear(p.Due); !slices.Contains(years, fy) {
				outside = append(outside, p.Due.String())
				missing[fy] = true
			}
		}
		if len(outside) == 0 {
			continue
		}
		v.diags.Warnf(o.Src.File, o.Src.At("clauses", i), "clause %d names fiscal year %s, but the payments due %s fall in United States "+
			"fiscal year %s (1 October to 30 September, named for the year it ends in): name every fiscal year the payments fall in",
			i+1, joinYears(years), andList(outside), joinYears(slices.Sorted(maps.Keys(missing))))
	}
}

var (
	fiscalYearPhrase = regexp.MustCompile(`(?i)\bfiscal\s+years?\s+(\d{4}(?:\s*(?:,|and|&|to|through|-|–)\s*(?:\d{4}|fiscal\s+years?\s+\d{4}))*)|\bFY\s?(\d{4})\b`)
	fourDigits       = regexp.MustCompile(`\d{4}`)
	yearRange        = regexp.MustCompile(`(\d{4})\s*(?:to|through|-|–)\s*(\d{4})`)
)

// namedFiscalYears returns the fiscal years text names ("fiscal year 2027", "fiscal years 2027
// and 2028", "fiscal years 2027 to 2029", "FY2027"), in order, without repeats.
func namedFiscalYears(text string) []int {
	var years []int
	add := func(y int) {
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	for _, m := range fiscalYearPhrase.FindAllStringSubmatch(text, -1) {
		phrase := m[1] + m[2]
		for _, r := range yearRange.FindAllStringSubmatch(phrase, -1) {
			from, _ := strconv.Atoi(r[1])
			to, _ := strconv.Atoi(r[2])
			for y := from; y <= to && y-from < 50; y++ {
				add(y)
			}
		}
		for _, d := range fourDigits.FindAllString(phrase, -1) {
			y, _ := strconv.Atoi(d)
			add(y)
		}
	}
	slices.Sort(years)
	return years
}

// usFiscalYear is the United States federal fiscal year of d.
func usFiscalYear(d Date) int {
	t := d.Time()
	if t.Month() >= 10 {
		return t.Year() + 1
	}
	return t.Year()
}

// joinYears writes years as "2027", "2027 and 2028", "2027, 2028 and 2029".
func joinYears(years []int) string {
	s := make([]string, len(years))
	for i, y := range years {
		s[i] = strconv.Itoa(y)
	}
	return andList(s)
}

// andList joins items as "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return fmt.Sprintf("%s and %s", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}
