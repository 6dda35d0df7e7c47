package typeset

import (
	"slices"
	"unicode"

	"sync"

	"github.com/cwo-tool/cwo/internal/shaped"
	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Glyph, Run and Line are the shaped text typeset makes.
type (
	Glyph = shaped.Glyph
	Run   = shaped.Run
	Line  = shaped.Line
)

// Style is an ordered list of faces, used as one font: each character is drawn from the first
// face that has it. A Style shapes each distinct text once and is safe for concurrent use.
type Style struct {
	faces []*Face
	lang  language.Language
	cache lineCache
}

// NewStyle returns a style drawing from faces in order; it needs at least one face. It shapes
// text as English (language-specific forms are a font's choice for the language): see
// NewStyleLang. Shaping never depends on the process's locale, so output is the same
// everywhere.
func NewStyle(faces ...*Face) *Style { return NewStyleLang("en", faces...) }

// NewStyleLang is NewStyle shaping text as language lang (a BCP 47 tag such as "de-DE" or
// "zh-Hans"), which selects a font's forms for that language: Chinese, Japanese or Korean
// forms of the same ideograph in a CJK font, for example.
func NewStyleLang(lang string, faces ...*Face) *Style {
	return &Style{faces: faces, lang: language.NewLanguage(lang)}
}

// Faces returns the style's faces, in order of preference.
func (s *Style) Faces() []*Face { return s.faces }

// Shape lays out one line of text (no line breaks), given in reading order.
func (s *Style) Shape(text string) Line {
	if l, ok := s.cache.get(text); ok {
		return l
	}
	w := workers.Get().(*worker)
	l := w.shape(s, text)
	workers.Put(w)
	s.cache.put(text, l)
	return l
}

// Width is the width of text shaped as one line, in thousandths of an em.
func (s *Style) Width(text string) float64 { return s.Shape(text).Width }

// shapeSize is the size text is shaped at: a thousand units to the em, so that advances come
// out in thousandths of an em (in 26.6 fixed point).
var shapeSize = fixed.I(1000)

// worker holds what shaping needs that is not safe for concurrent use.
type worker struct {
	hb    shaping.HarfbuzzShaper
	seg   shaping.Segmenter
	para  bidi.Paragraph
	faces map[*Face]*font.Face
	style *Style
	runes []rune
}

var workers = sync.Pool{New: func() any { return &worker{faces: map[*Face]*font.Face{}} }}

// face returns the worker's go-text face for f.
func (w *worker) face(f *Face) *font.Face {
	ff := w.faces[f]
	if ff == nil {
		ff = font.NewFace(f.font)
		w.faces[f] = ff
	}
	return ff
}

// ResolveFace implements shaping.Fontmap: the first face of the style that has r, else the
// first face (which draws its .notdef glyph; validation reports such characters).
func (w *worker) ResolveFace(r rune) *font.Face {
	for _, f := range w.style.faces {
		if gid, ok := w.face(f).NominalGlyph(r); ok && gid != 0 {
			return w.face(f)
		}
	}
	return w.face(w.style.faces[0])
}

// ours maps a go-text face back to the style's face.
func (w *worker) ours(ff *font.Face) *Face {
	for _, f := range w.style.faces {
		if w.faces[f] == ff {
			return f
		}
	}
	return w.style.faces[0]
}

func (w *worker) shape(s *Style, text string) Line {
	w.style = s
	w.runes = w.runes[:0]
	for _, r := range text {
		w.runes = append(w.runes, r)
	}
	if len(w.runes) == 0 {
		return Line{}
	}
	rtl := RTL(text) // the paragraph's direction, from its first strong character (UAX #9 P2)
	levels := w.levels(rtl)
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	inputs := w.seg.Split(shaping.Input{Text: w.runes, RunEnd: len(w.runes),
		Direction: dir, Size: shapeSize, Language: s.lang}, w)
	line := Line{Runs: make([]Run, 0, len(inputs))}
	lv := make([]bidi.Level, 0, len(inputs))
	for _, in := range inputs {
		run := w.run(in)
		line.Width += runWidth(run)
		line.Runs = append(line.Runs, run)
		lv = append(lv, levels(in.RunStart))
	}
	reorder(line.Runs, lv)
	return line
}

// levels returns the bidi embedding level of each rune of w.runes (all 0 for text with no
// right-to-left characters, which skips the algorithm).
func (w *worker) levels(rtl bool) func(i int) bidi.Level {
	if !hasRTL(w.runes) {
		return func(int) bidi.Level { return 0 }
	}
	base := bidi.LeftToRight
	if rtl {
		base = bidi.RightToLeft
	}
	runs := w.para.Segment(w.runes, base)
	lv := make([]bidi.Level, len(w.runes))
	for i := 0; i < runs.NumRuns(); i++ {
		r := runs.Run(i)
		for j := r.Start; j < r.End && j < len(lv); j++ {
			lv[j] = r.Level
		}
	}
	return func(i int) bidi.Level { return lv[i] }
}

// run shapes one segment (one face, script and direction).
func (w *worker) run(in shaping.Input) Run {
	out := w.hb.Shape(in)
	rtl := in.Direction.Progression() == di.TowardTopLeft
	run := Run{Font: w.ours(in.Face), RTL: rtl, Text: string(w.runes[in.RunStart:in.RunEnd])}
	run.Glyphs = make([]Glyph, len(out.Glyphs))
	cluster := -1 // the glyphs of a cluster are adjacent in HarfBuzz's output
	for i, g := range out.Glyphs {
		gl := Glyph{ID: uint16(g.GlyphID), Advance: units(g.Advance), XOffset: units(g.XOffset), YOffset: units(g.YOffset)}
		if g.GlyphID > 0xFFFF {
			gl.ID = 0
		}
		if start := g.TextIndex(); start != cluster {
			cluster = start
			end := min(start+g.RunesCount(), len(w.runes))
			gl.Text = string(w.runes[start:end])
		}
		if g.GlyphsCount() > 1 && !rtl {
			// Extraction tools reorder right-to-left text drawn glyph by glyph themselves
			// (and reverse an /ActualText span), so only left-to-right clusters get one.
			run.Complex = true
		}
		run.Glyphs[i] = gl
	}
	return run
}

func units(v fixed.Int26_6) float64 { return float64(v) / 64 }

func runWidth(r Run) float64 {
	w := 0.0
	for _, g := range r.Glyphs {
		w += g.Advance
	}
	return w
}

// reorder puts runs in visual order by their bidi levels (rule L2 of UAX #9): from the highest
// level down to the lowest odd one, reverse every sequence of runs at that level or higher.
func reorder(runs []Run, levels []bidi.Level) {
	var hi, lo bidi.Level = 0, 127
	for _, l := range levels {
		hi, lo = max(hi, l), min(lo, l)
	}
	if hi == 0 {
		return
	}
	if lo%2 == 0 {
		lo++
	}
	for l := hi; l >= lo; l-- {
		for i := 0; i < len(runs); {
			if levels[i] < l {
				i++
				continue
			}
			j := i
			for j < len(runs) && levels[j] >= l {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
				levels[a], levels[b] = levels[b], levels[a]
			}
			i = j
		}
	}
}

// hasRTL reports whether text has a character of a right-to-left script (or an Arabic digit),
// the only case that needs the bidi algorithm.
func hasRTL(runes []rune) bool {
	for _, r := range runes {
		if r >= 0x0590 && (r <= 0x08FF || (r >= 0xFB1D && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF) ||
			(r >= 0x10800 && r <= 0x10FFF) || (r >= 0x1E800 && r <= 0x1EFFF)) {
			return true
		}
		if r == 0x200F || r == 0x202B || r == 0x202E || r == 0x2067 { // RLM, RLE, RLO, RLI
			return true
		}
	}
	return false
}

// RTL reports whether text reads right to left as a paragraph: its first strong character is
// of a right-to-left script.
func RTL(text string) bool {
	for _, r := range text {
		if hasRTL([]rune{r}) && r != 0x0660 {
			return !(r >= 0x0660 && r <= 0x0669) && !(r >= 0x06F0 && r <= 0x06F9)
		}
		if isStrongLTR(r) {
			return false
		}
	}
	return false
}

func isStrongLTR(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0 && r < 0x0590 && r != 0xD7 && r != 0xF7 ||
		r >= 0x0900 && r < 0xFB1D && !(r >= 0x2000 && r < 0x2E80) || r >= 0xFF21 && r < 0xFFF0
}

// Missing returns the characters of text that no face of the style can draw, each once, in
// order of appearance. Spaces, controls and invisible format characters are never missing.
func (s *Style) Missing(text string) []rune {
	var missing []rune
	for _, r := range text {
		if r <= ' ' || (r >= 0x7F && r < 0xA0) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) || r == 0xFE0F || r == 0xFE0E {
			continue
		}
		if !s.Has(r) && !slices.Contains(missing, r) {
			missing = append(missing, r)
		}
	}
	return missing
}

// Has reports whether some face of the style can draw r.
func (s *Style) Has(r rune) bool {
	for _, f := range s.faces {
		if f.Has(r) {
			return true
		}
	}
	return false
}

// Direction is the direction of a piece of text: that of its first strong character, or
// Neutral when it has none (spaces, punctuation, digits).
type Direction int

// The directions Strong returns.
const (
	Neutral Direction = iota
	LeftToRight
	RightToLeft
)

// HasRTL reports whether text has a right-to-left letter (Hebrew, Arabic and the other
// right-to-left scripts).
func HasRTL(text string) bool {
	for _, r := range text {
		if r >= 0x0590 && Strong(string(r)) == RightToLeft {
			return true
		}
	}
	return false
}

// Strong returns the direction of text's first strong character.
func Strong(text string) Direction {
	for _, r := range text {
		switch {
		case (r < 0x0660 || r > 0x0669) && (r < 0x06F0 || r > 0x06F9) && hasRTL([]rune{r}):
			return RightToLeft
		case unicode.IsLetter(r) || isStrongLTR(r):
			return LeftToRight
		}
	}
	return Neutral
}
