package signing

import (
	"bytes"
	"time"

	"github.com/cwo-tool/cwo/pdfupdate"
)

// Report is what Verify found in an agreement.
type Report struct {
	Document
	Size       int         `json:"size"`       // bytes
	Revisions  int         `json:"revisions"`  // the original document plus each incremental update
	Signatures []Signature `json:"signatures"` // one per signature field, in form order
	// SignedUpTo is the end of the longest signed range, 0 when nothing is signed.
	SignedUpTo int `json:"signed_up_to"`
	// Appended describes what follows the last signature; nil when nothing does (or nothing is
	// signed).
	Appended *Appended `json:"appended_after_last_signature,omitempty"`
}

// Appended describes bytes added after the last signature.
type Appended struct {
	Bytes     int `json:"bytes"`
	Revisions int `json:"revisions"` // incremental updates among them
}

// Signature is the state of one signature field.
type Signature struct {
	Field     string    `json:"field"`
	Signed    bool      `json:"signed"`
	Signer    string    `json:"signer,omitempty"` // the certificate's subject
	Issuer    string    `json:"issuer,omitempty"` // the certificate's issuer
	Time      time.Time `json:"time,omitzero"`    // the signing time the signer claims
	Timestamp time.Time `json:"timestamp,omitzero"`
	Reason    string    `json:"reason,omitempty"`
	Location  string    `json:"location,omitempty"`
	Valid     bool      `json:"valid"`             // the signature matches the bytes it covers
	Problem   string    `json:"problem,omitempty"` // why it is not valid
	// Revision is the revision (1-based) the signed range ends with; 0 when it does not end at a
	// revision boundary, which makes the signature invalid.
	Revision int `json:"revision,omitempty"`
	// Covers is the number of bytes from the start of the file that the signature covers (all
	// but its own /Contents value).
	Covers int `json:"covers,omitempty"`
	// WholeDocument: nothing follows the signed range.
	WholeDocument bool `json:"whole_document"`
	// ChangedAfter lists what later revisions changed beyond filling the next signature field
	// (see Change): the document a reader sees is not the one signed.
	ChangedAfter []Change `json:"changed_after,omitempty"`
	// Unchecked says why the revisions after this signature could not be checked.
	Unchecked string `json:"unchecked,omitempty"`
}

// OK reports whether every signed field is valid, no later revision changed more than filling
// the next signature field does, and nothing was appended after the last signature. Unsigned fields do not make a report
// fail.
func (r *Report) OK() bool {
	for _, s := range r.Signatures {
		if s.Signed && (!s.Valid || len(s.ChangedAfter) > 0 || s.Unchecked != "") {
			return false
		}
	}
	return r.Appended == nil
}

// Verify reads a cwo agreement and checks each of its signature fields: whether it is signed, by
// whom and when, whether the PKCS#7 signature matches the bytes its /ByteRange covers, which
// revision it covers, and what later revisions changed beyond filling the next signature field
// (see Change).
// It also reports anything appended after the last signature.
// Certificates are not checked against trusted roots (see the Signer and Issuer fields). A file
// that is not a cwo agreement gives an error wrapping ErrNotAgreement.
func Verify(data []byte) (*Report, error) {
	p, err := open(data)
	if err != nil {
		return nil, err
	}
	revs := pdfupdate.Revisions(data)
	r := &Report{Document: p.info, Size: len(data), Revisions: len(revs)}
	h := newHistory(data, revs)
	for i, f := range p.fields {
		s := checkField(data, f.Key("V"), revs)
		s.Field = p.info.Fields[i]
		if s.Valid {
			changed, err := h.changesAfter(s.Revision)
			s.ChangedAfter = changed
			if err != nil {
				s.Unchecked = err.Error()
			}
		}
		r.Signatures = append(r.Signatures, s)
		r.SignedUpTo = max(r.SignedUpTo, s.Covers)
	}
	if r.SignedUpTo > 0 {
		r.Appended = appendedAfter(data[r.SignedUpTo:])
	}
	return r, nil
}

// checkField checks the signature dictionary v of one field (null when unsigned).
func checkField(data []byte, v pdfupdate.Value, revs []pdfupdate.Revision) Signature {
	if !v.IsDict() {
		return Signature{}
	}
	s := Signature{Signed: true, Reason: v.Key("Reason").Text(), Location: v.Key("Location").Text()}
	if t, ok := parsePDFDate(v.Key("M").Text()); ok {
		s.Time = t
	}
	br, err := signedRange(data, v)
	if err != nil {
		s.Problem = err.Error()
		return s
	}
	s.Covers = br.end()
	s.Revision = revisionEndingAt(revs, s.Covers)
	s.WholeDocument = len(bytes.TrimRight(data[s.Covers:], "\r\n\t\f\x00 ")) == 0
	if err := checkPKCS7(&s, v.Key("Contents").Bytes(), br.content(data)); err != nil {
		s.Problem = err.Error()
		return s
	}
	if s.Revision == 0 {
		s.Problem = "the signed range does not end at the end of a revision"
		return s
	}
	s.Valid = true
	return s
}

// appendedAfter describes rest, the bytes after the last signed range; nil when they are only
// white space.
func appendedAfter(rest []byte) *Appended {
	if len(bytes.TrimRight(rest, "\r\n\t\f\x00 ")) == 0 {
		return nil
	}
	return &Appended{Bytes: len(rest), Revisions: len(pdfupdate.Revisions(rest))}
}
