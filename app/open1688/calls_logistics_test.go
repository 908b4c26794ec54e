package open1688

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLogisticsInfosUsesTheLogisticsNamespace(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureLogisticsInfos)
	res, err := c.LogisticsInfos(context.Background(), LogisticsInfosRequest{OrderID: bigOrderID})
	require.NoError(t, err)

	sent := srv.last(t)
	assertSent(t, sent, "com.alibaba.logistics", "alibaba.trade.getLogisticsInfos.buyerView", true)
	assert.Equal(t, bigOrderID, sent.Form.Get("orderId"))
	assert.Equal(t, "1688", sent.Form.Get("webSite"))
	assert.NotContains(t, sent.Form, "fields")

	require.Len(t, res.Shipments, 1)
	s := res.Shipments[0]
	assert.Equal(t, "BX110096239", s.LogisticsID)
	assert.Equal(t, "SF1234567890", s.BillNo)
	assert.Equal(t, ShipmentTransport, s.Status)
	assert.Equal(t, []string{bigSubItemID, "3717426277621540790"}, s.OrderEntryIDs)
	assert.Equal(t, "7", s.CompanyID, "a numeric company id is kept as text")
	assert.True(t, time.Date(2024, 5, 14, 1, 0, 0, 0, time.UTC).Equal(s.Sent))
	assert.Equal(t, []ShippedGoods{{Name: "纯棉T恤", Quantity: 2, Unit: "件"}}, s.Goods)
	assert.Equal(t, Party{Name: "张三", Mobile: "13800000000", Province: "浙江省", City: "杭州市", Address: "文三路 1号"}, s.Receiver)
	assert.Equal(t, Party{Name: "李四", Province: "广东省", City: "广州市"}, s.Sender)
}

func TestLogisticsInfosNotShippedIsEmpty(t *testing.T) {
	c, _ := newFixtureClient(t, http.StatusOK, `{"success":false,"errorCode":"500_2","errorMessage":"订单未发货"}`)
	res, err := c.LogisticsInfos(context.Background(), LogisticsInfosRequest{OrderID: bigOrderID, Fields: []string{"logisticsBillNo"}})
	require.NoError(t, err)
	assert.Empty(t, res.Shipments)

	c, _ = newFixtureClient(t, http.StatusOK, `{"success":false,"errorCode":"500_1","errorMessage":"x"}`)
	_, err = c.LogisticsInfos(context.Background(), LogisticsInfosRequest{OrderID: bigOrderID})
	assert.Equal(t, KindBusiness, KindOf(err), "other business errors stay errors")
}

func TestLogisticsTraceParsesChinaTime(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureLogisticsTrace)
	res, err := c.LogisticsTrace(context.Background(), LogisticsTraceRequest{OrderID: bigOrderID, LogisticsID: "BX110096239"})
	require.NoError(t, err)

	sent := srv.last(t)
	assertSent(t, sent, "com.alibaba.logistics", "alibaba.trade.getLogisticsTraceInfo.buyerView", true)
	assert.Equal(t, bigOrderID, sent.Form.Get("orderId"))
	assert.Equal(t, "BX110096239", sent.Form.Get("logisticsId"))

	require.Len(t, res.Traces, 1)
	tr := res.Traces[0]
	assert.Equal(t, bigOrderID, tr.OrderID)
	assert.Equal(t, "SF1234567890", tr.BillNo)
	require.Len(t, tr.Steps, 2)
	assert.True(t, time.Date(2018, 7, 24, 13, 55, 33, 0, time.UTC).Equal(tr.Steps[0].Time), "yyyy-MM-dd HH:mm:ss is China time")
	assert.Equal(t, "快件已揽收", tr.Steps[0].Remark)
	require.Len(t, tr.Nodes, 1)
	assert.Equal(t, "GOT", tr.Nodes[0].Action)
	assert.Equal(t, "广州白云", tr.Nodes[0].FacilityName)
	assert.Empty(t, res.Note)
}

func TestLogisticsTraceSuccessWithMessageIsEmpty(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureTraceEmpty)
	res, err := c.LogisticsTrace(context.Background(), LogisticsTraceRequest{OrderID: bigOrderID})
	require.NoError(t, err, "success with an error message is not a failure")
	assert.Empty(t, res.Traces)
	assert.Equal(t, "该订单没有物流跟踪信息。", res.Note)
	assert.NotContains(t, srv.last(t).Form, "logisticsId", "no logisticsId asks for every shipment")
}

func TestLogisticsTraceFailures(t *testing.T) {
	_, err := parseLogisticsTrace([]byte(`{"success":false,"errorCode":"order.nopermission.buyer","errorMessage":"无权限"}`))
	assert.Equal(t, KindBusiness, KindOf(err))
	_, err = parseLogisticsTrace([]byte(`{"success":true,"logisticsTrace":[{"logisticsSteps":[{"acceptTime":"24/07/2018"}]}]}`))
	assert.Equal(t, KindUnknown, KindOf(err), "an unreadable time is an error, not a zero time")
}
