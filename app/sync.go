package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"caigou/app/open1688"
	"caigou/storage"
)

// Defaults of SyncerConfig.
const (
	// DefaultSyncInterval is how long an unsettled order waits for its next read. Messages move
	// orders as they happen; the sync is the backstop for what they miss, so four reads a day
	// are plenty: 100 open orders cost 400 of the 5000 daily calls.
	DefaultSyncInterval = 6 * time.Hour
	// DefaultSyncRetry is how long an order waits after a read that failed for it alone, such as
	// one 1688 does not know (a stub made from a stray message), before it is tried again.
	DefaultSyncRetry = 24 * time.Hour
	// DefaultSyncBatch bounds the orders one round reads, so a round ends in seconds and a
	// backlog is worked off round after round.
	DefaultSyncBatch = 50
	// DefaultSyncEvery is how often Run looks for due orders: a cheap indexed query.
	DefaultSyncEvery = 5 * time.Minute
)

// OrderReader reads one order from 1688 (get.buyerView). *open1688.Client is one.
type OrderReader interface {
	OrderDetail(ctx context.Context, req open1688.OrderDetailRequest) (*open1688.OrderDetailResult, error)
}

var _ OrderReader = (*open1688.Client)(nil)

// SyncerConfig configures a Syncer. DB and API are required.
type SyncerConfig struct {
	DB    *storage.DB
	KeyID int64       // the key whose orders are read; 0 reads every key's
	API   OrderReader // the key's gateway client

	Interval time.Duration    // 0 means DefaultSyncInterval
	Retry    time.Duration    // 0 means DefaultSyncRetry
	Batch    int              // 0 means DefaultSyncBatch
	Now      func() time.Time // nil means time.Now

	// Tracker, when set, carries the syncer's events on its own Events channel, so the Tracking
	// screen hears about messages and syncs in one place. Without it the Syncer has its own.
	Tracker *Tracker
}

// Syncer re-reads the orders that messages have not settled (DESIGN §4): those whose sync is
// due, oldest first, through get.buyerView. Its calls are background calls, so it never spends
// the reserve of the daily budget that the user's own actions need; when the budget or the
// gateway's quota refuses, the round ends quietly and the next one tries again.
type Syncer struct {
	cfg    SyncerConfig
	events *eventQueue
	own    bool // events is the Syncer's own queue, closed by Close

	mu sync.Mutex // one round at a time: two would read the same orders twice

	lastMu sync.Mutex // apart from mu, so LastRound never waits for a round
	last   SyncStatus
}

// SyncReport is what one round did.
type SyncReport struct {
	Due      int // due orders the round took on
	Synced   int // read and applied
	Changed  int // of those, orders 1688 had changed since their last sync
	NotFound int // orders 1688 does not know; tried again after Retry
	Failed   int // orders whose read failed for them alone; tried again after Retry
	// More says the round was full, so more orders may be due.
	More bool
	// Stop is why the round ended before its last order, nil when it did not: an
	// *open1688.Error of KindBudget or KindQuota once today's calls are used up, or one that
	// concerns every order alike (network, rate limit, a refused key or token). It is not a
	// failure of the round; ExplainAPIError says what it means for the user.
	Stop error
}

// SyncStatus is the last round: when it ran, what it did and the error that ended it, if any.
type SyncStatus struct {
	At     time.Time
	Report SyncReport
	Err    error
}

// NewSyncer checks cfg and returns a Syncer.
func NewSyncer(cfg SyncerConfig) (*Syncer, error) {
	if cfg.DB == nil || cfg.API == nil {
		return nil, errors.New("sync: the database and the gateway are required")
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultSyncInterval
	}
	if cfg.Retry <= 0 {
		cfg.Retry = DefaultSyncRetry
	}
	if cfg.Batch <= 0 {
		cfg.Batch = DefaultSyncBatch
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Syncer{cfg: cfg}
	if cfg.Tracker != nil {
		s.events = cfg.Tracker.events
	} else {
		s.events, s.own = newEventQueue(maxQueuedEvents), true
	}
	return s, nil
}

// Events delivers an OrderChanged for every order a sync changed, after its commit, like the
// Tracker's (see Tracker.Events). With SyncerConfig.Tracker it is the Tracker's channel.
func (s *Syncer) Events() <-chan Event { return s.events.listen() }

// Close stops delivering events, unless they go through a Tracker, which closes its own.
func (s *Syncer) Close() {
	if s.own {
		s.events.close()
	}
}

// LastRound is the last round SyncDue or Run made; zero before the first.
func (s *Syncer) LastRound() SyncStatus {
	s.lastMu.Lock()
	defer s.lastMu.Unlock()
	return s.last
}

// SyncDue reads the orders whose sync is due, up to Batch of them, and applies what 1688 says.
// It fails only when the database does or ctx ends; a refusal by the budget or the gateway
// ends the round early with the reason in SyncReport.Stop.
func (s *Syncer) SyncDue(ctx context.Context) (SyncReport, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rep SyncReport
	var events []Event
	err := s.round(ctx, &rep, &events)
	// Orders applied before a failure are committed: their rows need the refresh all the same.
	s.events.push(events)
	s.lastMu.Lock()
	s.last = SyncStatus{At: s.cfg.Now(), Report: rep, Err: err}
	s.lastMu.Unlock()
	return rep, err
}

func (s *Syncer) round(ctx context.Context, rep *SyncReport, events *[]Event) error {
	due, err := s.cfg.DB.DueForSync(ctx, s.cfg.KeyID, s.cfg.Now(), s.cfg.Batch)
	if err != nil {
		return err
	}
	rep.Due, rep.More = len(due), len(due) == s.cfg.Batch
	background := open1688.Background(ctx)
	for _, o := range due {
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := s.cfg.API.OrderDetail(background, open1688.OrderDetailRequest{OrderID: o.AliOrderID})
		if err == nil && res.Order.ID != o.AliOrderID {
			// Never write one order's answer into another's row.
			err = fmt.Errorf("sync: asked for order %s, 1688 answered with %q", o.AliOrderID, res.Order.ID)
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if stopsRound(err) {
				rep.Stop = err
				return nil
			}
			if err := s.cfg.DB.MarkSyncFailed(ctx, o.ID, s.cfg.Now().Add(s.cfg.Retry)); err != nil {
				return err
			}
			if open1688.KindOf(err) == open1688.KindNotFound {
				rep.NotFound++
			} else {
				rep.Failed++
			}
			continue
		}
		applied, err := s.cfg.DB.ApplyOrderDetail(ctx, s.cfg.KeyID, orderSnapshot(o.AliOrderID, res.Order, s.cfg.Now()), s.cfg.Interval)
		if err != nil {
			return err
		}
		rep.Synced++
		if applied.Changed {
			rep.Changed++
			*events = append(*events, OrderChanged{
				OrderID: applied.OrderID, AliOrderID: applied.AliOrderID, Status: applied.Status,
				Bucket: applied.Bucket, Moved: applied.Moved,
			})
		}
	}
	return nil
}

// stopsRound reports whether err would fail every other order of the round as well: the budget
// or quota is spent, the network or the gateway is down, or the key or token is refused.
// Anything else concerns this order alone, which is put off while the round goes on.
func stopsRound(err error) bool {
	if errors.Is(err, open1688.ErrBudgetExhausted) {
		return true
	}
	switch open1688.KindOf(err) {
	case open1688.KindBudget, open1688.KindQuota, open1688.KindNetwork, open1688.KindRateLimit,
		open1688.KindAuth, open1688.KindSignature, open1688.KindPermission:
		return true
	case open1688.KindNotFound:
		// gw.APIUnsupported is a missing API, not a missing order.
		var e *open1688.Error
		return errors.As(err, &e) && strings.HasPrefix(e.Code, "gw.")
	}
	return false
}

// Run syncs due orders every so often (0 means DefaultSyncEvery) until ctx ends, at once when
// it starts and again without waiting while a full round leaves more due.
func (s *Syncer) Run(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = DefaultSyncEvery
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		rep, err := s.SyncDue(ctx)
		if ctx.Err() != nil {
			return
		}
		if err == nil && rep.Stop == nil && rep.More {
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// orderSnapshot is what get.buyerView said about order aliOrderID, in storage's terms.
func orderSnapshot(aliOrderID string, o open1688.Order, fetched time.Time) storage.OrderSnapshot {
	snap := storage.OrderSnapshot{
		AliOrderID: aliOrderID, Status: string(o.Status),
		SellerLoginID: o.SellerLoginID, SellerMemberID: o.SellerID, BuyerLoginID: o.BuyerLoginID,
		TotalFen: int64(o.Total), ShippingFen: int64(o.ShippingFee), RefundFen: int64(o.Refund),
		RefundStatus: o.RefundStatus, CloseReason: o.CloseReason,
		Created: o.Created, Paid: o.Paid, Shipped: o.AllDelivered, Received: o.Received,
		Completed: o.Completed, Modified: o.Modified, FetchedAt: fetched,
	}
	for _, it := range o.Items {
		line := storage.SnapshotLine{
			OfferID: it.ProductID, SpecID: it.SpecID, SkuID: it.SkuID, SubItemID: it.SubItemID,
			Title: it.Name, SkuText: skuText(it.Attributes), Quantity: it.Quantity, Unit: it.Unit,
			UnitPriceFen: int64(it.Price), AmountFen: int64(it.Amount), Status: it.Status,
			LogisticsStatus: it.LogisticsStatus, RefundStatus: it.RefundStatus,
		}
		if len(it.ImageURLs) > 0 {
			line.ImageURL = open1688.ProductImageURL(it.ImageURLs[0])
		}
		snap.Lines = append(snap.Lines, line)
	}
	return snap
}

// skuText writes a SKU's attributes the way 1688 shows them, "颜色:黑色;尺码:XL".
func skuText(attrs []open1688.NameValue) string {
	parts := make([]string, len(attrs))
	for i, a := range attrs {
		parts[i] = a.Name + ":" + a.Value
	}
	return strings.Join(parts, ";")
}
