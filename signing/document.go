package signing

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/digitorus/pdf"
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

// parsed is an agreement opened with the PDF reader.
type parsed struct {
	data   []byte
	r      *pdf.Reader
	doc    Document
	fields []pdf.Value // the signature fields, parallel to doc.Fields
}

// open parses data and checks that it is a cwo agreement whose last cross-reference section is
// a classic table (see guard for why streams are refused).
func open(data []byte) (*parsed, error) {
	if err := guard(data); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotAgreement, err)
	}
	p := &parsed{data: data}
	err := safely(func() error {
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return fmt.Errorf("%w: %v", ErrNotAgreement, err)
		}
		if t := r.XrefInformation.Type; t != "table" {
			return fmt.Errorf("PDFs whose last cross-reference section is a %s are %w (cwo writes tables)", t, ErrUnsupported)
		}
		p.r = r
		if err := p.readMetadata(); err != nil {
			return err
		}
		return p.readFields()
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// safely runs f, turning a panic of the PDF reader (which panics on malformed input) into an error.
func safely(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("malformed PDF: %v", v)
		}
	}()
	return f()
}

// readMetadata reads the order ID and version from the title and the fingerprint from the
// keywords.
func (p *parsed) readMetadata() error {
	info := p.r.Trailer().Key("Info")
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
	p.doc.OrderID, p.doc.Version, p.doc.Fingerprint = m[1], version, f[1]
	return nil
}

// readFields collects the top-level signature fields of the form.
func (p *parsed) readFields() error {
	fields := p.r.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	for i := 0; i < fields.Len(); i++ {
		f := fields.Index(i)
		if f.Key("FT").Name() != "Sig" {
			continue
		}
		p.doc.Fields = append(p.doc.Fields, f.Key("T").Text())
		p.fields = append(p.fields, f)
	}
	if len(p.fields) == 0 {
		return fmt.Errorf("%w: no signature fields", ErrNotAgreement)
	}
	return nil
}

// field returns the signature field named name.
func (p *parsed) field(name string) (pdf.Value, error) {
	for i, n := range p.doc.Fields {
		if n == name {
			return p.fields[i], nil
		}
	}
	return pdf.Value{}, fmt.Errorf("%q (the agreement has %s): %w", name, quoteList(p.doc.Fields), ErrUnknownField)
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
