package msgchan

import (
	"context"
	"sync"
	"time"
)

// Client is one app key's connection to the message channel. Its methods are safe for
// concurrent use.
type Client struct {
	cfg Config
	obs observer

	mu      sync.Mutex
	closed  bool
	running bool
	stop    context.CancelFunc
	done    chan struct{} // closed when Run returns
}

// New checks cfg and returns a Client; it does not connect until Run.
func New(cfg Config) (*Client, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	c := &Client{cfg: cfg, done: make(chan struct{})}
	c.obs.state.Since = cfg.Now()
	return c, nil
}

// State returns the current state.
func (c *Client) State() State { return c.obs.snapshot() }

// Subscribe returns a channel of state changes, starting with the current state, and a
// function that ends the subscription and closes the channel. A listener that does not keep up
// loses the oldest events, never a frame: the client never waits for a listener.
func (c *Client) Subscribe() (<-chan Event, func()) { return c.obs.subscribe() }

// Run connects and keeps the channel up, reconnecting with backoff, until ctx ends or Close
// is called. It then sends a close frame and returns within about CloseWait plus a second,
// once any Apply in progress has returned (Apply gets a cancelled context). Run returns nil
// after such a shutdown. A Client runs once: a second Run, or a Run after Close, returns
// ErrClosed.
func (c *Client) Run(ctx context.Context) error {
	c.mu.Lock()
	if c.closed || c.running {
		c.mu.Unlock()
		return ErrClosed
	}
	c.running = true
	ctx, c.stop = context.WithCancel(ctx)
	c.mu.Unlock()
	defer close(c.done)
	defer c.stop()

	failures := 0
	for {
		res := c.session(ctx)
		if ctx.Err() != nil {
			c.obs.update(func(s *State) { c.setStatus(s, Disconnected) }, nil)
			return nil
		}
		c.cfg.Logf("msgchan: channel lost: %v", res.err)
		now := c.cfg.Now()
		c.obs.update(func(s *State) {
			c.setStatus(s, Disconnected)
			s.Err, s.ErrAt = res.err, now
		}, nil)
		// Only a session the server accepted resets the backoff: a server that refuses the
		// key at once must not be redialled every second.
		if res.acked && !res.refused {
			failures = 0
		}
		wait := c.cfg.Backoff.delay(failures)
		failures++
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			c.obs.update(func(s *State) { c.setStatus(s, Disconnected) }, nil)
			return nil
		case <-t.C:
		}
	}
}

// Close stops Run, as cancelling its context does, and waits for it to return. It is safe to
// call more than once, and before or without Run.
func (c *Client) Close() {
	c.mu.Lock()
	c.closed = true
	running := c.running
	if c.stop != nil {
		c.stop()
	}
	c.mu.Unlock()
	if running {
		<-c.done
	}
}

// setStatus records a status change and when it happened; a repeat keeps the first time.
func (c *Client) setStatus(s *State, st Status) {
	if s.Status != st {
		s.Status, s.Since = st, c.cfg.Now()
	}
}
