package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"caigou/app/msgchan"
	"caigou/app/open1688"
	"caigou/storage"
)

// Replayer is the part of the 1688 gateway that catch-up needs: the compensation APIs of
// 1688.md §5.5. *open1688.Client is one.
type Replayer interface {
	QueryMessages(ctx context.Context, req open1688.QueryMessagesRequest) (open1688.QueryMessagesResult, error)
	ConfirmMessages(ctx context.Context, msgIDs []string) error
}

var _ Replayer = (*open1688.Client)(nil)

// Defaults of CatchUpConfig.
const (
	// DefaultCatchUpOverlap reaches back before the last catch-up. A message is listed only once
	// the platform gave up redelivering it, which may be long after it was born, so the overlap
	// must outlast the whole redelivery schedule (unknown, 1688.md §5.1). Overlap is nearly free:
	// confirmed messages are no longer listed, and msgId dedupe makes a repeat harmless.
	DefaultCatchUpOverlap = time.Hour
	// DefaultCatchUpMaxCalls bounds one catch-up's gateway calls; the rest waits for the next
	// connect, so a flood of failed messages cannot eat the daily budget in one go.
	DefaultCatchUpMaxCalls = 50
)

// CatchUpConfig configures a CatchUp. AppKey, API, Consumer and DB are required.
type CatchUpConfig struct {
	AppKey   string
	API      Replayer
	Consumer msgchan.Consumer // the same apply path as the channel's pushes: the Tracker
	DB       *storage.DB      // keeps the watermark

	Overlap  time.Duration    // 0 means DefaultCatchUpOverlap
	PageSize int              // 0 means open1688.MaxMessagePageSize, the fewest calls
	MaxCalls int              // 0 means DefaultCatchUpMaxCalls
	Now      func() time.Time // nil means time.Now
}

// CatchUp pulls the messages the platform failed to deliver over the channel
// (push.query.messageList), applies them through the channel's own Consumer and only then
// confirms them (push.message.confirm), so a crash at any point loses nothing: what was not
// confirmed is listed again, and what was applied twice is a msgId duplicate.
type CatchUp struct {
	cfg CatchUpConfig
	mu  sync.Mutex // one run at a time: two would only pay for the same pages twice
}

// CatchUpReport is what one catch-up did.
type CatchUpReport struct {
	Calls    int  // gateway calls made, failed ones included
	Replayed int  // messages applied (duplicates of ones already stored included)
	Complete bool // every listed message was applied and confirmed; the watermark moved
}

// NewCatchUp checks cfg and returns a CatchUp.
func NewCatchUp(cfg CatchUpConfig) (*CatchUp, error) {
	if cfg.AppKey == "" || cfg.API == nil || cfg.Consumer == nil || cfg.DB == nil {
		return nil, errors.New("catch-up: the app key, the gateway, the consumer and the database are required")
	}
	if cfg.PageSize == 0 {
		cfg.PageSize = open1688.MaxMessagePageSize
	}
	if cfg.PageSize < open1688.MinMessagePageSize || cfg.PageSize > open1688.MaxMessagePageSize {
		return nil, fmt.Errorf("catch-up: page size %d is outside %d–%d",
			cfg.PageSize, open1688.MinMessagePageSize, open1688.MaxMessagePageSize)
	}
	if cfg.Overlap <= 0 {
		cfg.Overlap = DefaultCatchUpOverlap
	}
	if cfg.MaxCalls <= 0 {
		cfg.MaxCalls = DefaultCatchUpMaxCalls
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &CatchUp{cfg: cfg}, nil
}

// watermarkKey is the settings key of the time the last complete catch-up of appKey started.
func watermarkKey(appKey string) string { return "msgchan.catchup." + appKey }

// Run catches up once. It stops at the first error (network, budget, a failed commit) and leaves
// the watermark where it was, so the next run asks again for everything since the last complete
// one. Its calls are background calls: they never spend the reserve kept for the user.
func (c *CatchUp) Run(ctx context.Context) (CatchUpReport, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var rep CatchUpReport
	start := c.cfg.Now()
	from, err := c.from(ctx)
	if err != nil {
		return rep, err
	}
	ctx = open1688.Background(ctx)
	handled := map[string]bool{}
	for page := 1; ; {
		if rep.Calls >= c.cfg.MaxCalls {
			return rep, nil // not complete: the next connect goes on
		}
		res, err := c.cfg.API.QueryMessages(ctx, open1688.QueryMessagesRequest{
			CreatedFrom: from, Page: page, PageSize: c.cfg.PageSize,
		})
		rep.Calls++
		if err != nil {
			return rep, fmt.Errorf("catch-up: list the missed messages: %w", err)
		}
		if len(res.Messages) == 0 {
			break
		}
		if !hasFresh(res.Messages, handled) {
			// Confirmed messages leave the list, so page 1 holds the next ones. A platform that
			// keeps listing them shows only confirmed ones there: walk on instead of looping.
			page++
			continue
		}
		if err := c.applyAndConfirm(ctx, res.Messages, handled, &rep); err != nil {
			return rep, err
		}
		if int64((page-1)*c.cfg.PageSize+len(res.Messages)) >= res.TotalCount {
			break // this page reached the end of the list as it stood
		}
	}
	if err := c.cfg.DB.SetSetting(ctx, watermarkKey(c.cfg.AppKey), strconv.FormatInt(start.UnixMilli(), 10)); err != nil {
		return rep, fmt.Errorf("catch-up: keep the watermark: %w", err)
	}
	rep.Complete = true
	return rep, nil
}

// from is where the listing starts: a little before the last complete catch-up, or the
// platform's whole retention when there was none.
func (c *CatchUp) from(ctx context.Context) (time.Time, error) {
	v, ok, err := c.cfg.DB.Setting(ctx, watermarkKey(c.cfg.AppKey))
	if err != nil {
		return time.Time{}, fmt.Errorf("catch-up: read the watermark: %w", err)
	}
	ms, perr := strconv.ParseInt(v, 10, 64)
	if !ok || perr != nil {
		return time.Time{}, nil // an unreadable watermark asks for everything rather than skip
	}
	return time.UnixMilli(ms).Add(-c.cfg.Overlap), nil
}

// hasFresh says msgs hold one not handled earlier in this run.
func hasFresh(msgs []open1688.ReplayedMessage, handled map[string]bool) bool {
	for _, m := range msgs {
		if !handled[replayKey(m)] {
			return true
		}
	}
	return false
}

// replayKey tells replayed messages apart within a run: by msgId, or by the message itself when
// it has no readable msgId (then it cannot be confirmed and comes back on every listing).
func replayKey(m open1688.ReplayedMessage) string {
	if m.MsgID != "" {
		return m.MsgID
	}
	return "raw:" + string(m.Raw)
}

// applyAndConfirm applies one page through the consumer and, only once that committed, confirms
// it.
func (c *CatchUp) applyAndConfirm(ctx context.Context, msgs []open1688.ReplayedMessage,
	handled map[string]bool, rep *CatchUpReport,
) error {
	now := c.cfg.Now()
	batch := make([]msgchan.Push, len(msgs))
	var ids []string
	for i, m := range msgs {
		// Replayed messages are real ones the channel failed to deliver; MOCK never replays. An
		// unreadable one goes the same way, so the apply path stores it with its error.
		batch[i] = msgchan.Push{Content: replayContent(m), MsgSource: msgchan.SourceReal, Received: now}
		if m.MsgID != "" {
			ids = append(ids, m.MsgID)
		}
	}
	if err := c.cfg.Consumer.Apply(ctx, batch); err != nil {
		return fmt.Errorf("catch-up: apply the missed messages: %w", err)
	}
	rep.Replayed += len(batch)
	if len(ids) > 0 {
		rep.Calls++
		if err := c.cfg.API.ConfirmMessages(ctx, ids); err != nil {
			return fmt.Errorf("catch-up: confirm the missed messages: %w", err)
		}
	}
	for _, m := range msgs {
		handled[replayKey(m)] = true
	}
	return nil
}

// replayContent is the body the push parser reads for a replayed message. The replayed object
// is a superset of the pushed body (topicGroup, topicName and appKey besides), so it is kept as
// received, and stored as such, unless its data came as a string or its type is missing: then
// those two fields are put in their pushed shape, else the message would be stored as
// unreadable and never applied.
func replayContent(m open1688.ReplayedMessage) string {
	var fields map[string]json.RawMessage
	if json.Unmarshal(m.Raw, &fields) != nil {
		return string(m.Raw)
	}
	data := bytes.TrimSpace(fields["data"])
	var typ string
	typeOK := json.Unmarshal(fields["type"], &typ) == nil && typ != ""
	if (len(data) == 0 || data[0] != '"') && typeOK {
		return string(m.Raw)
	}
	if len(m.Data) > 0 {
		fields["data"] = m.Data
	}
	if !typeOK && m.Type != "" {
		fields["type"], _ = json.Marshal(m.Type)
	}
	b, err := json.Marshal(fields)
	if err != nil {
		return string(m.Raw)
	}
	return string(b)
}
