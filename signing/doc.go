// Package signing signs cwo agreements into their named signature fields and verifies the
// signatures. It owns what is about signatures: credentials (PEM, PKCS#12 with
// software.sslmate.com/src/go-pkcs12), the PKCS#7 detached signature (github.com/digitorus/pkcs7,
// built the way github.com/digitorus/pdfsign builds it, with an optional RFC 3161 timestamp
// fetched with pdfsign's SignContext.GetTSA), the visible appearance, and the checks of Verify.
// Reading the PDF and writing the incremental update is package pdfupdate's job.
//
// pdfsign itself always creates a new signature field named "Signature N"; it cannot fill an
// existing one. cwo agreements already carry empty fields (pdfupdate.FieldContractor and
// pdfupdate.FieldFunder), so Sign writes one update with pdfupdate: a signature dictionary, an
// appearance stream, a new revision of the named field's widget pointing at both, and (once)
// the form with /SigFlags 3.
//
// The input bytes are never changed: a signed file is the input followed by one update, so every
// earlier signature stays valid. Verify checks each signature over its /ByteRange, which revision
// it covers, what later revisions replaced, and whether anything was appended after the last
// signature.
package signing
