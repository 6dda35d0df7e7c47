package mdpdf

import (
	"io"
	"strings"
	"testing"
)

// nastyInputs are edge cases for the fuzz corpus and TestNastyInputs.
var nastyInputs = []string{
	"",
	"#",
	"######",
	"# \n## \n### \n#### \n##### \n###### ",
	"- \n-\n*\n+",
	"1.\n2)\n999999999. big",
	"0. zero\n-1. not a list",
	strings.Repeat("> ", 200) + "deep quote",
	strings.Repeat("  ", 0) + nestedList(60),
	strings.Repeat("*", 2000),
	strings.Repeat("_a", 500),
	strings.Repeat("a", 5000),
	strings.Repeat("é", 3000),
	strings.Repeat("https://x.org/", 300),
	"[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) [d](vbscript:x) [e](  https://ok.example ) [f](<https://a b>)",
	"<https://example.org/a(b)c\\d> <mailto:x@y.z> x@y.z www.example.com",
	"<script>alert(1)</script>\n\n<!-- comment -->\n\n<?php echo 1; ?>",
	"\x00\x01\x02\x7f\u0085\u2028\u2029\ufeff\ufffd\uffff",
	"\xff\xfe\xfd invalid \xc3\x28 utf8 \xe2\x82",
	"emoji 😀👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and CJK 中文字符 and RTL שלום عربى",
	"&#0; &#x10FFFF; &#xD800; &#65533; &amp;&lt;&gt;&quot; &nbsp;&copy;&bogus;",
	"tab\there\t\tand\tmore",
	"```\n\t\tcode\twith\ttabs\n" + strings.Repeat("x", 400) + "\n```",
	"    indented code\n\t\ttabbed\n",
	"```\n" + strings.Repeat("line\n", 200) + "```",
	"a\\\nb  \nc\r\nd\re",
	"![](x) ![alt *em* `code` [link](https://x.example)](y.png)",
	"***\n---\n___\n* * *",
	"|a|\n|-|\n" + strings.Repeat("|x|\n", 120),
	"|" + strings.Repeat("h|", 60) + "\n|" + strings.Repeat("-|", 60) + "\n|" + strings.Repeat("c|", 60),
	"| a | b |\n|---|:-:|\n| " + strings.Repeat("long cell text ", 400) + " | x |",
	"| " + strings.Repeat("header words ", 300) + " |\n|---|\n| a |",
	"| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |",
	"|   |\n|---|\n|   |",
	"- | a |\n  |---|\n  | b |",
	"1. ```\n   code\n   ```\n2. > quote\n3. ---\n4. | t |\n   |---|\n   | u |",
	"# Title\n## " + strings.Repeat("Very long heading ", 80),
	strings.Repeat("## H\n", 300),
	strings.Repeat("#### Deep\n", 50) + "text",
	"[ref]\n\n[ref]: https://example.org \"title\"",
	"`" + strings.Repeat("code ", 500) + "`",
	"**bold `code` *both*** ~~strike~~ <span>raw</span> \\*escaped\\*",
	// Keeps, trailers and tables that cannot be broken as the rules want.
	strings.Repeat("**Lead**\n\n", 200) + "end",
	strings.Repeat("Lead-in:\n\n", 200) + "*trailer*",
	strings.Repeat("*trailer*\n\n", 200),
	"## H\n\n### H\n\n#### H\n\nIntro:\n\n" + strings.Repeat("word ", 2000) + "\n\n*trailer*",
	"Intro:\n\n| a | b |\n|---|---:|\n" + strings.Repeat("| "+strings.Repeat("tall ", 300)+" | 1 |\n", 3) + "| **Total** | **3** |\n\n*trailer*",
	"| a |\n|---|\n| **Total** |\n| **Total** |",
	"| a | b |\n|---|---|\n" + strings.Repeat("| **x** | **1** |\n", 80),
	"- item\n\n  *trailer in an item*\n- " + strings.Repeat("word ", 900) + "\n\n  *trailer*",
	"> quoted:\n>\n> ```\n" + strings.Repeat("> code\n", 120) + "> ```\n\n*trailer*",
	"| n |\n|---|\n| 1.5 |\n| 1,234.567 |\n| (12) |\n| −3 % |\n| € |\n| 1.2.3 |\n| USD 1 |",
}

// nestedList returns a bullet list nested depth levels deep.
func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- level\n")
	}
	return b.String()
}

// renderAny renders src into a fresh document and writes it out; any error
// fails the test.
func renderAny(t testing.TB, src []byte) {
	t.Helper()
	pdf := newDoc(t)
	if err := New(pdf, testStyle()).Render(src); err != nil {
		t.Fatalf("Render(%.60q): %v", src, err)
	}
	if err := pdf.Output(io.Discard); err != nil {
		t.Fatalf("Output(%.60q): %v", src, err)
	}
}

func TestNastyInputs(t *testing.T) {
	for _, s := range nastyInputs {
		renderAny(t, []byte(s))
	}
	for _, end := range []float64{200, 5000} { // a block that fits a page and one that does not
		for _, s := range nastyInputs {
			pdf := newDoc(t)
			r := New(pdf, testStyle())
			r.KeepWithEnd(end)
			if err := r.Render([]byte(s)); err != nil {
				t.Fatalf("Render(%.60q) keeping %.0f with its end: %v", s, end, err)
			}
		}
	}
}

func FuzzRender(f *testing.F) {
	f.Add(readSample(f))
	for _, s := range nastyInputs {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<15 {
			t.Skip("input too large")
		}
		renderAny(t, src)
	})
}
