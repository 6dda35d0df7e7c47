// cwo patch: PNG and JPEG images parsed once per Cache. See PATCHES.md.

package fpdf

import (
	"bytes"
	"crypto/sha256"
	"io"
	"slices"
	"sync"
)

// maxParsedImages is how many parsed images an imageCache keeps.
const maxParsedImages = 32

type imageKey struct {
	sum     [sha256.Size]byte
	typ     string  // "png" or "jpg"
	readDpi bool    // ImageOptions.ReadDpi
	k       float64 // the document's scale factor, which the image info records
}

// parsedImage is a parsed image and the PDF version it requires (parsepng raises the
// document's version for 16-bit and alpha images).
type parsedImage struct {
	info    ImageInfoType // before its ID is set; shared slices are never written
	version pdfVersion
}

// imageCache keeps the last maxParsedImages PNG and JPEG images parsed, by the SHA-256 of their
// bytes: a batch draws the same logo on every document, and parsing a PNG (inflating it,
// splitting off the alpha channel, deflating both again) cost more than drawing it.
type imageCache struct {
	mu     sync.Mutex
	images map[imageKey]*parsedImage
	order  []imageKey // oldest first
}

// parseImageCached is parsepng or parsejpg, with the result taken from the document's Cache
// when the same bytes were parsed before. The document gets its own copy of the image info and the same
// PDF version as if it had parsed the image itself.
func (f *Fpdf) parseImageCached(r io.Reader, options ImageOptions) *ImageInfoType {
	data, err := io.ReadAll(r)
	if err != nil {
		f.err = err
		return nil
	}
	key := imageKey{sum: sha256.Sum256(data), typ: options.ImageType, readDpi: options.ReadDpi, k: f.k}
	if p := f.cache.images.get(key); p != nil {
		f.pdfVersion = max(f.pdfVersion, p.version)
		info := p.info
		return &info
	}
	before := f.pdfVersion
	f.pdfVersion = pdfVers1_3
	var info *ImageInfoType
	if options.ImageType == "png" {
		info = f.parsepng(bytes.NewReader(data), options.ReadDpi)
	} else {
		info = f.parsejpg(bytes.NewReader(data))
	}
	needed := f.pdfVersion
	f.pdfVersion = max(before, needed)
	if f.err == nil && info != nil {
		f.cache.images.put(key, &parsedImage{info: *info, version: needed})
	}
	return info
}

func (c *imageCache) get(key imageKey) *parsedImage {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.images[key]
}

func (c *imageCache) put(key imageKey, p *parsedImage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.images[key]; ok {
		return
	}
	if c.images == nil {
		c.images = map[imageKey]*parsedImage{}
	}
	if len(c.order) == maxParsedImages {
		delete(c.images, c.order[0])
		c.order = slices.Delete(c.order, 0, 1)
	}
	c.images[key] = p
	c.order = append(c.order, key)
}
