package pdf

import (
	"math"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/fpdf"
)

// A brochure sets every colour through its textColor, fillColor and drawColor methods. On
// screen (print: false) a colour is the RGB it is declared in. For the press (print: true) a
// colour is made of process inks, so that a print shop gets what it asks for:
//
//   - text is in black ink alone (0 0 0 k k): near-black and coloured text in solid black,
//     grey text as a tint of black, white text as no ink (knocked out of the colour behind it);
//     four-colour text blurs when the plates do not register exactly;
//   - a neutral grey fill or rule is a tint of black alone, for the same reason;
//   - any other colour (the brand's, and its tints) is converted from RGB to CMYK with full
//     grey-component replacement: K = 1 − max(R, G, B), C = (1 − R − K) / (1 − K), and so on
//     (R, G, B from 0 to 1). It is the device conversion every RIP documents; the output intent
//     names the printing condition, for the print shop's own colour management;
//   - crop marks are in the registration colour, the separation "All", which prints on
//     every plate.

// cmyk is an ink mix, each from 0 (none) to 1 (solid).
type cmyk struct{ c, m, y, k float64 }

// Ink conversion thresholds.
const (
	neutralSaturation = 0.15 // a colour at most this saturated is a grey
	solidBlackK       = 0.85 // text at least this dark is set in solid black
	registration      = "All"
)

// black is text's solid black ink.
var black = cmyk{k: 1}

// neutral reports whether c is a grey (or black or white): its HSL saturation is at most
// neutralSaturation. The palette's greys are slightly blue (text #212529: 0.10, rules #ADB5BD:
// 0.11); a light tint of the brand colour is not a grey (#E5EDF2: 0.33).
func neutral(c rgb) bool {
	hi, lo := max(c.r, c.g, c.b), min(c.r, c.g, c.b)
	if hi == lo {
		return true
	}
	sum := hi + lo
	if sum > 255 {
		sum = 510 - sum
	}
	return float64(hi-lo)/float64(sum) <= neutralSaturation
}

// greyInk is the tint of black that prints a grey as dark as c (its Rec. 601 luma).
func greyInk(c rgb) cmyk {
	luma := 0.299*float64(c.r) + 0.587*float64(c.g) + 0.114*float64(c.b)
	return cmyk{k: round2(1 - luma/255)}
}

// processInk converts c to CMYK with full grey-component replacement (see above); a grey gets
// black ink alone.
func processInk(c rgb) cmyk {
	if neutral(c) {
		return greyInk(c)
	}
	r, g, b := float64(c.r)/255, float64(c.g)/255, float64(c.b)/255
	k := 1 - max(r, g, b)
	return cmyk{round2((1 - r - k) / (1 - k)), round2((1 - g - k) / (1 - k)), round2((1 - b - k) / (1 - k)), round2(k)}
}

// textInk is the black-only ink of text in colour c: a tint for a grey, solid black for
// anything darker than solidBlackK or not grey at all, none for white.
func textInk(c rgb) cmyk {
	if !neutral(c) {
		return black
	}
	ink := greyInk(c)
	if ink.k >= solidBlackK {
		return black
	}
	return ink
}

// round2 rounds an ink to whole percent, as a print shop reads it.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// setUp registers the registration colour and the output intent of a print brochure.
func (b *brochure) setUpInks() {
	if !b.s.print {
		return
	}
	b.pdf.AddSpotColor(registration, 100, 100, 100, 100)
	oi := b.d.OutputIntent
	if oi.Condition == "" {
		oi = b.d.Brochure.PrintCondition(b.d.Paper)
	}
	b.pdf.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFX,
		OutputConditionIdentifier: oi.Condition,
		RegistryName:              "http://www.color.org",
		Info:                      oi.Describe(),
		ICCProfile:                b.d.Profile,
	})
}

// textColor sets the colour of the text drawn next.
func (b *brochure) textColor(c rgb) {
	if !b.s.print {
		setColor(b.pdf, c)
		return
	}
	i := textInk(c)
	b.pdf.SetTextColorCMYK(i.c, i.m, i.y, i.k)
}

// fillColor sets the colour of the shapes filled next.
func (b *brochure) fillColor(c rgb) {
	if !b.s.print {
		setFillColor(b.pdf, c)
		return
	}
	i := processInk(c)
	b.pdf.SetFillColorCMYK(i.c, i.m, i.y, i.k)
}

// drawColor sets the colour of the lines drawn next.
func (b *brochure) drawColor(c rgb) {
	if !b.s.print {
		setDrawColor(b.pdf, c)
		return
	}
	i := processInk(c)
	b.pdf.SetDrawColorCMYK(i.c, i.m, i.y, i.k)
}

// registrationColor strokes the next lines in the registration colour (crop marks).
func (b *brochure) registrationColor() { b.pdf.SetDrawSpotColor(registration, 100) }

// date writes a date in the brochure's one style: its locale's long date ("20 August 2026").
func (b *brochure) date(d cwo.Date) string { return cwo.FormatDate(d, b.d.Locale) }

// unbrokenDate is date with no-break spaces, for a narrow caption: it moves to the next line
// whole instead of leaving its year alone there.
func (b *brochure) unbrokenDate(d cwo.Date) string {
	return strings.ReplaceAll(b.date(d), " ", "\u00a0")
}
