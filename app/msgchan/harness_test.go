package msgchan

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder is a Consumer that keeps every batch it committed. With gate set, Apply waits for
// the test to release it; entered reports each call as it starts.
type recorder struct {
	mu      sync.Mutex
	batches [][]Push
	err     error
	gate    chan struct{}
	entered chan []Push
}

func (r *recorder) Apply(ctx context.Context, batch []Push) error {
	if r.entered != nil {
		r.entered <- batch
	}
	if r.gate != nil {
		select {
		case <-r.gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil {
		return r.err
	}
	r.batches = append(r.batches, append([]Push(nil), batch...))
	return nil
}

func (r *recorder) setErr(err error) {
	r.mu.Lock()
	r.err = err
	r.mu.Unlock()
}

func (r *recorder) committed() [][]Push {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([][]Push(nil), r.batches...)
}

// logSink collects log lines so tests can check what was said, and that the secret never was.
type logSink struct {
	mu    sync.Mutex
	lines []string
}

func (l *logSink) logf(format string, args ...any) {
	l.mu.Lock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
	l.mu.Unlock()
}

func (l *logSink) count(sub string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, line := range l.lines {
		if strings.Contains(line, sub) {
			n++
		}
	}
	return n
}

type harness struct {
	c    *Client
	rec  *recorder
	logs *logSink
	ran  chan error // Run's result
}

// startClient runs a client against url. Every test ends by closing it and checking that the
// AppSecret never reached a log line or the state's error.
func startClient(t *testing.T, url string, rec *recorder, tune func(*Config)) *harness {
	t.Helper()
	if rec == nil {
		rec = &recorder{}
	}
	h := &harness{rec: rec, logs: &logSink{}, ran: make(chan error, 1)}
	cfg := Config{
		URL: url, AppKey: testKey, AppSecret: testSecret, Consumer: rec,
		Backoff: Backoff{Min: 10 * time.Millisecond, Max: 50 * time.Millisecond},
		Logf:    h.logs.logf,
	}
	if tune != nil {
		tune(&cfg)
	}
	c, err := New(cfg)
	require.NoError(t, err)
	h.c = c
	go func() { h.ran <- c.Run(context.Background()) }()
	t.Cleanup(func() {
		c.Close()
		assert.Zero(t, h.logs.count(testSecret), "the AppSecret was logged")
		if err := c.State().Err; err != nil {
			assert.NotContains(t, err.Error(), testSecret)
		}
	})
	return h
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	require.Eventually(t, cond, waitLimit, 5*time.Millisecond, what)
}

// nextEvent returns the first event that satisfies match.
func nextEvent(t *testing.T, events <-chan Event, what string, match func(Event) bool) Event {
	t.Helper()
	deadline := time.After(waitLimit)
	for {
		select {
		case ev, ok := <-events:
			require.True(t, ok, "subscription closed while waiting for %s", what)
			if match(ev) {
				return ev
			}
		case <-deadline:
			require.FailNow(t, "no event", what)
		}
	}
}

func statusIs(st Status) func(Event) bool {
	return func(ev Event) bool { return ev.State.Status == st }
}

func contextWithWait() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), waitLimit)
}
