package pdf

import (
	"strings"

	"github.com/cwo-tool/cwo"
)

// shortURL is a link as a caption shows it: without the scheme, "www.", a trailing
// "index.html" and a trailing slash.
func shortURL(u string) string {
	for _, p := range []string{"https://", "http://", "www."} {
		u = strings.TrimPrefix(u, p)
	}
	if strings.Contains(u, "/") {
		u = strings.TrimSuffix(u, "index.html")
	}
	return strings.TrimSuffix(u, "/")
}

// captionGrey is the dark grey of a QR code's detail line: a tint of at least 80% black in
// print, legible at its small size.
var captionGrey = rgb{45, 50, 55}

// minDetailSize is the least size of a QR code's caption and detail line, in points, on any
// paper.
const minDetailSize = 7.5

// urlLines wraps a short URL to width w in the style, breaking only after a "/" or a ".", and
// never leaving a line of one or two characters; a part wider than w is wrapped as text.
func (b *brochure) urlLines(st tstyle, u string, w float64) []string {
	var parts []string
	start := 0
	for i, r := range u {
		if r == '/' || r == '.' {
			parts = append(parts, u[start:i+1])
			start = i + 1
		}
	}
	if start < len(u) {
		parts = append(parts, u[start:])
	}
	var lines []string
	for _, p := range parts {
		if n := len(lines); n > 0 && (b.textWidth(st, lines[n-1]+p) <= w || len(p) <= 2) {
			lines[n-1] += p
			continue
		}
		lines = append(lines, p)
	}
	if n := len(lines); n > 1 && len(lines[n-1]) <= 2 {
		lines[n-2] += lines[n-1]
		lines = lines[:n-1]
	}
	var out []string
	for _, l := range lines {
		if b.textWidth(st, l) > w {
			out = append(out, b.lines(st, l, w)...)
			continue
		}
		out = append(out, l)
	}
	return out
}

// vCard is a vCard 3.0 for the brochure's contact, of the contractor's organisation, or "" when
// the contact has neither an e-mail address nor a phone number.
func vCard(c cwo.Person, org, website string) string {
	if c.Email == "" && c.Phone == "" {
		return ""
	}
	name := c.Name
	if name == "" {
		name = org
	}
	lines := []string{"BEGIN:VCARD", "VERSION:3.0", "N:" + vName(name), "FN:" + vEscape(name)}
	add := func(key, v string) {
		if v != "" {
			lines = append(lines, key+":"+vEscape(v))
		}
	}
	add("ORG", org)
	add("TITLE", c.Title)
	add("EMAIL;TYPE=INTERNET", c.Email)
	add("TEL;TYPE=WORK,VOICE", c.Phone)
	if cwo.SafeURL(website) {
		add("URL", website)
	}
	lines = append(lines, "END:VCARD")
	return strings.Join(lines, "\r\n") + "\r\n"
}

// vName is the structured name: family name (the last word) and given names.
func vName(name string) string {
	name = strings.TrimSpace(name)
	i := strings.LastIndex(name, " ")
	if i < 0 {
		return vEscape(name) + ";;;;"
	}
	return vEscape(name[i+1:]) + ";" + vEscape(name[:i]) + ";;;"
}

// vEscape escapes a vCard 3.0 text value.
func vEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\n", `\n`).Replace(s)
}

// contactCode is what the back page's QR code holds, and its caption: the contact's vCard, else
// the contractor's website, else nothing.
func (b *brochure) contactCode() (data, caption, detail string) {
	c := b.d.Contractor
	if v := vCard(b.d.Brochure.Contact, c.Name, c.Website); v != "" {
		return v, "Contact card", "scan to save"
	}
	if cwo.SafeURL(c.Website) {
		return c.Website, "Website", shortURL(c.Website)
	}
	return "", "", ""
}

// qrSide is the side of a QR code in design points (23 mm); minQR the least it is printed at
// in small type (19 mm), for phones to read it from arm's length.
const (
	qrSide = qrSize
	minQR  = 19 * 72 / 25.4
)

// qrPrinted is the side a QR code is drawn at, in points.
func (b *brochure) qrPrinted() float64 { return max(b.u(qrSide), minQR) }

// qrColumnW is the width of a column holding a QR code and its caption, with extra design
// points of room for the caption, and at least room for a long date ("September 30, 2026")
// in the caption's least type size.
func (b *brochure) qrColumnW(extra float64) float64 {
	longDate := tstyle{"", minDetailSize / b.k, 0, captionGrey}
	return max(b.qrPrinted()+b.u(16+extra), b.textWidth(longDate, "September\u00a030,\u00a02026")+2)
}

// captionedQR lays out a QR code of data with a bold caption and a smaller detail line (a short
// URL) under it, centred in width w; url, when safe, makes the code clickable. It returns an
// empty frame when data cannot be encoded.
func (b *brochure) captionedQR(data, url, caption, detail string, w float64, st, dst tstyle) *frame {
	f := b.newFrame(w)
	if data == "" {
		return f
	}
	side := b.qrPrinted()
	f.custom(side, func(x, y float64) {
		qx := x + (w-side)/2
		if drawQR(b.pdf, data, qx, y, side) && cwo.SafeURL(url) {
			b.pdf.LinkString(qx, y, side, side, url)
		}
	})
	f.space(1)
	for _, s := range []*tstyle{&st, &dst} { // legible on any paper
		s.size = max(s.size, minDetailSize/b.k)
		s.lead = max(s.lead, s.size*1.2)
	}
	f.aligned(st, caption, "C")
	for _, line := range strings.Split(detail, "\n") {
		if line == "" {
			continue
		}
		if strings.ContainsAny(line, "/.") && !strings.Contains(line, " ") {
			lead := b.u(dst.lead)
			for _, l := range b.urlLines(dst, line, w) {
				f.custom(lead, func(x, y float64) { b.cell(dst, x, y, w, lead, l, "C") })
			}
			continue
		}
		f.aligned(dst, line, "C")
	}
	return f
}
