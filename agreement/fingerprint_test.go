package agreement_test

import (
	"errors"
	"testing"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/agreement"
	"github.com/cwo-tool/cwo/workspace"
)

func loadBase(t *testing.T) *cwo.Workspace {
	t.Helper()
	ws, diags := workspace.Load("../testdata/base", cwo.DefaultSettings())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return ws
}

func TestFingerprintChangesWithData(t *testing.T) {
	ws := loadBase(t)
	o := ws.Order("O-1")
	a, _ := agreement.Fingerprint(agreement.NewData(ws, o), "t")
	b, _ := agreement.Fingerprint(agreement.NewData(ws, o), "t")
	c, _ := agreement.Fingerprint(agreement.NewData(ws, o), "t2")
	o.Title += "!"
	d, _ := agreement.Fingerprint(agreement.NewData(ws, o), "t")
	if a != b || len(a) != 64 {
		t.Fatalf("fingerprint not stable: %s vs %s", a, b)
	}
	if a == c || a == d {
		t.Errorf("fingerprint ignores the template or the data")
	}
}

// The fingerprint is printed on agreements that are signed: the same data and template must give
// the same value in every release.
func TestFingerprintIsStable(t *testing.T) {
	ws := loadBase(t)
	fp, version, err := agreement.OrderFingerprint(ws, "template text", "O-1")
	if err != nil {
		t.Fatal(err)
	}
	const want = "e9c52e8782c8564128c553c2c0332ee79a01b2810cf728cf887f26ab78ca7b85"
	if fp != want || version != ws.Order("O-1").Version {
		t.Errorf("OrderFingerprint(O-1) = %s v%d, want %s v%d", fp, version, want, ws.Order("O-1").Version)
	}
	// The base workspace before its funder had a governing law and a venue: fields added to the
	// data later, and left out, must not change the fingerprint it had then.
	f := ws.Funder("acme")
	f.GoverningLaw, f.Venue = "", ""
	fp, _, _ = agreement.OrderFingerprint(ws, "template text", "O-1")
	if before := "b191169e64f428882e9dd7988a9a9765a171233405e918ee6553df69964ede71"; fp != before {
		t.Errorf("OrderFingerprint(O-1) without the new fields = %s, want %s as before they existed", fp, before)
	}
}

func TestOrderFingerprintOfUnknownOrder(t *testing.T) {
	ws := loadBase(t)
	if _, _, err := agreement.OrderFingerprint(ws, "t", "NOPE"); !errors.Is(err, agreement.ErrNoOrder) {
		t.Errorf("OrderFingerprint(NOPE) error = %v, want ErrNoOrder", err)
	}
}

// Invoicing facts (invoiced, paid, billed) and how reports count what is earned are not
// agreement terms: recording an invoice must not change the fingerprint of a signed agreement.
func TestFingerprintIgnoresInvoicing(t *testing.T) {
	ws := loadBase(t)
	o := ws.Order("O-1")
	before, err := agreement.Fingerprint(agreement.NewData(ws, o), "t")
	if err != nil {
		t.Fatal(err)
	}
	o.Payments[0].Invoiced, o.Payments[0].Paid = cwo.MustDate("2026-10-01"), cwo.MustDate("2026-10-20")
	o.Payments[1].Billed = cwo.MustDecimal("1")
	o.Earns = cwo.EarnedPercent
	after, err := agreement.Fingerprint(agreement.NewData(ws, o), "t")
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("fingerprint changed with invoicing facts: %s, was %s", after, before)
	}
	o.Payments[1].Amount = o.Payments[1].Amount.Add(cwo.MustDecimal("1"))
	if changed, _ := agreement.Fingerprint(agreement.NewData(ws, o), "t"); changed == before {
		t.Error("fingerprint ignores a payment's amount")
	}
}
