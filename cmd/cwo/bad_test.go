package main

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// badCase is one folder of testdata/bad: files laid over the base workspace and what cwo must say.
type badCase struct {
	command string
	exit    int
	expect  []string
	big     [][2]string // path, size
	links   [][2]string // path, target
}

func readBadCase(t *testing.T, path string) badCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := badCase{command: "render", exit: 1}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, val, _ := strings.Cut(sc.Text(), ": ")
		switch key {
		case "command":
			c.command = val
		case "exit":
			c.exit, _ = strconv.Atoi(val)
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

// overlay writes the case's files over the workspace, replacing what is there.
func overlay(t *testing.T, from, dir string) {
	t.Helper()
	filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, _ := os.ReadFile(p)
		os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755)
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
}

func (c badCase) setUp(t *testing.T, dir string) {
	t.Helper()
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

// TestBadInputCorpus runs every case of testdata/bad through the real command: each must give
// its message with file and position, its exit code, and write nothing.
func TestBadInputCorpus(t *testing.T) {
	cases, _ := filepath.Glob("../../testdata/bad/*/case.txt")
	if len(cases) < 40 {
		t.Fatalf("found %d bad-input cases, want at least 40", len(cases))
	}
	for _, path := range cases {
		name := filepath.Base(filepath.Dir(path))
		t.Run(name, func(t *testing.T) {
			c := readBadCase(t, path)
			dir := baseCopy(t)
			overlay(t, filepath.Join(filepath.Dir(path), "files"), dir)
			c.setUp(t, dir)
			out := filepath.Join(t.TempDir(), "out")
			args := []string{c.command, dir}
			if c.command == "render" {
				args = append(args, "--out", out)
			}
			code, stdout, stderr := cwoRun(t, args...)
			all := strings.ReplaceAll(stdout+stderr, dir+"/", "")
			if code != c.exit {
				t.Errorf("exit %d, want %d\n%s", code, c.exit, all)
			}
			for _, want := range c.expect {
				if !strings.Contains(all, want) {
					t.Errorf("output lacks %q:\n%s", want, all)
				}
			}
			if _, err := os.Stat(out); c.exit != 0 && err == nil {
				t.Errorf("a failed run wrote %s", out)
			}
		})
	}
}
