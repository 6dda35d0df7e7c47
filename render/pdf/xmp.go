package pdf

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/internal/fpdf"
)

// docInfo is a document's metadata. apply writes it twice from the same values: as the document
// information dictionary (/Info) and as an XMP packet (the catalog's /Metadata), with the
// catalog's /Lang, so that every reader finds the same title, author and dates.
type docInfo struct {
	Title, Subject, Author, Keywords string
	Lang                             string    // BCP 47, e.g. "en-GB"
	Date                             time.Time // creation and modification (pinnedTime)
}

// tool is the creator and producer of every document cwo writes.
func tool() string { return "cwo " + cwo.Version }

// pinnedTime is the time a document's dates are pinned to: date at midnight UT, or 1 January
// 2000 when it is unset, so that the same input gives the same bytes.
func pinnedTime(date cwo.Date) time.Time {
	if date.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return date.Time()
}

// apply sets the document information, the XMP metadata and the language of pdf. The creator
// and producer are tool(), as newDocumentSize sets them.
func (i docInfo) apply(pdf *fpdf.Fpdf) {
	pdf.SetTitle(i.Title, true)
	pdf.SetSubject(i.Subject, true)
	pdf.SetAuthor(i.Author, true)
	pdf.SetKeywords(i.Keywords, true)
	pdf.SetCreationDate(i.Date)
	pdf.SetModificationDate(i.Date)
	pdf.SetLang(i.Lang)
	pdf.SetXmpMetadata(i.xmp())
}

// xmp returns the XMP packet of the metadata: Dublin Core's title, creator (the author),
// description (the subject), language and format; PDF's keywords and producer; XMP's creator
// tool and dates, with their offset from UT as the PDF's dates have it: 2026-09-29T00:00:00Z
// for the PDF's D:20260929000000+00'00'.
func (i docInfo) xmp() []byte {
	var b bytes.Buffer
	date := i.Date.Format(time.RFC3339)
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` + "\n")
	element(&b, "dc:format", "application/pdf")
	list(&b, "dc:title", "rdf:Alt", i.Title)
	list(&b, "dc:creator", "rdf:Seq", i.Author)
	list(&b, "dc:description", "rdf:Alt", i.Subject)
	list(&b, "dc:language", "rdf:Bag", i.Lang)
	element(&b, "pdf:Keywords", i.Keywords)
	element(&b, "pdf:Producer", tool())
	element(&b, "xmp:CreatorTool", tool())
	element(&b, "xmp:CreateDate", date)
	element(&b, "xmp:ModifyDate", date)
	element(&b, "xmp:MetadataDate", date)
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="r"?>`)
	return b.Bytes()
}

// element writes <name>text</name> on a line, the text escaped.
func element(b *bytes.Buffer, name, text string) {
	b.WriteString("<" + name + ">")
	_ = xml.EscapeText(b, []byte(text)) // writing to a bytes.Buffer does not fail
	b.WriteString("</" + name + ">\n")
}

// list writes an RDF container of one item; an Alt's item is the default language's.
func list(b *bytes.Buffer, name, container, text string) {
	lang := ""
	if container == "rdf:Alt" {
		lang = ` xml:lang="x-default"`
	}
	b.WriteString("<" + name + "><" + container + "><rdf:li" + lang + ">")
	_ = xml.EscapeText(b, []byte(text)) // writing to a bytes.Buffer does not fail
	b.WriteString("</rdf:li></" + container + "></" + name + ">\n")
}
