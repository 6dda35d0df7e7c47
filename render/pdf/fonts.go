package pdf

import (
	"fmt"

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

// Coverage reports which runes every face of the fonts can draw.
type Coverage struct {
	faces []*sfnt.Font
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
	return c, nil
}

// Missing returns the runes of s that some face cannot draw, each once, in order of appearance.
// Spaces and control characters are never missing.
func (c *Coverage) Missing(s string) []rune {
	var buf sfnt.Buffer
	var missing []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if r <= ' ' || seen[r] {
			continue
		}
		seen[r] = true
		for _, face := range c.faces {
			if gi, err := face.GlyphIndex(&buf, r); err != nil || gi == 0 {
				missing = append(missing, r)
				break
			}
		}
	}
	return missing
}
