package msgchan

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"sync"

	"github.com/coder/websocket"
)

// rawConn remembers the TCP connection under a WebSocket. coder/websocket's Close waits up to
// 10 s for a peer that never answers, and CloseNow cannot cut short a Close in progress, so
// shutdown closes this connection itself to keep its 2 s promise.
type rawConn struct {
	mu   sync.Mutex
	conn net.Conn
}

func (r *rawConn) set(c net.Conn) {
	r.mu.Lock()
	r.conn = c
	r.mu.Unlock()
}

func (r *rawConn) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.conn != nil {
		_ = r.conn.Close() // the WebSocket on top reports the failure
	}
}

// dial opens the WebSocket with the SDK's handshake header.
func (c *Client) dial(ctx context.Context) (*websocket.Conn, *rawConn, error) {
	raw := &rawConn{}
	dialer := &net.Dialer{Timeout: c.cfg.DialTimeout}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err == nil {
			raw.set(conn)
		}
		return conn, err
	}
	// A WebSocket handshake is HTTP/1.1 only: never let TLS negotiate HTTP/2.
	tr.ForceAttemptHTTP2 = false
	tr.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}

	dctx, cancel := context.WithTimeout(ctx, c.cfg.DialTimeout)
	defer cancel()
	conn, resp, err := websocket.Dial(dctx, c.cfg.URL, &websocket.DialOptions{
		HTTPClient: &http.Client{Transport: tr},
		// Set directly, not with Header.Set, to keep the SDK's exact lowercase name.
		HTTPHeader: http.Header{"client_version": {"1"}},
	})
	if err != nil {
		raw.close()
		if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
			return nil, nil, fmt.Errorf("msgchan: dial %s: HTTP %d: %w", c.cfg.URL, resp.StatusCode, err)
		}
		return nil, nil, fmt.Errorf("msgchan: dial %s: %w", c.cfg.URL, err)
	}
	conn.SetReadLimit(c.cfg.ReadLimit)
	return conn, raw, nil
}
