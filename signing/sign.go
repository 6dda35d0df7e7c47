package signing

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/cwo-tool/cwo/pdfupdate"
)

// Options say how to sign.
type Options struct {
	Field    string    // name of the empty signature field to sign, e.g. "contractor"
	Reason   string    // optional, e.g. "I agree to this Community Work Order"
	Location string    // optional, e.g. "Berlin"
	Time     time.Time // signing time; zero means now
	TSA      string    // optional RFC 3161 time-stamping authority URL; empty means no network
	Producer string    // optional name of the signing application, recorded in /Prop_Build
}

// Sign returns data followed by an incremental update that signs the agreement into the empty
// signature field opt.Field, with a visible appearance (signer name, date, reason) in the field's
// rectangle. data is not modified and is an exact prefix of the result, so earlier signatures
// stay valid.
//
// Sign checks everything before signing: the credentials (key matches certificate, certificate
// valid at the signing time), that data is a cwo agreement, and that the field exists and is
// empty. Errors wrap ErrNotAgreement, ErrUnknownField, ErrAlreadySigned, ErrKeyMismatch or
// ErrCertificateTime where they apply.
func Sign(data []byte, c *Credentials, opt Options) ([]byte, error) {
	return signWithCMS(data, c, opt, func(content []byte) ([]byte, error) { return c.cms(content, opt.TSA) })
}

// signWithCMS is Sign with the function that makes the CMS signature over the signed bytes; tests pass
// signatures made by other tools.
func signWithCMS(data []byte, c *Credentials, opt Options, cms func(content []byte) ([]byte, error)) ([]byte, error) {
	if opt.Time.IsZero() {
		opt.Time = time.Now()
	}
	if err := c.Check(opt.Time); err != nil {
		return nil, err
	}
	p, err := open(data)
	if err != nil {
		return nil, err
	}
	field, err := p.emptyField(opt.Field)
	if err != nil {
		return nil, err
	}
	reserve := c.reserve(opt.TSA != "")
	for range 2 {
		out, sig, err := p.signOnce(field, c, opt, reserve, cms)
		if err != nil {
			return nil, err
		}
		if sig <= reserve {
			return out, nil
		}
		reserve = sig + 256 // the estimate was short: sign again with room to spare
	}
	return nil, fmt.Errorf("field %q: the signature does not fit its placeholder", opt.Field)
}

// emptyField returns the unsigned signature field named name.
func (p *parsed) emptyField(name string) (pdfupdate.Value, error) {
	field, err := p.field(name)
	if err != nil {
		return pdfupdate.Value{}, err
	}
	if !field.Key("V").IsNull() {
		return pdfupdate.Value{}, fmt.Errorf("field %q: %w", name, ErrAlreadySigned)
	}
	return field, nil
}

// reserve estimates the size of the PKCS#7 signature in bytes: certificates, attributes and the
// signature value, plus room for a timestamp token.
func (c *Credentials) reserve(tsa bool) int {
	n := len(c.Certificate.Raw) + 2048
	for _, cert := range c.Chain {
		n += len(cert.Raw)
	}
	if tsa {
		n += 8 << 10
	}
	return n
}

// signOnce writes the update with a /Contents placeholder of reserve bytes, then signs. When the
// signature is larger than the placeholder it returns its size and no error.
func (p *parsed) signOnce(field pdfupdate.Value, c *Credentials, opt Options, reserve int, cms func([]byte) ([]byte, error)) ([]byte, int, error) {
	out, pl, err := p.writeUpdate(field, c, opt, reserve)
	if err != nil {
		return nil, 0, err
	}
	byteRange := fmt.Sprintf("[0 %d %d %d]", pl.contents, pl.contentsEnd, len(out)-pl.contentsEnd)
	if len(byteRange) > byteRangeWidth {
		return nil, 0, fmt.Errorf("%w: files over 9 GB", ErrUnsupported)
	}
	copy(out[pl.byteRange:], fmt.Sprintf("%-*s", byteRangeWidth, byteRange))
	signed := make([]byte, 0, len(out)-(pl.contentsEnd-pl.contents))
	signed = append(append(signed, out[:pl.contents]...), out[pl.contentsEnd:]...)
	sig, err := cms(signed)
	if err != nil {
		return nil, 0, err
	}
	if len(sig) > reserve {
		return nil, len(sig), nil
	}
	hex.Encode(out[pl.contents+1:], sig)
	return out, len(sig), nil
}

// placeholder holds the offsets, in the output, of the parts filled in after the update is
// written: the /ByteRange array and the /Contents hex string (from '<' to after '>').
type placeholder struct {
	byteRange, contents, contentsEnd int
}

// byteRangeWidth is the width reserved for the /ByteRange array: "[0 a b c]" with 10-digit
// numbers, padded with spaces.
const byteRangeWidth = 36

// writeUpdate appends the signature dictionary, the appearance stream, the field's new revision
// and, if needed, the catalog with /SigFlags 3.
func (p *parsed) writeUpdate(field pdfupdate.Value, c *Credentials, opt Options, reserve int) ([]byte, placeholder, error) {
	u := p.doc.NewUpdate()
	sigNum, apNum := u.Alloc(), u.Alloc()
	sigDict, pl := signatureDict(c, opt, reserve)
	start := u.Object(sigNum, 0, sigDict)
	pl.byteRange += start
	pl.contents += start
	pl.contentsEnd += start
	rect := field.Key("Rect")
	w := rect.Index(2).Float64() - rect.Index(0).Float64()
	h := rect.Index(3).Float64() - rect.Index(1).Float64()
	if w <= 0 || h <= 0 {
		return nil, pl, fmt.Errorf("field %q: empty rectangle %s", opt.Field, rect)
	}
	u.Object(apNum, 0, appearance(w, h, appearanceLines(c, opt)))
	id, gen := field.ID()
	u.Object(id, gen, []byte(pdfupdate.FormatDict(field, map[string]string{"V": ref(sigNum), "AP": "<< /N " + ref(apNum) + " >>"})))
	p.writeSigFlags(u)
	update := u.Finish()
	out := make([]byte, 0, len(p.data)+len(update))
	return append(append(out, p.data...), update...), pl, nil
}

// signatureDict renders the signature dictionary with placeholders, and their offsets within it.
func signatureDict(c *Credentials, opt Options, reserve int) ([]byte, placeholder) {
	var b bytes.Buffer
	var pl placeholder
	b.WriteString("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached\n/ByteRange ")
	pl.byteRange = b.Len()
	b.WriteString(strings.Repeat(" ", byteRangeWidth))
	b.WriteString("\n/Contents ")
	pl.contents = b.Len()
	b.WriteString("<" + strings.Repeat("0", 2*reserve) + ">")
	pl.contentsEnd = b.Len()
	fmt.Fprintf(&b, "\n/M %s /Name %s", pdfDate(opt.Time), pdfupdate.FormatText(c.Name()))
	if opt.Reason != "" {
		b.WriteString(" /Reason " + pdfupdate.FormatText(opt.Reason))
	}
	if opt.Location != "" {
		b.WriteString(" /Location " + pdfupdate.FormatText(opt.Location))
	}
	if opt.Producer != "" {
		b.WriteString(" /Prop_Build << /App << /Name " + pdfupdate.FormatName(opt.Producer) + " >> >>")
	}
	b.WriteString(" >>")
	return b.Bytes(), pl
}

// appearanceLines is the text shown in the signed field.
func appearanceLines(c *Credentials, opt Options) []string {
	lines := []string{"Digitally signed by " + c.Name(), "Date: " + opt.Time.Format("2006-01-02 15:04:05 -07:00")}
	if opt.Reason != "" {
		lines = append(lines, "Reason: "+opt.Reason)
	}
	if opt.Location != "" {
		lines = append(lines, "Location: "+opt.Location)
	}
	return lines
}

// writeSigFlags writes a new revision of the object holding the AcroForm (the catalog, or the
// AcroForm object itself when the catalog refers to it) with /SigFlags 3 (SignaturesExist,
// AppendOnly), unless both bits are already set.
func (p *parsed) writeSigFlags(u *pdfupdate.Update) {
	root := p.doc.Trailer().Key("Root")
	form := root.Key("AcroForm")
	flags := form.Key("SigFlags").Int64()
	if flags&3 == 3 {
		return
	}
	body := pdfupdate.FormatDict(form, map[string]string{"SigFlags": fmt.Sprint(flags | 3)})
	holder := form
	if formID, _ := form.ID(); formID == rootID(root) {
		body = pdfupdate.FormatDict(root, map[string]string{"AcroForm": body})
		holder = root
	}
	id, gen := holder.ID()
	u.Object(id, gen, []byte(body))
}

// rootID returns the object number of the catalog.
func rootID(root pdfupdate.Value) int {
	id, _ := root.ID()
	return id
}

// ref renders a reference to object num, generation 0.
func ref(num int) string { return fmt.Sprintf("%d 0 R", num) }
