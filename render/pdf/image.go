package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"path"
	"strings"
)

// NewImage prepares a PNG or JPEG file for embedding. PNGs are decoded and encoded again as plain
// 8-bit, non-interlaced PNG, which fpdf always accepts (it refuses interlaced and 16-bit files).
func NewImage(name string, data []byte) (*Image, error) {
	ext := strings.ToLower(path.Ext(name))
	if ext != ".png" {
		return &Image{Name: name, Data: data}, nil
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable PNG: %w", name, err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, to8Bit(img)); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Image{Name: name, Data: buf.Bytes()}, nil
}

// to8Bit converts 16-bit images to 8-bit NRGBA; others are returned as they are.
func to8Bit(img image.Image) image.Image {
	switch img.(type) {
	case *image.RGBA64, *image.NRGBA64, *image.Gray16:
		b := img.Bounds()
		out := image.NewNRGBA(b)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				out.Set(x, y, img.At(x, y))
			}
		}
		return out
	}
	return img
}
