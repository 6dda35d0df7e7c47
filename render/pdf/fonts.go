package pdf

import (
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/cwo-tool/cwo/internal/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Fonts holds the TrueType files a document embeds. The zero value means the Go fonts.
type Fonts struct {
	Regular, Bold, Italic, BoldItalic, Mono []byte
}

// Font family names registered on every document.
const (
	familyBody = "body"
	familyMono = "mono"
)

// GoFonts returns the embedded Go fonts (BSD-licensed, made for embedding): Latin, Greek and
// Cyrillic, with € and typographic punctuation.
func GoFonts() Fonts {
	return Fonts{Regular: goregular.TTF, Bold: gobold.TTF, Italic: goitalic.TTF, BoldItalic: gobolditalic.TTF, Mono: gomono.TTF}
}

// withDefaults fills unset faces: regular from the Go font, the others from regular.
func (f Fonts) withDefaults() Fonts {
	g := GoFonts()
	if f.Regular == nil {
		return g
	}
	for _, face := range []*[]byte{&f.Bold, &f.Italic, &f.BoldItalic} {
		if *face == nil {
			*face = f.Regular
		}
	}
	if f.Mono == nil {
		f.Mono = g.Mono
	}
	return f
}

// addFonts registers the faces on a document, each parsed once per fontCache. A face that does
// not parse sets the document's error.
func addFonts(pdf *fpdf.Fpdf, parsed *fontCache, f Fonts) {
	for _, face := range []struct {
		family, style string
		data          []byte
	}{{familyBody, "", f.Regular}, {familyBody, "B", f.Bold}, {familyBody, "I", f.Italic}, {familyBody, "BI", f.BoldItalic}, {familyMono, "", f.Mono}} {
		font, err := parsed.get(face.data)
		if err != nil {
			pdf.SetError(fmt.Errorf("font %s %q: %w", face.family, face.style, err))
			return
		}
		pdf.AddUTF8FontFromParsed(face.family, face.style, font)
	}
}

// maxParsedFonts is how many font files a fontCache keeps.
const maxParsedFonts = 16

// fontCache holds the fonts fpdf has parsed, so that every document of a run, in every
// goroutine, shares one read-only parse of each font instead of parsing it again (a third of an
// agreement's time went into parsing fonts). Fonts are known by the identity of their bytes
// (address and length): a run reads its font files once and never changes them. An entry keeps
// its bytes alive, so their address cannot be reused for other bytes while it is cached; the
// cache keeps the last maxParsedFonts files, so that a run given fonts again and again does
// not grow. The zero value is empty and ready for use.
type fontCache struct {
	mu      sync.Mutex
	entries []*fontEntry // oldest first
}

type fontEntry struct {
	data []byte
	once sync.Once
	font *fpdf.UTF8Font
	err  error
}

// get returns the parsed font for data, parsing it on first use.
func (c *fontCache) get(data []byte) (*fpdf.UTF8Font, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("empty font file")
	}
	e := c.entry(data)
	e.once.Do(func() {
		defer func() {
			if v := recover(); v != nil {
				e.err = fmt.Errorf("not a usable TrueType font: %v", v)
			}
		}()
		e.font, e.err = fpdf.ParseUTF8Font(e.data)
	})
	return e.font, e.err
}

// entry finds or adds the entry for data.
func (c *fontCache) entry(data []byte) *fontEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		if len(e.data) == len(data) && &e.data[0] == &data[0] {
			return e
		}
	}
	e := &fontEntry{data: data}
	if len(c.entries) == maxParsedFonts {
		c.entries = slices.Delete(c.entries, 0, 1)
	}
	c.entries = append(c.entries, e)
	return e
}

// Coverage reports which runes every face of the fonts can draw.
type Coverage struct {
	faces []*sfnt.Font
	ascii [utf8.RuneSelf]bool // printable ASCII every face draws
}

// NewCoverage parses the fonts once, for checking text before anything is rendered.
func NewCoverage(f Fonts) (*Coverage, error) {
	f = f.withDefaults()
	c := &Coverage{}
	for i, data := range [][]byte{f.Regular, f.Bold, f.Italic, f.BoldItalic} {
		face, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("font %d: not a TrueType font: %w", i+1, err)
		}
		c.faces = append(c.faces, face)
	}
	for r := '!'; r < utf8.RuneSelf; r++ {
		c.ascii[r] = c.drawable(r, &sfnt.Buffer{})
	}
	return c, nil
}

// drawable reports whether every face has a glyph for r.
func (c *Coverage) drawable(r rune, buf *sfnt.Buffer) bool {
	for _, face := range c.faces {
		if gi, err := face.GlyphIndex(buf, r); err != nil || gi == 0 {
			return false
		}
	}
	return true
}

// Missing returns the runes of s that some face cannot draw, each once, in order of appearance.
// Spaces and control characters are never missing.
func (c *Coverage) Missing(s string) []rune {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] <= ' ' || c.ascii[s[i]]) {
		i++
	}
	if i == len(s) {
		return nil // the common case: plain ASCII text, no look-ups
	}
	var buf sfnt.Buffer
	var missing []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if r <= ' ' || seen[r] {
			continue
		}
		seen[r] = true
		if !c.drawable(r, &buf) {
			missing = append(missing, r)
		}
	}
	return missing
}
