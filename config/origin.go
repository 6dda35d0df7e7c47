package config

import (
	"os"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// origin is where a setting's value came from, as a problem names it: "cwo.yaml" with the
// value's line and column, "CWO_PAPER=A5" for an environment variable, "--jobs=-1" for a flag,
// or "cwo.yaml" without a position for a default.
type origin struct {
	where string
	pos   cwo.Pos
}

// origins finds where each setting came from, in viper's order of precedence: a set flag, then a
// non-empty CWO_* variable, then cwo.yaml, then the default.
type origins struct {
	flags *pflag.FlagSet // nil when the command has none
	file  *yaml.Node     // cwo.yaml's document; nil when there is no file
}

// newOrigins parses cwo.yaml's text (nil when there is no file) for the positions of its values.
// The text already decoded, so a parse error here only costs the positions.
func newOrigins(text []byte, flags *pflag.FlagSet) origins {
	o := origins{flags: flags}
	var doc yaml.Node
	if text != nil && yaml.Unmarshal(text, &doc) == nil && len(doc.Content) == 1 {
		o.file = doc.Content[0]
	}
	return o
}

// of returns the origin of the setting at key ("paper", "brand.color").
func (o origins) of(key string) origin {
	if f := o.flag(key); f != nil {
		return origin{where: "--" + f.Name + "=" + f.Value.String()}
	}
	if name := envName(key); os.Getenv(name) != "" {
		return origin{where: name + "=" + os.Getenv(name)}
	}
	if n := o.node(key); n != nil {
		return origin{where: FileName, pos: cwo.Pos{Line: n.Line, Col: n.Column}}
	}
	return origin{where: FileName}
}

// keyOf returns the origin of a map key under key, such as a name in timesheet.columns: the key
// itself in cwo.yaml, else where the map came from.
func (o origins) keyOf(key, name string) origin {
	if m := o.node(key); m != nil && m.Kind == yaml.MappingNode && o.flag(key) == nil && os.Getenv(envName(key)) == "" {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if strings.EqualFold(m.Content[i].Value, name) {
				return origin{where: FileName, pos: cwo.Pos{Line: m.Content[i].Line, Col: m.Content[i].Column}}
			}
		}
	}
	return o.of(key)
}

// itemOf returns the origin of value in the list setting at key, such as a file in
// fonts.fallback: its item in cwo.yaml, else where the list came from (a single value, or an
// environment variable that separates values with commas).
func (o origins) itemOf(key, value string) origin {
	if l := o.node(key); l != nil && l.Kind == yaml.SequenceNode && o.flag(key) == nil && os.Getenv(envName(key)) == "" {
		for _, item := range l.Content {
			if strings.TrimSpace(item.Value) == value {
				return origin{where: FileName, pos: cwo.Pos{Line: item.Line, Col: item.Column}}
			}
		}
	}
	return o.of(key)
}

// flag returns the set flag bound to key (see boundFlags), or nil.
func (o origins) flag(key string) *pflag.Flag {
	if o.flags == nil || !isBound(key) {
		return nil
	}
	if f := o.flags.Lookup(key); f != nil && f.Changed {
		return f
	}
	return nil
}

// node returns the value of key in cwo.yaml, matching keys without regard to case as viper
// does, or nil.
func (o origins) node(key string) *yaml.Node {
	n := o.file
	for _, part := range strings.Split(key, ".") {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if strings.EqualFold(n.Content[i].Value, part) {
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return n
}

// envName is the environment variable viper reads for key: CWO_BRAND_COLOR for brand.color.
func envName(key string) string {
	return envPrefix + "_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}
