package open1688

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"caigou/app/sim"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtureQueryMessages has a msgId above 2^53 as a number, one as a string, data as an object
// and as a string holding the object, and one message with only topicGroup and topicName.
const fixtureQueryMessages = `{"pushMessagePage": {"totalCount": 43, "datas": [
  {"msgId": 4611686018427388001, "type": "ORDER_BUYER_VIEW_ORDER_PAY", "userInfo": "b2b-2207416548",
   "gmtBorn": 1700000000123, "topicGroup": "ORDER", "topicName": "BUYER_VIEW_ORDER_PAY", "appKey": "1234567",
   "data": {"orderId": 3717426277620540788, "currentStatus": "waitsellersend"}},
  {"msgId": "4611686018427388002", "userInfo": "b2b-2207416548", "gmtBorn": 1700000000456,
   "topicGroup": "LOGISTICS", "topicName": "BUYER_VIEW_TRACE", "appKey": "1234567",
   "data": "{\"OrderLogisticsTracingModel\":{\"mailNo\":\"SF1\"}}"}
]}}`

const fixtureCursorMessages = `{"pushMessageList": [
  {"msgId": 4611686018427388003, "type": "ORDER_BUYER_VIEW_ORDER_SUCCESS", "gmtBorn": 1700000000789,
   "data": {"orderId": 3717426277620540788}}]}`

func TestQueryMessagesRequestAndExactParse(t *testing.T) {
	c, fs := newFixtureClient(t, 200, fixtureQueryMessages)
	from := time.Date(2024, 5, 13, 14, 23, 11, 0, chinaTime)
	res, err := c.QueryMessages(context.Background(), QueryMessagesRequest{
		CreatedFrom: from, CreatedTo: from.Add(time.Hour), Type: "ORDER_BUYER_VIEW_ORDER_PAY", UserInfo: "b2b-2207416548", Page: 2,
	})
	require.NoError(t, err)
	got := fs.last(t)
	assertSent(t, got, "cn.alibaba.open", "push.query.messageList", false)
	assert.Equal(t, "20240513142311000+0800", got.Form.Get("createStartTime"))
	assert.Equal(t, "20240513152311000+0800", got.Form.Get("createEndTime"))
	assert.Equal(t, "ORDER_BUYER_VIEW_ORDER_PAY", got.Form.Get("type"))
	assert.Equal(t, "b2b-2207416548", got.Form.Get("userInfo"))
	assert.Equal(t, "2", got.Form.Get("page"))
	assert.Equal(t, "200", got.Form.Get("pageSize"), "the fewest calls by default")

	assert.EqualValues(t, 43, res.TotalCount)
	require.Len(t, res.Messages, 2)
	m := res.Messages[0]
	assert.Equal(t, "4611686018427388001", m.MsgID, "no float64 on the way")
	assert.Equal(t, "ORDER_BUYER_VIEW_ORDER_PAY", m.Type)
	assert.Equal(t, "ORDER", m.TopicGroup)
	assert.Equal(t, "BUYER_VIEW_ORDER_PAY", m.TopicName)
	assert.Equal(t, "1234567", m.AppKey)
	assert.Equal(t, time.UnixMilli(1700000000123).UTC(), m.GmtBorn)
	assert.JSONEq(t, `{"orderId": 3717426277620540788, "currentStatus": "waitsellersend"}`, string(m.Data))
	assert.Contains(t, string(m.Data), "3717426277620540788")
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(m.Raw, &raw), "Raw is the whole object")
	assert.Equal(t, "4611686018427388001", string(raw["msgId"]))

	m = res.Messages[1]
	assert.Equal(t, "4611686018427388002", m.MsgID)
	assert.Equal(t, "LOGISTICS_BUYER_VIEW_TRACE", m.Type, "type = topicGroup_topicName when absent")
	assert.JSONEq(t, `{"OrderLogisticsTracingModel":{"mailNo":"SF1"}}`, string(m.Data), "a string data is unwrapped")
}

func TestQueryMessagesPageLimits(t *testing.T) {
	c, fs := newFixtureClient(t, 200, fixtureQueryMessages)
	for _, req := range []QueryMessagesRequest{{PageSize: 19}, {PageSize: 201}, {Page: -1}} {
		_, err := c.QueryMessages(context.Background(), req)
		assert.ErrorIs(t, err, ErrInvalidRequest, "%+v", req)
	}
	_, err := c.CursorMessages(context.Background(), CursorMessagesRequest{Quantity: 5})
	assert.ErrorIs(t, err, ErrInvalidRequest)
	assert.Zero(t, fs.count(), "nothing sent")
}

func TestParseQueryMessagesFailures(t *testing.T) {
	for name, body := range map[string]string{
		"no page":  `{}`,
		"not json": `{"pushMessagePage": `,
	} {
		_, err := parseQueryMessages([]byte(body))
		assert.Error(t, err, name)
	}
	res, err := parseQueryMessages([]byte(`{"result": {"pushMessagePage": {"totalCount": 0, "datas": []}}}`))
	require.NoError(t, err, "a result wrapper is accepted")
	assert.Empty(t, res.Messages)
}

// An unreadable message must not fail its page: catch-up would then stall on that page for good.
func TestParseQueryMessagesKeepsUnreadableMessages(t *testing.T) {
	res, err := parseQueryMessages([]byte(`{"pushMessagePage": {"totalCount": 5, "datas": [
		{"type": "X"},
		{"msgId": 1.5e3},
		{"msgId": 7, "data": "{oops"},
		{"msgId": 8, "gmtBorn": "yesterday"},
		{"msgId": 9, "type": "ORDER_BUYER_VIEW_ORDER_PAY", "data": {"orderId": 1}}]}}`))
	require.NoError(t, err)
	require.Len(t, res.Messages, 5)
	for i, wantID := range []string{"", "", "7", "8"} {
		m := res.Messages[i]
		assert.Error(t, m.Err, "message %d", i)
		assert.Equal(t, wantID, m.MsgID, "message %d: a readable msgId is kept so it can be confirmed", i)
		assert.True(t, json.Valid(m.Raw), "message %d keeps its raw JSON", i)
	}
	assert.NoError(t, res.Messages[4].Err)
	assert.Equal(t, "9", res.Messages[4].MsgID)
}

func TestConfirmMessagesSendsNumbers(t *testing.T) {
	c, fs := newFixtureClient(t, 200, `{"isSuccess": true}`)
	require.NoError(t, c.ConfirmMessages(context.Background(), []string{"4611686018427388001", "12"}))
	got := fs.last(t)
	assertSent(t, got, "cn.alibaba.open", "push.message.confirm", false)
	assert.Equal(t, "[4611686018427388001,12]", got.Form.Get("msgIdList"))

	require.NoError(t, c.ConfirmMessages(context.Background(), nil))
	assert.ErrorIs(t, c.ConfirmMessages(context.Background(), []string{"12a"}), ErrInvalidRequest)
	assert.Equal(t, 1, fs.count(), "neither an empty nor a bad list is sent")
}

func TestConfirmMessagesFailures(t *testing.T) {
	for body, kind := range map[string]Kind{
		`{"isSuccess": false}`:   KindBusiness,
		`{"isSuccess": "false"}`: KindBusiness,
		`{}`:                     KindUnknown,
	} {
		c, _ := newFixtureClient(t, 200, body)
		err := c.ConfirmMessages(context.Background(), []string{"1"})
		var e *Error
		require.ErrorAs(t, err, &e, body)
		assert.Equal(t, kind, e.Kind, body)
	}
}

func TestCursorMessagesParse(t *testing.T) {
	c, fs := newFixtureClient(t, 200, fixtureCursorMessages)
	msgs, err := c.CursorMessages(context.Background(), CursorMessagesRequest{Type: "ORDER_BUYER_VIEW_ORDER_SUCCESS"})
	require.NoError(t, err)
	got := fs.last(t)
	assertSent(t, got, "cn.alibaba.open", "push.cursor.messageList", false)
	assert.Equal(t, "200", got.Form.Get("quantity"))
	require.Len(t, msgs, 1)
	assert.Equal(t, "4611686018427388003", msgs[0].MsgID)
	_, err = parseCursorMessages([]byte(`{}`))
	assert.Error(t, err)
}

// failedInSim pushes n messages to the simulator's demo key with nobody connected and waits
// until they are stored as failed, where the replay APIs find them.
func failedInSim(t *testing.T, s *sim.Sim, n int) []int64 {
	t.Helper()
	msgs := make([]sim.Message, n)
	for i := range msgs {
		msgs[i] = sim.Message{
			Type: sim.TopicOrderPay, UserInfo: sim.DemoBuyer,
			Data: json.RawMessage(`{"orderId":3717426277620540788,"currentStatus":"waitsellersend"}`),
		}
	}
	ids, err := s.Channel().PushMessages(sim.DemoAppKey, msgs...)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, s.Channel().Wait(ctx, func(st sim.ChannelStats) bool { return st.Failed == n }))
	return ids
}

func TestSimReplayQueryConfirm(t *testing.T) {
	s := startSim(t, sim.Options{Channel: sim.ChannelOptions{ConfirmTimeout: 5 * time.Millisecond, MaxRedeliveries: -1}})
	c := simClient(t, s, func(cfg *Config) { cfg.AccessToken = "" })
	ctx := context.Background()
	ids := failedInSim(t, s, 25)

	res, err := c.QueryMessages(ctx, QueryMessagesRequest{PageSize: 20})
	require.NoError(t, err)
	assert.EqualValues(t, 25, res.TotalCount)
	require.Len(t, res.Messages, 20)
	m := res.Messages[0]
	assert.Equal(t, strconv.FormatInt(ids[0], 10), m.MsgID)
	assert.Equal(t, sim.TopicOrderPay, m.Type)
	assert.Equal(t, sim.DemoAppKey, m.AppKey)
	assert.Contains(t, string(m.Data), "3717426277620540788")

	confirm := make([]string, 0, len(res.Messages))
	for _, m := range res.Messages {
		confirm = append(confirm, m.MsgID)
	}
	require.NoError(t, c.ConfirmMessages(ctx, confirm))
	res, err = c.QueryMessages(ctx, QueryMessagesRequest{})
	require.NoError(t, err)
	assert.EqualValues(t, 5, res.TotalCount, "confirmed messages leave the replay list")
	for _, id := range ids[:20] {
		d, _ := s.Channel().Message(id)
		assert.Equal(t, sim.Confirmed, d.State)
	}

	msgs, err := c.CursorMessages(ctx, CursorMessagesRequest{})
	require.NoError(t, err)
	assert.Len(t, msgs, 5)
	res, err = c.QueryMessages(ctx, QueryMessagesRequest{})
	require.NoError(t, err)
	assert.Zero(t, res.TotalCount, "the cursor confirmed what it handed out")
}

func TestSimReplayWrongSecret(t *testing.T) {
	s := startSim(t, sim.Options{})
	c := simClient(t, s, func(cfg *Config) { cfg.AppSecret = "wrong" })
	_, err := c.QueryMessages(context.Background(), QueryMessagesRequest{})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, KindSignature, e.Kind)
}
