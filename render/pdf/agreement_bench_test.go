package pdf

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo"
)

// benchBody is agreement Markdown of about six pages: numbered clauses, paragraphs with
// emphasis and links, lists and a table, in several scripts, like a rendered template.
func benchBody() string {
	var b strings.Builder
	para := "The Contractor's developers work on **the project itself**, in its public repositories, " +
		"guided by the maintainers; every change goes through the project's normal review (see " +
		"[the contributing guide](https://example.org/contributing)). Zoë Martin, Łukasz Nowak and " +
		"Ελένη Παπαδοπούλου share the work; amounts such as 12.500,00 € and $180,000.00 are exact. "
	for c := 1; c <= 14; c++ {
		fmt.Fprintf(&b, "## Clause %d\n\n%s%s\n\n%s\n\n", c, para, para, para)
		if c%3 == 0 {
			b.WriteString("- port the remaining ufuncs to the `simd` dispatch;\n- benchmark on Arm and x86;\n- keep results *within* the documented bounds.\n\n")
		}
		if c == 5 {
			b.WriteString("| Name | Role | GitHub |\n|---|---|---|\n| Priya Raman | Lead developer | @praman |\n| Zoë Martin | Developer | @zmartin |\n\n")
		}
	}
	return b.String()
}

// benchDoc is a six-page agreement with a logo-less title block.
func benchDoc() *AgreementDoc {
	d := testDoc(cwo.StatusSent)
	d.Body = benchBody()
	return d
}

// warmUp renders d once with opt, as the first document of a run does: it parses the fonts into
// opt.Shared, which every later document of the run reuses. Benchmarks call it before their
// loop, so that they measure a document of a run in progress.
func warmUp(b *testing.B, d *AgreementDoc, opt Options) {
	b.Helper()
	if err := Agreement(io.Discard, d, opt); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkAgreement renders one six-page agreement with the embedded Go fonts: font setup,
// layout, font subsetting, compression and the signature fields. The documents share a
// Shared, as the documents of a run do.
func BenchmarkAgreement(b *testing.B) {
	d, opt := benchDoc(), Options{Paper: "letter", Brand: "#1F4E79", Shared: NewShared()}
	warmUp(b, d, opt)
	b.ReportAllocs()
	for b.Loop() {
		if err := Agreement(io.Discard, d, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgreementDistinct is BenchmarkAgreement with a different rune in every document, so
// that no two consecutive documents embed the same subset of the regular face (fpdf keeps the
// last subsets of each shared font; see internal/fpdf/PATCHES.md).
func BenchmarkAgreementDistinct(b *testing.B) {
	d, opt := benchDoc(), Options{Paper: "letter", Brand: "#1F4E79", Shared: NewShared()}
	warmUp(b, d, opt)
	body := d.Body
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		d.Body = body + "\n\nЖ" + string(rune(0x410+i%64)) + string(rune(0x3B1+i%25)) + "\n"
		if err := Agreement(io.Discard, d, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgreementParallel renders agreements on every P, as `cwo render` does with --jobs.
func BenchmarkAgreementParallel(b *testing.B) {
	d, opt := benchDoc(), Options{Paper: "letter", Brand: "#1F4E79", Shared: NewShared()}
	warmUp(b, d, opt)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := Agreement(io.Discard, d, opt); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkFontSetup creates a document and registers the five embedded fonts: the fixed cost
// every PDF of a run pays before it draws anything.
func BenchmarkFontSetup(b *testing.B) {
	opt := Options{Shared: NewShared()}
	warmUp(b, benchDoc(), opt)
	b.ReportAllocs()
	for b.Loop() {
		if pdf := newDocument(opt, cwo.MustDate("2026-09-15")); pdf.Err() {
			b.Fatal(pdf.Error())
		}
	}
}

// BenchmarkEmptyDocument writes a one-page document with one line of text: font setup plus
// subsetting and compressing the fonts, without layout.
func BenchmarkEmptyDocument(b *testing.B) {
	opt := Options{Shared: NewShared()}
	warmUp(b, benchDoc(), opt)
	b.ReportAllocs()
	for b.Loop() {
		pdf := newDocument(opt, cwo.MustDate("2026-09-15"))
		pdf.AddPage()
		pdf.SetFont(familyBody, "", bodySize)
		pdf.Text(marginSide, marginTop, "Community Work Order — Zoë, Łukasz, Ελένη")
		if _, err := finish(pdf); err != nil {
			b.Fatal(err)
		}
	}
}
