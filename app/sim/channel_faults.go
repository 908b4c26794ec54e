package sim

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/coder/websocket"
)

// Scriptable faults of the message channel (DESIGN.md §7): duplicates,
// reordering, MOCK pushes, SYSTEM frames, malformed frames, dropped
// connections and a server that stops answering.

// Duplicate sends a message again in a new frame, with the same msgId and
// content, on top of its normal delivery. During Hold the duplicate is
// held too.
func (c *Channel) Duplicate(msgID int64) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	m, ok := c.msgs[msgID]
	if !ok {
		return fmt.Errorf("message %d: %w", msgID, ErrNotFound)
	}
	if !c.duplicateLocked(m) {
		return ErrNoClient
	}
	return nil
}

// Hold keeps every push (first attempts, redeliveries and duplicates) back
// until Release, without using up attempts, so a test can reorder them.
func (c *Channel) Hold() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.holding = true
}

// Release ends Hold and sends what was held: first the msgIds named, in
// that order, then the rest in reverse order of holding. Release() with no
// ids therefore sends the held messages newest first. It returns how many
// pushes it made or scheduled.
func (c *Channel) Release(order ...int64) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.holding = false
	rest := slices.Clone(c.held)
	c.held = nil
	var seq []heldPush
	for _, id := range order {
		if i := slices.IndexFunc(rest, func(h heldPush) bool { return h.msgID == id }); i >= 0 {
			seq = append(seq, rest[i])
			rest = slices.Delete(rest, i, i+1)
		}
	}
	slices.Reverse(rest)
	seq = append(seq, rest...)
	for _, h := range seq {
		m := c.msgs[h.msgID]
		switch {
		case h.dup:
			c.duplicateLocked(m)
		case m.state == Held:
			c.attemptLocked(m)
		}
	}
	c.notifyLocked()
	return len(seq)
}

// PushMock pushes a test message with msgSource MOCK, as the console's 去测试
// button sends (1688.md §9). An empty Type makes it an order-created
// message about an order that does not exist, like the console's samples.
func (c *Channel) PushMock(appKey string, msg Message) (int64, error) {
	msg.Source = SourceMock
	if msg.Type == "" {
		msg.Type = TopicOrderBuyerMake
		data, _ := json.Marshal(orderData{
			OrderID: 1234567890123456789, CurrentStatus: StatusWaitBuyerPay,
			MsgSendTime: traceTime(c.s.opts.Now()), BuyerMemberID: msg.UserInfo, SellerMemberID: "b2b-mock-seller",
		})
		msg.Data = data
	}
	return c.Push(appKey, msg)
}

// SendSystem sends a SYSTEM frame with text as its content to every
// connected client of appKey. The connection stays open.
func (c *Channel) SendSystem(appKey, text string) error {
	return c.SendFrame(appKey, string(plainFrame(frameSystem, c.s.opts.Now(), text)))
}

// SendFrame sends one raw text frame to every connected client of appKey;
// the frame need not be JSON.
func (c *Channel) SendFrame(appKey, frame string) error {
	return c.sendAll(appKey, websocket.MessageText, []byte(frame))
}

// Malformed frames SendMalformed can send.
type Malformed int

const (
	// BadJSON is a SERVER_PUSH cut off in the middle.
	BadJSON Malformed = iota
	// NonNumericID is a SERVER_PUSH whose id is not a number.
	NonNumericID
	// ContentNotJSON is a well-formed SERVER_PUSH with a numeric id whose
	// content is not a message; the client should store it as an error
	// and still confirm it.
	ContentNotJSON
	// UnknownType is a frame of a type §5.3 does not list.
	UnknownType
	// BinaryFrame is a binary WebSocket frame instead of a text one.
	BinaryFrame
)

// SendMalformed sends a malformed frame to every connected client of
// appKey. For ContentNotJSON it returns the frame id, so a test can look
// for its CONFIRM; otherwise 0.
func (c *Channel) SendMalformed(appKey string, kind Malformed) (int64, error) {
	now := c.s.opts.Now()
	switch kind {
	case BadJSON:
		return 0, c.SendFrame(appKey, `{"type":"SERVER_PUSH","id":"90071992547`)
	case NonNumericID:
		return 0, c.SendFrame(appKey, `{"type":"SERVER_PUSH","id":"push-abc","pubTime":`+strconv.FormatInt(now.UnixMilli(), 10)+`,"content":"{}","msgSource":"REAL"}`)
	case UnknownType:
		return 0, c.SendFrame(appKey, string(plainFrame("SERVER_NEWS", now, "something new")))
	case BinaryFrame:
		return 0, c.sendAll(appKey, websocket.MessageBinary, pushFrame(1, now, "{}", SourceReal))
	}
	c.mu.Lock()
	id := c.nextFrame
	c.nextFrame++
	c.mu.Unlock()
	return id, c.SendFrame(appKey, string(pushFrame(id, now, `{"msgId":12,"type":`, SourceReal)))
}

func (c *Channel) sendAll(appKey string, typ websocket.MessageType, data []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, cc := range c.conns {
		if cc.ready && cc.appKey == appKey {
			if !c.silent {
				cc.enqueue(typ, data)
			}
			n++
		}
	}
	if n == 0 {
		return ErrNoClient
	}
	return nil
}

// Drop closes every connection of appKey at once, without a close frame,
// as a network failure would. An empty appKey drops every connection,
// including ones that have not sent CONNECT. It returns how many it
// closed.
func (c *Channel) Drop(appKey string) int {
	c.mu.Lock()
	var victims []*chanConn
	for _, cc := range c.conns {
		if appKey == "" || cc.appKey == appKey {
			cc.ready = false
			victims = append(victims, cc)
		}
	}
	c.notifyLocked()
	c.mu.Unlock()
	for _, cc := range victims {
		_ = cc.ws.CloseNow()
	}
	return len(victims)
}

// Kick sends a CLOSE frame to every client of appKey and then closes the
// socket normally, the orderly way the platform might end a session
// (1688.md §5.3 step 9: the S2 client ignores CLOSE, so the socket close is
// what it notices). It returns how many it closed.
func (c *Channel) Kick(appKey string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, cc := range c.conns {
		if cc.appKey == appKey && cc.ready {
			cc.ready = false
			cc.enqueue(websocket.MessageText, plainFrame(frameClose, c.s.opts.Now(), ""))
			cc.enqueueClose(websocket.StatusGoingAway)
			n++
		}
	}
	c.notifyLocked()
	return n
}

// SetSilent makes the server stop answering, or answer again: while
// silent it reads and records every frame but writes nothing, no
// CONNECT_ACK and no push. Pushes made meanwhile still count as attempts,
// lost on the way.
func (c *Channel) SetSilent(silent bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.silent = silent
}
