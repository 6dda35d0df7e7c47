package serve

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
)

//go:embed assets/page.html.tmpl assets/style.css assets/reload.js
var assets embed.FS

// page renders the preview page. Its CSS and script are inline, allowed by their hashes in the
// Content-Security-Policy, so nothing else can run on the page.
type page struct {
	tmpl *template.Template
	css  template.CSS
	js   template.JS
	csp  string
}

// pageData is what the template sees.
type pageData struct {
	Workspace, Name  string
	Snap             *snapshot
	Errors, Warnings int
	CSS              template.CSS
	JS               template.JS
}

func newPage() (*page, error) {
	css, err := assets.ReadFile("assets/style.css")
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	js, err := assets.ReadFile("assets/reload.js")
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	tmpl, err := template.New("page.html.tmpl").Funcs(template.FuncMap{"fileURL": fileURL, "plural": plural}).
		ParseFS(assets, "assets/page.html.tmpl")
	if err != nil {
		return nil, fmt.Errorf("serve: page template: %w", err)
	}
	csp := fmt.Sprintf("default-src 'none'; style-src '%s'; script-src '%s'; connect-src 'self'; img-src 'self'; "+
		"base-uri 'none'; form-action 'none'; frame-ancestors 'none'", hash(css), hash(js))
	return &page{tmpl: tmpl, css: template.CSS(css), js: template.JS(js), csp: csp}, nil
}

// hash returns the CSP source expression for an inline element's text.
func hash(text []byte) string {
	sum := sha256.Sum256(text)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// serve writes the page for a snapshot of the workspace in dir.
func (p *page) serve(w http.ResponseWriter, dir string, snap *snapshot) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	errs, warns := snap.Counts()
	data := pageData{Workspace: abs, Name: filepath.Base(abs), Snap: snap, Errors: errs, Warnings: warns, CSS: p.css, JS: p.js}
	var buf bytes.Buffer
	if err := p.tmpl.Execute(&buf, data); err != nil {
		http.Error(w, "page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", p.csp)
	h.Set("X-Frame-Options", "DENY")
	w.Write(buf.Bytes())
}

// fileURL links a document, with its input hash as a query so the browser never shows a cached
// older version.
func fileURL(d link) string {
	parts := strings.Split(d.Path, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	v := d.Hash
	if len(v) > 12 {
		v = v[:12]
	}
	return "/files/" + strings.Join(parts, "/") + "?v=" + url.QueryEscape(v)
}
