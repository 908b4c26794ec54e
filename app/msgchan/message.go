package msgchan

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The kinds of a message error (1688.md §5.2). Every one of them is stored with the body and
// confirmed: redelivering a message that cannot be read would only loop.
var (
	ErrNotJSON      = errors.New("msgchan: the message is not a JSON object")
	ErrNoMsgID      = errors.New("msgchan: the message has no msgId")
	ErrNoType       = errors.New("msgchan: the message has no type")
	ErrNoOrderID    = errors.New("msgchan: the order message has no orderId")
	ErrBadPayload   = errors.New("msgchan: the message data does not fit its type")
	ErrUnknownType  = errors.New("msgchan: the message type is unknown")
	errNotAnInteger = errors.New("not an integer")
)

// The topics caigou applies (1688.md §5.6). Every ORDER_BUYER_VIEW_* topic carries the common
// order payload, so a new one of them is applied like the others rather than refused.
const (
	orderTopicPrefix     = "ORDER_BUYER_VIEW_"
	productTopicPrefix   = "PRODUCT_"
	TypeBatchPay         = "ORDER_BATCH_PAY"
	TypeLogisticsTrace   = "LOGISTICS_BUYER_VIEW_TRACE"
	TypeLogisticsMailNo  = "LOGISTICS_MAIL_NO_CHANGE"
	TypeOrderBuyerMake   = "ORDER_BUYER_VIEW_BUYER_MAKE"
	TypeOrderPay         = "ORDER_BUYER_VIEW_ORDER_PAY"
	TypeOrderSendGoods   = "ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS"
	TypeOrderSuccess     = "ORDER_BUYER_VIEW_ORDER_SUCCESS"
	TypeOrderBuyerClose  = "ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE"
	TypeOrderSellerClose = "ORDER_BUYER_VIEW_ORDER_SELLER_CLOSE"
)

// Topic is what a message is about, which decides how it is applied.
type Topic int

// The topics of Message.Topic.
const (
	TopicUnknown        Topic = iota
	TopicOrder                // an order moved: Message.Order
	TopicBatchPay             // payments of several orders: Message.BatchPay
	TopicLogisticsTrace       // a parcel's tracking status: Message.LogisticsTrace
	TopicMailNoChange         // a parcel's tracking number or carrier: Message.MailNoChange
	TopicProduct              // a followed product changed; nothing in caigou depends on it yet
)

// TopicOf classifies a message type.
func TopicOf(msgType string) Topic {
	switch {
	case strings.HasPrefix(msgType, orderTopicPrefix):
		return TopicOrder
	case msgType == TypeBatchPay:
		return TopicBatchPay
	case msgType == TypeLogisticsTrace:
		return TopicLogisticsTrace
	case msgType == TypeLogisticsMailNo:
		return TopicMailNoChange
	case strings.HasPrefix(msgType, productTopicPrefix):
		return TopicProduct
	}
	return TopicUnknown
}

// Message is a business message (1688.md §5.2), as pushed in a SERVER_PUSH content. Ids are
// strings, never float64: a 19-digit id does not survive a float.
type Message struct {
	MsgID    string          `json:"msgId"`
	Type     string          `json:"type"`
	UserInfo string          `json:"userInfo,omitempty"` // memberId the message is about, b2b-…
	GmtBorn  int64           `json:"gmtBorn,omitempty"`  // ms since the epoch
	Data     json.RawMessage `json:"data,omitempty"`
	BizKey   string          `json:"bizKey,omitempty"`

	payload any // the decoded Data, by topic
}

// OrderEvent is the payload of the ORDER_BUYER_VIEW_* topics.
type OrderEvent struct {
	OrderID        string
	CurrentStatus  string    // a 1688.md §3.10 status; may be one caigou does not know
	MsgSendTime    time.Time // zero when the message has none
	BuyerMemberID  string
	SellerMemberID string
}

// LogisticsTrace is the OrderLogisticsTracingModel of LOGISTICS_BUYER_VIEW_TRACE.
type LogisticsTrace struct {
	LogisticsID   string
	CPCode        string // carrier code
	MailNo        string // tracking number
	StatusChanged string // CONSIGN, ACCEPT, TRANSPORT, DELIVERING, AGENT_SIGN, SIGN or FAILED
	ChangeTime    time.Time
	Items         []OrderLogsItem
}

// MailNoChange is the MailNoChangeModel of LOGISTICS_MAIL_NO_CHANGE.
type MailNoChange struct {
	LogisticsID          string
	OldCPCode, NewCPCode string
	OldMailNo, NewMailNo string
	EventTime            time.Time
	Items                []OrderLogsItem
}

// OrderLogsItem names an order line a parcel carries.
type OrderLogsItem struct {
	OrderID      string
	OrderEntryID string
}

// BatchPayment is one order's result in ORDER_BATCH_PAY.
type BatchPayment struct {
	OrderID string
	Status  string // successed, ACCOUNT_BALANCE_NOT_ENOUGH, …
}

// Topic is the message's topic.
func (m Message) Topic() Topic { return TopicOf(m.Type) }

// Order is the payload of an order topic.
func (m Message) Order() (OrderEvent, bool) {
	e, ok := m.payload.(OrderEvent)
	return e, ok
}

// LogisticsTrace is the payload of LOGISTICS_BUYER_VIEW_TRACE.
func (m Message) LogisticsTrace() (LogisticsTrace, bool) {
	t, ok := m.payload.(LogisticsTrace)
	return t, ok
}

// MailNoChange is the payload of LOGISTICS_MAIL_NO_CHANGE.
func (m Message) MailNoChange() (MailNoChange, bool) {
	c, ok := m.payload.(MailNoChange)
	return c, ok
}

// BatchPay is the payload of ORDER_BATCH_PAY.
func (m Message) BatchPay() ([]BatchPayment, bool) {
	p, ok := m.payload.([]BatchPayment)
	return p, ok
}

// BodyKey is the dedupe key of a body without a readable msgId: the same bytes redelivered get
// the same key, so a malformed message is stored once, however often it comes.
func BodyKey(content []byte) string {
	sum := sha256.Sum256(content)
	return "body-sha256:" + hex.EncodeToString(sum[:16])
}

// ParseMessage reads a business message and the payload of its topic. On an error the Message
// still holds what could be read, MsgID above all, so the caller can store the body under it;
// errors.Is tells the kind (ErrNotJSON … ErrUnknownType).
func ParseMessage(content []byte) (Message, error) {
	// Every field is read raw first, so one of the wrong type spoils only itself: a message whose
	// msgId is readable is stored under it, whatever else is wrong.
	var raw struct {
		MsgID    json.RawMessage `json:"msgId"`
		Type     json.RawMessage `json:"type"`
		UserInfo json.RawMessage `json:"userInfo"`
		GmtBorn  json.RawMessage `json:"gmtBorn"`
		Data     json.RawMessage `json:"data"`
		BizKey   json.RawMessage `json:"bizKey"`
	}
	trimmed := bytes.TrimSpace(content)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return Message{}, ErrNotJSON
	}
	if m, ok := parseWellFormed(trimmed); ok {
		err := m.decodePayload() // before m is copied out: it sets the payload
		return m, err
	}
	if err := json.Unmarshal(trimmed, &raw); err != nil {
		return Message{}, fmt.Errorf("%w: %w", ErrNotJSON, err)
	}
	var m Message
	var id flexID
	if err := unmarshalField(raw.MsgID, &id); err != nil || id == "" {
		return m, errors.Join(ErrNoMsgID, err)
	}
	m.MsgID = string(id)
	var born flexInt
	err := errors.Join(
		unmarshalField(raw.Type, &m.Type),
		unmarshalField(raw.UserInfo, &m.UserInfo),
		unmarshalField(raw.GmtBorn, &born),
		unmarshalField(raw.BizKey, &m.BizKey),
	)
	m.GmtBorn = int64(born)
	if len(raw.Data) > 0 && !bytes.Equal(raw.Data, []byte("null")) {
		m.Data = raw.Data
	}
	switch {
	case m.Type == "":
		return m, errors.Join(ErrNoType, err)
	case err != nil:
		return m, fmt.Errorf("%w: %w", ErrBadPayload, err)
	}
	err = m.decodePayload()
	return m, err
}

// parseWellFormed reads a message whose every envelope field has its type in one pass, the
// common case; ok is false for anything else, which ParseMessage then reads field by field to
// say what is wrong.
func parseWellFormed(content []byte) (m Message, ok bool) {
	var env struct {
		MsgID    flexID          `json:"msgId"`
		Type     string          `json:"type"`
		UserInfo string          `json:"userInfo"`
		GmtBorn  flexInt         `json:"gmtBorn"`
		Data     json.RawMessage `json:"data"`
		BizKey   string          `json:"bizKey"`
	}
	if json.Unmarshal(content, &env) != nil || env.MsgID == "" || env.Type == "" {
		return Message{}, false
	}
	m = Message{
		MsgID: string(env.MsgID), Type: env.Type, UserInfo: env.UserInfo,
		GmtBorn: int64(env.GmtBorn), BizKey: env.BizKey,
	}
	if len(env.Data) > 0 && !bytes.Equal(env.Data, []byte("null")) {
		m.Data = env.Data
	}
	return m, true
}

// decodePayload decodes m.Data as the payload of m's topic.
func (m *Message) decodePayload() error {
	payload, err := decodePayload(m.Topic(), m.Data)
	if err != nil {
		return fmt.Errorf("%s %s: %w", m.Type, m.MsgID, err)
	}
	m.payload = payload
	return nil
}

// unmarshalField decodes one envelope field; an absent or null one leaves v as it is.
func unmarshalField(b json.RawMessage, v any) error {
	if len(b) == 0 {
		return nil
	}
	return json.Unmarshal(b, v)
}

// decodePayload decodes data as the payload of topic.
func decodePayload(topic Topic, data json.RawMessage) (any, error) {
	switch topic {
	case TopicOrder:
		return decodeOrderEvent(data)
	case TopicBatchPay:
		return decodeBatchPay(data)
	case TopicLogisticsTrace:
		return decodeLogisticsTrace(data)
	case TopicMailNoChange:
		return decodeMailNoChange(data)
	case TopicProduct:
		return nil, nil
	}
	return nil, ErrUnknownType
}

// unmarshalData decodes a payload; an absent one decodes as an empty object, so the missing
// fields are reported by name.
func unmarshalData(data json.RawMessage, v any) error {
	if len(data) == 0 {
		return nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %w", ErrBadPayload, err)
	}
	return nil
}
