package cldr

import "time"

// LongDate writes t as English writes a long date in the region of locale (see Region): "29
// September 2026" in most of the world, "September 29, 2026" where CLDR's English for the region
// puts the month first (the United States, Canada, the Philippines, Japan ...), "05 September
// 2026" in South Africa. A region CLDR has no English for, and a locale Check refuses, get
// international English (en-001), which writes the day first.
//
// The words are always English: cwo's documents are written in English, and a locale sets only
// the conventions of their figures.
func LongDate(t time.Time, locale string) string {
	layout, ok := longDates[Region(locale)]
	if !ok {
		layout = longDates["001"]
	}
	return t.Format(layout)
}

// MonthFirst reports whether LongDate writes the month before the day for locale.
func MonthFirst(locale string) bool {
	d := LongDate(time.Date(2006, time.January, 2, 0, 0, 0, 0, time.UTC), locale)
	return d[0] == 'J'
}
