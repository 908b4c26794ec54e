package screens

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/sim"
	"caigou/i18n"
	"caigou/storage"
)

func TestTrackingListsOrdersWithCountsSearchAndSort(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	h.open()

	require.True(t, h.s.listed)
	assert.Equal(t, 5, h.s.rows.Length())
	for bucket, want := range map[string]string{
		"": "All (5)", storage.BucketAwaitingPayment: "To pay (1)", storage.BucketAwaitingShipment: "To ship (1)",
		storage.BucketInTransit: "In transit (1)", storage.BucketReceived: "Received (1)", storage.BucketClosed: "Closed (1)",
	} {
		assert.Equal(t, want, h.chip(bucket).Text)
	}
	assert.True(t, h.chip(storage.BucketOther).Hidden, "Other shows only when it holds orders")

	newest := h.rowTexts(0)
	assert.Equal(t, "加厚保温杯 500ml 不锈钢", newest[0])
	assert.Equal(t, i18n.Yuan(2*1250+800), newest[1], "two at ¥12.50 and ¥8 shipping")
	assert.Contains(t, newest[2], "义乌小商品厂")
	assert.Equal(t, "Paid · Waiting for your payment", newest[4], "own status and 1688 status in plain words")

	// A chip keeps one bucket, and counts stay.
	test.Tap(h.chip(storage.BucketInTransit))
	assert.Equal(t, 1, h.s.rows.Length())
	row, _ := h.s.orders.Row(0)
	assert.Equal(t, ids[sim.StatusWaitBuyerReceive], row.ID)
	test.Tap(h.chip(""))
	assert.Equal(t, 5, h.s.rows.Length())

	// A search by an order's number narrows the list to it, on Enter without waiting.
	closed, err := h.app.Order(context.Background(), ids[sim.StatusCancel])
	require.NoError(t, err)
	test.Type(h.s.search, closed.AliOrderID)
	h.s.search.OnSubmitted(h.s.search.Text)
	assert.Equal(t, 1, h.s.rows.Length())
	assert.Equal(t, "All (1)", h.chip("").Text, "the chips count what the search finds")
	assert.Equal(t, "To pay (0)", h.chip(storage.BucketAwaitingPayment).Text)
	h.s.search.SetText("")
	h.s.search.OnSubmitted("")
	assert.Equal(t, 5, h.s.rows.Length())

	// The largest amount first: ten blue cups.
	h.s.sortPick.SetSelected(i18n.T(i18n.TrackingSortAmountHigh, nil))
	largest := h.rowTexts(0)
	assert.Equal(t, ids[sim.StatusSuccess], mustRow(t, h, 0).ID)
	assert.Equal(t, i18n.Yuan(mustRow(t, h, 0).TotalFen), largest[1])
	for i := 1; i < 5; i++ {
		assert.GreaterOrEqual(t, mustRow(t, h, i-1).TotalFen, mustRow(t, h, i).TotalFen)
	}
	h.s.sortPick.SetSelected(i18n.T(i18n.TrackingSortAmountLow, nil))
	for i := 1; i < 5; i++ {
		assert.LessOrEqual(t, mustRow(t, h, i-1).TotalFen, mustRow(t, h, i).TotalFen)
	}
}

func mustRow(t *testing.T, h *trackingHarness, i int) storage.OrderRow {
	t.Helper()
	row, ok := h.s.orders.Row(i)
	require.True(t, ok, "row %d", i)
	return row
}

func TestTrackingDetailShowsLinesAndTimeline(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	h.open()
	assert.True(t, h.shows(i18n.T(i18n.TrackingPickOrder, nil)))

	h.s.rows.Select(0) // the newest: unpaid
	require.Equal(t, ids[sim.StatusWaitBuyerPay], h.s.detail.shown)
	v := h.s.detail.view
	assert.True(t, h.shows(v.AliOrderID))
	assert.True(t, h.shows("Waiting for your payment"))
	assert.True(t, h.shows("Offer "+strconv.FormatInt(sim.DemoOfferID, 10)+" · 颜色:红色"), "the line's offer and SKU")
	assert.True(t, h.shows("2件 × "+i18n.Yuan(1250)+" = "+i18n.Yuan(2500)))
	assert.True(t, h.shows(i18n.T(i18n.TrackingEventRecorded, nil)), "the timeline")
	assert.True(t, h.shows(i18n.T(i18n.TrackingNoParcels, nil)))
	assert.True(t, h.shows("Refresh asks 1688 now"), "Refresh says it spends calls")
	assert.NotNil(t, findButton(h.win.Content(), i18n.T(i18n.TrackingPay, nil)), "an unpaid order can be paid")

	h.tap(i18n.T(i18n.TrackingOpenIn1688, nil))
	h.tap(i18n.T(i18n.TrackingPay, nil))
	assert.Equal(t, []string{app.OrderURL(v.AliOrderID), "https://trade.1688.com/order/cashier.htm?orderId=" + v.AliOrderID}, h.opened)
	assert.True(t, h.shows(i18n.T(i18n.TrackingEventPay, nil)), "paying is in the timeline")

	h.s.rows.Select(1) // paid: nothing to pay or cancel
	assert.Equal(t, ids[sim.StatusWaitSellerSend], h.s.detail.shown)
	assert.Nil(t, findButton(h.win.Content(), i18n.T(i18n.TrackingPay, nil)))
	assert.Nil(t, findButton(h.win.Content(), i18n.T(i18n.TrackingCancel, nil)))
}

func TestTrackingRefreshReadsTheTraceOfAShippedOrder(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	h.open()
	h.s.showOrder(ids[sim.StatusWaitBuyerReceive])
	assert.True(t, h.shows(i18n.T(i18n.TrackingNoParcels, nil)), "recording reads no parcels")

	h.tap(i18n.T(i18n.TrackingRefresh, nil))
	assert.True(t, h.shows(i18n.T(i18n.TrackingEventRefresh, nil)), "the refresh is in the timeline")
	assert.True(t, h.shows("圆通速递, tracking number "), "the parcel and its carrier")
	assert.NotNil(t, findButton(h.win.Content(), i18n.T(i18n.TrackingCopyBillNo, nil)))
	assert.True(t, h.shows("【杭州市】快件已到达 杭州转运中心"), "the trace")
	assert.False(t, h.s.detail.actionError.Visible())
}

func TestTrackingExplainsARefusedCancel(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	h.open()
	unpaid := ids[sim.StatusWaitBuyerPay]
	v, err := h.app.Order(context.Background(), unpaid)
	require.NoError(t, err)
	aliID, err := strconv.ParseInt(v.AliOrderID, 10, 64)
	require.NoError(t, err)
	require.NoError(t, h.sim.Pay(aliID)) // on the website, unknown to caigou yet
	h.s.showOrder(unpaid)

	h.tap(i18n.T(i18n.TrackingCancel, nil))
	h.tap(i18n.T(i18n.TrackingCancelConfirm, nil))
	require.True(t, h.s.detail.actionError.Visible())
	assert.Equal(t, i18n.T(i18n.ActionErrCannotCancel, nil)+" "+i18n.T(i18n.ActionErrCannotCancelNext, nil), h.s.detail.actionError.Text)
	assert.Equal(t, sim.StatusWaitSellerSend, h.s.detail.view.Status, "the refusal read the order again")
	assert.Equal(t, "To ship (2)", h.chip(storage.BucketAwaitingShipment).Text)
}

func TestTrackingCancelAsksThenCancelsAnUnpaidOrder(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	h.open()
	unpaid := ids[sim.StatusWaitBuyerPay]
	h.s.showOrder(unpaid)

	h.tap(i18n.T(i18n.TrackingCancel, nil))
	require.True(t, h.shows(i18n.T(i18n.TrackingReasonSellerGoodsLack, nil)) || h.win.Canvas().Overlays().Top() != nil)
	h.tap(i18n.T(i18n.TrackingCancelKeep, nil))
	v, err := h.app.Order(context.Background(), unpaid)
	require.NoError(t, err)
	assert.Equal(t, sim.StatusWaitBuyerPay, v.Status, "keeping it cancels nothing")

	h.tap(i18n.T(i18n.TrackingCancel, nil))
	radio := findRadio(h.win.Canvas().Overlays().Top())
	require.NotNil(t, radio)
	radio.SetSelected(i18n.T(i18n.TrackingReasonOther, nil))
	h.tap(i18n.T(i18n.TrackingCancelConfirm, nil))

	v, err = h.app.Order(context.Background(), unpaid)
	require.NoError(t, err)
	assert.Equal(t, sim.StatusCancel, v.Status)
	assert.Equal(t, "other", v.CloseReason)
	assert.True(t, h.shows(i18n.T(i18n.TrackingEventCancel, nil)))
	assert.True(t, h.shows(i18n.T(i18n.TrackingReasonOther, nil)), "the close reason in plain words")
	assert.Equal(t, "To pay (0)", h.chip(storage.BucketAwaitingPayment).Text)
	assert.Equal(t, "Closed (2)", h.chip(storage.BucketClosed).Text)
	assert.Nil(t, findButton(h.win.Content(), i18n.T(i18n.TrackingCancel, nil)), "a closed order cannot be cancelled")
}

func TestTrackingPushedMessageUpdatesItsRowInPlace(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	h.open()
	h.s.rows.Select(1)
	chosen := h.s.detail.shown
	require.NotZero(t, chosen)

	h.moveOrder(ids[sim.StatusWaitBuyerPay], sim.StatusWaitSellerSend) // row 0: paid on the website
	assert.Equal(t, "Ordered · Paid, waiting for the seller to ship", h.rowTexts(0)[4])
	assert.Equal(t, 1, h.s.shownIndex, "the selection stays")
	assert.Equal(t, chosen, h.s.detail.shown, "so does the detail")
	assert.Equal(t, "To pay (0)", h.chip(storage.BucketAwaitingPayment).Text)
	assert.Equal(t, "To ship (2)", h.chip(storage.BucketAwaitingShipment).Text)

	// The order shown is read again when a message changes it.
	h.moveOrder(chosen, sim.StatusWaitBuyerReceive)
	assert.Equal(t, sim.StatusWaitBuyerReceive, h.s.detail.view.Status)
	assert.True(t, h.shows(statusName(sim.StatusWaitBuyerReceive)))
}

func TestTrackingShowOrderSelectsIt(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	h.open()
	test.Tap(h.chip(storage.BucketClosed))

	// Recorded from Orders: the shell shows it in Tracking, whatever the filter hid.
	h.shell.showOrder(ids[sim.StatusWaitSellerSend])
	v := h.s.detail.view
	assert.Equal(t, ids[sim.StatusWaitSellerSend], v.ID)
	assert.Equal(t, v.AliOrderID, h.s.search.Text, "found by its number")
	assert.Empty(t, h.s.filter.Bucket)
	assert.Equal(t, 0, h.s.shownIndex)

	// One the list shows is selected where it is.
	h.s.search.SetText("")
	h.s.search.OnSubmitted("")
	h.s.showOrder(ids[sim.StatusSuccess])
	assert.Equal(t, mustRow(t, h, h.s.shownIndex).ID, ids[sim.StatusSuccess])
	assert.Empty(t, h.s.search.Text)
}

func TestTrackingShowsTheFirstOrderThatArrives(t *testing.T) {
	h := newTrackingHarness(t, 0)
	h.open()
	assert.True(t, h.shows(i18n.T(i18n.TrackingEmptyBody, nil)))

	state, err := h.app.RecordOrder(context.Background(), strconv.FormatInt(h.sim.Orders()[0].ID, 10))
	require.NoError(t, err)
	h.shell.dispatch(app.OrderChanged{OrderID: state.ID})
	require.True(t, h.s.listed)
	assert.Equal(t, 1, h.s.rows.Length())
}

func TestTrackingHasNoEnglishInRussianAndChinese(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	var data []string // what 1688 wrote: titles, SKUs, sellers, carriers, numbers
	for _, id := range ids {
		v, err := h.app.Order(context.Background(), id)
		require.NoError(t, err)
		data = append(data, v.Title, v.SellerLoginID, v.AliOrderID)
		for _, l := range v.Lines {
			data = append(data, l.Title, l.SkuText)
		}
	}
	h.open()
	h.s.showOrder(ids[sim.StatusWaitBuyerReceive])
	h.tap(i18n.T(i18n.TrackingRefresh, nil))
	for _, lang := range []string{"ru", "zh"} {
		require.NoError(t, i18n.SetLanguage(lang))
		h.shell.Rebuild()
		h.shell.Navigate(pageTracking)
		for _, id := range []int64{ids[sim.StatusWaitBuyerReceive], ids[sim.StatusWaitBuyerPay]} {
			h.s.showOrder(id)
			for _, p := range h.s.detail.view.Parcels {
				data = append(data, p.BillNo, p.Company)
			}
			for _, text := range visibleTexts(h.win.Content()) {
				for _, d := range data {
					if d != "" {
						text = strings.ReplaceAll(text, d, "")
					}
				}
				text = untranslatedWords.ReplaceAllString(text, "")
				assert.Empty(t, latinWord.FindAllString(text, -1), "%s: %q", lang, text)
			}
		}
	}
}
