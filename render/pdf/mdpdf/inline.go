package mdpdf

import "github.com/cwo-tool/cwo/markdown"

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

// inliner flattens inline content into spans.
type inliner struct {
	r     *Renderer
	spans []span
	alt   bool // inside image alt text: no clickable links
}

// inlines returns the spans of ins drawn with base.
func (r *Renderer) inlines(ins []markdown.Inline, base attr) []span {
	in := &inliner{r: r}
	in.children(ins, base)
	return in.spans
}

func (in *inliner) children(ins []markdown.Inline, a attr) {
	for _, n := range ins {
		in.node(n, a)
	}
}

func (in *inliner) node(n markdown.Inline, a attr) {
	switch n := n.(type) {
	case markdown.Text:
		in.add(string(n), a)
	case markdown.SoftBreak:
		in.add(" ", a)
	case markdown.HardBreak:
		in.spans = append(in.spans, span{a: a, brk: true})
	case *markdown.Emphasis:
		if n.Strong {
			a.face |= bold
		} else {
			a.face |= italic
		}
		in.children(n.Inlines, a)
	case markdown.Code:
		a.face = mono
		a.size *= 0.92
		in.add(string(n), a)
	case *markdown.Link:
		in.children(n.Inlines, in.linkAttr(n.Dest, a))
	case *markdown.Image:
		alt := in.alt
		in.alt = true
		in.children(n.Alt, a)
		in.alt = alt
	case markdown.RawHTML:
		in.add(string(n), a)
	}
}

// linkAttr returns a drawn in the link colour and clickable, or a
// unchanged when markdown.SafeURL rejects the target.
func (in *inliner) linkAttr(dest string, a attr) attr {
	if in.alt || !markdown.SafeURL(dest) {
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
