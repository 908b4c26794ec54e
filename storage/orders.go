package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// OrderState is where an order stands: its 1688 status, its bucket and whether a sync is due.
type OrderState struct {
	ID         int64
	AliOrderID string
	KeyID      int64  // 0 when none
	Origin     string // placed, synced, csv, or message for a stub seen only in messages
	Status     string
	Rank       int
	Bucket     string
	SyncDueAt  time.Time // zero when messages settled it
}

// OrderByAliID is the order with 1688 id aliOrderID; ok is false when there is none.
func (db *DB) OrderByAliID(ctx context.Context, aliOrderID string) (o OrderState, ok bool, err error) {
	var due sql.NullInt64
	err = db.sql.QueryRowContext(ctx, `SELECT id, ali_order_id, coalesce(key_id, 0), origin, status,
		status_rank, bucket, sync_due_at FROM orders WHERE ali_order_id = ?`, aliOrderID).
		Scan(&o.ID, &o.AliOrderID, &o.KeyID, &o.Origin, &o.Status, &o.Rank, &o.Bucket, &due)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return OrderState{}, false, nil
	case err != nil:
		return OrderState{}, false, fmt.Errorf("storage: order %s: %w", aliOrderID, err)
	}
	o.SyncDueAt = msTime(due)
	return o, true, nil
}

// OrderEvent is an entry of an order's timeline.
type OrderEvent struct {
	At     time.Time
	Kind   string // message, sync or user
	Status string // the 1688 status it reported, even one the order had passed
	MsgID  string // the message, for kind message
	Detail string // message type, API name or user action
}

// OrderEvents is the timeline of order orderID, oldest first.
func (db *DB) OrderEvents(ctx context.Context, orderID int64) ([]OrderEvent, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT at, kind, status, coalesce(msg_id, ''), detail
		FROM order_events WHERE order_id = ? ORDER BY at, id`, orderID)
	if err != nil {
		return nil, fmt.Errorf("storage: events of order %d: %w", orderID, err)
	}
	defer rows.Close()
	var events []OrderEvent
	for rows.Next() {
		var e OrderEvent
		var at int64
		if err := rows.Scan(&at, &e.Kind, &e.Status, &e.MsgID, &e.Detail); err != nil {
			return nil, fmt.Errorf("storage: events of order %d: %w", orderID, err)
		}
		e.At = time.UnixMilli(at).UTC()
		events = append(events, e)
	}
	return events, rows.Err()
}

// Parcel is a logistics order of an order.
type Parcel struct {
	LogisticsID string
	BillNo      string
	CompanyCode string
	Status      string
	StatusAt    time.Time
	EntryIDs    []string
}

// Parcels are the logistics orders of order orderID, by logistics id.
func (db *DB) Parcels(ctx context.Context, orderID int64) ([]Parcel, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT logistics_id, bill_no, company_code, status,
		status_at, entry_ids FROM logistics WHERE order_id = ? ORDER BY logistics_id`, orderID)
	if err != nil {
		return nil, fmt.Errorf("storage: parcels of order %d: %w", orderID, err)
	}
	defer rows.Close()
	var parcels []Parcel
	for rows.Next() {
		var p Parcel
		var at sql.NullInt64
		var entries string
		if err := rows.Scan(&p.LogisticsID, &p.BillNo, &p.CompanyCode, &p.Status, &at, &entries); err != nil {
			return nil, fmt.Errorf("storage: parcels of order %d: %w", orderID, err)
		}
		p.StatusAt = msTime(at)
		if entries != "" {
			p.EntryIDs = strings.Split(entries, ",")
		}
		parcels = append(parcels, p)
	}
	return parcels, rows.Err()
}
