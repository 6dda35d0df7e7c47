package serve

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
)

// hostGuard refuses requests whose Host header names a host other than this server, the defence
// against DNS rebinding: a page on another site that points its own name at 127.0.0.1 still sends
// that name in Host. Loopback names are always accepted; the host of an explicit --addr too, and
// when that host is an unspecified address (0.0.0.0, ::), any IP address (an IP is not a name an
// attacker can rebind).
type hostGuard struct {
	port  string
	names map[string]bool
	anyIP bool
}

// newHostGuard returns the guard for a server asked to listen on addr and bound to bound.
func newHostGuard(addr string, bound net.Addr) (*hostGuard, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("serve: address %q: %w", addr, err)
	}
	_, port, err := net.SplitHostPort(bound.String())
	if err != nil {
		return nil, fmt.Errorf("serve: bound address %q: %w", bound, err)
	}
	g := &hostGuard{port: port, names: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		g.anyIP = true
	} else {
		g.names[host] = true
	}
	return g, nil
}

// allows reports whether a Host header value names this server.
func (g *hostGuard) allows(hostHeader string) bool {
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil {
		host, port = hostHeader, "80" // no port: the default one
	}
	if p, err := strconv.Atoi(port); err != nil || strconv.Itoa(p) != g.port {
		return false
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if host == "" {
		return false
	}
	return g.names[host] || (g.anyIP && net.ParseIP(host) != nil)
}

// wrap answers 403 to requests for other hosts.
func (g *hostGuard) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !g.allows(r.Host) {
			http.Error(w, "403 forbidden: this preview answers only to localhost, 127.0.0.1 and [::1] (or the host given with --addr)", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}
