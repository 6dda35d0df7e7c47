package xlsx_test

import (
	"archive/zip"
	"bytes"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/cwo-tool/cwo"
)

// TestSameBytes renders the same report 20 times in a row and from several goroutines at once,
// and from a second copy of the workspace, and expects the same bytes every time.
func TestSameBytes(t *testing.T) {
	r := report(t, workspace(t, richFiles), cwo.DefaultSettings(), "O-1", "2027-Q1")
	want := render(t, r)
	for i := range 20 {
		if got := render(t, r); !bytes.Equal(got, want) {
			t.Fatalf("run %d: %d bytes differ from the first run's %d bytes", i+2, len(got), len(want))
		}
	}
	const goroutines = 8
	got := make([][]byte, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			var err error
			if got[g], err = renderBytes(r); err != nil {
				t.Errorf("goroutine %d: %v", g, err)
			}
		})
	}
	wg.Wait()
	for g, b := range got {
		if !bytes.Equal(b, want) {
			t.Errorf("goroutine %d: output differs from the first run", g)
		}
	}
	again := render(t, report(t, workspace(t, richFiles), cwo.DefaultSettings(), "O-1", "2027-Q1"))
	if !bytes.Equal(again, want) {
		t.Error("a second copy of the workspace gives different bytes")
	}
	checkZip(t, want, time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC))
}

// checkZip expects [Content_Types].xml first, the other parts sorted by name, and every part
// dated mod.
func checkZip(t *testing.T, data []byte, mod time.Time) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(mod) {
			t.Errorf("%s is dated %s, want %s", f.Name, f.Modified, mod)
		}
	}
	if len(names) == 0 || names[0] != "[Content_Types].xml" {
		t.Fatalf("parts = %v, want [Content_Types].xml first", names)
	}
	if !sort.StringsAreSorted(names[1:]) {
		t.Errorf("parts after [Content_Types].xml are not sorted: %v", names[1:])
	}
}
