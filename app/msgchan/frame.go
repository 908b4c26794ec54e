package msgchan

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Frame types of 1688.md §5.3 (the official SDK's WebSocketMessageType).
const (
	typeConnect    = "CONNECT"
	typeConnectAck = "CONNECT_ACK"
	typeHeartbeat  = "HEARTBEAT"
	typeConfirm    = "CONFIRM"
	typeServerPush = "SERVER_PUSH"
	typeClientPush = "CLIENT_PUSH"
	typeClose      = "CLOSE"
	typeSystem     = "SYSTEM"
)

// Message sources of a push: MOCK is the console's test tool, REAL everything else.
const (
	SourceReal = "REAL"
	SourceMock = "MOCK"
)

// Push is one SERVER_PUSH frame.
type Push struct {
	ID        int64  // the frame id; CONFIRM echoes it as relatedId
	PubTime   int64  // ms; CONFIRM echoes it as relatedMsgTime
	Content   string // the business message JSON (1688.md §5.2), unwrapped from a {"message":…} wrapper
	MsgSource string // "REAL" (also when the frame had none) or "MOCK"
	Received  time.Time
}

// frame is an inbound frame after the first, lenient decoding. Fields other than these are
// ignored, as the official SDK ignores them.
type frame struct {
	Type      string
	ID        string // raw: a push's is numeric, other frames may carry anything
	PubTime   int64
	Content   string // for SYSTEM the error text; for SERVER_PUSH the unwrapped message JSON
	MsgSource string
}

// wireFrame is what encoding/json reads. id, pubTime and content stay raw because senders
// disagree on their JSON types: the Java SDK writes id as a string and pubTime as a number,
// third-party servers are looser, and a strict decoder would lose whole pushes over that.
type wireFrame struct {
	Type      string          `json:"type"`
	ID        json.RawMessage `json:"id"`
	PubTime   json.RawMessage `json:"pubTime"`
	Content   json.RawMessage `json:"content"`
	MsgSource *string         `json:"msgSource"`
}

var errNoType = errors.New("frame has no type")

// parseFrame decodes one text frame. An error means the frame is malformed and must be skipped.
func parseFrame(data []byte) (frame, error) {
	var w wireFrame
	if err := json.Unmarshal(data, &w); err != nil {
		return frame{}, fmt.Errorf("frame is not a JSON object: %w", err)
	}
	if w.Type == "" {
		return frame{}, errNoType
	}
	f := frame{Type: w.Type}
	var err error
	if f.ID, err = rawText(w.ID); err != nil {
		return frame{}, fmt.Errorf("id: %w", err)
	}
	if f.PubTime, err = rawInt(w.PubTime); err != nil {
		return frame{}, fmt.Errorf("pubTime: %w", err)
	}
	if f.Content, err = rawText(w.Content); err != nil {
		return frame{}, fmt.Errorf("content: %w", err)
	}
	if w.MsgSource != nil {
		f.MsgSource = *w.MsgSource
	}
	return f, nil
}

// push turns a SERVER_PUSH frame into a Push. The id must be numeric because CONFIRM echoes it
// as a JSON number; without one the push cannot be confirmed and is malformed.
func (f frame) push(received time.Time) (Push, error) {
	if f.ID == "" {
		return Push{}, errors.New("push has no id")
	}
	id, err := strconv.ParseInt(f.ID, 10, 64)
	if err != nil {
		return Push{}, fmt.Errorf("push id %.40q is not a number", f.ID)
	}
	source := strings.ToUpper(strings.TrimSpace(f.MsgSource))
	if source == "" {
		source = SourceReal
	}
	return Push{
		ID:        id,
		PubTime:   f.PubTime,
		Content:   unwrapMessage(f.Content),
		MsgSource: source,
		Received:  received,
	}, nil
}

// unwrapMessage returns the business message of a push's content. Some third-party consumers
// read content as {"message": …} (1688.md §5.3), so such a wrapper is opened; the inner
// message may be an object or a JSON string. Anything else, even invalid JSON, is passed on
// as it is: the consumer stores a malformed message with its error, and confirming it keeps
// 1688 from redelivering it forever.
func unwrapMessage(content string) string {
	trimmed := strings.TrimSpace(content)
	if !strings.HasPrefix(trimmed, "{") {
		return content
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal([]byte(trimmed), &fields) != nil {
		return content
	}
	inner, ok := fields["message"]
	_, hasMsgID := fields["msgId"]
	_, hasType := fields["type"]
	// A §5.2 message has msgId and type and never a message field; the wrapper has only message.
	if !ok || hasMsgID || hasType {
		return content
	}
	text, err := rawText(inner)
	if err != nil || text == "" {
		return content
	}
	return text
}

// rawText reads a raw JSON value as text: a string is unquoted, null or absence is empty, and
// any other value (a number, an object) is kept as its JSON text.
func rawText(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return s, nil
	}
	return string(raw), nil
}

// rawInt reads a raw JSON integer, given as a number or as a numeric string; absent is 0.
func rawInt(raw json.RawMessage) (int64, error) {
	text, err := rawText(raw)
	if err != nil || text == "" {
		return 0, err
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%.40q is not an integer", text)
	}
	return n, nil
}

// signedFrame is a CONNECT or HEARTBEAT. Keys are in the Java SDK's alphabetical order and
// costInIsv is always written, as the SDK does, so a strict server sees what it expects.
type signedFrame struct {
	AppKey    string `json:"appKey"`
	CostInIsv int64  `json:"costInIsv"`
	PubTime   int64  `json:"pubTime"`
	Sign      string `json:"sign"`
	Type      string `json:"type"`
}

func newSignedFrame(typ, secret, appKey string, pubTime int64) signedFrame {
	return signedFrame{
		AppKey:  appKey,
		PubTime: pubTime,
		Sign:    Sign(secret, appKey, "", pubTime),
		Type:    typ,
	}
}

// confirmFrame acknowledges one push. It is not signed (1688.md §5.3 step 5); relatedId is a
// number because the server matches it against the push id it parsed as a long.
type confirmFrame struct {
	AppKey         string `json:"appKey"`
	CostInIsv      int64  `json:"costInIsv"`
	ID             string `json:"id"`
	MsgSource      string `json:"msgSource"`
	PubTime        int64  `json:"pubTime"`
	RelatedID      int64  `json:"relatedId"`
	RelatedMsgTime int64  `json:"relatedMsgTime"`
	Type           string `json:"type"`
}

func newConfirmFrame(appKey string, p Push, now time.Time) confirmFrame {
	return confirmFrame{
		AppKey:         appKey,
		CostInIsv:      max(now.Sub(p.Received).Milliseconds(), 0),
		ID:             newFrameID(),
		MsgSource:      p.MsgSource,
		PubTime:        now.UnixMilli(),
		RelatedID:      p.ID,
		RelatedMsgTime: p.PubTime,
		Type:           typeConfirm,
	}
}

// newFrameID returns 32 lowercase hex digits, the form of the SDK's UUID without dashes.
func newFrameID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails since Go 1.24
	return hex.EncodeToString(b[:])
}
