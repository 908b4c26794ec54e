package app

import (
	"context"
	"net/url"

	"caigou/storage"
)

// OrderView is everything the order's detail page shows.
type OrderView struct {
	storage.OrderHeader                        // the order, its 1688 status and its own status
	Lines               []storage.OrderLine    // in their order
	Timeline            []storage.OrderEvent   // messages, syncs and user actions, oldest first
	Parcels             []storage.ParcelDetail // carrier, tracking number and trace of each parcel
}

// Order is order id (the local id of an OrderRow) with its lines, timeline and parcels. An
// order that is gone gives storage.ErrNoOrder.
func (a *App) Order(ctx context.Context, id int64) (OrderView, error) {
	var v OrderView
	var err error
	if v.OrderHeader, err = a.db.OrderHeader(ctx, id); err != nil {
		return OrderView{}, err
	}
	if v.Lines, err = a.db.OrderLines(ctx, id); err != nil {
		return OrderView{}, err
	}
	if v.Timeline, err = a.db.OrderEvents(ctx, id); err != nil {
		return OrderView{}, err
	}
	if v.Parcels, err = a.db.ParcelDetails(ctx, id); err != nil {
		return OrderView{}, err
	}
	return v, nil
}

// offerPagePrefix is where 1688 shows an offer.
const offerPagePrefix = "https://detail.1688.com/offer/"

// orderPageURL is the buyer's page of one order on 1688. GUESS: taken from the address the
// website's order list links to; no API document names it, so it lives here alone.
const orderPageURL = "https://trade.1688.com/order/new_step_order_detail.htm?orderId="

// OfferURL is the 1688 page of offer offerID, to open in the browser.
func OfferURL(offerID string) string {
	return offerPagePrefix + url.PathEscape(offerID) + ".html"
}

// OrderURL is the buyer's page of 1688 order aliOrderID, to open in the browser.
func OrderURL(aliOrderID string) string {
	return orderPageURL + url.QueryEscape(aliOrderID)
}
