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
	// O-1 is active; its agreement, as issued for signature, was rendered when it was sent: the
	// value is what every release has given for O-1 with status: sent.
	const want = "749d4c1d910f81b80153b5527a46db24e4d9a250b66d082fa479d10e4279ee76"
	if fp != want || version != ws.Order("O-1").Version {
		t.Errorf("OrderFingerprint(O-1) = %s v%d, want %s v%d", fp, version, want, ws.Order("O-1").Version)
	}
	// The base workspace before its funder had a governing law and a venue: fields added to the
	// data later, and left out, must not change the fingerprint it had then.
	f := ws.Funder("acme")
	f.GoverningLaw, f.Venue = "", ""
	fp, _, _ = agreement.OrderFingerprint(ws, "template text", "O-1")
	if before := "1622be2508afcdf8ccc50b2918e79abe42eee695af064013e036763852c06c11"; fp != before {
		t.Errorf("OrderFingerprint(O-1) without the new fields = %s, want %s as before they existed", fp, before)
	}
}

// TestFingerprintCoversTheStatusShown checks that the fingerprint changes with the status only
// where the agreement shows it: a draft and a cancelled order differ from each other and from
// an order issued for signature, which has one fingerprint whether sent, signed, active or
// completed, so that moving a signed order on does not unmatch its signed agreement.
func TestFingerprintCoversTheStatusShown(t *testing.T) {
	ws := loadBase(t)
	o := ws.Order("O-1")
	fps := map[string]string{}
	for _, status := range cwo.Statuses {
		o.Status = status
		fps[status], _ = agreement.Fingerprint(agreement.NewData(ws, o), "t")
	}
	for _, status := range []string{cwo.StatusSigned, cwo.StatusActive, cwo.StatusCompleted} {
		if fps[status] != fps[cwo.StatusSent] {
			t.Errorf("%s: fingerprint %s, want the sent order's %s", status, fps[status], fps[cwo.StatusSent])
		}
	}
	if fps[cwo.StatusDraft] == fps[cwo.StatusSent] || fps[cwo.StatusCancelled] == fps[cwo.StatusSent] || fps[cwo.StatusDraft] == fps[cwo.StatusCancelled] {
		t.Errorf("draft, cancelled and sent share a fingerprint: %v", fps)
	}
	if o.Status != cwo.StatusCancelled {
		t.Errorf("Fingerprint changed the order's status to %q", o.Status)
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
