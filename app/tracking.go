package app

import (
	"context"
	"time"

	"caigou/app/msgchan"
	"caigou/storage"
)

// Tracker applies pushed messages to orders (DESIGN §4): each batch is stored and applied in one
// transaction, and only after the commit does Apply return, so the channel confirms nothing that
// a crash could lose. It implements msgchan.Consumer.
type Tracker struct {
	db     *storage.DB
	keyID  int64
	events *eventQueue
}

var _ msgchan.Consumer = (*Tracker)(nil)

// NewTracker applies the messages delivered by the channel of key keyID (0 when the key is not
// saved yet).
func NewTracker(db *storage.DB, keyID int64) *Tracker {
	return &Tracker{db: db, keyID: keyID, events: newEventQueue(maxQueuedEvents)}
}

// Event is what the Tracking screen and the wizard hear about: OrderChanged, MockReceived or
// MessageFailed. Events are sent only after their messages committed.
type Event interface{ trackingEvent() }

// OrderChanged says a message touched an order: its row and timeline need a refresh, and a move
// into shipping or closed deserves a notification.
type OrderChanged struct {
	OrderID    int64
	AliOrderID string
	Status     string // the 1688 status after the message
	Bucket     string
	Moved      bool // the status changed; false for a late or repeated one
}

// MockReceived says a console test message (msgSource MOCK) arrived: the wizard's last check.
type MockReceived struct {
	MsgID string
	Type  string
}

// MessageFailed says a message could not be read. It is stored and listed in diagnostics.
type MessageFailed struct {
	MsgID string
	Err   error
}

func (OrderChanged) trackingEvent()  {}
func (MockReceived) trackingEvent()  {}
func (MessageFailed) trackingEvent() {}

// Events delivers the tracker's events in order. A listener that falls behind does not slow
// Apply down: events wait in a queue, and beyond maxQueuedEvents the oldest are dropped (a row
// refresh that was missed is redone by the next one). Until Events is first called nothing is
// queued. The channel closes when Close is called.
func (t *Tracker) Events() <-chan Event { return t.events.listen() }

// Close stops delivering events.
func (t *Tracker) Close() { t.events.close() }

// Apply stores and applies batch in one transaction. It fails only when the transaction cannot
// commit; a message that cannot be read is stored with its error and counts as applied.
func (t *Tracker) Apply(ctx context.Context, batch []msgchan.Push) error {
	inbox := make([]storage.InboxMessage, len(batch))
	parseErrs := make([]error, len(batch))
	for i, p := range batch {
		inbox[i], parseErrs[i] = inboxMessage(p, t.keyID)
	}
	outcomes, err := t.db.ApplyMessages(ctx, inbox)
	if err != nil {
		return err
	}
	var events []Event
	for i, out := range outcomes {
		m := &inbox[i]
		switch {
		case out.Duplicate:
		case m.Source == storage.SourceMock:
			// Before the parse check: the console's test payloads are samples that need not
			// name a real order, and what the wizard proves is that they arrive. One that
			// cannot be read is still stored with its error for diagnostics.
			events = append(events, MockReceived{MsgID: m.MsgID, Type: m.Type})
		case parseErrs[i] != nil:
			events = append(events, MessageFailed{MsgID: m.MsgID, Err: parseErrs[i]})
		default:
			for _, c := range out.Orders {
				events = append(events, OrderChanged{
					OrderID: c.OrderID, AliOrderID: c.AliOrderID, Status: c.Status,
					Bucket: c.Bucket, Moved: c.Moved,
				})
			}
		}
	}
	t.events.push(events)
	return nil
}

// FailedMessages lists up to limit messages that could not be read, newest first, for the
// diagnostics screen.
func (t *Tracker) FailedMessages(ctx context.Context, limit int) ([]storage.StoredMessage, error) {
	return t.db.FailedMessages(ctx, limit)
}

// inboxMessage reads a push into what storage applies. A push that cannot be read is still an
// inbox row, under its msgId or, without one, a key derived from its body.
func inboxMessage(p msgchan.Push, keyID int64) (storage.InboxMessage, error) {
	received := p.Received
	if received.IsZero() {
		received = time.Now()
	}
	source := p.MsgSource
	if source == "" {
		source = msgchan.SourceReal
	}
	m, err := msgchan.ParseMessage([]byte(p.Content))
	in := storage.InboxMessage{
		MsgID: m.MsgID, KeyID: keyID, Type: m.Type, MemberID: m.UserInfo, Source: source,
		BornAt: m.GmtBorn, ReceivedAt: received.UnixMilli(), Body: p.Content,
	}
	if in.MsgID == "" {
		in.MsgID = msgchan.BodyKey([]byte(p.Content))
	}
	if err != nil {
		in.Err = err.Error()
		return in, err
	}
	reportsOf(m, &in)
	return in, nil
}

// reportsOf fills in what m says about orders and parcels. Event times are gmtBorn, as the
// timeline's schema says, else the payload's own time; storage falls back to the receipt.
func reportsOf(m msgchan.Message, in *storage.InboxMessage) {
	if e, ok := m.Order(); ok {
		in.Orders = []storage.OrderReport{{
			AliOrderID: e.OrderID, Status: e.CurrentStatus, SellerMemberID: e.SellerMemberID,
			At: firstNonZero(m.GmtBorn, toMS(e.MsgSendTime)), Detail: m.Type,
			// A refund step's status says little about where the order stands.
			Resync: isRefundTopic(m.Type),
		}}
	}
	if pays, ok := m.BatchPay(); ok {
		for _, p := range pays {
			// A payment result is not an order status: the sync reads where the order stands.
			in.Orders = append(in.Orders, storage.OrderReport{
				AliOrderID: p.OrderID, At: m.GmtBorn, Detail: m.Type + " " + p.Status, Resync: true,
			})
		}
	}
	if tr, ok := m.LogisticsTrace(); ok {
		// Traces are ordered by changeTime: a late one must not undo a newer status.
		at := firstNonZero(toMS(tr.ChangeTime), m.GmtBorn, in.ReceivedAt)
		parcelReports(in, m, tr.Items, func(order string, entries []string) storage.ParcelReport {
			return storage.ParcelReport{
				AliOrderID: order, LogisticsID: tr.LogisticsID, BillNo: tr.MailNo,
				CompanyCode: tr.CPCode, Status: tr.StatusChanged, StatusAt: at, EntryIDs: entries,
			}
		})
	}
	if c, ok := m.MailNoChange(); ok {
		parcelReports(in, m, c.Items, func(order string, entries []string) storage.ParcelReport {
			return storage.ParcelReport{
				AliOrderID: order, LogisticsID: c.LogisticsID, BillNo: c.NewMailNo,
				CompanyCode: c.NewCPCode, EntryIDs: entries,
			}
		})
	}
	if len(in.Orders) > 0 {
		in.AliOrderID = in.Orders[0].AliOrderID
	}
}

// parcelReports adds one parcel report and one timeline event per order a logistics message
// names, however many of its lines the parcel carries.
func parcelReports(in *storage.InboxMessage, m msgchan.Message, items []msgchan.OrderLogsItem,
	report func(order string, entries []string) storage.ParcelReport,
) {
	var orders []string
	entries := map[string][]string{}
	for _, it := range items {
		if _, seen := entries[it.OrderID]; !seen {
			orders = append(orders, it.OrderID)
			entries[it.OrderID] = nil
		}
		if it.OrderEntryID != "" {
			entries[it.OrderID] = append(entries[it.OrderID], it.OrderEntryID)
		}
	}
	for _, order := range orders {
		in.Orders = append(in.Orders, storage.OrderReport{AliOrderID: order, At: m.GmtBorn, Detail: m.Type})
		in.Parcels = append(in.Parcels, report(order, entries[order]))
	}
}

func isRefundTopic(msgType string) bool {
	return msgType == "ORDER_BUYER_VIEW_ORDER_BUYER_REFUND_IN_SALES" ||
		msgType == "ORDER_BUYER_VIEW_ORDER_REFUND_AFTER_SALES"
}

func firstNonZero(vs ...int64) int64 {
	for _, v := range vs {
		if v != 0 {
			return v
		}
	}
	return 0
}

// toMS is t in ms since the epoch; 0 for the zero time.
func toMS(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
