package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/cwo-tool/cwo/fonts"
	"github.com/cwo-tool/cwo/internal/fpdf"
	"github.com/cwo-tool/cwo/internal/shaped"
	"github.com/cwo-tool/cwo/typeset"
)

// Font family names registered on every document.
const (
	familyBody = "body"
	familyMono = "mono"
)

// Style is one of the styles a document draws text in.
type Style int

// The styles, in the order of Faces and fpdf's style names.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
	Mono
	numStyles
)

// Faces lists, per style, the fonts a workspace names, in order of preference (see NewFonts),
// and the language text is shaped as (the workspace's locale; empty means English).
type Faces struct {
	Regular, Bold, Italic, BoldItalic, Mono, Fallback []*typeset.Face
	Lang                                              string
}

// Fonts are the styles documents draw text in. Make them once per run (NewFonts): each style
// keeps the shapes of the text it drew, for the run's other documents.
type Fonts struct {
	styles [numStyles]*typeset.Style
	hash   string
}

// NewFonts builds the styles from the workspace's faces and the embedded ones: each style
// draws a character from its own faces (bold, italic and bold italic default to regular's;
// with none, the embedded face), then the fallback faces, then the embedded face.
func NewFonts(f Faces) (*Fonts, error) {
	emb, err := embeddedFaces()
	if err != nil {
		return nil, err
	}
	own := [numStyles][]*typeset.Face{f.Regular, f.Bold, f.Italic, f.BoldItalic, f.Mono}
	for s := Bold; s <= BoldItalic; s++ {
		if len(own[s]) == 0 {
			own[s] = f.Regular
		}
	}
	fs := &Fonts{}
	h := sha256.New()
	lang := f.Lang
	if lang == "" {
		lang = "en"
	}
	fmt.Fprintf(h, "lang %s\n", lang)
	for s := range numStyles {
		var chain []*typeset.Face
		if len(own[s]) == 0 {
			chain = append(chain, emb[s])
		}
		chain = append(append(chain, own[s]...), f.Fallback...)
		if len(own[s]) > 0 {
			chain = append(chain, emb[s])
		}
		fs.styles[s] = typeset.NewStyleLang(lang, chain...)
		for _, face := range chain {
			fmt.Fprintf(h, "%d %s\n", s, face.Key())
		}
	}
	fs.hash = hex.EncodeToString(h.Sum(nil))
	return fs, nil
}

// Hash identifies the fonts: the same hash, the same faces in the same order.
func (f *Fonts) Hash() string {
	if f == nil {
		return DefaultFonts().hash
	}
	return f.hash
}

// Style returns one of the styles.
func (f *Fonts) Style(s Style) *typeset.Style { return f.styles[s] }

var embedded struct {
	once  sync.Once
	faces [numStyles]*typeset.Face
	err   error
	fonts *Fonts
}

// embeddedFaces parses the embedded faces, once per process.
func embeddedFaces() ([numStyles]*typeset.Face, error) {
	embedded.once.Do(func() {
		for s, data := range [][]byte{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic, fonts.Mono} {
			embedded.faces[s], embedded.err = typeset.Parse(data, "")
			if embedded.err != nil {
				embedded.err = fmt.Errorf("embedded font %d: %w", s, embedded.err)
				return
			}
		}
	})
	return embedded.faces, embedded.err
}

var defaultFonts = sync.OnceValues(func() (*Fonts, error) { return NewFonts(Faces{}) })

// DefaultFonts returns the embedded fonts alone, shared by the process.
func DefaultFonts() *Fonts {
	f, err := defaultFonts()
	if err != nil {
		panic(err) // the embedded fonts are part of the binary, tested
	}
	return f
}

// addFonts registers the styles on a document.
func addFonts(pdf *fpdf.Fpdf, f *Fonts) {
	if f == nil {
		f = DefaultFonts()
	}
	for s, name := range []struct{ family, style string }{
		{familyBody, ""}, {familyBody, "B"}, {familyBody, "I"}, {familyBody, "BI"}, {familyMono, ""},
	} {
		st := f.styles[s]
		pdf.AddShapedFont(name.family, name.style, shaper{st}, st.Faces()[0].Metrics())
	}
}

// shaper adapts a typeset style to fpdf.
type shaper struct{ st *typeset.Style }

func (s shaper) Shape(text string) shaped.Line { return s.st.Shape(text) }
func (s shaper) Width(text string) float64     { return s.st.Width(text) }
func (s shaper) Breaks(text string) []int      { return typeset.Breaks(text) }
func (s shaper) RTL(text string) bool          { return typeset.RTL(text) }
