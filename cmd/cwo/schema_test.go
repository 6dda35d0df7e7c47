package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchemaFile compiles the JSON Schema in the file at p.
func compileSchemaFile(t *testing.T, p string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(p)
	if err != nil {
		t.Fatalf("compile %s: %v", p, err)
	}
	return s
}

func TestSchemaCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "schemas")
	code, stdout, stderr := cwoRun(t, "schema", "--out", out)
	if code != 0 {
		t.Fatalf("cwo schema = %d\n%s%s", code, stdout, stderr)
	}
	for _, name := range []string{"contractor", "project", "funder", "order", "brochure", "final", "progress", "cwo"} {
		p := filepath.Join(out, name+".schema.json")
		if !strings.Contains(stdout, p) {
			t.Errorf("output does not list %s:\n%s", p, stdout)
		}
		compileSchemaFile(t, p)
	}
	order := compileSchemaFile(t, filepath.Join(out, "order.schema.json"))
	doc, _ := schema.YAMLValue([]byte("title: T\nfunder: acme\nsurprise: 1\n"))
	if err := order.Validate(doc); err == nil || !strings.Contains(err.Error(), "surprise") {
		t.Errorf("order schema with an unknown key: err = %v, want one naming it", err)
	}
	if code, _, _ := cwoRun(t, "schema", "extra-arg"); code != 2 {
		t.Errorf("cwo schema extra-arg: exit %d, want 2", code)
	}
}

// TestInitEditorSupport checks that every YAML file cwo init writes names its schema on its
// first line, that the path resolves from the file, and that the file matches the schema.
func TestInitEditorSupport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	if code, out, errOut := cwoRun(t, "init", dir); code != 0 {
		t.Fatalf("cwo init = %d\n%s%s", code, out, errOut)
	}
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		n++
		data, _ := os.ReadFile(p)
		first, _ := bufio.NewReader(bytes.NewReader(data)).ReadString('\n')
		ref, ok := strings.CutPrefix(strings.TrimSpace(first), modeline)
		if !ok {
			t.Errorf("%s starts with %q, want the schema line", p, first)
			return nil
		}
		doc, err := schema.YAMLValue(data)
		if err != nil {
			t.Fatal(err)
		}
		if err := compileSchemaFile(t, filepath.Join(filepath.Dir(p), ref)).Validate(doc); err != nil {
			t.Errorf("%s does not match its schema %s: %v", p, ref, err)
		}
		return nil
	})
	if n < 20 {
		t.Errorf("found %d YAML files in the new workspace", n)
	}
	var settings struct {
		Schemas map[string][]string `json:"yaml.schemas"`
	}
	data, err := os.ReadFile(filepath.Join(dir, ".vscode", "settings.json"))
	if err != nil || json.Unmarshal(data, &settings) != nil {
		t.Fatalf(".vscode/settings.json: %v\n%s", err, data)
	}
	for _, k := range schema.Kinds() {
		ref := "./.cwo/schema/" + k.File()
		if got := settings.Schemas[ref]; len(got) != 1 || got[0] != k.Glob {
			t.Errorf("settings.json maps %s to %v, want [%s]", ref, got, k.Glob)
		}
		if _, err := os.Stat(filepath.Join(dir, ref)); err != nil {
			t.Errorf("settings.json names a missing schema: %v", err)
		}
	}
}
