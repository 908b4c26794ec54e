// Package sim is the 1688 Open Platform simulator: a real HTTP server on
// 127.0.0.1 that answers like the gateway described in 1688.md, so the
// open1688 client, the app's tests and practice mode can run without a real
// AppKey.
//
// The simulator is deliberately strict. It recomputes every _aop_signature
// (1688.md §1.4) itself instead of trusting the client's signer, checks
// tokens, the solution's API list and the daily traffic cap, and applies the
// ordering rules of the buyer self-use solution. Where 1688.md marks a
// detail as a GUESS, the choice made here is documented next to it and can
// be changed through Options or Codes, so the simulator is never the only
// authority on the client's behaviour.
//
// Base URL: URL returns "http://127.0.0.1:PORT/openapi", mirroring
// "https://gw.open.1688.com/openapi", so a client appends
// "/param2/1/{namespace}/{apiName}/{appKey}" exactly as it does for 1688.
//
// Layout: the world (apps, users, sellers, products, orders, logistics) is
// plain state behind one mutex (world.go, products.go, orders.go,
// logistics.go); the gateway (gateway.go, sign.go, traffic.go, inject.go)
// turns HTTP requests into calls on it; one file per API family renders the
// 1688 response shapes. The WebSocket message channel (channel*.go, at
// ChannelURL) shares the same world: order moves emit their topics
// (topics.go), and the replay APIs (replay.go) serve what it failed to
// deliver.
package sim

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// DefaultDailyCap is the app traffic cap that a new 1688 app shows in the
// console as 0/5000 (单位:次/天), 1688.md §9.
const DefaultDailyCap = 5000

// Options configure a simulator. The zero value is a usable, empty world
// with a real clock.
type Options struct {
	// Now is the clock. Nil means time.Now. Tests pass a ManualClock's Now
	// to cross token expiry, the 10 s cancel guard and China-day boundaries
	// without sleeping.
	Now func() time.Time

	// DailyCap is the number of calls an AppKey may make per China day
	// (UTC+8). Zero means DefaultDailyCap. An App can override it.
	DailyCap int

	// Seed fills the world with the demo data of demo.go (DemoAppKey and
	// friends), which practice mode and quick tests use.
	Seed bool

	// CountOnlyAccepted makes the traffic counter skip requests the gateway
	// rejects (bad signature, 401, ACL, cap). 1688.md does not say whether
	// rejected calls use up 应用流量, so by default every request that names
	// a known AppKey counts, matching the client's conservative meter.
	CountOnlyAccepted bool

	// RejectDuplicateOutOrderID makes a repeated outOrderId a business error
	// (Codes.DuplicateOutOrder) instead of returning the existing order.
	// 1688.md only says outOrderId is "used for idempotency control"; the
	// default answers a repeat with the first order's result, which is what
	// lets a client recover from a lost response.
	RejectDuplicateOutOrderID bool

	// CancelMinAge is how long after creation alibaba.trade.cancel refuses
	// with CLOSE_ORDER_TOO_FAST (1688.md §3.5 says about 10 s). Zero means
	// 10 s; a negative value disables the rule.
	CancelMinAge time.Duration

	// MaxPageSize caps getBuyerOrderList's pageSize (1688.md §3.4: not
	// captured, GUESS 20–50). Zero means 50. Larger requests are clamped.
	MaxPageSize int

	// AccessTokenTTL is the life of a token issued by getToken. Zero means
	// 10 h, 1688.md §2.2.
	AccessTokenTTL time.Duration

	// RotateRefreshToken makes a refresh also issue a new refresh_token.
	// 1688.md §2.2: unclear, GUESS usually not, so the default keeps it.
	RotateRefreshToken bool

	// PayURL is the cashier page alibaba.alipay.url.get points to; the
	// order ids are appended as a query. Empty means a 1688-like address.
	PayURL string

	// Codes are the error codes 1688.md does not pin down.
	Codes Codes

	// Channel configures the WebSocket message channel.
	Channel ChannelOptions
}

// Sim is a running simulator. Its World methods build and inspect the
// state; all methods are safe for concurrent use.
type Sim struct {
	*World

	opts     Options
	srv      *http.Server
	ln       net.Listener
	traffic  *traffic
	failures *injector
	channel  *Channel
	done     chan struct{}
}

// Start listens on a random port of 127.0.0.1 and serves the gateway until
// Close.
func Start(opts Options) (*Sim, error) {
	opts = opts.withDefaults()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("sim: listen: %w", err)
	}
	s := &Sim{
		World:    newWorld(opts),
		opts:     opts,
		ln:       ln,
		traffic:  newTraffic(),
		failures: newInjector(),
		done:     make(chan struct{}),
	}
	s.channel = newChannel(s, opts.Channel)
	if opts.Seed {
		s.seedDemo()
	}
	// Attached after the seed: the demo's orders are history, not news.
	s.World.sink = s.channel.publish
	s.srv = &http.Server{
		Handler:           s.routes(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() {
		defer close(s.done)
		// ErrServerClosed is the normal end; anything else means the
		// listener broke, and tests then see connection errors anyway.
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

// URL is the gateway base, "http://127.0.0.1:PORT/openapi". Put it where a
// client would put "https://gw.open.1688.com/openapi".
func (s *Sim) URL() string {
	return "http://" + s.ln.Addr().String() + "/openapi"
}

// Addr is the host:port the simulator listens on.
func (s *Sim) Addr() string { return s.ln.Addr().String() }

// Close stops the server, drops open connections (message channel ones
// included) and releases the port.
func (s *Sim) Close() error {
	s.failures.stop()
	s.channel.close()
	err := s.srv.Close()
	<-s.done
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Shutdown stops accepting requests and waits for the running ones, for
// practice mode's orderly exit.
func (s *Sim) Shutdown(ctx context.Context) error {
	s.failures.stop()
	s.channel.close()
	err := s.srv.Shutdown(ctx)
	if err == nil {
		<-s.done
	}
	return err
}

func (o Options) withDefaults() Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.DailyCap <= 0 {
		o.DailyCap = DefaultDailyCap
	}
	if o.CancelMinAge == 0 {
		o.CancelMinAge = 10 * time.Second
	}
	if o.MaxPageSize <= 0 {
		o.MaxPageSize = 50
	}
	if o.AccessTokenTTL <= 0 {
		o.AccessTokenTTL = 10 * time.Hour
	}
	if o.PayURL == "" {
		o.PayURL = "https://trade.1688.com/order/cashier.htm"
	}
	o.Codes = o.Codes.withDefaults()
	o.Channel = o.Channel.withDefaults()
	return o
}
