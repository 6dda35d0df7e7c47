package serve

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"strings"
)

// handler returns the preview's routes behind the Host-header guard.
func (s *server) handler(bound net.Addr) (http.Handler, error) {
	guard, err := newHostGuard(s.opt.Addr, bound)
	if err != nil {
		return nil, err
	}
	page, err := newPage()
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		snap, _ := s.store.get()
		page.serve(w, s.dir, snap)
	})
	mux.HandleFunc("GET /events", s.events)
	mux.HandleFunc("GET /files/{path...}", s.file)
	return guard.wrap(securityHeaders(mux)), nil
}

// securityHeaders adds the headers every response carries.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Header().Set("Cross-Origin-Resource-Policy", "same-origin")
		h.ServeHTTP(w, r)
	})
}

// file serves one rendered document of the last good build, and nothing else: the path must be
// one the page links to, and it is opened through an os.Root, which refuses to leave the preview
// folder by ".." or by a symbolic link.
func (s *server) file(w http.ResponseWriter, r *http.Request) {
	rel := r.PathValue("path")
	snap, _ := s.store.get()
	if !snap.serves(rel) {
		http.NotFound(w, r)
		return
	}
	root, err := os.OpenRoot(s.preview)
	if err != nil {
		http.Error(w, "preview folder unavailable", http.StatusInternalServerError)
		return
	}
	defer root.Close()
	f, err := root.Open(rel)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	name := path.Base(rel)
	disposition := "inline"
	if !strings.HasSuffix(name, ".pdf") {
		disposition = "attachment"
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, fi.ModTime(), f)
}

// contentType names the media type of a rendered file.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".pdf":
		return "application/pdf"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "application/octet-stream"
}

// events streams the page version as server-sent events: once at once, then after every change.
// The page reloads when the version differs from its own.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	fmt.Fprint(w, "retry: 1000\n\n")
	for {
		snap, changed := s.store.get()
		fmt.Fprintf(w, "data: %d\n\n", snap.Version)
		flusher.Flush()
		select {
		case <-changed:
		case <-r.Context().Done():
			return
		}
	}
}
