package open1688

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
)

var (
	// specOrderDetail is get.buyerView (1688.md §3.3).
	specOrderDetail = apiSpec{namespace: "com.alibaba.trade", name: "alibaba.trade.get.buyerView", version: 1, token: true, retry: true}
	// specBuyerOrderList is getBuyerOrderList (1688.md §3.4).
	specBuyerOrderList = apiSpec{namespace: "com.alibaba.trade", name: "alibaba.trade.getBuyerOrderList", version: 1, token: true, retry: true}
)

// DefaultOrderPageSize is the page size BuyerOrderList asks for when the request names none.
// The platform's maximum is not published (1688.md §8); 20 is the size 1688.md suggests.
const DefaultOrderPageSize = 20

// OrderDetailRequest asks for one order by its id.
type OrderDetailRequest struct {
	OrderID string // required: the 1688 order id, digits
	// IncludeFields chooses the optional parts (GuaranteesTerms, NativeLogistics, RateDetail,
	// OrderInvoice, InvoicingSetting); empty means the platform's default set.
	IncludeFields []string
	AttributeKeys []string // optional extAttributes keys
}

// OrderDetailResult is the answer of OrderDetail.
type OrderDetailResult struct {
	Order Order
}

// OrderDetail reads one order through alibaba.trade.get.buyerView: the source of truth that a
// pushed message sends the tracker back to (1688.md §5.1).
func (c *Client) OrderDetail(ctx context.Context, req OrderDetailRequest) (*OrderDetailResult, error) {
	if err := checkID("OrderID", req.OrderID); err != nil {
		return nil, err
	}
	params := map[string]string{"webSite": webSite, "orderId": req.OrderID}
	setIf(params, "includeFields", strings.Join(req.IncludeFields, ","))
	if len(req.AttributeKeys) > 0 {
		keys, err := marshalParam(req.AttributeKeys)
		if err != nil {
			return nil, invalid("AttributeKeys: %v", err)
		}
		params["attributeKeys"] = keys
	}
	body, err := c.call(ctx, specOrderDetail, params)
	if err != nil {
		return nil, err
	}
	return parseOrderDetail(body)
}

// parseOrderDetail reads {result: TradeInfo, success, errorCode, errorMessage}.
func parseOrderDetail(body []byte) (*OrderDetailResult, error) {
	var w struct {
		outcome
		Result *wireTradeInfo `json:"result"`
	}
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(specOrderDetail.name, body, err)
	}
	if w.failed() {
		return nil, w.err(specOrderDetail.name, body)
	}
	if w.Result == nil {
		return nil, malformed(specOrderDetail.name, body, errors.New("no result"))
	}
	o := w.Result.order()
	if o.ID == "" {
		return nil, malformed(specOrderDetail.name, body, errors.New("the order has no id"))
	}
	return &OrderDetailResult{Order: o}, nil
}

// BuyerOrderListRequest filters and pages the buyer's orders. Every filter is optional; a zero
// value sends nothing.
type BuyerOrderListRequest struct {
	Page     int // from 1; 0 means 1
	PageSize int // 0 means DefaultOrderPageSize

	Status       OrderStatus // orderStatus
	RefundStatus string
	CreatedFrom  time.Time // createStartTime
	CreatedTo    time.Time // createEndTime
	ModifiedFrom time.Time // modifyStartTime
	ModifiedTo   time.Time // modifyEndTime

	OutOrderID     string   // our own id given to CreateOrder (listed by newer docs only)
	OrderIDs       []string // orderIds (listed by newer docs only)
	BizTypes       []string // e.g. "cn", "ws"
	SellerMemberID string
	SellerLoginID  string
	ProductName    string
	TradeType      string
	History        bool // isHis: search the order history instead of recent orders

	NeedBuyerAddressAndPhone bool
	NeedMemoInfo             bool
}

// BuyerOrderListResult is one page of orders.
type BuyerOrderListResult struct {
	Orders      []Order
	TotalRecord int64 // how many orders match, across all pages
}

// BuyerOrderList lists the buyer's orders, one page at a time, through
// alibaba.trade.getBuyerOrderList. With PageSize 1 it is the wizard's token check.
func (c *Client) BuyerOrderList(ctx context.Context, req BuyerOrderListRequest) (*BuyerOrderListResult, error) {
	params, err := req.params()
	if err != nil {
		return nil, err
	}
	body, err := c.call(ctx, specBuyerOrderList, params)
	if err != nil {
		return nil, err
	}
	return parseBuyerOrderList(body)
}

// params builds the form of a BuyerOrderListRequest.
func (r *BuyerOrderListRequest) params() (map[string]string, error) {
	page, size := r.Page, r.PageSize
	if page < 0 || size < 0 {
		return nil, invalid("negative page %d or page size %d", page, size)
	}
	if page == 0 {
		page = 1
	}
	if size == 0 {
		size = DefaultOrderPageSize
	}
	params := map[string]string{"page": strconv.Itoa(page), "pageSize": strconv.Itoa(size)}
	setIf(params, "orderStatus", string(r.Status))
	setIf(params, "refundStatus", r.RefundStatus)
	for key, t := range map[string]time.Time{
		"createStartTime": r.CreatedFrom, "createEndTime": r.CreatedTo,
		"modifyStartTime": r.ModifiedFrom, "modifyEndTime": r.ModifiedTo,
	} {
		if !t.IsZero() {
			params[key] = FormatTime(t)
		}
	}
	setIf(params, "outOrderId", r.OutOrderID)
	if len(r.OrderIDs) > 0 {
		ids, err := idListParam("OrderIDs", r.OrderIDs)
		if err != nil {
			return nil, err
		}
		params["orderIds"] = ids
	}
	if len(r.BizTypes) > 0 {
		types, err := marshalParam(r.BizTypes)
		if err != nil {
			return nil, invalid("BizTypes: %v", err)
		}
		params["bizTypes"] = types
	}
	setIf(params, "sellerMemberId", r.SellerMemberID)
	setIf(params, "sellerLoginId", r.SellerLoginID)
	setIf(params, "productName", r.ProductName)
	setIf(params, "tradeType", r.TradeType)
	setFlag(params, "isHis", r.History)
	setFlag(params, "needBuyerAddressAndPhone", r.NeedBuyerAddressAndPhone)
	setFlag(params, "needMemoInfo", r.NeedMemoInfo)
	return params, nil
}

// parseBuyerOrderList reads {result: TradeInfo[], totalRecord, errorCode, errorMessage}. The
// list API has no documented success flag, so an errorCode without a result is the failure.
func parseBuyerOrderList(body []byte) (*BuyerOrderListResult, error) {
	var w struct {
		outcome
		Result      []wireTradeInfo `json:"result"`
		TotalRecord jsonInt         `json:"totalRecord"`
	}
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(specBuyerOrderList.name, body, err)
	}
	if w.failed() || (w.Success == nil && w.ErrorCode != "" && len(w.Result) == 0) {
		return nil, w.err(specBuyerOrderList.name, body)
	}
	res := &BuyerOrderListResult{TotalRecord: int64(w.TotalRecord), Orders: make([]Order, 0, len(w.Result))}
	for i := range w.Result {
		o := w.Result[i].order()
		if o.ID == "" {
			return nil, malformed(specBuyerOrderList.name, body, errors.New("an order has no id"))
		}
		res.Orders = append(res.Orders, o)
	}
	return res, nil
}
