package msgchan

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSystemFrameBecomesAnEvent(t *testing.T) {
	tests := []struct {
		name      string
		acked     bool
		text      string
		isBad     func(string) bool
		want      SystemKind
		wantErrIs []error
	}{
		{"bad signature before ACK", false, "签名校验失败 sign check failed", nil, SystemBadCredentials, []error{ErrBadCredentials, ErrRefused}},
		{"unknown refusal before ACK", false, "service unavailable", nil, SystemRefused, []error{ErrRefused}},
		{"notice after ACK", true, "maintenance tonight", nil, SystemNotice, nil},
		{"configured matcher", false, "code 40001", func(s string) bool { return strings.Contains(s, "40001") }, SystemBadCredentials, []error{ErrBadCredentials}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := newFakeServer(t)
			h := startClient(t, fs.url(), nil, func(cfg *Config) { cfg.IsBadCredentials = tt.isBad })
			events, unsubscribe := h.c.Subscribe()
			defer unsubscribe()

			sc := fs.next(t)
			if tt.acked {
				sc.accept(t)
				nextEvent(t, events, "connected", statusIs(Connected))
			} else {
				sc.expect(t, typeConnect)
			}
			sc.send(t, `{"type":"SYSTEM","content":"`+tt.text+`"}`)
			ev := nextEvent(t, events, "a SYSTEM event", func(ev Event) bool { return ev.System != nil })
			assert.Equal(t, tt.want, ev.System.Kind)
			assert.Equal(t, tt.text, ev.System.Text, "the raw text is kept")
			assert.Equal(t, *ev.System, ev.State.LastSystem)

			err := ev.State.Err
			if tt.wantErrIs == nil {
				assert.NoError(t, err, "a notice is not an error")
				return
			}
			for _, target := range tt.wantErrIs {
				assert.ErrorIs(t, err, target)
			}
			var sysErr *SystemError
			require.ErrorAs(t, err, &sysErr)
			assert.Equal(t, tt.text, sysErr.Text)

			// The server closes after refusing; the client reconnects, and the refusal stays
			// the error the screens explain, not the socket error that followed it.
			require.NoError(t, sc.ws.Close(websocket.StatusPolicyViolation, ""))
			fs.next(t).expect(t, typeConnect)
			for _, target := range tt.wantErrIs {
				assert.ErrorIs(t, h.c.State().Err, target)
			}
		})
	}
}

func TestCloseFrameMakesTheClientReconnectAfterBackoff(t *testing.T) {
	fs := newFakeServer(t)
	const minWait = 100 * time.Millisecond
	h := startClient(t, fs.url(), nil, func(cfg *Config) { cfg.Backoff = Backoff{Min: minWait, Max: 2 * minWait} })

	sc := fs.next(t)
	sc.accept(t)
	waitFor(t, "connected", func() bool { return h.c.State().Status == Connected })
	sc.send(t, `{"type":"CLOSE"}`)
	sc.waitClosed(t)
	closedAt := time.Now()
	assert.Equal(t, websocket.StatusNormalClosure, websocket.CloseStatus(sc.closeErr), "the client closes cleanly")

	next := fs.next(t)
	assert.GreaterOrEqual(t, time.Since(closedAt), minWait/2-10*time.Millisecond, "the reconnect waits its backoff")
	next.expect(t, typeConnect)
	assert.ErrorIs(t, h.c.State().Err, ErrServerClose)
}

func TestDroppedSocketMakesTheClientReconnect(t *testing.T) {
	fs := newFakeServer(t)
	const minWait = 40 * time.Millisecond
	startClient(t, fs.url(), nil, func(cfg *Config) { cfg.Backoff = Backoff{Min: minWait, Max: 4 * minWait} })

	// Sockets that die before CONNECT_ACK: each wait is at least half its doubling step.
	sc := fs.next(t)
	sc.expect(t, typeConnect)
	for n := range 3 {
		require.NoError(t, sc.ws.CloseNow())
		droppedAt := time.Now()
		sc = fs.next(t)
		step := minWait << n
		assert.GreaterOrEqual(t, time.Since(droppedAt), step/2-10*time.Millisecond, "reconnect %d", n+1)
		sc.expect(t, typeConnect)
	}
}

func TestCloseReturnsWithinTwoSecondsFromASilentServer(t *testing.T) {
	url, accepted := silentServer(t)
	h := startClient(t, url, nil, nil) // default CloseWait
	<-accepted

	start := time.Now()
	h.c.Close()
	assert.Less(t, time.Since(start), 2*time.Second)
	select {
	case err := <-h.ran:
		assert.NoError(t, err)
	case <-time.After(waitLimit):
		require.FailNow(t, "Run did not return after Close")
	}
	assert.Equal(t, Disconnected, h.c.State().Status)
}

func TestCancelledRunReturnsWithinTwoSecondsFromASilentServer(t *testing.T) {
	url, accepted := silentServer(t)
	c, err := New(Config{URL: url, AppKey: testKey, AppSecret: testSecret, Consumer: &recorder{}, Logf: t.Logf})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- c.Run(ctx) }()
	<-accepted

	start := time.Now()
	cancel()
	select {
	case err := <-ran:
		assert.NoError(t, err)
	case <-time.After(waitLimit):
		require.FailNow(t, "Run did not return after its context ended")
	}
	assert.Less(t, time.Since(start), 2*time.Second)
}

func TestCloseSendsACloseFrame(t *testing.T) {
	fs := newFakeServer(t)
	h := startClient(t, fs.url(), nil, func(cfg *Config) { cfg.HeartbeatEvery = 10 * time.Millisecond })

	sc := fs.next(t)
	sc.accept(t)
	sc.expect(t, typeHeartbeat)
	h.c.Close()
	sc.waitClosed(t)
	assert.Equal(t, websocket.StatusNormalClosure, websocket.CloseStatus(sc.closeErr))
	// The timers stopped with the session: no frame, and no new connection.
	for len(sc.in) > 0 {
		<-sc.in // heartbeats sent before Close
	}
	assert.Empty(t, fs.conns)
	h.c.Close() // a second Close is harmless
	assert.ErrorIs(t, h.c.Run(context.Background()), ErrClosed, "a closed client does not run again")
}

func TestStateTransitionsAreObservable(t *testing.T) {
	fs := newFakeServer(t)
	c, err := New(Config{
		URL: fs.url(), AppKey: testKey, AppSecret: testSecret, Consumer: &recorder{},
		Backoff: Backoff{Min: 200 * time.Millisecond, Max: 400 * time.Millisecond}, Logf: t.Logf,
	})
	require.NoError(t, err)
	events, unsubscribe := c.Subscribe()
	first := <-events
	assert.Equal(t, Disconnected, first.State.Status, "a subscription starts with the current state")

	ran := make(chan error, 1)
	go func() { ran <- c.Run(context.Background()) }()
	nextEvent(t, events, "connecting", statusIs(Connecting))
	sc := fs.next(t)
	sc.accept(t)
	connected := nextEvent(t, events, "connected", statusIs(Connected))
	assert.NoError(t, connected.State.Err)
	assert.False(t, connected.State.Since.IsZero())

	require.NoError(t, sc.ws.CloseNow())
	lost := nextEvent(t, events, "disconnected", statusIs(Disconnected))
	assert.Error(t, lost.State.Err, "the reason of the loss is kept")
	assert.False(t, lost.State.ErrAt.IsZero())
	nextEvent(t, events, "connecting again", statusIs(Connecting))
	fs.next(t).accept(t)
	nextEvent(t, events, "connected again", statusIs(Connected))

	c.Close()
	require.NoError(t, <-ran)
	nextEvent(t, events, "disconnected by Close", statusIs(Disconnected))
	unsubscribe()
	for range events {
		// Drained: the loop ends only because unsubscribe closed the channel.
	}
	unsubscribe() // twice is harmless
}

func TestSlowListenerLosesStatesButNoPush(t *testing.T) {
	fs := newFakeServer(t)
	rec := &recorder{}
	h := startClient(t, fs.url(), rec, func(cfg *Config) { cfg.BatchWait = time.Millisecond })
	events, unsubscribe := h.c.Subscribe() // never read until the end
	defer unsubscribe()

	sc := fs.next(t)
	sc.accept(t)
	const pushes = 50
	for id := 1; id <= pushes; id++ {
		sc.send(t, pushFrame(strconv.Itoa(id), 1, message(int64(id)), ""))
	}
	for range pushes {
		sc.expect(t, typeConfirm)
	}
	total := 0
	for _, b := range rec.committed() {
		total += len(b)
	}
	assert.Equal(t, pushes, total)

	// The listener kept only the newest events, and the newest is the current state.
	require.Len(t, events, subscriberBuffer)
	var last Event
	for len(events) > 0 {
		last = <-events
	}
	assert.Equal(t, h.c.State().LastPush, last.State.LastPush)
	assert.Equal(t, Connected, last.State.Status)
}

func TestNewChecksTheConfig(t *testing.T) {
	valid := Config{AppKey: "k", AppSecret: testSecret, Consumer: &recorder{}}
	tests := []struct {
		name   string
		change func(*Config)
	}{
		{"no key", func(c *Config) { c.AppKey = "" }},
		{"no secret", func(c *Config) { c.AppSecret = "" }},
		{"no consumer", func(c *Config) { c.Consumer = nil }},
		{"http URL", func(c *Config) { c.URL = "http://message.1688.com/websocket" }},
		{"no host", func(c *Config) { c.URL = "ws:///websocket" }},
		{"not a URL", func(c *Config) { c.URL = "::" }},
		{"backoff inverted", func(c *Config) { c.Backoff = Backoff{Min: time.Minute, Max: time.Second} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := valid
			tt.change(&cfg)
			_, err := New(cfg)
			require.Error(t, err)
			assert.NotContains(t, err.Error(), testSecret)
		})
	}

	c, err := New(valid)
	require.NoError(t, err)
	assert.Equal(t, DefaultURL, c.cfg.URL)
	assert.Equal(t, 30*time.Second, c.cfg.HeartbeatEvery)
	assert.Equal(t, 10*time.Second, c.cfg.AckTimeout)
	assert.Equal(t, Backoff{Min: time.Second, Max: time.Minute}, c.cfg.Backoff)
	assert.Equal(t, 100, c.cfg.BatchSize)
	assert.Equal(t, 5*time.Millisecond, c.cfg.BatchWait)
	assert.Less(t, c.cfg.CloseWait, 2*time.Second)
	assert.Equal(t, Disconnected, c.State().Status)

	secure := valid
	secure.URL = "wss://message.1688.com/websocket"
	_, err = New(secure)
	assert.NoError(t, err)
}

func TestSystemErrorText(t *testing.T) {
	err := error(&SystemError{Kind: SystemBadCredentials, Text: "sign error"})
	assert.Equal(t, "msgchan: the server did not accept the app key or the app secret: sign error", err.Error())
	assert.False(t, errors.Is(&SystemError{Kind: SystemRefused}, ErrBadCredentials))
}
