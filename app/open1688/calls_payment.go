package open1688

import (
	"context"
	"errors"
)

// specAlipayURL is alibaba.alipay.url.get (1688.md §3.9).
var specAlipayURL = apiSpec{namespace: "com.alibaba.trade", name: "alibaba.alipay.url.get", version: 1, token: true, retry: true}

// MaxAlipayOrders is how many orders one payment URL may cover (1688.md §6).
const MaxAlipayOrders = 100

// AlipayURLRequest names the unpaid orders to pay together.
type AlipayURLRequest struct {
	OrderIDs []string // 1 to MaxAlipayOrders order ids
}

// AlipayURLResult is where the buyer pays.
type AlipayURLResult struct {
	PayURL string // open it in the browser, logged in as the buyer
	// FailedOrderIDs are orders that cannot be paid this way (payFailureOrderList).
	FailedOrderIDs []string
}

// AlipayURL asks alibaba.alipay.url.get for an Alipay page that pays the given orders at once.
// It orders nothing and pays nothing itself, so it is safe to retry.
func (c *Client) AlipayURL(ctx context.Context, req AlipayURLRequest) (*AlipayURLResult, error) {
	if len(req.OrderIDs) == 0 || len(req.OrderIDs) > MaxAlipayOrders {
		return nil, invalid("AlipayURL takes 1 to %d orders, not %d", MaxAlipayOrders, len(req.OrderIDs))
	}
	ids, err := idListParam("OrderIDs", req.OrderIDs)
	if err != nil {
		return nil, err
	}
	body, err := c.call(ctx, specAlipayURL, map[string]string{"orderIdList": ids})
	if err != nil {
		return nil, err
	}
	return parseAlipayURL(body)
}

// failedPayOrder is an entry of payFailureOrderList. Its shape is not documented (GUESS): an id
// as a number or string, or an object with orderId, are all read.
type failedPayOrder string

// UnmarshalJSON keeps the order id of either shape.
func (f *failedPayOrder) UnmarshalJSON(b []byte) error {
	var id jsonID
	if err := id.UnmarshalJSON(b); err == nil {
		*f = failedPayOrder(id)
		return nil
	}
	var obj struct {
		OrderID jsonID `json:"orderId"`
	}
	if err := decodeBody(b, &obj); err != nil {
		return err
	}
	*f = failedPayOrder(obj.OrderID)
	return nil
}

// parseAlipayURL reads {payUrl, success, errorCode, erroMsg, payFailureOrderList}.
func parseAlipayURL(body []byte) (*AlipayURLResult, error) {
	api := specAlipayURL.name
	var w struct {
		outcome
		PayURL   jsonText         `json:"payUrl"`
		Failures []failedPayOrder `json:"payFailureOrderList"`
	}
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(api, body, err)
	}
	if w.failed() {
		return nil, w.err(api, body)
	}
	res := &AlipayURLResult{PayURL: string(w.PayURL)}
	for _, f := range w.Failures {
		if f != "" {
			res.FailedOrderIDs = append(res.FailedOrderIDs, string(f))
		}
	}
	if res.PayURL == "" && len(res.FailedOrderIDs) == 0 {
		return nil, malformed(api, body, errors.New("no payUrl"))
	}
	return res, nil
}
