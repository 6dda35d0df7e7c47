package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium is Debian's Chromium, which .ci/run installs.
const chromium = "/usr/bin/chromium"

// syncBuffer is a bytes.Buffer that the server's goroutines and the test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// preview is a `cwo serve` started by a test.
type preview struct {
	url            string
	stdout, stderr *syncBuffer
	stop           func() int // cancels the command and returns its exit code
}

var (
	urlLine     = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	previewLine = regexp.MustCompile(`rendering into (\S+)\)`)
)

// startServe runs `cwo serve DIR --addr 127.0.0.1:0` in-process and waits for its URL.
func startServe(t *testing.T, dir string) *preview {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p := &preview{stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"serve", dir, "--addr", "127.0.0.1:0", "--jobs", "2"}, p.stdout, p.stderr)
	}()
	var once sync.Once
	exit := -1
	p.stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case exit = <-code:
			case <-time.After(10 * time.Second):
				t.Error("cwo serve did not stop within 10s of a cancel")
			}
		})
		return exit
	}
	t.Cleanup(func() { p.stop() })
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if p.url = urlLine.FindString(p.stdout.String()); p.url != "" {
			return p
		}
		select {
		case c := <-code:
			t.Fatalf("cwo serve exited %d before serving\n%s%s", c, p.stdout, p.stderr)
		default:
		}
	}
	t.Fatalf("cwo serve printed no URL within 20s\n%s%s", p.stdout, p.stderr)
	return nil
}

// get fetches a URL and returns its body.
func get(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return body
}

var tag = regexp.MustCompile(`<[^>]*>`)

// waitForPage polls the page until ok accepts its text (tags removed, entities unescaped) and
// returns its HTML.
func waitForPage(t *testing.T, p *preview, what string, ok func(text string) bool) string {
	t.Helper()
	var page string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		page = string(get(t, p.url))
		if ok(html.UnescapeString(tag.ReplaceAllString(page, ""))) {
			return page
		}
	}
	t.Fatalf("page never showed %s; last page:\n%s\nlog:\n%s", what, page, p.stderr)
	return ""
}

var agreementLink = regexp.MustCompile(`href="/(files/agreements/O-1-v1\.pdf\?v=[0-9a-f]+)"`)

// previewedAgreement returns the link to O-1's agreement on a page and the PDF it leads to.
func previewedAgreement(t *testing.T, p *preview, page string) (string, []byte) {
	t.Helper()
	m := agreementLink.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("page has no link to O-1's agreement:\n%s", page)
	}
	pdf := get(t, p.url+m[1])
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: %.20q", m[1], pdf)
	}
	return m[1], pdf
}

// editFile replaces old with new in a workspace file, failing when old is not there.
func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s lacks %q (%v)", path, old, err)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeLivePreview edits, breaks and fixes an order under a running `cwo serve` and checks
// what the page and the agreement show at each step.
func TestServeLivePreview(t *testing.T) {
	dir := baseCopy(t)
	order := filepath.Join(dir, "orders", "O-1.yaml")
	p := startServe(t, dir)

	page := waitForPage(t, p, "the orders", func(s string) bool {
		for _, want := range []string{"O-1", "O-2", "Faster NumPy", "Acme", "NumPy", "active", "fixed $150,000.00", "8.5", "No problems"} {
			if !strings.Contains(s, want) {
				return false
			}
		}
		return true
	})
	if !strings.Contains(page, `href="/files/brochures/conf.pdf?v=`) {
		t.Errorf("page does not link the brochure")
	}
	link1, pdf1 := previewedAgreement(t, p, page)

	editFile(t, order, "title: Faster NumPy", "title: Faster NumPy on Arm")
	page = waitForPage(t, p, "the new title", func(s string) bool { return strings.Contains(s, "Faster NumPy on Arm") })
	link2, pdf2 := previewedAgreement(t, p, page)
	if link2 == link1 || bytes.Equal(pdf1, pdf2) {
		t.Errorf("the agreement did not change with the title: link %s → %s, %d → %d bytes", link1, link2, len(pdf1), len(pdf2))
	}

	good, _ := os.ReadFile(order)
	line := bytes.Count(good, []byte("\n")) + 1
	os.WriteFile(order, append(good, "colour: red\n"...), 0o644)
	where := fmt.Sprintf("orders/O-1.yaml:%d:1: unknown key \"colour\"", line)
	page = waitForPage(t, p, where, func(s string) bool {
		return strings.Contains(s, where) && strings.Contains(s, "1 error") &&
			strings.Contains(s, "Nothing was rendered because the workspace has errors") && strings.Contains(s, "Faster NumPy on Arm")
	})
	if !strings.Contains(page, `<li class="error">`) {
		t.Errorf("the error is not marked as one:\n%s", page)
	}
	if link3, pdf3 := previewedAgreement(t, p, page); link3 != link2 || !bytes.Equal(pdf3, pdf2) {
		t.Errorf("broken workspace: the last good agreement is no longer shown (%s)", link3)
	}

	os.WriteFile(order, good, 0o644)
	page = waitForPage(t, p, "no problems", func(s string) bool { return strings.Contains(s, "No problems") })
	if strings.Contains(page, "unknown key") || strings.Contains(page, `class="problems"`) {
		t.Errorf("fixed workspace still shows problems:\n%s", page)
	}

	checkShutdown(t, p, dir)
}

// checkShutdown stops the server and checks that it exits 0 and leaves no preview folder behind.
func checkShutdown(t *testing.T, p *preview, dir string) {
	t.Helper()
	m := previewLine.FindStringSubmatch(p.stderr.String())
	if m == nil {
		t.Fatalf("log does not name the preview folder:\n%s", p.stderr)
	}
	if code := p.stop(); code != 0 {
		t.Errorf("cwo serve exited %d after a cancel\n%s", code, p.stderr)
	}
	if _, err := os.Stat(m[1]); !os.IsNotExist(err) {
		t.Errorf("preview folder %s is still there after shutdown (%v)", m[1], err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("cwo serve wrote into the workspace's out/ (%v)", err)
	}
}

func TestServeRefusesBadSetup(t *testing.T) {
	if code, _, errOut := cwoRun(t, "serve", t.TempDir(), "--addr", "no-port"); code != 1 || !strings.Contains(errOut, "no-port") {
		t.Errorf("serve --addr no-port: exit %d, %q; want 1 and the address", code, errOut)
	}
	if code, _, _ := cwoRun(t, "serve", "a", "b"); code != 2 {
		t.Errorf("serve with two folders: exit %d, want 2", code)
	}
}

// TestServeInBrowser drives the page in headless Chromium: it waits for the tables, saves a
// screenshot, breaks an order and waits for the page to reload itself with the error.
func TestServeInBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("%s is missing (%v): install Debian's chromium (apt-get install chromium fonts-liberation)", chromium, err)
	}
	dir := baseCopy(t)
	editFile(t, filepath.Join(dir, "projects", "numpy.yaml"), "2026-05-14", "2025-01-01") // a stale roadmap: a warning
	p := startServe(t, dir)
	ctx := browser(t)

	err := chromedp.Do(ctx,
		chromedp.Navigate(p.url),
		chromedp.WaitVisible(chromedp.CSS("table.orders tbody tr")),
		chromedp.WaitVisible(chromedp.CSS(".problems li.warning")),
	)
	if err != nil {
		t.Fatalf("page did not show the orders and the warning: %v\n%s", err, p.stderr)
	}
	screenshot(t, ctx, "cwo-serve.png")

	order := filepath.Join(dir, "orders", "O-1.yaml")
	good, _ := os.ReadFile(order)
	os.WriteFile(order, append(good, "colour: red\n"...), 0o644)
	if !waitInBrowser(ctx, `document.querySelector(".problems li.error") !== null && document.querySelector("table.orders") !== null`) {
		t.Fatal("the page did not reload with the error and the last good documents")
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".problems li.error")))
	if err != nil || !strings.Contains(text, "orders/O-1.yaml:") || !strings.Contains(text, `unknown key "colour"`) {
		t.Errorf("error line %q (%v), want the file, position and message", text, err)
	}
	screenshot(t, ctx, "cwo-serve-errors.png")
}

// waitInBrowser evaluates a JavaScript condition until it holds, for at most 10 seconds, riding
// out the page reloading under it.
func waitInBrowser(ctx context.Context, cond string) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return true
		}
	}
	return false
}

// browser starts headless Chromium for the test, with a fresh profile, closed at the end.
func browser(t *testing.T) context.Context {
	t.Helper()
	parent, cancelParent := context.WithTimeout(context.Background(), 40*time.Second)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
		cancelParent()
	})
	return ctx
}

// screenshot saves the whole page into the test's folder and to /tmp for a person to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	for _, p := range []string{filepath.Join(t.TempDir(), name), filepath.Join("/tmp", name)} {
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Errorf("save screenshot: %v", err)
		}
	}
}
