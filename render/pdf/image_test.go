package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestSharedImageDecodesOnce asks a Shared for one logo under a hundred names, from several
// goroutines, and checks that it decoded the PNG once and gave every caller what NewImage gives.
func TestSharedImageDecodesOnce(t *testing.T) {
	logo := testLogo(t)
	want, err := NewImage("logo.png", logo.Data)
	if err != nil {
		t.Fatal(err)
	}
	s := NewShared()
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			name := fmt.Sprintf("assets/p%03d.png", i)
			img, err := s.Image(name, logo.Data)
			if err != nil {
				t.Error(err)
				return
			}
			if img.Name != name || !bytes.Equal(img.Data, want.Data) {
				t.Errorf("Shared.Image(%q) = %q and %d bytes, want that name and NewImage's %d bytes", name, img.Name, len(img.Data), len(want.Data))
			}
		})
	}
	wg.Wait()
	if got := s.Stats().PNGDecodes; got != 1 {
		t.Errorf("a hundred requests for one logo decoded it %d times, want 1", got)
	}
}

// TestSharedImageErrorNamesEachFile checks that a cached failure is reported with the name it
// was asked for, not the first name the content came under.
func TestSharedImageErrorNamesEachFile(t *testing.T) {
	s := NewShared()
	for _, name := range []string{"a.png", "b.png"} {
		_, err := s.Image(name, []byte("not a png"))
		if err == nil || !strings.HasPrefix(err.Error(), name+": not a readable PNG") {
			t.Errorf("Shared.Image(%q) of a broken file: error %v, want one that starts with %q", name, err, name+": not a readable PNG")
		}
	}
	if got := s.Stats().PNGDecodes; got != 1 {
		t.Errorf("one broken file asked for twice was decoded %d times, want 1", got)
	}
}
