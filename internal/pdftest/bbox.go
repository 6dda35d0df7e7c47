package pdftest

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Line is a visual line of a page: the words that share a baseline, left to right, and their
// box in points from the page's top-left corner, as `pdftotext -bbox` reports them.
type Line struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Page is a page's size in points and its lines, top to bottom.
type Page struct {
	Width, Height float64
	Lines         []Line
}

var (
	rePage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	reWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// Lines returns the lines of every page of path: the words of Words joined when their bottoms
// are within a point of each other (pdftotext's own lines split at wide gaps, such as the one
// after a clause number or between table cells).
func Lines(t testing.TB, path string) []Page {
	t.Helper()
	pages := Words(t, path)
	for i := range pages {
		pages[i].Lines = groupLines(pages[i].Lines)
	}
	return pages
}

// Words returns the words of every page of path as `pdftotext -bbox` finds them, each as a
// Line of one word, in pdftotext's order.
func Words(t testing.TB, path string) []Page {
	t.Helper()
	out, err := Tool(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v\n%s", path, err, out)
	}
	var pages []Page
	for _, chunk := range strings.Split(string(out), "<page ")[1:] {
		m := rePage.FindStringSubmatch("<page " + chunk)
		if m == nil {
			t.Fatalf("unexpected pdftotext page header: %.80s", chunk)
		}
		p := Page{Width: atof(t, m[1]), Height: atof(t, m[2])}
		for _, w := range reWord.FindAllStringSubmatch(chunk, -1) {
			p.Lines = append(p.Lines, Line{Text: unescapeXML(w[5]), XMin: atof(t, w[1]), YMin: atof(t, w[2]),
				XMax: atof(t, w[3]), YMax: atof(t, w[4])})
		}
		pages = append(pages, p)
	}
	return pages
}

// groupLines joins words whose bottoms are within a point of each other.
func groupLines(words []Line) []Line {
	sort.SliceStable(words, func(i, j int) bool {
		if d := words[i].YMax - words[j].YMax; d < -1 || d > 1 {
			return d < 0
		}
		return words[i].XMin < words[j].XMin
	})
	var lines []Line
	for _, w := range words {
		if n := len(lines); n > 0 && w.YMax-lines[n-1].YMax < 1 && lines[n-1].YMax-w.YMax < 1 {
			l := &lines[n-1]
			l.Text += " " + w.Text
			l.XMin, l.XMax = min(l.XMin, w.XMin), max(l.XMax, w.XMax)
			l.YMin, l.YMax = min(l.YMin, w.YMin), max(l.YMax, w.YMax)
			continue
		}
		lines = append(lines, w)
	}
	return lines
}

func atof(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func unescapeXML(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
}
