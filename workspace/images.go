package workspace

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logo formats
	_ "image/png"
	"strings"

	"github.com/cwo-tool/cwo"
)

// loadImages reads every image path the contractor and the projects name (their logos) and
// records in ws.Images what cwo.Validate needs: the format and size, or why the file could not be
// read or decoded. Paths that validation refuses by their name alone are not read.
func (l *loader) loadImages() {
	l.ws.Images = map[string]cwo.Image{}
	var rels []string
	if c := l.ws.Contractor; c != nil {
		rels = append(rels, c.Logo)
	}
	for _, p := range l.ws.Projects {
		rels = append(rels, p.Logo)
	}
	for _, rel := range rels {
		if _, done := l.ws.Images[rel]; !done && imagePath(rel) {
			l.ws.Images[rel] = l.image(rel)
		}
	}
}

// imagePath reports whether rel may name a workspace image: a relative .png, .jpg or .jpeg path.
func imagePath(rel string) bool {
	low := strings.ToLower(rel)
	return (strings.HasSuffix(low, ".png") || strings.HasSuffix(low, ".jpg") || strings.HasSuffix(low, ".jpeg")) &&
		!strings.HasPrefix(rel, "/") && !strings.Contains(rel, "\\")
}

// image reads one image and decodes it in full, so that a file cut short or damaged after its
// header is reported by validate, not found by render. The format comes from the content: a
// JPEG named .png is read as the JPEG it is.
func (l *loader) image(rel string) cwo.Image {
	data, err := l.fsys.read(rel)
	if err != nil {
		return cwo.Image{Err: err}
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return cwo.Image{Err: fmt.Errorf("not a readable PNG or JPEG image (%v)", err)}
	}
	if int64(cfg.Width)*int64(cfg.Height) > cwo.MaxImagePixels { // refused by its size in validation
		return cwo.Image{Format: format, Width: cfg.Width, Height: cfg.Height}
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return cwo.Image{Err: fmt.Errorf("a damaged %s image: %v", strings.ToUpper(format), err)}
	}
	return cwo.Image{Format: format, Width: cfg.Width, Height: cfg.Height}
}
