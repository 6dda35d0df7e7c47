package signing_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cwo-tool/cwo/signing"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

// handMadeAgreement is a minimal agreement not written by fpdf: its AcroForm is an indirect
// object without /SigFlags, its Info strings are literal, and it has one signature field.
func handMadeAgreement() []byte {
	fp := strings.Repeat("ab", 32)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /AcroForm 5 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [6 0 R] >>",
		"<< /Title (Hand made: Community Work Order T-9 v3) /Keywords (Community Work Order, T-9, P, F, fingerprint " + fp + ") >>",
		"<< /Fields [6 0 R] /DA (/Helv 0 Tf 0 g) >>",
		"<< /Type /Annot /Subtype /Widget /FT /Sig /T (witness) /Rect [100.5 100 300 140] /F 4 /P 3 0 R >>",
	}
	return signingtest.ClassicPDF("1.7", objs, " /ID [<0102> <0304>]", false) // no end-of-line after %%EOF
}

func TestSignIndirectAcroForm(t *testing.T) {
	in := handMadeAgreement()
	signed, err := signing.Sign(in, creds(t, signingtest.NewCA(t, "CA"), "W", signingtest.Options{}), signing.Options{Field: "witness"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(signed, in) {
		t.Fatal("input is not a prefix")
	}
	if !bytes.Contains(signed, []byte("5 0 obj\n<< /DA (/Helv 0 Tf 0 g) /Fields [6 0 R] /SigFlags 3 >>")) {
		t.Errorf("the AcroForm object was not rewritten with /SigFlags 3:\n%s", signed[len(in):])
	}
	r, err := signing.Verify(signed)
	if err != nil {
		t.Fatal(err)
	}
	if r.OrderID != "T-9" || r.Version != 3 || !r.OK() || !r.Signatures[0].Valid || r.Signatures[0].Revision != 2 {
		t.Errorf("Verify = %+v %+v", r, r.Signatures)
	}
	checkPdfsig(t, signed, []string{"witness"}, 1)
}
