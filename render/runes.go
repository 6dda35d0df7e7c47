package render

import (
	"slices"
	"unicode/utf8"
)

// nonASCII returns the distinct non-ASCII characters of b, in order (see Job.Runes).
func nonASCII(b []byte) string {
	var rs []rune
	for _, r := range string(b) {
		if r >= utf8.RuneSelf {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return string(slices.Compact(rs))
}
