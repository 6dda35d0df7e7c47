package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/internal/badcase"
)

// TestBadInputCorpus runs every case of testdata/bad through the real command: each must give
// its message with file and position, its exit code, and write nothing.
func TestBadInputCorpus(t *testing.T) {
	cases, err := badcase.All("../../testdata/bad")
	if err != nil || len(cases) < 40 {
		t.Fatalf("found %d bad-input cases, want at least 40 (%v)", len(cases), err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			dir := baseCopy(t)
			if err := c.SetUp(dir); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "out")
			args := []string{c.Command, dir}
			if c.Command == "render" {
				args = append(args, "--out", out)
			}
			code, stdout, stderr := cwoRun(t, args...)
			all := strings.ReplaceAll(stdout+stderr, dir+"/", "")
			if code != c.Exit {
				t.Errorf("exit %d, want %d\n%s", code, c.Exit, all)
			}
			for _, want := range c.Expect {
				if !strings.Contains(all, want) {
					t.Errorf("output lacks %q:\n%s", want, all)
				}
			}
			if _, err := os.Stat(out); c.Exit != 0 && err == nil {
				t.Errorf("a failed run wrote %s", out)
			}
		})
	}
}
