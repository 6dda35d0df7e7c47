package mdpdf

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// attr is the look of a run of text.
type attr struct {
	face  face
	size  float64 // points
	color [3]int
	link  string // clickable target; "" for none
}

// span is a run of text with one look; brk marks a hard line break.
type span struct {
	text string
	a    attr
	brk  bool
}

// body is the attribute of plain body text.
func (r *Renderer) body() attr {
	return attr{size: r.st.Size, color: r.st.Text}
}

// inliner flattens inline nodes into spans.
type inliner struct {
	r     *Renderer
	spans []span
	alt   bool // inside image alt text: no clickable links
}

// inlines returns the spans of the inline children of n drawn with base.
func (r *Renderer) inlines(n ast.Node, base attr) []span {
	in := &inliner{r: r}
	in.children(n, base)
	return in.spans
}

func (in *inliner) children(n ast.Node, a attr) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.node(c, a)
	}
}

func (in *inliner) node(n ast.Node, a attr) {
	src := in.r.src
	switch n := n.(type) {
	case *ast.Text:
		in.text(n, a)
	case *ast.String:
		in.add(string(n.Value), a)
	case *ast.Emphasis:
		if n.Level >= 2 {
			a.face |= bold
		} else {
			a.face |= italic
		}
		in.children(n, a)
	case *ast.CodeSpan:
		in.code(n, a)
	case *ast.Link:
		in.link(n, string(util.URLEscape(n.Destination, true)), a)
	case *ast.AutoLink:
		url := string(n.URL(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(url, "mailto:") {
			url = "mailto:" + url
		}
		a = in.linkAttr(string(util.URLEscape([]byte(url), false)), a)
		in.add(string(n.Label(src)), a)
	case *ast.Image:
		alt := in.alt
		in.alt = true
		in.children(n, a)
		in.alt = alt
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			in.add(string(seg.Value(src)), a)
		}
	default:
		in.children(n, a)
	}
}

func (in *inliner) text(n *ast.Text, a attr) {
	v := n.Value(in.r.src)
	if n.IsRaw() {
		in.add(string(v), a)
	} else {
		in.add(unescape(v), a)
	}
	switch {
	case n.HardLineBreak():
		in.spans = append(in.spans, span{a: a, brk: true})
	case n.SoftLineBreak():
		in.add(" ", a)
	}
}

// code adds a code span: monospace, line endings as spaces.
func (in *inliner) code(n ast.Node, a attr) {
	a.face = mono
	a.size *= 0.92
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			in.add(string(t.Value(in.r.src)), a)
		} else {
			in.children(c, a)
		}
	}
}

// link adds the children of a link, clickable when the target is safe.
func (in *inliner) link(n ast.Node, dest string, a attr) {
	in.children(n, in.linkAttr(dest, a))
}

// linkAttr returns a drawn in the link colour and clickable, or a
// unchanged when the target is not an http, https or mailto URL.
func (in *inliner) linkAttr(dest string, a attr) attr {
	if in.alt || !safeLink(dest) {
		return a
	}
	a.color = in.r.st.Link
	a.link = dest
	return a
}

// add appends s with look a, merging it with the previous span if equal.
func (in *inliner) add(s string, a attr) {
	s = clean(s)
	if s == "" {
		return
	}
	if k := len(in.spans) - 1; k >= 0 && !in.spans[k].brk && in.spans[k].a == a {
		in.spans[k].text += s
		return
	}
	in.spans = append(in.spans, span{text: s, a: a})
}

// safeLink reports whether dest may become a clickable link: it must be an
// http, https or mailto URL made of printable ASCII characters.
func safeLink(dest string) bool {
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

// unescape resolves backslash escapes and character references exactly as
// goldmark's HTML renderer does, returning plain text.
func unescape(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	html.DefaultWriter.Write(w, v)
	_ = w.Flush()
	return stdhtml.UnescapeString(buf.String())
}
