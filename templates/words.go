package templates

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo"
)

// smallNumbers are the words for the whole numbers that spelled writes out.
var smallNumbers = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", "twenty"}

// spelled writes a whole number up to twenty as a contract does, in words with the figure after
// it ("two (2)"), as the template writes "thirty (30) days"; any other number as number does.
func spelled(d cwo.Decimal, locale string) string {
	if n, err := cwo.ParseDecimal(d.String()); err == nil {
		d = n
	}
	s := d.String()
	for i, w := range smallNumbers {
		if s == strconv.Itoa(i) {
			return w + " (" + s + ")"
		}
	}
	return formatHours(d, locale)
}

// linkTarget finds an inline link that is not an image, with an absolute web or mail address:
// [text](destination "title").
var linkTarget = regexp.MustCompile(`(^|[^!\\])\[([^\[\]]*)\]\(((?:https?|mailto):[^()\s]+)(?:\s+"[^"]*")?\)`)

// linkRefs rewrites each inline link of the Markdown src whose text hides its address as its
// text followed by the address in parentheses ("PEP 703 (https://peps.python.org/pep-0703/)"),
// so that a printed copy of the agreement keeps the reference. A link whose text is its address
// stays as it is; code spans are left alone.
func linkRefs(src string) string {
	if !strings.Contains(src, "](") {
		return src
	}
	var out strings.Builder
	for i, part := range splitCode(src) {
		if i%2 == 1 { // a code span, as written
			out.WriteString(part)
			continue
		}
		out.WriteString(linkTarget.ReplaceAllStringFunc(part, func(m string) string {
			p := linkTarget.FindStringSubmatch(m)
			before, text, dest := p[1], p[2], p[3]
			shown := strings.TrimPrefix(strings.TrimPrefix(dest, "mailto:"), "https://")
			if text == dest || text == shown || strings.TrimSpace(text) == "" {
				return m
			}
			if addr, ok := strings.CutPrefix(dest, "mailto:"); ok && !strings.ContainsAny(addr, "?<>") {
				dest = addr // an e-mail autolink prints the address alone
			}
			return before + text + " (<" + dest + ">)"
		}))
	}
	return out.String()
}

// splitCode splits src into text and code spans, alternately: the even parts are text, the odd
// ones code spans with their backticks (a run of backticks up to the next run of the same length).
// An unmatched run of backticks is text.
func splitCode(src string) []string {
	var parts []string
	at, i := 0, 0
	for i < len(src) {
		if src[i] != '`' {
			i++
			continue
		}
		n := 0
		for i+n < len(src) && src[i+n] == '`' {
			n++
		}
		end := closingRun(src, i+n, n)
		if end < 0 {
			i += n
			continue
		}
		parts = append(parts, src[at:i], src[i:end])
		at, i = end, end
	}
	return append(parts, src[at:])
}

// closingRun is the index just after the first run of exactly n backticks in src from i, or -1.
func closingRun(src string, i, n int) int {
	for i < len(src) {
		if src[i] != '`' {
			i++
			continue
		}
		m := 0
		for i+m < len(src) && src[i+m] == '`' {
			m++
		}
		if m == n {
			return i + m
		}
		i += m
	}
	return -1
}
