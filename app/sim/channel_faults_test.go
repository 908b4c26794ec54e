package sim

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func connected(t *testing.T, ch ChannelOptions) (*Sim, *wsClient) {
	t.Helper()
	s := channelSim(t, ch)
	c := dialChannel(t, s)
	c.connect()
	return s, c
}

func TestFaultDuplicate(t *testing.T) {
	s, c := connected(t, ChannelOptions{})
	id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
	require.NoError(t, err)
	first, m1 := c.nextPush()
	require.NoError(t, s.Channel().Duplicate(id))
	second, m2 := c.nextPush()
	// Pushing a known msgId is the other way to send a duplicate.
	again, err := s.Channel().Push(DemoAppKey, Message{MsgID: id, Type: TopicOrderPay})
	require.NoError(t, err)
	assert.Equal(t, id, again)
	third, m3 := c.nextPush()

	assert.Equal(t, first.str("content"), second.str("content"), "same message")
	assert.Equal(t, first.str("content"), third.str("content"))
	assert.Equal(t, num(t, m1["msgId"]), num(t, m2["msgId"]))
	assert.Equal(t, num(t, m1["msgId"]), num(t, m3["msgId"]))
	assert.NotEqual(t, first.str("id"), second.str("id"), "new frame id")
	assert.NotEqual(t, second.str("id"), third.str("id"))

	c.confirm(second) // confirming any of its frames confirms the message
	require.NoError(t, s.Channel().WaitConfirmed(waitCtx(t), id))
	d, _ := s.Channel().Message(id)
	assert.Equal(t, 1, d.Attempts, "duplicates are not attempts")
	assert.Len(t, d.Frames, 3)
}

func TestFaultReorder(t *testing.T) {
	s, c := connected(t, ChannelOptions{})
	s.Channel().Hold()
	ids, err := s.Channel().PushMessages(DemoAppKey, Message{Type: TopicOrderBuyerMake}, Message{Type: TopicOrderPay}, Message{Type: TopicOrderSuccess})
	require.NoError(t, err)
	c.quiet(50 * time.Millisecond)
	for _, id := range ids {
		d, _ := s.Channel().Message(id)
		assert.Equal(t, Held, d.State)
	}

	assert.Equal(t, 3, s.Channel().Release())
	var got []string
	for range ids {
		f, m := c.nextPush()
		c.confirm(f)
		got = append(got, num(t, m["msgId"]))
	}
	assert.Equal(t, []string{itoa(ids[2]), itoa(ids[1]), itoa(ids[0])}, got, "Release() sends newest first")
	require.NoError(t, s.Channel().WaitConfirmed(waitCtx(t), ids...))

	// An explicit order, with a held duplicate.
	s.Channel().Hold()
	ids, err = s.Channel().PushMessages(DemoAppKey, Message{Type: TopicOrderBuyerMake}, Message{Type: TopicOrderPay})
	require.NoError(t, err)
	require.NoError(t, s.Channel().Duplicate(ids[0]))
	s.Channel().Release(ids[1], ids[0])
	got = nil
	for range 3 {
		f, m := c.nextPush()
		c.confirm(f)
		got = append(got, num(t, m["msgId"]))
	}
	assert.Equal(t, []string{itoa(ids[1]), itoa(ids[0]), itoa(ids[0])}, got)
}

func TestFaultMockPush(t *testing.T) {
	s, c := connected(t, ChannelOptions{})
	id, err := s.Channel().PushMock(DemoAppKey, Message{UserInfo: DemoBuyer})
	require.NoError(t, err)
	f, m := c.nextPush()
	assert.Equal(t, SourceMock, f.str("msgSource"))
	assert.Equal(t, TopicOrderBuyerMake, m["type"])
	assert.NotEmpty(t, num(t, dig(t, m, "data", "orderId")))
	c.confirm(f)
	require.NoError(t, s.Channel().WaitConfirmed(waitCtx(t), id))
	assert.Equal(t, SourceMock, s.Channel().Confirms()[0].MsgSource, "the client echoes msgSource")
}

func TestFaultSystemFrame(t *testing.T) {
	s, c := connected(t, ChannelOptions{})
	require.NoError(t, s.Channel().SendSystem(DemoAppKey, "系统维护"))
	f := c.next()
	assert.Equal(t, frameSystem, f.str("type"))
	assert.Equal(t, "系统维护", f.str("content"))
	// The connection stays usable.
	_, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
	require.NoError(t, err)
	c.nextPush()
	assert.ErrorIs(t, s.Channel().SendSystem("0000000", "x"), ErrNoClient)
}

func TestFaultMalformedFrames(t *testing.T) {
	s, c := connected(t, ChannelOptions{})
	ch := s.Channel()

	_, err := ch.SendMalformed(DemoAppKey, BadJSON)
	require.NoError(t, err)
	f := c.next()
	assert.Nil(t, f.body, "not JSON: %s", f.raw)

	_, err = ch.SendMalformed(DemoAppKey, NonNumericID)
	require.NoError(t, err)
	f = c.next()
	assert.Equal(t, framePush, f.str("type"))
	assert.NotRegexp(t, `^[0-9]+$`, f.str("id"))

	id, err := ch.SendMalformed(DemoAppKey, ContentNotJSON)
	require.NoError(t, err)
	f = c.next()
	assert.Equal(t, itoa(id), f.str("id"))
	var v any
	assert.Error(t, json.Unmarshal([]byte(f.str("content")), &v))
	c.confirm(f)
	require.NoError(t, ch.Wait(waitCtx(t), func(st ChannelStats) bool { return st.Confirms == 1 }))
	assert.Equal(t, id, ch.Confirms()[0].RelatedID, "the CONFIRM of a bad message is recorded")
	assert.Zero(t, ch.Confirms()[0].MsgID)

	_, err = ch.SendMalformed(DemoAppKey, UnknownType)
	require.NoError(t, err)
	assert.Equal(t, "SERVER_NEWS", c.next().str("type"))

	_, err = ch.SendMalformed(DemoAppKey, BinaryFrame)
	require.NoError(t, err)
	assert.Equal(t, websocket.MessageBinary, c.next().kind)

	require.NoError(t, ch.SendFrame(DemoAppKey, "plain text"))
	assert.Equal(t, "plain text", string(c.next().raw))
}

func TestFaultDroppedConnection(t *testing.T) {
	s, c := connected(t, ChannelOptions{ConfirmTimeout: 30 * time.Millisecond})
	id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
	require.NoError(t, err)
	c.nextPush() // received, never confirmed: the consumer died
	assert.Equal(t, 1, s.Channel().Drop(DemoAppKey))
	err = c.waitEnd()
	assert.Equal(t, websocket.StatusCode(-1), websocket.CloseStatus(err), "no close frame: %v", err)

	// The reconnected client gets the message again.
	c2 := dialChannel(t, s)
	c2.connect()
	f, m := c2.nextPush()
	assert.Equal(t, itoa(id), num(t, m["msgId"]))
	c2.confirm(f)
	require.NoError(t, s.Channel().WaitConfirmed(waitCtx(t), id))
}

func TestFaultKick(t *testing.T) {
	s, c := connected(t, ChannelOptions{})
	assert.Equal(t, 1, s.Channel().Kick(DemoAppKey))
	assert.Equal(t, frameClose, c.next().str("type"))
	err := c.waitEnd()
	assert.Equal(t, websocket.StatusGoingAway, websocket.CloseStatus(err))
}

func TestFaultSilentServer(t *testing.T) {
	s := channelSim(t, ChannelOptions{ConfirmTimeout: 20 * time.Millisecond})
	s.Channel().SetSilent(true)
	c := dialChannel(t, s)
	c.send(c.signed(frameConnect))
	require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Connects == 1 }))
	c.send(c.signed(frameHeartbeat))
	require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Heartbeats == 1 }))
	id, err := s.Channel().Push(DemoAppKey, Message{Type: TopicOrderPay})
	require.NoError(t, err)
	c.quiet(100 * time.Millisecond) // no CONNECT_ACK, no push
	assert.True(t, s.Channel().Connects()[0].Accepted, "frames are read and recorded")

	// Pushes meanwhile were lost on the way and used up attempts.
	require.NoError(t, s.Channel().Wait(waitCtx(t), func(st ChannelStats) bool { return st.Failed == 1 }))
	s.Channel().SetSilent(false)
	c.connect()
	d, _ := s.Channel().Message(id)
	assert.Equal(t, Failed, d.State)
}
