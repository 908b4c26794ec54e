package open1688

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrderDetailRequestAndExactParse(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureOrderDetail)
	res, err := c.OrderDetail(context.Background(), OrderDetailRequest{
		OrderID: bigOrderID, IncludeFields: []string{"NativeLogistics", "OrderInvoice"}, AttributeKeys: []string{"k1"},
	})
	require.NoError(t, err)

	sent := srv.last(t)
	assertSent(t, sent, "com.alibaba.trade", "alibaba.trade.get.buyerView", true)
	assert.Equal(t, bigOrderID, sent.Form.Get("orderId"))
	assert.Equal(t, "1688", sent.Form.Get("webSite"))
	assert.Equal(t, "NativeLogistics,OrderInvoice", sent.Form.Get("includeFields"))
	assert.Equal(t, `["k1"]`, sent.Form.Get("attributeKeys"))

	o := res.Order
	assert.Equal(t, bigOrderID, o.ID, "an id above 2^53 keeps every digit")
	assert.Equal(t, StatusWaitBuyerReceive, o.Status)
	assert.True(t, o.Status.Known())
	assert.Equal(t, fixtureOutOrder, o.OutOrderID)
	assert.Equal(t, Fen(11235), o.Total, "totalAmount is yuan")
	assert.Equal(t, Fen(1000), o.ShippingFee)
	assert.Equal(t, Fen(10235), o.ProductTotal)
	assert.Equal(t, Fen(5), o.CouponFee)
	assert.Equal(t, Fen(150), o.Discount, "discount is already fen")
	assert.True(t, time.Date(2024, 5, 13, 6, 23, 11, 0, time.UTC).Equal(o.Created))
	assert.True(t, time.Date(2024, 5, 13, 6, 25, 30, 123*int(time.Millisecond), time.UTC).Equal(o.Paid))
	assert.True(t, o.Completed.IsZero())
	assert.Equal(t, "b2b-1676547900b7bb3", o.SellerID)
	assert.Equal(t, "assureTrade", o.TradeType)
	assert.Equal(t, Receiver{
		Name: "张三", Mobile: "13800000000", PostCode: "310000",
		Area: "浙江省 杭州市 西湖区 文三路 1号", DivisionCode: "330106",
	}, o.Receiver)

	require.Len(t, o.Items, 1)
	it := o.Items[0]
	assert.Equal(t, fixtureOfferID, it.ProductID)
	assert.Equal(t, "4567890123456", it.SkuID)
	assert.Equal(t, fixtureSpecID, it.SpecID)
	assert.Equal(t, bigSubItemID, it.SubItemID, "subItemID as a big number keeps its digits")
	assert.Equal(t, Fen(5118), it.Price, "51.175 yuan rounds half up to 5118 fen")
	assert.Equal(t, Fen(10235), it.Amount)
	assert.InDelta(t, 2, it.Quantity, 0)
	assert.Equal(t, []NameValue{{"颜色", "红色"}, {"尺码", "XL"}}, it.Attributes)
	assert.Equal(t, 2, it.LogisticsStatus)

	require.Len(t, o.Shipments, 1)
	assert.Equal(t, OrderShipment{
		LogisticsID: "BX110096239", BillNo: "SF1234567890", CompanyName: "顺丰速运",
		Delivered: time.Date(2024, 5, 14, 1, 0, 0, 0, time.UTC), Status: "alreadysend",
		SubItemIDs: []string{bigSubItemID},
	}, o.Shipments[0])
}

func TestOrderDetailRefusesABadIDBeforeSending(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureOrderDetail)
	for _, id := range []string{"", "12a", "3.7e18", "-1"} {
		_, err := c.OrderDetail(context.Background(), OrderDetailRequest{OrderID: id})
		assert.ErrorIs(t, err, ErrInvalidRequest, id)
	}
	assert.Zero(t, srv.count(), "nothing may be sent for an invalid request")
}

func TestOrderDetailBusinessErrorIsNotFound(t *testing.T) {
	c, _ := newFixtureClient(t, http.StatusOK,
		`{"success":"false","errorCode":"ORDER_NOT_EXIST","errorMessage":"订单不存在"}`)
	_, err := c.OrderDetail(context.Background(), OrderDetailRequest{OrderID: bigOrderID})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, KindNotFound, e.Kind)
	assert.Equal(t, "ORDER_NOT_EXIST", e.Code)
}

func TestParseOrderDetailFailures(t *testing.T) {
	for body, kind := range map[string]Kind{
		`{"success":"false","errorCode":"E1","errorMessage":"no"}`: KindBusiness,
		`{"success":true}`:                                                  KindUnknown,
		`{"success":true,"result":{"baseInfo":{}}}`:                         KindUnknown,
		`{"success":true,"result":{"baseInfo":{"id":1.5}}}`:                 KindUnknown,
		`{"success":true,"result":{"baseInfo":{"id":1,"totalAmount":"x"}}}`: KindUnknown,
		`<html>502</html>`:                                                  KindUnknown,
	} {
		_, err := parseOrderDetail([]byte(body))
		require.Error(t, err, body)
		assert.Equal(t, kind, KindOf(err), body)
	}
}

func TestBuyerOrderListRequestAndParse(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureOrderList)
	from := time.Date(2024, 5, 1, 0, 0, 0, 0, chinaTime)
	res, err := c.BuyerOrderList(context.Background(), BuyerOrderListRequest{
		Page: 2, Status: StatusWaitBuyerPay, CreatedFrom: from,
		OrderIDs: []string{bigOrderID}, BizTypes: []string{"cn", "ws"}, NeedMemoInfo: true,
	})
	require.NoError(t, err)

	sent := srv.last(t)
	assertSent(t, sent, "com.alibaba.trade", "alibaba.trade.getBuyerOrderList", true)
	assert.Equal(t, "2", sent.Form.Get("page"))
	assert.Equal(t, "20", sent.Form.Get("pageSize"), "the default page size")
	assert.Equal(t, "waitbuyerpay", sent.Form.Get("orderStatus"))
	assert.Equal(t, "20240501000000000+0800", sent.Form.Get("createStartTime"))
	assert.Equal(t, `[3717426277620540788]`, sent.Form.Get("orderIds"), "a long[] is a JSON array of numbers")
	assert.Equal(t, `["cn","ws"]`, sent.Form.Get("bizTypes"))
	assert.Equal(t, "true", sent.Form.Get("needMemoInfo"))
	for _, unset := range []string{"createEndTime", "isHis", "outOrderId", "needBuyerAddressAndPhone"} {
		assert.NotContains(t, sent.Form, unset, "unset filters are not sent")
	}

	assert.Equal(t, int64(2), res.TotalRecord)
	require.Len(t, res.Orders, 2)
	assert.Equal(t, "3717426277620540001", res.Orders[0].ID)
	assert.Equal(t, Fen(10000), res.Orders[0].Total, `"1e2" yuan`)
	assert.Equal(t, bigOrderID, res.Orders[1].ID)
}

func TestBuyerOrderListErrorWithoutSuccessFlag(t *testing.T) {
	_, err := parseBuyerOrderList([]byte(`{"errorCode":"400_1","errorMessage":"参数错误"}`))
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, KindBusiness, e.Kind)
	assert.Equal(t, "400_1", e.Code)

	empty, err := parseBuyerOrderList([]byte(`{"result":[],"totalRecord":0}`))
	require.NoError(t, err)
	assert.Empty(t, empty.Orders)
}

func TestBuyerOrderListRefusesNegativePaging(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureOrderList)
	_, err := c.BuyerOrderList(context.Background(), BuyerOrderListRequest{Page: -1})
	assert.ErrorIs(t, err, ErrInvalidRequest)
	_, err = c.BuyerOrderList(context.Background(), BuyerOrderListRequest{OrderIDs: []string{"x"}})
	assert.ErrorIs(t, err, ErrInvalidRequest)
	assert.Zero(t, srv.count())
}
