package serve

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// running is a preview server started by a test.
type running struct {
	Info
	done chan error
	stop context.CancelFunc
}

// start runs a preview of dir on a free loopback port until the test ends.
func start(t *testing.T, dir string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan Info, 1)
	r := &running{done: make(chan error, 1), stop: cancel}
	go func() {
		r.done <- Run(ctx, dir, Options{Addr: "127.0.0.1:0", Jobs: 2, Log: testLog{t}, Ready: func(i Info) { ready <- i }})
	}()
	select {
	case r.Info = <-ready:
	case err := <-r.done:
		t.Fatalf("Run ended before it was ready: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("server not ready after 20s")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-r.done:
			if err != nil {
				t.Errorf("Run after cancel = %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("server did not shut down within 10s")
		}
	})
	return r
}

// testLog writes the server's log into the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// baseCopy copies the small valid workspace into a temporary folder.
func baseCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/base")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// rawGet sends a request line exactly as given, so that no client cleans the path first.
func rawGet(t *testing.T, addr net.Addr, target, host string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr.String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestServesOnlyRenderedFiles(t *testing.T) {
	dir := baseCopy(t)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("TOP-SECRET"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("TOP-SECRET"), 0o644)
	srv := start(t, dir)
	host := srv.Addr.String()

	if code, body := rawGet(t, srv.Addr, "/files/agreements/O-1-v1.pdf", host); code != 200 || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("the agreement: %d %.20q, want 200 and a PDF", code, body)
	}
	rel, _ := filepath.Rel("/", secret)
	for _, target := range []string{
		"/files/../secret.txt",
		"/files/../../../../../../" + rel,
		"/files/%2e%2e/secret.txt",
		"/files/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/" + rel,
		"/files/agreements/..%2f..%2f..%2f..%2f..%2f..%2f" + strings.ReplaceAll(rel, "/", "%2f"),
		"/files/agreements/%2e%2e/%2e%2e/secret.txt",
		"/files//" + rel,
		"/files/" + secret,
		"/files/manifest.json",
		"/files/.cwo.lock",
		"/secret.txt",
		"/orders/O-1.yaml",
		"/files/orders/O-1.yaml",
		"/..%2fsecret.txt",
	} {
		code, body := rawGet(t, srv.Addr, target, host)
		if code == 200 || strings.Contains(body, "TOP-SECRET") || strings.Contains(body, "title:") {
			t.Errorf("GET %s = %d %.60q; want a refusal", target, code, body)
		}
	}
}

func TestRefusesSymlinkOutOfPreview(t *testing.T) {
	srv := start(t, baseCopy(t))
	secret := filepath.Join(t.TempDir(), "secret.pdf")
	os.WriteFile(secret, []byte("TOP-SECRET"), 0o644)
	target := filepath.Join(srv.Preview, "agreements", "O-1-v1.pdf")
	if err := os.Remove(target); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, target); err != nil {
		t.Fatal(err)
	}
	code, body := rawGet(t, srv.Addr, "/files/agreements/O-1-v1.pdf", srv.Addr.String())
	if code == 200 || strings.Contains(body, "TOP-SECRET") {
		t.Errorf("symlink out of the preview folder: %d %.40q, want a refusal", code, body)
	}
}

func TestRefusesOtherHosts(t *testing.T) {
	srv := start(t, baseCopy(t))
	_, port, _ := net.SplitHostPort(srv.Addr.String())
	for host, want := range map[string]int{
		"127.0.0.1:" + port:          200,
		"localhost:" + port:          200,
		"[::1]:" + port:              200,
		"evil.example:" + port:       403,
		"127.0.0.1.nip.io:" + port:   403,
		"localhost:1":                403,
		"attacker.localhost.example": 403,
	} {
		if code, _ := rawGet(t, srv.Addr, "/", host); code != want {
			t.Errorf("Host %s: %d, want %d", host, code, want)
		}
		if code, _ := rawGet(t, srv.Addr, "/files/agreements/O-1-v1.pdf", host); code != want {
			t.Errorf("Host %s, a document: %d, want %d", host, code, want)
		}
	}
}

var inline = regexp.MustCompile(`(?s)<(style|script)>(.*?)</(?:style|script)>`)

// TestInlineAssetsMatchCSP checks that the page's inline CSS and script are the ones its
// Content-Security-Policy allows, so a browser runs them.
func TestInlineAssetsMatchCSP(t *testing.T) {
	srv := start(t, baseCopy(t))
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	csp := resp.Header.Get("Content-Security-Policy")
	found := inline.FindAllStringSubmatch(string(body), -1)
	if len(found) != 2 {
		t.Fatalf("found %d inline style/script elements, want 2", len(found))
	}
	for _, m := range found {
		if want := hash([]byte(m[2])); !strings.Contains(csp, m[1]+"-src '"+want+"'") {
			t.Errorf("inline %s hashes to %s, which the CSP %q does not allow", m[1], want, csp)
		}
	}
}

func TestEventsAnnounceVersions(t *testing.T) {
	dir := baseCopy(t)
	srv := start(t, dir)
	resp, err := http.Get(srv.URL + "events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				lines <- v
			}
		}
		close(lines)
	}()
	if v := <-lines; v != "1" {
		t.Fatalf("first event %q, want 1", v)
	}
	order := filepath.Join(dir, "orders", "O-1.yaml")
	data, _ := os.ReadFile(order)
	os.WriteFile(order, []byte(strings.Replace(string(data), "Faster NumPy", "Even faster NumPy", 1)), 0o644)
	select {
	case v := <-lines:
		if v != "2" {
			t.Errorf("event after a change %q, want 2", v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10s of a change")
	}
}

func TestShutdownRemovesPreview(t *testing.T) {
	dir := baseCopy(t)
	srv := start(t, dir)
	srv.stop()
	if err := <-srv.done; err != nil {
		t.Fatalf("Run = %v", err)
	}
	srv.done <- nil // for the cleanup
	if _, err := os.Stat(srv.Preview); !os.IsNotExist(err) {
		t.Errorf("preview folder %s still exists after shutdown: %v", srv.Preview, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("serve wrote into the workspace's out/: %v", err)
	}
}

// pageText fetches the page and returns it with tags removed.
func pageText(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(body), ""))
}

func TestBrokenSettingsShownThenFixed(t *testing.T) {
	dir := baseCopy(t)
	settings := filepath.Join(dir, "cwo.yaml")
	os.WriteFile(settings, []byte("paper: a4\noutptu: build\n"), 0o644)
	srv := start(t, dir)
	page := pageText(t, srv.URL)
	for _, want := range []string{"error cwo.yaml:2:1: ", `unknown setting "outptu" (did you mean "output"?)`, "No documents yet"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	os.WriteFile(settings, []byte("paper: a4\n"), 0o644)
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if page = pageText(t, srv.URL); strings.Contains(page, "No problems") && strings.Contains(page, "Faster NumPy") {
			return
		}
	}
	t.Errorf("page after fixing cwo.yaml:\n%s", page)
}

func TestSettingsRuleShownWhereItsValueIs(t *testing.T) {
	dir := baseCopy(t)
	os.WriteFile(filepath.Join(dir, "cwo.yaml"), []byte("output: out\npaper: A5\n"), 0o644)
	srv := start(t, dir)
	page := pageText(t, srv.URL)
	for _, want := range []string{"error cwo.yaml:2:8: ", `paper must be "letter" or "a4"`, "No documents yet"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
}
