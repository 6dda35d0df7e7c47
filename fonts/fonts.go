// Package fonts holds the typefaces cwo embeds for its documents: Noto Serif (regular, bold,
// italic, bold italic) for text and Noto Sans Mono for code, under the SIL Open Font License
// (OFL.txt, which travels with the binary as License).
//
// Noto Serif was chosen for legibility at 10 pt (a large x-height and sturdy serifs), for its
// coverage (Latin including Vietnamese, Greek and Cyrillic), for kerning and ligatures, and for
// tabular lining figures by default, so amounts line up in tables. It is the family whose
// script companions (Noto Sans Arabic, Noto Sans CJK, ...) users add as fallback fonts, so mixed
// scripts look alike.
package fonts

import _ "embed"

// The document faces, as TrueType files.
var (
	//go:embed NotoSerif-Regular.ttf
	Regular []byte
	//go:embed NotoSerif-Bold.ttf
	Bold []byte
	//go:embed NotoSerif-Italic.ttf
	Italic []byte
	//go:embed NotoSerif-BoldItalic.ttf
	BoldItalic []byte
	//go:embed NotoSansMono-Regular.ttf
	Mono []byte
)

// License is the license of the embedded fonts.
//
//go:embed OFL.txt
var License string
