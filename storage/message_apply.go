package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// The statements of the apply path, prepared once per transaction: a batch of 100 messages runs
// each of them up to a few hundred times.
const (
	sqlInsertMessage = `INSERT INTO messages (msg_id, key_id, type, member_id, ali_order_id,
		msg_source, born_at, received_at, body, applied_at, error)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (msg_id) DO NOTHING`
	sqlFindOrder  = `SELECT id, status, status_rank, bucket FROM orders WHERE ali_order_id = ?`
	sqlInsertStub = `INSERT INTO orders (ali_order_id, key_id, origin, status, status_rank, bucket,
		seller_member_id, created_at, sync_due_at, updated_at)
		VALUES (?, ?, 'message', ?, ?, ?, ?, ?, ?, ?)`
	sqlMoveOrder = `UPDATE orders SET status = ?, status_rank = ?, bucket = ?, updated_at = ?
		WHERE id = ? AND status_rank < ?`
	sqlResyncOrder = `UPDATE orders SET sync_due_at = min(coalesce(sync_due_at, ?1), ?1)
		WHERE id = ?2`
	sqlInsertEvent = `INSERT INTO order_events (order_id, at, kind, status, msg_id, detail)
		VALUES (?, ?, 'message', ?, ?, ?)`
	// A trace report (status_at set) wins only over an older one; the values of the SET list are
	// the row's before the update, so every test sees the same old status_at.
	sqlUpsertParcel = `INSERT INTO logistics (order_id, logistics_id, bill_no, company_code, status,
		status_at, entry_ids, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (order_id, logistics_id) DO UPDATE SET
			status = iif(excluded.status_at >= coalesce(status_at, 0), excluded.status, status),
			bill_no = iif(excluded.bill_no <> '' AND (excluded.status_at IS NULL
				OR excluded.status_at >= coalesce(status_at, 0)), excluded.bill_no, bill_no),
			company_code = iif(excluded.company_code <> '' AND (excluded.status_at IS NULL
				OR excluded.status_at >= coalesce(status_at, 0)), excluded.company_code, company_code),
			status_at = max(coalesce(status_at, 0), coalesce(excluded.status_at, 0)),
			entry_ids = iif(excluded.entry_ids <> '', excluded.entry_ids, entry_ids),
			updated_at = excluded.updated_at`
)

// rankBucket is a status_map row.
type rankBucket struct {
	rank   int
	bucket string
}

// orderRow is where an order stands inside the transaction.
type orderRow struct {
	id     int64
	status string
	rank   int
	bucket string
}

// applier applies the messages of one transaction.
type applier struct {
	ctx   context.Context
	now   int64
	ranks map[string]rankBucket // read once per transaction: Settings may edit the map
	stmts struct {
		insertMessage, findOrder, insertStub, moveOrder, resyncOrder, insertEvent, upsertParcel *sql.Stmt
	}
	all []*sql.Stmt
}

func newApplier(ctx context.Context, tx *sql.Tx, now int64) (*applier, error) {
	a := &applier{ctx: ctx, now: now, ranks: map[string]rankBucket{}}
	s := &a.stmts
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&s.insertMessage, sqlInsertMessage},
		{&s.findOrder, sqlFindOrder},
		{&s.insertStub, sqlInsertStub},
		{&s.moveOrder, sqlMoveOrder},
		{&s.resyncOrder, sqlResyncOrder},
		{&s.insertEvent, sqlInsertEvent},
		{&s.upsertParcel, sqlUpsertParcel},
	} {
		stmt, err := tx.PrepareContext(ctx, p.query)
		if err != nil {
			a.close()
			return nil, err
		}
		*p.stmt = stmt
		a.all = append(a.all, stmt)
	}
	if err := a.readStatusMap(tx); err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

func (a *applier) readStatusMap(tx *sql.Tx) error {
	rows, err := tx.QueryContext(a.ctx, "SELECT status, rank, bucket FROM status_map")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var rb rankBucket
		if err := rows.Scan(&status, &rb.rank, &rb.bucket); err != nil {
			return err
		}
		a.ranks[status] = rb
	}
	return rows.Err()
}

func (a *applier) close() {
	for _, s := range a.all {
		_ = s.Close()
	}
}

// rankOf is a status's rank and bucket; a status missing from status_map has rank 0 and goes to
// the 'other' bucket.
func (a *applier) rankOf(status string) rankBucket {
	if rb, ok := a.ranks[status]; ok {
		return rb
	}
	return rankBucket{bucket: "other"}
}

func (a *applier) apply(m *InboxMessage) (MessageOutcome, error) {
	var applied sql.NullInt64
	var msgErr sql.NullString
	if m.Err != "" {
		msgErr = sql.NullString{String: m.Err, Valid: true}
	} else {
		// A MOCK message is applied too, in the sense that nothing is left to do for it.
		applied = nullMS(a.now)
	}
	res, err := a.stmts.insertMessage.ExecContext(a.ctx, m.MsgID, sql.NullInt64{Int64: m.KeyID, Valid: m.KeyID != 0},
		m.Type, m.MemberID, m.AliOrderID, m.Source, nullMS(m.BornAt), m.ReceivedAt, m.Body, applied, msgErr)
	if err != nil {
		return MessageOutcome{}, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return MessageOutcome{Duplicate: true}, err
	}
	if m.Err != "" || m.Source == SourceMock {
		return MessageOutcome{}, nil
	}
	var out MessageOutcome
	rows := map[string]orderRow{} // the orders of this message, so parcels find theirs
	for _, r := range m.Orders {
		change, row, err := a.applyOrderReport(m, r)
		if err != nil {
			return MessageOutcome{}, err
		}
		rows[r.AliOrderID] = row
		out.Orders = append(out.Orders, change)
	}
	for _, p := range m.Parcels {
		row, ok := rows[p.AliOrderID]
		if !ok {
			return MessageOutcome{}, errors.New("a parcel of an order the message has no report for")
		}
		_, err := a.stmts.upsertParcel.ExecContext(a.ctx, row.id, p.LogisticsID, p.BillNo, p.CompanyCode,
			p.Status, nullMS(p.StatusAt), strings.Join(p.EntryIDs, ","), a.now)
		if err != nil {
			return MessageOutcome{}, fmt.Errorf("parcel %s: %w", p.LogisticsID, err)
		}
	}
	return out, nil
}

// applyOrderReport moves the order forward when the reported status ranks higher, creates a stub
// for an order seen only in messages, and always adds the event to the timeline.
func (a *applier) applyOrderReport(m *InboxMessage, r OrderReport) (OrderChange, orderRow, error) {
	reported := a.rankOf(r.Status)
	change := OrderChange{AliOrderID: r.AliOrderID}
	var row orderRow
	err := a.stmts.findOrder.QueryRowContext(a.ctx, r.AliOrderID).Scan(&row.id, &row.status, &row.rank, &row.bucket)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		// The stub takes whatever status was reported, even an unknown one: it has no other.
		row = orderRow{status: r.Status, rank: reported.rank, bucket: reported.bucket}
		res, err := a.stmts.insertStub.ExecContext(a.ctx, r.AliOrderID, sql.NullInt64{Int64: m.KeyID, Valid: m.KeyID != 0},
			row.status, row.rank, row.bucket, r.SellerMemberID, firstNonZero(r.At, m.ReceivedAt), a.now, a.now)
		if err != nil {
			return change, row, fmt.Errorf("stub order %s: %w", r.AliOrderID, err)
		}
		if row.id, err = res.LastInsertId(); err != nil {
			return change, row, err
		}
		change.Created, change.Moved = true, r.Status != ""
	case err != nil:
		return change, row, fmt.Errorf("order %s: %w", r.AliOrderID, err)
	case reported.rank > row.rank:
		// Rank 0 (unknown or no status) is never above a row's rank, so it never moves.
		_, err := a.stmts.moveOrder.ExecContext(a.ctx, r.Status, reported.rank, reported.bucket, a.now, row.id, reported.rank)
		if err != nil {
			return change, row, fmt.Errorf("order %s: %w", r.AliOrderID, err)
		}
		row.status, row.rank, row.bucket = r.Status, reported.rank, reported.bucket
		change.Moved = true
	}
	if !change.Created && (r.Resync || reported.rank == 0) {
		// The message does not settle the order: the scheduler syncs it.
		if _, err := a.stmts.resyncOrder.ExecContext(a.ctx, a.now, row.id); err != nil {
			return change, row, fmt.Errorf("order %s: %w", r.AliOrderID, err)
		}
	}
	_, err = a.stmts.insertEvent.ExecContext(a.ctx, row.id, firstNonZero(r.At, m.BornAt, m.ReceivedAt), r.Status, m.MsgID, r.Detail)
	if err != nil {
		return change, row, fmt.Errorf("order %s: event: %w", r.AliOrderID, err)
	}
	change.OrderID, change.Status, change.Bucket = row.id, row.status, row.bucket
	return change, row, nil
}

func firstNonZero(vs ...int64) int64 {
	for _, v := range vs {
		if v != 0 {
			return v
		}
	}
	return 0
}
