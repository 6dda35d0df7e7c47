package markdown

import "testing"

func TestContain(t *testing.T) {
	for _, c := range []struct{ src, base, want string }{
		{"Plain text with no structure.", "", "Plain text with no structure."},
		{"Intro.\n\n## Goals\n\nShip it.", "", "Intro.\n\n**Goals**\n\nShip it."},
		{"# Title\nText right after.", "", "**Title**\n\nText right after."},
		{"Goals\n=====\n\nShip it.", "", "**Goals**\n\nShip it."},
		{"See [NEP 47](nep-0047.html) and [the site](https://numpy.org).", "https://numpy.org/neps/roadmap.html",
			"See [NEP 47](https://numpy.org/neps/nep-0047.html) and [the site](https://numpy.org)."},
		{"See [NEP 47](nep-0047.html).", "", "See NEP 47."},
		{"`## not a heading` and\n\n```\n## nor this\n```\n", "", "`## not a heading` and\n\n```\n## nor this\n```\n"},
		{"A list:\n\n- item\n\n---\n\nAfter a rule.", "", "A list:\n\n- item\n\n---\n\nAfter a rule."},
		{"##\ntext", "", "\\##\ntext"},
	} {
		if got := Contain(c.src, c.base); got != c.want {
			t.Errorf("Contain(%q, %q)\n = %q\nwant %q", c.src, c.base, got, c.want)
		}
	}
}

func FuzzContain(f *testing.F) {
	for _, s := range []string{"## Goals\n\nx", "Goals\n---\n", "[a](b) ![c](d)", "#", "x\n=", "- # h\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Contain(s, "https://example.org/a/")
		for _, b := range Parse([]byte(out)).Blocks {
			if _, ok := b.(*Heading); ok {
				t.Fatalf("Contain(%q) = %q still has a heading", s, out)
			}
		}
	})
}
