// Package signing signs cwo agreements into their named signature fields and verifies the
// signatures. It is the only package that uses github.com/digitorus/pdfsign, its PDF reader
// (github.com/digitorus/pdf), PKCS#7 (github.com/digitorus/pkcs7) and PKCS#12
// (software.sslmate.com/src/go-pkcs12).
//
// pdfsign itself always creates a new signature field named "Signature N"; it cannot fill an
// existing one. cwo agreements already carry empty fields named "contractor" and "funder", so
// Sign writes the incremental update itself: a signature dictionary, an appearance stream, a new
// revision of the named field's widget pointing at both, and (once) the catalog with
// /SigFlags 3. The PKCS#7 detached signature is built with digitorus/pkcs7 the way pdfsign builds
// it, and an optional RFC 3161 timestamp is fetched with pdfsign's SignContext.GetTSA.
//
// The input bytes are never changed: a signed file is the input followed by one update, so every
// earlier signature stays valid. Verify checks each signature over its /ByteRange, which revision
// it covers, what later revisions replaced, and whether anything was appended after the last
// signature.
//
// Both read only files whose last cross-reference section is a classic table, as cwo writes
// them, and guard against the inputs that make the PDF reader loop (see guard.go).
package signing
