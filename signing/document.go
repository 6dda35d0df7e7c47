package signing

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"github.com/cwo-tool/cwo/pdfupdate"
)

// Document is what identifies a cwo agreement: its order, version, fingerprint and signature
// fields, read from the PDF's metadata and form.
type Document struct {
	OrderID     string   `json:"order"`
	Version     int      `json:"version"`
	Fingerprint string   `json:"fingerprint"`
	Fields      []string `json:"fields"` // signature field names, in form order
}

// Metadata patterns written by render/pdf: the title ends with "Community Work Order <ID> v<N>",
// the keywords hold "fingerprint <64 hex digits>".
var (
	titlePattern       = regexp.MustCompile(`Community Work Order (\S+) v(\d+)$`)
	fingerprintPattern = regexp.MustCompile(`(?:^|, )fingerprint ([0-9a-f]{64})(?:,|$)`)
)

// Identify reads the order, version, fingerprint and signature fields of a cwo agreement,
// without checking its signatures. A file that is not a cwo agreement gives an error wrapping
// ErrNotAgreement.
func Identify(data []byte) (*Document, error) {
	p, err := open(data)
	if err != nil {
		return nil, err
	}
	return &p.info, nil
}

// parsed is an agreement opened with package pdfupdate.
type parsed struct {
	data   []byte
	doc    *pdfupdate.Document
	info   Document
	fields []pdfupdate.Value // the signature fields, parallel to info.Fields
}

// open parses data and checks that it is a cwo agreement. Encrypted files are refused: an
// update would have to encrypt its strings too.
func open(data []byte) (*parsed, error) {
	doc, err := pdfupdate.Open(data)
	if errors.Is(err, pdfupdate.ErrEncrypted) {
		return nil, fmt.Errorf("encrypted PDFs are %w", ErrUnsupported)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotAgreement, err)
	}
	p := &parsed{data: data, doc: doc}
	if err := p.readMetadata(); err != nil {
		return nil, err
	}
	if err := p.readFields(); err != nil {
		return nil, err
	}
	return p, nil
}

// readMetadata reads the order ID and version from the title and the fingerprint from the
// keywords.
func (p *parsed) readMetadata() error {
	info := p.doc.Trailer().Key("Info")
	m := titlePattern.FindStringSubmatch(info.Key("Title").Text())
	if m == nil {
		return fmt.Errorf("%w: the title does not name a Community Work Order and version", ErrNotAgreement)
	}
	version, err := strconv.Atoi(m[2])
	if err != nil {
		return fmt.Errorf("%w: version %q: %v", ErrNotAgreement, m[2], err)
	}
	f := fingerprintPattern.FindStringSubmatch(info.Key("Keywords").Text())
	if f == nil {
		return fmt.Errorf("%w: no cwo fingerprint in the keywords", ErrNotAgreement)
	}
	p.info.OrderID, p.info.Version, p.info.Fingerprint = m[1], version, f[1]
	return nil
}

// readFields collects the top-level signature fields of the form; every field must be readable.
func (p *parsed) readFields() error {
	fields := p.doc.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	for i := 0; i < fields.Len(); i++ {
		f := fields.Index(i)
		if !f.IsDict() {
			// An unreadable field could hide a signature from the report.
			return fmt.Errorf("%w: field %d of the form cannot be read", ErrNotAgreement, i+1)
		}
		if f.Key("FT").Name() != "Sig" {
			continue
		}
		p.info.Fields = append(p.info.Fields, f.Key("T").Text())
		p.fields = append(p.fields, f)
	}
	if len(p.fields) == 0 {
		return fmt.Errorf("%w: no signature fields", ErrNotAgreement)
	}
	return nil
}

// field returns the signature field named name.
func (p *parsed) field(name string) (pdfupdate.Value, error) {
	for i, n := range p.info.Fields {
		if n == name {
			return p.fields[i], nil
		}
	}
	return pdfupdate.Value{}, fmt.Errorf("%q (the agreement has %s): %w", name, quoteList(p.info.Fields), ErrUnknownField)
}

// quoteList renders names as "a", "b".
func quoteList(names []string) string {
	var b bytes.Buffer
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(n))
	}
	return b.String()
}
