package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/internal/pdftest"
)

// buildCWO compiles the cwo binary into a temporary folder.
func buildCWO(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "cwo")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigWorkspace copies the base workspace and adds n copies of order O-1.
func bigWorkspace(t *testing.T, n int) string {
	t.Helper()
	dir := baseCopy(t)
	data, err := os.ReadFile(filepath.Join(dir, "orders", "O-1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		text := strings.Replace(string(data), "title: Faster NumPy", fmt.Sprintf("title: Faster NumPy, part %d", i), 1)
		os.WriteFile(filepath.Join(dir, "orders", fmt.Sprintf("B-%03d.yaml", i)), []byte(text), 0o644)
	}
	return dir
}

// checkOutputs asserts every PDF is complete, no temp file or lock remains, and the manifest
// matches the files.
func checkOutputs(t *testing.T, out string, wantLock bool) {
	t.Helper()
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf"))
	for _, p := range pdfs {
		pdftest.QPDFCheck(t, p)
	}
	temps, _ := filepath.Glob(filepath.Join(out, "*", ".*.tmp"))
	if len(temps) > 0 {
		t.Errorf("temporary files remain: %v", temps)
	}
	if _, err := os.Stat(filepath.Join(out, ".cwo.lock")); (err == nil) != wantLock {
		t.Errorf("lock file present = %v, want %v", err == nil, wantLock)
	}
	var m struct {
		Outputs []struct{ Path, SHA256 string }
	}
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil || json.Unmarshal(data, &m) != nil {
		t.Fatalf("manifest unreadable: %v", err)
	}
	for _, e := range m.Outputs {
		file, err := os.ReadFile(filepath.Join(out, e.Path))
		sum := sha256.Sum256(file)
		if err != nil || hex.EncodeToString(sum[:]) != e.SHA256 {
			t.Errorf("manifest entry %s does not match the file (%v)", e.Path, err)
		}
	}
}

// startRender starts a render of dir into out and waits until it has written n new files.
func startRender(t *testing.T, bin, dir, out string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "render", dir, "--out", out, "--only", "agreements", "--jobs", "2")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if n, _ := filepath.Glob(filepath.Join(out, "agreements", "B-0*.pdf")); len(n) >= 5 {
			return cmd
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the render wrote nothing within 20 s")
	return nil
}

func TestKillMidwayLosesNothing(t *testing.T) {
	bin := buildCWO(t)
	dir, out := bigWorkspace(t, 120), filepath.Join(t.TempDir(), "out")
	if b, err := exec.Command(bin, "render", dir, "--out", out, "--only", "agreements").CombinedOutput(); err != nil {
		t.Fatalf("first render: %v\n%s", err, b)
	}
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	tmpl, _ := os.ReadFile("../../templates/agreement.md.tmpl")
	os.WriteFile(filepath.Join(dir, "templates", "agreement.md.tmpl"), append(tmpl, []byte("\nAmended.\n")...), 0o644)
	os.RemoveAll(filepath.Join(out, "agreements"))
	cmd := startRender(t, bin, dir, out)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	pdfs, _ := filepath.Glob(filepath.Join(out, "agreements", "*.pdf"))
	for _, p := range pdfs {
		pdftest.QPDFCheck(t, p)
	}
	if b, err := exec.Command(bin, "render", dir, "--out", out, "--only", "agreements").CombinedOutput(); err != nil {
		t.Fatalf("re-run after kill: %v\n%s", err, b)
	}
	checkOutputs(t, out, false)
}

func TestInterruptStopsCleanly(t *testing.T) {
	bin := buildCWO(t)
	dir, out := bigWorkspace(t, 120), filepath.Join(t.TempDir(), "out")
	cmd := startRender(t, bin, dir, out)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit code after SIGINT = %d (%v), want 130", code, err)
	}
	checkOutputs(t, out, false)
}

func TestConcurrentRunRefused(t *testing.T) {
	dir, out := baseCopy(t), filepath.Join(t.TempDir(), "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, ".cwo.lock"), []byte(fmt.Sprintf("%d\n", os.Getppid())), 0o644)
	code, _, stderr := cwoRun(t, "render", dir, "--out", out)
	if code != 1 || !strings.Contains(stderr, "another cwo render (pid") {
		t.Errorf("render with a live lock: exit %d, %q; want 1 and a lock message", code, stderr)
	}
	if pdfs, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf")); len(pdfs) > 0 {
		t.Errorf("a locked run wrote %v", pdfs)
	}
}
