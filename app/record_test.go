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
)

func TestRecordOrderTwiceKeepsOneOrder(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	web := srv.Orders()[0]
	id := strconv.FormatInt(web.ID, 10)

	first, err := a.RecordOrder(ctx, " "+id+" ")
	require.NoError(t, err)
	assert.Equal(t, id, first.AliOrderID)
	assert.Equal(t, web.Status, first.Status)
	second, err := a.RecordOrder(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, first.ID, second.ID)
	assert.Equal(t, 1, queryCount(t, a, "SELECT count(*) FROM orders"))
	assert.Equal(t, len(web.Lines), queryCount(t, a, "SELECT count(*) FROM order_lines WHERE order_id = ?", first.ID))
	events, err := a.db.OrderEvents(ctx, first.ID)
	require.NoError(t, err)
	var recorded int
	for _, e := range events {
		if e.Kind == "user" && e.Detail == "recorded" {
			recorded++
		}
	}
	assert.Equal(t, 2, recorded)

	for _, bad := range []string{"", "1234", "12345678901234567890", "3717426277620x001", "-371742627762000100"} {
		_, err := a.RecordOrder(ctx, bad)
		require.ErrorIs(t, err, ErrOrderIDInvalid, bad)
	}
	_, err = a.RecordOrder(ctx, "99999999999999999")
	assert.Equal(t, open1688.KindNotFound, open1688.KindOf(err))
}

// seedWebOrders adds n orders placed on the website to the simulator, one a minute back from now.
func seedWebOrders(t *testing.T, srv *sim.Sim, n int) {
	t.Helper()
	for i := range n {
		_, err := srv.AddOrder(sim.Order{
			BuyerMemberID: sim.DemoBuyer, SellerMemberID: testPenSeller, ShippingFeeFen: 600,
			Created: time.Now().Add(-time.Duration(i+1) * time.Minute),
			Lines:   []sim.OrderLine{{OfferID: testPenOfferID, Name: "中性笔 12支装", Quantity: 1 + i%5, PriceFen: 1200}},
		})
		require.NoError(t, err)
	}
}

func TestImportRecentOrdersPagesAndReportsProgress(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	seedWebOrders(t, srv, 115) // and the demo's 5: 120 orders, 3 pages of 50
	_, err := a.RecordOrder(ctx, strconv.FormatInt(srv.Orders()[0].ID, 10))
	require.NoError(t, err)

	var progress [][2]int
	rep, err := a.ImportRecentOrders(ctx, time.Now().AddDate(0, 0, -30), func(done, total int) {
		progress = append(progress, [2]int{done, total})
	})
	require.NoError(t, err)
	assert.Equal(t, ImportReport{Pages: 3, Orders: 120, New: 119}, rep)
	assert.Equal(t, [][2]int{{50, 120}, {100, 120}, {120, 120}}, progress)
	assert.Equal(t, 120, queryCount(t, a, "SELECT count(*) FROM orders"))
	assert.Equal(t, 120, queryCount(t, a, "SELECT count(DISTINCT order_id) FROM order_lines"), "the list rows carry the lines")

	again, err := a.ImportRecentOrders(ctx, time.Now().AddDate(0, 0, -30), nil)
	require.NoError(t, err)
	assert.Zero(t, again.New, "importing again adds nothing")
}

func TestImportRecentOrdersStopsOnCancelKeepingWhatItStored(t *testing.T) {
	a, srv := newOrderingApp(t, sim.Options{})
	seedWebOrders(t, srv, 115)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rep, err := a.ImportRecentOrders(ctx, time.Now().AddDate(0, 0, -30), func(done, _ int) {
		if done >= 50 {
			cancel()
		}
	})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, ImportReport{Pages: 1, Orders: 50, New: 50}, rep)
	assert.Equal(t, 50, queryCount(t, a, "SELECT count(*) FROM orders"))
}

func TestImportRecentOrdersStopsWhenTheCallsAreUsedUp(t *testing.T) {
	a, srv := newOrderingApp(t, sim.Options{
		DailyCap: 2,
		Codes:    sim.Codes{Cap: sim.GatewayError{Code: "gw.NoUsageLeftError", Message: "SLA bill has no usage left"}},
	})
	seedWebOrders(t, srv, 115)
	rep, err := a.ImportRecentOrders(context.Background(), time.Now().AddDate(0, 0, -30), nil)
	require.ErrorIs(t, err, ErrImportStopped)
	assert.Equal(t, open1688.KindQuota, open1688.KindOf(err))
	assert.Equal(t, ImportReport{Pages: 2, Orders: 100, New: 100}, rep)
	explanation, next := ExplainOrderError(err)
	assert.Contains(t, explanation, "orders imported so far are kept")
	assert.NotEmpty(t, next)
}

func TestSuppliersAggregateOpenOrdersMostRecentFirst(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	var wantCups int64
	var cupOrders int
	for _, o := range srv.Orders() {
		if o.Status != sim.StatusCancel {
			wantCups += o.TotalFen()
			cupOrders++
		}
	}
	_, err := a.ImportRecentOrders(ctx, time.Now().AddDate(0, 0, -30), nil)
	require.NoError(t, err)
	addr := saveTestAddress(t, a)
	addOffer(t, a, testPenOfferID, "", 2)
	_, err = a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err)

	suppliers, err := a.Suppliers(ctx)
	require.NoError(t, err)
	require.Len(t, suppliers, 2)
	assert.Equal(t, testPenSeller, suppliers[0].SellerMemberID, "ordered from last")
	assert.Equal(t, 1, suppliers[0].Orders)
	assert.Equal(t, int64(2*1200+600), suppliers[0].SpentFen)
	assert.Equal(t, sim.DemoSeller, suppliers[1].SellerMemberID)
	assert.Equal(t, "义乌小商品厂", suppliers[1].SellerLoginID)
	assert.Equal(t, cupOrders, suppliers[1].Orders, "the closed order is left out")
	assert.Equal(t, wantCups, suppliers[1].SpentFen)
	assert.True(t, suppliers[0].LastOrderAt.After(suppliers[1].LastOrderAt))
}
