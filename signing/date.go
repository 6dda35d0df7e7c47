package signing

import (
	"fmt"
	"strings"
	"time"
)

// pdfDate renders t as a PDF date string, D:YYYYMMDDHHmmSS+HH'mm'.
func pdfDate(t time.Time) string {
	s := t.Format("20060102150405")
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("(D:%s%c%02d'%02d')", s, sign, off/3600, off%3600/60)
}

// parsePDFDate reads a PDF date string such as D:20260514102233+02'00' or D:20260514102233Z.
func parsePDFDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(s, "D:")
	s = strings.ReplaceAll(strings.TrimSuffix(s, "'"), "'", ":")
	for _, layout := range []string{"20060102150405-07:00", "20060102150405Z07:00", "20060102150405Z", "20060102150405"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
