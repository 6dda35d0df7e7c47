package config

import (
	"reflect"
	"slices"
	"strings"

	"github.com/cwo-tool/cwo"
	"go.yaml.in/yaml/v3"
)

// unknownKeys reports every key of cwo.yaml that is not a setting, at its line and column and
// with the nearest setting's name, so a misspelt key is found before viper refuses the file with
// a message that names neither. The keys of a map setting (timesheet.columns) are check.go's.
func unknownKeys(doc *yaml.Node) cwo.Diagnostics {
	var diags cwo.Diagnostics
	walkKeys(doc, reflect.TypeFor[file](), "", &diags)
	return diags.Sort()
}

// walkKeys checks the keys of the mapping n against the mapstructure tags of struct type t.
func walkKeys(n *yaml.Node, t reflect.Type, prefix string, diags *cwo.Diagnostics) {
	if n == nil || n.Kind != yaml.MappingNode || t.Kind() != reflect.Struct {
		return
	}
	fields := map[string]reflect.Type{}
	var names []string
	for f := range t.Fields() {
		name := f.Tag.Get("mapstructure")
		fields[strings.ToLower(name)] = f.Type
		names = append(names, prefix+name)
	}
	slices.Sort(names)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		ft, ok := fields[strings.ToLower(key.Value)] // viper folds the case of keys
		if !ok {
			diags.Errorf(FileName, cwo.Pos{Line: key.Line, Col: key.Column}, "unknown setting %q%s; the settings are %s",
				prefix+key.Value, cwo.DidYouMean(prefix+key.Value, names), strings.Join(names, ", "))
			continue
		}
		walkKeys(n.Content[i+1], ft, prefix+key.Value+".", diags)
	}
}
