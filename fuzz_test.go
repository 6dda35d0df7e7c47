package cwo

import (
	"bytes"
	"strings"
	"testing"
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
		for _, v := range []any{&WorkOrder{}, &Project{}, &Funder{}, &Contractor{}, &Brochure{}, &Progress{}} {
			_, diags := decodeStrict("x.yaml", data, v)
			for _, d := range diags {
				if d.File != "x.yaml" || d.Message == "" {
					t.Fatalf("diagnostic without file or message: %+v", d)
				}
			}
		}
	})
}

// FuzzReadTimesheet feeds arbitrary CSV to the timesheet reader: no panic, every good row has a
// date and positive-or-checked hours, every problem names the file and a line.
func FuzzReadTimesheet(f *testing.F) {
	f.Add("date,order,person,item,hours,note\n2026-10-02,O-1,Priya,simd,6.5,\"a, b\"\n")
	f.Add("date,order,person,hours\n2026-10-02,O-1,P,x\n")
	f.Add("\"unterminated\n")
	f.Add("date,order,person,item,hours\r\n2026-02-30,O,P,,1e9\r\n")
	f.Fuzz(func(t *testing.T, data string) {
		diags := ReadTimesheet(strings.NewReader(data), "t.csv", nil, func(e TimeEntry) {
			if e.Date.IsZero() || e.Line < 2 {
				t.Fatalf("entry without a date or line: %+v", e)
			}
		})
		for _, d := range diags {
			if d.File != "t.csv" || d.Pos.Line < 1 {
				t.Fatalf("diagnostic without file or line: %+v", d)
			}
		}
	})
}

// FuzzContributionsJSON feeds arbitrary bytes to the gh pr list reader.
func FuzzContributionsJSON(f *testing.F) {
	f.Add([]byte(`[{"number":1,"title":"t","url":"https://x.org/pull/1","state":"MERGED","createdAt":"2026-10-03T14:21:09Z","mergedAt":"2026-11-02T09:00:00Z","closedAt":null,"author":{"login":"a"}}]`))
	f.Add([]byte(`[{"number":"x"}]`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[null, 1, "a"]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		prs, diags := parseContributions("c.json", data)
		for _, c := range prs {
			if c.URL == "" || c.Opened.IsZero() {
				t.Fatalf("accepted a contribution without url or opened date: %+v", c)
			}
		}
		for _, d := range diags {
			if d.Pos.Line < 1 {
				t.Fatalf("diagnostic without a line: %+v", d)
			}
		}
	})
}

// FuzzMoney parses and formats amounts: parsing never panics, formatting a parsed amount keeps
// its digits, and the formatted number reads back as the amount rounded to the currency.
func FuzzMoney(f *testing.F) {
	for _, s := range []string{"150000", "12500.50", "-0", "0.001", "999999999999999.999999999999", "1e400", "NaN", " 7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			return
		}
		for _, loc := range []string{"en-US", "de-DE", "fr-FR"} {
			for _, cur := range []Currency{"USD", "JPY", "EUR"} {
				out := FormatMoney(d, cur, loc)
				digits := strings.Map(func(r rune) rune {
					if r >= '0' && r <= '9' {
						return r
					}
					return -1
				}, out)
				want := strings.Map(func(r rune) rune {
					if r >= '0' && r <= '9' {
						return r
					}
					return -1
				}, d.Round(cur.MinorUnits()).StringFixed(cur.MinorUnits()))
				if digits != want {
					t.Fatalf("FormatMoney(%s, %s, %s) = %q: digits %s, want %s", s, cur, loc, out, digits, want)
				}
			}
		}
		if !bytes.Equal([]byte(d.String()), []byte(MustDecimal(d.String()).String())) {
			t.Fatalf("%s does not round-trip", d)
		}
	})
}
