package sim

import (
	"errors"
	"time"
)

// The message compensation APIs of 1688.md §5.5, namespace cn.alibaba.open.
// They serve the messages the channel stored as failed, for the calling
// app only.

// Replay page limits: quantity and pageSize are 20–200 (§5.5, §6). Values
// outside are clamped rather than refused, a GUESS.
const (
	minReplayPage = 20
	maxReplayPage = 200
)

// replayMessage is a replayed message object (§5.5): the §5.2 body plus
// topicGroup, topicName and appKey.
type replayMessage struct {
	MsgID      int64  `json:"msgId"`
	Type       string `json:"type"`
	UserInfo   string `json:"userInfo"`
	Data       any    `json:"data"`
	GmtBorn    int64  `json:"gmtBorn"`
	TopicGroup string `json:"topicGroup"`
	TopicName  string `json:"topicName"`
	AppKey     string `json:"appKey"`
}

// queryMessages answers push.query.messageList: one page of failed
// messages, {pushMessagePage: {datas, totalCount}}. They stay failed until
// push.message.confirm.
func queryMessages(c *call) (any, *GatewayError) {
	match, gerr := c.replayFilter()
	if gerr != nil {
		return nil, gerr
	}
	page, gerr := c.intParam("page", 1)
	if gerr != nil {
		return nil, gerr
	}
	size, gerr := c.intParam("pageSize", minReplayPage)
	if gerr != nil {
		return nil, gerr
	}
	page, size = max(page, 1), min(max(size, minReplayPage), maxReplayPage)
	ch := c.s.channel
	ch.mu.Lock()
	defer ch.mu.Unlock()
	hits := ch.failedLocked(c.app.Key, match)
	datas := []replayMessage{}
	for i := (page - 1) * size; i >= 0 && i < len(hits) && i < page*size; i++ {
		datas = append(datas, ch.replayOf(hits[i]))
	}
	return map[string]any{"pushMessagePage": map[string]any{"datas": datas, "totalCount": len(hits)}}, nil
}

// cursorMessages answers push.cursor.messageList: up to quantity failed
// messages, {pushMessageList}, confirmed as they are handed out, so each
// comes through this API once.
func cursorMessages(c *call) (any, *GatewayError) {
	match, gerr := c.replayFilter()
	if gerr != nil {
		return nil, gerr
	}
	n, gerr := c.intParam("quantity", minReplayPage)
	if gerr != nil {
		return nil, gerr
	}
	n = min(max(n, minReplayPage), maxReplayPage)
	ch := c.s.channel
	ch.mu.Lock()
	defer ch.mu.Unlock()
	hits := ch.failedLocked(c.app.Key, match)
	list := []replayMessage{}
	for i := 0; i < len(hits) && i < n; i++ {
		list = append(list, ch.replayOf(hits[i]))
		ch.confirmLocked(hits[i])
	}
	ch.notifyLocked()
	return map[string]any{"pushMessageList": list}, nil
}

// confirmMessages answers push.message.confirm: msgIdList is a JSON array
// of longs. Unknown ids and ids of other apps are skipped and the answer
// is still isSuccess true (GUESS: the docs give no error for them).
func confirmMessages(c *call) (any, *GatewayError) {
	var ids []jsonInt64
	if gerr := c.jsonParam("msgIdList", &ids); gerr != nil {
		return nil, gerr
	}
	ch := c.s.channel
	ch.mu.Lock()
	defer ch.mu.Unlock()
	for _, id := range ids {
		if m, ok := ch.msgs[int64(id)]; ok && m.appKey == c.app.Key {
			ch.confirmLocked(m)
		}
	}
	ch.notifyLocked()
	return map[string]any{"isSuccess": true}, nil
}

// replayFilter reads createStartTime, createEndTime (on gmtBorn, in the
// gateway's yyyyMMddHHmmssSSSZ pattern), type and userInfo.
func (c *call) replayFilter() (func(*pushed) bool, *GatewayError) {
	var from, to time.Time
	for _, p := range []struct {
		name string
		t    *time.Time
	}{{"createStartTime", &from}, {"createEndTime", &to}} {
		if raw := c.params.Get(p.name); raw != "" {
			t, err := parseAopTime(raw)
			if err != nil {
				return nil, c.badParam(p.name, err)
			}
			*p.t = t
		}
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return nil, c.badParam("createEndTime", errors.New("before createStartTime"))
	}
	typ, user := c.params.Get("type"), c.params.Get("userInfo")
	return func(m *pushed) bool {
		return (typ == "" || m.typ == typ) && (user == "" || m.userInfo == user) &&
			(from.IsZero() || !m.born.Before(from)) && (to.IsZero() || !m.born.After(to))
	}, nil
}

// failedLocked lists the app's failed messages within the retention that
// match, oldest first. The caller holds c.mu.
func (c *Channel) failedLocked(appKey string, match func(*pushed) bool) []*pushed {
	now := c.s.opts.Now()
	var out []*pushed
	for _, id := range c.order {
		m := c.msgs[id]
		if m.appKey != appKey || m.state != Failed || !match(m) {
			continue
		}
		if keep := c.opts.ReplayRetention; keep > 0 && now.Sub(m.born) > keep {
			continue
		}
		out = append(out, m)
	}
	return out
}

func (c *Channel) replayOf(m *pushed) replayMessage {
	group, name := topicParts(m.typ)
	var data any = m.data
	if c.opts.ReplayDataAsString {
		data = string(m.data)
	}
	return replayMessage{
		MsgID: m.id, Type: m.typ, UserInfo: m.userInfo, Data: data, GmtBorn: m.born.UnixMilli(),
		TopicGroup: group, TopicName: name, AppKey: m.appKey,
	}
}
