package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// A file name cannot forge a diagnostic line: names with line breaks or spaces are quoted.
func TestFileNamesCannotForgeDiagnostics(t *testing.T) {
	ws := baseCopy(t)
	forged := "x.yaml\nforged.yaml:1:1: error: the funder's bank account is 0000"
	if err := os.WriteFile(filepath.Join(ws, "orders", forged), []byte("title: x\n"), 0o644); err != nil {
		t.Skip("this file system refuses line breaks in names:", err)
	}
	_, out, errOut := cwoRun(t, "validate", ws)
	for _, line := range strings.Split(out+errOut, "\n") {
		if strings.HasPrefix(line, "forged.yaml") {
			t.Errorf("a file name forged the line %q in:\n%s%s", line, out, errOut)
		}
	}
	if want := `x.yaml\nforged.yaml:1:1: error: the funder's bank account is 0000"`; !strings.Contains(out, want) {
		t.Errorf("output lacks the quoted name %s:\n%s", want, out)
	}
}

// cwo init keeps outputs out of version control, so that no output is committed with its
// manifest and kept as "unchanged" by the next run.
func TestInitIgnoresOutputs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	if code, out, errOut := cwoRun(t, "init", dir); code != 0 {
		t.Fatalf("cwo init = %d\n%s%s", code, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/out/\n", ".cwo-state*.json\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf(".gitignore lacks %q:\n%s", want, data)
		}
	}
}

// A FIFO as cwo.yaml, an order or a timesheet is reported, not waited on.
func TestFIFOsAreRefusedNotWaitedOn(t *testing.T) {
	for _, rel := range []string{"cwo.yaml", "orders/O-3.yaml", "timesheets/fifo.csv"} {
		ws := baseCopy(t)
		if err := syscall.Mkfifo(filepath.Join(ws, filepath.FromSlash(rel)), 0o644); err != nil {
			t.Skip("mkfifo:", err)
		}
		for _, cmd := range []string{"validate", "render"} {
			done := make(chan string, 1)
			go func() {
				code, out, errOut := cwoRun(t, cmd, ws)
				done <- fmt.Sprintf("exit %d\n%s%s", code, out, errOut)
			}()
			select {
			case got := <-done:
				if !strings.Contains(got, "not a regular file (a FIFO)") || strings.HasPrefix(got, "exit 0") {
					t.Errorf("cwo %s with a FIFO as %s: %s", cmd, rel, got)
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("cwo %s with a FIFO as %s blocked for 30s", cmd, rel)
			}
		}
	}
}
