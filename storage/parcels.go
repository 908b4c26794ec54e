package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Shipment is a parcel of an order as getLogisticsInfos.buyerView lists it.
type Shipment struct {
	LogisticsID string // required
	BillNo      string
	Company     string
	CompanyCode string
	Status      string // WAITACCEPT … SIGN
	EntryIDs    []string
	SentAt      time.Time // zero when not reported
}

// SaveShipments records the parcels of order orderID as 1688 listed them at at, in one
// transaction. Their status is as of at, so it replaces a message's older report, while a
// message stamped later keeps its newer one. Fields 1688 left empty keep what the parcel had.
func (db *DB) SaveShipments(ctx context.Context, orderID int64, shipments []Shipment, at time.Time) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: parcels of order %d: %w", orderID, err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	for _, s := range shipments {
		_, err := tx.ExecContext(ctx, `INSERT INTO logistics (order_id, logistics_id, bill_no, company,
				company_code, status, status_at, entry_ids, sent_at, updated_at)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?7)
			ON CONFLICT (order_id, logistics_id) DO UPDATE SET
				bill_no = coalesce(nullif(excluded.bill_no, ''), bill_no),
				company = coalesce(nullif(excluded.company, ''), company),
				company_code = coalesce(nullif(excluded.company_code, ''), company_code),
				status = iif(excluded.status <> '' AND excluded.status_at >= coalesce(status_at, 0),
					excluded.status, status),
				status_at = iif(excluded.status <> '', max(coalesce(status_at, 0), excluded.status_at), status_at),
				entry_ids = coalesce(nullif(excluded.entry_ids, ''), entry_ids),
				sent_at = coalesce(excluded.sent_at, sent_at),
				updated_at = excluded.updated_at`,
			orderID, s.LogisticsID, s.BillNo, s.Company, s.CompanyCode, s.Status, at.UnixMilli(),
			strings.Join(s.EntryIDs, ","), timeMS(s.SentAt))
		if err != nil {
			return fmt.Errorf("storage: parcel %s of order %d: %w", s.LogisticsID, orderID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: parcels of order %d: commit: %w", orderID, err)
	}
	return nil
}

// SaveTrace replaces the trace of parcel logisticsID of order orderID with steps (oldest first),
// read at at. A trace of a parcel the order does not have yet adds the parcel with billNo.
func (db *DB) SaveTrace(ctx context.Context, orderID int64, logisticsID, billNo string, steps []TraceStep, at time.Time) error {
	wire := make([]wireTraceStep, len(steps))
	for i, s := range steps {
		wire[i] = wireTraceStep{At: s.At.UnixMilli(), Remark: s.Remark}
	}
	trace, err := json.Marshal(wire)
	if err != nil {
		return fmt.Errorf("storage: trace of parcel %s: %w", logisticsID, err)
	}
	_, err = db.sql.ExecContext(ctx, `INSERT INTO logistics (order_id, logistics_id, bill_no, trace,
			traced_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
		ON CONFLICT (order_id, logistics_id) DO UPDATE SET
			bill_no = coalesce(nullif(excluded.bill_no, ''), bill_no),
			trace = excluded.trace, traced_at = excluded.traced_at, updated_at = excluded.updated_at`,
		orderID, logisticsID, billNo, string(trace), at.UnixMilli())
	if err != nil {
		return fmt.Errorf("storage: trace of parcel %s of order %d: %w", logisticsID, orderID, err)
	}
	return nil
}
