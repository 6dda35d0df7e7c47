package outdir_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/outdir"
)

func TestManifestStateAndRoundTrip(t *testing.T) {
	dir := t.TempDir()
	sum, err := outdir.WriteHashed(filepath.Join(dir, "a", "x.pdf"), func(w io.Writer) error {
		_, err := w.Write([]byte("content"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m := outdir.ReadManifest(dir, outdir.ManifestName) // missing: empty
	noKnown := func(string) (string, bool) { return "", false }
	if got := m.State(dir, "a/x.pdf", "h1", noKnown); got != outdir.New {
		t.Errorf("state without an entry = %s, want new", got)
	}
	m.Set(outdir.Entry{Path: "a/x.pdf", Kind: "a", InputHash: "h1", SHA256: sum})
	m.Set(outdir.Entry{Path: "a/old.pdf", Kind: "a", InputHash: "h0", SHA256: "00"})
	if err := m.Filter("v9", func(e outdir.Entry) bool { return e.Path != "a/old.pdf" }).Write(filepath.Join(dir, outdir.ManifestName)); err != nil {
		t.Fatal(err)
	}
	m = outdir.ReadManifest(dir, outdir.ManifestName)
	if m.Version != "v9" || len(m.Outputs) != 1 || m.Entry("a/old.pdf") != nil {
		t.Fatalf("read back %+v, want version v9 and only a/x.pdf", m)
	}
	for _, c := range []struct {
		name, hash string
		known      func(string) (string, bool)
		want       string
	}{
		{"same file and inputs", "h1", noKnown, outdir.Unchanged},
		{"other inputs", "h2", noKnown, outdir.Changed},
		{"file vouched for with another sum", "h1", func(string) (string, bool) { return "ff", true }, outdir.Changed},
	} {
		if got := m.State(dir, "a/x.pdf", c.hash, c.known); got != c.want {
			t.Errorf("%s: state = %s, want %s", c.name, got, c.want)
		}
	}
	os.WriteFile(filepath.Join(dir, "a", "x.pdf"), []byte("edited"), 0o644)
	if got := m.State(dir, "a/x.pdf", "h1", noKnown); got != outdir.Changed {
		t.Errorf("state of an edited file = %s, want changed", got)
	}
	os.Remove(filepath.Join(dir, "a", "x.pdf"))
	if got := m.State(dir, "a/x.pdf", "h1", noKnown); got != outdir.New {
		t.Errorf("state of a deleted file = %s, want new", got)
	}
}

func TestMergeManifests(t *testing.T) {
	dir := t.TempDir()
	for k, path := range []string{"a.pdf", "b.pdf"} {
		m := &outdir.Manifest{Outputs: []outdir.Entry{{Path: path, SHA256: "00"}}}
		sh := outdir.Shard{K: k + 1, N: 2}
		if err := m.Write(filepath.Join(dir, sh.ManifestName())); err != nil {
			t.Fatal(err)
		}
	}
	n, err := outdir.MergeManifests(dir, "v1")
	if err != nil || n != 2 {
		t.Fatalf("MergeManifests = %d, %v; want 2 outputs", n, err)
	}
	if m := outdir.ReadManifest(dir, outdir.ManifestName); m.Version != "v1" || len(m.Outputs) != 2 {
		t.Errorf("merged manifest %+v, want version v1 and two outputs", m)
	}
	os.Remove(filepath.Join(dir, "manifest-2-of-2.json"))
	if _, err := outdir.MergeManifests(dir, "v1"); err == nil || !strings.Contains(err.Error(), "manifest-2-of-2.json is missing") {
		t.Errorf("merge with a shard missing: err = %v", err)
	}
}

func TestShardsSplitPaths(t *testing.T) {
	if _, err := outdir.ParseShard("3/2"); err == nil {
		t.Error("ParseShard(3/2) succeeded")
	}
	owners := map[string]int{}
	for _, p := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		for k := 1; k <= 3; k++ {
			if (outdir.Shard{K: k, N: 3}).Owns(p) {
				owners[p]++
			}
		}
		if !(outdir.Shard{}).Owns(p) {
			t.Errorf("no shard: %s not owned", p)
		}
	}
	for p, n := range owners {
		if n != 1 {
			t.Errorf("%s is owned by %d of 3 shards, want 1", p, n)
		}
	}
	if len(owners) != 8 {
		t.Errorf("%d of 8 paths owned", len(owners))
	}
}
