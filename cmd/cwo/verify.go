package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/agreement"
	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/signing"
	"github.com/cwo-tool/cwo/templates"
	"github.com/cwo-tool/cwo/workspace"
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

// workspaceCheck compares the agreement's fingerprint with the one its order has today.
type workspaceCheck struct {
	Dir         string `json:"dir"`
	Fingerprint string `json:"fingerprint,omitempty"` // computed from the workspace
	Version     int    `json:"version,omitempty"`     // the order's version in the workspace
	Matches     bool   `json:"matches"`
	Problem     string `json:"problem,omitempty"`
}

func newVerifyCmd() *cobra.Command {
	opts := &verifyOptions{}
	cmd := &cobra.Command{
		Use:   "verify FILE",
		Short: "Check an agreement's signatures, and whether it still matches the workspace",
		Long: `verify prints an agreement's order, version and fingerprint, then for each signature field
whether it is signed, by whom (the certificate's subject), when, whether the signature is valid
and which revision of the file it covers, and whether anything was appended after the last
signature. With --workspace it recomputes the fingerprint from the workspace's current data and
says whether the PDF still matches it.

verify exits 1 when a signature is invalid, something was appended after the last signature,
or the workspace gives a different fingerprint; an unsigned field is reported but is not a
failure unless --require-all is given. Certificates are not checked against trusted roots:
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
	f.StringVarP(&opts.workspace, "workspace", "w", "", "workspace folder to recompute the fingerprint from")
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
		res.Workspace = checkWorkspace(opts.workspace, &rep.Document)
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

// checkWorkspace recomputes the order's fingerprint from the workspace in dir.
func checkWorkspace(dir string, doc *signing.Document) *workspaceCheck {
	wc := &workspaceCheck{Dir: dir}
	s, err := config.Load(dir, nil)
	if err != nil {
		wc.Problem = err.Error()
		return wc
	}
	wc.Fingerprint, wc.Version, err = orderFingerprint(dir, s, doc.OrderID)
	switch {
	case errors.Is(err, agreement.ErrNoOrder):
		wc.Problem = fmt.Sprintf("order %s is not in the workspace any more", doc.OrderID)
	case err != nil:
		wc.Problem = err.Error()
	case wc.Fingerprint == doc.Fingerprint:
		wc.Matches = true
	case wc.Version != doc.Version:
		wc.Problem = fmt.Sprintf("order %s is now version %d (this PDF is version %d) and its agreement has fingerprint %s",
			doc.OrderID, wc.Version, doc.Version, wc.Fingerprint)
	default:
		wc.Problem = fmt.Sprintf("order %s changed since this agreement was rendered (its data or the agreement template): "+
			"the workspace gives fingerprint %s", doc.OrderID, wc.Fingerprint)
	}
	return wc
}

// orderFingerprint loads and checks the workspace in dir and returns the fingerprint and
// version the agreement for orderID would have if it were rendered now: the value `cwo render`
// prints on the signature page and in the PDF's keywords. A workspace with errors gives an error
// listing them; an unknown order gives an error wrapping agreement.ErrNoOrder.
func orderFingerprint(dir string, s cwo.Settings, orderID string) (fp string, version int, err error) {
	ws, diags := workspace.Load(dir, s)
	if !diags.HasErrors() {
		diags = append(diags, cwo.Validate(ws, cwo.ValidateOptions{})...)
	}
	if diags.HasErrors() {
		return "", 0, fmt.Errorf("%s: the workspace has errors (run cwo validate):\n%w", dir, onlyErrors(diags).Sort())
	}
	set, err := templates.Load(dir)
	if err != nil {
		return "", 0, fmt.Errorf("%s: %w", dir, err)
	}
	fp, version, err = agreement.OrderFingerprint(ws, set.Text(templates.Agreement), orderID)
	if err != nil {
		return "", 0, fmt.Errorf("%s: %w", dir, err)
	}
	return fp, version, nil
}

// onlyErrors drops the warnings from diags.
func onlyErrors(diags cwo.Diagnostics) cwo.Diagnostics {
	var out cwo.Diagnostics
	for _, d := range diags {
		if d.Severity == cwo.Error {
			out = append(out, d)
		}
	}
	return out
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
