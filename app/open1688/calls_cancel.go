package open1688

import (
	"context"
	"errors"
)

// specCancelOrder is alibaba.trade.cancel (1688.md §3.5).
var specCancelOrder = apiSpec{namespace: "com.alibaba.trade", name: "alibaba.trade.cancel", version: 1, token: true, retry: true}

// CancelReason is why the buyer cancels, as the platform names it.
type CancelReason string

// The reasons alibaba.trade.cancel accepts.
const (
	CancelBuyerCancel     CancelReason = "buyerCancel"     // the buyer changed their mind
	CancelSellerGoodsLack CancelReason = "sellerGoodsLack" // the seller has no stock
	CancelOther           CancelReason = "other"
)

// CancelOrderRequest cancels one unpaid order.
type CancelOrderRequest struct {
	OrderID string       // required
	Reason  CancelReason // empty means CancelBuyerCancel
	Remark  string
}

// CancelOrderResult is the answer of a cancel that went through; the platform returns nothing
// beyond success.
type CancelOrderResult struct{}

// CancelOrder cancels an unpaid (waitbuyerpay) order through alibaba.trade.cancel. A cancel
// within about 10 s of creation is refused with CLOSE_ORDER_TOO_FAST, a paid order with
// ORDER_STATUS_ERROR, both as KindBusiness; an unknown order is KindNotFound. Retrying a cancel
// is harmless, so it is retried like reads.
func (c *Client) CancelOrder(ctx context.Context, req CancelOrderRequest) (*CancelOrderResult, error) {
	if err := checkID("OrderID", req.OrderID); err != nil {
		return nil, err
	}
	reason := req.Reason
	if reason == "" {
		reason = CancelBuyerCancel
	}
	// tradeID, with a capital ID, is the parameter's real name.
	params := map[string]string{"webSite": webSite, "tradeID": req.OrderID, "cancelReason": string(reason)}
	setIf(params, "remark", req.Remark)
	body, err := c.call(ctx, specCancelOrder, params)
	if err != nil {
		return nil, err
	}
	return parseCancelOrder(body)
}

// parseCancelOrder reads {success, errorCode, errorMessage}. A body without success true is not
// taken as a cancel: an order the user believes cancelled must really be.
func parseCancelOrder(body []byte) (*CancelOrderResult, error) {
	var w outcome
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(specCancelOrder.name, body, err)
	}
	if w.failed() {
		return nil, w.err(specCancelOrder.name, body)
	}
	if w.Success == nil {
		return nil, malformed(specCancelOrder.name, body, errors.New("no success flag"))
	}
	return &CancelOrderResult{}, nil
}
