package mdpdf

import "github.com/cwo-tool/cwo/markdown"

// HeadingMark is what Style.OnHeading learns of a heading as it is drawn, for example to add a
// bookmark to the document's outline.
type HeadingMark struct {
	Level  int     // 1 to 6, as in Markdown
	Number string  // the clause number drawn before it ("4.", "4.1"), or "" when unnumbered
	Text   string  // its plain text (markdown.InlineText)
	Y      float64 // the top of its first line, in document units, on the document's current page
}

// markHeading tells Style.OnHeading, if set, that heading n, numbered num, starts at the cursor
// on the current page.
func (r *Renderer) markHeading(n *markdown.Heading, num string) {
	if r.st.OnHeading == nil {
		return
	}
	r.st.OnHeading(HeadingMark{Level: n.Level, Number: num, Text: markdown.InlineText(n.Inlines), Y: r.p.y})
}
