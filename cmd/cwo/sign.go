package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/outdir"
	"github.com/cwo-tool/cwo/pdfupdate"
	"github.com/cwo-tool/cwo/signing"
	"github.com/spf13/cobra"
)

type signOptions struct {
	file         string
	key          string
	cert         string
	p12          string
	passwordFile string
	field        string
	reason       string
	location     string
	out          string
	tsa          string
	force        bool
}

func newSignCmd() *cobra.Command {
	opts := &signOptions{}
	cmd := &cobra.Command{
		Use:   "sign FILE",
		Short: "Sign an agreement PDF into its contractor or funder signature field",
		Long: `sign adds a digital signature to an agreement written by cwo render, in the named empty
signature field (contractor by default), with a visible appearance: signer name, date, reason.
The signature is an incremental update: the input's bytes stay an exact prefix of the signed
file, and a signature made earlier (in the other field) stays valid.

The key is a PEM private key (RSA or ECDSA, unencrypted) with its PEM certificate, or a PKCS#12
file. The certificate must be valid now. Without --out the result is written next to FILE with
the field name added: X.pdf becomes X.signed-contractor.pdf, which signed as funder becomes
X.signed-contractor-funder.pdf. FILE itself is only replaced when --out names it, and then
atomically. No network is used unless --tsa names a time-stamping authority.`,
		Example: `  cwo sign out/agreements/CWO-2026-001-v1.pdf --key me.key --cert me.crt --reason "I agree"
  cwo sign out/agreements/CWO-2026-001-v1.signed-contractor.pdf --field funder \
      --p12 acme.p12 --password-file acme.pass --location Berlin
  cwo sign agreement.pdf --key me.key --cert me.crt --out agreement.pdf   # replace in place`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return signRun(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.key, "key", "", "PEM private key file (RSA or ECDSA; PKCS#8, PKCS#1 or SEC 1)")
	f.StringVar(&opts.cert, "cert", "", "PEM certificate file: the signer's certificate, then optionally its chain")
	f.StringVar(&opts.p12, "p12", "", "PKCS#12 file (.p12, .pfx) with key and certificate, instead of --key and --cert")
	f.StringVar(&opts.passwordFile, "password-file", "", "file whose first line is the PKCS#12 password (default: empty password)")
	f.StringVar(&opts.field, "field", pdfupdate.FieldContractor, "signature field to sign: "+pdfupdate.FieldContractor+" or "+pdfupdate.FieldFunder)
	f.StringVar(&opts.reason, "reason", "", "reason for signing, shown in the signature and its appearance")
	f.StringVar(&opts.location, "location", "", "where the signature is made, e.g. a city")
	f.StringVarP(&opts.out, "out", "o", "", "signed file to write (default: FILE with .signed-FIELD before .pdf)")
	f.StringVar(&opts.tsa, "tsa", "", "URL of an RFC 3161 time-stamping authority to timestamp the signature (network)")
	f.BoolVar(&opts.force, "force", false, "overwrite the output file if it exists")
	return cmd
}

func signRun(cmd *cobra.Command, opts *signOptions) error {
	if err := checkSignFlags(opts); err != nil {
		return err
	}
	creds, err := loadCredentials(opts)
	if err != nil {
		return failed(err)
	}
	data, err := readPDF(opts.file)
	if err != nil {
		return failed(err)
	}
	out := opts.out
	if out == "" {
		out = signedName(opts.file, opts.field)
	}
	if err := checkOutput(opts.file, out, opts.force); err != nil {
		return failed(err)
	}
	signed, err := signing.Sign(data, creds, signing.Options{Field: opts.field, Reason: opts.reason,
		Location: opts.location, TSA: opts.tsa, Producer: "cwo " + cwo.Version})
	if err != nil {
		return failed(fmt.Errorf("%s: %w", opts.file, err))
	}
	if err := outdir.WriteFileAtomic(out, signed); err != nil {
		return failed(fmt.Errorf("write %s: %w", out, err))
	}
	fmt.Fprintf(cmd.OutOrStdout(), "signed %s as %s (%s)\nwrote %s\n", opts.file, opts.field, creds.Certificate.Subject, out)
	return nil
}

// checkSignFlags rejects flag combinations that cannot work (a usage error, exit 2).
func checkSignFlags(opts *signOptions) error {
	pem := opts.key != "" || opts.cert != ""
	switch {
	case opts.p12 != "" && pem:
		return errors.New("give either --p12 or --key and --cert, not both")
	case opts.p12 == "" && (opts.key == "" || opts.cert == ""):
		return errors.New("give --key and --cert (PEM), or --p12")
	case opts.passwordFile != "" && opts.p12 == "":
		return errors.New("--password-file is for --p12; PEM keys must be unencrypted")
	case opts.field == "":
		return fmt.Errorf("--field must name a signature field (%s or %s)", pdfupdate.FieldContractor, pdfupdate.FieldFunder)
	}
	return nil
}

// loadCredentials reads the PEM or PKCS#12 files the flags name.
func loadCredentials(opts *signOptions) (*signing.Credentials, error) {
	if opts.p12 != "" {
		password, err := readPassword(opts.passwordFile)
		if err != nil {
			return nil, err
		}
		data, err := os.ReadFile(opts.p12)
		if err != nil {
			return nil, err
		}
		c, err := signing.LoadPKCS12(data, password)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", opts.p12, err)
		}
		return c, nil
	}
	key, err := os.ReadFile(opts.key)
	if err != nil {
		return nil, err
	}
	cert, err := os.ReadFile(opts.cert)
	if err != nil {
		return nil, err
	}
	c, err := signing.LoadPEM(key, cert)
	if err != nil {
		return nil, fmt.Errorf("%s, %s: %w", opts.key, opts.cert, err)
	}
	return c, nil
}

// readPassword returns the first line of path, or "" when path is empty.
func readPassword(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	return strings.TrimSuffix(line, "\r"), nil
}

// signedName is the default output of signing file in field: "X.pdf" becomes
// "X.signed-contractor.pdf", and "X.signed-contractor.pdf" becomes
// "X.signed-contractor-funder.pdf".
func signedName(file, field string) string {
	base := strings.TrimSuffix(file, filepath.Ext(file))
	if i := strings.LastIndex(base, ".signed-"); i >= 0 && !strings.ContainsAny(base[i:], `/\`) {
		return base + "-" + field + ".pdf"
	}
	return base + ".signed-" + field + ".pdf"
}

// checkOutput refuses to overwrite an existing file other than the input unless forced.
func checkOutput(in, out string, force bool) error {
	st, err := os.Stat(out)
	if err != nil || force {
		return nil
	}
	if inSt, err := os.Stat(in); err == nil && os.SameFile(st, inSt) {
		return nil // --out names the input: replace it atomically
	}
	return fmt.Errorf("%s already exists; use --force to overwrite it", out)
}
