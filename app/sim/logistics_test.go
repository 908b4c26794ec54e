package sim

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func logisticsCall(c *client, name string, id int64) reply {
	return c.call("com.alibaba.logistics", name, map[string]string{"webSite": "1688", "orderId": strconv.FormatInt(id, 10)})
}

func TestLogisticsInfos(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	id := placeOrder(t, c, "ship-me")
	require.NoError(t, s.Pay(id))

	r := logisticsCall(c, "alibaba.trade.getLogisticsInfos.buyerView", id)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	assert.Equal(t, false, r.body["success"])
	assert.Equal(t, "500_2", r.body["errorCode"], "not shipped yet (1688.md §3.6)")

	lid, err := s.Ship(id, Shipment{CompanyName: "中通快递", CompanyNo: "ZTO", BillNo: "ZT778899"})
	require.NoError(t, err)
	r = logisticsCall(c, "alibaba.trade.getLogisticsInfos.buyerView", id)
	assert.Equal(t, true, r.body["success"], string(r.raw))
	lo := dig(t, r.body, "result", 0)
	assert.Equal(t, lid, dig(t, lo, "logisticsId"))
	assert.Equal(t, "ZT778899", dig(t, lo, "logisticsBillNo"))
	assert.Equal(t, "中通快递", dig(t, lo, "logisticsCompanyName"))
	assert.Equal(t, "ACCEPT", dig(t, lo, "status"))
	o, _ := s.Order(id)
	assert.Equal(t, strconv.FormatInt(o.Lines[0].SubItemID, 10), dig(t, lo, "orderEntryIds"))
	assert.Equal(t, "张三", dig(t, lo, "receiver", "receiverName"))
	assert.Equal(t, json.Number("2"), dig(t, lo, "sendGoods", 0, "quantity"))

	assert.Equal(t, "ORDER_NOT_EXIST", logisticsCall(c, "alibaba.trade.getLogisticsInfos.buyerView", 7).body["errorCode"])
}

func TestLogisticsTraceWithoutAndWithSteps(t *testing.T) {
	s, clock := startSim(t, Options{})
	c := newClient(t, s)
	id := placeOrder(t, c, "trace-me")
	const api = "alibaba.trade.getLogisticsTraceInfo.buyerView"

	// No parcel yet, then a parcel without a trace: the observed answer is
	// success with an error message and no data (1688.md §3.7).
	noTrace := func() {
		t.Helper()
		r := logisticsCall(c, api, id)
		require.Equal(t, http.StatusOK, r.status, string(r.raw))
		assert.JSONEq(t, `{"errorMessage":"该订单没有物流跟踪信息。","success":true}`, string(r.raw))
	}
	noTrace()
	require.NoError(t, s.Pay(id))
	_, err := s.Ship(id, Shipment{})
	require.NoError(t, err)
	noTrace()

	clock.Advance(90 * time.Minute)
	require.NoError(t, s.AddTrace(id, "ACCEPT", "【金华市】快件已揽收"))
	r := logisticsCall(c, api, id)
	assert.Equal(t, true, r.body["success"])
	tr := dig(t, r.body, "logisticsTrace", 0)
	assert.Equal(t, strconv.FormatInt(id, 10), dig(t, tr, "orderId").(json.Number).String())
	assert.Equal(t, "2026-03-10 11:30:00", dig(t, tr, "logisticsSteps", 0, "acceptTime"), "yyyy-MM-dd HH:mm:ss here")
	assert.Equal(t, "【金华市】快件已揽收", dig(t, tr, "logisticsSteps", 0, "remark"))
	assert.Equal(t, "ACCEPT", dig(t, tr, "traceNodeList", 0, "action"))

	only := c.call("com.alibaba.logistics", api, map[string]string{"webSite": "1688", "orderId": strconv.FormatInt(id, 10), "logisticsId": "BXnope"})
	assert.Equal(t, noTraceMessage, only.body["errorMessage"])

	assert.Equal(t, "404", logisticsCall(c, api, 5).body["errorCode"])
	require.NoError(t, s.AddBuyer(Buyer{MemberID: "b2b-other"}))
	require.NoError(t, s.Authorize(Authorization{AppKey: DemoAppKey, MemberID: "b2b-other", AccessToken: "other"}))
	other := *c
	other.token = "other"
	assert.Equal(t, "order.nopermission.buyer", logisticsCall(&other, api, id).body["errorCode"])
}
