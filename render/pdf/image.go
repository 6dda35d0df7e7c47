package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/png"
	"sync"
)

// NewImage prepares a PNG or JPEG file for embedding. PNGs are decoded and encoded again as plain
// 8-bit, non-interlaced PNG, which fpdf always accepts (it refuses interlaced and 16-bit files).
// Shared.Image does the same once per run for each file's content.
func NewImage(name string, data []byte) (*Image, error) {
	if isJPEG(data) {
		return &Image{Name: name, Data: data}, nil
	}
	plain, err := plainPNG(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Image{Name: name, Data: plain}, nil
}

// Image returns NewImage(name, data), decoding a PNG only the first time the run sees its
// content: a brochure shows one logo on a hundred cards, and decoding a large logo took seconds
// each time. The images returned for the same content share their bytes; callers must not
// modify them. A nil Shared decodes every time.
func (s *Shared) Image(name string, data []byte) (*Image, error) {
	if s == nil || isJPEG(data) {
		return NewImage(name, data)
	}
	plain, err := s.images.plainPNG(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Image{Name: name, Data: plain}, nil
}

// SharedStats counts the work a Shared saved or did, for tests and benchmarks.
type SharedStats struct {
	PNGDecodes int // PNG files Shared.Image decoded (once per distinct content)
}

// Stats returns what s has counted so far.
func (s *Shared) Stats() SharedStats {
	s.images.mu.Lock()
	defer s.images.mu.Unlock()
	return SharedStats{PNGDecodes: s.images.decodes}
}

// imageCache holds the PNGs of a run made plain, by the SHA-256 of their file.
type imageCache struct {
	mu      sync.Mutex
	plain   map[[sha256.Size]byte]*plainImage
	decodes int
}

// plainImage is one file's plain PNG, made once even when goroutines ask for it together.
type plainImage struct {
	once sync.Once
	data []byte
	err  error
}

// plainPNG returns plainPNG(data), from the cache when the same bytes were seen before.
func (c *imageCache) plainPNG(data []byte) ([]byte, error) {
	sum := sha256.Sum256(data)
	c.mu.Lock()
	if c.plain == nil {
		c.plain = map[[sha256.Size]byte]*plainImage{}
	}
	p := c.plain[sum]
	if p == nil {
		p = &plainImage{}
		c.plain[sum] = p
	}
	c.mu.Unlock()
	p.once.Do(func() {
		p.data, p.err = plainPNG(data)
		c.mu.Lock()
		c.decodes++
		c.mu.Unlock()
	})
	return p.data, p.err
}

// isJPEG reports whether a file is a JPEG, by its signature. Anything that is not is handled as
// a PNG, whose decoder then says what is wrong with it.
func isJPEG(data []byte) bool { return bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}) }

// Type is the image's format as fpdf names it, from its content: "PNG" or "JPG".
func (img *Image) Type() string {
	if isJPEG(img.Data) {
		return "JPG"
	}
	return "PNG"
}

// plainPNG decodes a PNG and encodes it again as 8-bit, non-interlaced PNG.
func plainPNG(data []byte) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a readable PNG: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, to8Bit(img)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
