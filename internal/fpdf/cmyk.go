package fpdf

// cwo patch 23: device CMYK colours. Upstream fpdf sets colours in DeviceRGB (or DeviceGray when
// the three components are equal) and CMYK only through spot colours; a document for a press
// needs text in black ink alone (0 0 0 1 k) and brand colours as process inks.

// cmykColorValue formats a DeviceCMYK colour for the operator op ("k" fill, "K" stroke). The
// components run from 0 (no ink) to 1 (full ink) and are clamped to that range.
func (f *Fpdf) cmykColorValue(c, m, y, k float64, op string) (clr colorType) {
	clr.mode = colorModeCMYK
	f.fmt.col.Reset()
	for _, v := range [4]float64{c, m, y, k} {
		f.fmt.col.WriteString(f.fmtF64(min(max(v, 0), 1), 3))
		f.fmt.col.WriteString(" ")
	}
	f.fmt.col.WriteString(op)
	clr.str = f.fmt.col.String()
	return clr
}

// SetDrawColorCMYK sets the colour of lines and borders in DeviceCMYK: c, m, y and k from 0 (no
// ink) to 1 (full ink). Like SetDrawColor, it may be called before the first page and holds from
// page to page.
func (f *Fpdf) SetDrawColorCMYK(c, m, y, k float64) {
	f.color.draw = f.cmykColorValue(c, m, y, k, "K")
	if f.page > 0 {
		f.out(f.color.draw.str)
	}
}

// SetFillColorCMYK sets the colour of filled shapes and cell backgrounds in DeviceCMYK: c, m, y
// and k from 0 (no ink) to 1 (full ink).
func (f *Fpdf) SetFillColorCMYK(c, m, y, k float64) {
	f.color.fill = f.cmykColorValue(c, m, y, k, "k")
	f.colorFlag = f.color.fill.str != f.color.text.str
	if f.page > 0 {
		f.out(f.color.fill.str)
	}
}

// SetTextColorCMYK sets the colour of text in DeviceCMYK: c, m, y and k from 0 (no ink) to 1
// (full ink). SetTextColorCMYK(0, 0, 0, 1) is text in black ink alone.
func (f *Fpdf) SetTextColorCMYK(c, m, y, k float64) {
	f.color.text = f.cmykColorValue(c, m, y, k, "k")
	f.colorFlag = f.color.fill.str != f.color.text.str
}
