// Package fontsubset cuts font programs down to the glyphs a document uses, for embedding in PDF
// files, keeping every glyph ID of the source font: cwo draws text as glyph IDs through Type0
// fonts with the Identity-H encoding, so a subset must draw glyph g where the source drew it.
//
// [TrueType] rebuilds a TrueType font (glyf outlines) with the unused glyphs made empty; [CFF]
// rebuilds a CFF font program as a CID-keyed font whose CIDs are the source's glyph IDs, with
// the unused subroutines emptied. Both check every read of their input and return an error,
// never a panic, on malformed data, and both are deterministic: the same input gives the same
// bytes.
package fontsubset
