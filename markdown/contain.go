package markdown

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Contain prepares Markdown written in data (a roadmap item's summary, a scope description) to
// be set inside a document: it must never change the document's structure, so each heading
// becomes a bold paragraph at the level of the surrounding text ("## Goals" would otherwise
// become a numbered clause and renumber every later one), and a relative link is resolved
// against base (the roadmap's address), or kept as plain text when there is no base, since a
// relative address means nothing in a PDF.
func Contain(src, base string) string {
	if !strings.ContainsAny(src, "#=-](") {
		return src // no heading or link can be in it
	}
	return resolveLinks(demoteHeadings(emptyHeading.ReplaceAllString(src, `$1\#$2`)), base)
}

// emptyHeading finds a line that is an ATX heading with no text (goldmark gives such a heading
// no source lines to rewrite): its first "#" is escaped, so it prints as the character it is.
var emptyHeading = regexp.MustCompile(`(?m)^((?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*)#(#{0,5}[ \t]*#*[ \t]*\r?)$`)

// demoteHeadings rewrites every heading of src (ATX or setext) as a bold paragraph.
func demoteHeadings(src string) string {
	b := []byte(src)
	root := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(b))
	type span struct{ start, end int } // byte range of a heading's source lines
	var heads []span
	var titles []string
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		first, last := h.Lines().At(0), h.Lines().At(h.Lines().Len()-1)
		start := strings.LastIndexByte(src[:first.Start], '\n') + 1
		end := lineEnd(src, last.Stop)
		if src[start] != '#' && end < len(src) { // setext: the underline is the next line
			end = lineEnd(src, end+1)
		}
		var title strings.Builder
		for i := 0; i < h.Lines().Len(); i++ {
			seg := h.Lines().At(i)
			title.WriteString(strings.TrimSpace(src[seg.Start:seg.Stop]))
			title.WriteByte(' ')
		}
		heads = append(heads, span{start, end})
		titles = append(titles, strings.TrimSpace(title.String()))
		return ast.WalkSkipChildren, nil
	})
	if len(heads) == 0 {
		return src
	}
	var out strings.Builder
	at := 0
	for i, h := range heads {
		out.WriteString(src[at:h.start])
		if titles[i] != "" {
			out.WriteString("**" + titles[i] + "**\n")
			if h.end < len(src) && !strings.HasPrefix(src[h.end:], "\n\n") {
				out.WriteString("\n") // a paragraph of its own
			}
		}
		at = min(h.end+1, len(src))
	}
	out.WriteString(src[at:])
	return out.String()
}

// lineEnd is the index of the newline that ends the line holding i, or len(s).
func lineEnd(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

// inlineLink finds inline links and images: [text](destination "title").
var inlineLink = regexp.MustCompile(`(!?\[[^\]]*\])\(([^()\s]+)((?:\s+"[^"]*")?)\)`)

// resolveLinks resolves relative link destinations against base; without a base, a relative
// link becomes its text.
func resolveLinks(src, base string) string {
	b, _ := url.Parse(base)
	if b != nil && (b.Scheme != "http" && b.Scheme != "https") {
		b = nil
	}
	return inlineLink.ReplaceAllStringFunc(src, func(m string) string {
		parts := inlineLink.FindStringSubmatch(m)
		label, dest, title := parts[1], parts[2], parts[3]
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || strings.HasPrefix(dest, "#") && b == nil {
			return m // absolute, or not an address: SafeURL decides when the text renders
		}
		if b == nil {
			if strings.HasPrefix(label, "!") {
				return m
			}
			return label[1 : len(label)-1]
		}
		return label + "(" + b.ResolveReference(u).String() + title + ")"
	})
}
