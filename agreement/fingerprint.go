package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"

	"github.com/cwo-tool/cwo"
)

// ErrNoOrder is returned by OrderFingerprint when the workspace has no order with the given ID.
var ErrNoOrder = errors.New("no such order")

// Fingerprint returns the SHA-256 of everything an agreement shows: its data and template text.
func Fingerprint(d *Data, templateText string) (string, error) {
	fp, _, err := FingerprintJSON(d, templateText)
	return fp, err
}

// FingerprintJSON is Fingerprint that also returns the JSON of d the fingerprint covers, for a
// caller that looks into the data without encoding it again.
//
// The fingerprint is the hex SHA-256 of two labelled parts, each written as its label, a colon,
// its length in bytes, a colon and its bytes: "agreement", the JSON of d (struct fields in
// declaration order) with the order's status as the agreement shows it (shownStatus), and
// "template", the template text. Agreements already signed carry it: it must not change for the
// same data.
func FingerprintJSON(d *Data, templateText string) (fp string, data []byte, err error) {
	if d.Order != nil && d.Order.Status != shownStatus(d.Order.Status) {
		o, shown := *d.Order, *d
		o.Status, shown.Order = shownStatus(o.Status), &o
		d = &shown
	}
	data, err = json.Marshal(d)
	if err != nil {
		return "", nil, fmt.Errorf("hash agreement: %w", err)
	}
	h := sha256.New()
	labelled(h, "agreement", data)
	labelled(h, "template", []byte(templateText))
	return hex.EncodeToString(h.Sum(nil)), data, nil
}

// shownStatus is the status an agreement shows, and so its fingerprint covers: a draft or a
// cancelled order says what it is, but an agreement issued for signature reads the same whether
// its order is sent, signed, active or completed, so all four count as "sent", the status it
// was issued in. Moving a signed order on to active or completed does not change its
// fingerprint, and `cwo verify` still finds the agreement the parties signed.
func shownStatus(status string) string {
	switch status {
	case cwo.StatusSigned, cwo.StatusActive, cwo.StatusCompleted:
		return cwo.StatusSent
	}
	return status
}

func labelled(h hash.Hash, label string, b []byte) {
	fmt.Fprintf(h, "%s:%d:", label, len(b))
	h.Write(b)
}

// OrderFingerprint returns the fingerprint and version the agreement for orderID would have if
// it were rendered now from ws, a validated workspace, with the agreement template's text. An
// unknown order gives an error wrapping ErrNoOrder.
func OrderFingerprint(ws *cwo.Workspace, templateText, orderID string) (fp string, version int, err error) {
	for _, o := range ws.Orders {
		if o.ID != orderID {
			continue
		}
		fp, err := Fingerprint(NewData(ws, o), templateText)
		if err != nil {
			return "", 0, fmt.Errorf("order %s: %w", orderID, err)
		}
		return fp, o.Version, nil
	}
	return "", 0, fmt.Errorf("order %s: %w", orderID, ErrNoOrder)
}
