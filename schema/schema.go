// Package schema generates JSON Schemas (draft 2020-12) for the files of a workspace from the Go
// types the loader decodes them into, so that the schemas cannot drift from what cwo accepts. An
// editor with the YAML language server uses them to validate and complete as the user types.
//
// The schemas describe the shape of each file: its keys (and no others), their types, enums,
// dates, amounts and IDs, and the keys validation requires. Rules that relate records to each
// other (an order's funder exists, payments add up) stay with cwo validate.
package schema

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"

	"github.com/cwo-tool/cwo"
)

// Draft is the JSON Schema dialect of every generated schema.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Kind is one kind of workspace file: where such files live and the Go type they decode into.
type Kind struct {
	Name  string       // short name, e.g. "order"; the schema file is Name + ".schema.json"
	Title string       // the schema's title
	Glob  string       // workspace-relative pattern of the files, e.g. "orders/*.yaml"
	Type  reflect.Type // the struct the file decodes into
	rules rules
}

// File returns the schema's file name, e.g. "order.schema.json".
func (k Kind) File() string { return k.Name + ".schema.json" }

// Matches reports whether the workspace-relative, slash-separated path is a file of this kind.
func (k Kind) Matches(rel string) bool {
	ok, err := path.Match(k.Glob, rel)
	return ok && err == nil
}

// Kinds returns every kind of YAML file in a workspace, cwo.yaml last.
func Kinds() []Kind {
	return []Kind{
		{"contractor", "cwo contractor.yaml", "contractor.yaml", reflect.TypeFor[cwo.Contractor](), contractorRules},
		{"project", "cwo project (projects/<id>.yaml)", "projects/*.yaml", reflect.TypeFor[cwo.Project](), projectRules},
		{"funder", "cwo funder (funders/<id>.yaml)", "funders/*.yaml", reflect.TypeFor[cwo.Funder](), funderRules},
		{"order", "cwo work order (orders/<id>.yaml)", "orders/*.yaml", reflect.TypeFor[cwo.WorkOrder](), orderRules},
		{"brochure", "cwo roadmap brochure (brochures/<id>.yaml)", "brochures/*.yaml", reflect.TypeFor[cwo.Brochure](), brochureRules},
		{"final", "cwo closing notes (progress/<order-id>/final.yaml)", "progress/*/final.yaml", reflect.TypeFor[cwo.FinalNotes](), finalRules},
		{"progress", "cwo progress notes (progress/<order-id>/<period>.yaml)", "progress/*/*.yaml", reflect.TypeFor[cwo.Progress](), progressRules},
		{"cwo", "cwo tool settings (cwo.yaml)", "cwo.yaml", reflect.TypeFor[settingsFile](), settingsRules},
	}
}

// KindFor returns the kind of the workspace-relative, slash-separated path, if it has one.
func KindFor(rel string) (Kind, bool) {
	for _, k := range Kinds() {
		if k.Matches(rel) {
			return k, true
		}
	}
	return Kind{}, false
}

// Generate returns the schema of one kind as a JSON-ready value. It fails when a rule names a key
// the Go type does not have, so a renamed field cannot leave a stale rule behind.
func Generate(k Kind) (map[string]any, error) {
	g := &generator{rules: k.rules, used: map[string]bool{}, lengths: k.Name != "cwo"}
	s := g.schemaFor(k.Type, "")
	if err := g.unused(); err != nil {
		return nil, fmt.Errorf("schema %s: %w", k.Name, err)
	}
	s["$schema"] = Draft
	s["title"] = k.Title
	return s, nil
}

// Marshal returns the schema of one kind as indented JSON with a final newline.
func Marshal(k Kind) ([]byte, error) {
	s, err := Generate(k)
	if err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", k.Name, err)
	}
	return append(data, '\n'), nil
}

// WriteAll writes the schema of every kind into dir, creating it, and returns the paths written.
// On error, some files may have been written.
func WriteAll(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	var paths []string
	for _, k := range Kinds() {
		data, err := Marshal(k)
		if err != nil {
			return paths, err
		}
		p := filepath.Join(dir, k.File())
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return paths, fmt.Errorf("schema %s: %w", k.Name, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
