package fpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// inkDoc returns an uncompressed one-page document with fixed dates.
func inkDoc() *Fpdf {
	pdf := NewCustom(&InitType{UnitStr: "pt", Size: SizeType{Wd: 200, Ht: 200}})
	pdf.SetCompression(false)
	at := time.Date(2026, 9, 29, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(at)
	pdf.SetModificationDate(at)
	return pdf
}

// TestCMYKColors checks that the CMYK setters write DeviceCMYK operators, clamp their components,
// and that text drawn after SetTextColorCMYK carries its colour.
func TestCMYKColors(t *testing.T) {
	pdf := inkDoc()
	pdf.SetFont("Helvetica", "", 10)
	pdf.AddPage()
	pdf.SetDrawColorCMYK(0, 0, 0, 0.3)
	pdf.SetFillColorCMYK(0.75, 0.36, -1, 0.53)
	pdf.Rect(10, 10, 50, 50, "FD")
	pdf.SetTextColorCMYK(0, 0, 0, 2)
	pdf.Text(10, 100, "black ink")
	out := output(t, pdf)
	for _, want := range []string{"0.000 0.000 0.000 0.300 K", "0.750 0.360 0.000 0.530 k",
		"q 0.000 0.000 0.000 1.000 k BT"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("want %q in the page", want)
		}
	}
}

// TestSpotColorsInOrder checks that spot colours are written, and listed in the page resources,
// in the order they were added, whatever the map's order (patch 24).
func TestSpotColorsInOrder(t *testing.T) {
	var first []byte
	for range 20 {
		pdf := inkDoc()
		for _, name := range []string{"All", "Brand", "Silver", "Gold", "Varnish"} {
			pdf.AddSpotColor(name, 100, 100, 100, 100)
		}
		pdf.AddPage()
		pdf.SetDrawSpotColor("All", 100)
		pdf.Line(0, 0, 10, 10)
		out := output(t, pdf)
		if first == nil {
			first = out
			if !regexp.MustCompile(`/CS1 \d+ 0 R\s*/CS2 \d+ 0 R\s*/CS3`).Match(out) {
				t.Fatalf("colour spaces not listed in order:\n%s", out)
			}
			continue
		}
		if !bytes.Equal(first, out) {
			t.Fatal("the same spot colours gave different bytes")
		}
	}
}

// TestOutputIntents checks a CMYK profile's stream (/N 4, DeviceCMYK), and an intent that names a
// registered condition without a profile; qpdf finds the file sound.
func TestOutputIntents(t *testing.T) {
	profile := make([]byte, 128)
	copy(profile[16:], "CMYK")
	pdf := inkDoc()
	pdf.AddOutputIntent(OutputIntentType{SubtypeIdent: OutputIntent_GTS_PDFX, OutputConditionIdentifier: "Press (a)",
		Info: "A CMYK press", ICCProfile: profile})
	pdf.AddOutputIntent(OutputIntentType{SubtypeIdent: OutputIntent_GTS_PDFX, OutputConditionIdentifier: "FOGRA39",
		RegistryName: "http://www.color.org"})
	pdf.AddPage()
	out := output(t, pdf)
	for _, re := range []string{
		`<< /N 4 /Alternate /DeviceCMYK /Length \d+`,
		`/OutputConditionIdentifier \(Press \\\(a\\\)\) /Info \(A CMYK press\) /DestOutputProfile \d+ 0 R >>`,
		`/OutputConditionIdentifier \(FOGRA39\) /RegistryName \(http://www.color.org\) >>`,
	} {
		if !regexp.MustCompile(re).Match(out) {
			t.Errorf("want %s in the PDF", re)
		}
	}
	if n, alt := iccComponents([]byte("short")); n != 3 || alt != "DeviceRGB" {
		t.Errorf("a short profile: got %d %s, want 3 DeviceRGB", n, alt)
	}
	file := filepath.Join(t.TempDir(), "intents.pdf")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command("qpdf", "--check", file).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, msg)
	}
}
