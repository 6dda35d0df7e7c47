package signing_test

import (
	"context"
	"crypto/x509"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cwo-tool/cwo/config"
	"github.com/cwo-tool/cwo/render"
	"github.com/cwo-tool/cwo/signing"
	"github.com/cwo-tool/cwo/signing/signingtest"
)

var (
	renderOnce sync.Once
	rendered   []byte
	renderErr  error
)

// agreement returns the unsigned agreement for order O-1 of the root package's test workspace,
// rendered once per test binary.
func agreement(t *testing.T) []byte {
	t.Helper()
	renderOnce.Do(func() {
		dir := "../testdata/base"
		out, err := os.MkdirTemp("", "cwo-signing-")
		if err != nil {
			renderErr = err
			return
		}
		defer os.RemoveAll(out)
		s, err := config.Load(dir, nil)
		if err != nil {
			renderErr = err
			return
		}
		opt := render.Options{OutDir: out, Only: []string{render.KindAgreements}, Orders: []string{"O-1"}, Jobs: 1, Log: io.Discard}
		if _, err := render.Run(context.Background(), dir, s, opt); err != nil {
			renderErr = err
			return
		}
		rendered, renderErr = os.ReadFile(filepath.Join(out, "agreements", "O-1-v1.pdf"))
	})
	if renderErr != nil {
		t.Fatalf("render agreement: %v", renderErr)
	}
	return rendered
}

// creds makes credentials for a new identity of ca.
func creds(t *testing.T, ca *signingtest.CA, cn string, opt signingtest.Options) *signing.Credentials {
	t.Helper()
	id := ca.Issue(t, cn, opt)
	return &signing.Credentials{Signer: id.Key, Certificate: id.Cert, Chain: []*x509.Certificate{id.CA.Cert}}
}

// pdfsig runs poppler's pdfsig on data and returns its output; the test is skipped without it.
func pdfsig(t *testing.T, data []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdfsig")
	if err != nil {
		t.Skip("pdfsig (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "signed.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-nocert", path).CombinedOutput()
	if err != nil && !strings.Contains(string(out), "Signature #") {
		t.Fatalf("pdfsig: %v\n%s", err, out)
	}
	return string(out)
}
