package cwo

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// DescribeYAML names a YAML value's type and value the way messages do: `number "123"`,
// `a list`. The strict decoder and the types' UnmarshalYAML methods share it.
func DescribeYAML(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	v := n.Value
	if len(v) > 40 {
		v = v[:40] + "…"
	}
	return fmt.Sprintf("%s %q", tagName(n.ShortTag()), v)
}

func tagName(tag string) string {
	switch tag {
	case "!!int", "!!float":
		return "number"
	case "!!bool":
		return "boolean"
	case "!!str":
		return "text"
	case "!!timestamp":
		return "date"
	case "!!null":
		return "nothing"
	}
	return "value " + tag
}
