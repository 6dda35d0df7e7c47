// Package golden compares test output with files under testdata/<Test>/<case>.golden. Run the
// tests with -update to rewrite them; on a mismatch the actual output is written beside the
// golden file as <case>.got for a diff.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// Check compares got with testdata/<test name>/<name>.golden.
func Check(t *testing.T, name, got string) {
	t.Helper()
	test := strings.SplitN(t.Name(), "/", 2)[0]
	path := filepath.Join("testdata", test, name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the tests with -update to create it)", err)
	}
	gotPath := strings.TrimSuffix(path, ".golden") + ".got"
	if string(want) != got {
		os.WriteFile(gotPath, []byte(got), 0o644)
		t.Errorf("%s differs from %s (see %s; rerun with -update if the change is intended)", name, path, gotPath)
		return
	}
	os.Remove(gotPath)
}
