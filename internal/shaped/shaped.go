// Package shaped is the vocabulary of shaped text shared by the shaper (package typeset) and the
// PDF writer (internal/fpdf): glyphs with their positions, runs of one font, and the fonts they
// are drawn from. Measures are in thousandths of an em, so one shaping serves every size.
package shaped

// Glyph is one shaped glyph.
type Glyph struct {
	ID                        uint16
	Advance, XOffset, YOffset float64
	// Text is the text of the cluster (the characters shaped together) on the cluster's first
	// glyph in drawing order, and empty on its other glyphs.
	Text string
}

// Run is a sequence of glyphs of one font and one direction.
type Run struct {
	Font   Font
	Glyphs []Glyph // in drawing order, left to right
	Text   string  // the run's text in logical (reading) order
	RTL    bool
	// Complex is set when the glyphs of a left-to-right run do not stand one cluster each, in
	// reading order, so that text extraction needs the run's Text (Indic reordering, a cluster
	// drawn with several glyphs). Right-to-left runs are extracted glyph by glyph: extraction
	// tools put them in reading order themselves.
	Complex bool
}

// Line is a shaped line of text: its runs left to right, and its width.
type Line struct {
	Runs  []Run
	Width float64
}

// Font is a font program drawn by glyph ID.
type Font interface {
	// Key identifies the font among all fonts of a run.
	Key() string
	// Name is the font's PostScript name.
	Name() string
	// CFF reports PostScript (CFF) outlines rather than TrueType ones.
	CFF() bool
	// Advance is glyph gid's advance width.
	Advance(gid uint16) float64
	// Metrics are the font's global measures.
	Metrics() Metrics
	// Program returns the font program holding (at least) glyphs gids, with glyph IDs
	// unchanged: a TrueType file, or a CID-keyed CFF whose CIDs are the glyph IDs.
	Program(gids []uint16) ([]byte, error)
	// Outline returns glyph gid's outline (y up, from the glyph's origin), or nil.
	Outline(gid uint16) []Segment
}

// The operations of an outline's segments.
const (
	MoveTo = iota
	LineTo
	QuadTo  // one control point, then the end point
	CubicTo // two control points, then the end point
)

// Segment is one step of a glyph's outline: its operation and up to three points, (x, y) in
// thousandths of an em.
type Segment struct {
	Op  int
	Pts [3][2]float64
}

// Metrics are a font's global measures, as a PDF font descriptor gives them.
type Metrics struct {
	Ascent, Descent, CapHeight float64
	BBox                       [4]float64
	ItalicAngle                float64
	UnderlinePos, UnderlineThk float64
	FixedPitch, Serif, Italic  bool
}
