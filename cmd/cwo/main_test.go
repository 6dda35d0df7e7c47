package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cwoRun runs the command line in-process and returns the exit code and outputs.
func cwoRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// baseCopy copies the root package's small valid workspace into a temporary folder.
func baseCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/base")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestValidateSamples(t *testing.T) {
	code, out, errOut := cwoRun(t, "validate", "../../samples")
	if code != 0 {
		t.Fatalf("cwo validate samples = %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "no problems") {
		t.Errorf("output does not say no problems:\n%s", out)
	}
}

func TestInitThenValidate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	if code, out, errOut := cwoRun(t, "init", dir); code != 0 {
		t.Fatalf("cwo init = %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := cwoRun(t, "validate", dir); code != 0 {
		t.Fatalf("cwo validate after init = %d\n%s%s", code, out, errOut)
	}
	code, _, errOut := cwoRun(t, "init", dir)
	if code != 1 || !strings.Contains(errOut, "is not empty") {
		t.Errorf("cwo init into a non-empty folder = %d, %q; want 1 and a refusal", code, errOut)
	}
}

func TestUsageErrorExits2(t *testing.T) {
	if code, _, _ := cwoRun(t, "validate", "--no-such-flag"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if code, _, _ := cwoRun(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestStrictFailsOnWarnings(t *testing.T) {
	dir := baseCopy(t)
	path := filepath.Join(dir, "projects/numpy.yaml")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, bytes.Replace(data, []byte("2026-05-14"), []byte("2025-01-01"), 1), 0o644)
	if code, out, _ := cwoRun(t, "validate", dir); code != 0 || !strings.Contains(out, "warning: roadmap was last reviewed") {
		t.Errorf("stale roadmap without --strict: exit %d, want 0 with a warning\n%s", code, out)
	}
	if code, _, _ := cwoRun(t, "validate", "--strict", dir); code != 1 {
		t.Errorf("stale roadmap with --strict: exit %d, want 1", code)
	}
}

func TestListSamples(t *testing.T) {
	code, out, errOut := cwoRun(t, "list", "../../samples")
	if code != 0 {
		t.Fatalf("cwo list = %d\n%s", code, errOut)
	}
	for _, want := range []string{"ID", "HOURS LOGGED", "CWO-2026-001", "€150.00"} {
		if !strings.Contains(out, want) {
			t.Errorf("list output lacks %q:\n%s", want, out)
		}
	}
}

func TestBadInputNeverPanics(t *testing.T) {
	// A billion-laughs document: ten levels of nine aliases each, used under a known key.
	bomb := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for c := 'b'; c <= 'j'; c++ {
		prev := string(c - 1)
		bomb += string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
	}
	bomb += "address: *j\n"
	huge := bytes.Repeat([]byte("# padding line for a very large file\n"), 50<<20/37)
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"empty file", "funders/acme.yaml", nil, "funders/acme.yaml: error: file is empty"},
		{"whitespace only", "funders/acme.yaml", []byte("  \n\n"), "funders/acme.yaml: error: file is empty"},
		{"binary garbage", "funders/acme.yaml", []byte{0x00, 0x01, 0xfe, 0x9c, 0x12, 0x7f, 0x00}, "funders/acme.yaml:1: error: file is not valid UTF-8 text"},
		{"invalid UTF-8", "funders/acme.yaml", []byte("legal_name: Ac\xffme\n"), "funders/acme.yaml:1: error: file is not valid UTF-8 text"},
		{"alias bomb", "contractor.yaml", []byte(bomb), "contractor.yaml:10:8: error: address.0: expected text, got a list"},
		{"50 MB file", "funders/acme.yaml", huge, "data files are limited to 4194304 bytes"},
		{"CSV missing column", "timesheets/q4.csv", []byte("date,order,person,item,note\n2026-10-02,O-1,Priya,simd,x\n"), "timesheets/q4.csv:1: error: header has no \"hours\" column"},
		{"CSV short row", "timesheets/q4.csv", []byte("date,order,person,item,hours,note\n2026-10-02,O-1\n"), "timesheets/q4.csv:2: error: row has 2 fields; the header has more"},
		{"YAML syntax", "funders/acme.yaml", []byte("legal_name: [unclosed\n"), "funders/acme.yaml:1: error: YAML syntax"},
		{"JSON not JSON", "progress/O-1/contributions.json", []byte("not json"), "progress/O-1/contributions.json:1:2: error: not pull requests as gh pr list, gh search prs or the GitHub API print them"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := baseCopy(t)
			if err := os.WriteFile(filepath.Join(dir, tt.file), tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := cwoRun(t, "validate", dir)
			if code != 1 {
				t.Errorf("exit %d, want 1\n%s%s", code, out, errOut)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output lacks %q:\n%s", tt.want, out)
			}
		})
	}
}

func TestRenderCommand(t *testing.T) {
	dir := baseCopy(t)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := cwoRun(t, "render", dir, "--out", out, "--jobs", "2")
	if code != 0 {
		t.Fatalf("cwo render = %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "agreements: 2 rendered, 0 unchanged, 0 failed in ") {
		t.Errorf("summary missing:\n%s", stderr)
	}
	code, _, stderr = cwoRun(t, "render", dir, "--out", out, "--dry-run", "--only", "agreements", "--order", "O-1")
	if code != 0 || strings.TrimSpace(stderr) != "unchanged agreements/O-1-v1.pdf" {
		t.Errorf("dry run after render: exit %d, %q", code, stderr)
	}
	if code, _, _ := cwoRun(t, "render", dir, "--only", "posters"); code != 2 {
		t.Errorf("--only posters: exit %d, want 2", code)
	}
}

// TestRenderFailureExits1: a template that fails for one order is found before anything is
// written, by render as by validate; both exit 1 naming the template position and the order.
func TestRenderFailureExits1(t *testing.T) {
	dir := baseCopy(t)
	out := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	os.WriteFile(filepath.Join(dir, "templates", "agreement.md.tmpl"), []byte("{{if .Hourly}}{{.Nope}}{{end}}ok\n"), 0o644)
	code, stdout, stderr := cwoRun(t, "render", dir, "--out", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "templates/agreement.md.tmpl:1:") || !strings.Contains(stdout, "order O-2") ||
		!strings.Contains(stderr, "nothing was rendered") {
		t.Errorf("render output lacks the template error or the summary:\n%s%s", stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "agreements", "O-1-v1.pdf")); err == nil {
		t.Errorf("an agreement was written although the run had errors")
	}
	code, stdout, _ = cwoRun(t, "validate", dir)
	if code != 1 || !strings.Contains(stdout, "agreement.md.tmpl:1:") {
		t.Errorf("validate must catch the template error: exit %d\n%s", code, stdout)
	}
}

func TestShardsMakeTheSameFiles(t *testing.T) {
	whole := filepath.Join(t.TempDir(), "whole")
	if code, _, stderr := cwoRun(t, "render", "../../samples", "--out", whole); code != 0 {
		t.Fatalf("unsharded render: %d %s", code, stderr)
	}
	parts := filepath.Join(t.TempDir(), "parts")
	for k := 1; k <= 3; k++ {
		if code, _, stderr := cwoRun(t, "render", "../../samples", "--out", parts, "--shard", fmt.Sprintf("%d/3", k)); code != 0 {
			t.Fatalf("shard %d/3: %d %s", k, code, stderr)
		}
	}
	if code, out, stderr := cwoRun(t, "manifest", "merge", parts); code != 0 {
		t.Fatalf("manifest merge: %d %s%s", code, out, stderr)
	}
	a, b := treeSums(t, whole), treeSums(t, parts)
	delete(a, ".cwo-state.json") // each run's cache for the next (see render/state.go)
	for _, name := range []string{"manifest-1-of-3.json", "manifest-2-of-3.json", "manifest-3-of-3.json",
		".cwo-state-1-of-3.json", ".cwo-state-2-of-3.json", ".cwo-state-3-of-3.json"} {
		if _, ok := b[name]; !ok {
			t.Errorf("%s was not written", name)
		}
		delete(b, name)
	}
	if len(a) != len(b) {
		t.Fatalf("sharded run wrote %d files, unsharded %d", len(b), len(a))
	}
	for path, sum := range a {
		if b[path] != sum {
			t.Errorf("%s differs between the sharded and the unsharded run", path)
		}
	}
}

// treeSums maps each file under dir to its SHA-256.
func treeSums(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		h := sha256.Sum256(data)
		sums[filepath.ToSlash(rel)] = hex.EncodeToString(h[:])
		return nil
	})
	return sums
}

func TestCommandsAreListedOnce(t *testing.T) {
	root := newRoot(io.Discard, io.Discard)
	seen := map[string]bool{}
	for _, c := range root.Commands() {
		if seen[c.Name()] {
			t.Errorf("command %s is added twice", c.Name())
		}
		seen[c.Name()] = true
	}
	for _, name := range []string{"init", "validate", "list", "render", "version", "sign", "verify", "manifest", "schema", "serve"} {
		if !seen[name] {
			t.Errorf("command %s is missing", name)
		}
	}
}

// TestRenderUnknownOrder: a mistyped --order renders nothing and exits 2, naming the order it
// may have meant; --jobs -1 is refused the same way.
func TestRenderUnknownOrder(t *testing.T) {
	dir := baseCopy(t)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := cwoRun(t, "render", dir, "--out", out, "--order", "O-11")
	if code != 2 || !strings.Contains(stderr, `--order: no such order: "O-11" (did you mean "O-1"?); the workspace has O-1, O-2`) {
		t.Errorf("cwo render --order O-11 = %d\n%s%s", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		t.Errorf("a render with an unknown order wrote %d entries", len(entries))
	}
	code, _, stderr = cwoRun(t, "render", dir, "--out", out, "--jobs", "-1")
	if code == 0 || !strings.Contains(stderr, "jobs must be 0 (one per CPU) or more, not -1") {
		t.Errorf("cwo render --jobs -1 = %d\n%s", code, stderr)
	}
}
