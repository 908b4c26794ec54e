package sim

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The delivery model. 1688 delivers at least once (1688.md §5.1): a
// message is pushed, and pushed again every ConfirmTimeout until a CONFIRM
// names one of its frames, at most 1+MaxRedeliveries times; then it is
// stored as failed for the replay APIs.
//
// An attempt goes to the newest connected client of the message's app. An
// attempt that finds no client still counts, as the platform counts a push
// it could not hand over; when a client connects, the messages whose last
// attempt found nobody are sent at once as that attempt, so a client that
// reconnects quickly loses nothing. With HoldWhileOffline, time offline
// does not count at all. Redelivery runs on real time, not on the world's
// clock, because it races a real socket.

// pushed is one message in the channel's store. Fields are guarded by
// Channel.mu.
type pushed struct {
	id       int64
	appKey   string
	typ      string
	userInfo string
	source   string
	born     time.Time
	data     json.RawMessage
	content  string // the §5.2 body as text

	state    MessageState
	attempts int
	missed   bool // the last attempt found no client
	frames   []int64
	timer    *time.Timer
	gen      int // bumped when a timer is set, so a stale one does nothing
}

func (m *pushed) stopTimer() {
	if m.timer != nil {
		m.timer.Stop()
		m.timer = nil
	}
}

func (m *pushed) delivery() Delivery {
	return Delivery{
		MsgID: m.id, AppKey: m.appKey, Type: m.typ, UserInfo: m.userInfo, Source: m.source,
		Born: m.born, Content: m.content, State: m.state, Attempts: m.attempts, Frames: slices.Clone(m.frames),
	}
}

// messageBody is the business message of 1688.md §5.2.
type messageBody struct {
	MsgID    int64           `json:"msgId"`
	GmtBorn  int64           `json:"gmtBorn"`
	Type     string          `json:"type"`
	UserInfo string          `json:"userInfo"`
	Data     json.RawMessage `json:"data"`
}

// heldPush is a push kept back by Hold: a message's next attempt, or a
// duplicate of it.
type heldPush struct {
	msgID int64
	dup   bool
}

// PushMessages pushes messages to the client of appKey and returns their
// msgIds, in order. A message whose MsgID the app already has is sent
// again as a duplicate (new frame id, same content) when a client is
// connected. Use WaitConfirmed to wait for the CONFIRMs.
func (c *Channel) PushMessages(appKey string, msgs ...Message) ([]int64, error) {
	if _, ok := c.s.app(appKey); !ok {
		return nil, fmt.Errorf("app %s: %w", appKey, ErrNotFound)
	}
	ids := make([]int64, 0, len(msgs))
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, msg := range msgs {
		id, err := c.pushLocked(appKey, msg)
		if err != nil {
			return ids, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Push pushes one message; see PushMessages.
func (c *Channel) Push(appKey string, msg Message) (int64, error) {
	ids, err := c.PushMessages(appKey, msg)
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

// pushLocked stores msg and makes its first attempt. The caller holds
// c.mu.
func (c *Channel) pushLocked(appKey string, msg Message) (int64, error) {
	if c.closed {
		return 0, errors.New("sim: the simulator is closed")
	}
	if old, ok := c.msgs[msg.MsgID]; ok && msg.MsgID != 0 {
		if old.appKey != appKey {
			return 0, fmt.Errorf("sim: msgId %d belongs to app %s", msg.MsgID, old.appKey)
		}
		c.duplicateLocked(old)
		return old.id, nil
	}
	if msg.Type == "" {
		return 0, errors.New("sim: a message needs a Type")
	}
	if msg.MsgID == 0 {
		msg.MsgID = c.nextMsg
		c.nextMsg++
	}
	if msg.GmtBorn.IsZero() {
		msg.GmtBorn = c.s.opts.Now()
	}
	if msg.Data == nil {
		msg.Data = json.RawMessage("{}")
	}
	if msg.Source == "" {
		msg.Source = SourceReal
	}
	content, err := json.Marshal(messageBody{msg.MsgID, msg.GmtBorn.UnixMilli(), msg.Type, msg.UserInfo, msg.Data})
	if err != nil {
		return 0, fmt.Errorf("sim: message data: %w", err)
	}
	m := &pushed{
		id: msg.MsgID, appKey: appKey, typ: msg.Type, userInfo: msg.UserInfo, source: msg.Source,
		born: msg.GmtBorn, data: msg.Data, content: string(content),
	}
	c.msgs[m.id] = m
	c.order = append(c.order, m.id)
	c.attemptLocked(m)
	c.notifyLocked()
	return m.id, nil
}

// publish is the world's sink: an order event becomes one message per app
// the buyer authorized. It runs under the world's lock, so messages are
// numbered in the order the events happened.
func (c *Channel) publish(appKeys []string, msg Message) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range appKeys {
		msg.MsgID = 0
		// Errors need a closed channel or a bad Data, which the world's
		// own payloads never are.
		_, _ = c.pushLocked(k, msg)
	}
}

// attemptLocked makes the next delivery attempt of m.
func (c *Channel) attemptLocked(m *pushed) {
	if c.closed {
		return
	}
	if c.holding {
		m.state = Held
		c.held = append(c.held, heldPush{msgID: m.id})
		return
	}
	conn := c.targetLocked(m.appKey)
	if conn == nil && c.opts.HoldWhileOffline {
		m.state, m.missed = Pending, true
		return
	}
	m.attempts++
	if conn == nil {
		m.state, m.missed = Pending, true
	} else {
		m.state, m.missed = InFlight, false
		c.sendPushLocked(conn, m)
	}
	c.armLocked(m)
}

// armLocked starts the confirm timeout of m's current attempt.
func (c *Channel) armLocked(m *pushed) {
	m.stopTimer()
	m.gen++
	gen := m.gen
	m.timer = time.AfterFunc(c.opts.ConfirmTimeout, func() { c.expire(m, gen) })
}

// expire runs when an attempt's timeout passes without a CONFIRM.
func (c *Channel) expire(m *pushed, gen int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || gen != m.gen || m.state == Confirmed || m.state == Failed || m.state == Held {
		return
	}
	m.timer = nil
	if m.attempts >= c.opts.maxAttempts() {
		m.state = Failed
		c.notifyLocked()
		return
	}
	c.attemptLocked(m)
	c.notifyLocked()
}

// sendPushLocked writes one SERVER_PUSH of m to conn under a new frame id.
func (c *Channel) sendPushLocked(conn *chanConn, m *pushed) {
	id := c.nextFrame
	c.nextFrame++
	c.frameMsg[id] = m.id
	m.frames = append(m.frames, id)
	c.stats.Pushes++
	conn.sendLocked(pushFrame(id, c.s.opts.Now(), m.content, m.source))
}

// duplicateLocked sends m again without touching its attempts: the
// platform's duplicates come on top of its redeliveries.
func (c *Channel) duplicateLocked(m *pushed) bool {
	if c.holding {
		c.held = append(c.held, heldPush{msgID: m.id, dup: true})
		return true
	}
	conn := c.targetLocked(m.appKey)
	if conn == nil {
		return false
	}
	c.sendPushLocked(conn, m)
	return true
}

// flushLocked sends, to a client that just connected, every message of
// its app whose last attempt found no client.
func (c *Channel) flushLocked(conn *chanConn) {
	for _, id := range c.order {
		m := c.msgs[id]
		if m.appKey != conn.appKey || !m.missed || (m.state != Pending) {
			continue
		}
		if m.attempts == 0 {
			m.attempts = 1 // held while offline: this is its first attempt
		}
		m.state, m.missed = InFlight, false
		c.sendPushLocked(conn, m)
		c.armLocked(m)
	}
}

// confirmLocked marks a message confirmed, by a CONFIRM or a replay API.
// It reports whether the message was not confirmed before.
func (c *Channel) confirmLocked(m *pushed) bool {
	if m.state == Confirmed {
		return false
	}
	if m.state == Held {
		c.held = slices.DeleteFunc(c.held, func(h heldPush) bool { return h.msgID == m.id })
	}
	m.stopTimer()
	m.gen++
	m.state = Confirmed
	return true
}

// topicParts splits a type into topicGroup and topicName at its first
// underscore, the inverse of type = topicGroup + "_" + topicName (§5.5).
func topicParts(typ string) (group, name string) {
	group, name, _ = strings.Cut(typ, "_")
	return group, name
}
