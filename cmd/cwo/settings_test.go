package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSettingsErrorsNameTheirSource runs the real command with a broken setting from each source:
// the message names the environment variable, the flag or cwo.yaml's line and column, the run
// fails and nothing is written.
func TestSettingsErrorsNameTheirSource(t *testing.T) {
	for _, tt := range []struct {
		name, file string
		env        [2]string
		args       []string
		want       string
	}{
		{name: "env", env: [2]string{"CWO_PAPER", "A5"}, want: `cwo: CWO_PAPER=A5: error: paper must be "letter" or "a4", not "a5"`},
		{name: "flag", args: []string{"--jobs", "-1"}, want: `cwo: --jobs=-1: error: jobs must be 0 (one per CPU) or more, not -1`},
		{name: "file", file: "output: out\nlocale: xx-YY\n", want: `cwo: cwo.yaml:2:9: error: locale "xx-YY" is not a BCP 47 language tag like en-US or de-DE`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := baseCopy(t)
			if tt.file != "" {
				if err := os.WriteFile(filepath.Join(dir, "cwo.yaml"), []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.env[0] != "" {
				t.Setenv(tt.env[0], tt.env[1])
			}
			out := filepath.Join(t.TempDir(), "out")
			code, stdout, stderr := cwoRun(t, append([]string{"render", dir, "--out", out}, tt.args...)...)
			if code != exitFailed || !strings.Contains(stderr, tt.want) {
				t.Errorf("cwo render = %d, want %d with %q\n%s%s", code, exitFailed, tt.want, stdout, stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a run with broken settings wrote %s", out)
			}
		})
	}
}
