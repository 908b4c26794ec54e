package sim

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failMessages pushes msgs with nobody connected and one attempt, and
// waits until all of them failed.
func failMessages(t *testing.T, s *Sim, msgs ...Message) []int64 {
	t.Helper()
	ids, err := s.Channel().PushMessages(DemoAppKey, msgs...)
	require.NoError(t, err)
	require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Failed >= len(ids) }))
	return ids
}

func replaySim(t *testing.T, ch ChannelOptions) (*Sim, *ManualClock, *client) {
	t.Helper()
	ch.ConfirmTimeout, ch.MaxRedeliveries = 5*time.Millisecond, -1
	s, clock := startSim(t, Options{Channel: ch})
	c := newClient(t, s)
	c.token = "" // §5.5: signed, no user token
	return s, clock, c
}

func (c *client) push(name string, params map[string]string) reply {
	c.t.Helper()
	return c.call("cn.alibaba.open", name, params)
}

func TestReplayQueryThenConfirm(t *testing.T) {
	s, _, c := replaySim(t, ChannelOptions{})
	data := json.RawMessage(`{"orderId":3717426277620540788,"currentStatus":"waitsellersend"}`)
	ids := failMessages(t, s, Message{Type: TopicOrderPay, UserInfo: DemoBuyer, Data: data})

	r := c.push("push.query.messageList", map[string]string{"page": "1", "pageSize": "20"})
	require.Equal(t, 200, r.status, string(r.raw))
	assert.Equal(t, "1", num(t, dig(t, r.body, "pushMessagePage", "totalCount")))
	m := dig(t, r.body, "pushMessagePage", "datas", 0).(map[string]any)
	assert.Equal(t, itoa(ids[0]), num(t, m["msgId"]), "msgId digit for digit")
	assert.Equal(t, TopicOrderPay, m["type"])
	assert.Equal(t, "ORDER", m["topicGroup"])
	assert.Equal(t, "BUYER_VIEW_ORDER_PAY", m["topicName"])
	assert.Equal(t, m["type"], m["topicGroup"].(string)+"_"+m["topicName"].(string))
	assert.Equal(t, DemoAppKey, m["appKey"])
	assert.Equal(t, DemoBuyer, m["userInfo"])
	assert.Equal(t, "3717426277620540788", num(t, dig(t, m, "data", "orderId")))
	assert.Equal(t, itoa(testStart.UnixMilli()), num(t, m["gmtBorn"]))

	// Not auto-confirmed: a second query sees it again.
	r = c.push("push.query.messageList", nil)
	assert.Equal(t, "1", num(t, dig(t, r.body, "pushMessagePage", "totalCount")))

	r = c.push("push.message.confirm", map[string]string{"msgIdList": "[" + itoa(ids[0]) + "]"})
	require.Equal(t, 200, r.status, string(r.raw))
	assert.Equal(t, true, r.body["isSuccess"])
	d, _ := s.Channel().Message(ids[0])
	assert.Equal(t, Confirmed, d.State)
	r = c.push("push.query.messageList", nil)
	assert.Equal(t, "0", num(t, dig(t, r.body, "pushMessagePage", "totalCount")))
	assert.Empty(t, dig(t, r.body, "pushMessagePage", "datas"))
}

func TestReplayRedeliveredThenReplayed(t *testing.T) {
	s := channelSim(t, ChannelOptions{ConfirmTimeout: 20 * time.Millisecond})
	c := dialChannel(t, s)
	c.connect()
	id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
	require.NoError(t, err)
	for range 4 {
		c.nextPush()
	}
	require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Failed == 1 }))
	gw := newClient(t, s)
	gw.token = ""
	r := gw.push("push.query.messageList", nil)
	assert.Equal(t, itoa(id), num(t, dig(t, r.body, "pushMessagePage", "datas", 0, "msgId")))
	r = gw.push("push.message.confirm", map[string]string{"msgIdList": "[" + itoa(id) + "]"})
	assert.Equal(t, true, r.body["isSuccess"])
	require.NoError(t, s.Channel().WaitConfirmed(waitCtx(t), id))
}

func TestReplayFiltersAndPages(t *testing.T) {
	s, _, c := replaySim(t, ChannelOptions{})
	var msgs []Message
	for i := range 45 {
		typ := TopicOrderPay
		if i%3 == 0 {
			typ = TopicLogisticsTrace
		}
		msgs = append(msgs, Message{Type: typ, UserInfo: DemoBuyer, GmtBorn: testStart.Add(time.Duration(i) * time.Minute)})
	}
	msgs = append(msgs, Message{Type: TopicOrderPay, UserInfo: "b2b-someone-else", GmtBorn: testStart})
	ids := failMessages(t, s, msgs...)

	total := func(params map[string]string) string {
		r := c.push("push.query.messageList", params)
		require.Equal(t, 200, r.status, string(r.raw))
		return num(t, dig(t, r.body, "pushMessagePage", "totalCount"))
	}
	assert.Equal(t, "46", total(nil))
	assert.Equal(t, "15", total(map[string]string{"type": TopicLogisticsTrace}))
	assert.Equal(t, "1", total(map[string]string{"userInfo": "b2b-someone-else"}))
	assert.Equal(t, "10", total(map[string]string{
		"createStartTime": aopTime(testStart.Add(10 * time.Minute)), "createEndTime": aopTime(testStart.Add(19 * time.Minute)),
	}))

	// pageSize is clamped into 20–200.
	r := c.push("push.query.messageList", map[string]string{"page": "3", "pageSize": "5"})
	datas := dig(t, r.body, "pushMessagePage", "datas").([]any)
	require.Len(t, datas, 6, "page 3 of 20: messages 41–46")
	assert.Equal(t, itoa(ids[40]), num(t, dig(t, datas, 0, "msgId")))

	r = c.push("push.query.messageList", map[string]string{"createStartTime": "2026-03-10"})
	requireGatewayError(t, r, 400, "gw.ParamInvalid")

	// The signature is still checked.
	c.secret = "wrong"
	r = c.push("push.query.messageList", nil)
	requireGatewayError(t, r, 400, "gw.SignatureInvalid")
}

func TestReplayCursorAutoConfirms(t *testing.T) {
	s, _, c := replaySim(t, ChannelOptions{})
	msgs := make([]Message, 25)
	for i := range msgs {
		msgs[i] = Message{Type: TopicOrderPay}
	}
	ids := failMessages(t, s, msgs...)
	r := c.push("push.cursor.messageList", map[string]string{"quantity": "20"})
	require.Equal(t, 200, r.status, string(r.raw))
	list := dig(t, r.body, "pushMessageList").([]any)
	require.Len(t, list, 20)
	assert.Equal(t, itoa(ids[0]), num(t, dig(t, list, 0, "msgId")))
	r = c.push("push.cursor.messageList", nil)
	list = dig(t, r.body, "pushMessageList").([]any)
	require.Len(t, list, 5, "each message comes through the cursor once")
	assert.Equal(t, itoa(ids[20]), num(t, dig(t, list, 0, "msgId")))
	assert.Equal(t, 25, s.Channel().Stats().Confirmed)
}

func TestReplayRetentionAndDataAsString(t *testing.T) {
	s, clock, c := replaySim(t, ChannelOptions{ReplayRetention: time.Hour, ReplayDataAsString: true})
	failMessages(t, s, Message{Type: TopicOrderPay, Data: json.RawMessage(`{"orderId":1}`)})
	r := c.push("push.query.messageList", nil)
	assert.Equal(t, `{"orderId":1}`, dig(t, r.body, "pushMessagePage", "datas", 0, "data"))
	clock.Advance(2 * time.Hour)
	r = c.push("push.query.messageList", nil)
	assert.Equal(t, "0", num(t, dig(t, r.body, "pushMessagePage", "totalCount")))
}

func TestReplayConfirmOnlyOwnApp(t *testing.T) {
	s, _, c := replaySim(t, ChannelOptions{})
	require.NoError(t, s.AddApp(App{Key: "2222222", Secret: "other-secret"}))
	other, err := s.Channel().Push("2222222", Message{Type: TopicOrderPay})
	require.NoError(t, err)
	r := c.push("push.message.confirm", map[string]string{"msgIdList": "[" + itoa(other) + ", 12]"})
	assert.Equal(t, true, r.body["isSuccess"])
	d, _ := s.Channel().Message(other)
	assert.NotEqual(t, Confirmed, d.State, "an app confirms only its own messages")
	r = c.push("push.message.confirm", nil)
	requireGatewayError(t, r, 400, "gw.ParamMissing")
}
