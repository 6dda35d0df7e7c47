package workspace_test

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/workspace"
)

// badCase is one folder of testdata/bad (see cmd/cwo/bad_test.go, which runs the same cases
// through the command): files laid over the base workspace and what cwo must say.
type badCase struct {
	fails  bool     // exit: not 0
	expect []string // lines the output must contain
	big    [][2]string
	links  [][2]string
}

func readBadCase(t *testing.T, path string) badCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c := badCase{fails: true}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		key, val, _ := strings.Cut(sc.Text(), ": ")
		switch key {
		case "exit":
			c.fails = val != "0"
		case "expect":
			c.expect = append(c.expect, val)
		case "big":
			p, size, _ := strings.Cut(val, " ")
			c.big = append(c.big, [2]string{p, size})
		case "symlink":
			p, target, _ := strings.Cut(val, " -> ")
			c.links = append(c.links, [2]string{p, target})
		}
	}
	return c
}

// setUp lays the case's files, sizes and symbolic links over the workspace in dir.
func (c badCase) setUp(t *testing.T, files, dir string) {
	t.Helper()
	err := filepath.WalkDir(files, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(files, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755)
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, b := range c.big {
		size, _ := strconv.ParseInt(b[1], 10, 64)
		if err := os.Truncate(filepath.Join(dir, b[0]), size); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range c.links {
		path := filepath.Join(dir, l[0])
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.Remove(path)
		if err := os.Symlink(l[1], path); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBadInputCorpusAtTheLoader loads every case of testdata/bad with Load and checks it with
// cwo.Validate, as `cwo validate` does before it looks at templates and fonts: each case must
// give the messages the command gives, with file and position. Cases about templates are the
// command's to check.
func TestBadInputCorpusAtTheLoader(t *testing.T) {
	cases, _ := filepath.Glob("../testdata/bad/*/case.txt")
	if len(cases) < 40 {
		t.Fatalf("found %d bad-input cases, want at least 40", len(cases))
	}
	for _, path := range cases {
		name := filepath.Base(filepath.Dir(path))
		if strings.HasPrefix(name, "template-") {
			continue // templates are render's to check (cmd/cwo's bad-input test runs these)
		}
		t.Run(name, func(t *testing.T) {
			c := readBadCase(t, path)
			dir := copyBase(t)
			c.setUp(t, filepath.Join(filepath.Dir(path), "files"), dir)
			ws, diags := workspace.Load(dir, cwo.DefaultSettings())
			if !diags.HasErrors() {
				diags = append(diags, cwo.Validate(ws, cwo.ValidateOptions{})...)
			}
			var out strings.Builder
			for _, d := range diags {
				out.WriteString(strings.ReplaceAll(d.String(), dir+"/", "") + "\n")
			}
			if diags.HasErrors() != c.fails {
				t.Errorf("errors = %v, want %v\n%s", diags.HasErrors(), c.fails, out.String())
			}
			for _, want := range c.expect {
				if want == "no problems" {
					if len(diags) > 0 {
						t.Errorf("want no problems, got:\n%s", out.String())
					}
					continue
				}
				if !strings.Contains(out.String(), want) {
					t.Errorf("diagnostics lack %q:\n%s", want, out.String())
				}
			}
		})
	}
}
