package signingtest

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// FlipStreamByte returns a copy of pdf with one byte inverted inside its first stream, which
// changes the document's content without breaking its structure.
func FlipStreamByte(pdf []byte) []byte {
	out := bytes.Clone(pdf)
	i := bytes.Index(out, []byte("stream\n"))
	if i < 0 {
		panic("signingtest: no stream in the PDF")
	}
	out[i+len("stream\n")+10] ^= 0xff
	return out
}

var (
	startxrefPattern = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	rootPattern      = regexp.MustCompile(`/Root (\d+ \d+ R)`)
	infoPattern      = regexp.MustCompile(`/Info (\d+ \d+ R)`)
	sizePattern      = regexp.MustCompile(`/Size (\d+)`)
)

// AppendUpdate returns pdf followed by an unsigned incremental update that adds one unused
// object, as an editor saving the file might.
func AppendUpdate(pdf []byte) []byte {
	trailer := pdf[bytes.LastIndex(pdf, []byte("trailer")):]
	size, _ := strconv.Atoi(string(sizePattern.FindSubmatch(trailer)[1]))
	return ReplaceObject(pdf, size, "(appended after signing)")
}

// ReplaceObject returns pdf followed by an unsigned incremental update that gives object num
// (generation 0) the new body: a new revision of an existing object, or a new object.
func ReplaceObject(pdf []byte, num int, body string) []byte {
	m := startxrefPattern.FindSubmatch(pdf)
	if m == nil {
		panic("signingtest: no startxref at the end of the PDF")
	}
	trailer := pdf[bytes.LastIndex(pdf, []byte("trailer")):]
	root, info := rootPattern.FindSubmatch(trailer), infoPattern.FindSubmatch(trailer)
	size, _ := strconv.Atoi(string(sizePattern.FindSubmatch(trailer)[1]))
	var b bytes.Buffer
	b.Write(pdf)
	off := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", num, body)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n", num, off)
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %s /Info %s /Prev %s >>\nstartxref\n%d\n%%%%EOF\n",
		max(size, num+1), root[1], info[1], m[1], xref)
	return b.Bytes()
}

// InfoObject returns the object number of the document information dictionary of pdf.
func InfoObject(pdf []byte) int {
	trailer := pdf[bytes.LastIndex(pdf, []byte("trailer")):]
	n, _ := strconv.Atoi(strings.Fields(string(infoPattern.FindSubmatch(trailer)[1]))[0])
	return n
}

// PlainPDF returns a one-page PDF with the given title and no signature fields: a PDF that is
// not a cwo agreement.
func PlainPDF(title string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
		fmt.Sprintf("<< /Title (%s) >>", title),
	}
	return ClassicPDF("1.4", objs, "", true)
}

// ClassicPDF writes objs as objects 1..n of a PDF with a classic cross-reference table; the
// trailer names object 1 as /Root and 4 as /Info, plus trailerExtra. finalEOL ends the file with
// a line break after %%EOF.
func ClassicPDF(version string, objs []string, trailerExtra string, finalEOL bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-" + version + "\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R%s >>\nstartxref\n%d\n%%%%EOF", len(objs)+1, trailerExtra, xref)
	if finalEOL {
		b.WriteString("\n")
	}
	return b.Bytes()
}
