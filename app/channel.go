package app

import (
	"context"
	"errors"
	"log"
	"sync"
	"time"

	"caigou/app/msgchan"
	"caigou/storage"
)

// DefaultCatchUpInterval is the least time between two catch-ups of one channel. A flapping
// connection would otherwise spend two gateway calls per reconnect; a catch-up it delays still
// runs once the interval is over, so nothing waits for the next reconnect.
const DefaultCatchUpInterval = time.Minute

// MessageChannelConfig configures a MessageChannel. DB and the Channel's AppKey and AppSecret
// are required.
type MessageChannelConfig struct {
	DB    *storage.DB
	KeyID int64 // the key's row; 0 while the wizard has not saved it

	// Channel configures the WebSocket client: URL, AppKey, AppSecret and any timing. Its
	// Consumer is always the channel's Tracker.
	Channel msgchan.Config

	// Replayer is the key's gateway client, for catch-up; nil means no catch-up (the wizard's
	// channel check has no token yet and needs none).
	Replayer Replayer
	// CatchUp tunes catch-up; its AppKey, API, Consumer and DB are filled in.
	CatchUp CatchUpConfig
	// CatchUpInterval is the least time between two catch-ups; 0 means DefaultCatchUpInterval.
	CatchUpInterval time.Duration
	// Tracker applies what the channel delivers; nil means a Tracker of its own. Pass the one a
	// Syncer reports through, so one Events channel carries both.
	Tracker *Tracker
	// Syncer, when set, runs one round after every catch-up, so the orders that the caught-up
	// messages left unsettled (stubs, unknown statuses) are re-read at once, inside the budget.
	Syncer *Syncer

	Logf func(format string, args ...any) // nil means log.Printf
}

// MessageChannel is one key's message channel as a service: the WebSocket client, the Tracker
// that applies what it delivers, and a catch-up at start-up and after every reconnect that pulls
// what the platform could not deliver meanwhile (DESIGN §4). The wizard and the status bar read
// its State and Events.
type MessageChannel struct {
	client   *msgchan.Client
	tracker  *Tracker
	catchUp  *CatchUp // nil without a Replayer
	syncer   *Syncer  // nil: no sync round after a catch-up
	interval time.Duration
	logf     func(format string, args ...any)

	mu      sync.Mutex
	last    CatchUpStatus
	running chan struct{} // closed when Run returns; nil before Run
}

// CatchUpStatus is the last catch-up: when it ran, what it did and why it stopped, if it did.
type CatchUpStatus struct {
	At     time.Time
	Report CatchUpReport
	Err    error
}

// NewMessageChannel builds the channel; it does not connect until Run.
func NewMessageChannel(cfg MessageChannelConfig) (*MessageChannel, error) {
	if cfg.DB == nil {
		return nil, errors.New("message channel: the database is required")
	}
	m := &MessageChannel{
		tracker: cfg.Tracker, interval: cfg.CatchUpInterval, logf: cfg.Logf,
		syncer: cfg.Syncer,
	}
	if m.tracker == nil {
		m.tracker = NewTracker(cfg.DB, cfg.KeyID)
	}
	if m.interval <= 0 {
		m.interval = DefaultCatchUpInterval
	}
	if m.logf == nil {
		m.logf = log.Printf
	}
	chCfg := cfg.Channel
	chCfg.Consumer = m.tracker
	if chCfg.Logf == nil {
		chCfg.Logf = m.logf
	}
	client, err := msgchan.New(chCfg)
	if err != nil {
		return nil, err
	}
	m.client = client
	if cfg.Replayer != nil {
		cu := cfg.CatchUp
		cu.AppKey, cu.API, cu.Consumer, cu.DB = chCfg.AppKey, cfg.Replayer, m.tracker, cfg.DB
		if m.catchUp, err = NewCatchUp(cu); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Run keeps the channel up and catches up on every connect until ctx ends or Close is called.
// It returns what msgchan.Client.Run returns, once the catch-up in progress, if any, stopped.
func (m *MessageChannel) Run(ctx context.Context) error {
	done := make(chan struct{})
	m.mu.Lock()
	if m.running != nil {
		m.mu.Unlock()
		return msgchan.ErrClosed
	}
	m.running = done
	m.mu.Unlock()
	defer close(done)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Subscribed before the client runs, so the first connect is seen.
	events, unsubscribe := m.client.Subscribe()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		m.catchUpOnConnect(ctx, events)
	}()
	err := m.client.Run(ctx)
	cancel()
	unsubscribe()
	wg.Wait()
	return err
}

// Close stops Run and waits for it, then stops the Tracker's events. It is safe to call more
// than once, and without Run.
func (m *MessageChannel) Close() {
	m.client.Close()
	m.mu.Lock()
	done := m.running
	m.mu.Unlock()
	if done != nil {
		<-done
	}
	m.tracker.Close()
}

// State is the channel's state: disconnected, connecting or connected, and the last error.
func (m *MessageChannel) State() msgchan.State { return m.client.State() }

// Subscribe delivers the channel's state changes; see msgchan.Client.Subscribe.
func (m *MessageChannel) Subscribe() (<-chan msgchan.Event, func()) { return m.client.Subscribe() }

// Events delivers what the Tracker applied: order changes, MOCK test messages and unreadable
// messages; see Tracker.Events.
func (m *MessageChannel) Events() <-chan Event { return m.tracker.Events() }

// LastCatchUp is the last catch-up, for diagnostics; a zero At means none ran yet.
func (m *MessageChannel) LastCatchUp() CatchUpStatus {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.last
}

// catchUpOnConnect runs a catch-up after each new connection. A connection is new when the
// state says connected with a Since not seen before: the subscription may drop intermediate
// events, but its latest one always carries the current state.
func (m *MessageChannel) catchUpOnConnect(ctx context.Context, events <-chan msgchan.Event) {
	if m.catchUp == nil {
		for range events { // keep the subscription drained until Run ends
		}
		return
	}
	var (
		seen    time.Time // Since of the last connection seen
		pending bool
		lastRun time.Time
		timer   *time.Timer
		wake    <-chan time.Time
	)
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			if ev.State.Status == msgchan.Connected && !ev.State.Since.Equal(seen) {
				seen, pending = ev.State.Since, true
			}
		case <-wake:
			wake = nil
		}
		if !pending || wake != nil {
			continue
		}
		if wait := m.interval - time.Since(lastRun); !lastRun.IsZero() && wait > 0 {
			timer = time.NewTimer(wait)
			wake = timer.C
			continue
		}
		pending, lastRun = false, time.Now()
		m.runCatchUp(ctx)
	}
}

// runCatchUp runs one catch-up and records it, then a sync round when there is a Syncer. A
// failure is only logged: the next connect tries again, and what was not confirmed stays listed
// until then.
func (m *MessageChannel) runCatchUp(ctx context.Context) {
	at := time.Now()
	rep, err := m.catchUp.Run(ctx)
	if err != nil && ctx.Err() == nil {
		m.logf("message channel: catch-up stopped after %d calls: %v", rep.Calls, err)
	}
	m.mu.Lock()
	m.last = CatchUpStatus{At: at, Report: rep, Err: err}
	m.mu.Unlock()
	if m.syncer == nil || ctx.Err() != nil {
		return
	}
	// A round that stops on the budget or the network says so in its report; the Syncer's own
	// schedule tries again.
	if _, err := m.syncer.SyncDue(ctx); err != nil && ctx.Err() == nil {
		m.logf("message channel: sync after catch-up: %v", err)
	}
}
