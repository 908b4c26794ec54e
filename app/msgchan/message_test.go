package msgchan

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMessageOrder(t *testing.T) {
	// The example of 1688.md §5.2, with an order id a float64 would round.
	body := `{"msgId":3717426277620540788,"type":"ORDER_BUYER_VIEW_ORDER_PAY","userInfo":"b2b-665170100",
		"gmtBorn":1700000000000,"bizKey":"k1","data":{"orderId":3717426277620540789,
		"currentStatus":"waitsellersend","msgSendTime":"2018-05-30 19:34:27",
		"buyerMemberId":"b2b-665170100","sellerMemberId":"b2b-1676547900b7bb3"}}`
	m, err := ParseMessage([]byte(body))
	require.NoError(t, err)
	assert.Equal(t, "3717426277620540788", m.MsgID)
	assert.Equal(t, "ORDER_BUYER_VIEW_ORDER_PAY", m.Type)
	assert.Equal(t, "b2b-665170100", m.UserInfo)
	assert.Equal(t, int64(1700000000000), m.GmtBorn)
	assert.Equal(t, "k1", m.BizKey)
	assert.Equal(t, TopicOrder, m.Topic())

	e, ok := m.Order()
	require.True(t, ok)
	assert.Equal(t, "3717426277620540789", e.OrderID)
	assert.Equal(t, "waitsellersend", e.CurrentStatus)
	assert.Equal(t, "b2b-665170100", e.BuyerMemberID)
	assert.Equal(t, "b2b-1676547900b7bb3", e.SellerMemberID)
	// 19:34:27 in China is 11:34:27 UTC.
	assert.True(t, time.Date(2018, 5, 30, 11, 34, 27, 0, time.UTC).Equal(e.MsgSendTime), e.MsgSendTime)

	_, ok = m.LogisticsTrace()
	assert.False(t, ok, "an order message has no logistics payload")
}

func TestParseMessageIDForms(t *testing.T) {
	tests := []struct{ name, msgID, orderID, want string }{
		{"numbers", `3717426277620540788`, `3717426277620540788`, "3717426277620540788"},
		{"strings", `"3717426277620540788"`, `"3717426277620540788"`, "3717426277620540788"},
		{"max int64", `9223372036854775807`, `9223372036854775807`, "9223372036854775807"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMessage([]byte(`{"msgId":` + tt.msgID + `,"type":"ORDER_BUYER_VIEW_BUYER_MAKE",` +
				`"data":{"orderId":` + tt.orderID + `,"currentStatus":"waitbuyerpay"}}`))
			require.NoError(t, err)
			assert.Equal(t, tt.want, m.MsgID)
			e, ok := m.Order()
			require.True(t, ok)
			assert.Equal(t, tt.want, e.OrderID)
		})
	}
}

func TestParseMessageLogistics(t *testing.T) {
	trace := `{"msgId":"77","type":"LOGISTICS_BUYER_VIEW_TRACE","gmtBorn":"1700000000001","data":
		{"OrderLogisticsTracingModel":{"logisticsId":"BX1","cpCode":"YUNDA","mailNo":"4300",
		"statusChanged":"TRANSPORT","changeTime":"2024-01-02 03:04:05",
		"orderLogsItems":[{"orderId":3717426277620540788,"orderEntryId":3717426277620540790},
		{"orderId":"3717426277620540788","orderEntryId":"3717426277620540791"}]}}}`
	m, err := ParseMessage([]byte(trace))
	require.NoError(t, err)
	assert.Equal(t, TopicLogisticsTrace, m.Topic())
	assert.Equal(t, int64(1700000000001), m.GmtBorn, "gmtBorn as a string")
	tr, ok := m.LogisticsTrace()
	require.True(t, ok)
	assert.Equal(t, LogisticsTrace{
		LogisticsID: "BX1", CPCode: "YUNDA", MailNo: "4300", StatusChanged: "TRANSPORT",
		ChangeTime: time.Date(2024, 1, 2, 3, 4, 5, 0, chinaTime),
		Items: []OrderLogsItem{
			{OrderID: "3717426277620540788", OrderEntryID: "3717426277620540790"},
			{OrderID: "3717426277620540788", OrderEntryID: "3717426277620540791"},
		},
	}, tr)

	change := `{"msgId":78,"type":"LOGISTICS_MAIL_NO_CHANGE","data":{"MailNoChangeModel":
		{"logisticsId":"BX1","oldCpCode":"YUNDA","newCpCode":"SF","oldMailNo":"4300",
		"newMailNo":"SF99","eventTime":1700000000000,"orderLogsItems":[{"orderId":1}]}}}`
	m, err = ParseMessage([]byte(change))
	require.NoError(t, err)
	c, ok := m.MailNoChange()
	require.True(t, ok)
	assert.Equal(t, MailNoChange{
		LogisticsID: "BX1", OldCPCode: "YUNDA", NewCPCode: "SF", OldMailNo: "4300",
		NewMailNo: "SF99", EventTime: time.UnixMilli(1700000000000).UTC(),
		Items: []OrderLogsItem{{OrderID: "1"}},
	}, c)
}

func TestParseMessageBatchPay(t *testing.T) {
	m, err := ParseMessage([]byte(`{"msgId":5,"type":"ORDER_BATCH_PAY","data":{"batchPay":[
		{"orderId":3717426277620540788,"status":"successed"},
		{"orderId":"12","status":"ACCOUNT_BALANCE_NOT_ENOUGH"}]}}`))
	require.NoError(t, err)
	pays, ok := m.BatchPay()
	require.True(t, ok)
	assert.Equal(t, []BatchPayment{
		{OrderID: "3717426277620540788", Status: "successed"},
		{OrderID: "12", Status: "ACCOUNT_BALANCE_NOT_ENOUGH"},
	}, pays)
}

func TestParseMessageProductTopicIsKnown(t *testing.T) {
	m, err := ParseMessage([]byte(`{"msgId":6,"type":"PRODUCT_PRODUCT_INVENTORY_CHANGE","data":{"x":1}}`))
	require.NoError(t, err)
	assert.Equal(t, TopicProduct, m.Topic())
}

func TestParseMessageErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       error
		msgID      string // what is still read for storing the body
	}{
		{"empty", ``, ErrNotJSON, ""},
		{"not json", `msgId=1`, ErrNotJSON, ""},
		{"truncated", `{"msgId":1,"type":"ORDER`, ErrNotJSON, ""},
		{"array", `[{"msgId":1}]`, ErrNotJSON, ""},
		{"no msgId", `{"type":"ORDER_BUYER_VIEW_BUYER_MAKE","data":{"orderId":1}}`, ErrNoMsgID, ""},
		{"empty msgId", `{"msgId":"","type":"X"}`, ErrNoMsgID, ""},
		{"float msgId", `{"msgId":1.5e3,"type":"X"}`, ErrNoMsgID, ""},
		{"object msgId", `{"msgId":{},"type":"X"}`, ErrNoMsgID, ""},
		{"no type", `{"msgId":9,"data":{}}`, ErrNoType, "9"},
		{"type not a string", `{"msgId":9,"type":7}`, ErrNoType, "9"},
		{"unknown type", `{"msgId":10,"type":"SOMETHING_NEW","data":{}}`, ErrUnknownType, "10"},
		{"order without orderId", `{"msgId":11,"type":"ORDER_BUYER_VIEW_ORDER_PAY",
			"data":{"currentStatus":"waitsellersend"}}`, ErrNoOrderID, "11"},
		{"order without data", `{"msgId":12,"type":"ORDER_BUYER_VIEW_ORDER_PAY"}`, ErrNoOrderID, "12"},
		{
			"order data not an object", `{"msgId":13,"type":"ORDER_BUYER_VIEW_ORDER_PAY","data":"x"}`,
			ErrBadPayload, "13",
		},
		{"bad msgSendTime", `{"msgId":14,"type":"ORDER_BUYER_VIEW_ORDER_PAY",
			"data":{"orderId":1,"msgSendTime":"yesterday"}}`, ErrBadPayload, "14"},
		{
			"float orderId", `{"msgId":15,"type":"ORDER_BUYER_VIEW_ORDER_PAY","data":{"orderId":1e18}}`,
			ErrBadPayload, "15",
		},
		{"bad gmtBorn", `{"msgId":16,"type":"ORDER_BUYER_VIEW_ORDER_PAY","gmtBorn":"soon",
			"data":{"orderId":1}}`, ErrBadPayload, "16"},
		{
			"trace without model", `{"msgId":17,"type":"LOGISTICS_BUYER_VIEW_TRACE","data":{}}`,
			ErrBadPayload, "17",
		},
		{
			"trace without orders", `{"msgId":18,"type":"LOGISTICS_BUYER_VIEW_TRACE",
			"data":{"OrderLogisticsTracingModel":{"logisticsId":"BX","orderLogsItems":[]}}}`,
			ErrNoOrderID, "18",
		},
		{"batch pay without orderId", `{"msgId":19,"type":"ORDER_BATCH_PAY",
			"data":{"batchPay":[{"status":"successed"}]}}`, ErrNoOrderID, "19"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMessage([]byte(tt.body))
			require.ErrorIs(t, err, tt.want)
			assert.Equal(t, tt.msgID, m.MsgID)
			_, ok := m.Order()
			assert.False(t, ok, "no payload on an error")
		})
	}
}

func TestBodyKey(t *testing.T) {
	a, b := BodyKey([]byte("not json")), BodyKey([]byte("not json!"))
	assert.Equal(t, a, BodyKey([]byte("not json")), "a redelivered body gets the same key")
	assert.NotEqual(t, a, b)
	assert.Regexp(t, `^body-sha256:[0-9a-f]{32}$`, a)
}

func TestTopicOf(t *testing.T) {
	assert.Equal(t, TopicOrder, TopicOf("ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS"))
	assert.Equal(t, TopicBatchPay, TopicOf(TypeBatchPay))
	assert.Equal(t, TopicLogisticsTrace, TopicOf(TypeLogisticsTrace))
	assert.Equal(t, TopicMailNoChange, TopicOf(TypeLogisticsMailNo))
	assert.Equal(t, TopicProduct, TopicOf("PRODUCT_RELATION_VIEW_PRODUCT_DELETE"))
	assert.Equal(t, TopicUnknown, TopicOf("ORDER_SELLER_VIEW_X"))
	assert.Equal(t, TopicUnknown, TopicOf(""))
}
