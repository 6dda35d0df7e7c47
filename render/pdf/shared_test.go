package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"sync"
	"testing"

	"github.com/cwo-tool/cwo"
)

// testLogo is a small PNG with an alpha channel, which fpdf parses the slow way.
func testLogo(t *testing.T) *Image {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 16, 16))
	for i := range 16 {
		img.Set(i, i, color.NRGBA{R: 200, A: uint8(16 * i)})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	logo, err := NewImage("logo.png", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return logo
}

// TestSharedSameBytes renders an agreement and a brochure with a logo in several goroutines
// with one Shared, as a run does, and checks that every document is byte for byte the one
// rendered without sharing anything.
func TestSharedSameBytes(t *testing.T) {
	brochure := testBrochure(true, "x")
	brochure.Logo = testLogo(t)
	render := func(opt Options) (agreement, brochurePDF []byte) {
		var a, b bytes.Buffer
		if err := Agreement(&a, testDoc(cwo.StatusSent), opt); err != nil {
			t.Error(err)
		}
		if _, err := Brochure(&b, brochure, opt); err != nil {
			t.Error(err)
		}
		return a.Bytes(), b.Bytes()
	}
	opt := Options{Paper: "a4", Brand: "#AA3300"}
	wantA, wantB := render(opt)
	opt.Shared = NewShared()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			gotA, gotB := render(opt)
			if !bytes.Equal(gotA, wantA) {
				t.Errorf("agreement %d with a Shared differs from one without (%d and %d bytes)", i, len(gotA), len(wantA))
			}
			if !bytes.Equal(gotB, wantB) {
				t.Errorf("brochure %d with a Shared differs from one without (%d and %d bytes)", i, len(gotB), len(wantB))
			}
		})
	}
	wg.Wait()
}
