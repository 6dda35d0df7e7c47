package markdown

import "strings"

// SafeURL reports whether a link target may become clickable: it must be an http, https or
// mailto URL of printable ASCII characters, with something after the scheme.
func SafeURL(dest string) bool {
	for i := 0; i < len(dest); i++ {
		if c := dest[i]; c <= ' ' || c >= 0x7F {
			return false
		}
	}
	switch {
	case hasPrefixFold(dest, "http://"), hasPrefixFold(dest, "https://"):
		return len(dest) > strings.Index(dest, "//")+2
	case hasPrefixFold(dest, "mailto:"):
		return len(dest) > len("mailto:")
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
