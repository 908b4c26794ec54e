package sim

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// Frame types of 1688.md §5.3.
const (
	frameConnect    = "CONNECT"
	frameConnectAck = "CONNECT_ACK"
	frameHeartbeat  = "HEARTBEAT"
	frameConfirm    = "CONFIRM"
	framePush       = "SERVER_PUSH"
	frameClose      = "CLOSE"
	frameSystem     = "SYSTEM"
)

// writeTimeout bounds one frame write, so a client that stops reading
// cannot hold a writer forever.
const writeTimeout = 10 * time.Second

// chanConn is one WebSocket connection. appKey and ready are guarded by
// Channel.mu; the queue by qmu.
type chanConn struct {
	ch            *Channel
	ws            *websocket.Conn
	clientVersion string
	appKey        string // set by an accepted CONNECT
	ready         bool   // CONNECT_ACK sent

	qmu        sync.Mutex
	queue      []outgoing
	wake       chan struct{}
	done       chan struct{} // the reader has stopped
	writerDone chan struct{}
}

type outgoing struct {
	typ    websocket.MessageType
	data   []byte
	status websocket.StatusCode // for closeMarker
}

// serveChannel upgrades /websocket and runs the connection until either
// side closes it.
func (s *Sim) serveChannel(w http.ResponseWriter, r *http.Request) {
	c := s.channel
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		http.Error(w, "closed", http.StatusServiceUnavailable)
		return
	}
	c.wg.Add(1)
	c.mu.Unlock()
	defer c.wg.Done()

	ws, err := websocket.Accept(w, r, nil)
	if err != nil {
		return // Accept has answered the bad handshake
	}
	cc := &chanConn{
		ch: c, ws: ws, clientVersion: r.Header.Get("client_version"),
		wake: make(chan struct{}, 1), done: make(chan struct{}), writerDone: make(chan struct{}),
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		_ = ws.CloseNow()
		return
	}
	c.conns = append(c.conns, cc)
	c.mu.Unlock()

	go func() {
		defer close(cc.writerDone)
		cc.writeLoop()
	}()
	if refused := cc.readLoop(); refused {
		// Let the writer send the SYSTEM frame and the close before the
		// socket goes.
		t := time.NewTimer(writeTimeout)
		select {
		case <-cc.writerDone:
		case <-t.C:
		}
		t.Stop()
	}
	close(cc.done)
	_ = ws.CloseNow()
	<-cc.writerDone
	c.mu.Lock()
	c.conns = slices.DeleteFunc(c.conns, func(x *chanConn) bool { return x == cc })
	c.notifyLocked()
	c.mu.Unlock()
}

// inFrame is a client frame. Numbers are kept raw so the server can tell
// a JSON number from a string, as a Java long would need.
type inFrame struct {
	Type           string          `json:"type"`
	AppKey         string          `json:"appKey"`
	ID             json.RawMessage `json:"id"`
	PubTime        json.RawMessage `json:"pubTime"`
	Content        string          `json:"content"`
	Sign           string          `json:"sign"`
	CostInIsv      json.RawMessage `json:"costInIsv"`
	MsgSource      string          `json:"msgSource"`
	RelatedID      json.RawMessage `json:"relatedId"`
	RelatedMsgTime json.RawMessage `json:"relatedMsgTime"`
}

// readLoop handles client frames until the socket fails or a frame is
// refused; it reports a refusal.
func (cc *chanConn) readLoop() (refused bool) {
	for {
		typ, data, err := cc.ws.Read(context.Background())
		if err != nil {
			return false
		}
		if typ != websocket.MessageText {
			continue // §5.3: every application message is a text frame
		}
		var f inFrame
		if json.Unmarshal(data, &f) != nil {
			continue // the platform's reaction to garbage is unknown; ignoring it is the mildest
		}
		switch f.Type {
		case frameConnect:
			if !cc.onConnect(f) {
				return true
			}
		case frameHeartbeat:
			if !cc.onHeartbeat(f) {
				return true
			}
		case frameConfirm:
			cc.onConfirm(f)
		}
	}
}

// onConnect checks a CONNECT and answers CONNECT_ACK, or SYSTEM and a
// close. A repeated CONNECT, which S2 sends when no ACK came, is answered
// again.
func (cc *chanConn) onConnect(f inFrame) bool {
	c := cc.ch
	rec := ConnectAttempt{Time: time.Now(), AppKey: f.AppKey, ClientVersion: cc.clientVersion}
	app, ok := c.s.app(f.AppKey)
	pubTime, hasTime := longOf(f.PubTime)
	switch {
	case !ok:
		rec.Problem = c.opts.UnknownKeyText
	case !hasTime:
		rec.Problem = "pubTime is missing or not a long"
	case !signMatches(f.Sign, channelSign(app.Secret, f.AppKey, f.Content, pubTime)):
		rec.Problem = c.opts.BadSignText
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.connects = append(c.connects, rec)
	if rec.Problem != "" {
		cc.refuseLocked(rec.Problem)
		return false
	}
	c.connects[len(c.connects)-1].Accepted = true
	cc.appKey, cc.ready = f.AppKey, true
	cc.sendLocked(plainFrame(frameConnectAck, c.s.opts.Now(), ""))
	c.flushLocked(cc)
	c.notifyLocked()
	return true
}

// onHeartbeat checks and records a HEARTBEAT. A bad sign is refused like a
// bad CONNECT: the key or secret no longer match.
func (cc *chanConn) onHeartbeat(f inFrame) bool {
	c := cc.ch
	app, ok := c.s.app(f.AppKey)
	pubTime, hasTime := longOf(f.PubTime)
	valid := ok && hasTime && signMatches(f.Sign, channelSign(app.Secret, f.AppKey, f.Content, pubTime))
	c.mu.Lock()
	defer c.mu.Unlock()
	c.beats = append(c.beats, Heartbeat{Time: time.Now(), AppKey: f.AppKey, PubTime: pubTime, Valid: valid})
	c.notifyLocked()
	if !valid {
		cc.refuseLocked(c.opts.BadSignText)
		return false
	}
	if c.opts.AnswerHeartbeat {
		cc.sendLocked(plainFrame(frameHeartbeat, c.s.opts.Now(), ""))
	}
	return true
}

// onConfirm matches a CONFIRM to the SERVER_PUSH it names by relatedId,
// which must be a JSON number (§5.3: the client sends a long).
func (cc *chanConn) onConfirm(f inFrame) {
	c := cc.ch
	rec := Confirm{Time: time.Now(), MsgSource: f.MsgSource}
	rec.ID, _ = textOf(f.ID)
	rec.RelatedMsgTime, _ = longOf(f.RelatedMsgTime)
	rec.CostInIsv, _ = longOf(f.CostInIsv)
	raw := bytes.TrimSpace(f.RelatedID)
	related, isLong := longOf(raw)
	switch {
	case len(raw) > 0 && raw[0] == '"':
		rec.Problem = "relatedId is a string, not a number"
		if v, err := strconv.ParseInt(strings.Trim(string(raw), `"`), 10, 64); err == nil {
			rec.RelatedID = v
		}
	case !isLong:
		rec.Problem = "relatedId is missing or not a long"
	default:
		rec.RelatedID = related
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	rec.AppKey = cc.appKey
	if rec.Problem == "" {
		if id, ok := c.frameMsg[rec.RelatedID]; ok && c.msgs[id].appKey == cc.appKey {
			rec.MsgID = id
			c.confirmLocked(c.msgs[id])
		}
	}
	c.confirms = append(c.confirms, rec)
	c.notifyLocked()
}

// refuseLocked sends the SYSTEM error and closes the socket once it is
// written. The close code is a GUESS: 1688.md does not record one.
func (cc *chanConn) refuseLocked(text string) {
	cc.ready = false
	// The refusal is written even when the server is silent: it is the
	// answer the test is asking for.
	cc.enqueue(websocket.MessageText, plainFrame(frameSystem, cc.ch.s.opts.Now(), text))
	cc.enqueueClose(websocket.StatusPolicyViolation)
}

// closeMarker in the queue makes the writer close the socket normally.
const closeMarker websocket.MessageType = -1

// sendLocked queues a text frame unless the server plays dead (SetSilent).
func (cc *chanConn) sendLocked(frame []byte) {
	if cc.ch.silent {
		return
	}
	cc.enqueue(websocket.MessageText, frame)
}

// enqueueClose makes the writer close the socket with status once the
// frames queued before are written.
func (cc *chanConn) enqueueClose(status websocket.StatusCode) {
	cc.push(outgoing{typ: closeMarker, status: status})
}

func (cc *chanConn) enqueue(typ websocket.MessageType, data []byte) {
	cc.push(outgoing{typ: typ, data: data})
}

func (cc *chanConn) push(o outgoing) {
	cc.qmu.Lock()
	cc.queue = append(cc.queue, o)
	cc.qmu.Unlock()
	select {
	case cc.wake <- struct{}{}:
	default:
	}
}

// writeLoop writes queued frames in order, so nothing is written while
// the channel's lock is held.
func (cc *chanConn) writeLoop() {
	for {
		select {
		case <-cc.wake:
		case <-cc.done:
			return
		}
		cc.qmu.Lock()
		batch := cc.queue
		cc.queue = nil
		cc.qmu.Unlock()
		for _, o := range batch {
			if !cc.write(o) {
				_ = cc.ws.CloseNow()
				return
			}
		}
	}
}

func (cc *chanConn) write(o outgoing) bool {
	if o.typ == closeMarker {
		_ = cc.ws.Close(o.status, "")
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
	defer cancel()
	return cc.ws.Write(ctx, o.typ, o.data) == nil
}

// targetLocked is the newest connected client of appKey, or nil.
func (c *Channel) targetLocked(appKey string) *chanConn {
	for i := len(c.conns) - 1; i >= 0; i-- {
		if cc := c.conns[i]; cc.ready && cc.appKey == appKey {
			return cc
		}
	}
	return nil
}

// outFrame is a server frame. Keys are written in a fixed order; clients
// must not rely on it (§5.3).
type outFrame struct {
	Type      string `json:"type"`
	ID        string `json:"id,omitempty"`
	PubTime   int64  `json:"pubTime"`
	Content   string `json:"content,omitempty"`
	MsgSource string `json:"msgSource,omitempty"`
}

func plainFrame(typ string, now time.Time, content string) []byte {
	b, _ := json.Marshal(outFrame{Type: typ, PubTime: now.UnixMilli(), Content: content})
	return b
}

// pushFrame is a SERVER_PUSH: the id a numeric string, content the
// message JSON as a string (§5.3 step 4).
func pushFrame(id int64, now time.Time, content, source string) []byte {
	b, _ := json.Marshal(outFrame{Type: framePush, ID: strconv.FormatInt(id, 10), PubTime: now.UnixMilli(), Content: content, MsgSource: source})
	return b
}

// channelSign is the CONNECT and HEARTBEAT sign of 1688.md §5.3:
// uppercase hex MD5 of secret + appKey + content + pubTime, empty parts
// skipped. It is written here, not imported, so the simulator checks the
// client's signer independently.
func channelSign(secret, appKey, content string, pubTime int64) string {
	h := md5.New()
	h.Write([]byte(secret))
	h.Write([]byte(appKey))
	h.Write([]byte(content))
	h.Write([]byte(strconv.FormatInt(pubTime, 10)))
	return strings.ToUpper(hex.EncodeToString(h.Sum(nil)))
}

func signMatches(got, want string) bool {
	return subtle.ConstantTimeCompare([]byte(strings.ToUpper(got)), []byte(want)) == 1
}

// longOf reads a Java long sent as a JSON number or a string of digits
// (fastjson accepts both for a long field).
func longOf(raw json.RawMessage) (int64, bool) {
	s, ok := textOf(raw)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

// textOf is a scalar's text: a string unquoted, a number as written.
func textOf(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", false
		}
		return s, true
	}
	return string(raw), true
}
