package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
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

// catchUpEnv is a simulator whose channel fails every message at once (nobody connected, no
// redelivery), a database, and a catch-up of the demo key over both.
type catchUpEnv struct {
	t   *testing.T
	sim *sim.Sim
	db  *storage.DB
	api *open1688.Client
	tr  *Tracker
}

func newCatchUpEnv(t *testing.T, ch sim.ChannelOptions) *catchUpEnv {
	t.Helper()
	ch.ConfirmTimeout, ch.MaxRedeliveries = 5*time.Millisecond, -1
	s, err := sim.Start(sim.Options{Seed: true, Channel: ch})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	db := storagetest.OpenTemp(t)
	api, err := open1688.New(open1688.Config{
		BaseURL: s.URL(), AppKey: sim.DemoAppKey, AppSecret: sim.DemoAppSecret,
		Retry: open1688.RetryPolicy{Attempts: 1}, Counter: db, Logf: t.Logf,
	})
	require.NoError(t, err)
	tr := NewTracker(db, 0)
	t.Cleanup(tr.Close)
	return &catchUpEnv{t: t, sim: s, db: db, api: api, tr: tr}
}

func (e *catchUpEnv) catchUp(change ...func(*CatchUpConfig)) *CatchUp {
	e.t.Helper()
	cfg := CatchUpConfig{AppKey: sim.DemoAppKey, API: e.api, Consumer: e.tr, DB: e.db, PageSize: 20}
	for _, c := range change {
		c(&cfg)
	}
	cu, err := NewCatchUp(cfg)
	require.NoError(e.t, err)
	return cu
}

// fail pushes n order-paid messages, one order each, and waits until the channel gave up on all.
func (e *catchUpEnv) fail(n int, born time.Time) []int64 {
	e.t.Helper()
	msgs := make([]sim.Message, n)
	for i := range msgs {
		msgs[i] = sim.Message{
			Type: sim.TopicOrderPay, UserInfo: sim.DemoBuyer, GmtBorn: born,
			Data: json.RawMessage(fmt.Sprintf(`{"orderId":%d,"currentStatus":"waitsellersend"}`, 3717426277620540000+i)),
		}
	}
	ch := e.sim.Channel()
	before := ch.Stats().Failed
	ids, err := ch.PushMessages(sim.DemoAppKey, msgs...)
	require.NoError(e.t, err)
	require.NoError(e.t, ch.Wait(testCtx(e.t), func(s sim.ChannelStats) bool { return s.Failed >= before+n }))
	return ids
}

func (e *catchUpEnv) states(ids []int64) map[sim.MessageState]int {
	out := map[sim.MessageState]int{}
	for _, id := range ids {
		d, ok := e.sim.Channel().Message(id)
		require.True(e.t, ok)
		out[d.State]++
	}
	return out
}

func (e *catchUpEnv) count(query string, args ...any) int {
	e.t.Helper()
	var n int
	require.NoError(e.t, e.db.SQL().QueryRow(query, args...).Scan(&n))
	return n
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestCatchUpAppliesThenConfirmsEveryPage(t *testing.T) {
	e := newCatchUpEnv(t, sim.ChannelOptions{})
	ids := e.fail(45, time.Time{})

	rep, err := e.catchUp().Run(t.Context())
	require.NoError(t, err)
	assert.True(t, rep.Complete)
	assert.Equal(t, 45, rep.Replayed)
	assert.Equal(t, map[sim.MessageState]int{sim.Confirmed: 45}, e.states(ids))
	assert.Equal(t, 45, e.count(`SELECT count(*) FROM messages WHERE applied_at IS NOT NULL AND error IS NULL`))
	assert.Equal(t, 45, e.count(`SELECT count(*) FROM orders WHERE status = 'waitsellersend'`))
	// Three pages of 20: each listed and confirmed; confirmed ones leave the list, so page 1
	// always holds the next ones and the last page ends the run without another listing.
	assert.Equal(t, 6, rep.Calls)
	for _, r := range e.sim.RequestsFor("push.query.messageList") {
		assert.Equal(t, "1", r.Params.Get("page"))
	}
	body := e.count(`SELECT count(*) FROM messages WHERE body LIKE '%"topicGroup":"ORDER"%'`)
	assert.Equal(t, 45, body, "the replayed object is stored as received")
}

func TestCatchUpReadsDataSentAsAString(t *testing.T) {
	e := newCatchUpEnv(t, sim.ChannelOptions{ReplayDataAsString: true})
	e.fail(1, time.Time{})

	_, err := e.catchUp().Run(t.Context())
	require.NoError(t, err)
	o, ok, err := e.db.OrderByAliID(t.Context(), "3717426277620540000")
	require.NoError(t, err)
	require.True(t, ok, "applied, not stored as unreadable")
	assert.Equal(t, "waitsellersend", o.Status)
	assert.Zero(t, e.count(`SELECT count(*) FROM messages WHERE error IS NOT NULL`))
}

func TestCatchUpAsksFromALittleBeforeTheLastOne(t *testing.T) {
	e := newCatchUpEnv(t, sim.ChannelOptions{ReplayRetention: -1})
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	cu := e.catchUp(func(c *CatchUpConfig) { c.Overlap = 10 * time.Minute; c.Now = func() time.Time { return now } })

	_, err := cu.Run(t.Context())
	require.NoError(t, err)
	first := e.sim.RequestsFor("push.query.messageList")
	require.Len(t, first, 1)
	assert.Empty(t, first[0].Params.Get("createStartTime"), "no watermark yet: everything the platform keeps")
	v, ok, err := e.db.Setting(t.Context(), "msgchan.catchup."+sim.DemoAppKey)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, strconv.FormatInt(now.UnixMilli(), 10), v)

	// One message born before the overlap, one inside it: only the second is asked for.
	old := e.fail(1, now.Add(-time.Hour))
	recent := e.fail(1, now.Add(-5*time.Minute))
	now = now.Add(time.Hour)
	rep, err := cu.Run(t.Context())
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Replayed)
	all := e.sim.RequestsFor("push.query.messageList")
	assert.Equal(t, open1688.FormatTime(time.Date(2025, 3, 1, 11, 50, 0, 0, time.UTC)), all[len(all)-1].Params.Get("createStartTime"))
	assert.Equal(t, map[sim.MessageState]int{sim.Failed: 1}, e.states(old))
	assert.Equal(t, map[sim.MessageState]int{sim.Confirmed: 1}, e.states(recent))
}

func TestCatchUpStopsOnAFailedConfirmAndNeverAppliesTwice(t *testing.T) {
	e := newCatchUpEnv(t, sim.ChannelOptions{})
	ids := e.fail(3, time.Time{})
	e.sim.Inject("push.message.confirm", sim.Failure{Kind: sim.ServerError, Count: 1})
	cu := e.catchUp()

	rep, err := cu.Run(t.Context())
	require.Error(t, err)
	assert.False(t, rep.Complete)
	assert.Equal(t, map[sim.MessageState]int{sim.Failed: 3}, e.states(ids), "applied but not confirmed: still listed")
	_, ok, err := e.db.Setting(t.Context(), "msgchan.catchup."+sim.DemoAppKey)
	require.NoError(t, err)
	assert.False(t, ok, "the watermark does not move past what was not confirmed")

	rep, err = cu.Run(t.Context())
	require.NoError(t, err)
	assert.True(t, rep.Complete)
	assert.Equal(t, map[sim.MessageState]int{sim.Confirmed: 3}, e.states(ids))
	assert.Equal(t, 3, e.count(`SELECT count(*) FROM messages`))
	assert.Equal(t, 3, e.count(`SELECT count(*) FROM order_events`), "one timeline event per message")
}

// failingConsumer refuses every batch, as a database that cannot commit does.
type failingConsumer struct{}

func (failingConsumer) Apply(context.Context, []msgchan.Push) error {
	return errors.New("disk I/O error")
}

func TestCatchUpConfirmsNothingThatDidNotCommit(t *testing.T) {
	e := newCatchUpEnv(t, sim.ChannelOptions{})
	ids := e.fail(2, time.Time{})

	_, err := e.catchUp(func(c *CatchUpConfig) { c.Consumer = failingConsumer{} }).Run(t.Context())
	require.ErrorContains(t, err, "disk I/O error")
	assert.Empty(t, e.sim.RequestsFor("push.message.confirm"))
	assert.Equal(t, map[sim.MessageState]int{sim.Failed: 2}, e.states(ids))
}

func TestCatchUpStopsWhenTheBudgetIsSpent(t *testing.T) {
	e := newCatchUpEnv(t, sim.ChannelOptions{})
	ids := e.fail(1, time.Time{})
	api, err := open1688.New(open1688.Config{
		BaseURL: e.sim.URL(), AppKey: sim.DemoAppKey, AppSecret: sim.DemoAppSecret, Counter: e.db,
		Budget: open1688.Budget{DailyLimit: 100, Reserve: 10}, Logf: t.Logf,
	})
	require.NoError(t, err)
	day := open1688.ChinaDay(time.Now())
	for range 90 {
		require.NoError(t, e.db.CountCall(t.Context(), sim.DemoAppKey, day, false))
	}

	_, err = e.catchUp(func(c *CatchUpConfig) { c.API = api }).Run(t.Context())
	require.Error(t, err, "catch-up is background work: the user's reserve stays untouched")
	assert.Empty(t, e.sim.RequestsFor("push.query.messageList"))
	assert.Equal(t, map[sim.MessageState]int{sim.Failed: 1}, e.states(ids))
}

// stickyReplayer lists its messages whether or not they were confirmed, a platform that confirms
// lazily: catch-up must walk its pages rather than read page 1 forever.
type stickyReplayer struct {
	msgs      []open1688.ReplayedMessage
	pages     []int
	confirmed int
}

func (r *stickyReplayer) QueryMessages(_ context.Context, req open1688.QueryMessagesRequest) (open1688.QueryMessagesResult, error) {
	r.pages = append(r.pages, req.Page)
	lo := min((req.Page-1)*req.PageSize, len(r.msgs))
	hi := min(lo+req.PageSize, len(r.msgs))
	return open1688.QueryMessagesResult{Messages: r.msgs[lo:hi], TotalCount: int64(len(r.msgs))}, nil
}

func (r *stickyReplayer) ConfirmMessages(_ context.Context, ids []string) error {
	r.confirmed += len(ids)
	return nil
}

func TestCatchUpWalksAPlatformThatKeepsListingConfirmedMessages(t *testing.T) {
	db := storagetest.OpenTemp(t)
	tr := NewTracker(db, 0)
	t.Cleanup(tr.Close)
	r := &stickyReplayer{}
	for i := range 50 {
		id := strconv.Itoa(900 + i)
		raw := orderBody(id, msgchan.TypeOrderPay, strconv.Itoa(3717426277620540000+i), "waitsellersend", 1700000000000)
		r.msgs = append(r.msgs, open1688.ReplayedMessage{MsgID: id, Type: msgchan.TypeOrderPay, Raw: json.RawMessage(raw)})
	}
	cu, err := NewCatchUp(CatchUpConfig{AppKey: "8610001", API: r, Consumer: tr, DB: db, PageSize: 20})
	require.NoError(t, err)

	rep, err := cu.Run(t.Context())
	require.NoError(t, err)
	assert.True(t, rep.Complete)
	assert.Equal(t, []int{1, 1, 2, 2, 3}, r.pages)
	assert.Equal(t, 50, r.confirmed, "a page seen again is not applied or confirmed again")
	var n int
	require.NoError(t, db.SQL().QueryRow(`SELECT count(*) FROM messages`).Scan(&n))
	assert.Equal(t, 50, n)
}

func TestReplayContentPutsDataAndTypeInThePushedShape(t *testing.T) {
	m := open1688.ReplayedMessage{
		MsgID: "4611686018427388002", Type: "LOGISTICS_BUYER_VIEW_TRACE",
		Data: json.RawMessage(`{"OrderLogisticsTracingModel":{"mailNo":"SF1"}}`),
		Raw: json.RawMessage(`{"msgId":4611686018427388002,"topicGroup":"LOGISTICS","topicName":"BUYER_VIEW_TRACE",` +
			`"data":"{\"OrderLogisticsTracingModel\":{\"mailNo\":\"SF1\"}}"}`),
	}
	got := replayContent(m)
	assert.JSONEq(t, `{"msgId":4611686018427388002,"topicGroup":"LOGISTICS","topicName":"BUYER_VIEW_TRACE",`+
		`"type":"LOGISTICS_BUYER_VIEW_TRACE","data":{"OrderLogisticsTracingModel":{"mailNo":"SF1"}}}`, got)
	assert.Contains(t, got, "4611686018427388002", "the msgId keeps every digit")

	whole := `{"msgId":1,"type":"ORDER_BUYER_VIEW_ORDER_PAY","appKey":"k","data":{"orderId":2}}`
	assert.Equal(t, whole, replayContent(open1688.ReplayedMessage{Raw: json.RawMessage(whole)}), "kept as received")
}

// pageReplayer lists one fixed page until its messages are confirmed, as the platform does.
type pageReplayer struct {
	page      []open1688.ReplayedMessage
	confirmed []string
}

func (r *pageReplayer) QueryMessages(context.Context, open1688.QueryMessagesRequest) (open1688.QueryMessagesResult, error) {
	var left []open1688.ReplayedMessage
	for _, m := range r.page {
		if m.MsgID == "" || !slices.Contains(r.confirmed, m.MsgID) {
			left = append(left, m)
		}
	}
	return open1688.QueryMessagesResult{Messages: left, TotalCount: int64(len(left))}, nil
}

func (r *pageReplayer) ConfirmMessages(_ context.Context, ids []string) error {
	r.confirmed = append(r.confirmed, ids...)
	return nil
}

func TestCatchUpStoresAnUnreadableMessageAndGoesOn(t *testing.T) {
	db := storagetest.OpenTemp(t)
	tr := NewTracker(db, 0)
	t.Cleanup(tr.Close)
	good := `{"msgId":41,"type":"ORDER_BUYER_VIEW_ORDER_PAY","userInfo":"b2b-1","gmtBorn":1700000000000,` +
		`"data":{"orderId":3717426277620540788,"currentStatus":"waitsellersend"}}`
	api := &pageReplayer{page: []open1688.ReplayedMessage{
		{Raw: json.RawMessage(`{"type":"X"}`), Err: errors.New("a message has no msgId")},
		{MsgID: "40", Raw: json.RawMessage(`{"msgId":40,"data":"{oops"}`), Err: errors.New("data is not JSON")},
		{MsgID: "41", Type: "ORDER_BUYER_VIEW_ORDER_PAY", Raw: json.RawMessage(good), Data: json.RawMessage(`{}`)},
	}}
	cu, err := NewCatchUp(CatchUpConfig{AppKey: "1234567", API: api, Consumer: tr, DB: db, PageSize: 20})
	require.NoError(t, err)

	rep, err := cu.Run(t.Context())
	require.NoError(t, err)
	assert.True(t, rep.Complete, "an unreadable message does not stall the catch-up")
	assert.ElementsMatch(t, []string{"40", "41"}, api.confirmed, "whatever has a msgId is confirmed")
	o, ok, err := db.OrderByAliID(t.Context(), "3717426277620540788")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "waitsellersend", o.Status)
	var failed int
	require.NoError(t, db.SQL().QueryRow(`SELECT count(*) FROM messages WHERE error IS NOT NULL`).Scan(&failed))
	assert.Equal(t, 2, failed, "both unreadable messages are stored for diagnostics")
}
