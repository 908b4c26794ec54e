package sim

import (
	"cmp"
	"slices"
	"strconv"
	"time"
)

// buyerView answers com.alibaba.trade:alibaba.trade.get.buyerView. Its
// success is the string "true", as the docs type it (1688.md §3.3), so
// clients must parse it leniently.
func buyerView(c *call) (any, *GatewayError) {
	o, _, mine, gerr := c.requestedOrder()
	if gerr != nil {
		return nil, gerr
	}
	if !mine {
		return map[string]any{"success": "false", "errorCode": c.s.opts.Codes.OrderNotFound, "errorMessage": "订单不存在 (order not found)"}, nil
	}
	return map[string]any{"success": "true", "result": c.s.tradeInfoOf(o)}, nil
}

// buyerOrderList answers com.alibaba.trade:alibaba.trade.getBuyerOrderList
// (1688.md §3.4): {result, totalRecord}, newest first, pages from 1. The
// documented shape has no success key, so none is sent on success.
func buyerOrderList(c *call) (any, *GatewayError) {
	page, gerr := c.intParam("page", 1)
	if gerr != nil {
		return nil, gerr
	}
	size, gerr := c.intParam("pageSize", 20)
	if gerr != nil {
		return nil, gerr
	}
	page, size = max(page, 1), min(max(size, 1), c.s.opts.MaxPageSize)
	filter, gerr := c.orderFilter()
	if gerr != nil {
		return nil, gerr
	}
	var hits []Order
	for _, o := range c.s.Orders() {
		if o.BuyerMemberID == c.buyer.MemberID && filter(o) {
			hits = append(hits, o)
		}
	}
	slices.SortStableFunc(hits, func(a, b Order) int {
		if d := b.Created.Compare(a.Created); d != 0 {
			return d
		}
		return cmp.Compare(b.ID, a.ID)
	})
	infos := []tradeInfo{}
	for i := (page - 1) * size; i < len(hits) && i < page*size; i++ {
		infos = append(infos, c.s.tradeInfoOf(hits[i]))
	}
	return map[string]any{"result": infos, "totalRecord": len(hits)}, nil
}

func (c *call) intParam(name string, def int) (int, *GatewayError) {
	raw := c.params.Get(name)
	if raw == "" {
		return def, nil
	}
	v, err := strconv.Atoi(raw)
	if err != nil {
		return 0, c.badParam(name, err)
	}
	return v, nil
}

// orderFilter builds the list filters the simulator supports: status,
// creation and modification windows, seller and outOrderId.
func (c *call) orderFilter() (func(Order) bool, *GatewayError) {
	var windows [4]time.Time
	for i, name := range []string{"createStartTime", "createEndTime", "modifyStartTime", "modifyEndTime"} {
		if raw := c.params.Get(name); raw != "" {
			t, err := parseAopTime(raw)
			if err != nil {
				return nil, c.badParam(name, err)
			}
			windows[i] = t
		}
	}
	status, seller, out := c.params.Get("orderStatus"), c.params.Get("sellerMemberId"), c.params.Get("outOrderId")
	within := func(t, from, to time.Time) bool {
		return (from.IsZero() || !t.Before(from)) && (to.IsZero() || !t.After(to))
	}
	return func(o Order) bool {
		return (status == "" || o.Status == status) &&
			(seller == "" || o.SellerMemberID == seller) &&
			(out == "" || o.OutOrderID == out) &&
			within(o.Created, windows[0], windows[1]) &&
			within(o.Modified, windows[2], windows[3])
	}, nil
}

// cancelOrder answers com.alibaba.trade:alibaba.trade.cancel (1688.md
// §3.5): only unpaid orders, not within CancelMinAge of creation.
func cancelOrder(c *call) (any, *GatewayError) {
	if gerr := c.requireParams("webSite", "cancelReason"); gerr != nil {
		return nil, gerr
	}
	id, gerr := c.int64Param("tradeID", true)
	if gerr != nil {
		return nil, gerr
	}
	reason := c.params.Get("cancelReason")
	if !slices.Contains([]string{"buyerCancel", "sellerGoodsLack", "other"}, reason) {
		// 400_3 is documented without its meaning; a bad argument is the
		// likeliest (GUESS).
		return businessError("400_3", "cancelReason 不合法 (invalid cancelReason)"), nil
	}
	w := c.s.World
	w.mu.Lock()
	defer w.mu.Unlock()
	o, ok := w.orders[id]
	if !ok || o.BuyerMemberID != c.buyer.MemberID {
		return businessError(c.s.opts.Codes.OrderNotFound, "订单不存在 (order not found)"), nil
	}
	if o.Status != StatusWaitBuyerPay {
		return businessError("ORDER_STATUS_ERROR", "订单状态不允许取消 (only unpaid orders can be cancelled)"), nil
	}
	if minAge := c.s.opts.CancelMinAge; minAge > 0 && c.now.Sub(o.Created) < minAge {
		return businessError("CLOSE_ORDER_TOO_FAST", "订单创建后不能立即关闭 (too soon after creation)"), nil
	}
	o.Status, o.CloseReason, o.CloseOperateType = StatusCancel, reason, "CLOSE_TRADE_BY_BUYER"
	o.CloseRemark, o.Completed, o.Modified = c.params.Get("remark"), c.now, c.now
	w.tellOrderLocked(o, TopicOrderBuyerClose, c.now)
	return map[string]any{"success": true}, nil
}
