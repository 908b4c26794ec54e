package app

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app/open1688"
	"caigou/app/sim"
	"caigou/storage"
)

// knownSimOrder stores the simulator's first order in simStatus as caigou last saw it, in
// localStatus, and returns its local id.
func knownSimOrder(t *testing.T, a *App, srv *sim.Sim, simStatus, localStatus string) int64 {
	t.Helper()
	for _, o := range srv.Orders() {
		if o.Status != simStatus {
			continue
		}
		res, err := a.db.ApplyOrderDetail(context.Background(), 0, storage.OrderSnapshot{
			AliOrderID: strconv.FormatInt(o.ID, 10), Status: localStatus, Created: o.Created,
			FetchedAt: time.Now().Add(-time.Hour),
		}, time.Hour)
		require.NoError(t, err)
		return res.OrderID
	}
	t.Fatalf("no order in %s", simStatus)
	return 0
}

// callsToday is the active key's calls today.
func callsToday(t *testing.T, a *App) int {
	t.Helper()
	used, limit, err := a.CallsToday(context.Background())
	require.NoError(t, err)
	assert.Equal(t, DefaultDailyCallLimit, limit)
	return used
}

func TestRefreshOrderStoresTheOrderItsParcelsAndTheirTrace(t *testing.T) {
	ctx := context.Background()
	a, srv := newDemoApp(t, sim.Options{})
	id := knownSimOrder(t, a, srv, "waitbuyerreceive", "waitsellersend")

	require.NoError(t, a.RefreshOrder(ctx, id))
	v, err := a.Order(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "waitbuyerreceive", v.Status)
	assert.Equal(t, storage.BucketInTransit, v.Bucket)
	assert.Equal(t, "ordered", v.OwnStatus)
	assert.Equal(t, "加厚保温杯 500ml 不锈钢", v.Title)
	require.Len(t, v.Lines, 1)
	assert.Equal(t, strconv.FormatInt(sim.DemoOfferID, 10), v.Lines[0].OfferID)
	assert.Equal(t, "颜色:红色", v.Lines[0].SkuText)
	require.Len(t, v.Parcels, 1)
	p := v.Parcels[0]
	assert.Equal(t, "圆通速递", p.Company)
	assert.NotEmpty(t, p.BillNo)
	require.Len(t, p.Trace, 2)
	assert.Equal(t, "【金华市】快件已揽收", p.Trace[0].Remark)
	assert.Equal(t, "【杭州市】快件已到达 杭州转运中心", p.Trace[1].Remark)
	last := v.Timeline[len(v.Timeline)-1]
	assert.Equal(t, "user", last.Kind)
	assert.Equal(t, ActionRefresh, last.Detail)
	assert.Equal(t, "waitbuyerreceive", last.Status)
	assert.Equal(t, 3, callsToday(t, a), "order, parcels and one trace")
}

func TestRefreshOrderOfAnUnshippedOrderAsksNoLogistics(t *testing.T) {
	ctx := context.Background()
	a, srv := newDemoApp(t, sim.Options{})
	id := knownSimOrder(t, a, srv, "waitsellersend", "waitbuyerpay")
	require.NoError(t, a.RefreshOrder(ctx, id))
	v, err := a.Order(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "waitsellersend", v.Status)
	assert.Empty(t, v.Parcels)
	assert.Equal(t, 1, callsToday(t, a))

	_, err = a.Order(ctx, id+100)
	require.ErrorIs(t, err, storage.ErrNoOrder)
	require.ErrorIs(t, a.RefreshOrder(ctx, id+100), storage.ErrNoOrder)
}

func TestPayURLOnlyForUnpaidOrders(t *testing.T) {
	ctx := context.Background()
	a, srv := newDemoApp(t, sim.Options{PayURL: "https://pay.example/cashier"})
	unpaid := knownSimOrder(t, a, srv, "waitbuyerpay", "waitbuyerpay")
	paid := knownSimOrder(t, a, srv, "waitsellersend", "waitsellersend")

	_, err := a.PayURL(ctx, unpaid, paid)
	require.ErrorIs(t, err, ErrNotPayable)
	assert.Equal(t, 0, callsToday(t, a), "refused before any call")

	u, err := a.PayURL(ctx, unpaid)
	require.NoError(t, err)
	v, err := a.Order(ctx, unpaid)
	require.NoError(t, err)
	assert.Equal(t, "https://pay.example/cashier?orderId="+v.AliOrderID, u)
	assert.Equal(t, ActionPay, v.Timeline[len(v.Timeline)-1].Detail)

	_, err = a.PayURL(ctx)
	require.ErrorIs(t, err, ErrTooManyToPay)
}

func TestCancelOrder(t *testing.T) {
	ctx := context.Background()
	a, srv := newDemoApp(t, sim.Options{})
	unpaid := knownSimOrder(t, a, srv, "waitbuyerpay", "waitbuyerpay")
	paid := knownSimOrder(t, a, srv, "waitsellersend", "waitsellersend")

	require.ErrorIs(t, a.CancelOrder(ctx, paid, ""), ErrCannotCancel)
	assert.Equal(t, 0, callsToday(t, a), "a paid order is refused before any call")
	require.ErrorIs(t, a.CancelOrder(ctx, unpaid, "changedMyMind"), open1688.ErrInvalidRequest)

	require.NoError(t, a.CancelOrder(ctx, unpaid, string(open1688.CancelOther)))
	v, err := a.Order(ctx, unpaid)
	require.NoError(t, err)
	assert.Equal(t, "cancel", v.Status, "read again after the cancel")
	assert.Equal(t, storage.BucketClosed, v.Bucket)
	assert.Equal(t, "other", v.CloseReason)
	var actions []string
	for _, e := range v.Timeline {
		if e.Kind == "user" {
			actions = append(actions, e.Detail)
		}
	}
	assert.Equal(t, []string{ActionCancel}, actions)
	require.ErrorIs(t, a.CancelOrder(ctx, unpaid, ""), ErrCannotCancel, "closed now")
}

func TestCancelOrderRefusedBy1688(t *testing.T) {
	ctx := context.Background()
	a, srv := newDemoApp(t, sim.Options{})
	// caigou still thinks the order unpaid; the buyer paid it on the website meanwhile.
	stale := knownSimOrder(t, a, srv, "waitsellersend", "waitbuyerpay")
	err := a.CancelOrder(ctx, stale, "")
	require.ErrorIs(t, err, ErrCannotCancel)
	v, err := a.Order(ctx, stale)
	require.NoError(t, err)
	assert.Equal(t, "waitsellersend", v.Status, "the refusal reads the order again")

	newID, err := srv.AddOrder(sim.Order{
		BuyerMemberID: sim.DemoBuyer, SellerMemberID: sim.DemoSeller, Created: time.Now(),
		Lines: []sim.OrderLine{{OfferID: sim.DemoSingleOfferID, Name: "一次性手套 100只装", Quantity: 10, PriceFen: 399}},
	})
	require.NoError(t, err)
	res, err := a.db.ApplyOrderDetail(ctx, 0, storage.OrderSnapshot{AliOrderID: strconv.FormatInt(newID, 10), Status: "waitbuyerpay"}, time.Hour)
	require.NoError(t, err)
	require.ErrorIs(t, a.CancelOrder(ctx, res.OrderID, ""), ErrCancelTooSoon)
}

func TestExplainActionError(t *testing.T) {
	for _, err := range []error{
		ErrNotNumbered, ErrCannotCancel, ErrCancelTooSoon, ErrNotPayable, ErrTooManyToPay,
		storage.ErrNoOrder, ErrNoActiveKey, &open1688.Error{Kind: open1688.KindNetwork},
	} {
		explanation, _ := ExplainActionError(err)
		assert.NotEmpty(t, explanation, "%v", err)
		assert.NotContains(t, explanation, err.Error(), "never the raw error")
	}
	explanation, next := ExplainActionError(ErrTooManyToPay)
	assert.Contains(t, explanation, "100")
	assert.NotEmpty(t, next)
}

func TestOrderAndOfferURLs(t *testing.T) {
	assert.Equal(t, "https://detail.1688.com/offer/624281887788.html", OfferURL("624281887788"))
	assert.Equal(t, "https://trade.1688.com/order/new_step_order_detail.htm?orderId=3717426277620540788",
		OrderURL("3717426277620540788"))
}
