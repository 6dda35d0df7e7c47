package pdfupdate

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pdfcpuValidate validates the file with pdfcpu, in relaxed and in strict
// mode (fpdf's own output fails strict mode because of its inline link
// annotations, which Append moves into indirect objects).
func pdfcpuValidate(t *testing.T, path string) {
	t.Helper()
	if err := api.ValidateFile(path, pdfcpuConfig()); err != nil {
		t.Fatalf("pdfcpu relaxed validation: %v", err)
	}
	strict := pdfcpuConfig()
	strict.ValidationMode = model.ValidationStrict
	if err := api.ValidateFile(path, strict); err != nil {
		t.Fatalf("pdfcpu strict validation: %v", err)
	}
}

// pdfcpuConfig returns a relaxed pdfcpu configuration that does not touch
// the user's configuration directory.
func pdfcpuConfig() *model.Configuration {
	api.DisableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// checkFieldsWithPDFCPU reads the result with pdfcpu and compares the
// AcroForm fields with want; all fields must be on page pageNr.
func checkFieldsWithPDFCPU(t *testing.T, pdf []byte, pageNr int, want []Field) {
	t.Helper()
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		t.Fatalf("pdfcpu read: %v", err)
	}
	xt := ctx.XRefTable
	pageRef, err := xt.PageDictIndRef(pageNr)
	if err != nil || pageRef == nil {
		t.Fatalf("pdfcpu page %d: %v", pageNr, err)
	}
	cat, err := xt.Catalog()
	if err != nil {
		t.Fatalf("pdfcpu catalog: %v", err)
	}
	form, err := xt.DereferenceDict(cat["AcroForm"])
	if err != nil || form == nil {
		t.Fatalf("no AcroForm dictionary: %v", err)
	}
	if got := form.IntEntry("SigFlags"); got == nil || *got&1 == 0 {
		t.Errorf("/SigFlags = %v, want bit 1 set", got)
	}
	list, err := xt.DereferenceArray(form["Fields"])
	if err != nil || len(list) != len(want) {
		t.Fatalf("/Fields = %v (%v), want %d entries", list, err, len(want))
	}
	for i, w := range want {
		d, err := xt.DereferenceDict(list[i])
		if err != nil {
			t.Fatalf("field %d: %v", i, err)
		}
		checkFieldDict(t, d, *pageRef, w)
	}
}

// checkFieldDict compares one merged field/widget dictionary with w.
func checkFieldDict(t *testing.T, d types.Dict, page types.IndirectRef, w Field) {
	t.Helper()
	if ft := d.NameEntry("FT"); ft == nil || *ft != "Sig" {
		t.Errorf("%s: /FT = %v, want /Sig", w.Name, ft)
	}
	if st := d.NameEntry("Subtype"); st == nil || *st != "Widget" {
		t.Errorf("%s: /Subtype = %v, want /Widget", w.Name, st)
	}
	if name := d.StringEntry("T"); name == nil || *name != w.Name {
		t.Errorf("/T = %v, want %q", name, w.Name)
	}
	if p := d.IndirectRefEntry("P"); p == nil || p.ObjectNumber != page.ObjectNumber {
		t.Errorf("%s: /P = %v, want %v", w.Name, p, page)
	}
	rect := d.ArrayEntry("Rect")
	if len(rect) != 4 {
		t.Fatalf("%s: /Rect = %v", w.Name, rect)
	}
	for i, v := range rect {
		got, ok := pdfcpuNumber(v)
		if want := round3(w.Rect[i]); !ok || got != want {
			t.Errorf("%s: /Rect[%d] = %v, want %v", w.Name, i, v, want)
		}
	}
}

// pdfcpuNumber converts a pdfcpu numeric object to float64.
func pdfcpuNumber(o types.Object) (float64, bool) {
	switch v := o.(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}
