// Package pdf draws cwo's PDF documents with fpdf: the signature-ready agreement (and, in later
// files, the roadmap brochure). It is the only package that uses fpdf, together with its
// subpackage mdpdf (Markdown into fpdf); the empty signature fields are added by package pdfupdate. Documents are
// written to an io.Writer and are byte-for-byte reproducible: dates come from the data, never the
// clock.
package pdf
