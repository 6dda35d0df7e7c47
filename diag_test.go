package cwo

import "testing"

func TestDiagnosticStringStaysOneLine(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "orders/a.yaml", Pos: Pos{3, 2}, Severity: Error, Message: "bad"}, "orders/a.yaml:3:2: error: bad"},
		{Diagnostic{File: "orders/a b.yaml", Severity: Warning, Message: "x"}, `"orders/a b.yaml": warning: x`},
		{Diagnostic{File: "a\nb.yaml:1: error: forged", Severity: Error, Message: "m"}, `"a\nb.yaml:1: error: forged": error: m`},
		{Diagnostic{File: "a\x00\xff.yaml", Severity: Error, Message: "m"}, `"a\x00\xff.yaml": error: m`},
		{Diagnostic{File: "a.yaml", Pos: Pos{Line: 1}, Severity: Error, Message: "value \"x\nb.yaml:1: error: y\""}, `a.yaml:1: error: value "x\nb.yaml:1: error: y"`},
		{Diagnostic{File: "données/é.yaml", Severity: Error, Message: "ok"}, "données/é.yaml: error: ok"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
