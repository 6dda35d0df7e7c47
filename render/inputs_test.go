package render_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cwo-tool/cwo/render"
)

// within runs fn, failing the test instead of blocking when it takes longer than a minute.
func within(t *testing.T, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("blocked for a minute")
	}
}

// stateInputs returns the input paths the state file of out records.
func stateInputs(t *testing.T, out string) map[string]struct{ SHA256 string } {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, ".cwo-state.json"))
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Inputs map[string]struct{ SHA256 string } `json:"inputs"`
	}
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatal(err)
	}
	return st.Inputs
}

// The run state stamps only the files cwo reads: a link to /dev/zero in a folder nothing reads
// would never end, and a link to a file outside the workspace would put its checksum in the
// state file.
func TestStateStampsOnlyWhatIsRead(t *testing.T) {
	dir := copyWorkspace(t, "../samples")
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("root:$6$secret"), 0o600)
	os.MkdirAll(filepath.Join(dir, "notes"), 0o755)
	os.WriteFile(filepath.Join(dir, "notes", "todo.txt"), []byte("x"), 0o644)
	for link, target := range map[string]string{"notes/zero": "/dev/zero", "notes/secret": secret, "orders/secret.yaml": secret} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	within(t, func() {
		res, err := renderDir(t, dir, out, incremental)
		if err == nil || !strings.Contains(res.Diagnostics.Error(), "orders/secret.yaml: error: refusing to read outside the workspace") {
			t.Errorf("render: %v\n%v; want the link in orders/ refused", err, res.Diagnostics)
		}
	})
	os.Remove(filepath.Join(dir, "orders", "secret.yaml"))
	within(t, func() { mustRender(t, dir, out, incremental) })
	inputs := stateInputs(t, out)
	sum := sha256.Sum256([]byte("root:$6$secret"))
	for rel, s := range inputs {
		if s.SHA256 == hex.EncodeToString(sum[:]) {
			t.Errorf("the state records the checksum of a file outside the workspace, as %s", rel)
		}
		if strings.HasPrefix(rel, "notes/") {
			t.Errorf("the state stamps %s, which cwo does not read", rel)
		}
	}
	for _, rel := range []string{"contractor.yaml", "orders/CWO-2026-001.yaml", "assets/numpy.png", "timesheets/2026-q4.csv"} {
		if _, ok := inputs[rel]; !ok {
			t.Errorf("the state has no stamp of %s (it has %v)", rel, slices.Sorted(maps.Keys(inputs)))
		}
	}
}

// A logo is read by the run, so a change to it renders again the documents that show it.
func TestRerunAfterLogoChange(t *testing.T) {
	dir := copyWorkspace(t, "../samples")
	out := t.TempDir()
	mustRender(t, dir, out, incremental)
	data, _ := os.ReadFile(filepath.Join(dir, "assets", "pandas.png"))
	os.WriteFile(filepath.Join(dir, "assets", "numpy.png"), data, 0o644)
	res := mustRender(t, dir, out, incremental)
	if rendered, _ := counts(res); rendered == 0 {
		t.Error("nothing rendered after a logo changed")
	}
}

// Run itself refuses an output folder that overlaps the inputs, for callers other than cwo render.
func TestRunRefusesOutputInTheInputs(t *testing.T) {
	dir := copyWorkspace(t, "../testdata/base")
	for _, out := range []string{dir, filepath.Join(dir, "timesheets"), filepath.Join(dir, "progress", "O-1", "out"), filepath.Dir(dir)} {
		if _, err := renderDir(t, dir, out, nil); err == nil || !strings.Contains(err.Error(), "output folder: the output folder") {
			t.Errorf("render into %s: %v, want a refusal", out, err)
		}
	}
	mustRender(t, dir, filepath.Join(dir, "out"), nil)
}

// A forged output with a manifest forged to match (committed with out/, say) is rendered again:
// only the state of this folder, whose stamps no one can forge from afar, vouches for an
// output the manifest calls unchanged.
func TestForgedOutputIsRenderedAgain(t *testing.T) {
	for _, keepState := range []bool{false, true} {
		dir := copyWorkspace(t, "../testdata/base")
		out := t.TempDir()
		first := mustRender(t, dir, out, incremental)
		want := checksums(t, out)
		rel := first.Planned[0].Path
		forged := []byte("%PDF-1.7 forged addendum")
		os.WriteFile(filepath.Join(out, filepath.FromSlash(rel)), forged, 0o644)
		sum := sha256.Sum256(forged)
		manifest, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
		manifest = []byte(strings.Replace(string(manifest), want[rel], hex.EncodeToString(sum[:]), 1))
		os.WriteFile(filepath.Join(out, "manifest.json"), manifest, 0o644)
		if !keepState {
			os.Remove(filepath.Join(out, ".cwo-state.json"))
		}
		for _, mod := range []func(*render.Options){incremental, func(o *render.Options) { incremental(o); o.Orders = []string{"O-1", "O-2"} }} {
			mustRender(t, dir, out, mod)
			if got := checksums(t, out)[rel]; got != want[rel] {
				t.Errorf("state kept %v: the forged %s was kept", keepState, rel)
			}
		}
	}
}
