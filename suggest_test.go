package cwo

import "testing"

func TestSuggest(t *testing.T) {
	keys := []string{"regular", "bold", "italic", "bold_italic", "mono", "fallback"}
	for s, want := range map[string]string{
		"bolditalic": "bold_italic", // a prefix of it is "bold", but it is one edit from bold_italic
		"Bold":       "bold",
		"fallbacks":  "fallback",
		"regualr":    "regular",
		"monospace":  "mono",
		"colour":     "",
	} {
		if got := suggest(s, keys); got != want {
			t.Errorf("suggest(%q) = %q, want %q", s, got, want)
		}
	}
}
