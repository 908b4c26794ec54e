package open1688

import (
	"context"
	"errors"
	"strings"
	"time"
)

// specCreateOrder is alibaba.trade.fastCreateOrder (1688.md §3.2). It is never retried by the
// client: a lost answer may hide a placed order, which only a lookup by outOrderId can tell.
var specCreateOrder = apiSpec{namespace: "com.alibaba.trade", name: "alibaba.trade.fastCreateOrder", version: 1, token: true, retry: false}

// CreateOrderRequest is a cart to order. OutOrderID is required: it is caigou's own id for the
// order, which makes a repeated request recognisable (see FindOrderByOutOrderID).
type CreateOrderRequest struct {
	OutOrderID string // required: our id, unique per order attempt
	Address    Address
	Items      []CartItem
	Flow       string // empty means FlowGeneral
	TradeType  string // a TradeMode.TradeType from the preview; empty lets the platform choose
	Message    string // the buyer's note to the seller
	// Extra holds further parameters sent as they are (e.g. preSelectPayChannel), so a parameter
	// 1688.md could not confirm can be tried without a code change.
	// They never replace a parameter the call sets itself.
	Extra map[string]string
}

// CreateOrderResult is what fastCreateOrder placed.
type CreateOrderResult struct {
	// OrderIDs are the new orders. A cart spanning several sellers may give several; how the
	// platform joins them is not documented, so both a joined orderId and an orderList are read.
	OrderIDs     []string
	Total        Fen           // totalSuccessAmount (fen on the wire)
	PostFee      Fen           // postFee (fen)
	FailedOffers []FailedOffer // lines that were not ordered
}

// FailedOffer is a cart line that fastCreateOrder could not order.
type FailedOffer struct {
	OfferID      string
	SpecID       string
	ErrorCode    string
	ErrorMessage string
}

// CreateOrder places an order through alibaba.trade.fastCreateOrder with req.OutOrderID. It is
// made once and never retried. When it fails with KindNetwork or KindUnknown the order may
// still exist: resolve that with FindOrderByOutOrderID before ordering again, or the buyer may
// pay twice. A success in which nothing was ordered is a KindBusiness error naming the first
// failed line.
func (c *Client) CreateOrder(ctx context.Context, req CreateOrderRequest) (*CreateOrderResult, error) {
	if strings.TrimSpace(req.OutOrderID) == "" {
		return nil, invalid("CreateOrder needs an OutOrderID, or a retry could order twice")
	}
	params := map[string]string{"outOrderId": req.OutOrderID}
	if err := cartParams(params, req.Address, req.Items, req.Flow); err != nil {
		return nil, err
	}
	setIf(params, "tradeType", req.TradeType)
	setIf(params, "message", req.Message)
	addExtra(params, req.Extra)
	body, err := c.call(ctx, specCreateOrder, params)
	if err != nil {
		return nil, err
	}
	return parseCreateOrder(body)
}

type wireCreate struct {
	outcome
	Result *struct {
		OrderID   jsonText `json:"orderId"`
		OrderList []struct {
			OrderID jsonID `json:"orderId"`
		} `json:"orderList"`
		TotalSuccessAmount jsonFen `json:"totalSuccessAmount"`
		PostFee            jsonFen `json:"postFee"`
		FailedOfferList    []struct {
			OfferID      jsonID   `json:"offerId"`
			SpecID       jsonText `json:"specId"`
			ErrorCode    jsonText `json:"errorCode"`
			ErrorMessage jsonText `json:"errorMessage"`
		} `json:"failedOfferList"`
	} `json:"result"`
}

// parseCreateOrder reads the create answer, whose failure pair is code/message.
func parseCreateOrder(body []byte) (*CreateOrderResult, error) {
	api := specCreateOrder.name
	var w wireCreate
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(api, body, err)
	}
	if w.failed() {
		return nil, w.err(api, body)
	}
	if w.Result == nil {
		return nil, malformed(api, body, errors.New("no result"))
	}
	r := w.Result
	res := &CreateOrderResult{Total: Fen(r.TotalSuccessAmount), PostFee: Fen(r.PostFee)}
	for _, id := range splitList(string(r.OrderID)) {
		if !isDigits(id) {
			return nil, malformed(api, body, errors.New("order id "+id+" is not digits"))
		}
		res.OrderIDs = appendNew(res.OrderIDs, id)
	}
	for _, o := range r.OrderList {
		if o.OrderID != "" {
			res.OrderIDs = appendNew(res.OrderIDs, string(o.OrderID))
		}
	}
	for _, f := range r.FailedOfferList {
		res.FailedOffers = append(res.FailedOffers, FailedOffer{
			OfferID: string(f.OfferID), SpecID: string(f.SpecID),
			ErrorCode: string(f.ErrorCode), ErrorMessage: string(f.ErrorMessage),
		})
	}
	if len(res.OrderIDs) == 0 {
		e := &Error{Kind: KindBusiness, API: api, Status: 200, Message: "no order was created", Body: truncateBody(body)}
		if len(res.FailedOffers) > 0 {
			e.Code, e.Message = res.FailedOffers[0].ErrorCode, res.FailedOffers[0].ErrorMessage
		}
		return nil, e
	}
	return res, nil
}

// appendNew appends s unless list already holds it.
func appendNew(list []string, s string) []string {
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}

// FindOrderMaxPages bounds how many pages FindOrderByOutOrderID reads, since each page is one
// call of the daily budget.
const FindOrderMaxPages = 5

// FindOrderByOutOrderID looks for the order that CreateOrder placed with outOrderID, created at
// or after createdFrom (pass the time just before CreateOrder was called). It is how a caller
// resolves a CreateOrder whose answer was lost: found means the order exists and must not be
// placed again; not found means ordering again with the same OutOrderID is safe.
//
// It asks getBuyerOrderList with the outOrderId filter and the creation time, and matches
// baseInfo.outOrderId itself, because the filter comes only from newer docs (1688.md §3.4): if
// the gateway ignores it, the pages are scanned, at most FindOrderMaxPages of them.
func (c *Client) FindOrderByOutOrderID(ctx context.Context, outOrderID string, createdFrom time.Time) (Order, bool, error) {
	if strings.TrimSpace(outOrderID) == "" {
		return Order{}, false, invalid("FindOrderByOutOrderID needs an outOrderID")
	}
	for page := 1; page <= FindOrderMaxPages; page++ {
		list, err := c.BuyerOrderList(ctx, BuyerOrderListRequest{
			Page: page, OutOrderID: outOrderID, CreatedFrom: createdFrom,
		})
		if err != nil {
			return Order{}, false, err
		}
		for _, o := range list.Orders {
			if o.OutOrderID == outOrderID {
				return o, true, nil
			}
		}
		if len(list.Orders) == 0 || int64(page*DefaultOrderPageSize) >= list.TotalRecord {
			return Order{}, false, nil
		}
	}
	return Order{}, false, nil
}
