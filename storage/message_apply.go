package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// The statements of the apply path. Those run per message are prepared once per transaction;
// the orders are read, and the timeline events written, once per batch.
const (
	sqlInsertMessage = `INSERT INTO messages (msg_id, key_id, type, member_id, ali_order_id,
		msg_source, born_at, received_at, body, applied_at, error)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (msg_id) DO NOTHING`
	// The orders a batch names, read in one statement: a query per message costs more than the
	// rest of its apply. The ids come as one JSON array.
	sqlFindOrders = `SELECT id, ali_order_id, status, status_rank, bucket FROM orders
		WHERE ali_order_id IN (SELECT value FROM json_each(?))`
	sqlInsertStub = `INSERT INTO orders (ali_order_id, key_id, origin, status, status_rank, bucket,
		seller_member_id, created_at, sync_due_at, updated_at)
		VALUES (?, ?, 'message', ?, ?, ?, ?, ?, ?, ?)`
	sqlMoveOrder = `UPDATE orders SET status = ?, status_rank = ?, bucket = ?, updated_at = ?
		WHERE id = ? AND status_rank < ?`
	sqlResyncOrder = `UPDATE orders SET sync_due_at = min(coalesce(sync_due_at, ?1), ?1)
		WHERE id = ?2`
	// The batch's timeline events, in one statement at the end, from a JSON array of
	// [order_id, at, status, msg_id, detail].
	sqlInsertEvents = `INSERT INTO order_events (order_id, at, kind, status, msg_id, detail)
		SELECT value->>0, value->>1, 'message', value->>2, value->>3, value->>4 FROM json_each(?)`
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
	ctx    context.Context
	tx     *sql.Tx
	now    int64
	ranks  map[string]rankBucket // read once per transaction: Settings may edit the map
	orders map[string]*orderRow  // by ali_order_id: the batch's orders, kept current as it moves them
	events [][]any               // the batch's timeline events, written by flushEvents
	stmts  struct {
		insertMessage, insertStub, moveOrder, resyncOrder, upsertParcel *sql.Stmt
	}
	all []*sql.Stmt
}

func newApplier(ctx context.Context, tx *sql.Tx, now int64) (*applier, error) {
	a := &applier{ctx: ctx, tx: tx, now: now, ranks: map[string]rankBucket{}, orders: map[string]*orderRow{}}
	s := &a.stmts
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&s.insertMessage, sqlInsertMessage},
		{&s.insertStub, sqlInsertStub},
		{&s.moveOrder, sqlMoveOrder},
		{&s.resyncOrder, sqlResyncOrder},
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
	if err := a.readStatusMap(); err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

func (a *applier) readStatusMap() error {
	rows, err := a.tx.QueryContext(a.ctx, "SELECT status, rank, bucket FROM status_map")
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

// loadOrders reads the orders msgs report on.
func (a *applier) loadOrders(msgs []InboxMessage) error {
	var ids []string
	for i := range msgs {
		for _, r := range msgs[i].Orders {
			ids = append(ids, r.AliOrderID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	rows, err := a.tx.QueryContext(a.ctx, sqlFindOrders, string(list))
	if err != nil {
		return fmt.Errorf("read orders: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var row orderRow
		var aliID string
		if err := rows.Scan(&row.id, &aliID, &row.status, &row.rank, &row.bucket); err != nil {
			return fmt.Errorf("read orders: %w", err)
		}
		a.orders[aliID] = &row
	}
	return rows.Err()
}

// flushEvents writes the timeline events of the batch.
func (a *applier) flushEvents() error {
	if len(a.events) == 0 {
		return nil
	}
	list, err := json.Marshal(a.events)
	if err != nil {
		return err
	}
	if _, err := a.tx.ExecContext(a.ctx, sqlInsertEvents, string(list)); err != nil {
		return fmt.Errorf("timeline events: %w", err)
	}
	return nil
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
	res, err := a.stmts.insertMessage.ExecContext(a.ctx, m.MsgID, nullID(m.KeyID), m.Type, m.MemberID,
		m.AliOrderID, m.Source, nullMS(m.BornAt), m.ReceivedAt, m.Body, applied, msgErr)
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
	for _, r := range m.Orders {
		change, err := a.applyOrderReport(m, r)
		if err != nil {
			return MessageOutcome{}, err
		}
		out.Orders = append(out.Orders, change)
	}
	for _, p := range m.Parcels {
		row, ok := a.orders[p.AliOrderID]
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
func (a *applier) applyOrderReport(m *InboxMessage, r OrderReport) (OrderChange, error) {
	reported := a.rankOf(r.Status)
	change := OrderChange{AliOrderID: r.AliOrderID}
	row, known := a.orders[r.AliOrderID]
	switch {
	case !known:
		// The stub takes whatever status was reported, even an unknown one: it has no other.
		row = &orderRow{status: r.Status, rank: reported.rank, bucket: reported.bucket}
		res, err := a.stmts.insertStub.ExecContext(a.ctx, r.AliOrderID, nullID(m.KeyID), row.status,
			row.rank, row.bucket, r.SellerMemberID, firstNonZero(r.At, m.ReceivedAt), a.now, a.now)
		if err != nil {
			return change, fmt.Errorf("stub order %s: %w", r.AliOrderID, err)
		}
		if row.id, err = res.LastInsertId(); err != nil {
			return change, err
		}
		a.orders[r.AliOrderID] = row
		change.Created, change.Moved = true, r.Status != ""
	case reported.rank > row.rank:
		// Rank 0 (unknown or no status) is never above a row's rank, so it never moves.
		_, err := a.stmts.moveOrder.ExecContext(a.ctx, r.Status, reported.rank, reported.bucket, a.now,
			row.id, reported.rank)
		if err != nil {
			return change, fmt.Errorf("order %s: %w", r.AliOrderID, err)
		}
		row.status, row.rank, row.bucket = r.Status, reported.rank, reported.bucket
		change.Moved = true
	}
	if !change.Created && (r.Resync || reported.rank == 0) {
		// The message does not settle the order: the scheduler syncs it.
		if _, err := a.stmts.resyncOrder.ExecContext(a.ctx, a.now, row.id); err != nil {
			return change, fmt.Errorf("order %s: %w", r.AliOrderID, err)
		}
	}
	a.events = append(a.events, []any{row.id, firstNonZero(r.At, m.BornAt, m.ReceivedAt), r.Status, m.MsgID, r.Detail})
	change.OrderID, change.Status, change.Bucket = row.id, row.status, row.bucket
	return change, nil
}

// nullID is a foreign key that 0 leaves NULL.
func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

func firstNonZero(vs ...int64) int64 {
	for _, v := range vs {
		if v != 0 {
			return v
		}
	}
	return 0
}
