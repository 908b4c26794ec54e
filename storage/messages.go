package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// SourceMock is the msg_source of the console's test messages: stored, never applied.
const SourceMock = "MOCK"

// InboxMessage is one pushed message, already read by the caller, to be stored in the inbox and
// applied to its orders.
type InboxMessage struct {
	MsgID      string // the dedupe key: msgId, or a key derived from a body that has none
	KeyID      int64  // the key whose channel delivered it; 0 when unknown
	Type       string
	MemberID   string // userInfo
	AliOrderID string // the order it is about, for the inbox row; '' when none
	Source     string // REAL, or SourceMock
	BornAt     int64  // gmtBorn, ms; 0 when the message had none
	ReceivedAt int64  // ms
	Body       string // as received
	Err        string // why it could not be read; such a message is stored, never applied
	Orders     []OrderReport
	Parcels    []ParcelReport
}

// OrderReport is what a message says about one order. Every report adds an event to the order's
// timeline, even one whose status the order has already passed.
type OrderReport struct {
	AliOrderID     string
	Status         string // the reported 1688 status; '' when the message reports none
	SellerMemberID string // for a stub order
	At             int64  // when it happened, ms: the event's time
	Detail         string // the message type, shown in the timeline
	// Resync asks for a sync even when the status is known, because the message does not say
	// where the order stands (a batch payment, a refund step).
	Resync bool
}

// ParcelReport is what a logistics message says about one order's parcel. A trace report
// (StatusAt set) changes the parcel only when it is not older than the last one applied; a
// tracking number change (StatusAt 0) sets the number and the carrier whenever it comes.
type ParcelReport struct {
	AliOrderID  string
	LogisticsID string
	BillNo      string   // mailNo; '' keeps the stored one
	CompanyCode string   // cpCode; '' keeps the stored one
	Status      string   // statusChanged
	StatusAt    int64    // changeTime, ms
	EntryIDs    []string // orderEntryIds of this order in the parcel; none keeps the stored ones
}

// MessageOutcome is what applying one InboxMessage did.
type MessageOutcome struct {
	Duplicate bool          // its msg_id was stored before: nothing changed
	Orders    []OrderChange // one per OrderReport, in order
}

// OrderChange is an order a message touched and where it stands after the commit.
type OrderChange struct {
	OrderID    int64
	AliOrderID string
	Status     string
	Bucket     string
	Moved      bool // the status changed (a stub created with a status counts)
	Created    bool // a stub was created for an order seen only in messages
}

// ApplyMessages stores msgs in the inbox and applies them to orders and parcels in one
// transaction, so either all of them are durable and may be confirmed, or none is. A msg_id seen
// before is a duplicate and changes nothing; a message with Err, or a MOCK one, is only stored.
// An error means the transaction did not commit; a bad message is never one.
func (db *DB) ApplyMessages(ctx context.Context, msgs []InboxMessage) ([]MessageOutcome, error) {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("storage: apply messages: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	a, err := newApplier(ctx, tx, time.Now().UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("storage: apply messages: %w", err)
	}
	defer a.close()
	if err := a.loadOrders(msgs); err != nil {
		return nil, fmt.Errorf("storage: apply messages: %w", err)
	}
	outcomes := make([]MessageOutcome, len(msgs))
	for i := range msgs {
		if outcomes[i], err = a.apply(&msgs[i]); err != nil {
			return nil, fmt.Errorf("storage: apply message %s: %w", msgs[i].MsgID, err)
		}
	}
	if err := a.flushEvents(); err != nil {
		return nil, fmt.Errorf("storage: apply messages: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("storage: apply messages: commit: %w", err)
	}
	return outcomes, nil
}

// StoredMessage is a row of the inbox.
type StoredMessage struct {
	MsgID      string
	KeyID      int64 // 0 when unknown
	Type       string
	MemberID   string
	AliOrderID string
	Source     string
	BornAt     time.Time // zero when the message had none
	ReceivedAt time.Time
	AppliedAt  time.Time // zero while not applied
	Body       string
	Err        string
}

// FailedMessages lists up to limit stored messages that could not be read, newest first, for
// the diagnostics screen.
func (db *DB) FailedMessages(ctx context.Context, limit int) ([]StoredMessage, error) {
	// applied_at IS NULL lets messages_unapplied serve the query: a failed message is never applied.
	rows, err := db.sql.QueryContext(ctx, `
		SELECT msg_id, coalesce(key_id, 0), type, member_id, ali_order_id, msg_source, born_at,
			received_at, applied_at, body, error
		FROM messages WHERE applied_at IS NULL AND error IS NOT NULL
		ORDER BY received_at DESC, msg_id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("storage: failed messages: %w", err)
	}
	defer rows.Close()
	var list []StoredMessage
	for rows.Next() {
		var m StoredMessage
		var born, applied sql.NullInt64
		var received int64
		if err := rows.Scan(&m.MsgID, &m.KeyID, &m.Type, &m.MemberID, &m.AliOrderID, &m.Source,
			&born, &received, &applied, &m.Body, &m.Err); err != nil {
			return nil, fmt.Errorf("storage: failed messages: %w", err)
		}
		m.BornAt, m.ReceivedAt, m.AppliedAt = msTime(born), time.UnixMilli(received).UTC(), msTime(applied)
		list = append(list, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: failed messages: %w", err)
	}
	return list, nil
}

// msTime is a nullable ms column as a time; NULL is the zero time.
func msTime(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return time.UnixMilli(ms.Int64).UTC()
}

// nullMS is ms for a nullable column: 0 is NULL.
func nullMS(ms int64) sql.NullInt64 { return sql.NullInt64{Int64: ms, Valid: ms != 0} }
