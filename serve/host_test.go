package serve

import (
	"net"
	"testing"
)

func TestHostGuard(t *testing.T) {
	bound := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	tests := []struct {
		addr, host string
		want       bool
	}{
		{"127.0.0.1:8080", "127.0.0.1:8080", true},
		{"127.0.0.1:8080", "localhost:8080", true},
		{"127.0.0.1:8080", "LOCALHOST:8080", true},
		{"127.0.0.1:8080", "[::1]:8080", true},
		{"127.0.0.1:8080", "evil.example:8080", false},
		{"127.0.0.1:8080", "127.0.0.1.nip.io:8080", false},
		{"127.0.0.1:8080", "localhost.evil.example:8080", false},
		{"127.0.0.1:8080", "localhost:9090", false},
		{"127.0.0.1:8080", "localhost", false}, // port 80 is not this server's
		{"127.0.0.1:8080", "", false},
		{"127.0.0.1:8080", "192.168.1.20:8080", false},
		{"192.168.1.20:8080", "192.168.1.20:8080", true},
		{"192.168.1.20:8080", "localhost:8080", true},
		{"192.168.1.20:8080", "192.168.1.21:8080", false},
		{"preview.lan:8080", "preview.lan:8080", true},
		{"preview.lan:8080", "PREVIEW.lan:8080", true},
		{"0.0.0.0:8080", "192.168.1.21:8080", true},
		{"0.0.0.0:8080", "[fe80::1]:8080", true},
		{"0.0.0.0:8080", "attacker.example:8080", false},
		{":8080", "10.0.0.5:8080", true},
	}
	for _, tt := range tests {
		g, err := newHostGuard(tt.addr, bound)
		if err != nil {
			t.Fatal(err)
		}
		if got := g.allows(tt.host); got != tt.want {
			t.Errorf("--addr %s: allows(Host %q) = %v, want %v", tt.addr, tt.host, got, tt.want)
		}
	}
}

func TestHostGuardDefaultPort(t *testing.T) {
	g, err := newHostGuard("127.0.0.1:80", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80})
	if err != nil {
		t.Fatal(err)
	}
	if !g.allows("localhost") || !g.allows("localhost:80") {
		t.Error("a server on port 80 must accept Host without a port")
	}
}
