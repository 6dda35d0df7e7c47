package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An output folder that overlaps the inputs is refused, naming the flag or the setting: outputs
// there would be read as inputs, and later edits to the inputs would go unseen.
func TestRenderRefusesOutputOverlappingInputs(t *testing.T) {
	for _, tc := range []struct {
		name   string
		out    func(ws string) string // --out, "" for none
		config string                 // cwo.yaml
		want   string
	}{
		{"out is the workspace", func(ws string) string { return ws }, "", "--out: the output folder"},
		{"out contains the workspace", func(ws string) string { return filepath.Dir(ws) }, "", "contains the workspace"},
		{"out in orders", func(ws string) string { return filepath.Join(ws, "orders", "pdf") }, "", "--out: the output folder"},
		{"output: orders", nil, "output: orders\n", `output "orders" (cwo.yaml or CWO_OUTPUT): the output folder`},
		{"output: .", nil, "output: .\n", "is the workspace folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws := filepath.Join(t.TempDir(), "ws")
			if err := os.CopyFS(ws, os.DirFS("../../testdata/base")); err != nil {
				t.Fatal(err)
			}
			args := []string{"render", ws}
			if tc.out != nil {
				args = append(args, "--out", tc.out(ws))
			}
			if tc.config != "" {
				os.WriteFile(filepath.Join(ws, "cwo.yaml"), []byte(tc.config), 0o644)
			}
			code, out, errOut := cwoRun(t, args...)
			if code == 0 || !strings.Contains(errOut, tc.want) {
				t.Errorf("cwo %s = %d\n%s%s\nwant a failure saying %q", strings.Join(args, " "), code, out, errOut, tc.want)
			}
			if _, err := os.Stat(filepath.Join(ws, "agreements")); err == nil {
				t.Error("agreements/ was written into the workspace")
			}
		})
	}
	ws := baseCopy(t)
	if code, out, errOut := cwoRun(t, "render", ws); code != 0 {
		t.Errorf("cwo render with the default out/ = %d\n%s%s", code, out, errOut)
	}
}
