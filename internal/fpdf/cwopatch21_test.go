package fpdf

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestShapedBookmarks sets bookmarks while a shaped font is current and reads the outline back
// with qpdf: their titles are the UTF-8 text given, non-ASCII letters included, at their levels.
func TestShapedBookmarks(t *testing.T) {
	pdf := shapedDoc(t)
	pdf.Bookmark("Café contract: Überblick", 0, -1)
	pdf.Bookmark("1. Parties", 1, 40)
	pdf.AddPage()
	pdf.Bookmark("Signatures — Unterschriften", 0, 0)
	path := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(path, output(t, pdf), 0o644); err != nil {
		t.Fatal(err)
	}
	got := outlineTitles(t, path)
	want := []string{"0 Café contract: Überblick", "1 1. Parties", "0 Signatures — Unterschriften"}
	if len(got) != len(want) {
		t.Fatalf("outline = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("outline[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

// outlineTitles returns "LEVEL TITLE" for each outline item of the PDF at path, in order, as qpdf
// reads them.
func outlineTitles(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v\n%s", err, out)
	}
	var doc struct {
		Outlines []qpdfOutline `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	var walk func(items []qpdfOutline, level int)
	walk = func(items []qpdfOutline, level int) {
		for _, it := range items {
			titles = append(titles, string(rune('0'+level))+" "+it.Title)
			walk(it.Kids, level+1)
		}
	}
	walk(doc.Outlines, 0)
	return titles
}

type qpdfOutline struct {
	Title string        `json:"title"`
	Kids  []qpdfOutline `json:"kids"`
}
