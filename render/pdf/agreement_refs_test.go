package pdf

import (
	"testing"

	"github.com/cwo-tool/cwo/markdown"
)

func TestNumberClauseRefs(t *testing.T) {
	body := `Intro, see the clause "Team".

## Parties

## Team

### Scope of the team

Changes under the clause "Team" need notice; see also the clause "Scope of the
team" and clauses "Parties", "Team" and "General". The clause "Nowhere" stays.

## General

#### Deep

## Twice

## Twice

Under the clause "Twice" nothing changes; the "Team" alone is not a reference; no clause, "Team" neither.
`
	want := `Intro, see clause 2 (Team).

## Parties

## Team

### Scope of the team

Changes under clause 2 (Team) need notice; see also clause 2.1 (Scope of the
team) and clauses 1 (Parties), 2 (Team) and 3 (General). The clause "Nowhere" stays.

## General

#### Deep

## Twice

## Twice

Under the clause "Twice" nothing changes; the "Team" alone is not a reference; no clause, "Team" neither.
`
	if got := numberClauseRefs(body); got != want {
		t.Errorf("numberClauseRefs =\n%s\nwant\n%s", got, want)
	}
	if n := clauseNumbers(nil); len(n) != 0 {
		t.Errorf("no headings: %v", n)
	}
	if got := clauseNumbers(parseBlocks("## A\n\n#### B\n\n### C\n")); got["B"] != "1.1" || got["C"] != "1.1" {
		t.Errorf("a skipped level: %v, want B and C both 1.1, as mdpdf numbers them", got)
	}
}

func parseBlocks(s string) []markdown.Block { return markdown.Parse([]byte(s)).Blocks }
