package sim

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// placeOrder creates an order through the gateway and returns its id.
func placeOrder(t *testing.T, c *client, out string) int64 {
	t.Helper()
	r := c.trade("alibaba.trade.fastCreateOrder", with(cart(item(DemoOfferID, DemoSpecRed, 2)), "outOrderId", out))
	require.Equal(t, true, r.body["success"], string(r.raw))
	id, err := strconv.ParseInt(dig(t, r.body, "result", "orderId").(string), 10, 64)
	require.NoError(t, err)
	return id
}

func view(c *client, id int64) reply {
	return c.trade("alibaba.trade.get.buyerView", map[string]string{"webSite": "1688", "orderId": strconv.FormatInt(id, 10)})
}

func TestBuyerViewKeepsIDsExactAndSuccessAsString(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	id := placeOrder(t, c, "cg-1")
	r := view(c, id)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	assert.Equal(t, "true", r.body["success"], "get.buyerView sends success as a string")

	got := dig(t, r.body, "result", "baseInfo", "id").(json.Number)
	assert.Equal(t, strconv.FormatInt(id, 10), got.String(), "every digit survives with UseNumber")
	assert.Equal(t, got.String(), dig(t, r.body, "result", "baseInfo", "idOfStr"))

	// The same body read into float64 loses the id, which is the point.
	var lossy map[string]any
	require.NoError(t, json.Unmarshal(r.raw, &lossy))
	f := dig(t, lossy, "result", "baseInfo", "id").(float64)
	assert.NotEqual(t, id, int64(f))

	base := dig(t, r.body, "result", "baseInfo")
	assert.Equal(t, StatusWaitBuyerPay, dig(t, base, "status"))
	assert.Equal(t, json.Number("33.00"), dig(t, base, "totalAmount"), "2 × 12.50 + 8.00 yuan")
	assert.Equal(t, json.Number("8.00"), dig(t, base, "shippingFee"))
	assert.Equal(t, json.Number("25.00"), dig(t, base, "sumProductPayment"))
	assert.Equal(t, json.Number("0"), dig(t, base, "discount"), "discount is fen")
	assert.Equal(t, "20260310100000000+0800", dig(t, base, "createTime"))
	assert.Equal(t, DemoBuyer, dig(t, base, "buyerID"))
	assert.Equal(t, DemoSeller, dig(t, base, "sellerID"))
	assert.Equal(t, "cg-1", dig(t, base, "outOrderId"))
	assert.Equal(t, "assureTrade", dig(t, base, "tradeTypeCode"))
	assert.Equal(t, "张三", dig(t, base, "receiverInfo", "toFullName"))

	it := dig(t, r.body, "result", "productItems", 0)
	assert.Equal(t, json.Number(strconv.FormatInt(DemoOfferID, 10)), dig(t, it, "productID"))
	assert.Equal(t, DemoSpecRed, dig(t, it, "specId"))
	sub := dig(t, it, "subItemID").(json.Number)
	assert.Equal(t, sub.String(), dig(t, it, "subItemIDString"))
	assert.Equal(t, json.Number("12.50"), dig(t, it, "price"))
	assert.Equal(t, json.Number("25.00"), dig(t, it, "itemAmount"))
	assert.Equal(t, "颜色", dig(t, it, "skuInfos", 0, "name"))
	assert.Equal(t, json.Number("1"), dig(t, it, "logisticsStatus"))
}

func TestBuyerViewOfAnUnknownOrAnotherBuyersOrder(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	require.NoError(t, s.AddBuyer(Buyer{MemberID: "b2b-other", BoughtFrom: []string{DemoSeller}}))
	require.NoError(t, s.Authorize(Authorization{AppKey: DemoAppKey, MemberID: "b2b-other", AccessToken: "other-token"}))
	id := placeOrder(t, c, "mine")

	other := *c
	other.token = "other-token"
	for _, r := range []reply{view(c, 3717426277620549999), view(&other, id)} {
		require.Equal(t, http.StatusOK, r.status)
		assert.Equal(t, "false", r.body["success"])
		assert.Equal(t, "ORDER_NOT_EXIST", r.body["errorCode"])
		assert.NotEmpty(t, r.body["errorMessage"])
	}
	requireGatewayError(t, c.trade("alibaba.trade.get.buyerView", map[string]string{"orderId": strconv.FormatInt(id, 10)}), 400, "gw.ParamMissing")
}

func TestBuyerOrderListPagesNewestFirst(t *testing.T) {
	s, clock := startSim(t, Options{})
	c := newClient(t, s)
	var ids []int64
	for i := range 3 {
		clock.Advance(time.Minute)
		ids = append(ids, placeOrder(t, c, "list-"+strconv.Itoa(i)))
	}
	r := c.trade("alibaba.trade.getBuyerOrderList", map[string]string{"page": "1", "pageSize": "2"})
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	assert.NotContains(t, r.body, "success", "the documented list shape has no success key")
	assert.Equal(t, json.Number("8"), r.body["totalRecord"])
	require.Len(t, r.body["result"], 2)
	assert.Equal(t, strconv.FormatInt(ids[2], 10), dig(t, r.body, "result", 0, "baseInfo", "id").(json.Number).String())
	assert.Equal(t, strconv.FormatInt(ids[1], 10), dig(t, r.body, "result", 1, "baseInfo", "idOfStr"))
	r = c.trade("alibaba.trade.getBuyerOrderList", map[string]string{"page": "2", "pageSize": "2"})
	assert.Equal(t, strconv.FormatInt(ids[0], 10), dig(t, r.body, "result", 0, "baseInfo", "idOfStr"))
	assert.Equal(t, strconv.FormatInt(firstOrderID, 10), dig(t, r.body, "result", 1, "baseInfo", "idOfStr"), "then the seeded ones by createTime")

	r = c.trade("alibaba.trade.getBuyerOrderList", map[string]string{"page": "5", "pageSize": "2"})
	assert.Empty(t, r.body["result"])
	assert.Equal(t, json.Number("8"), r.body["totalRecord"])

	filters := []struct {
		params map[string]string
		want   string
	}{
		{map[string]string{"orderStatus": "waitsellersend"}, "1"},
		{map[string]string{"outOrderId": "list-1"}, "1"},
		{map[string]string{"createStartTime": "20260310100000000+0800"}, "3"},
		{map[string]string{"createEndTime": "20260310000000000+0800"}, "4"},
		{map[string]string{"modifyStartTime": "20260310100100000+0800", "modifyEndTime": "20260310100100000+0800"}, "1"},
		{map[string]string{"sellerMemberId": DemoNewSeller}, "0"},
	}
	for _, f := range filters {
		r := c.trade("alibaba.trade.getBuyerOrderList", f.params)
		assert.Equal(t, json.Number(f.want), r.body["totalRecord"], "%v", f.params)
	}
	requireGatewayError(t, c.trade("alibaba.trade.getBuyerOrderList", map[string]string{"createStartTime": "2026-03-10"}), 400, "gw.ParamInvalid")
}

func TestBuyerOrderListClampsPageSize(t *testing.T) {
	s, _ := startSim(t, Options{MaxPageSize: 2})
	r := newClient(t, s).trade("alibaba.trade.getBuyerOrderList", map[string]string{"pageSize": "100"})
	assert.Len(t, r.body["result"], 2)
}

func TestCancelRules(t *testing.T) {
	s, clock := startSim(t, Options{})
	c := newClient(t, s)
	cancel := func(id int64, reason string) reply {
		return c.trade("alibaba.trade.cancel", map[string]string{
			"webSite": "1688", "tradeID": strconv.FormatInt(id, 10), "cancelReason": reason, "remark": "买错了",
		})
	}
	id := placeOrder(t, c, "to-cancel")
	r := cancel(id, "buyerCancel")
	assert.Equal(t, false, r.body["success"])
	assert.Equal(t, "CLOSE_ORDER_TOO_FAST", r.body["errorCode"])

	clock.Advance(10 * time.Second)
	assert.Equal(t, "400_3", cancel(id, "changedMyMind").body["errorCode"])
	r = cancel(id, "buyerCancel")
	assert.Equal(t, true, r.body["success"], string(r.raw))
	o, _ := s.Order(id)
	assert.Equal(t, StatusCancel, o.Status)
	assert.Equal(t, "CLOSE_TRADE_BY_BUYER", o.CloseOperateType)
	assert.Equal(t, "买错了", o.CloseRemark)
	assert.Equal(t, "buyerCancel", dig(t, view(c, id).body, "result", "baseInfo", "closeReason"))

	assert.Equal(t, "ORDER_STATUS_ERROR", cancel(id, "buyerCancel").body["errorCode"], "already closed")
	paid := placeOrder(t, c, "paid")
	require.NoError(t, s.Pay(paid))
	clock.Advance(time.Minute)
	assert.Equal(t, "ORDER_STATUS_ERROR", cancel(paid, "other").body["errorCode"], "only unpaid orders")
	assert.Equal(t, "ORDER_NOT_EXIST", cancel(42, "other").body["errorCode"])
}

func TestCancelGuardCanBeDisabled(t *testing.T) {
	s, _ := startSim(t, Options{CancelMinAge: -1})
	c := newClient(t, s)
	id := placeOrder(t, c, "x")
	r := c.trade("alibaba.trade.cancel", map[string]string{"webSite": "1688", "tradeID": strconv.FormatInt(id, 10), "cancelReason": "other"})
	assert.Equal(t, true, r.body["success"], string(r.raw))
}

func TestOrderLifecycle(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	id := placeOrder(t, c, "life")
	require.ErrorIs(t, s.Receive(id), ErrWrongStatus)
	_, err := s.Ship(id, Shipment{})
	require.ErrorIs(t, err, ErrWrongStatus, "unpaid orders do not ship")

	steps := []struct {
		do   func() error
		want string
	}{
		{func() error { return s.Pay(id) }, "waitsellersend"},
		{func() error { _, err := s.Ship(id, Shipment{BillNo: "SF1234567890"}); return err }, "waitbuyerreceive"},
		{func() error { return s.Receive(id) }, "confirm_goods"},
		{func() error { return s.Complete(id) }, "success"},
	}
	for _, st := range steps {
		require.NoError(t, st.do())
		assert.Equal(t, st.want, dig(t, view(c, id).body, "result", "baseInfo", "status"))
	}
	base := dig(t, view(c, id).body, "result", "baseInfo")
	for _, k := range []string{"payTime", "allDeliveredTime", "receivingTime", "completeTime"} {
		assert.Regexp(t, `^\d{17}\+0800$`, dig(t, base, k), k)
	}
	assert.Equal(t, "SF1234567890", dig(t, view(c, id).body, "result", "nativeLogistics", "logisticsItems", 0, "logisticsBillNo"))
	assert.Equal(t, json.Number("3"), dig(t, view(c, id).body, "result", "productItems", 0, "logisticsStatus"))
	require.ErrorIs(t, s.Cancel(id), ErrWrongStatus, "a finished trade stays finished")

	other := placeOrder(t, c, "closed by seller")
	require.NoError(t, s.Cancel(other))
	assert.Equal(t, "CLOSE_TRADE_BY_SELLER", dig(t, view(c, other).body, "result", "baseInfo", "closeOperateType"))
	require.NoError(t, s.SetStatus(other, "waitselleract"))
	assert.Equal(t, "waitselleract", dig(t, view(c, other).body, "result", "baseInfo", "status"))
	assert.True(t, errors.Is(s.Pay(1), ErrNotFound))
}

func TestSeededWorldHasOneOrderPerBucket(t *testing.T) {
	s, _ := startSim(t, Options{})
	var statuses []string
	for _, o := range s.Orders() {
		statuses = append(statuses, o.Status)
	}
	assert.Equal(t, []string{"waitbuyerpay", "waitsellersend", "waitbuyerreceive", "success", "cancel"}, statuses)
	assert.Equal(t, firstOrderID, s.Orders()[0].ID)
}
