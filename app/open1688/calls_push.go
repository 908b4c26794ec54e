package open1688

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"
)

// The message compensation (replay) APIs of 1688.md §5.5. They are signed
// but need no user token. caigou catches up with QueryMessages plus
// ConfirmMessages, which lose nothing if an answer is lost; CursorMessages
// confirms as it hands out, so a lost answer loses its batch.
var (
	specQueryMessages   = apiSpec{namespace: "cn.alibaba.open", name: "push.query.messageList", version: 1, retry: true}
	specConfirmMessages = apiSpec{namespace: "cn.alibaba.open", name: "push.message.confirm", version: 1, retry: true}
	specCursorMessages  = apiSpec{namespace: "cn.alibaba.open", name: "push.cursor.messageList", version: 1, retry: true}
)

// Replay page limits: pageSize and quantity are 20–200 (1688.md §5.5).
const (
	MinMessagePageSize = 20
	MaxMessagePageSize = 200
)

// QueryMessagesRequest filters the failed messages to replay. Every filter
// is optional.
type QueryMessagesRequest struct {
	CreatedFrom time.Time // createStartTime, on the message's gmtBorn
	CreatedTo   time.Time // createEndTime
	Type        string    // topic, e.g. ORDER_BUYER_VIEW_ORDER_PAY
	UserInfo    string    // member id
	Page        int       // from 1; 0 means 1
	PageSize    int       // 20–200; 0 means MaxMessagePageSize, the fewest calls
}

// QueryMessagesResult is one page of replayed messages.
type QueryMessagesResult struct {
	Messages   []ReplayedMessage
	TotalCount int64 // across all pages
}

// ReplayedMessage is a message the platform failed to deliver (1688.md
// §5.5): the §5.2 body plus topicGroup, topicName and appKey.
type ReplayedMessage struct {
	MsgID      string // digits; never a float64
	Type       string
	UserInfo   string
	GmtBorn    time.Time
	TopicGroup string
	TopicName  string
	AppKey     string
	// Data is the topic payload as a JSON object, also when the platform
	// sent it as a string holding the object.
	Data json.RawMessage
	// Raw is the message object exactly as received. It is a superset of
	// the pushed §5.2 body, so the push parser reads it as it is (when Data
	// came as a string, parse Data rather than Raw's data).
	Raw json.RawMessage
	// Err says why the message could not be read; then only Raw, and MsgID
	// when it was readable, are set. Such a message is still listed, so the
	// caller can store it as failed rather than stall on its page.
	Err error
}

// QueryMessages reads one page of failed messages through
// push.query.messageList. They stay failed, and come again, until
// ConfirmMessages.
func (c *Client) QueryMessages(ctx context.Context, req QueryMessagesRequest) (QueryMessagesResult, error) {
	page, size := req.Page, req.PageSize
	if page < 0 {
		return QueryMessagesResult{}, invalid("negative page %d", page)
	}
	if page == 0 {
		page = 1
	}
	if size == 0 {
		size = MaxMessagePageSize
	}
	if size < MinMessagePageSize || size > MaxMessagePageSize {
		return QueryMessagesResult{}, invalid("page size %d is outside %d–%d", size, MinMessagePageSize, MaxMessagePageSize)
	}
	params := replayFilter(req.CreatedFrom, req.CreatedTo, req.Type, req.UserInfo)
	params["page"], params["pageSize"] = strconv.Itoa(page), strconv.Itoa(size)
	body, err := c.call(ctx, specQueryMessages, params)
	if err != nil {
		return QueryMessagesResult{}, err
	}
	return parseQueryMessages(body)
}

// ConfirmMessages confirms replayed messages through push.message.confirm,
// so the platform stops keeping them. An empty list sends nothing.
func (c *Client) ConfirmMessages(ctx context.Context, msgIDs []string) error {
	if len(msgIDs) == 0 {
		return nil
	}
	ids, err := idListParam("msgIDs", msgIDs)
	if err != nil {
		return err
	}
	body, err := c.call(ctx, specConfirmMessages, map[string]string{"msgIdList": ids})
	if err != nil {
		return err
	}
	return parseConfirmMessages(body)
}

// CursorMessagesRequest filters the messages CursorMessages hands out.
type CursorMessagesRequest struct {
	CreatedFrom time.Time
	CreatedTo   time.Time
	Type        string
	UserInfo    string
	Quantity    int // 20–200; 0 means MaxMessagePageSize
}

// CursorMessages takes the next failed messages through
// push.cursor.messageList. The platform confirms them as it answers, so
// each comes once; an answer lost on the way loses them, which is why
// catch-up uses QueryMessages.
func (c *Client) CursorMessages(ctx context.Context, req CursorMessagesRequest) ([]ReplayedMessage, error) {
	n := req.Quantity
	if n == 0 {
		n = MaxMessagePageSize
	}
	if n < MinMessagePageSize || n > MaxMessagePageSize {
		return nil, invalid("quantity %d is outside %d–%d", n, MinMessagePageSize, MaxMessagePageSize)
	}
	params := replayFilter(req.CreatedFrom, req.CreatedTo, req.Type, req.UserInfo)
	params["quantity"] = strconv.Itoa(n)
	body, err := c.call(ctx, specCursorMessages, params)
	if err != nil {
		return nil, err
	}
	return parseCursorMessages(body)
}

func replayFilter(from, to time.Time, typ, user string) map[string]string {
	params := map[string]string{}
	if !from.IsZero() {
		params["createStartTime"] = FormatTime(from)
	}
	if !to.IsZero() {
		params["createEndTime"] = FormatTime(to)
	}
	setIf(params, "type", typ)
	setIf(params, "userInfo", user)
	return params
}

// parseQueryMessages reads {pushMessagePage: {datas, totalCount}}. The
// same under result is accepted too, in case the gateway wraps it like
// other APIs (GUESS; no live sample was seen).
func parseQueryMessages(body []byte) (QueryMessagesResult, error) {
	type page struct {
		Datas      []json.RawMessage `json:"datas"`
		TotalCount jsonInt           `json:"totalCount"`
	}
	var w struct {
		outcome
		Page   *page `json:"pushMessagePage"`
		Result *struct {
			Page *page `json:"pushMessagePage"`
		} `json:"result"`
	}
	if err := decodeBody(body, &w); err != nil {
		return QueryMessagesResult{}, malformed(specQueryMessages.name, body, err)
	}
	if w.failed() {
		return QueryMessagesResult{}, w.err(specQueryMessages.name, body)
	}
	p := w.Page
	if p == nil && w.Result != nil {
		p = w.Result.Page
	}
	if p == nil {
		return QueryMessagesResult{}, malformed(specQueryMessages.name, body, errors.New("no pushMessagePage"))
	}
	return QueryMessagesResult{Messages: parseReplayed(p.Datas), TotalCount: int64(p.TotalCount)}, nil
}

// parseCursorMessages reads {pushMessageList}.
func parseCursorMessages(body []byte) ([]ReplayedMessage, error) {
	var w struct {
		outcome
		List   *[]json.RawMessage `json:"pushMessageList"`
		Result *struct {
			List *[]json.RawMessage `json:"pushMessageList"`
		} `json:"result"`
	}
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(specCursorMessages.name, body, err)
	}
	if w.failed() {
		return nil, w.err(specCursorMessages.name, body)
	}
	list := w.List
	if list == nil && w.Result != nil {
		list = w.Result.List
	}
	if list == nil {
		return nil, malformed(specCursorMessages.name, body, errors.New("no pushMessageList"))
	}
	return parseReplayed(*list), nil
}

// parseConfirmMessages reads {isSuccess}. Anything but isSuccess true is a
// failure: a message wrongly believed confirmed would be lost for good.
func parseConfirmMessages(body []byte) error {
	var w struct {
		outcome
		IsSuccess *jsonBool `json:"isSuccess"`
		Result    *struct {
			IsSuccess *jsonBool `json:"isSuccess"`
		} `json:"result"`
	}
	if err := decodeBody(body, &w); err != nil {
		return malformed(specConfirmMessages.name, body, err)
	}
	if w.failed() {
		return w.err(specConfirmMessages.name, body)
	}
	ok := w.IsSuccess
	if ok == nil && w.Result != nil {
		ok = w.Result.IsSuccess
	}
	if ok == nil {
		return malformed(specConfirmMessages.name, body, errors.New("no isSuccess"))
	}
	if !*ok {
		e := w.err(specConfirmMessages.name, body).(*Error)
		e.Kind, e.Message = KindBusiness, firstNonEmpty(e.Message, "the platform did not confirm the messages")
		return e
	}
	return nil
}

// wireReplayed is one replayed message on the wire.
type wireReplayed struct {
	MsgID      jsonID          `json:"msgId"`
	Type       jsonText        `json:"type"`
	UserInfo   jsonText        `json:"userInfo"`
	GmtBorn    jsonTime        `json:"gmtBorn"`
	TopicGroup jsonText        `json:"topicGroup"`
	TopicName  jsonText        `json:"topicName"`
	AppKey     jsonText        `json:"appKey"`
	Data       json.RawMessage `json:"data"`
}

func parseReplayed(raws []json.RawMessage) []ReplayedMessage {
	out := make([]ReplayedMessage, 0, len(raws))
	for _, raw := range raws {
		out = append(out, parseOneReplayed(raw))
	}
	return out
}

// parseOneReplayed reads one replayed message. One that cannot be read keeps its Raw, its MsgID
// when that could be read, and the reason in Err, so catch-up stores it as failed and moves on
// instead of stalling on the page that holds it.
func parseOneReplayed(raw json.RawMessage) ReplayedMessage {
	m := ReplayedMessage{Raw: bytes.Clone(raw)}
	var w wireReplayed
	if err := decodeBody(raw, &w); err != nil {
		// A message whose msgId is readable can still be confirmed, so it stops coming back.
		var id struct {
			MsgID jsonID `json:"msgId"`
		}
		if decodeBody(raw, &id) == nil {
			m.MsgID = string(id.MsgID)
		}
		m.Err = err
		return m
	}
	m.MsgID = string(w.MsgID)
	if m.MsgID == "" {
		m.Err = errors.New("a message has no msgId")
		return m
	}
	data, err := objectData(w.Data)
	if err != nil {
		m.Err = err
		return m
	}
	m.Type, m.UserInfo, m.GmtBorn = string(w.Type), string(w.UserInfo), time.Time(w.GmtBorn)
	m.TopicGroup, m.TopicName, m.AppKey = string(w.TopicGroup), string(w.TopicName), string(w.AppKey)
	m.Data = data
	if m.Type == "" && m.TopicGroup != "" {
		// type = topicGroup + "_" + topicName (1688.md §5.5)
		m.Type = m.TopicGroup + "_" + m.TopicName
	}
	return m
}

// objectData returns data as a JSON object: as sent, or unwrapped from the
// string that holds it. Missing data is {}.
func objectData(raw json.RawMessage) (json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return json.RawMessage("{}"), nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		raw = []byte(s)
	}
	if !json.Valid(raw) {
		return nil, errors.New("data is not JSON")
	}
	return bytes.Clone(raw), nil
}
