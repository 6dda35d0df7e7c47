package pdf

import (
	"github.com/boombuler/barcode/qr"
	"github.com/cwo-tool/cwo/internal/fpdf"
)

// drawQR draws a QR code for url as vector squares in a size × size box at x, y, with the
// standard four-module quiet zone inside the box. It returns false when url cannot be encoded.
func drawQR(pdf *fpdf.Fpdf, url string, x, y, size float64) bool {
	code, err := qr.Encode(url, qr.M, qr.Auto)
	if err != nil {
		return false
	}
	n := code.Bounds().Dx()
	module := size / float64(n+8)
	pdf.SetFillColor(255, 255, 255)
	pdf.Rect(x, y, size, size, "F")
	pdf.SetFillColor(0, 0, 0)
	for row := range n {
		for col := 0; col < n; {
			if !dark(code.At(col, row)) {
				col++
				continue
			}
			run := col
			for run < n && dark(code.At(run, row)) {
				run++
			}
			pdf.Rect(x+float64(col+4)*module, y+float64(row+4)*module, float64(run-col)*module, module, "F")
			col = run
		}
	}
	return true
}

func dark(c interface{ RGBA() (r, g, b, a uint32) }) bool {
	r, _, _, _ := c.RGBA()
	return r < 0x8000
}
