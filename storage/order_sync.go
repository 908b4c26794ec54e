package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// SyncEventDetail is the detail of a timeline event a sync adds: the API that read the order.
const SyncEventDetail = "alibaba.trade.get.buyerView"

// sqlDueForSync lists due orders. sync_due_at IS NOT NULL restates the partial index's
// condition, so orders_sync_due serves both the range and the order: only the few unsettled
// orders are visited, however many the table holds.
const sqlDueForSync = `SELECT id, ali_order_id, coalesce(key_id, 0), sync_due_at
	FROM orders
	WHERE sync_due_at IS NOT NULL AND sync_due_at <= ?1 AND ali_order_id IS NOT NULL
		AND (?2 = 0 OR key_id = ?2 OR key_id IS NULL)
	ORDER BY sync_due_at, id LIMIT ?3`

// DueOrder is an order the scheduler should read again.
type DueOrder struct {
	ID         int64
	AliOrderID string
	KeyID      int64 // 0 when the order belongs to no key
	DueAt      time.Time
}

// DueForSync lists up to limit orders of key keyID whose sync is due at now, the longest
// overdue first. Orders that belong to no key are listed for every key, and keyID 0 lists every
// key's. An order 1688 has not numbered yet cannot be read, so it is left out.
func (db *DB) DueForSync(ctx context.Context, keyID int64, now time.Time, limit int) ([]DueOrder, error) {
	rows, err := db.sql.QueryContext(ctx, sqlDueForSync, now.UnixMilli(), keyID, limit)
	if err != nil {
		return nil, fmt.Errorf("storage: orders due for sync: %w", err)
	}
	defer rows.Close()
	var due []DueOrder
	for rows.Next() {
		var o DueOrder
		var at int64
		if err := rows.Scan(&o.ID, &o.AliOrderID, &o.KeyID, &at); err != nil {
			return nil, fmt.Errorf("storage: orders due for sync: %w", err)
		}
		o.DueAt = time.UnixMilli(at).UTC()
		due = append(due, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: orders due for sync: %w", err)
	}
	return due, nil
}

// MarkSyncFailed puts off the next sync of order orderID to retryAt, after a sync that found
// no such order or failed for this order alone. Nothing else about the order changes.
func (db *DB) MarkSyncFailed(ctx context.Context, orderID int64, retryAt time.Time) error {
	_, err := db.sql.ExecContext(ctx, "UPDATE orders SET sync_due_at = ? WHERE id = ?",
		retryAt.UnixMilli(), orderID)
	if err != nil {
		return fmt.Errorf("storage: put off the sync of order %d: %w", orderID, err)
	}
	return nil
}

// SettledStatus reports whether an order in status needs no more syncs: the trade is finished
// or closed, or the buyer confirmed receipt. Later moves of such an order arrive as messages.
func SettledStatus(status string) bool {
	switch status {
	case "success", "cancel", "terminated":
		return true
	}
	return strings.HasPrefix(status, "confirm_goods")
}

// OrderSnapshot is an order as 1688 reported it when it was read (get.buyerView), in storage's
// terms: money in fen, ids as text, times in UTC with the zero time for "not reported".
type OrderSnapshot struct {
	AliOrderID string // required
	Status     string // baseInfo.status, raw

	SellerLoginID  string
	SellerMemberID string
	BuyerLoginID   string
	TotalFen       int64
	ShippingFen    int64
	RefundFen      int64
	RefundStatus   string
	CloseReason    string

	Created, Paid, Shipped, Received, Completed, Modified time.Time

	Lines []SnapshotLine // in the order 1688 lists them; they become line_no 1, 2, …

	// FetchedAt is when the answer came: the timeline event's time and synced_at. Zero means now.
	FetchedAt time.Time
}

// SnapshotLine is one line of an OrderSnapshot (productItems[]).
type SnapshotLine struct {
	OfferID         string
	SpecID          string
	SkuID           string
	SubItemID       string
	Title           string
	SkuText         string // the SKU's attributes, e.g. "颜色:黑色;尺码:XL"
	ImageURL        string
	Quantity        float64
	Unit            string
	UnitPriceFen    int64
	AmountFen       int64
	Status          string
	LogisticsStatus int
	RefundStatus    string
}

// SyncResult is what applying an OrderSnapshot did, as the order stands after the commit.
type SyncResult struct {
	OrderID    int64
	AliOrderID string
	Status     string
	Bucket     string
	Created    bool      // no order had this id: a row of origin synced was added
	Changed    bool      // the snapshot was newer than what the order held, and was applied
	Moved      bool      // the status changed
	NextSyncAt time.Time // zero when the order is settled
}

// ApplyOrderDetail applies what a sync read about an order, in one transaction. The order is
// found by its 1688 id, or added with origin synced and key keyID; a stub seen only in messages
// is filled in and keeps its origin. The status only moves forward by status_map's rank. Title,
// parties, money, times and lines are replaced, and a sync event with the reported status joins
// the timeline. A snapshot whose modifyTime is not newer than the order's changes nothing but
// synced_at and the next due time.
//
// A settled order (see SettledStatus) is not synced again; any other is due resyncAfter after
// FetchedAt. A message that asked for a sync after the snapshot was read keeps its request.
func (db *DB) ApplyOrderDetail(ctx context.Context, keyID int64, detail OrderSnapshot, resyncAfter time.Duration) (SyncResult, error) {
	if detail.AliOrderID == "" {
		return SyncResult{}, errors.New("storage: apply order detail: no 1688 order id")
	}
	if resyncAfter <= 0 {
		return SyncResult{}, fmt.Errorf("storage: apply order detail: resync interval %v is not positive", resyncAfter)
	}
	if detail.FetchedAt.IsZero() {
		detail.FetchedAt = time.Now()
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return SyncResult{}, fmt.Errorf("storage: apply order detail %s: %w", detail.AliOrderID, err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	s := &snapshotApply{ctx: ctx, tx: tx, d: &detail, keyID: keyID, resyncAfter: resyncAfter}
	res, err := s.apply()
	if err != nil {
		return SyncResult{}, fmt.Errorf("storage: apply order detail %s: %w", detail.AliOrderID, err)
	}
	if err := tx.Commit(); err != nil {
		return SyncResult{}, fmt.Errorf("storage: apply order detail %s: commit: %w", detail.AliOrderID, err)
	}
	return res, nil
}

// syncedRow is where an order stood before the snapshot.
type syncedRow struct {
	id         int64
	status     string
	rank       int
	bucket     string
	modifiedAt sql.NullInt64
	dueAt      sql.NullInt64
}

// snapshotApply applies one snapshot inside its transaction.
type snapshotApply struct {
	ctx         context.Context
	tx          *sql.Tx
	d           *OrderSnapshot
	keyID       int64
	resyncAfter time.Duration
}

func (s *snapshotApply) apply() (SyncResult, error) {
	res := SyncResult{AliOrderID: s.d.AliOrderID}
	row, found, err := s.readOrder()
	if err != nil {
		return res, err
	}
	if !found {
		if row, err = s.insertOrder(); err != nil {
			return res, err
		}
		res.Created = true
	}
	fetched := s.d.FetchedAt.UnixMilli()
	// A snapshot without modifyTime cannot be compared, so it is applied: the status still only
	// moves forward.
	res.Changed = !row.modifiedAt.Valid || s.d.Modified.IsZero() || s.d.Modified.UnixMilli() > row.modifiedAt.Int64
	if res.Changed {
		reported, err := s.rankOf(s.d.Status)
		if err != nil {
			return res, err
		}
		// Among statuses the map does not rank there is no order to keep, so a newer report wins.
		if reported.rank > row.rank || (row.rank == 0 && reported.rank == 0 && s.d.Status != "" && s.d.Status != row.status) {
			row.status, row.rank, row.bucket = s.d.Status, reported.rank, reported.bucket
			res.Moved = true
		}
	}
	next := s.nextDue(row)
	if res.Changed {
		err = s.update(row, next)
	} else {
		_, err = s.tx.ExecContext(s.ctx, "UPDATE orders SET synced_at = ?, sync_due_at = ? WHERE id = ?",
			fetched, next, row.id)
	}
	if err != nil {
		return res, err
	}
	res.OrderID, res.Status, res.Bucket = row.id, row.status, row.bucket
	if next.Valid {
		res.NextSyncAt = time.UnixMilli(next.Int64).UTC()
	}
	return res, nil
}

// nextDue is the order's next sync: none once settled, else resyncAfter from FetchedAt. A due
// time between FetchedAt and now can only come from a message that asked for a sync while the
// detail was on its way (messages stamp the real clock, and an order is read only once due), so
// it stands: the snapshot cannot have seen what the message announced.
func (s *snapshotApply) nextDue(row syncedRow) sql.NullInt64 {
	fetched := s.d.FetchedAt.UnixMilli()
	if row.dueAt.Valid && row.dueAt.Int64 > fetched && row.dueAt.Int64 <= time.Now().UnixMilli() {
		return row.dueAt
	}
	if SettledStatus(row.status) {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: fetched + s.resyncAfter.Milliseconds(), Valid: true}
}

func (s *snapshotApply) readOrder() (syncedRow, bool, error) {
	var r syncedRow
	err := s.tx.QueryRowContext(s.ctx, `SELECT id, status, status_rank, bucket, modified_at, sync_due_at
		FROM orders WHERE ali_order_id = ?`, s.d.AliOrderID).
		Scan(&r.id, &r.status, &r.rank, &r.bucket, &r.modifiedAt, &r.dueAt)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return r, false, nil
	case err != nil:
		return r, false, fmt.Errorf("read the order: %w", err)
	}
	return r, true, nil
}

// insertOrder adds a bare order of origin synced; update then fills it in like any other.
func (s *snapshotApply) insertOrder() (syncedRow, error) {
	created := s.d.Created
	if created.IsZero() {
		created = s.d.FetchedAt
	}
	res, err := s.tx.ExecContext(s.ctx, `INSERT INTO orders (ali_order_id, key_id, origin, created_at, updated_at)
		VALUES (?, ?, 'synced', ?, ?)`, s.d.AliOrderID, nullID(s.keyID), created.UnixMilli(), s.d.FetchedAt.UnixMilli())
	if err != nil {
		return syncedRow{}, fmt.Errorf("add the order: %w", err)
	}
	id, err := res.LastInsertId()
	return syncedRow{id: id, bucket: "other"}, err
}

// rankOf is a status's rank and bucket; one missing from status_map has rank 0, bucket other.
func (s *snapshotApply) rankOf(status string) (rankBucket, error) {
	rb := rankBucket{bucket: "other"}
	err := s.tx.QueryRowContext(s.ctx, "SELECT rank, bucket FROM status_map WHERE status = ?", status).
		Scan(&rb.rank, &rb.bucket)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return rb, fmt.Errorf("read the status map: %w", err)
	}
	return rb, nil
}

// update writes a newer snapshot: the order's fields, its lines and the timeline event.
func (s *snapshotApply) update(row syncedRow, next sql.NullInt64) error {
	d := s.d
	fetched := d.FetchedAt.UnixMilli()
	title := ""
	if len(d.Lines) > 0 {
		title = d.Lines[0].Title
	}
	// Times 1688 did not report keep what the order had; empty parties and title likewise, so a
	// thin answer never erases what a fuller one or a message gave.
	_, err := s.tx.ExecContext(s.ctx, `UPDATE orders SET
			status = ?, status_rank = ?, bucket = ?,
			key_id = coalesce(key_id, ?),
			title = coalesce(nullif(?, ''), title),
			seller_login_id = coalesce(nullif(?, ''), seller_login_id),
			seller_member_id = coalesce(nullif(?, ''), seller_member_id),
			buyer_login_id = coalesce(nullif(?, ''), buyer_login_id),
			total_fen = ?, shipping_fen = ?, refund_fen = ?, refund_status = ?, close_reason = ?,
			created_at = coalesce(?, created_at), paid_at = coalesce(?, paid_at),
			shipped_at = coalesce(?, shipped_at), received_at = coalesce(?, received_at),
			completed_at = coalesce(?, completed_at), modified_at = coalesce(?, modified_at),
			synced_at = ?, sync_due_at = ?, updated_at = ?
		WHERE id = ?`,
		row.status, row.rank, row.bucket, nullID(s.keyID), title,
		d.SellerLoginID, d.SellerMemberID, d.BuyerLoginID,
		d.TotalFen, d.ShippingFen, d.RefundFen, d.RefundStatus, d.CloseReason,
		timeMS(d.Created), timeMS(d.Paid), timeMS(d.Shipped), timeMS(d.Received),
		timeMS(d.Completed), timeMS(d.Modified),
		fetched, next, fetched, row.id)
	if err != nil {
		return fmt.Errorf("update the order: %w", err)
	}
	if err := s.replaceLines(row.id); err != nil {
		return err
	}
	_, err = s.tx.ExecContext(s.ctx, `INSERT INTO order_events (order_id, at, kind, status, detail)
		VALUES (?, ?, 'sync', ?, ?)`, row.id, fetched, d.Status, SyncEventDetail)
	if err != nil {
		return fmt.Errorf("timeline event: %w", err)
	}
	return nil
}

// replaceLines writes the snapshot's lines in place of the order's. A snapshot without lines
// leaves them alone: 1688 always lists an order's products, so none means a thin answer.
func (s *snapshotApply) replaceLines(orderID int64) error {
	if len(s.d.Lines) == 0 {
		return nil
	}
	if _, err := s.tx.ExecContext(s.ctx, "DELETE FROM order_lines WHERE order_id = ?", orderID); err != nil {
		return fmt.Errorf("replace the lines: %w", err)
	}
	stmt, err := s.tx.PrepareContext(s.ctx, `INSERT INTO order_lines (order_id, line_no, offer_id,
		spec_id, sku_id, sub_item_id, title, sku_text, image_url, quantity, unit, unit_price_fen,
		amount_fen, status, logistics_status, refund_status)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("replace the lines: %w", err)
	}
	defer stmt.Close()
	for i, l := range s.d.Lines {
		_, err := stmt.ExecContext(s.ctx, orderID, i+1, l.OfferID, l.SpecID, l.SkuID, l.SubItemID,
			l.Title, l.SkuText, l.ImageURL, l.Quantity, l.Unit, l.UnitPriceFen, l.AmountFen,
			l.Status, l.LogisticsStatus, l.RefundStatus)
		if err != nil {
			return fmt.Errorf("line %d: %w", i+1, err)
		}
	}
	return nil
}

// timeMS is t for a nullable ms column: the zero time is NULL.
func timeMS(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}
