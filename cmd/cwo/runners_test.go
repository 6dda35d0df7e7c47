package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchWorkspace writes a synthetic workspace of n orders with internal/benchws.
func benchWorkspace(t *testing.T, n int) string {
	t.Helper()
	gen := filepath.Join(t.TempDir(), "benchws")
	if out, err := exec.Command("go", "build", "-o", gen, "../../internal/benchws").CombinedOutput(); err != nil {
		t.Fatalf("go build benchws: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "ws")
	args := []string{"-orders", strconv.Itoa(n), "-active", "20", "-rows", "2000", "-funders", "20", "-projects", "10", "-brochures", "1", dir}
	if out, err := exec.Command(gen, args...).CombinedOutput(); err != nil {
		t.Fatalf("benchws: %v\n%s", err, out)
	}
	return dir
}

// waitFor polls until cond holds, failing the test after 60 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("timed out waiting until %s", what)
}

// countPDFs returns the number of agreements in out.
func countPDFs(out string) int {
	pdfs, _ := filepath.Glob(filepath.Join(out, "agreements", "*.pdf"))
	return len(pdfs)
}

func TestTerminateStopsCleanly(t *testing.T) {
	bin := buildCWO(t)
	dir, out := benchWorkspace(t, 300), filepath.Join(t.TempDir(), "out")
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "render", dir, "--out", out, "--only", "agreements", "--jobs", "2")
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the render wrote 5 agreements", func() bool { return countPDFs(out) >= 5 })
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 143 {
		t.Errorf("exit code after SIGTERM = %d (%v), want 143", code, cmd.ProcessState)
	}
	if !strings.Contains(stderr.String(), "cwo: interrupted by SIGTERM; finished files and the manifest are saved") {
		t.Errorf("no message after SIGTERM; stderr ends:\n%s", tail(stderr.String(), 300))
	}
	if n := countPDFs(out); n >= 300 {
		t.Fatalf("the render finished (%d agreements) before SIGTERM arrived", n)
	}
	checkOutputs(t, out, false)
	if _, err := os.Stat(filepath.Join(out, "manifest.journal")); err == nil {
		t.Error("the journal stayed after a clean stop")
	}
}

// tail returns the last n bytes of s.
func tail(s string, n int) string { return s[max(0, len(s)-n):] }

// entries reads the manifest and its journal in out: the checksums each lists for each path.
func entries(t *testing.T, out string) (manifest map[string]string, journal map[string][]string) {
	t.Helper()
	var m struct {
		Outputs []struct{ Path, SHA256 string }
	}
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil || json.Unmarshal(data, &m) != nil {
		t.Fatalf("manifest unreadable: %v", err)
	}
	manifest = map[string]string{}
	for _, e := range m.Outputs {
		manifest[e.Path] = e.SHA256
	}
	journal = map[string][]string{}
	f, err := os.Open(filepath.Join(out, "manifest.journal"))
	if err != nil {
		return manifest, journal
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e struct{ Path, SHA256 string }
		if json.Unmarshal(sc.Bytes(), &e) == nil {
			journal[e.Path] = append(journal[e.Path], e.SHA256)
		}
	}
	return manifest, journal
}

func fileSum(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// TestKillKeepsManifestTrue kills a render that rewrites every agreement midway: every file on
// disk is described by the manifest or its journal, and the next run folds them into a
// manifest.json that matches the files, with no journal left.
func TestKillKeepsManifestTrue(t *testing.T) {
	bin := buildCWO(t)
	dir, out := benchWorkspace(t, 300), filepath.Join(t.TempDir(), "out")
	render := func() *exec.Cmd {
		return exec.Command(bin, "render", dir, "--out", out, "--only", "agreements", "--jobs", "2")
	}
	if b, err := render().CombinedOutput(); err != nil {
		t.Fatalf("first render: %v\n%s", err, tail(string(b), 500))
	}
	before, _ := entries(t, out)
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	tmpl, _ := os.ReadFile("../../templates/agreement.md.tmpl")
	os.WriteFile(filepath.Join(dir, "templates", "agreement.md.tmpl"), append(tmpl, []byte("\nAmended.\n")...), 0o644)
	cmd := render()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	rewritten := func() int {
		n := 0
		for p, sum := range before {
			if s, err := os.ReadFile(filepath.Join(out, p)); err == nil && hexSum(s) != sum {
				n++
			}
		}
		return n
	}
	waitFor(t, "the render rewrote 20 agreements", func() bool { return rewritten() >= 20 })
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if n := rewritten(); n >= len(before) {
		t.Fatalf("the render finished (%d rewritten) before it was killed", n)
	}
	manifest, journal := entries(t, out)
	for p := range before {
		sum := fileSum(t, filepath.Join(out, p))
		if manifest[p] != sum && !contains(journal[p], sum) {
			t.Errorf("after kill -9, %s is on disk as %.12s, but the manifest says %.12s and the journal %v", p, sum, manifest[p], journal[p])
		}
	}
	if b, err := render().CombinedOutput(); err != nil {
		t.Fatalf("re-run after kill: %v\n%s", err, tail(string(b), 500))
	}
	checkOutputs(t, out, false)
	if _, err := os.Stat(filepath.Join(out, "manifest.journal")); err == nil {
		t.Error("the journal stayed after the re-run")
	}
}

func hexSum(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestShardsShareAFolder starts shard 2 of 2, and shard 1 of 2 into the same folder while shard 2
// is writing: both succeed, and together they write every agreement.
func TestShardsShareAFolder(t *testing.T) {
	bin := buildCWO(t)
	dir, out := benchWorkspace(t, 300), filepath.Join(t.TempDir(), "out")
	shard := func(k string) (*exec.Cmd, *bytes.Buffer) {
		var stderr bytes.Buffer
		cmd := exec.Command(bin, "render", dir, "--out", out, "--only", "agreements", "--jobs", "2", "--shard", k+"/2")
		cmd.Stderr = &stderr
		return cmd, &stderr
	}
	second, secondErr := shard("2")
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "shard 2 wrote 5 agreements", func() bool { return countPDFs(out) >= 5 })
	first, firstErr := shard("1")
	if err := first.Run(); err != nil {
		t.Errorf("shard 1: %v\n%s", err, tail(firstErr.String(), 800))
	}
	if err := second.Wait(); err != nil {
		t.Errorf("shard 2: %v\n%s", err, tail(secondErr.String(), 800))
	}
	if n := countPDFs(out); n != 300 {
		t.Errorf("the shards wrote %d agreements, want 300", n)
	}
	if temps, _ := filepath.Glob(filepath.Join(out, "*", ".*.tmp")); len(temps) > 0 {
		t.Errorf("temporary files remain: %v", temps)
	}
}
