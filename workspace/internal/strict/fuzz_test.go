package strict

import (
	"testing"

	"github.com/cwo-tool/cwo"
)

// FuzzDecodeRecords feeds arbitrary bytes to the strict decoder of every record kind. It must
// never panic, and every problem must name the file.
func FuzzDecodeRecords(f *testing.F) {
	for _, s := range []string{
		"title: x\nfunder: acme\nbudget: {type: fixed, amount: 1}\n",
		"name: NumPy\nroadmap: {reviewed: 2026-01-01, items: [{id: a, priority: 1, estimate: {amount: 5}}]}\n",
		"items: {a: {status: done, percent: 100, prs: [1, 2]}}\ncontributions: [{url: x, opened: 2026-01-01}]\n",
		"a: &a [1,2]\nb: *a\n", "- - - -\n", "{", "\xff\xfe", "id: \"\\0\"\n", "---\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, v := range []any{&cwo.WorkOrder{}, &cwo.Project{}, &cwo.Funder{}, &cwo.Contractor{}, &cwo.Brochure{}, &cwo.Progress{}} {
			_, diags := Decode("x.yaml", data, v)
			for _, d := range diags {
				if d.File != "x.yaml" || d.Message == "" {
					t.Fatalf("diagnostic without file or message: %+v", d)
				}
			}
		}
	})
}
