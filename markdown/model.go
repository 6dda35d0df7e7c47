package markdown

// Document is parsed Markdown: a sequence of blocks.
type Document struct {
	Blocks []Block
}

// Block is one block of a document: *Paragraph, *Heading, *List, *Quote, *CodeBlock, *HTMLBlock,
// *ThematicBreak or *Table.
type Block interface{ isBlock() }

// Paragraph is a run of inline content.
type Paragraph struct {
	Inlines []Inline
	// Lines are the paragraph's source lines as written, without line endings, indentation, and
	// the markers of the lists and block quotes around it.
	Lines []string
	// Tight marks the text of an item of a tight list, drawn without space around it.
	Tight bool
}

// Heading is an ATX ("## Title") or setext (underlined) heading of Level 1 to 6.
type Heading struct {
	Level   int
	Inlines []Inline
	// Lines are the heading's text lines as written, without the "#" markers or the underline.
	Lines []string
}

// List is a bullet or ordered list.
type List struct {
	// Ordered lists number their items from Start.
	Ordered bool
	Start   int
	// Delim is the marker as written: '-', '+' or '*' for bullet lists, '.' or ')' after the
	// number of ordered lists.
	Delim byte
	// Tight lists have no blank line between or inside their items.
	Tight bool
	// Nested lists are directly inside an item of another list.
	Nested bool
	Items  []Item
}

// Item is one list item.
type Item struct {
	Blocks []Block
}

// Quote is a block quote.
type Quote struct {
	Blocks []Block
}

// CodeBlock is a fenced or indented code block.
type CodeBlock struct {
	// Info is the text after the opening fence ("go"), empty for indented code.
	Info string
	// Lines are the code's lines without line endings, tabs as written.
	Lines []string
}

// HTMLBlock is a block of raw HTML, kept as its source lines.
type HTMLBlock struct {
	Lines []string
}

// ThematicBreak is a horizontal rule ("---").
type ThematicBreak struct{}

// Table is a GitHub table: a header row and body rows. A body row short of cells is filled up
// with empty cells without alignment.
type Table struct {
	Header []Cell
	Rows   [][]Cell
}

// Cell is one table cell with the alignment of its column.
type Cell struct {
	Align   Align
	Inlines []Inline
}

// Align is a table column's alignment.
type Align int

// The alignments of a table column; AlignNone when the delimiter row has no colon.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

func (*Paragraph) isBlock()     {}
func (*Heading) isBlock()       {}
func (*List) isBlock()          {}
func (*Quote) isBlock()         {}
func (*CodeBlock) isBlock()     {}
func (*HTMLBlock) isBlock()     {}
func (*ThematicBreak) isBlock() {}
func (*Table) isBlock()         {}

// Inline is one piece of inline content: Text, SoftBreak, HardBreak, *Emphasis, Code, *Link,
// *Image or RawHTML.
type Inline interface{ isInline() }

// Text is plain text, with escapes and character references resolved.
type Text string

// SoftBreak is a line ending inside a paragraph, shown as a space.
type SoftBreak struct{}

// HardBreak is a forced line break (two trailing spaces or a backslash before the line ending).
type HardBreak struct{}

// Emphasis is emphasised (italic) or, when Strong, strongly emphasised (bold) content.
type Emphasis struct {
	Strong  bool
	Inlines []Inline
}

// Code is a code span's text as written, its line endings turned into spaces.
type Code string

// Link is a link or autolink. Dest is the target, percent-encoded where needed; for an e-mail
// autolink it starts with "mailto:". It may be anything: check it with [SafeURL] before making
// it clickable.
type Link struct {
	Dest    string
	Inlines []Inline
}

// Image is an image, of which cwo shows only the alternative text.
type Image struct {
	Alt []Inline
}

// RawHTML is an inline HTML tag or comment, as written.
type RawHTML string

func (Text) isInline()      {}
func (SoftBreak) isInline() {}
func (HardBreak) isInline() {}
func (*Emphasis) isInline() {}
func (Code) isInline()      {}
func (*Link) isInline()     {}
func (*Image) isInline()    {}
func (RawHTML) isInline()   {}
