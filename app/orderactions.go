package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caigou/app/open1688"
	"caigou/storage"
)

// The detail of the timeline event each order action adds (kind user); the screens translate
// them.
const (
	ActionRefresh = "refresh"
	ActionPay     = "pay"
	ActionCancel  = "cancel"
)

// Errors of the order actions; ExplainActionError translates them.
var (
	// ErrNotNumbered: 1688 has not numbered the order yet, so nothing can be asked about it.
	ErrNotNumbered = errors.New("the order has no 1688 order id yet")
	// ErrCannotCancel: only an unpaid order (waitbuyerpay) can be cancelled.
	ErrCannotCancel = errors.New("only an unpaid order can be cancelled")
	// ErrCancelTooSoon: 1688 refuses a cancel within about 10 s of the order's creation.
	ErrCancelTooSoon = errors.New("too soon after the order was placed to cancel it")
	// ErrNotPayable: an order to pay is not waiting for payment.
	ErrNotPayable = errors.New("the order is not waiting for payment")
	// ErrTooManyToPay: one payment covers at most open1688.MaxAlipayOrders orders.
	ErrTooManyToPay = errors.New("too many orders for one payment")
)

// The business codes of alibaba.trade.cancel that have a typed error (1688.md §3.5).
const (
	codeOrderStatus       = "ORDER_STATUS_ERROR"
	codeCloseOrderTooFast = "CLOSE_ORDER_TOO_FAST"
)

// statusWaitBuyerPay is the only status an order can be paid or cancelled in.
const statusWaitBuyerPay = string(open1688.StatusWaitBuyerPay)

// RefreshOrder reads order id from 1688 now, at the user's request, and stores what it says:
// the order (as a sync would) and, once it may have shipped, its parcels and their traces. Its
// calls count against the key's budget as user actions. The timeline gets a user event.
func (a *App) RefreshOrder(ctx context.Context, id int64) error {
	h, err := a.db.OrderHeader(ctx, id)
	if err != nil {
		return err
	}
	if err := a.refresh(ctx, h); err != nil {
		return err
	}
	h, err = a.db.OrderHeader(ctx, id)
	if err != nil {
		return err
	}
	return a.db.AddUserEvent(ctx, id, time.Now(), h.Status, ActionRefresh)
}

// refresh reads the order of h and its logistics from 1688 and stores them.
func (a *App) refresh(ctx context.Context, h storage.OrderHeader) error {
	if h.AliOrderID == "" {
		return fmt.Errorf("order %d: %w", h.ID, ErrNotNumbered)
	}
	c, ak, err := a.Client(ctx)
	if err != nil {
		return err
	}
	res, err := c.OrderDetail(ctx, open1688.OrderDetailRequest{OrderID: h.AliOrderID})
	if err != nil {
		return err
	}
	if res.Order.ID != h.AliOrderID {
		return fmt.Errorf("asked for order %s, 1688 answered with %q", h.AliOrderID, res.Order.ID)
	}
	now := time.Now()
	applied, err := a.db.ApplyOrderDetail(ctx, ak.Key.ID, orderSnapshot(h.AliOrderID, res.Order, now), DefaultSyncInterval)
	if err != nil {
		return err
	}
	// Before shipping 1688 has no parcel to list: asking would spend two calls on nothing.
	if len(res.Order.Shipments) == 0 && applied.Bucket != storage.BucketInTransit && applied.Bucket != storage.BucketReceived {
		return nil
	}
	return a.refreshParcels(ctx, c, h.ID, h.AliOrderID)
}

// refreshParcels stores the parcels of the order and the trace of each.
func (a *App) refreshParcels(ctx context.Context, c *open1688.Client, orderID int64, aliOrderID string) error {
	infos, err := c.LogisticsInfos(ctx, open1688.LogisticsInfosRequest{OrderID: aliOrderID})
	if err != nil {
		return err
	}
	now := time.Now()
	shipments := make([]storage.Shipment, len(infos.Shipments))
	for i, s := range infos.Shipments {
		shipments[i] = storage.Shipment{
			LogisticsID: s.LogisticsID, BillNo: s.BillNo, Company: s.CompanyName,
			CompanyCode: s.CompanyNo, Status: string(s.Status), EntryIDs: s.OrderEntryIDs, SentAt: s.Sent,
		}
	}
	if err := a.db.SaveShipments(ctx, orderID, shipments, now); err != nil {
		return err
	}
	for _, s := range infos.Shipments {
		trace, err := c.LogisticsTrace(ctx, open1688.LogisticsTraceRequest{OrderID: aliOrderID, LogisticsID: s.LogisticsID})
		if err != nil {
			return err
		}
		var steps []storage.TraceStep
		for _, t := range trace.Traces {
			if t.LogisticsID != "" && t.LogisticsID != s.LogisticsID {
				continue
			}
			for _, st := range t.Steps {
				steps = append(steps, storage.TraceStep{At: st.Time, Remark: st.Remark})
			}
		}
		if err := a.db.SaveTrace(ctx, orderID, s.LogisticsID, s.BillNo, steps, time.Now()); err != nil {
			return err
		}
	}
	return nil
}

// PayURL is an Alipay page that pays orders ids together, to open in the browser where the
// buyer is logged in. Every order must be waiting for payment (ErrNotPayable names the first
// that is not); at most open1688.MaxAlipayOrders at once (ErrTooManyToPay). Orders 1688 would
// not include make the whole request fail with ErrNotPayable, so the user never pays less than
// they chose without knowing it.
func (a *App) PayURL(ctx context.Context, ids ...int64) (string, error) {
	if len(ids) == 0 || len(ids) > open1688.MaxAlipayOrders {
		return "", fmt.Errorf("%d orders: %w", len(ids), ErrTooManyToPay)
	}
	aliIDs := make([]string, len(ids))
	for i, id := range ids {
		h, err := a.db.OrderHeader(ctx, id)
		if err != nil {
			return "", err
		}
		if h.AliOrderID == "" {
			return "", fmt.Errorf("order %d: %w", id, ErrNotNumbered)
		}
		if h.Status != statusWaitBuyerPay {
			return "", fmt.Errorf("order %s is %s: %w", h.AliOrderID, h.Status, ErrNotPayable)
		}
		aliIDs[i] = h.AliOrderID
	}
	c, _, err := a.Client(ctx)
	if err != nil {
		return "", err
	}
	res, err := c.AlipayURL(ctx, open1688.AlipayURLRequest{OrderIDs: aliIDs})
	if err != nil {
		return "", err
	}
	if len(res.FailedOrderIDs) > 0 || res.PayURL == "" {
		return "", fmt.Errorf("1688 will not take payment for %v: %w", res.FailedOrderIDs, ErrNotPayable)
	}
	now := time.Now()
	for _, id := range ids {
		if err := a.db.AddUserEvent(ctx, id, now, statusWaitBuyerPay, ActionPay); err != nil {
			return "", err
		}
	}
	return res.PayURL, nil
}

// CancelOrder cancels unpaid order id on 1688 with reason (buyerCancel, sellerGoodsLack or
// other; "" is buyerCancel), then reads the order again so the list shows it closed. A paid or
// closed order gives ErrCannotCancel without a call; 1688's own refusals come back as
// ErrCannotCancel or ErrCancelTooSoon. When the cancel went through but the read after it
// failed, the order is left for the next sync and CancelOrder still succeeds.
func (a *App) CancelOrder(ctx context.Context, id int64, reason string) error {
	h, err := a.db.OrderHeader(ctx, id)
	if err != nil {
		return err
	}
	if h.AliOrderID == "" {
		return fmt.Errorf("order %d: %w", id, ErrNotNumbered)
	}
	if h.Status != statusWaitBuyerPay {
		return fmt.Errorf("order %s is %s: %w", h.AliOrderID, h.Status, ErrCannotCancel)
	}
	switch open1688.CancelReason(reason) {
	case "", open1688.CancelBuyerCancel, open1688.CancelSellerGoodsLack, open1688.CancelOther:
	default:
		return fmt.Errorf("cancel reason %q: %w", reason, open1688.ErrInvalidRequest)
	}
	c, _, err := a.Client(ctx)
	if err != nil {
		return err
	}
	_, err = c.CancelOrder(ctx, open1688.CancelOrderRequest{OrderID: h.AliOrderID, Reason: open1688.CancelReason(reason)})
	var apiErr *open1688.Error
	switch {
	case errors.As(err, &apiErr) && apiErr.Code == codeOrderStatus:
		// Paid meanwhile: read it, so the user sees why.
		return errors.Join(fmt.Errorf("order %s: %w", h.AliOrderID, ErrCannotCancel), a.refresh(ctx, h))
	case errors.As(err, &apiErr) && apiErr.Code == codeCloseOrderTooFast:
		return fmt.Errorf("order %s: %w: %w", h.AliOrderID, ErrCancelTooSoon, err)
	case err != nil:
		return err
	}
	now := time.Now()
	if err := a.db.AddUserEvent(ctx, id, now, h.Status, ActionCancel); err != nil {
		return err
	}
	if err := a.refresh(ctx, h); err != nil {
		// The cancel stands; the scheduler reads the order as soon as it can.
		return a.db.MarkSyncFailed(ctx, id, now)
	}
	return nil
}
