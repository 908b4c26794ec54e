package sim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// expectOrderTopic reads the next push, confirms it, and checks the
// common order payload of 1688.md §5.6 digit for digit.
func expectOrderTopic(t *testing.T, c *wsClient, topic string, orderID int64, status string) {
	t.Helper()
	f, m := c.nextPush()
	c.confirm(f)
	require.Equal(t, topic, m["type"], string(f.raw))
	assert.Equal(t, DemoBuyer, m["userInfo"])
	assert.Equal(t, itoa(orderID), num(t, dig(t, m, "data", "orderId")))
	assert.Equal(t, status, dig(t, m, "data", "currentStatus"))
	assert.Equal(t, DemoBuyer, dig(t, m, "data", "buyerMemberId"))
	assert.Equal(t, DemoSeller, dig(t, m, "data", "sellerMemberId"))
	assert.Regexp(t, `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`, dig(t, m, "data", "msgSendTime"))
}

// expectLogistics reads the next push, confirms it, and returns the model
// under its capitalised wrapper key.
func expectLogistics(t *testing.T, c *wsClient, topic, wrapper string, o Order) map[string]any {
	t.Helper()
	f, m := c.nextPush()
	c.confirm(f)
	require.Equal(t, topic, m["type"], string(f.raw))
	model, ok := dig(t, m, "data", wrapper).(map[string]any)
	require.True(t, ok, "data.%s is an object: %s", wrapper, f.raw)
	items := dig(t, model, "orderLogsItems").([]any)
	require.Len(t, items, len(o.Lines))
	assert.Equal(t, itoa(o.ID), num(t, dig(t, items, 0, "orderId")))
	assert.Equal(t, itoa(o.Lines[0].SubItemID), num(t, dig(t, items, 0, "orderEntryId")))
	return model
}

func TestOrderMovesEmitTopics(t *testing.T) {
	s := channelSim(t, ChannelOptions{})
	c := dialChannel(t, s)
	c.connect()
	c.quiet(50 * time.Millisecond) // the seeded demo is history: no messages

	r := newClient(t, s).trade("alibaba.trade.fastCreateOrder", cart(item(DemoOfferID, DemoSpecRed, 2)))
	require.Equal(t, true, r.body["success"], string(r.raw))
	orders := s.Orders()
	o := orders[len(orders)-1]
	expectOrderTopic(t, c, TopicOrderBuyerMake, o.ID, StatusWaitBuyerPay)

	require.NoError(t, s.Pay(o.ID))
	expectOrderTopic(t, c, TopicOrderPay, o.ID, StatusWaitSellerSend)

	lid, err := s.Ship(o.ID, Shipment{CompanyName: "中通快递", CompanyNo: "ZTO", BillNo: "ZT0001"})
	require.NoError(t, err)
	expectOrderTopic(t, c, TopicOrderAnnounceSendGoods, o.ID, StatusWaitBuyerReceive)
	o, _ = s.Order(o.ID)
	trace := expectLogistics(t, c, TopicLogisticsTrace, "OrderLogisticsTracingModel", o)
	assert.Equal(t, lid, trace["logisticsId"])
	assert.Equal(t, "ZTO", trace["cpCode"])
	assert.Equal(t, "ZT0001", trace["mailNo"])
	assert.Equal(t, "CONSIGN", trace["statusChanged"])
	assert.NotEmpty(t, trace["changeTime"])

	require.NoError(t, s.AddTrace(o.ID, "DELIVERING", "派送中"))
	trace = expectLogistics(t, c, TopicLogisticsTrace, "OrderLogisticsTracingModel", o)
	assert.Equal(t, "DELIVERING", trace["statusChanged"])

	require.NoError(t, s.ChangeMailNo(o.ID, Shipment{CompanyName: "顺丰速运", CompanyNo: "SF", BillNo: "SF0002"}))
	change := expectLogistics(t, c, TopicLogisticsMailNoChange, "MailNoChangeModel", o)
	assert.Equal(t, map[string]any{"oldCpCode": "ZTO", "newCpCode": "SF", "oldMailNo": "ZT0001", "newMailNo": "SF0002", "logisticsId": lid},
		map[string]any{"oldCpCode": change["oldCpCode"], "newCpCode": change["newCpCode"], "oldMailNo": change["oldMailNo"], "newMailNo": change["newMailNo"], "logisticsId": change["logisticsId"]})
	assert.NotEmpty(t, change["eventTime"])

	require.NoError(t, s.Receive(o.ID))
	expectOrderTopic(t, c, TopicOrderConfirmReceive, o.ID, "confirm_goods_and_has_subsidy")
	require.NoError(t, s.Complete(o.ID))
	expectOrderTopic(t, c, TopicOrderSuccess, o.ID, StatusSuccess)

	// Closing: by the buyer through the gateway, and by the seller.
	r = newClient(t, s).trade("alibaba.trade.fastCreateOrder", cart(item(DemoOfferID, DemoSpecBlue, 2)))
	require.Equal(t, true, r.body["success"], string(r.raw))
	byBuyer := s.Orders()[len(s.Orders())-1]
	expectOrderTopic(t, c, TopicOrderBuyerMake, byBuyer.ID, StatusWaitBuyerPay)
	r = newClient(t, s).trade("alibaba.trade.cancel", map[string]string{"webSite": "1688", "tradeID": itoa(byBuyer.ID), "cancelReason": "buyerCancel"})
	require.Equal(t, true, r.body["success"], string(r.raw))
	expectOrderTopic(t, c, TopicOrderBuyerClose, byBuyer.ID, StatusCancel)

	r = newClient(t, s).trade("alibaba.trade.fastCreateOrder", cart(item(DemoOfferID, DemoSpecBlue, 3)))
	require.Equal(t, true, r.body["success"], string(r.raw))
	bySeller := s.Orders()[len(s.Orders())-1]
	expectOrderTopic(t, c, TopicOrderBuyerMake, bySeller.ID, StatusWaitBuyerPay)
	require.NoError(t, s.Cancel(bySeller.ID))
	expectOrderTopic(t, c, TopicOrderSellerClose, bySeller.ID, StatusCancel)

	require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Pending == 0 }))
	c.quiet(50 * time.Millisecond)
}

func TestOrderTopicsConfigurable(t *testing.T) {
	s := channelSim(t, ChannelOptions{TopicStatus: map[string]string{TopicOrderAnnounceSendGoods: "waitbuyersign"}})
	c := dialChannel(t, s)
	c.connect()
	var paid Order
	for _, o := range s.Orders() {
		if o.Status == StatusWaitSellerSend {
			paid = o
		}
	}
	_, err := s.Ship(paid.ID, Shipment{})
	require.NoError(t, err)
	expectOrderTopic(t, c, TopicOrderAnnounceSendGoods, paid.ID, "waitbuyersign")
}

func TestOrderTopicsReachEveryAuthorizedApp(t *testing.T) {
	s := channelSim(t, ChannelOptions{})
	require.NoError(t, s.AddApp(App{Key: "2222222", Secret: "other-secret"}))
	require.NoError(t, s.Authorize(Authorization{AppKey: "2222222", MemberID: DemoBuyer, AccessToken: "other-token"}))
	var unpaid Order
	for _, o := range s.Orders() {
		if o.Status == StatusWaitBuyerPay {
			unpaid = o
		}
	}
	require.NoError(t, s.Pay(unpaid.ID))
	var apps []string
	for _, d := range s.Channel().Messages() {
		apps = append(apps, d.AppKey)
		assert.Equal(t, TopicOrderPay, d.Type)
	}
	assert.Equal(t, []string{"2222222", DemoAppKey}, apps)
}

func TestChangeMailNoNeedsAParcel(t *testing.T) {
	s := channelSim(t, ChannelOptions{})
	for _, o := range s.Orders() {
		if o.Status == StatusWaitBuyerPay {
			assert.ErrorIs(t, s.ChangeMailNo(o.ID, Shipment{}), ErrWrongStatus)
		}
	}
	assert.ErrorIs(t, s.ChangeMailNo(1, Shipment{}), ErrNotFound)
}
