package sim

import (
	"net/url"
	"strconv"
	"strings"
)

// maxPayOrders is the per-call limit of alibaba.alipay.url.get (1688.md
// §3.9, §6).
const maxPayOrders = 100

// alipayURL answers com.alibaba.trade:alibaba.alipay.url.get: a cashier URL
// for the payable orders, the rest in payFailureOrderList. Its message key
// is erroMsg (sic, 1688.md §3.9).
func alipayURL(c *call) (any, *GatewayError) {
	var ids []jsonInt64
	if gerr := c.jsonParam("orderIdList", &ids); gerr != nil {
		return nil, gerr
	}
	if len(ids) == 0 || len(ids) > maxPayOrders {
		return bizError(keysAlipay, "400", "orderIdList 需要 1–100 个订单 (1 to 100 orders)"), nil
	}
	var payable []string
	failed := []int64{}
	for _, id := range ids {
		o, _, mine := c.orderOfBuyer(int64(id))
		if mine && o.Status == StatusWaitBuyerPay {
			payable = append(payable, strconv.FormatInt(o.ID, 10))
		} else {
			failed = append(failed, int64(id))
		}
	}
	if len(payable) == 0 {
		body := bizError(keysAlipay, c.s.opts.Codes.PayNotAllowed, "没有可支付的订单 (no payable order)")
		body["payFailureOrderList"] = failed
		return body, nil
	}
	q := url.Values{"orderId": {strings.Join(payable, ",")}}
	return map[string]any{
		"success":             true,
		"payUrl":              c.s.opts.PayURL + "?" + q.Encode(),
		"payFailureOrderList": failed,
	}, nil
}
