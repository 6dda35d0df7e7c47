package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cwo-tool/cwo"
	"github.com/cwo-tool/cwo/config"
)

// DefaultAddr is where the preview listens unless told otherwise: loopback only.
const DefaultAddr = "127.0.0.1:8080"

// DefaultDebounce is how long the workspace must be quiet after a change before it is rebuilt, so
// that an editor's burst of writes causes one build.
const DefaultDebounce = 100 * time.Millisecond

// shutdownGrace bounds how long open requests may take to finish once the server stops.
const shutdownGrace = 5 * time.Second

// Options configure the preview server. The zero value serves on DefaultAddr.
type Options struct {
	Addr     string        // listen address; DefaultAddr when empty
	Jobs     int           // documents rendered in parallel; cwo.yaml's jobs, else one per CPU, when 0
	Debounce time.Duration // quiet time before a rebuild; DefaultDebounce when 0 or less
	Log      io.Writer     // one line per build and every error; nil discards
	// Settings reads the tool settings before each build; config.Load(dir, nil) when nil.
	Settings func(dir string) (cwo.Settings, error)
	// Ready, when set, is called once the server listens and the first build is done.
	Ready func(Info)
}

// Info describes a running preview.
type Info struct {
	URL     string   // the page, e.g. http://127.0.0.1:8080/
	Addr    net.Addr // the bound address
	Preview string   // the private folder the documents are rendered into
}

// server is one running preview.
type server struct {
	dir     string
	preview string
	opt     Options
	store   *store
	log     io.Writer
	noted   map[string]noted // by document path; only the build loop uses it
}

// Run previews the workspace in dir until ctx is cancelled, then shuts the server down, waits for
// open requests (at most a few seconds) and removes the private output folder. It returns nil
// after a cancel, and an error when it cannot listen, watch or create the output folder.
func Run(ctx context.Context, dir string, opt Options) error {
	opt = withDefaults(opt)
	preview, err := os.MkdirTemp("", "cwo-serve-*")
	if err != nil {
		return fmt.Errorf("serve: output folder: %w", err)
	}
	defer os.RemoveAll(preview)
	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer ln.Close()
	s := &server{dir: dir, preview: preview, opt: opt, store: newStore(), log: opt.Log, noted: map[string]noted{}}
	w, err := newWatcher(dir, s.skipper())
	if err != nil {
		return fmt.Errorf("serve: watch %s: %w", dir, err)
	}
	defer w.Close()
	changes := w.Changes(ctx, opt.Debounce)
	fmt.Fprintf(s.log, "previewing %s at %s (rendering into %s)\n", dir, pageURL(ln.Addr()), preview)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintf(s.log, "warning: listening on %s: other machines on the network can see the preview\n", tcp)
	}
	s.build(ctx)
	return s.serve(ctx, ln, changes)
}

// serve answers requests on ln and rebuilds on every change until ctx is cancelled.
func (s *server) serve(ctx context.Context, ln net.Listener, changes <-chan struct{}) error {
	h, err := s.handler(ln.Addr())
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	info := Info{URL: pageURL(ln.Addr()), Addr: ln.Addr(), Preview: s.preview}
	if s.opt.Ready != nil {
		s.opt.Ready(info)
	}
	for {
		select {
		case <-ctx.Done():
			return s.shutdown(srv, served)
		case err := <-served:
			return fmt.Errorf("serve: %w", err)
		case <-changes:
			s.build(ctx)
		}
	}
}

// shutdown stops the server and waits for its handlers.
func (s *server) shutdown(srv *http.Server, served <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(ctx)
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}

func withDefaults(opt Options) Options {
	if opt.Addr == "" {
		opt.Addr = DefaultAddr
	}
	if opt.Debounce <= 0 {
		opt.Debounce = DefaultDebounce
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Settings == nil {
		opt.Settings = func(dir string) (cwo.Settings, error) { return config.Load(dir, nil) }
	}
	return opt
}

// pageURL returns the page's URL for a bound address; an unspecified IP becomes loopback.
func pageURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	ip := tcp.IP
	if ip == nil || ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
	}
	return "http://" + net.JoinHostPort(ip.String(), fmt.Sprint(tcp.Port)) + "/"
}

// skipper returns the watcher's filter for the workspace, leaving out its output folder.
func (s *server) skipper() func(rel string) bool {
	out := "out"
	if st, err := s.opt.Settings(s.dir); err == nil && st.Output != "" {
		out = st.Output
	}
	return skipFunc(s.dir, out)
}

// skipFunc returns a filter of paths relative to root that are not watched: hidden files and
// folders (.git, editor swap files), editor backups ("x~", vim's "4913") and the output folder
// out (relative to root unless absolute), where cwo render writes.
func skipFunc(root, out string) func(rel string) bool {
	root, _ = filepath.Abs(root)
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	out = filepath.Clean(out)
	return func(rel string) bool {
		base := filepath.Base(rel)
		if rel != "." && (strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || base == "4913") {
			return true
		}
		return filepath.Join(root, rel) == out
	}
}
