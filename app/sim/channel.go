package sim

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"time"
)

// ChannelOptions configure the WebSocket message channel (1688.md §5.3).
// Every field is a GUESS where 1688.md has no fact; the zero value is the
// default noted next to it.
type ChannelOptions struct {
	// ConfirmTimeout is how long a SERVER_PUSH waits for its CONFIRM before
	// it is delivered again. 1688.md §8 lists it as unknown; the console's
	// 消息通道 page shows 超时时间 6000 ms (§9), so zero means 6 s.
	ConfirmTimeout time.Duration

	// MaxRedeliveries is how often an unconfirmed message is sent again
	// before it is stored as failed ("一般3次", 1688.md §5.1). Zero means 3;
	// a negative value means none: one attempt, then failed.
	MaxRedeliveries int

	// HoldWhileOffline makes messages for an app without a connected client
	// wait for one without using up attempts. By default the platform's
	// clock keeps running: an attempt with no client counts like an
	// unconfirmed one, so a message fails after about
	// (1+MaxRedeliveries)×ConfirmTimeout offline (see channel_delivery.go).
	HoldWhileOffline bool

	// AnswerHeartbeat makes the server reply to each valid HEARTBEAT with a
	// HEARTBEAT frame of its own. Whether 1688 replies is unknown (§5.3);
	// by default it does not.
	AnswerHeartbeat bool

	// BadSignText and UnknownKeyText are the content of the SYSTEM frame
	// that refuses a CONNECT or HEARTBEAT before the close. The real texts
	// were not found (§5.3); the defaults are plain English.
	BadSignText    string
	UnknownKeyText string

	// TopicStatus overrides the currentStatus a topic's data carries
	// (1688.md §5.6), e.g. {TopicOrderAnnounceSendGoods: "waitbuyersign"}.
	// Unlisted topics use defaultTopicStatus, then the order's status.
	TopicStatus map[string]string

	// ReplayRetention is how long a failed message stays in the replay
	// APIs, by the simulator's clock. 1688.md §5.1 has 7 days on one page
	// and 3 months on another; zero means the shorter, 7 days, and a
	// negative value keeps messages forever.
	ReplayRetention time.Duration

	// ReplayDataAsString sends a replayed message's data as a JSON string
	// instead of an object. The replay shape is only [M] (§5.5), so a
	// client should read both.
	ReplayDataAsString bool
}

func (o ChannelOptions) withDefaults() ChannelOptions {
	if o.ConfirmTimeout <= 0 {
		o.ConfirmTimeout = 6 * time.Second
	}
	if o.MaxRedeliveries == 0 {
		o.MaxRedeliveries = 3
	}
	if o.BadSignText == "" {
		o.BadSignText = "signature is invalid: check the AppKey and the AppSecret"
	}
	if o.UnknownKeyText == "" {
		o.UnknownKeyText = "appKey is not found"
	}
	if o.ReplayRetention == 0 {
		o.ReplayRetention = 7 * 24 * time.Hour
	}
	return o
}

// Message sources of a SERVER_PUSH (1688.md §5.3): REAL for business
// events, MOCK for the console's 去测试 test messages.
const (
	SourceReal = "REAL"
	SourceMock = "MOCK"
)

// Message is a business message of 1688.md §5.2 to push.
type Message struct {
	// MsgID is the dedupe key. Zero means the channel assigns the next id.
	// An id already pushed to the same app sends that message again in a
	// new frame: a duplicate, as the platform may send one.
	MsgID    int64
	Type     string // topic, e.g. ORDER_BUYER_VIEW_ORDER_PAY
	UserInfo string // member id, e.g. b2b-2209876543210
	GmtBorn  time.Time
	// Data is the topic payload. Nil means {}.
	Data json.RawMessage
	// Source is SourceReal (the default) or SourceMock.
	Source string
}

// MessageState is where a pushed message is in its delivery.
type MessageState int

// The states of a pushed message.
const (
	// Pending: waiting for a client, or for the next attempt after one
	// that found no client.
	Pending MessageState = iota
	// Held: kept back by Hold until Release.
	Held
	// InFlight: sent, waiting for its CONFIRM.
	InFlight
	// Confirmed by a CONFIRM frame or push.message.confirm, or handed out
	// by push.cursor.messageList.
	Confirmed
	// Failed: every attempt went unconfirmed; only the replay APIs have it.
	Failed
)

// String names the state for test output.
func (s MessageState) String() string {
	switch s {
	case Pending:
		return "pending"
	case Held:
		return "held"
	case InFlight:
		return "in flight"
	case Confirmed:
		return "confirmed"
	case Failed:
		return "failed"
	}
	return "unknown"
}

// Delivery is what the channel knows about one pushed message.
type Delivery struct {
	MsgID    int64
	AppKey   string
	Type     string
	UserInfo string
	Source   string
	Born     time.Time
	// Content is the §5.2 JSON exactly as SERVER_PUSH carries it.
	Content  string
	State    MessageState
	Attempts int     // delivery attempts, including ones that found no client
	Frames   []int64 // ids of every SERVER_PUSH that carried it, duplicates included
}

// Confirm is one CONFIRM frame as the server received it.
type Confirm struct {
	Time           time.Time // real time of arrival
	AppKey         string    // of the connection it came on
	RelatedID      int64
	RelatedMsgTime int64
	CostInIsv      int64
	MsgSource      string
	ID             string // the client's own frame id
	// MsgID is the message the related frame carried; zero when RelatedID
	// names no SERVER_PUSH of this app (a malformed frame, or a bug).
	MsgID int64
	// Problem says why the frame was not accepted, e.g. a relatedId sent
	// as a string; empty for a good CONFIRM.
	Problem string
}

// Heartbeat is one HEARTBEAT frame as the server received it.
type Heartbeat struct {
	Time    time.Time
	AppKey  string
	PubTime int64
	Valid   bool // the sign matched
}

// ConnectAttempt is one CONNECT frame and the server's verdict.
type ConnectAttempt struct {
	Time          time.Time
	AppKey        string
	ClientVersion string // the handshake's client_version header
	Accepted      bool
	Problem       string // why it was refused
}

// ChannelStats is a snapshot of the channel's counters.
type ChannelStats struct {
	Connections int // connected clients (CONNECT_ACK sent)
	Pushes      int // SERVER_PUSH frames sent, duplicates and redeliveries included
	Connects    int // CONNECT frames received, accepted or not
	Confirms    int // CONFIRM frames received, good or not
	Heartbeats  int
	Pending     int // messages neither confirmed nor failed
	Confirmed   int
	Failed      int
}

// ErrNoClient is returned by a fault that needs a connected client of the
// app when there is none.
var ErrNoClient = errors.New("sim: no client of this app is connected")

// Channel is the simulator's 1688 message channel: the /websocket endpoint,
// the store of pushed messages behind it, and the controls tests use to
// push messages and inject faults. Its methods are safe for concurrent
// use.
type Channel struct {
	s    *Sim
	opts ChannelOptions

	mu        sync.Mutex
	closed    bool
	conns     []*chanConn // oldest first; the newest connected one receives
	msgs      map[int64]*pushed
	order     []int64         // message ids, oldest first
	frameMsg  map[int64]int64 // SERVER_PUSH frame id → message id
	nextFrame int64
	nextMsg   int64
	holding   bool
	held      []heldPush
	silent    bool
	stats     ChannelStats
	confirms  []Confirm
	beats     []Heartbeat
	connects  []ConnectAttempt
	changed   chan struct{} // closed and replaced on every change, for Wait

	wg sync.WaitGroup // connection handlers
}

// Frame and message ids start above 2^53, so a client that reads either
// through a float64 confirms the wrong frame or dedupes the wrong message.
const (
	firstFrameID int64 = 9007199254740993
	firstMsgID   int64 = 4611686018427388001
)

// maxAttempts is the first attempt plus the redeliveries.
func (o ChannelOptions) maxAttempts() int { return 1 + max(o.MaxRedeliveries, 0) }

func newChannel(s *Sim, opts ChannelOptions) *Channel {
	return &Channel{
		s: s, opts: opts.withDefaults(),
		msgs: map[int64]*pushed{}, frameMsg: map[int64]int64{},
		nextFrame: firstFrameID, nextMsg: firstMsgID,
		changed: make(chan struct{}),
	}
}

// Channel returns the message channel's controls.
func (s *Sim) Channel() *Channel { return s.channel }

// ChannelURL is the WebSocket endpoint, "ws://127.0.0.1:PORT/websocket".
// Put it where a client would put "ws://message.1688.com/websocket".
func (s *Sim) ChannelURL() string { return "ws://" + s.ln.Addr().String() + "/websocket" }

// close ends every connection and every redelivery timer, and waits for the
// connection handlers, which the HTTP server no longer tracks once a
// connection is upgraded.
func (c *Channel) close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	for _, m := range c.msgs {
		m.stopTimer()
	}
	conns := slices.Clone(c.conns)
	c.notifyLocked()
	c.mu.Unlock()
	for _, cc := range conns {
		_ = cc.ws.CloseNow()
	}
	c.wg.Wait()
}

// notifyLocked wakes every Wait. The caller holds c.mu.
func (c *Channel) notifyLocked() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// Stats returns the channel's counters.
func (c *Channel) Stats() ChannelStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.statsLocked()
}

func (c *Channel) statsLocked() ChannelStats {
	st := c.stats
	st.Connections = 0
	for _, cc := range c.conns {
		if cc.ready {
			st.Connections++
		}
	}
	st.Connects, st.Confirms, st.Heartbeats = len(c.connects), len(c.confirms), len(c.beats)
	st.Pending, st.Confirmed, st.Failed = 0, 0, 0
	for _, m := range c.msgs {
		switch m.state {
		case Confirmed:
			st.Confirmed++
		case Failed:
			st.Failed++
		default:
			st.Pending++
		}
	}
	return st
}

// Wait blocks until cond holds for the channel's counters, ctx ends, or
// the simulator closes. cond is checked after every change, with the
// channel locked: it must not call the Channel's methods.
func (c *Channel) Wait(ctx context.Context, cond func(ChannelStats) bool) error {
	return c.waitLocked(ctx, func() bool { return cond(c.statsLocked()) })
}

// WaitConnected waits until a client of appKey has been sent CONNECT_ACK.
func (c *Channel) WaitConnected(ctx context.Context, appKey string) error {
	return c.waitLocked(ctx, func() bool { return c.targetLocked(appKey) != nil })
}

// WaitConfirmed waits until every message named is confirmed. It fails at
// once if one of them failed or is unknown.
func (c *Channel) WaitConfirmed(ctx context.Context, msgIDs ...int64) error {
	var bad error
	err := c.waitLocked(ctx, func() bool {
		for _, id := range msgIDs {
			m, ok := c.msgs[id]
			switch {
			case !ok:
				bad = errors.New("sim: unknown message id")
				return true
			case m.state == Failed:
				bad = errors.New("sim: a message failed before it was confirmed")
				return true
			case m.state != Confirmed:
				return false
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	return bad
}

// waitLocked calls check with c.mu held until it reports true.
func (c *Channel) waitLocked(ctx context.Context, check func() bool) error {
	for {
		c.mu.Lock()
		done, changed, closed := check(), c.changed, c.closed
		c.mu.Unlock()
		if done {
			return nil
		}
		if closed {
			return errors.New("sim: the simulator is closed")
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Confirms returns the CONFIRM frames received, oldest first.
func (c *Channel) Confirms() []Confirm {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.confirms)
}

// Heartbeats returns the HEARTBEAT frames received, oldest first.
func (c *Channel) Heartbeats() []Heartbeat {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.beats)
}

// Connects returns the CONNECT frames received, oldest first.
func (c *Channel) Connects() []ConnectAttempt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.connects)
}

// Messages returns every pushed message, oldest first.
func (c *Channel) Messages() []Delivery {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Delivery, 0, len(c.order))
	for _, id := range c.order {
		out = append(out, c.msgs[id].delivery())
	}
	return out
}

// Message returns one pushed message by its msgId.
func (c *Channel) Message(msgID int64) (Delivery, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m, ok := c.msgs[msgID]
	if !ok {
		return Delivery{}, false
	}
	return m.delivery(), true
}
