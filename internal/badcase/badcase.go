// Package badcase reads the bad-input corpus of testdata/bad, for the tests that run it through
// the cwo command (cmd/cwo) and through the loader (workspace). Each case is a folder holding
// case.txt (what cwo must say) and files/ (laid over the base workspace).
//
// case.txt has one "key: value" a line: "command: validate" (default render), "exit: N"
// (default 1), "expect: TEXT" (a line the output must contain; any number), "big: PATH SIZE"
// (grow or cut a file to SIZE bytes) and "symlink: PATH -> TARGET".
package badcase

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Case is one folder of the corpus.
type Case struct {
	Name    string   // the folder's name
	Command string   // the cwo command to run
	Exit    int      // the exit code it must give
	Expect  []string // lines the output must contain
	dir     string
	big     [][2]string // path, size
	links   [][2]string // path, target
}

// All reads every case under root (testdata/bad), in name order.
func All(root string) ([]Case, error) {
	paths, err := filepath.Glob(filepath.Join(root, "*", "case.txt"))
	if err != nil {
		return nil, err
	}
	cases := make([]Case, 0, len(paths))
	for _, p := range paths {
		c, err := read(p)
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	return cases, nil
}

func read(path string) (Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Case{}, err
	}
	c := Case{Name: filepath.Base(filepath.Dir(path)), Command: "render", Exit: 1, dir: filepath.Dir(path)}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		key, val, _ := strings.Cut(sc.Text(), ": ")
		switch key {
		case "command":
			c.Command = val
		case "exit":
			if c.Exit, err = strconv.Atoi(val); err != nil {
				return Case{}, fmt.Errorf("%s: exit: %w", path, err)
			}
		case "expect":
			c.Expect = append(c.Expect, val)
		case "big":
			p, size, _ := strings.Cut(val, " ")
			c.big = append(c.big, [2]string{p, size})
		case "symlink":
			p, target, _ := strings.Cut(val, " -> ")
			c.links = append(c.links, [2]string{p, target})
		}
	}
	return c, nil
}

// SetUp lays the case's files, sizes and symbolic links over the workspace copy in dir.
func (c Case) SetUp(dir string) error {
	files := filepath.Join(c.dir, "files")
	err := filepath.WalkDir(files, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(files, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	for _, b := range c.big {
		size, err := strconv.ParseInt(b[1], 10, 64)
		if err != nil {
			return fmt.Errorf("%s: big: %w", c.Name, err)
		}
		if err := os.Truncate(filepath.Join(dir, b[0]), size); err != nil {
			return err
		}
	}
	for _, l := range c.links {
		path := filepath.Join(dir, l[0])
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		os.Remove(path)
		if err := os.Symlink(l[1], path); err != nil {
			return err
		}
	}
	return nil
}
