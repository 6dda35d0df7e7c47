// Package pdftest holds test helpers that check PDFs the way a reader's tools would: qpdf,
// pdfcpu, poppler's pdftotext and pdfsig, and a look at the AcroForm. A missing tool fails the
// test (CI installs them); it never skips.
package pdftest

import (
	"bytes"
	"os/exec"
	"sort"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Tool runs a command-line tool and returns its combined output, failing the test when the tool
// is not installed.
func Tool(t testing.TB, name string, args ...string) ([]byte, error) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed (apt-get install qpdf poppler-utils); .ci/run installs it", name)
	}
	return exec.Command(name, args...).CombinedOutput()
}

// QPDFCheck fails the test unless `qpdf --check` finds no errors in path.
func QPDFCheck(t testing.TB, path string) {
	t.Helper()
	out, err := Tool(t, "qpdf", "--check", path)
	if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors found")) {
		t.Errorf("qpdf --check %s: %v\n%s", path, err, out)
	}
}

// Config returns a relaxed pdfcpu configuration that leaves the user's config folder alone.
func Config() *model.Configuration {
	api.DisableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// PDFCPUValidate fails the test unless pdfcpu validates path in relaxed mode.
func PDFCPUValidate(t testing.TB, path string) {
	t.Helper()
	if err := api.ValidateFile(path, Config()); err != nil {
		t.Errorf("pdfcpu validate %s: %v", path, err)
	}
}

// Text returns `pdftotext -layout` output of path.
func Text(t testing.TB, path string) string {
	t.Helper()
	out, err := Tool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	return string(out)
}

// SigField is a signature field found in a PDF's AcroForm.
type SigField struct {
	Name   string
	Signed bool
}

// SigFields reads the AcroForm of path and returns its signature fields sorted by name (none
// when the file has no AcroForm).
func SigFields(t testing.TB, path string) []SigField {
	t.Helper()
	ctx, err := api.ReadContextFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	cat, err := ctx.XRefTable.Catalog()
	if err != nil {
		t.Fatalf("catalog of %s: %v", path, err)
	}
	if cat["AcroForm"] == nil {
		return nil
	}
	form, err := ctx.XRefTable.DereferenceDict(cat["AcroForm"])
	if err != nil || form == nil {
		t.Fatalf("%s: AcroForm: %v", path, err)
	}
	fields, err := ctx.XRefTable.DereferenceArray(form["Fields"])
	if err != nil {
		t.Fatalf("AcroForm fields of %s: %v", path, err)
	}
	var out []SigField
	for _, f := range fields {
		d, err := ctx.XRefTable.DereferenceDict(f)
		if err != nil || d == nil {
			continue
		}
		if ft, ok := d["FT"].(types.Name); !ok || ft != "Sig" {
			continue
		}
		name := ""
		if s, ok := d["T"].(types.StringLiteral); ok {
			name = s.Value()
		}
		_, signed := d["V"]
		out = append(out, SigField{Name: name, Signed: signed})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
