package open1688

import (
	"context"
	"strconv"
	"testing"
	"time"

	"caigou/app/sim"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every typed call against the simulator in caigou/app/sim: the success path, and each error
// kind the simulator can produce. The simulator recomputes signatures and checks tokens and ACLs
// itself, so a pass here means the client's requests are what the gateway expects.

var (
	demoOffer  = strconv.FormatInt(sim.DemoOfferID, 10)
	demoCart   = []CartItem{{OfferID: demoOffer, SpecID: sim.DemoSpecRed, Quantity: 2}}
	demoAddr   = Address{FullName: "张三", Mobile: "13800138000", ProvinceText: "浙江省", CityText: "金华市", AreaText: "义乌市", Address: "稠城街道 1 号"}
	newSellerC = []CartItem{{OfferID: strconv.FormatInt(sim.DemoNewSellerOffer, 10), Quantity: 1}}
)

// startSim runs a seeded simulator for one test. Cancels are allowed at once, so tests need not
// wait out the 10 s guard.
func startSim(t testing.TB, opts sim.Options) *sim.Sim {
	t.Helper()
	opts.Seed = true
	if opts.CancelMinAge == 0 {
		opts.CancelMinAge = -1
	}
	s, err := sim.Start(opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// simClient is a client of the simulator's demo key; change adjusts its Config.
func simClient(t testing.TB, s *sim.Sim, change ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{
		BaseURL: s.URL(), AppKey: sim.DemoAppKey, AppSecret: sim.DemoAppSecret,
		AccessToken: sim.DemoAccessToken, Retry: RetryPolicy{Attempts: 1}, Logf: t.Logf,
	}
	for _, c := range change {
		c(&cfg)
	}
	c, err := New(cfg)
	require.NoError(t, err)
	return c
}

// demoOrders are the seeded orders by status.
func demoOrders(t *testing.T, s *sim.Sim) map[string]sim.Order {
	t.Helper()
	byStatus := map[string]sim.Order{}
	for _, o := range s.Orders() {
		byStatus[o.Status] = o
	}
	require.Contains(t, byStatus, sim.StatusWaitBuyerPay)
	require.Contains(t, byStatus, sim.StatusWaitBuyerReceive)
	return byStatus
}

func idOf(o sim.Order) string { return strconv.FormatInt(o.ID, 10) }

func TestSimSuccessPaths(t *testing.T) {
	s := startSim(t, sim.Options{})
	c := simClient(t, s)
	ctx := context.Background()
	orders := demoOrders(t, s)

	now, err := c.CurrentTime(ctx)
	require.NoError(t, err)
	assert.WithinDuration(t, time.Now(), now, time.Minute)

	list, err := c.BuyerOrderList(ctx, BuyerOrderListRequest{PageSize: 1})
	require.NoError(t, err, "the wizard's token check")
	assert.Equal(t, int64(len(s.Orders())), list.TotalRecord)
	require.Len(t, list.Orders, 1)

	shipped := orders[sim.StatusWaitBuyerReceive]
	detail, err := c.OrderDetail(ctx, OrderDetailRequest{OrderID: idOf(shipped)})
	require.NoError(t, err)
	o := detail.Order
	assert.Equal(t, idOf(shipped), o.ID)
	assert.Equal(t, StatusWaitBuyerReceive, o.Status)
	assert.Equal(t, Fen(shipped.TotalFen()), o.Total)
	assert.Equal(t, Fen(shipped.ShippingFeeFen), o.ShippingFee)
	require.Len(t, o.Items, 1)
	assert.Equal(t, Fen(shipped.Lines[0].PriceFen), o.Items[0].Price)
	assert.Equal(t, strconv.FormatInt(shipped.Lines[0].SubItemID, 10), o.Items[0].SubItemID, "a sub-item id above 2^53")
	assert.True(t, shipped.Created.Truncate(time.Millisecond).Equal(o.Created))
	require.Len(t, o.Shipments, 1)

	infos, err := c.LogisticsInfos(ctx, LogisticsInfosRequest{OrderID: idOf(shipped)})
	require.NoError(t, err)
	require.Len(t, infos.Shipments, 1)
	assert.Equal(t, shipped.Logistics[0].BillNo, infos.Shipments[0].BillNo)
	assert.Equal(t, o.Shipments[0].LogisticsID, infos.Shipments[0].LogisticsID)

	trace, err := c.LogisticsTrace(ctx, LogisticsTraceRequest{OrderID: idOf(shipped)})
	require.NoError(t, err)
	require.Len(t, trace.Traces, 1)
	require.Len(t, trace.Traces[0].Steps, len(shipped.Logistics[0].Trace))
	assert.True(t, shipped.Logistics[0].Trace[0].Time.Truncate(time.Second).Equal(trace.Traces[0].Steps[0].Time))

	unpaid := orders[sim.StatusWaitBuyerPay]
	none, err := c.LogisticsInfos(ctx, LogisticsInfosRequest{OrderID: idOf(unpaid)})
	require.NoError(t, err, "not shipped yet is no shipment")
	assert.Empty(t, none.Shipments)
	noTrace, err := c.LogisticsTrace(ctx, LogisticsTraceRequest{OrderID: idOf(unpaid)})
	require.NoError(t, err, "no trace yet is an empty trace")
	assert.Empty(t, noTrace.Traces)
	assert.NotEmpty(t, noTrace.Note)

	product, err := c.ProductDetail(ctx, ProductDetailRequest{ProductID: demoOffer})
	require.NoError(t, err)
	p := product.Product
	assert.InDelta(t, 2, p.MinOrderQuantity, 0)
	assert.Equal(t, Fen(1250), p.Price)
	require.Len(t, p.SKUs, 2)
	assert.Equal(t, sim.DemoSpecRed, p.SKUs[0].SpecID)
	assert.Equal(t, []SKUAttribute{{ID: "3216", Name: "颜色", Value: "红色"}}, p.SKUs[0].Attributes)

	preview, err := c.PreviewOrder(ctx, PreviewOrderRequest{Address: demoAddr, Items: demoCart})
	require.NoError(t, err)
	require.Len(t, preview.Orders, 1)
	assert.Equal(t, Fen(2*1250+800), preview.Orders[0].Total)

	created, err := c.CreateOrder(ctx, CreateOrderRequest{OutOrderID: "cg-sim-1", Address: demoAddr, Items: demoCart})
	require.NoError(t, err)
	require.Len(t, created.OrderIDs, 1)
	assert.Equal(t, preview.Orders[0].Total, created.Total, "the preview priced what was ordered")
	id, err := strconv.ParseInt(created.OrderIDs[0], 10, 64)
	require.NoError(t, err)
	placed, ok := s.Order(id)
	require.True(t, ok)
	assert.Equal(t, "cg-sim-1", placed.OutOrderID)

	pay, err := c.AlipayURL(ctx, AlipayURLRequest{OrderIDs: []string{created.OrderIDs[0]}})
	require.NoError(t, err)
	assert.Contains(t, pay.PayURL, created.OrderIDs[0])

	_, err = c.CancelOrder(ctx, CancelOrderRequest{OrderID: created.OrderIDs[0], Reason: CancelOther})
	require.NoError(t, err)
	placed, _ = s.Order(id)
	assert.Equal(t, sim.StatusCancel, placed.Status)
	assert.Equal(t, "other", placed.CloseReason)
}

// typedCall runs one typed call with valid arguments; only its error matters here.
type typedCall struct {
	name  string
	token bool // whether the API needs the access token
	run   func(context.Context, *Client) error
}

// everyCall lists every typed call, with arguments valid in the demo world.
func everyCall(orders map[string]sim.Order) []typedCall {
	shipped, unpaid := idOf(orders[sim.StatusWaitBuyerReceive]), idOf(orders[sim.StatusWaitBuyerPay])
	return []typedCall{
		{"currentTime", false, func(ctx context.Context, c *Client) error { _, err := c.CurrentTime(ctx); return err }},
		{"alibaba.trade.getBuyerOrderList", true, func(ctx context.Context, c *Client) error {
			_, err := c.BuyerOrderList(ctx, BuyerOrderListRequest{})
			return err
		}},
		{"alibaba.trade.get.buyerView", true, func(ctx context.Context, c *Client) error {
			_, err := c.OrderDetail(ctx, OrderDetailRequest{OrderID: shipped})
			return err
		}},
		{"alibaba.trade.getLogisticsInfos.buyerView", true, func(ctx context.Context, c *Client) error {
			_, err := c.LogisticsInfos(ctx, LogisticsInfosRequest{OrderID: shipped})
			return err
		}},
		{"alibaba.trade.getLogisticsTraceInfo.buyerView", true, func(ctx context.Context, c *Client) error {
			_, err := c.LogisticsTrace(ctx, LogisticsTraceRequest{OrderID: shipped})
			return err
		}},
		{"alibaba.createOrder.preview", true, func(ctx context.Context, c *Client) error {
			_, err := c.PreviewOrder(ctx, PreviewOrderRequest{Address: demoAddr, Items: demoCart})
			return err
		}},
		{"alibaba.trade.fastCreateOrder", true, func(ctx context.Context, c *Client) error {
			_, err := c.CreateOrder(ctx, CreateOrderRequest{OutOrderID: "cg-kind-" + strconv.FormatInt(time.Now().UnixNano(), 36), Address: demoAddr, Items: demoCart})
			return err
		}},
		{"alibaba.trade.cancel", true, func(ctx context.Context, c *Client) error {
			_, err := c.CancelOrder(ctx, CancelOrderRequest{OrderID: unpaid})
			return err
		}},
		{"alibaba.product.get", true, func(ctx context.Context, c *Client) error {
			_, err := c.ProductDetail(ctx, ProductDetailRequest{ProductID: demoOffer})
			return err
		}},
		{"alibaba.alipay.url.get", true, func(ctx context.Context, c *Client) error {
			_, err := c.AlipayURL(ctx, AlipayURLRequest{OrderIDs: []string{unpaid}})
			return err
		}},
	}
}

// TestSimGatewayErrorKinds runs every typed call into every gateway-level failure.
func TestSimGatewayErrorKinds(t *testing.T) {
	cases := []struct {
		name      string
		kind      Kind
		tokenOnly bool                      // the failure needs a token-bearing API
		opts      sim.Options               // simulator options
		client    func(*Config)             // client changes
		setup     func(*sim.Sim, typedCall) // world changes and injections
		except    map[string]Kind           // calls that get another kind, and why, in the case
	}{
		{name: "signature", kind: KindSignature, client: func(c *Config) { c.AppSecret = "re-copy-me" }},
		{name: "unknown key", kind: KindSignature, client: func(c *Config) { c.AppKey = "1111111" }},
		{name: "wrong token", kind: KindAuth, tokenOnly: true, client: func(c *Config) { c.AccessToken = "not-a-token" }},
		{name: "expired token", kind: KindAuth, tokenOnly: true, client: func(c *Config) { c.AccessToken = sim.DemoExpiredToken }},
		{name: "acl", kind: KindPermission, tokenOnly: true, setup: func(s *sim.Sim, _ typedCall) {
			_ = s.SetACL(sim.DemoAppKey)
		}},
		{
			// The simulator answers the cap with gw.QosAppFrequencyLimit (1688.md §7), which the
			// client retries as a rate limit and calls quota once every attempt got it. Placing an
			// order is tried once, so there the cap cannot be told from a burst.
			name: "quota", kind: KindQuota,
			client: func(c *Config) { c.Retry = RetryPolicy{Attempts: 2, BaseDelay: time.Millisecond} },
			setup:  func(s *sim.Sim, _ typedCall) { s.SetCalls(sim.DemoAppKey, time.Now(), sim.DefaultDailyCap) },
			except: map[string]Kind{"alibaba.trade.fastCreateOrder": KindRateLimit},
		},
		{
			name: "quota, no usage left", kind: KindQuota,
			opts:  sim.Options{Codes: sim.Codes{Cap: sim.GatewayError{Status: 400, Code: "gw.NoUsageLeftError", Message: "SLA bill has no usage left"}}},
			setup: func(s *sim.Sim, _ typedCall) { s.SetCalls(sim.DemoAppKey, time.Now(), sim.DefaultDailyCap) },
		},
		{name: "rate limit", kind: KindRateLimit, setup: func(s *sim.Sim, tc typedCall) {
			s.Inject(tc.name, sim.Failure{Kind: sim.RateLimit, Code: "gw.QosRequestLimit", Message: "request limited"})
		}},
		{name: "5xx", kind: KindNetwork, setup: func(s *sim.Sim, tc typedCall) {
			s.Inject(tc.name, sim.Failure{Kind: sim.ServerError, Status: 502})
		}},
		{name: "dropped connection", kind: KindNetwork, setup: func(s *sim.Sim, tc typedCall) {
			s.Inject(tc.name, sim.Failure{Kind: sim.DropConnection})
		}},
		{name: "malformed JSON", kind: KindUnknown, setup: func(s *sim.Sim, tc typedCall) {
			s.Inject(tc.name, sim.Failure{Kind: sim.MalformedJSON})
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := startSim(t, tc.opts)
			orders := demoOrders(t, s)
			for _, call := range everyCall(orders) {
				if tc.tokenOnly && !call.token {
					continue
				}
				t.Run(call.name, func(t *testing.T) {
					s.ClearFailures()
					if tc.setup != nil {
						tc.setup(s, call)
					}
					var change []func(*Config)
					if tc.client != nil {
						change = append(change, tc.client)
					}
					err := call.run(context.Background(), simClient(t, s, change...))
					var e *Error
					require.ErrorAs(t, err, &e)
					want, ok := tc.except[call.name]
					if !ok {
						want = tc.kind
					}
					assert.Equal(t, want, e.Kind, "%v", err)
					assert.NotEmpty(t, e.API)
				})
			}
		})
	}
}

func TestSimBusinessAndNotFound(t *testing.T) {
	s := startSim(t, sim.Options{})
	c := simClient(t, s)
	ctx := context.Background()
	orders := demoOrders(t, s)
	const unknownOrder = "3717426277620000001" // the simulator's ids start at 3717426277620540788

	_, err := c.OrderDetail(ctx, OrderDetailRequest{OrderID: unknownOrder})
	assert.Equal(t, KindNotFound, KindOf(err), "%v", err)
	_, err = c.CancelOrder(ctx, CancelOrderRequest{OrderID: unknownOrder})
	assert.Equal(t, KindNotFound, KindOf(err), "%v", err)
	_, err = c.LogisticsTrace(ctx, LogisticsTraceRequest{OrderID: unknownOrder})
	assert.Equal(t, KindNotFound, KindOf(err), "%v", err)

	_, err = c.CreateOrder(ctx, CreateOrderRequest{OutOrderID: "cg-new-seller", Address: demoAddr, Items: newSellerC})
	var e *Error
	require.ErrorAs(t, err, &e, "the first order to a new seller is refused")
	assert.Equal(t, KindBusiness, e.Kind)
	assert.NotEmpty(t, e.Code)
	assert.NotEmpty(t, e.Message)

	_, err = c.PreviewOrder(ctx, PreviewOrderRequest{Address: demoAddr, Items: []CartItem{{OfferID: demoOffer, SpecID: "0000", Quantity: 2}}})
	assert.Equal(t, KindBusiness, KindOf(err), "an unknown SKU: %v", err)

	_, err = c.CancelOrder(ctx, CancelOrderRequest{OrderID: idOf(orders[sim.StatusWaitSellerSend])})
	require.ErrorAs(t, err, &e, "a paid order cannot be cancelled")
	assert.Equal(t, KindBusiness, e.Kind)
	assert.Equal(t, "ORDER_STATUS_ERROR", e.Code)

	_, err = c.AlipayURL(ctx, AlipayURLRequest{OrderIDs: []string{idOf(orders[sim.StatusWaitSellerSend])}})
	assert.Equal(t, KindBusiness, KindOf(err), "nothing payable: %v", err)

	_, err = c.LogisticsInfos(ctx, LogisticsInfosRequest{OrderID: unknownOrder})
	assert.Equal(t, KindNotFound, KindOf(err), "%v", err)

	// The simulator's code for an unknown offer is its own guess, so only its arrival is checked.
	_, err = c.ProductDetail(ctx, ProductDetailRequest{ProductID: "1"})
	require.ErrorAs(t, err, &e)
	assert.NotEmpty(t, e.Code)
	assert.Equal(t, "alibaba.product.get", e.API)
}

func TestSimRateLimitIsRetried(t *testing.T) {
	s := startSim(t, sim.Options{})
	c := simClient(t, s, func(cfg *Config) { cfg.Retry = RetryPolicy{Attempts: 3, BaseDelay: time.Millisecond} })
	s.Inject("alibaba.trade.get.buyerView", sim.Failure{Kind: sim.RateLimit, Code: "gw.QosRequestLimit", Count: 2})
	orders := demoOrders(t, s)
	_, err := c.OrderDetail(context.Background(), OrderDetailRequest{OrderID: idOf(orders[sim.StatusWaitBuyerPay])})
	require.NoError(t, err)
	assert.Len(t, s.RequestsFor("alibaba.trade.get.buyerView"), 3)
}

// TestSimLostCreateOrderIsNotPlacedTwice is the case outOrderId exists for: the order is placed,
// the answer is lost, and the caller must find the order instead of placing it again.
func TestSimLostCreateOrderIsNotPlacedTwice(t *testing.T) {
	s := startSim(t, sim.Options{})
	c := simClient(t, s, func(cfg *Config) { cfg.Retry = RetryPolicy{Attempts: 5, BaseDelay: time.Millisecond} })
	ctx := context.Background()
	before := len(s.Orders())
	s.Inject("alibaba.trade.fastCreateOrder", sim.Failure{Kind: sim.LoseResponse, Count: 1})

	req := CreateOrderRequest{OutOrderID: "cg-lost-1", Address: demoAddr, Items: demoCart}
	started := time.Now().Add(-time.Second)
	_, err := c.CreateOrder(ctx, req)
	require.Equal(t, KindNetwork, KindOf(err), "the answer was lost: %v", err)
	assert.Len(t, s.RequestsFor("alibaba.trade.fastCreateOrder"), 1, "CreateOrder is never retried by the client")
	require.Len(t, s.Orders(), before+1, "the order was placed although its answer was lost")

	// The caller resolves the unclear result by looking the order up.
	found, ok, err := c.FindOrderByOutOrderID(ctx, req.OutOrderID, started)
	require.NoError(t, err)
	require.True(t, ok, "the lost order is found by its outOrderId")
	assert.Equal(t, req.OutOrderID, found.OutOrderID)
	assert.Equal(t, StatusWaitBuyerPay, found.Status)
	assert.Len(t, s.Orders(), before+1, "looking up places nothing")

	// Had the caller retried instead, the same outOrderId would still not order twice.
	again, err := c.CreateOrder(ctx, req)
	require.NoError(t, err)
	assert.Equal(t, []string{found.ID}, again.OrderIDs)
	assert.Len(t, s.Orders(), before+1)

	_, ok, err = c.FindOrderByOutOrderID(ctx, "cg-never-sent", started)
	require.NoError(t, err)
	assert.False(t, ok, "an order that was never placed is not found, so ordering again is safe")
}
