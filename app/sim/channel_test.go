package sim

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChannelSignVector(t *testing.T) {
	// 1688.md §5.3, also S9's HeartbeatSignerTest.
	assert.Equal(t, "B9E65D4592778AE92A46050E139FABC6", channelSign("secretXYZ", "mykey", "", 1700000000000))
}

func TestChannelConnect(t *testing.T) {
	s := channelSim(t, ChannelOptions{})
	c := dialChannel(t, s)
	c.connect()
	require.NoError(t, s.Channel().WaitConnected(waitCtx(t), DemoAppKey))
	got := s.Channel().Connects()
	require.Len(t, got, 1)
	assert.True(t, got[0].Accepted)
	assert.Equal(t, "1", got[0].ClientVersion, "the handshake's client_version header")

	// S2 resends CONNECT when no ACK came; a repeat is answered again.
	c.connect()
}

func TestChannelConnectRefused(t *testing.T) {
	s := channelSim(t, ChannelOptions{})
	for name, tc := range map[string]struct {
		appKey, secret, text string
	}{
		"bad sign":    {DemoAppKey, "wrong-secret", "signature is invalid: check the AppKey and the AppSecret"},
		"unknown key": {"9999999", DemoAppSecret, "appKey is not found"},
	} {
		t.Run(name, func(t *testing.T) {
			c := dialChannel(t, s)
			c.appKey, c.secret = tc.appKey, tc.secret
			c.send(c.signed(frameConnect))
			f := c.next()
			assert.Equal(t, frameSystem, f.str("type"))
			assert.Equal(t, tc.text, f.str("content"))
			err := c.waitEnd()
			assert.Equal(t, websocket.StatusPolicyViolation, websocket.CloseStatus(err), "closed after the SYSTEM frame: %v", err)
		})
	}
	for _, a := range s.Channel().Connects() {
		assert.False(t, a.Accepted)
		assert.NotEmpty(t, a.Problem)
	}
}

func TestChannelHeartbeat(t *testing.T) {
	t.Run("recorded, no reply by default", func(t *testing.T) {
		s := channelSim(t, ChannelOptions{})
		c := dialChannel(t, s)
		c.connect()
		c.send(c.signed(frameHeartbeat))
		require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Heartbeats == 1 }))
		hb := s.Channel().Heartbeats()[0]
		assert.True(t, hb.Valid)
		assert.Equal(t, DemoAppKey, hb.AppKey)
		c.quiet(50 * time.Millisecond)
	})
	t.Run("answered when configured", func(t *testing.T) {
		s := channelSim(t, ChannelOptions{AnswerHeartbeat: true})
		c := dialChannel(t, s)
		c.connect()
		c.send(c.signed(frameHeartbeat))
		assert.Equal(t, frameHeartbeat, c.next().str("type"))
	})
	t.Run("bad sign refused", func(t *testing.T) {
		s := channelSim(t, ChannelOptions{})
		c := dialChannel(t, s)
		c.connect()
		hb := c.signed(frameHeartbeat)
		hb["sign"] = "00000000000000000000000000000000"
		c.send(hb)
		assert.Equal(t, frameSystem, c.next().str("type"))
		c.waitEnd()
		assert.False(t, s.Channel().Heartbeats()[0].Valid)
	})
}

func TestChannelPushAndConfirm(t *testing.T) {
	s := channelSim(t, ChannelOptions{})
	c := dialChannel(t, s)
	c.connect()
	data := json.RawMessage(`{"orderId":3717426277620540788,"currentStatus":"waitsellersend"}`)
	born := time.Date(2026, 3, 10, 9, 0, 0, 123e6, chinaZone)
	id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay, UserInfo: DemoBuyer, GmtBorn: born, Data: data})
	require.NoError(t, err)

	f, content := c.nextPush()
	assert.Regexp(t, `^[0-9]+$`, f.str("id"), "a numeric string id")
	assert.Equal(t, SourceReal, f.str("msgSource"))
	assert.NotEmpty(t, num(t, f.body["pubTime"]))
	assert.Equal(t, itoa(id), num(t, content["msgId"]), "msgId is a JSON number, every digit kept")
	assert.Equal(t, TopicOrderPay, content["type"])
	assert.Equal(t, DemoBuyer, content["userInfo"])
	assert.Equal(t, itoa(born.UnixMilli()), num(t, content["gmtBorn"]))
	assert.Equal(t, "3717426277620540788", num(t, dig(t, content, "data", "orderId")))

	c.confirm(f)
	require.NoError(t, s.Channel().WaitConfirmed(waitCtx(t), id))
	conf := s.Channel().Confirms()
	require.Len(t, conf, 1)
	assert.Equal(t, id, conf[0].MsgID)
	assert.Equal(t, f.str("id"), itoa(conf[0].RelatedID))
	assert.Equal(t, SourceReal, conf[0].MsgSource)
	assert.Empty(t, conf[0].Problem)
	c.quiet(50 * time.Millisecond)
}

func TestChannelConfirmNeedsNumericRelatedID(t *testing.T) {
	s := channelSim(t, ChannelOptions{})
	c := dialChannel(t, s)
	c.connect()
	id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
	require.NoError(t, err)
	f, _ := c.nextPush()
	c.send(map[string]any{"type": frameConfirm, "appKey": c.appKey, "relatedId": f.str("id"), "pubTime": 1})
	require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Confirms == 1 }))
	assert.Contains(t, s.Channel().Confirms()[0].Problem, "string")
	m, _ := s.Channel().Message(id)
	assert.Equal(t, InFlight, m.State, "a string relatedId confirms nothing")
}

func TestChannelRedeliveryThenFailed(t *testing.T) {
	s := channelSim(t, ChannelOptions{ConfirmTimeout: 40 * time.Millisecond})
	c := dialChannel(t, s)
	c.connect()
	id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay, UserInfo: DemoBuyer})
	require.NoError(t, err)

	frameIDs := map[string]bool{}
	for range 4 { // the first attempt and 3 redeliveries
		f, content := c.nextPush()
		assert.Equal(t, itoa(id), num(t, content["msgId"]))
		frameIDs[f.str("id")] = true
	}
	assert.Len(t, frameIDs, 4, "each attempt has its own frame id")
	require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Failed == 1 }))
	c.quiet(100 * time.Millisecond)
	m, _ := s.Channel().Message(id)
	assert.Equal(t, Failed, m.State)
	assert.Equal(t, 4, m.Attempts)
	assert.Error(t, s.Channel().WaitConfirmed(waitCtx(t), id))
}

func TestChannelMaxRedeliveriesConfigurable(t *testing.T) {
	s := channelSim(t, ChannelOptions{ConfirmTimeout: 20 * time.Millisecond, MaxRedeliveries: -1})
	c := dialChannel(t, s)
	c.connect()
	id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
	require.NoError(t, err)
	c.nextPush()
	require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Failed == 1 }))
	m, _ := s.Channel().Message(id)
	assert.Equal(t, 1, m.Attempts)
}

func TestChannelQueuesWhileOffline(t *testing.T) {
	t.Run("sent on connect", func(t *testing.T) {
		s := channelSim(t, ChannelOptions{})
		id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
		require.NoError(t, err)
		m, _ := s.Channel().Message(id)
		assert.Equal(t, Pending, m.State)
		assert.Equal(t, 1, m.Attempts, "an attempt with nobody to take it still counts")
		c := dialChannel(t, s)
		c.connect()
		f, content := c.nextPush()
		assert.Equal(t, itoa(id), num(t, content["msgId"]))
		c.confirm(f)
		require.NoError(t, s.Channel().WaitConfirmed(waitCtx(t), id))
		m, _ = s.Channel().Message(id)
		assert.Equal(t, 1, m.Attempts, "the connect turned the missed attempt into a real one")
	})
	t.Run("fails when nobody comes", func(t *testing.T) {
		s := channelSim(t, ChannelOptions{ConfirmTimeout: 10 * time.Millisecond})
		_, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
		require.NoError(t, err)
		require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Failed == 1 }))
	})
	t.Run("held without counting", func(t *testing.T) {
		s := channelSim(t, ChannelOptions{ConfirmTimeout: 10 * time.Millisecond, HoldWhileOffline: true})
		id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
		require.NoError(t, err)
		time.Sleep(60 * time.Millisecond) // several timeouts: nothing may expire
		m, _ := s.Channel().Message(id)
		assert.Equal(t, Pending, m.State)
		assert.Zero(t, m.Attempts)
		c := dialChannel(t, s)
		c.connect()
		f, _ := c.nextPush()
		c.confirm(f)
		require.NoError(t, s.Channel().WaitConfirmed(waitCtx(t), id))
	})
}

func TestChannelPushManyQuickly(t *testing.T) {
	s := channelSim(t, ChannelOptions{})
	c := dialChannel(t, s)
	c.connect()
	msgs := make([]Message, 2000)
	for i := range msgs {
		msgs[i] = Message{Type: TopicOrderPay, Data: json.RawMessage(`{"orderId":` + itoa(int64(i)) + `}`)}
	}
	ids, err := s.Channel().PushMessages(DemoAppKey, msgs...)
	require.NoError(t, err)
	require.Len(t, ids, len(msgs))
	go func() {
		for range ids {
			f, ok := <-c.frames
			if !ok {
				return
			}
			c.confirm(f)
		}
	}()
	require.NoError(t, s.Channel().WaitConfirmed(waitCtx(t), ids...))
	st := s.Channel().Stats()
	assert.Equal(t, len(ids), st.Confirmed)
	assert.Equal(t, len(ids), st.Pushes)
}

func TestChannelCloseEndsConnectionsPromptly(t *testing.T) {
	s, err := Start(Options{Seed: true})
	require.NoError(t, err)
	c := dialChannel(t, s)
	c.connect()
	idle := dialChannel(t, s) // never sent CONNECT
	start := time.Now()
	require.NoError(t, s.Close())
	c.waitEnd()
	idle.waitEnd()
	assert.Less(t, time.Since(start), 2*time.Second)
	_, err = s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
	assert.Error(t, err, "a closed channel takes no pushes")
}
