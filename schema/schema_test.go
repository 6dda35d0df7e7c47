package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// checker validates documents against one kind's schema, read both as draft 2020-12 (as
// written) and as draft-07 (as some editors still read it), and reports when the two disagree.
type checker struct {
	t              *testing.T
	k              Kind
	draft2020, old *jsonschema.Schema
}

// compile returns the checker of a kind.
func compile(t *testing.T, k Kind) *checker {
	t.Helper()
	return &checker{t: t, k: k, draft2020: compileAs(t, k, nil), old: compileAs(t, k, jsonschema.Draft7)}
}

// compileAs compiles a kind's schema; with a draft, it drops $schema and reads it as that draft.
func compileAs(t *testing.T, k Kind, draft *jsonschema.Draft) *jsonschema.Schema {
	t.Helper()
	data, err := Marshal(k)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("schema %s is not JSON: %v", k.Name, err)
	}
	c := jsonschema.NewCompiler()
	if draft != nil {
		delete(doc.(map[string]any), "$schema")
		c.DefaultDraft(draft)
	}
	if err := c.AddResource(k.File(), doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(k.File())
	if err != nil {
		t.Fatalf("schema %s does not compile: %v", k.Name, err)
	}
	return s
}

// Validate validates v and returns the draft 2020-12 result.
func (c *checker) Validate(v any) error {
	c.t.Helper()
	err, old := c.draft2020.Validate(v), c.old.Validate(v)
	if (err == nil) != (old == nil) {
		c.t.Errorf("%s: draft 2020-12 says %v, draft-07 says %v", c.k.File(), err, old)
	}
	return err
}

// decodeYAML decodes YAML text into plain maps, lists and scalars, as an editor sees it.
func decodeYAML(t *testing.T, data []byte) any {
	t.Helper()
	v, err := YAMLValue(data)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSamplesMatchSchemas(t *testing.T) {
	if n := checkTree(t, filepath.Join("..", "samples")); n < 20 {
		t.Errorf("validated %d sample files; the samples have more", n)
	}
	checkTree(t, filepath.Join("..", "testdata", "base"))
}

// checkTree validates every YAML file of the workspace in root against its schema and returns
// how many it checked.
func checkTree(t *testing.T, root string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		k, ok := KindFor(rel)
		if !ok {
			t.Errorf("%s: no schema kind matches", p)
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := compile(t, k).Validate(decodeYAML(t, data)); err != nil {
			t.Errorf("%s does not match %s:\n%v", p, k.File(), err)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSchemasReject(t *testing.T) {
	order, err := os.ReadFile(filepath.Join("..", "testdata", "base", "orders", "O-1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	base := string(order)
	tests := []struct {
		name, kind, doc, want string
	}{
		{"unknown top-level key", "order", base + "titel: Typo\n", "titel"},
		{"unknown nested key", "order", strings.Replace(base, "amount: 150000", "amout: 150000", 1), "amout"},
		{"unknown key in a list item", "order", strings.Replace(base, "hours: 500", "hours: 500\n    hourz: 1", 1), "hourz"},
		{"unknown key in cwo.yaml", "cwo", "output: out\noutptu: x\n", "outptu"},
		{"unknown key in a funder", "funder", "legal_name: A\nkind: company\naddress: [x]\nsignatory: {name: B, phone2: 1}\n", "phone2"},
		{"status outside the enum", "order", strings.Replace(base, "status: active", "status: running", 1), "status"},
		{"impossible date spelling", "order", strings.Replace(base, "issued: 2026-09-15", "issued: 15.09.2026", 1), "issued"},
		{"amount with a comma", "order", strings.Replace(base, "amount: 150000", "amount: \"150,000\"", 1), "amount"},
		{"rate in a fixed budget", "order", strings.Replace(base, "amount: 150000", "amount: 150000\n  rate: 10", 1), "rate"},
		{"kind in a fixed budget", "order", strings.Replace(base, "amount: 100000,", "amount: 100000, kind: estimate,", 1), "kind"},
		{"hourly payment without kind", "order", strings.Replace(base, "type: fixed\n  amount: 150000", "type: hourly\n  rate: 100\n  cap_hours: 1500", 1), "kind"},
		{"advance without credit", "order", strings.NewReplacer("type: fixed\n  amount: 150000", "type: hourly\n  rate: 100\n  cap_hours: 1500",
			"on: signature,", "on: signature, kind: advance,", "amount: 100000,", "amount: 100000, kind: estimate,").Replace(base), "credit"},
		{"credit on a fixed instalment", "order", strings.Replace(base, "amount: 100000,", "amount: 100000, credit: final-invoice,", 1), "credit"},
		{"unknown payment event", "order", strings.Replace(base, "on: signature", "on: signing", 1), "on"},
		{"unknown completion", "order", base + "completion: acceptance\n", "completion"},
		{"missing title", "order", strings.Replace(base, "title: Faster NumPy\n", "", 1), "title"},
		{"bad ID", "order", strings.Replace(base, "funder: acme", "funder: ../acme", 1), "funder"},
		{"version 2 without previous", "order", strings.Replace(base, "version: 1", "version: 2", 1), "previous"},
		{"previous without its date", "order", strings.Replace(base, "version: 1", "version: 2\nprevious: {fingerprint: 0123456789ab}", 1), "issued"},
		{"fingerprint not hex", "order", strings.Replace(base, "version: 1", "version: 2\nprevious: {issued: 2026-09-01, fingerprint: XYZ}", 1), "fingerprint"},
		{"cap with multiple and amount", "order", base + "liability_cap: {multiple: 1, amount: 5000}\n", "liability_cap"},
		{"cap with neither", "order", base + "liability_cap: {currency: USD}\n", "liability_cap"},
		{"cap multiple with a currency", "order", base + "liability_cap: {multiple: 2, currency: EUR}\n", "liability_cap"},
		{"notices e-mail", "funder", "legal_name: A\nkind: company\naddress: [x]\nsignatory: {name: B}\nnotices: {email: legal at a.example}\n", "email"},
		{"unknown key in notices", "contractor", "name: A\nlegal_name: A\nsignatory: {name: B}\nfiscal_sponsor: {name: C}\nnotices: {adress: [x]}\n", "adress"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := kindNamed(t, tt.kind)
			err := compile(t, k).Validate(decodeYAML(t, []byte(tt.doc)))
			if err == nil {
				t.Fatalf("%s schema accepted:\n%s", tt.kind, tt.doc)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error does not mention %q:\n%v", tt.want, err)
			}
		})
	}
}

func kindNamed(t *testing.T, name string) Kind {
	t.Helper()
	for _, k := range Kinds() {
		if k.Name == name {
			return k
		}
	}
	t.Fatalf("no kind %q", name)
	return Kind{}
}

// TestEveryFieldInSchema walks each Go type on its own and checks that every decoded field is a
// property of the schema at the same place.
func TestEveryFieldInSchema(t *testing.T) {
	for _, k := range Kinds() {
		s, err := Generate(k)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range fieldPaths(k.Type, "") {
			if lookup(s, p) == nil {
				t.Errorf("%s: field %s is missing from the schema", k.File(), p)
			}
		}
	}
}

// fieldPaths lists the key paths of every tagged field reachable from t ("*" for items).
func fieldPaths(t reflect.Type, prefix string) []string {
	switch {
	case t == dateType || t == decimalType:
		return nil
	case t.Kind() == reflect.Pointer:
		return fieldPaths(t.Elem(), prefix)
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Map:
		return fieldPaths(t.Elem(), join(prefix, "*"))
	case t.Kind() != reflect.Struct:
		return nil
	}
	var out []string
	for i := range t.NumField() {
		key := keyOf(t.Field(i))
		if key == "" {
			continue
		}
		p := join(prefix, key)
		out = append(out, p)
		out = append(out, fieldPaths(t.Field(i).Type, p)...)
	}
	return out
}

// lookup follows a key path through properties, items and additionalProperties.
func lookup(s obj, p string) obj {
	for _, key := range strings.Split(p, ".") {
		var next any
		switch {
		case key == "*" && s["items"] != nil:
			next = s["items"]
		case key == "*":
			next = s["additionalProperties"]
		default:
			props, _ := s["properties"].(obj)
			next = props[key]
		}
		var ok bool
		if s, ok = next.(obj); !ok {
			return nil
		}
	}
	return s
}

func TestGeneratedSchemasAreStable(t *testing.T) {
	for _, k := range Kinds() {
		a, err := Marshal(k)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Marshal(k)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", k.File())
		}
		var m map[string]any
		if err := json.Unmarshal(a, &m); err != nil || m["$schema"] != Draft {
			t.Errorf("%s: $schema = %v (%v), want %s", k.File(), m["$schema"], err, Draft)
		}
	}
}

func TestWriteAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "schema")
	paths, err := WriteAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	sort.Strings(names)
	want := "brochure.schema.json contractor.schema.json cwo.schema.json final.schema.json funder.schema.json order.schema.json progress.schema.json project.schema.json"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("WriteAll wrote %s, want %s", got, want)
	}
}
