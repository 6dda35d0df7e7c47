package xlsx

import (
	"strconv"
	"strings"

	"github.com/cwo-tool/cwo/markdown"
	"github.com/xuri/excelize/v2"
)

// fontMono is the face of code spans and code blocks in rich text: Excel's monospaced face;
// other programs substitute their own.
const fontMono = "Consolas"

// Bullets and indents of lists in rich text cells.
const (
	bulletMark = "• "
	listIndent = "    "
)

// runStyle is the formatting of a run of rich text.
type runStyle struct {
	bold, italic, code, link, muted bool
}

// run is a stretch of text in one style.
type run struct {
	text string
	st   runStyle
}

// richText is the content of one cell as formatted runs: Markdown turned into what a
// spreadsheet cell can show. Links are underlined blue text followed by their address, since a
// cell holds at most one hyperlink (and a cell made a hyperlink loses its formatting in
// LibreOffice); Links lists the safe addresses in order.
type richText struct {
	runs    []run
	Links   []string
	pending string // the prefix of the next line: a list marker with its indent
}

// add appends text in style st, joining it to the last run when the style is the same.
func (t *richText) add(s string, st runStyle) {
	if s == "" {
		return
	}
	if n := len(t.runs); n > 0 && t.runs[n-1].st == st {
		t.runs[n-1].text += s
		return
	}
	t.runs = append(t.runs, run{s, st})
}

// line starts a new line with indent, or with the pending list marker.
func (t *richText) line(indent string) {
	if len(t.runs) > 0 {
		t.add("\n", runStyle{})
	}
	if t.pending != "" {
		indent, t.pending = t.pending, ""
	}
	t.add(indent, runStyle{})
}

// Plain returns the text without formatting: what the cell shows, for measuring.
func (t *richText) Plain() string {
	var b strings.Builder
	for _, r := range t.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// Runs returns the runs for excelize, each with its font named in full.
func (t *richText) Runs() []excelize.RichTextRun {
	out := make([]excelize.RichTextRun, len(t.runs))
	for i, r := range t.runs {
		f := excelize.Font{Bold: r.st.bold, Italic: r.st.italic}
		switch {
		case r.st.link:
			f.Underline, f.Color = "single", colorLink
		case r.st.muted:
			f.Color = colorMuted
		}
		if r.st.code {
			f.Family = fontMono
			f.Size = fontSize - 1
		}
		out[i] = excelize.RichTextRun{Text: r.text, Font: withFamily(&f)}
	}
	return out
}

// richCells turns Markdown into the narrative's cells: one per top-level block, with a tight
// list in one cell (a line per item) and a loose list in one cell per item. Headings are bold,
// rules are left out and raw HTML is dropped, as in markdown.PlainText.
func richCells(md string) []*richText {
	return richBlocks(markdown.Parse([]byte(md)).Blocks)
}

// richBlocks returns the cells of top-level blocks; the blocks of a block quote are cells of
// their own.
func richBlocks(blocks []markdown.Block) []*richText {
	var out []*richText
	for _, b := range blocks {
		switch b := b.(type) {
		case *markdown.ThematicBreak, *markdown.HTMLBlock:
			continue
		case *markdown.List:
			if !b.Tight {
				for i, it := range b.Items {
					t := &richText{}
					t.item(b, i, it, "")
					out = append(out, t)
				}
				continue
			}
		case *markdown.Quote:
			out = append(out, richBlocks(b.Blocks)...)
			continue
		}
		t := &richText{}
		t.block(b, "")
		if len(t.runs) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// richEntry turns one list entry of the progress notes (a highlight, a risk, a next step) into
// one cell that starts with marker: every block of the entry on lines of its own, indented
// under the marker.
func richEntry(md, marker string) *richText {
	t := &richText{pending: marker}
	indent := strings.Repeat(" ", len([]rune(marker)))
	for _, b := range markdown.Parse([]byte(md)).Blocks {
		t.block(b, indent)
	}
	return t
}

// block writes the lines of one block, each starting with indent.
func (t *richText) block(b markdown.Block, indent string) {
	switch b := b.(type) {
	case *markdown.Paragraph:
		t.line(indent)
		t.inlines(b.Inlines, runStyle{})
	case *markdown.Heading:
		t.line(indent)
		t.inlines(b.Inlines, runStyle{bold: true})
	case *markdown.CodeBlock:
		for _, l := range b.Lines {
			t.line(indent)
			t.add(l, runStyle{code: true})
		}
	case *markdown.List:
		for i, it := range b.Items {
			t.item(b, i, it, indent)
		}
	case *markdown.Quote:
		for _, q := range b.Blocks {
			t.block(q, indent)
		}
	case *markdown.Table:
		t.row(b.Header, indent, runStyle{bold: true})
		for _, r := range b.Rows {
			t.row(r, indent, runStyle{})
		}
	}
}

// item writes item i of list l: its marker ("• ", or its number as Markdown counts it) before
// its first line, its other lines indented under the first.
func (t *richText) item(l *markdown.List, i int, it markdown.Item, indent string) {
	marker := bulletMark
	if l.Ordered {
		marker = strconv.Itoa(l.Start+i) + ". "
	}
	t.pending = indent + marker
	if len(it.Blocks) == 0 {
		t.line("")
	}
	for _, b := range it.Blocks {
		t.block(b, indent+listIndent)
	}
	t.pending = ""
}

// row writes one table row: its cells separated by " | ".
func (t *richText) row(cells []markdown.Cell, indent string, st runStyle) {
	t.line(indent)
	for i, c := range cells {
		if i > 0 {
			t.add(" | ", runStyle{})
		}
		t.inlines(c.Inlines, st)
	}
}

// inlines writes inline content in style st.
func (t *richText) inlines(ins []markdown.Inline, st runStyle) {
	for _, in := range ins {
		switch in := in.(type) {
		case markdown.Text:
			t.add(string(in), st)
		case markdown.SoftBreak:
			t.add(" ", st)
		case markdown.HardBreak:
			t.add("\n", runStyle{})
		case *markdown.Emphasis:
			inner := st
			if in.Strong {
				inner.bold = true
			} else {
				inner.italic = true
			}
			t.inlines(in.Inlines, inner)
		case markdown.Code:
			inner := st
			inner.code = true
			t.add(string(in), inner)
		case *markdown.Link:
			t.link(in, st)
		case *markdown.Image:
			t.add(markdown.InlineText(in.Alt), st)
		}
	}
}

// link writes a link's text, underlined in blue when its address is safe, then the address in
// parentheses when the text does not already show it.
func (t *richText) link(l *markdown.Link, st runStyle) {
	if !linkable(l.Dest) {
		t.inlines(l.Inlines, st)
		return
	}
	inner := st
	inner.link = true
	t.inlines(l.Inlines, inner)
	t.Links = append(t.Links, l.Dest)
	text := markdown.InlineText(l.Inlines)
	if text != l.Dest && "mailto:"+text != l.Dest {
		t.add(" ("+strings.TrimPrefix(l.Dest, "mailto:")+")", runStyle{muted: true})
	}
}
