package cwo

import (
	"sort"
	"strings"
)

// suggest returns the candidate closest to s by edit distance, or "" when none is close enough
// to be a likely typo. A candidate that is a prefix of s, or s of it, counts as one edit away;
// between candidates as close, the smaller true edit distance wins ("bolditalic" suggests
// "bold_italic", not "bold"), then the alphabetical order.
func suggest(s string, candidates []string) string {
	best, bestDist, bestTrue := "", len(s)/2+2, 0
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	for _, c := range sorted {
		trueDist := editDistance(s, c)
		d := trueDist
		if strings.HasPrefix(s, c) || strings.HasPrefix(c, s) {
			d = min(d, 1)
		}
		if d > max(2, len(c)/3) {
			continue
		}
		if d < bestDist || d == bestDist && trueDist < bestTrue {
			best, bestDist, bestTrue = c, d, trueDist
		}
	}
	return best
}

// DidYouMean returns ` (did you mean "x"?)` when a candidate x is a likely typo of s, else "".
func DidYouMean(s string, candidates []string) string {
	if c := suggest(s, candidates); c != "" {
		return ` (did you mean "` + c + `"?)`
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, on runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
