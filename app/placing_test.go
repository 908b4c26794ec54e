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

func TestLookUpOfferGivesSKUsSellerAndMinimum(t *testing.T) {
	a, _ := newOrderingApp(t, sim.Options{})
	o, err := a.LookUpOffer(context.Background(), strconv.FormatInt(sim.DemoOfferID, 10))
	require.NoError(t, err)
	assert.Equal(t, "加厚保温杯 500ml 不锈钢", o.Title)
	assert.Equal(t, sim.DemoSeller, o.SellerMemberID)
	assert.Equal(t, "义乌小商品厂", o.SellerLoginID)
	assert.Equal(t, 2, o.MinQuantity)
	assert.Equal(t, int64(1250), o.PriceFen, "the lowest SKU price")
	assert.Equal(t, "https://cbu01.alicdn.com/img/ibank/demo-cup.jpg", o.ImageURL)
	assert.Equal(t, []SKU{
		{SpecID: sim.DemoSpecRed, Attributes: "颜色:红色", PriceFen: 1250, Stock: 500},
		{SpecID: sim.DemoSpecBlue, Attributes: "颜色:蓝色", PriceFen: 1290, Stock: 300},
	}, o.SKUs)
}

func TestAddToCartKeepsTheOffersRules(t *testing.T) {
	ctx := context.Background()
	a, _ := newOrderingApp(t, sim.Options{})
	cup, err := a.LookUpOffer(ctx, strconv.FormatInt(sim.DemoOfferID, 10))
	require.NoError(t, err)
	gloves, err := a.LookUpOffer(ctx, strconv.FormatInt(sim.DemoSingleOfferID, 10))
	require.NoError(t, err)
	cases := []struct {
		name     string
		offer    Offer
		spec     string
		quantity int
		want     error
	}{
		{"below the seller's minimum", cup, sim.DemoSpecRed, 1, ErrQuantityBelowMin{Min: 2}},
		{"zero", gloves, "", 0, ErrQuantityBelowMin{Min: 10}},
		{"a SKU the offer does not have", cup, "ffffffffffffffffffffffffffffffff", 2, ErrUnknownSKU},
		{"no SKU for an offer with SKUs", cup, "", 2, ErrUnknownSKU},
		{"a SKU for an offer without", gloves, sim.DemoSpecRed, 10, ErrUnknownSKU},
		{"the minimum itself", cup, sim.DemoSpecRed, 2, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := a.AddToCart(ctx, c.offer, c.spec, c.quantity, "")
			if c.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, c.want)
		})
	}
	lines, err := a.Cart(ctx)
	require.NoError(t, err)
	require.Len(t, lines, 1, "only the valid line went in")
	assert.Equal(t, "颜色:红色", lines[0].SKUText)
	assert.Equal(t, int64(1250), lines[0].UnitPriceFen)
	require.ErrorIs(t, a.SetCartQuantity(ctx, lines[0].ID, 1), ErrQuantityBelowMin{Min: 2})
	require.NoError(t, a.SetCartQuantity(ctx, lines[0].ID, 5))
	require.NoError(t, a.RemoveFromCart(ctx, lines[0].ID))
	lines, err = a.Cart(ctx)
	require.NoError(t, err)
	assert.Empty(t, lines)
}

func TestPreviewCartTotalsEachSeller(t *testing.T) {
	a, _ := newOrderingApp(t, sim.Options{})
	addr := saveTestAddress(t, a)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	addOffer(t, a, testPenOfferID, "", 3)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecBlue, 2)

	previews, err := a.PreviewCart(context.Background(), addr)
	require.NoError(t, err)
	require.Len(t, previews, 2)
	bySeller := map[string]SellerPreview{}
	for _, p := range previews {
		require.NoError(t, p.Err)
		bySeller[p.SellerMemberID] = p
	}
	cups := bySeller[sim.DemoSeller]
	assert.Len(t, cups.Lines, 2)
	assert.Equal(t, [3]int64{2*1250 + 2*1290, 800, 2*1250 + 2*1290 + 800}, [3]int64{cups.GoodsFen, cups.FreightFen, cups.TotalFen})
	pens := bySeller[testPenSeller]
	assert.Equal(t, testPenSellerLogin, pens.SellerLoginID)
	assert.Equal(t, [3]int64{3600, 600, 4200}, [3]int64{pens.GoodsFen, pens.FreightFen, pens.TotalFen})
}

func TestPlaceCartRecordsTheOrderAndASecondPlaceFindsNothing(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	addr := saveTestAddress(t, a)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	addOffer(t, a, testPenOfferID, "", 3)

	results, err := a.PlaceCart(ctx, addr, map[string]string{testPenSeller: "请用顺丰"})
	require.NoError(t, err)
	require.Len(t, results, 2)
	for _, r := range results {
		require.Equal(t, PlacePlaced, r.State, "%+v", r)
		require.NoError(t, r.Err)
		st, ok, err := a.db.OrderByAliID(ctx, r.AliOrderID)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, r.OrderID, st.ID)
		assert.Equal(t, "placed", st.Origin)
		assert.Equal(t, "waitbuyerpay", st.Status)
		assert.Equal(t, "awaiting_payment", st.Bucket)
		assert.False(t, st.SyncDueAt.IsZero(), "the next sync reads the full detail")
		assert.Equal(t, 1, queryCount(t, a, "SELECT count(*) FROM order_lines WHERE order_id = ?", r.OrderID))
		events, err := a.db.OrderEvents(ctx, r.OrderID)
		require.NoError(t, err)
		require.NotEmpty(t, events)
		assert.Equal(t, "placed", events[0].Detail)
	}
	placed := simOrdersWithOutID(srv)
	require.Len(t, placed, 2)
	for _, o := range placed {
		if o.SellerMemberID == testPenSeller {
			assert.Equal(t, "请用顺丰", o.Message)
			assert.Equal(t, int64(4200), o.TotalFen())
		}
	}
	var total int64
	require.NoError(t, a.db.SQL().QueryRow("SELECT total_fen FROM orders WHERE seller_member_id = ?", testPenSeller).Scan(&total))
	assert.Equal(t, int64(4200), total)
	cart, err := a.Cart(ctx)
	require.NoError(t, err)
	assert.Empty(t, cart)

	again, err := a.PlaceCart(ctx, addr, nil)
	require.ErrorIs(t, err, ErrCartEmpty, "a double click places nothing")
	assert.Empty(t, again)
	assert.Len(t, simOrdersWithOutID(srv), 2)
}

func TestPlaceCartConcurrentCallsPlaceOnce(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	addr := saveTestAddress(t, a)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	errs := make(chan error, 2)
	placedN := make(chan int, 2)
	for range 2 {
		go func() {
			res, err := a.PlaceCart(ctx, addr, nil)
			placedN <- len(res)
			errs <- err
		}()
	}
	n := <-placedN + <-placedN
	e1, e2 := <-errs, <-errs
	assert.Equal(t, 1, n, "one call placed, the other found the cart empty")
	assert.True(t, (e1 == nil) != (e2 == nil), "errors %v, %v", e1, e2)
	assert.Len(t, simOrdersWithOutID(srv), 1)
}

func TestPlaceCartLostResponseIsLookedUpNotResent(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	addr := saveTestAddress(t, a)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	srv.Inject("alibaba.trade.fastCreateOrder", sim.Failure{Kind: sim.LoseResponse, Count: 1})

	results, err := a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err)
	require.Len(t, results, 1)
	r := results[0]
	require.Equal(t, PlacePlaced, r.State, "found by its outOrderId: %v", r.Err)

	inSim := simOrdersWithOutID(srv)
	require.Len(t, inSim, 1, "exactly one order at 1688")
	assert.Equal(t, strconv.FormatInt(inSim[0].ID, 10), r.AliOrderID)
	assert.Equal(t, 1, queryCount(t, a, "SELECT count(*) FROM orders WHERE origin = 'placed'"))
	assert.Equal(t, 1, queryCount(t, a, "SELECT count(*) FROM orders WHERE ali_order_id = ? AND out_order_id = ?", r.AliOrderID, inSim[0].OutOrderID))
	assert.Equal(t, 1, queryCount(t, a, "SELECT count(*) FROM order_lines WHERE order_id = ? AND sub_item_id <> ''", r.OrderID),
		"the lookup's row replaced the cart's copy of the line")
}

func TestPlaceCartUnclearStaysPendingUntilResolved(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	addr := saveTestAddress(t, a)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	srv.Inject("alibaba.trade.fastCreateOrder", sim.Failure{Kind: sim.LoseResponse, Count: 1})
	srv.Inject("alibaba.trade.getBuyerOrderList", sim.Failure{Kind: sim.MalformedJSON, Count: 1})

	results, err := a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err)
	require.Len(t, results, 1)
	r := results[0]
	assert.Equal(t, PlaceUnclear, r.State)
	require.ErrorIs(t, r.Err, ErrPlaceUnclear)
	assert.Empty(t, r.AliOrderID)
	cart, err := a.Cart(ctx)
	require.NoError(t, err)
	assert.Empty(t, cart, "an unclear order's lines stay out of the cart")
	_, err = a.PlaceCart(ctx, addr, nil)
	require.ErrorIs(t, err, ErrCartEmpty)
	_, err = a.ReturnPendingToCart(ctx, r.OrderID)
	require.ErrorIs(t, err, ErrPendingTooRecent)

	resolved, err := a.ResolvePending(ctx)
	require.NoError(t, err)
	require.Len(t, resolved, 1)
	assert.Equal(t, PlacePlaced, resolved[0].State)
	assert.Equal(t, r.OrderID, resolved[0].OrderID)
	inSim := simOrdersWithOutID(srv)
	require.Len(t, inSim, 1)
	assert.Equal(t, strconv.FormatInt(inSim[0].ID, 10), resolved[0].AliOrderID)

	again, err := a.ResolvePending(ctx)
	require.NoError(t, err)
	assert.Empty(t, again, "nothing is pending any more")
}

func TestPendingOrderAbsentForTenMinutesGoesBackToTheCart(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	addr := saveTestAddress(t, a)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 4)
	srv.Inject("alibaba.trade.fastCreateOrder", sim.Failure{Kind: sim.DropConnection, Count: 1})

	results, err := a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err)
	require.Len(t, results, 1)
	r := results[0]
	require.Equal(t, PlaceUnclear, r.State, "the lookup found nothing: still unclear")
	require.ErrorIs(t, r.Err, ErrPlaceUnclear)
	assert.Empty(t, simOrdersWithOutID(srv))

	resolved, err := a.ResolvePending(ctx)
	require.NoError(t, err)
	require.Len(t, resolved, 1)
	assert.Equal(t, PlaceUnclear, resolved[0].State)

	_, err = a.db.SQL().Exec("UPDATE orders SET created_at = ? WHERE id = ?",
		time.Now().Add(-PendingReturnAfter-time.Minute).UnixMilli(), r.OrderID)
	require.NoError(t, err)
	back, err := a.ReturnPendingToCart(ctx, r.OrderID)
	require.NoError(t, err)
	assert.Equal(t, PlaceReturned, back.State)
	cart, err := a.Cart(ctx)
	require.NoError(t, err)
	require.Len(t, cart, 1)
	assert.Equal(t, 4, cart[0].Quantity)
	assert.Equal(t, 1, cart[0].MinQuantity, "order lines do not keep the minimum; 1688 still enforces it")
	assert.Equal(t, sim.DemoSeller, cart[0].SellerMemberID)
	assert.Zero(t, queryCount(t, a, "SELECT count(*) FROM orders WHERE origin = 'placed'"))
	_, err = a.ReturnPendingToCart(ctx, r.OrderID)
	require.ErrorIs(t, err, ErrNotPending)
}

func TestNewSellerIsRefusedWithTheOfferToOrderOnTheWebsite(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	addr := saveTestAddress(t, a)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	addOffer(t, a, sim.DemoNewSellerOffer, "", 1)
	wantURL := "https://detail.1688.com/offer/" + strconv.FormatInt(sim.DemoNewSellerOffer, 10) + ".html"

	previews, err := a.PreviewCart(ctx, addr)
	require.NoError(t, err, "one seller's refusal is not the preview's failure")
	require.Len(t, previews, 2)
	for _, p := range previews {
		if p.SellerMemberID == sim.DemoNewSeller {
			var ns *NewSellerError
			require.ErrorAs(t, p.Err, &ns)
			assert.Equal(t, wantURL, ns.OfferURL)
		} else {
			require.NoError(t, p.Err)
		}
	}

	results, err := a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err)
	require.Len(t, results, 2)
	for _, r := range results {
		if r.SellerMemberID != sim.DemoNewSeller {
			assert.Equal(t, PlacePlaced, r.State)
			continue
		}
		assert.Equal(t, PlaceRefused, r.State)
		var ns *NewSellerError
		require.ErrorAs(t, r.Err, &ns)
		assert.Equal(t, wantURL, ns.OfferURL)
		assert.Equal(t, "广州服装批发", ns.SellerLoginID)
		assert.Equal(t, open1688.KindBusiness, open1688.KindOf(r.Err))
		explanation, next := ExplainOrderError(r.Err)
		assert.Contains(t, explanation, "must be placed on the 1688 website")
		assert.Contains(t, next, "record the order here")
	}
	cart, err := a.Cart(ctx)
	require.NoError(t, err)
	require.Len(t, cart, 1, "the refused line is back in the cart")
	assert.Equal(t, strconv.FormatInt(sim.DemoNewSellerOffer, 10), cart[0].OfferID)
	assert.Equal(t, 1, queryCount(t, a, "SELECT count(*) FROM orders WHERE origin = 'placed'"), "the refused order's row is gone")
	assert.Len(t, simOrdersWithOutID(srv), 1)
}

func TestCompleteCartLooksEachOfferUpOnce(t *testing.T) {
	ctx := context.Background()
	a, _ := newOrderingApp(t, sim.Options{})
	// Lines as a CSV import leaves them: the offer and SKU, nothing looked up.
	offer := strconv.FormatInt(sim.DemoOfferID, 10)
	require.NoError(t, a.db.AddCartLines(ctx, []storage.CartLine{
		{OfferID: offer, SpecID: sim.DemoSpecRed, Quantity: 3},
		{OfferID: offer, SpecID: sim.DemoSpecBlue, Quantity: 1},
		{OfferID: offer, SpecID: "00000000000000000000000000000000", Quantity: 2},
		{OfferID: "999999999", Quantity: 1},
	}, time.Now()))
	c, _, err := a.Client(ctx)
	require.NoError(t, err)
	before, err := c.CallsToday(ctx)
	require.NoError(t, err)

	rep, err := a.CompleteCart(ctx)
	require.NoError(t, err)
	after, err := c.CallsToday(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Offers)
	assert.Equal(t, 2, after-before, "one call per distinct offer")
	assert.Equal(t, 2, rep.Completed)
	require.Len(t, rep.Problems, 3)
	problems := map[string]error{}
	for _, p := range rep.Problems {
		problems[p.OfferID+"/"+strconv.FormatInt(p.LineID, 10)] = p.Err
	}
	var below, unknownSKU, notFound int
	for _, err := range problems {
		switch {
		case err == nil:
		case open1688.KindOf(err) == open1688.KindBusiness || open1688.KindOf(err) == open1688.KindNotFound:
			notFound++
		case err == ErrUnknownSKU: //nolint:errorlint // the sentinel itself
			unknownSKU++
		default:
			if _, ok := err.(ErrQuantityBelowMin); ok { //nolint:errorlint // the value itself
				below++
			}
		}
	}
	assert.Equal(t, [3]int{1, 1, 1}, [3]int{below, unknownSKU, notFound})
	lines, err := a.Cart(ctx)
	require.NoError(t, err)
	for _, l := range lines {
		if l.SpecID == sim.DemoSpecRed {
			assert.Equal(t, sim.DemoSeller, l.SellerMemberID)
			assert.Equal(t, int64(1250), l.UnitPriceFen)
			assert.Equal(t, "颜色:红色", l.SKUText)
		}
	}
}
