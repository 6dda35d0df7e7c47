package pdf

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo/markdown"
)

// clauseRefs finds a reference to clauses by their titles, as the agreement template writes
// them: `the clause "Team"`, `clauses "Taxes", "Notices" and "General"`; a title may wrap.
var clauseRefs = regexp.MustCompile(`\b(?:(the)\s+)?(clauses?)\s+("[^"]+"(?:(?:,\s*|\s+and\s+|,\s+and\s+)"[^"]+")*)`)

// quotedTitle is one title in a reference found by clauseRefs.
var quotedTitle = regexp.MustCompile(`"([^"]+)"`)

// numberClauseRefs gives each reference to a clause by its title in the Markdown body the
// clause's number as mdpdf numbers the headings (level 2 "4", level 3 "22.1"): `the clause
// "Team"` becomes `clause 6 (Team)`, so that a printed copy can be followed like any contract.
// A title that no heading has, or more than one has, stays as written.
func numberClauseRefs(body string) string {
	numbers := clauseNumbers(markdown.Parse([]byte(body)).Blocks)
	if len(numbers) == 0 {
		return body
	}
	return clauseRefs.ReplaceAllStringFunc(body, func(m string) string {
		p := clauseRefs.FindStringSubmatch(m)
		word, run := p[2], p[3] // p[1], "the", goes: "the clause 6" reads worse than "clause 6"
		numbered := false
		run = quotedTitle.ReplaceAllStringFunc(run, func(q string) string {
			n := numbers[strings.Join(strings.Fields(q[1:len(q)-1]), " ")]
			if n == "" {
				return q
			}
			numbered = true
			return n + " (" + q[1:len(q)-1] + ")"
		})
		if !numbered {
			return m
		}
		return word + " " + run
	})
}

// clauseNumbers maps each heading title of blocks to its number as mdpdf gives it
// (mdpdf.Renderer.number: level 2 "4", level 3 "4.1", a skipped level left out), without the
// final period; a title that more than one heading has maps to "".
func clauseNumbers(blocks []markdown.Block) map[string]string {
	numbers := map[string]string{}
	var counters [5]int // levels 2 to 6
	var walk func([]markdown.Block)
	walk = func(blocks []markdown.Block) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *markdown.Heading:
				if b.Level < 2 {
					continue
				}
				title := strings.Join(strings.Fields(markdown.InlineText(b.Inlines)), " ")
				num := nextNumber(counters[:], b.Level)
				if _, dup := numbers[title]; dup {
					num = ""
				}
				numbers[title] = num
			case *markdown.Quote:
				walk(b.Blocks)
			case *markdown.List:
				for _, it := range b.Items {
					walk(it.Blocks)
				}
			}
		}
	}
	walk(blocks)
	return numbers
}

// nextNumber advances counters for a heading of level (2 to 6) and returns its number.
func nextNumber(counters []int, level int) string {
	d := min(level-2, len(counters)-1)
	counters[d]++
	for i := d + 1; i < len(counters); i++ {
		counters[i] = 0
	}
	var parts []string
	for _, c := range counters[:d+1] {
		if c > 0 {
			parts = append(parts, strconv.Itoa(c))
		}
	}
	return strings.Join(parts, ".")
}
