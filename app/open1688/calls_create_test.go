package open1688

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	testAddress = Address{
		FullName: "张三", Mobile: "13800000000", ProvinceText: "浙江省", CityText: "杭州市",
		AreaText: "西湖区", Address: "文三路 1号", PostCode: "310000",
	}
	testCart = []CartItem{{OfferID: fixtureOfferID, SpecID: fixtureSpecID, Quantity: 2}}
)

// The exact JSON texts the address and the cart are sent and signed as.
const (
	wantAddressParam = `{"fullName":"张三","mobile":"13800000000","postCode":"310000","provinceText":"浙江省",` +
		`"cityText":"杭州市","areaText":"西湖区","address":"文三路 1号"}`
	wantCargoParam = `[{"offerId":624117432001,"specId":"b266e0726506185beaa205cbae88a40a","quantity":2}]`
)

func TestPreviewOrderRequestAndParse(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixturePreview)
	res, err := c.PreviewOrder(context.Background(), PreviewOrderRequest{
		Address: testAddress, Items: testCart, Extra: map[string]string{"instanceId": "i-1"},
	})
	require.NoError(t, err)

	sent := srv.last(t)
	assertSent(t, sent, "com.alibaba.trade", "alibaba.createOrder.preview", true)
	assert.Equal(t, wantAddressParam, sent.Form.Get("addressParam"))
	assert.Equal(t, wantCargoParam, sent.Form.Get("cargoParamList"))
	assert.Equal(t, "general", sent.Form.Get("flow"))
	assert.Equal(t, "i-1", sent.Form.Get("instanceId"), "extra parameters are sent as they are")
	assert.NotContains(t, sent.Form, "outOrderId")

	require.Len(t, res.Orders, 1)
	p := res.Orders[0]
	assert.True(t, p.OK)
	assert.Equal(t, Fen(11235), p.Total, "sumPayment is already fen")
	assert.Equal(t, Fen(1000), p.Shipping)
	assert.Equal(t, Fen(10235), p.Goods)
	assert.Equal(t, []TradeMode{{TradeType: "assureTrade", Name: "担保交易", OpSupport: true}}, p.TradeModes)
	assert.Equal(t, []PreviewItem{{
		OfferID: fixtureOfferID, SpecID: fixtureSpecID, SkuID: "4567890123456",
		Amount: 10235, UnitPrice: 5118,
	}}, p.Items)
	assert.Equal(t, []string{fixtureOfferID}, res.PostFeeByDescOfferIDs)
	assert.Empty(t, res.ConsignOfferIDs)
}

func TestPreviewOrderErrorUsesErrorMsg(t *testing.T) {
	c, _ := newFixtureClient(t, http.StatusOK, `{"success":false,"errorCode":"500_003","errorMsg":"收货地址有误"}`)
	_, err := c.PreviewOrder(context.Background(), PreviewOrderRequest{Address: testAddress, Items: testCart})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, KindBusiness, e.Kind)
	assert.Equal(t, "500_003", e.Code)
	assert.Equal(t, "收货地址有误", e.Message)
}

func TestCartIsCheckedBeforeSending(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixturePreview)
	for name, req := range map[string]PreviewOrderRequest{
		"no items":      {Address: testAddress},
		"no address":    {Items: testCart},
		"bad offer":     {Address: testAddress, Items: []CartItem{{OfferID: "abc", Quantity: 1}}},
		"zero quantity": {Address: testAddress, Items: []CartItem{{OfferID: fixtureOfferID}}},
	} {
		_, err := c.PreviewOrder(context.Background(), req)
		assert.ErrorIs(t, err, ErrInvalidRequest, name)
	}
	assert.Zero(t, srv.count())

	_, err := c.PreviewOrder(context.Background(), PreviewOrderRequest{Address: Address{AddressID: 42}, Items: testCart})
	require.NoError(t, err, "an address-book id alone is an address")
	assert.Equal(t, `{"addressId":42}`, srv.last(t).Form.Get("addressParam"))
}

func TestCreateOrderSendsOutOrderIDAndParses(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureCreate)
	res, err := c.CreateOrder(context.Background(), CreateOrderRequest{
		OutOrderID: fixtureOutOrder, Address: testAddress, Items: testCart,
		TradeType: "assureTrade", Message: "请尽快发货",
		Extra: map[string]string{"outOrderId": "", "preSelectPayChannel": "alipay"},
	})
	require.NoError(t, err)

	sent := srv.last(t)
	assertSent(t, sent, "com.alibaba.trade", "alibaba.trade.fastCreateOrder", true)
	assert.Equal(t, fixtureOutOrder, sent.Form.Get("outOrderId"), "Extra cannot replace outOrderId")
	assert.Equal(t, "alipay", sent.Form.Get("preSelectPayChannel"), "Extra adds what the call does not set")
	assert.Equal(t, wantAddressParam, sent.Form.Get("addressParam"))
	assert.Equal(t, wantCargoParam, sent.Form.Get("cargoParamList"))
	assert.Equal(t, "general", sent.Form.Get("flow"))
	assert.Equal(t, "assureTrade", sent.Form.Get("tradeType"))
	assert.Equal(t, "请尽快发货", sent.Form.Get("message"))

	assert.Equal(t, &CreateOrderResult{OrderIDs: []string{bigOrderID}, Total: 11235, PostFee: 1000}, res)
}

func TestCreateOrderWithoutOutOrderIDSendsNothing(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureCreate)
	for _, id := range []string{"", "  "} {
		_, err := c.CreateOrder(context.Background(), CreateOrderRequest{OutOrderID: id, Address: testAddress, Items: testCart})
		assert.ErrorIs(t, err, ErrInvalidRequest)
	}
	assert.Zero(t, srv.count())
}

func TestCreateOrderIsNeverRetried(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusServiceUnavailable, `{"error_code":"503","error_message":"busy"}`,
		func(cfg *Config) { cfg.Retry = RetryPolicy{Attempts: 5, BaseDelay: 1, MaxDelay: 1} })
	_, err := c.CreateOrder(context.Background(), CreateOrderRequest{OutOrderID: fixtureOutOrder, Address: testAddress, Items: testCart})
	assert.Equal(t, KindNetwork, KindOf(err))
	assert.Equal(t, 1, srv.count(), "a 5xx may hide a placed order: exactly one request")

	// A read with the same policy is retried, which shows the policy was live.
	_, err = c.OrderDetail(context.Background(), OrderDetailRequest{OrderID: bigOrderID})
	assert.Equal(t, KindNetwork, KindOf(err))
	assert.Equal(t, 6, srv.count())
}

func TestParseCreateOrderShapes(t *testing.T) {
	multi, err := parseCreateOrder([]byte(`{"success":true,"result":{"orderId":"3717426277620540788,3717426277620540789",
		"orderList":[{"orderId":3717426277620540789},{"orderId":3717426277620540790}],"totalSuccessAmount":1}}`))
	require.NoError(t, err)
	assert.Equal(t, []string{bigOrderID, "3717426277620540789", "3717426277620540790"}, multi.OrderIDs)

	partial, err := parseCreateOrder([]byte(`{"success":true,"result":{"orderId":"1","failedOfferList":[
		{"offerId":2,"specId":"s","errorCode":"500_001","errorMessage":"库存不足"}]}}`))
	require.NoError(t, err)
	assert.Equal(t, []FailedOffer{{OfferID: "2", SpecID: "s", ErrorCode: "500_001", ErrorMessage: "库存不足"}}, partial.FailedOffers)

	_, err = parseCreateOrder([]byte(`{"success":true,"result":{"failedOfferList":[
		{"offerId":2,"errorCode":"500_001","errorMessage":"库存不足"}]}}`))
	var e *Error
	require.ErrorAs(t, err, &e, "nothing ordered is an error")
	assert.Equal(t, KindBusiness, e.Kind)
	assert.Equal(t, "500_001", e.Code)

	_, err = parseCreateOrder([]byte(`{"success":false,"code":"500_004","message":"首单不可"}`))
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "500_004", e.Code)
	assert.Equal(t, "首单不可", e.Message)

	_, err = parseCreateOrder([]byte(`{"success":true,"result":{"orderId":"12x"}}`))
	assert.Equal(t, KindUnknown, KindOf(err))
}

func TestCancelOrderRequestAndParse(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureCancel)
	_, err := c.CancelOrder(context.Background(), CancelOrderRequest{OrderID: bigOrderID, Remark: "拍错了"})
	require.NoError(t, err)

	sent := srv.last(t)
	assertSent(t, sent, "com.alibaba.trade", "alibaba.trade.cancel", true)
	assert.Equal(t, bigOrderID, sent.Form.Get("tradeID"), "the parameter is tradeID, capital ID")
	assert.Equal(t, "buyerCancel", sent.Form.Get("cancelReason"))
	assert.Equal(t, "拍错了", sent.Form.Get("remark"))
	assert.Equal(t, "1688", sent.Form.Get("webSite"))

	_, err = parseCancelOrder([]byte(`{}`))
	assert.Error(t, err, "no success flag is not a cancel")
	_, err = parseCancelOrder([]byte(`{"success":false,"errorCode":"CLOSE_ORDER_TOO_FAST"}`))
	assert.Equal(t, KindBusiness, KindOf(err))
}
