package xlsx_test

// richFiles add a second quarter to order O-1: more periods for the spend chart, hours without
// a scope item, a pull request closed without merge, and a narrative long enough to wrap.
var richFiles = map[string]string{
	"timesheets/2027.csv": `date,order,person,item,hours,note
2027-01-10,O-1,Priya Raman,simd,12.25,"Vectorized sqrt, exp and log for AVX-512; benchmarks show 3x speed-ups"
2027-02-03,O-1,Sam Lee,release,4,Release 2.5.0rc1
2027-02-20,O-1,Sam Lee,,1.5,Team call
2027-03-05,O-1,Priya Raman,simd,7.75,Review round
`,
	"progress/O-1/2027-Q1.yaml": `summary: |
  SIMD dispatch now covers the transcendental functions. The maintainers asked for a smaller first
  pull request, so the work was split in two; the first half is under review and the second half
  was closed in favour of a new design that the maintainers prefer.
highlights:
  - "Vectorized sqrt, exp and log: 3x faster on AVX-512 machines"
  - "Release 2.5.0rc1 shipped on time"
risks:
  - "Review capacity: two maintainers are away in March"
next: ["Second half of the dispatch work", "Release 2.5.0"]
items:
  simd: {status: in-review, percent: 70, note: "Split into two pull requests", prs: [27003, 27004]}
  release: {status: done, percent: 100}
contributions:
  - {url: https://github.com/numpy/numpy/pull/27003, title: "SIMD transcendental functions, part 1", state: open, item: simd, opened: 2027-01-12}
  - {url: https://github.com/numpy/numpy/pull/27004, title: "SIMD transcendental functions (first design)", state: closed, item: simd, opened: 2027-01-05, closed: 2027-02-01}
`,
}

// Hostile text: each would be a formula if it were written as one.
const (
	evilTitle = `=HYPERLINK("http://evil.example","x")`
	evilNote  = `=1+2`
)

// hostileFiles put formula-like text everywhere data reaches a cell, and unsafe links.
var hostileFiles = map[string]string{
	"timesheets/q4.csv": `date,order,person,item,hours,note
2026-10-02,O-1,=cmd|' /C calc'!A0,simd,6.5,"=1+2"
2026-10-03,O-1,@SUM(1),release,2,+SUM(A1:A2)
2026-10-04,O-1,Priya Raman,simd,1,-2+3
2026-10-05,O-1,Priya Raman,simd,1,"@HYPERLINK(""http://evil.example"")"
`,
	"progress/O-1/2026-Q4.yaml": `summary: "=HYPERLINK(\"http://evil.example\",\"x\")"
highlights: ["+1", "-1", "@x"]
risks: ["=2*3"]
next: []
items:
  simd: {status: in-progress, percent: 40, note: "=NOW()", prs: [27001]}
contributions:
  - {url: https://github.com/numpy/numpy/pull/27001, title: "=HYPERLINK(\"http://evil.example\",\"x\")", state: merged, item: simd, opened: 2026-10-03, merged: 2026-11-02}
  - {url: "javascript:alert(1)", title: "Script link", state: open, item: simd, opened: 2026-10-04}
  - {url: "mailto:maintainers@example.org", title: "Mail link", state: open, opened: 2026-10-04}
  - {url: "HTTP://example.org/pull/5", title: "Upper-case scheme", state: open, opened: 2026-10-04}
  - {url: "ftp://example.org/pull/6", title: "FTP link", state: open, opened: 2026-10-04}
  - {url: "file:///etc/passwd", title: "File link", state: open, opened: 2026-10-04}
  - {url: "/numpy/numpy/pull/7", title: "Relative link", state: open, opened: 2026-10-04}
  - {url: "https://", title: "No host", state: open, opened: 2026-10-04}
  - {url: "http://example.org/pull/9", title: "+Plus title", state: open, opened: 2026-10-04}
`,
}
