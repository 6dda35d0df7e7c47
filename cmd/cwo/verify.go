package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cwo-tool/cwo/agreement"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/render"
	"github.com/cwo-tool/cwo/signing"
	"github.com/spf13/cobra"
)

type verifyOptions struct {
	file       string
	workspace  string
	json       bool
	requireAll bool
}

// verifyResult is what verify prints: the signing report and, with --workspace, the comparison
// with the workspace's current data.
type verifyResult struct {
	File string `json:"file"`
	*signing.Report
	Workspace *workspaceCheck `json:"workspace,omitempty"`
	OK        bool            `json:"ok"`
	Failures  []string        `json:"failures,omitempty"`
}

// workspaceCheck compares the agreement with the one the workspace renders today.
type workspaceCheck struct {
	Dir         string `json:"dir"`
	Fingerprint string `json:"fingerprint,omitempty"` // of the agreement the workspace renders
	Version     int    `json:"version,omitempty"`     // the order's version in the workspace
	// Matches: the same fingerprint, the file starts with the rendered agreement byte for byte,
	// and later updates only fill signature fields.
	Matches bool   `json:"matches"`
	Problem string `json:"problem,omitempty"`
	// Differences lists what differs from the rendered agreement: pages, or later changes.
	Differences []string `json:"differences,omitempty"`
}

func newVerifyCmd() *cobra.Command {
	opts := &verifyOptions{}
	cmd := &cobra.Command{
		Use:   "verify FILE",
		Short: "Check an agreement's signatures, and whether it still matches the workspace",
		Long: `verify prints an agreement's order, version and fingerprint, then for each signature field
whether it is signed, by whom (the certificate's subject), when, whether the signature is valid
and which revision of the file it covers, what later updates changed beyond filling the next
signature field (a new appearance of a signed field, a changed page, catalog actions,
JavaScript, ...), and whether anything was appended after the last signature. With --workspace
it renders the order's agreement again from the workspace, as cwo render would, and checks that
the PDF is that agreement byte for byte up to its signatures, naming the pages that differ.

verify exits 1 when a signature is invalid, the document was changed after a signature,
something was appended after the last signature, or the PDF is not the agreement the workspace
renders; an unsigned field is reported but is not a failure unless --require-all is given. Only
regular files of up to 256 MiB are read. Certificates are not checked against trusted roots:
compare the signer and issuer shown with the ones you expect.`,
		Example: `  cwo verify out/agreements/CWO-2026-001-v1.signed-contractor-funder.pdf
  cwo verify agreement.pdf --workspace samples
  cwo verify agreement.pdf --require-all --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return verifyRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.workspace, "workspace", "w", "", "workspace folder to render the agreement from and compare")
	f.BoolVar(&opts.json, "json", false, "print the result as JSON")
	f.BoolVar(&opts.requireAll, "require-all", false, "fail unless every signature field is signed")
	return cmd
}

func verifyRun(cmd *cobra.Command, opts *verifyOptions) error {
	data, err := readPDF(opts.file)
	if err != nil {
		return failed(err)
	}
	rep, err := signing.Verify(data)
	if err != nil {
		return failed(fmt.Errorf("%s: %w", opts.file, err))
	}
	res := &verifyResult{File: opts.file, Report: rep}
	if opts.workspace != "" {
		res.Workspace = checkWorkspace(cmd.Context(), opts.workspace, data, &rep.Document)
	}
	res.Failures = failures(res, opts.requireAll)
	res.OK = len(res.Failures) == 0
	if opts.json {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return failed(err)
		}
	} else {
		printVerify(cmd.OutOrStdout(), res)
	}
	if !res.OK {
		return failed(errSilent)
	}
	return nil
}

// checkWorkspace renders the order's agreement from the workspace in dir, as cwo render would,
// and compares it with data, the agreement given to verify.
func checkWorkspace(ctx context.Context, dir string, data []byte, doc *signing.Document) *workspaceCheck {
	wc := &workspaceCheck{Dir: dir}
	rendered, err := renderAgreement(ctx, dir, doc.OrderID)
	if errors.Is(err, agreement.ErrNoOrder) {
		wc.Problem = fmt.Sprintf("order %s is not in the workspace any more", doc.OrderID)
		return wc
	}
	if err != nil {
		wc.Problem = err.Error()
		return wc
	}
	now, err := signing.Identify(rendered)
	if err != nil {
		wc.Problem = fmt.Sprintf("the agreement rendered now: %v", err)
		return wc
	}
	wc.Fingerprint, wc.Version = now.Fingerprint, now.Version
	switch {
	case wc.Version != doc.Version:
		wc.Problem = fmt.Sprintf("order %s is now version %d (this PDF is version %d) and its agreement has fingerprint %s",
			doc.OrderID, wc.Version, doc.Version, wc.Fingerprint)
	case wc.Fingerprint != doc.Fingerprint:
		wc.Problem = fmt.Sprintf("order %s changed since this agreement was rendered (its data or the agreement template): "+
			"the workspace gives fingerprint %s", doc.OrderID, wc.Fingerprint)
	default:
		compareRendered(wc, data, rendered)
	}
	return wc
}

// compareRendered compares the bytes of data with the agreement rendered now, whose fingerprint
// is data's.
func compareRendered(wc *workspaceCheck, data, rendered []byte) {
	diffs, err := signing.CompareRendered(data, rendered)
	switch {
	case err != nil:
		wc.Problem = fmt.Sprintf("cannot compare the file with the agreement the workspace renders: %v", err)
	case len(diffs) > 0:
		wc.Differences = diffs
		wc.Problem = "the fingerprint matches, but the file is not the agreement the workspace renders: " + strings.Join(diffs, "; ")
	default:
		wc.Matches = true
	}
}

// renderAgreement renders the agreement for orderID from the workspace in dir with its
// settings, as cwo render does. A workspace with errors gives an error listing them; an unknown
// order gives an error wrapping agreement.ErrNoOrder.
func renderAgreement(ctx context.Context, dir, orderID string) ([]byte, error) {
	s, err := config.Load(dir, nil)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = render.Agreement(ctx, dir, s, orderID, &buf)
	if errors.Is(err, render.ErrInvalid) {
		return nil, fmt.Errorf("%s: the workspace has errors (run cwo validate): %w", dir, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return buf.Bytes(), nil
}

// failures lists why the result is not OK.
func failures(res *verifyResult, requireAll bool) []string {
	var out []string
	for _, s := range res.Signatures {
		switch {
		case s.Signed && !s.Valid:
			out = append(out, fmt.Sprintf("the %s signature is invalid", s.Field))
		case len(s.ChangedAfter) > 0:
			out = append(out, fmt.Sprintf("the document was changed after the %s signature (%s)", s.Field, changeList(s.ChangedAfter)))
		case s.Unchecked != "":
			out = append(out, fmt.Sprintf("the changes after the %s signature could not be checked", s.Field))
		case !s.Signed && requireAll:
			out = append(out, fmt.Sprintf("the %s field is not signed", s.Field))
		}
	}
	if res.Appended != nil {
		out = append(out, "the file was modified after the last signature")
	}
	if res.Workspace != nil && !res.Workspace.Matches {
		out = append(out, "the workspace does not match")
	}
	return out
}

// printVerify writes the result as text, one fact per line.
func printVerify(w io.Writer, res *verifyResult) {
	fmt.Fprintf(w, "file: %s\norder: %s version %d\nfingerprint: %s\n", res.File, res.OrderID, res.Version, res.Fingerprint)
	for _, s := range res.Signatures {
		printSignature(w, s, res.Revisions)
	}
	switch {
	case res.SignedUpTo == 0:
		fmt.Fprintln(w, "after the last signature: no signatures yet")
	case res.Appended == nil:
		fmt.Fprintln(w, "after the last signature: nothing appended")
	default:
		fmt.Fprintf(w, "after the last signature: MODIFIED: %d bytes (%d %s) appended after byte %d\n",
			res.Appended.Bytes, res.Appended.Revisions, plural(res.Appended.Revisions, "update"), res.SignedUpTo)
	}
	if wc := res.Workspace; wc != nil {
		if wc.Matches {
			fmt.Fprintf(w, "workspace %s: matches order %s version %d\n", wc.Dir, res.OrderID, wc.Version)
		} else {
			fmt.Fprintf(w, "workspace %s: MISMATCH: %s\n", wc.Dir, wc.Problem)
		}
	}
	if res.OK {
		fmt.Fprintln(w, "result: ok")
	} else {
		fmt.Fprintf(w, "result: FAILED: %s\n", strings.Join(res.Failures, "; "))
	}
}

// printSignature writes one signature field: its state, then one indented line per detail.
func printSignature(w io.Writer, s signing.Signature, revisions int) {
	switch {
	case !s.Signed:
		fmt.Fprintf(w, "%s: not signed\n", s.Field)
		return
	case s.Valid:
		fmt.Fprintf(w, "%s: valid signature\n", s.Field)
	default:
		fmt.Fprintf(w, "%s: INVALID signature: %s\n", s.Field, s.Problem)
	}
	detail := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "  %-9s %s\n", label+":", value)
		}
	}
	detail("signer", s.Signer)
	detail("issuer", s.Issuer)
	if !s.Time.IsZero() {
		detail("signed", s.Time.Format("2006-01-02 15:04:05 -07:00"))
	}
	if !s.Timestamp.IsZero() {
		detail("timestamp", s.Timestamp.UTC().Format("2006-01-02 15:04:05 UTC"))
	}
	detail("reason", s.Reason)
	detail("location", s.Location)
	if s.Revision > 0 {
		covers := fmt.Sprintf("revision %d of %d, bytes 0 to %d", s.Revision, revisions, s.Covers)
		if s.WholeDocument {
			covers += " (the whole file)"
		}
		detail("covers", covers)
	}
	for _, c := range s.ChangedAfter {
		detail("CHANGED", c.String())
	}
	detail("UNCHECKED", s.Unchecked)
}

// changeList renders what changed, without the revisions, separated by commas.
func changeList(changes []signing.Change) string {
	s := make([]string, len(changes))
	for i, c := range changes {
		s[i] = c.What
	}
	return strings.Join(s, ", ")
}
