package sim

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// longNumbers collects every JSON number too long for float64 to hold.
func longNumbers(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			longNumbers(e, out)
		}
	case []any:
		for _, e := range x {
			longNumbers(e, out)
		}
	case json.Number:
		if len(x) >= 16 {
			*out = append(*out, string(x))
		}
	}
}

func TestEveryAPIAnswersJSONWithExactIDs(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	shipped := s.Orders()[2]
	sid := strconv.FormatInt(shipped.ID, 10)
	known := func() map[string]bool {
		ids := map[string]bool{}
		for _, o := range s.Orders() {
			ids[strconv.FormatInt(o.ID, 10)] = true
			for _, l := range o.Lines {
				ids[strconv.FormatInt(l.SubItemID, 10)] = true
			}
		}
		return ids
	}

	calls := []struct {
		ns, name string
		params   map[string]string
	}{
		{"system", "currentTime", nil},
		{"com.alibaba.trade", "alibaba.createOrder.preview", cart(item(DemoOfferID, DemoSpecRed, 2))},
		{"com.alibaba.trade", "alibaba.trade.fastCreateOrder", with(cart(item(DemoOfferID, DemoSpecRed, 2)), "outOrderId", "json")},
		{"com.alibaba.trade", "alibaba.trade.get.buyerView", map[string]string{"webSite": "1688", "orderId": sid}},
		{"com.alibaba.trade", "alibaba.trade.getBuyerOrderList", map[string]string{"page": "1", "pageSize": "20"}},
		{"com.alibaba.trade", "alibaba.trade.cancel", map[string]string{"webSite": "1688", "tradeID": sid, "cancelReason": "other"}},
		{"com.alibaba.trade", "alibaba.alipay.url.get", map[string]string{"orderIdList": "[" + sid + "]"}},
		{"com.alibaba.logistics", "alibaba.trade.getLogisticsInfos.buyerView", map[string]string{"webSite": "1688", "orderId": sid}},
		{"com.alibaba.logistics", "alibaba.trade.getLogisticsTraceInfo.buyerView", map[string]string{"webSite": "1688", "orderId": sid}},
		{"com.alibaba.product", "alibaba.product.get", map[string]string{"webSite": "1688", "productID": strconv.FormatInt(DemoOfferID, 10)}},
	}
	for _, call := range calls {
		t.Run(call.name, func(t *testing.T) {
			r := c.call(call.ns, call.name, call.params)
			require.Equal(t, http.StatusOK, r.status, string(r.raw))
			var v any
			require.NoError(t, decodeNumbers(r.raw, &v), "strict JSON")
			var long []string
			longNumbers(v, &long)
			ids := known()
			for _, n := range long {
				_, err := strconv.ParseInt(n, 10, 64)
				assert.NoError(t, err, "%s is a long", n)
				if len(n) >= 19 {
					assert.True(t, ids[n], "%s is an id the world holds", n)
				}
			}
		})
	}

	var long []string
	var v any
	require.NoError(t, decodeNumbers(c.trade("alibaba.trade.getBuyerOrderList", nil).raw, &v))
	longNumbers(v, &long)
	assert.Contains(t, long, "3717426277620540788", "the first id, which float64 turns into …928")
}
