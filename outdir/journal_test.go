package outdir

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func sumOf(s string) string {
	h := newHashingWriter(io.Discard)
	io.WriteString(h, s)
	return h.sum()
}

// TestJournalBeforeRename checks that an output's entry is in the synced journal, with the new
// file's checksum, before the file is renamed into place.
func TestJournalBeforeRename(t *testing.T) {
	dir := t.TempDir()
	w, err := Open(dir, Shard{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var atRename []Entry
	renamed := false
	w.journal.onSync = func() {
		atRename = readJournal(filepath.Join(dir, "manifest.journal"))
		_, err := os.Stat(filepath.Join(dir, "a", "x.pdf"))
		renamed = err == nil
	}
	e, err := w.WriteOutput(Entry{Path: "a/x.pdf", Kind: "a", InputHash: "h"}, func(out io.Writer) error {
		_, err := io.WriteString(out, "new")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if e.SHA256 != sumOf("new") {
		t.Errorf("WriteOutput returned sum %s, want %s", e.SHA256, sumOf("new"))
	}
	if want := []Entry{{Path: "a/x.pdf", Kind: "a", InputHash: "h", SHA256: sumOf("new")}}; !reflect.DeepEqual(atRename, want) {
		t.Errorf("journal when synced = %+v, want %+v", atRename, want)
	}
	if renamed {
		t.Error("the file was in place before its journal entry was synced")
	}
	if m := ReadManifest(dir, ManifestName); m.Entry("a/x.pdf") == nil || m.Entry("a/x.pdf").SHA256 != sumOf("new") {
		t.Errorf("ReadManifest does not take the journal in: %+v", m.Outputs)
	}
	if err := w.WriteManifest(ReadManifest(dir, ManifestName)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "manifest.journal")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the journal stayed after WriteManifest: %v", err)
	}
	if m := ReadManifest(dir, ManifestName); len(m.Outputs) != 1 || m.Outputs[0].SHA256 != sumOf("new") {
		t.Errorf("manifest.json = %+v, want the one entry", m.Outputs)
	}
}

// TestReconcileKeepsWhatIsOnDisk gives ReadManifest the journal a killed run leaves.
func TestReconcileKeepsWhatIsOnDisk(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string) {
		os.MkdirAll(filepath.Join(dir, "a"), 0o755)
		os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte(content), 0o644)
	}
	write("a/renamed.pdf", "new")    // the kill came after the rename
	write("a/pending.pdf", "old")    // the kill came between the journal and the rename
	write("a/untouched.pdf", "u")    // not in the journal
	write("a/edited.pdf", "by hand") // neither entry describes it
	old := &Manifest{Version: "v1", Outputs: []Entry{
		{Path: "a/renamed.pdf", InputHash: "h1", SHA256: sumOf("old")},
		{Path: "a/pending.pdf", InputHash: "h1", SHA256: sumOf("old")},
		{Path: "a/untouched.pdf", InputHash: "h1", SHA256: sumOf("u")},
		{Path: "a/edited.pdf", InputHash: "h1", SHA256: sumOf("old")},
		{Path: "a/gone.pdf", InputHash: "h1", SHA256: sumOf("old")},
	}}
	if err := old.Write(filepath.Join(dir, ManifestName)); err != nil {
		t.Fatal(err)
	}
	lines := []Entry{
		{Path: "a/renamed.pdf", InputHash: "h2", SHA256: sumOf("new")},
		{Path: "a/pending.pdf", InputHash: "h2", SHA256: sumOf("new")},
		{Path: "a/edited.pdf", InputHash: "h2", SHA256: sumOf("new")},
		{Path: "a/gone.pdf", InputHash: "h2", SHA256: sumOf("new")},
		{Path: "../outside", SHA256: sumOf("x")},
	}
	f, _ := os.Create(filepath.Join(dir, "manifest.journal"))
	for _, e := range lines {
		b, _ := json.Marshal(e)
		f.Write(append(b, '\n'))
	}
	f.WriteString(`{"path":"a/cut-short.pdf","sha`) // a line the kill cut
	f.Close()

	m := ReadManifest(dir, ManifestName)
	want := map[string]string{"a/renamed.pdf": "h2", "a/pending.pdf": "h1", "a/untouched.pdf": "h1"}
	if len(m.Outputs) != len(want) {
		t.Errorf("reconciled manifest has %d entries, want %d: %+v", len(m.Outputs), len(want), m.Outputs)
	}
	for p, h := range want {
		if e := m.Entry(p); e == nil || e.InputHash != h {
			t.Errorf("%s: entry %+v, want input hash %s", p, e, h)
		}
	}
	n, err := MergeManifests(dir, "v2") // no shard manifests: merge refuses, journal or not
	if err == nil {
		t.Errorf("merge without shard manifests = %d, nil; want an error", n)
	}
}

func TestMergeTakesShardJournals(t *testing.T) {
	dir := t.TempDir()
	for k := 1; k <= 2; k++ {
		if err := (&Manifest{Version: "v1"}).Write(filepath.Join(dir, Shard{K: k, N: 2}.ManifestName())); err != nil {
			t.Fatal(err)
		}
	}
	w, err := Open(dir, Shard{K: 2, N: 2})
	if err != nil {
		t.Fatal(err)
	}
	w.WriteOutput(Entry{Path: "a/b.pdf"}, func(out io.Writer) error { _, err := io.WriteString(out, "b"); return err })
	w.Close() // killed before its manifest: the journal stays
	if n, err := MergeManifests(dir, "v1"); err != nil || n != 1 {
		t.Errorf("merge = %d, %v; want the journaled output", n, err)
	}
	f, _ := os.Open(filepath.Join(dir, "manifest-2-of-2.journal"))
	defer f.Close()
	if sc := bufio.NewScanner(f); !sc.Scan() {
		t.Error("the shard's journal is missing")
	}
}
