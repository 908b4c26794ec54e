package app

import (
	"context"
	"strconv"
	"sync/atomic"
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

const buyerView = "alibaba.trade.get.buyerView"

// syncEnv is a Syncer of the simulator's demo key over a fresh database, its calls counted in
// api_calls like the app's, and a clock tests move forward.
type syncEnv struct {
	t       *testing.T
	sim     *sim.Sim
	db      *storage.DB
	client  *open1688.Client
	tracker *Tracker
	syncer  *Syncer
	ahead   atomic.Int64 // how far the syncer's clock runs ahead of the real one
}

func newSyncEnv(t *testing.T, budget open1688.Budget, simOpts sim.Options) *syncEnv {
	t.Helper()
	simOpts.Seed = true
	s, err := sim.Start(simOpts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	db := storagetest.OpenTemp(t)
	res, err := db.SQL().Exec(`INSERT INTO keys (app_key, product_limit, daily_call_limit, created_at)
		VALUES (?, 1000, 5000, 0)`, sim.DemoAppKey)
	require.NoError(t, err)
	keyID, err := res.LastInsertId()
	require.NoError(t, err)
	client, err := open1688.New(open1688.Config{
		BaseURL: s.URL(), AppKey: sim.DemoAppKey, AppSecret: sim.DemoAppSecret, AccessToken: sim.DemoAccessToken,
		Counter: db, Budget: budget, Retry: open1688.RetryPolicy{Attempts: 1}, Logf: t.Logf,
	})
	require.NoError(t, err)
	e := &syncEnv{t: t, sim: s, db: db, client: client, tracker: NewTracker(db, keyID)}
	t.Cleanup(e.tracker.Close)
	e.syncer, err = NewSyncer(SyncerConfig{DB: db, KeyID: keyID, API: client, Now: e.now, Tracker: e.tracker})
	require.NoError(t, err)
	return e
}

func (e *syncEnv) now() time.Time { return time.Now().Add(time.Duration(e.ahead.Load())) }

func (e *syncEnv) advance(d time.Duration) { e.ahead.Add(int64(d)) }

// demoOrder is the seeded order in status.
func (e *syncEnv) demoOrder(status string) sim.Order {
	e.t.Helper()
	for _, o := range e.sim.Orders() {
		if o.Status == status {
			return o
		}
	}
	e.t.Fatalf("no demo order is %s", status)
	return sim.Order{}
}

// message applies a message about order aliID reporting status, as the channel would.
func (e *syncEnv) message(msgID, aliID, status string) {
	e.t.Helper()
	body := orderBody(msgID, msgchan.TypeOrderPay, aliID, status, time.Now().UnixMilli())
	require.NoError(e.t, e.tracker.Apply(context.Background(), []msgchan.Push{push(body)}))
}

// stubs makes a stub order from a message for every demo order, reporting its real status.
func (e *syncEnv) stubs() []sim.Order {
	e.t.Helper()
	orders := e.sim.Orders()
	for i, o := range orders {
		e.message(strconv.Itoa(100+i), simID(o), o.Status)
	}
	return orders
}

func simID(o sim.Order) string { return strconv.FormatInt(o.ID, 10) }

func (e *syncEnv) order(aliID string) storage.OrderState {
	e.t.Helper()
	o, ok, err := e.db.OrderByAliID(context.Background(), aliID)
	require.NoError(e.t, err)
	require.True(e.t, ok, "order %s", aliID)
	return o
}

func (e *syncEnv) sync() SyncReport {
	e.t.Helper()
	rep, err := e.syncer.SyncDue(context.Background())
	require.NoError(e.t, err)
	return rep
}

func (e *syncEnv) detailCalls() int { return len(e.sim.RequestsFor(buyerView)) }

// nextEvents waits for n events.
func nextEvents(t *testing.T, events <-chan Event, n int) []OrderChanged {
	t.Helper()
	var got []OrderChanged
	for len(got) < n {
		select {
		case ev := <-events:
			c, ok := ev.(OrderChanged)
			require.True(t, ok, "unexpected event %#v", ev)
			got = append(got, c)
		case <-time.After(5 * time.Second):
			t.Fatalf("%d of %d events came", len(got), n)
		}
	}
	return got
}

func TestSyncFillsInStubsFromMessages(t *testing.T) {
	e := newSyncEnv(t, open1688.Budget{}, sim.Options{})
	orders := e.stubs()
	events := e.syncer.Events() // the Tracker's channel, listened to after the messages

	rep := e.sync()
	assert.Equal(t, SyncReport{Due: len(orders), Synced: len(orders), Changed: len(orders)}, rep)
	assert.Equal(t, rep, e.syncer.LastRound().Report)

	shipped := e.demoOrder(sim.StatusWaitBuyerReceive)
	o := e.order(simID(shipped))
	assert.Equal(t, "message", o.Origin, "a stub keeps its origin")
	assert.Equal(t, "waitbuyerreceive", o.Status)
	var title, seller string
	var total, shipping int64
	require.NoError(t, e.db.SQL().QueryRow(`SELECT title, seller_login_id, total_fen, shipping_fen
		FROM orders WHERE id = ?`, o.ID).Scan(&title, &seller, &total, &shipping))
	assert.Equal(t, "加厚保温杯 500ml 不锈钢", title)
	assert.Equal(t, "义乌小商品厂", seller)
	assert.Equal(t, shipped.TotalFen(), total)
	assert.Equal(t, shipped.ShippingFeeFen, shipping)

	var line struct {
		no                      int
		offer, spec, sub, sku   string
		qty                     float64
		price, amount, logistic int64
	}
	require.NoError(t, e.db.SQL().QueryRow(`SELECT line_no, offer_id, spec_id, sub_item_id, sku_text,
		quantity, unit_price_fen, amount_fen, logistics_status FROM order_lines WHERE order_id = ?`, o.ID).
		Scan(&line.no, &line.offer, &line.spec, &line.sub, &line.sku, &line.qty, &line.price, &line.amount, &line.logistic))
	want := shipped.Lines[0]
	assert.Equal(t, 1, line.no)
	assert.Equal(t, strconv.FormatInt(want.OfferID, 10), line.offer)
	assert.Equal(t, want.SpecID, line.spec)
	assert.Equal(t, strconv.FormatInt(want.SubItemID, 10), line.sub)
	assert.Equal(t, "颜色:红色", line.sku)
	assert.Equal(t, float64(want.Quantity), line.qty)
	assert.Equal(t, want.PriceFen, line.price)
	assert.Equal(t, want.PriceFen*int64(want.Quantity), line.amount)

	changed := nextEvents(t, events, len(orders))
	byID := map[string]OrderChanged{}
	for _, c := range changed {
		byID[c.AliOrderID] = c
	}
	assert.Equal(t, OrderChanged{OrderID: o.ID, AliOrderID: simID(shipped), Status: "waitbuyerreceive", Bucket: "in_transit"},
		byID[simID(shipped)], "a row refresh, not a move: the message had moved it already")
}

func TestSyncLeavesSettledOrdersAlone(t *testing.T) {
	e := newSyncEnv(t, open1688.Budget{}, sim.Options{})
	orders := e.stubs()
	e.sync()
	calls := e.detailCalls()
	assert.Zero(t, e.sync().Due, "nothing is due again before the interval")

	for _, status := range []string{sim.StatusSuccess, sim.StatusCancel} {
		assert.True(t, e.order(simID(e.demoOrder(status))).SyncDueAt.IsZero(), status)
	}
	e.advance(DefaultSyncInterval + time.Minute)
	rep := e.sync()
	assert.Equal(t, len(orders)-2, rep.Due, "only the unsettled orders are read again")
	assert.Equal(t, calls+len(orders)-2, e.detailCalls())
	assert.Zero(t, rep.Changed, "1688 changed none of them")
	for _, r := range e.sim.RequestsFor(buyerView)[calls:] {
		id := r.Params.Get("orderId")
		assert.NotEqual(t, simID(e.demoOrder(sim.StatusSuccess)), id)
		assert.NotEqual(t, simID(e.demoOrder(sim.StatusCancel)), id)
	}
}

func TestSyncStaysInsideTheBudgetReserve(t *testing.T) {
	// Four calls a day, two of them kept for the user: background syncs may make two.
	e := newSyncEnv(t, open1688.Budget{DailyLimit: 4, Reserve: 2}, sim.Options{})
	e.stubs()

	rep := e.sync()
	assert.Equal(t, 2, rep.Synced)
	require.ErrorIs(t, rep.Stop, open1688.ErrBudgetExhausted, "the round stops quietly")
	assert.Equal(t, open1688.KindBudget, open1688.KindOf(rep.Stop))
	assert.Equal(t, 2, e.detailCalls())

	rep = e.sync()
	assert.Zero(t, rep.Synced)
	assert.ErrorIs(t, rep.Stop, open1688.ErrBudgetExhausted)
	assert.Equal(t, 2, e.detailCalls(), "a refused round sends nothing")

	// The user's own reads spend the reserve, and nothing goes beyond the limit.
	id := simID(e.demoOrder(sim.StatusWaitBuyerPay))
	for range 2 {
		_, err := e.client.OrderDetail(context.Background(), open1688.OrderDetailRequest{OrderID: id})
		require.NoError(t, err, "the reserve is the user's")
	}
	_, err := e.client.OrderDetail(context.Background(), open1688.OrderDetailRequest{OrderID: id})
	assert.ErrorIs(t, err, open1688.ErrBudgetExhausted)
	assert.Equal(t, 4, e.sim.CallsToday(sim.DemoAppKey), "the gateway saw no request beyond the limit")
	calls, err := e.client.CallsToday(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 4, calls)
}

func TestSyncNeverMovesAStatusBackward(t *testing.T) {
	e := newSyncEnv(t, open1688.Budget{}, sim.Options{})
	paid := simID(e.demoOrder(sim.StatusWaitSellerSend))
	// The message is ahead of the gateway's answer, as when the seller ships mid-sync.
	e.message("1", paid, "waitbuyerreceive")
	events := e.syncer.Events()

	assert.Equal(t, 1, e.sync().Synced)
	o := e.order(paid)
	assert.Equal(t, "waitbuyerreceive", o.Status)
	assert.Equal(t, "in_transit", o.Bucket)
	timeline, err := e.db.OrderEvents(context.Background(), o.ID)
	require.NoError(t, err)
	require.Len(t, timeline, 2)
	assert.Equal(t, storage.OrderEvent{At: timeline[1].At, Kind: "sync", Status: "waitsellersend", Detail: storage.SyncEventDetail},
		timeline[1], "the timeline keeps what the sync saw")
	c := nextEvents(t, events, 1)[0]
	assert.False(t, c.Moved)
	assert.Equal(t, "waitbuyerreceive", c.Status)
}

func TestSyncPutsOffAnOrder1688DoesNotKnow(t *testing.T) {
	e := newSyncEnv(t, open1688.Budget{}, sim.Options{})
	const stray = "1999999999999999999" // the demo ids start at 3717426277620540788
	e.message("1", stray, "waitsellersend")
	e.message("2", simID(e.demoOrder(sim.StatusSuccess)), "success") // settled by its sync

	rep := e.sync()
	assert.Equal(t, SyncReport{Due: 2, Synced: 1, Changed: 1, NotFound: 1}, rep, "the round goes on past it")
	assert.WithinDuration(t, e.now().Add(DefaultSyncRetry), e.order(stray).SyncDueAt, time.Minute)
	calls := e.detailCalls()

	e.advance(DefaultSyncRetry / 2)
	assert.Zero(t, e.sync().Due)
	assert.Equal(t, calls, e.detailCalls())
	e.advance(DefaultSyncRetry)
	rep = e.sync()
	assert.Equal(t, 1, rep.NotFound, "it is tried again after the retry time")
	assert.Equal(t, "waitsellersend", e.order(stray).Status, "a stub 1688 does not know keeps what the message said")
}

func TestSyncStopsTheRoundOnAKeyWideFailure(t *testing.T) {
	for name, tc := range map[string]struct {
		opts   sim.Options
		breaks func(s *sim.Sim)
		kind   open1688.Kind
	}{
		"network": {
			breaks: func(s *sim.Sim) { s.Inject(buyerView, sim.Failure{Kind: sim.ServerError}) },
			kind:   open1688.KindNetwork,
		},
		"quota": {
			opts:   sim.Options{Codes: sim.Codes{Cap: sim.GatewayError{Status: 400, Code: "gw.NoUsageLeftError", Message: "SLA bill has no usage left"}}},
			breaks: func(s *sim.Sim) { s.SetCalls(sim.DemoAppKey, time.Now(), sim.DefaultDailyCap) },
			kind:   open1688.KindQuota,
		},
	} {
		t.Run(name, func(t *testing.T) {
			e := newSyncEnv(t, open1688.Budget{}, tc.opts)
			orders := e.stubs()
			tc.breaks(e.sim)

			rep, err := e.syncer.SyncDue(context.Background())
			require.NoError(t, err, "not the user's problem")
			assert.Equal(t, tc.kind, open1688.KindOf(rep.Stop))
			assert.Equal(t, SyncReport{Due: len(orders), Stop: rep.Stop}, rep)
			assert.Equal(t, 1, e.detailCalls(), "the first failure ends the round")
			due, err := e.db.DueForSync(context.Background(), 0, e.now(), 100)
			require.NoError(t, err)
			assert.Len(t, due, len(orders), "nothing was put off: the next round tries them all")
		})
	}
}

func TestSyncRunSyncsUntilItsContextEnds(t *testing.T) {
	e := newSyncEnv(t, open1688.Budget{}, sim.Options{})
	own, err := NewSyncer(SyncerConfig{DB: e.db, API: e.client})
	require.NoError(t, err)
	t.Cleanup(own.Close)
	events := own.Events()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		own.Run(ctx, 10*time.Millisecond)
	}()

	e.message("1", simID(e.demoOrder(sim.StatusWaitSellerSend)), "waitsellersend")
	assert.Equal(t, "waitsellersend", nextEvents(t, events, 1)[0].Status, "a later tick finds the new stub")
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
	assert.False(t, own.LastRound().At.IsZero())
}

func TestNewSyncerNeedsTheDatabaseAndTheGateway(t *testing.T) {
	_, err := NewSyncer(SyncerConfig{API: &open1688.Client{}})
	assert.Error(t, err)
	_, err = NewSyncer(SyncerConfig{DB: storagetest.OpenTemp(t)})
	assert.Error(t, err)
}
