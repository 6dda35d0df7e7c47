package markdown

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// inlines converts the inline children of n, merging adjacent text.
func (c converter) inlines(n ast.Node) []Inline {
	var out []Inline
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = c.inline(out, ch)
	}
	return out
}

// inline appends the conversion of one inline node to out.
func (c converter) inline(out []Inline, n ast.Node) []Inline {
	switch n := n.(type) {
	case *ast.Text:
		return c.text(out, n)
	case *ast.String:
		return appendText(out, string(n.Value))
	case *ast.Emphasis:
		return append(out, &Emphasis{Strong: n.Level >= 2, Inlines: c.inlines(n)})
	case *ast.CodeSpan:
		return append(out, c.code(n))
	case *ast.Link:
		return append(out, &Link{Dest: string(util.URLEscape(n.Destination, true)), Inlines: c.inlines(n)})
	case *ast.AutoLink:
		return append(out, c.autoLink(n))
	case *ast.Image:
		return append(out, &Image{Alt: c.inlines(n)})
	case *ast.RawHTML:
		var b bytes.Buffer
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			b.Write(seg.Value(c.src))
		}
		return append(out, RawHTML(b.String()))
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = c.inline(out, ch)
	}
	return out
}

// text appends a text node and the line break that ends it, if any.
func (c converter) text(out []Inline, n *ast.Text) []Inline {
	v := c.value(n.Segment)
	if n.IsRaw() {
		out = appendText(out, v)
	} else {
		out = appendText(out, unescape(v))
	}
	switch {
	case n.HardLineBreak():
		out = append(out, HardBreak{})
	case n.SoftLineBreak():
		out = append(out, SoftBreak{})
	}
	return out
}

// code returns a code span's text as written, each line ending turned into a space as
// CommonMark says.
func (c converter) code(n *ast.CodeSpan) Code {
	var b bytes.Buffer
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if t, ok := ch.(*ast.Text); ok {
			b.Write(t.Value(c.src))
		}
	}
	return Code(eolToSpace.Replace(b.String()))
}

var eolToSpace = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// autoLink returns an autolink: its label as written, its target with "mailto:" added to bare
// e-mail addresses.
func (c converter) autoLink(n *ast.AutoLink) *Link {
	url := string(n.URL(c.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(url, "mailto:") {
		url = "mailto:" + url
	}
	return &Link{
		Dest:    string(util.URLEscape([]byte(url), false)),
		Inlines: appendText(nil, string(n.Label(c.src))),
	}
}

// appendText appends s to out, merging it into a Text that ends out.
func appendText(out []Inline, s string) []Inline {
	if s == "" {
		return out
	}
	if k := len(out) - 1; k >= 0 {
		if t, ok := out[k].(Text); ok {
			out[k] = t + Text(s)
			return out
		}
	}
	return append(out, Text(s))
}

// unescape resolves backslash escapes and character references exactly as goldmark's HTML
// renderer does, returning plain text.
func unescape(v string) string {
	if strings.IndexByte(v, '\\') < 0 && strings.IndexByte(v, '&') < 0 {
		return v
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	html.DefaultWriter.Write(w, []byte(v))
	_ = w.Flush()
	return stdhtml.UnescapeString(buf.String())
}
