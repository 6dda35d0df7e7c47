package fpdf

// cwo patch 20 (continued): shaped text drawn as paths, for marks that are not text (a DRAFT
// watermark): filled glyph outlines inside an /Artifact span, so no tool extracts them.

import (
	"github.com/cwo-tool/cwo/internal/shaped"
)

// ArtifactText fills the outlines of s, in the current shaped font and size, with the current
// fill colour, the left end of its baseline at (x, y). It is marked as a watermark artifact
// and is not text: extraction, search and screen readers skip it.
func (f *Fpdf) ArtifactText(x, y float64, s string) {
	if f.err != nil || f.currentFont.shaper == nil {
		return
	}
	b := []byte("/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n")
	scale := f.fontSizePt / 1000
	pen := 0.0
	for _, run := range f.currentFont.shaper.Shape(s).Runs {
		for _, g := range run.Glyphs {
			ox, oy := x*f.k+(pen+g.XOffset)*scale, (f.h-y)*f.k+g.YOffset*scale
			b = appendOutline(b, run.Font.Outline(g.ID), ox, oy, scale)
			pen += g.Advance
		}
	}
	b = append(b, "f\nEMC"...)
	f.outBytes(b)
}

// appendOutline appends an outline as path operators, placed at (ox, oy) and scaled; quadratic
// segments become cubic ones.
func appendOutline(b []byte, segs []shaped.Segment, ox, oy, scale float64) []byte {
	pt := func(b []byte, p [2]float64) []byte {
		b = appendNum(b, ox+p[0]*scale)
		b = append(b, ' ')
		b = appendNum(b, oy+p[1]*scale)
		return append(b, ' ')
	}
	var cur [2]float64
	for _, s := range segs {
		switch s.Op {
		case shaped.MoveTo:
			b = append(pt(b, s.Pts[0]), "m\n"...)
			cur = s.Pts[0]
		case shaped.LineTo:
			b = append(pt(b, s.Pts[0]), "l\n"...)
			cur = s.Pts[0]
		case shaped.QuadTo:
			c, e := s.Pts[0], s.Pts[1]
			c1 := [2]float64{cur[0] + 2*(c[0]-cur[0])/3, cur[1] + 2*(c[1]-cur[1])/3}
			c2 := [2]float64{e[0] + 2*(c[0]-e[0])/3, e[1] + 2*(c[1]-e[1])/3}
			b = append(pt(pt(pt(b, c1), c2), e), "c\n"...)
			cur = e
		case shaped.CubicTo:
			b = append(pt(pt(pt(b, s.Pts[0]), s.Pts[1]), s.Pts[2]), "c\n"...)
			cur = s.Pts[2]
		}
	}
	return b
}
