package markdown

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, src string
		want      []Block
	}{
		{"empty", "", nil},
		{"paragraph with soft break", "one *two*\n  three", []Block{&Paragraph{
			Inlines: []Inline{Text("one "), &Emphasis{Inlines: []Inline{Text("two")}}, SoftBreak{}, Text("three")},
			Lines:   []string{"one *two*", "three"},
		}}},
		{"strong, code and hard break", "**b** `c\nd`  \ne", []Block{&Paragraph{
			Inlines: []Inline{&Emphasis{Strong: true, Inlines: []Inline{Text("b")}}, Text(" "), Code("c d"), HardBreak{}, Text("e")},
			Lines:   []string{"**b** `c", "d`  ", "e"},
		}}},
		{"escapes and references", `a \* &amp; &copy;`, []Block{&Paragraph{
			Inlines: []Inline{Text("a * & ©")}, Lines: []string{`a \* &amp; &copy;`},
		}}},
		{"headings", "# One\n\nTwo\n---", []Block{
			&Heading{Level: 1, Inlines: []Inline{Text("One")}, Lines: []string{"One"}},
			&Heading{Level: 2, Inlines: []Inline{Text("Two")}, Lines: []string{"Two"}},
		}},
		{"links", "[a](https://x.org/é) <https://y.org> me@z.org www.w.org", []Block{&Paragraph{
			Inlines: []Inline{
				&Link{Dest: "https://x.org/%C3%A9", Inlines: []Inline{Text("a")}}, Text(" "),
				&Link{Dest: "https://y.org", Inlines: []Inline{Text("https://y.org")}}, Text(" "),
				&Link{Dest: "mailto:me@z.org", Inlines: []Inline{Text("me@z.org")}}, Text(" "),
				&Link{Dest: "http://www.w.org", Inlines: []Inline{Text("www.w.org")}},
			},
			Lines: []string{"[a](https://x.org/é) <https://y.org> me@z.org www.w.org"},
		}}},
		{"image and raw HTML", "![alt *e*](x.png) <b>x</b>", []Block{&Paragraph{
			Inlines: []Inline{&Image{Alt: []Inline{Text("alt "), &Emphasis{Inlines: []Inline{Text("e")}}}}, Text(" "),
				RawHTML("<b>"), Text("x"), RawHTML("</b>")},
			Lines: []string{"![alt *e*](x.png) <b>x</b>"},
		}}},
		{"tight nested list", "- a\n  1) b\n  2) c", []Block{&List{Delim: '-', Tight: true, Items: []Item{{Blocks: []Block{
			&Paragraph{Inlines: []Inline{Text("a")}, Lines: []string{"a"}, Tight: true},
			&List{Ordered: true, Start: 1, Delim: ')', Tight: true, Nested: true, Items: []Item{
				{Blocks: []Block{&Paragraph{Inlines: []Inline{Text("b")}, Lines: []string{"b"}, Tight: true}}},
				{Blocks: []Block{&Paragraph{Inlines: []Inline{Text("c")}, Lines: []string{"c"}, Tight: true}}},
			}},
		}}}}}},
		{"loose ordered list from 3", "3. a\n\n4. b", []Block{&List{Ordered: true, Start: 3, Delim: '.', Items: []Item{
			{Blocks: []Block{&Paragraph{Inlines: []Inline{Text("a")}, Lines: []string{"a"}}}},
			{Blocks: []Block{&Paragraph{Inlines: []Inline{Text("b")}, Lines: []string{"b"}}}},
		}}}},
		{"quote and rule", "> q\n\n---", []Block{
			&Quote{Blocks: []Block{&Paragraph{Inlines: []Inline{Text("q")}, Lines: []string{"q"}}}},
			&ThematicBreak{},
		}},
		{"code blocks", "```go\nx := 1\n\ty\n```\n\n    indented\n\n- a\n\n\t\tpadded", []Block{
			&CodeBlock{Info: "go", Lines: []string{"x := 1", "\ty"}},
			&CodeBlock{Lines: []string{"indented"}},
			&List{Delim: '-', Items: []Item{{Blocks: []Block{
				&Paragraph{Inlines: []Inline{Text("a")}, Lines: []string{"a"}},
				&CodeBlock{Lines: []string{"  padded"}},
			}}}},
		}},
		{"HTML block", "<div>\nx\n</div>", []Block{&HTMLBlock{Lines: []string{"<div>", "x", "</div>"}}}},
		{"table", "| a | b | c |\n|:--|:-:|--:|\n| 1 |", []Block{&Table{
			Header: []Cell{{Align: AlignLeft, Inlines: []Inline{Text("a")}}, {Align: AlignCenter, Inlines: []Inline{Text("b")}}, {Align: AlignRight, Inlines: []Inline{Text("c")}}},
			Rows:   [][]Cell{{{Align: AlignLeft, Inlines: []Inline{Text("1")}}, {}, {}}},
		}}},
		{"table without alignment", "| a |\n|---|", []Block{&Table{Header: []Cell{{Inlines: []Inline{Text("a")}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse([]byte(tt.src)).Blocks
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) =\n%s\nwant\n%s", tt.src, dump(got), dump(tt.want))
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://x.org": true, "HTTP://x.org/a?b=(c)": true, "mailto:a@b.c": true,
		"https://": false, "mailto:": false, "javascript:alert(1)": false, "/relative": false,
		"ftp://x.org": false, "https://x.org/é": false, "https://x.org/a b": false, "": false,
	} {
		if got := SafeURL(dest); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", dest, got, want)
		}
	}
}
