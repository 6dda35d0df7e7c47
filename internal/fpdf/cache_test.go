// cwo patch: tests of the Cache (cache.go). See PATCHES.md.

package fpdf

import (
	"bytes"
	"os"
	"testing"
)

// TestCacheBelongsToItsDocuments checks that what a document parses and writes goes to the
// Cache it was given and to no other: two runs in one process share nothing.
func TestCacheBelongsToItsDocuments(t *testing.T) {
	logo, err := os.ReadFile("testdata/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	used, other := NewCache(), NewCache()
	pdf := NewCustom(&InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4", Cache: used})
	pdf.AddPage()
	opt := ImageOptions{ImageType: "png"}
	pdf.RegisterImageOptionsReader("logo", opt, bytes.NewReader(logo))
	pdf.ImageOptions("logo", 10, 10, 30, 0, false, opt, 0, "")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if n := len(used.images.images); n != 1 {
		t.Errorf("the document's Cache holds %d parsed images, want 1", n)
	}
	if got, want := used.lastSize.Load(), int64(buf.Len()); got != want {
		t.Errorf("the document's Cache says the last document had %d bytes, want %d", got, want)
	}
	if len(other.images.images) != 0 || other.lastSize.Load() != 0 {
		t.Errorf("another Cache changed: %d images, last size %d", len(other.images.images), other.lastSize.Load())
	}
}
