package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app/msgchan"
	"caigou/app/open1688"
	"caigou/app/sim"
	"caigou/storage"
	"caigou/storage/storagetest"
)

// logBuffer collects log lines, to prove what they never hold.
type logBuffer struct {
	mu    sync.Mutex
	lines []string
}

func (l *logBuffer) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logBuffer) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

type channelEnv struct {
	sim  *sim.Sim
	db   *storage.DB
	mc   *MessageChannel
	logs *logBuffer
	ran  chan error
}

// startChannel runs a MessageChannel of the demo key against a simulator whose channel fails
// an unconfirmed message after one quick attempt.
func startChannel(t *testing.T, secret string, change ...func(*sim.Sim, *MessageChannelConfig)) *channelEnv {
	t.Helper()
	s, err := sim.Start(sim.Options{Seed: true, Channel: sim.ChannelOptions{
		ConfirmTimeout: 20 * time.Millisecond, MaxRedeliveries: -1,
	}})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	e := &channelEnv{sim: s, db: storagetest.OpenTemp(t), logs: &logBuffer{}, ran: make(chan error, 1)}
	api, err := open1688.New(open1688.Config{
		BaseURL: s.URL(), AppKey: sim.DemoAppKey, AppSecret: secret,
		Retry: open1688.RetryPolicy{Attempts: 1}, Counter: e.db, Logf: e.logs.logf,
	})
	require.NoError(t, err)
	cfg := MessageChannelConfig{
		DB: e.db,
		Channel: msgchan.Config{
			URL: s.ChannelURL(), AppKey: sim.DemoAppKey, AppSecret: secret,
			Backoff:    msgchan.Backoff{Min: 100 * time.Millisecond, Max: 200 * time.Millisecond},
			AckTimeout: 50 * time.Millisecond,
		},
		Replayer: api, CatchUpInterval: time.Millisecond, Logf: e.logs.logf,
	}
	for _, c := range change {
		c(s, &cfg)
	}
	e.mc, err = NewMessageChannel(cfg)
	require.NoError(t, err)
	return e
}

func (e *channelEnv) run(t *testing.T) {
	go func() { e.ran <- e.mc.Run(context.Background()) }()
	t.Cleanup(e.mc.Close)
}

func orderPay(orderID int64) sim.Message {
	return sim.Message{
		Type: sim.TopicOrderPay, UserInfo: sim.DemoBuyer,
		Data: json.RawMessage(fmt.Sprintf(`{"orderId":%d,"currentStatus":"waitsellersend"}`, orderID)),
	}
}

func TestMessageChannelAppliesPushesAndEmitsEvents(t *testing.T) {
	e := startChannel(t, sim.DemoAppSecret)
	events := e.mc.Events()
	e.run(t)
	ch := e.sim.Channel()
	require.NoError(t, ch.WaitConnected(testCtx(t), sim.DemoAppKey))

	id, err := ch.Push(sim.DemoAppKey, orderPay(3717426277620540788))
	require.NoError(t, err)
	require.NoError(t, ch.WaitConfirmed(testCtx(t), id))
	select {
	case ev := <-events:
		assert.Equal(t, OrderChanged{
			OrderID: 1, AliOrderID: "3717426277620540788", Status: "waitsellersend", Bucket: "awaiting_shipment", Moved: true,
		}, ev)
	case <-testCtx(t).Done():
		t.Fatal("no event")
	}
}

func TestMessageChannelCatchesUpAtStartAndAfterEveryReconnect(t *testing.T) {
	e := startChannel(t, sim.DemoAppSecret)
	ch := e.sim.Channel()
	// Missed while the app was closed: the channel gave up on it before caigou started.
	_, err := ch.Push(sim.DemoAppKey, orderPay(3717426277620540001))
	require.NoError(t, err)
	require.NoError(t, ch.Wait(testCtx(t), func(s sim.ChannelStats) bool { return s.Failed == 1 }))
	states, unsubscribe := e.mc.Subscribe()
	defer unsubscribe()
	e.run(t)
	waitAllConfirmed(t, ch, 1)

	// The network drops and the server stops answering; a message born meanwhile fails
	// before the client is back.
	waitStatus(t, states, msgchan.Connected)
	ch.SetSilent(true)
	ch.Drop(sim.DemoAppKey)
	waitStatus(t, states, msgchan.Connecting)
	lost, err := ch.Push(sim.DemoAppKey, orderPay(3717426277620540002))
	require.NoError(t, err)
	require.NoError(t, ch.Wait(testCtx(t), func(s sim.ChannelStats) bool { return s.Failed == 1 }))
	ch.SetSilent(false)
	waitAllConfirmed(t, ch, 2) // the lost one recovered by the catch-up of the reconnect
	// The simulator marks a message confirmed before it logs the push.message.confirm request.
	var confirms []sim.Request
	require.Eventually(t, func() bool {
		confirms = e.sim.RequestsFor("push.message.confirm")
		return len(confirms) >= 2
	}, 10*time.Second, 5*time.Millisecond)
	require.Len(t, confirms, 2)
	assert.Equal(t, fmt.Sprintf("[%d]", lost), confirms[1].Params.Get("msgIdList"))

	assert.Len(t, e.sim.RequestsFor("push.query.messageList"), 2, "one catch-up per connect")
	for _, ali := range []string{"3717426277620540001", "3717426277620540002"} {
		o, ok, err := e.db.OrderByAliID(t.Context(), ali)
		require.NoError(t, err)
		require.True(t, ok, ali)
		assert.Equal(t, "waitsellersend", o.Status)
	}
	last := e.mc.LastCatchUp()
	require.NoError(t, last.Err)
	assert.True(t, last.Report.Complete)
}

// waitAllConfirmed waits until n messages are confirmed and none is failed or pending. A failed
// one is not the end here: catch-up confirms it.
func waitAllConfirmed(t *testing.T, ch *sim.Channel, n int) {
	t.Helper()
	require.NoError(t, ch.Wait(testCtx(t), func(s sim.ChannelStats) bool {
		return s.Confirmed == n && s.Failed == 0 && s.Pending == 0
	}))
}

func waitStatus(t *testing.T, states <-chan msgchan.Event, want msgchan.Status) {
	t.Helper()
	ctx := testCtx(t)
	for {
		select {
		case ev := <-states:
			if ev.State.Status == want {
				return
			}
		case <-ctx.Done():
			t.Fatalf("the channel never became %s", want)
		}
	}
}

func TestMessageChannelNeverLogsTheSecret(t *testing.T) {
	const secret = "NotTheDemoSecret-0042"
	e := startChannel(t, secret)
	e.run(t)
	require.NoError(t, e.sim.Channel().Wait(testCtx(t), func(s sim.ChannelStats) bool { return s.Connects >= 2 }))
	// The gateway refuses the catch-up's signature too, but only after a connect; so refuse the
	// channel and check what the status bar and the log would show.
	st := e.mc.State()
	require.Error(t, st.Err)
	assert.ErrorIs(t, st.Err, msgchan.ErrBadCredentials)
	e.mc.Close()
	assert.NotContains(t, st.Err.Error(), secret)
	assert.NotContains(t, e.logs.text(), secret)
}

func TestMessageChannelCatchUpFailureIsLoggedWithoutTheSecretAndRetried(t *testing.T) {
	e := startChannel(t, sim.DemoAppSecret)
	ch := e.sim.Channel()
	missed, err := ch.Push(sim.DemoAppKey, orderPay(3717426277620540003))
	require.NoError(t, err)
	require.NoError(t, ch.Wait(testCtx(t), func(s sim.ChannelStats) bool { return s.Failed == 1 }))
	e.sim.Inject("push.query.messageList", sim.Failure{Kind: sim.ServerError, Count: 1})
	states, unsubscribe := e.mc.Subscribe()
	defer unsubscribe()
	e.run(t)
	waitStatus(t, states, msgchan.Connected)
	require.Eventually(t, func() bool { return e.mc.LastCatchUp().Err != nil }, 10*time.Second, 5*time.Millisecond)
	d, _ := ch.Message(missed)
	assert.Equal(t, sim.Failed, d.State, "nothing confirmed by a catch-up that failed")
	assert.NotContains(t, e.logs.text(), sim.DemoAppSecret)

	ch.Drop(sim.DemoAppKey)
	waitAllConfirmed(t, ch, 1) // the next connect tries again
}

func TestMessageChannelCloseStopsRun(t *testing.T) {
	e := startChannel(t, sim.DemoAppSecret)
	events := e.mc.Events()
	e.run(t)
	require.NoError(t, e.sim.Channel().WaitConnected(testCtx(t), sim.DemoAppKey))
	start := time.Now()
	e.mc.Close()
	select {
	case err := <-e.ran:
		require.NoError(t, err)
	case <-testCtx(t).Done():
		t.Fatal("Run did not return")
	}
	assert.Less(t, time.Since(start), 3*time.Second)
	_, open := <-events
	assert.False(t, open, "the events end with the channel")
	assert.ErrorIs(t, e.mc.Run(t.Context()), msgchan.ErrClosed)
}

func TestMessageChannelSyncsWhatTheCatchUpLeftUnsettled(t *testing.T) {
	var syncer *Syncer
	e := startChannel(t, sim.DemoAppSecret, func(s *sim.Sim, cfg *MessageChannelConfig) {
		client, err := open1688.New(open1688.Config{
			BaseURL: s.URL(), AppKey: sim.DemoAppKey, AppSecret: sim.DemoAppSecret,
			AccessToken: sim.DemoAccessToken, Counter: cfg.DB, Retry: open1688.RetryPolicy{Attempts: 1}, Logf: t.Logf,
		})
		require.NoError(t, err)
		syncer, err = NewSyncer(SyncerConfig{DB: cfg.DB, API: client})
		require.NoError(t, err)
		cfg.Syncer = syncer
	})
	ch := e.sim.Channel()
	// Missed while caigou was closed: a message about a seeded order caigou has never seen.
	const seeded = 3717426277620540788
	_, err := ch.Push(sim.DemoAppKey, orderPay(seeded))
	require.NoError(t, err)
	require.NoError(t, ch.Wait(testCtx(t), func(s sim.ChannelStats) bool { return s.Failed == 1 }))
	e.run(t)
	waitAllConfirmed(t, ch, 1)

	require.Eventually(t, func() bool { return syncer.LastRound().Report.Synced == 1 }, 10*time.Second, 10*time.Millisecond,
		"the stub the catch-up made is synced right after it")
	var title string
	var synced sql.NullInt64
	require.NoError(t, e.db.SQL().QueryRow(`SELECT title, synced_at FROM orders WHERE ali_order_id = ?`,
		strconv.FormatInt(seeded, 10)).Scan(&title, &synced))
	assert.NotEmpty(t, title, "filled in from get.buyerView")
	assert.True(t, synced.Valid)
	assert.Len(t, e.sim.RequestsFor("alibaba.trade.get.buyerView"), 1)
}
