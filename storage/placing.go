package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Errors of placing.
var (
	// ErrNothingToPlace: none of the cart lines to place is in the cart any more, e.g. because a
	// second click placed them already.
	ErrNothingToPlace = errors.New("storage: the cart lines to place are no longer in the cart")
	// ErrNotPending: the order is not a placed order still waiting for its 1688 id.
	ErrNotPending = errors.New("storage: the order is not waiting to be placed")
)

// PendingOrder is an order about to be sent to fastCreateOrder: it is stored, with its
// outOrderId, before the call, so that a lost answer can be looked up and never ordered twice.
type PendingOrder struct {
	ID             int64 // set by the storage
	KeyID          int64
	OutOrderID     string
	Title          string
	SellerMemberID string
	SellerLoginID  string
	BuyerLoginID   string
	AddressID      int64 // 0 for none
	SellerMessage  string
	CreatedAt      time.Time
}

// BeginPlacing stores p as an order of origin placed without a 1688 id and moves the cart lines
// cartLineIDs into its lines, in one transaction. Only the lines still in the cart move, and
// they are returned; when none is left it fails with ErrNothingToPlace and stores nothing.
func (db *DB) BeginPlacing(ctx context.Context, p PendingOrder, cartLineIDs []int64) (int64, []CartLine, error) {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return 0, nil, fmt.Errorf("storage: begin placing: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	var lines []CartLine
	for _, id := range cartLineIDs {
		l, ok, err := takeCartLine(ctx, tx, id)
		if err != nil {
			return 0, nil, fmt.Errorf("storage: begin placing: %w", err)
		}
		if ok {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return 0, nil, ErrNothingToPlace
	}
	if p.Title == "" {
		p.Title = lines[0].Title
	}
	at := p.CreatedAt.UnixMilli()
	res, err := tx.ExecContext(ctx, `INSERT INTO orders (out_order_id, key_id, origin, title,
		seller_login_id, seller_member_id, buyer_login_id, address_id, seller_message, created_at, updated_at)
		VALUES (?, ?, 'placed', ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.OutOrderID, nullID(p.KeyID), p.Title, p.SellerLoginID, p.SellerMemberID, p.BuyerLoginID,
		nullID(p.AddressID), p.SellerMessage, at, at)
	if err != nil {
		return 0, nil, fmt.Errorf("storage: begin placing: add the order: %w", err)
	}
	orderID, err := res.LastInsertId()
	if err != nil {
		return 0, nil, err
	}
	for i, l := range lines {
		_, err := tx.ExecContext(ctx, `INSERT INTO order_lines (order_id, line_no, offer_id, spec_id,
			title, sku_text, image_url, quantity, unit_price_fen, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			orderID, i+1, l.OfferID, l.SpecID, l.Title, l.SKUText, l.ImageURL, l.Quantity,
			l.UnitPriceFen, l.UnitPriceFen*int64(l.Quantity))
		if err != nil {
			return 0, nil, fmt.Errorf("storage: begin placing: line %d: %w", i+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, nil, fmt.Errorf("storage: begin placing: %w", err)
	}
	return orderID, lines, nil
}

// takeCartLine reads and deletes one cart line; ok is false when it is not in the cart.
func takeCartLine(ctx context.Context, tx *sql.Tx, id int64) (CartLine, bool, error) {
	var l CartLine
	var added int64
	err := tx.QueryRowContext(ctx, `DELETE FROM cart_lines WHERE id = ? RETURNING id, offer_id, spec_id,
		sku_text, title, image_url, seller_member_id, seller_login_id, unit_price_fen, min_quantity,
		quantity, note, added_at`, id).Scan(&l.ID, &l.OfferID, &l.SpecID, &l.SKUText, &l.Title,
		&l.ImageURL, &l.SellerMemberID, &l.SellerLoginID, &l.UnitPriceFen, &l.MinQuantity, &l.Quantity,
		&l.Note, &added)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return l, false, nil
	case err != nil:
		return l, false, fmt.Errorf("cart line %d: %w", id, err)
	}
	l.AddedAt = time.UnixMilli(added).UTC()
	return l, true, nil
}

// Placed is what 1688 said about a pending order once it exists.
type Placed struct {
	AliOrderID  string
	Status      string // e.g. waitbuyerpay
	TotalFen    int64
	ShippingFen int64
	At          time.Time // when it was learnt: the timeline event's time
	Detail      string    // the user event's detail, e.g. "placed"
}

// RecordPlaced gives pending order orderID its 1688 id, status (ranked and bucketed by
// status_map), amounts and a user event, and makes its sync due at once so the next sync reads
// its full detail. A stub that a pushed message or a sync made for the same 1688 id meanwhile
// is merged into it: its timeline and parcels move over and the higher status wins.
func (db *DB) RecordPlaced(ctx context.Context, orderID int64, p Placed) error {
	if p.AliOrderID == "" {
		return errors.New("storage: record placed: no 1688 order id")
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: record placed %s: %w", p.AliOrderID, err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	if err := recordPlacedTx(ctx, tx, orderID, p); err != nil {
		return fmt.Errorf("storage: record placed %s: %w", p.AliOrderID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: record placed %s: %w", p.AliOrderID, err)
	}
	return nil
}

func recordPlacedTx(ctx context.Context, tx *sql.Tx, orderID int64, p Placed) error {
	var pending bool
	err := tx.QueryRowContext(ctx, `SELECT ali_order_id IS NULL FROM orders WHERE id = ? AND origin = 'placed'
		AND (ali_order_id IS NULL OR ali_order_id = ?)`, orderID, p.AliOrderID).Scan(&pending)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotPending
	}
	if err != nil {
		return err
	}
	status, rank, bucket := p.Status, 0, "other"
	err = tx.QueryRowContext(ctx, "SELECT rank, bucket FROM status_map WHERE status = ?", p.Status).Scan(&rank, &bucket)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read the status map: %w", err)
	}
	var stubID int64
	var stubStatus, stubBucket string
	var stubRank int
	err = tx.QueryRowContext(ctx, "SELECT id, status, status_rank, bucket FROM orders WHERE ali_order_id = ? AND id <> ?",
		p.AliOrderID, orderID).Scan(&stubID, &stubStatus, &stubRank, &stubBucket)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return fmt.Errorf("find a stub: %w", err)
	default:
		if stubRank > rank {
			status, rank, bucket = stubStatus, stubRank, stubBucket
		}
		for _, q := range []string{
			"UPDATE order_events SET order_id = ?1 WHERE order_id = ?2",
			"UPDATE OR IGNORE logistics SET order_id = ?1 WHERE order_id = ?2",
			"DELETE FROM orders WHERE id = ?2",
		} {
			if _, err := tx.ExecContext(ctx, q, orderID, stubID); err != nil {
				return fmt.Errorf("merge stub %d: %w", stubID, err)
			}
		}
	}
	at := p.At.UnixMilli()
	_, err = tx.ExecContext(ctx, `UPDATE orders SET ali_order_id = ?, status = ?, status_rank = ?,
		bucket = ?, total_fen = ?, shipping_fen = ?, sync_due_at = ?, updated_at = ?
		WHERE id = ? AND status_rank <= ?`,
		p.AliOrderID, status, rank, bucket, p.TotalFen, p.ShippingFen, at, at, orderID, rank)
	if err != nil {
		return fmt.Errorf("update the order: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO order_events (order_id, at, kind, status, detail)
		VALUES (?, ?, 'user', ?, ?)`, orderID, at, p.Status, p.Detail)
	if err != nil {
		return fmt.Errorf("timeline event: %w", err)
	}
	return nil
}

// PendingOrders are the placed orders still without a 1688 id, oldest first: those whose
// fastCreateOrder gave no clear answer.
func (db *DB) PendingOrders(ctx context.Context) ([]PendingOrder, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, coalesce(key_id, 0), out_order_id, title,
		seller_member_id, seller_login_id, buyer_login_id, coalesce(address_id, 0), seller_message, created_at
		FROM orders WHERE origin = 'placed' AND ali_order_id IS NULL AND out_order_id IS NOT NULL
		ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("storage: pending orders: %w", err)
	}
	defer rows.Close()
	var out []PendingOrder
	for rows.Next() {
		var p PendingOrder
		var created int64
		if err := rows.Scan(&p.ID, &p.KeyID, &p.OutOrderID, &p.Title, &p.SellerMemberID, &p.SellerLoginID,
			&p.BuyerLoginID, &p.AddressID, &p.SellerMessage, &created); err != nil {
			return nil, fmt.Errorf("storage: pending orders: %w", err)
		}
		p.CreatedAt = time.UnixMilli(created).UTC()
		out = append(out, p)
	}
	return out, rows.Err()
}

// ReturnPendingToCart deletes pending order orderID and puts its lines back in the cart, in one
// transaction. lines are the cart lines as they were taken (BeginPlacing's), which keep their
// minimum and note; nil rebuilds them from the order's lines. A line whose offer and SKU is in
// the cart again adds its quantity there. ErrNotPending when the order has a 1688 id.
func (db *DB) ReturnPendingToCart(ctx context.Context, orderID int64, lines []CartLine, now time.Time) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: return order %d to the cart: %w", orderID, err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	if lines == nil {
		if lines, err = pendingLines(ctx, tx, orderID); err != nil {
			return fmt.Errorf("storage: return order %d to the cart: %w", orderID, err)
		}
	}
	res, err := tx.ExecContext(ctx, "DELETE FROM orders WHERE id = ? AND origin = 'placed' AND ali_order_id IS NULL", orderID)
	if err != nil {
		return fmt.Errorf("storage: return order %d to the cart: %w", orderID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("storage: return order %d to the cart: %w", orderID, ErrNotPending)
	}
	for _, l := range lines {
		_, err := tx.ExecContext(ctx, `INSERT INTO cart_lines (offer_id, spec_id, sku_text, title,
			image_url, seller_member_id, seller_login_id, unit_price_fen, min_quantity, quantity, note, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (offer_id, spec_id) DO UPDATE SET quantity = quantity + excluded.quantity`,
			l.OfferID, l.SpecID, l.SKUText, l.Title, l.ImageURL, l.SellerMemberID, l.SellerLoginID,
			l.UnitPriceFen, max(l.MinQuantity, 1), l.Quantity, l.Note, firstTime(l.AddedAt, now).UnixMilli())
		if err != nil {
			return fmt.Errorf("storage: return order %d to the cart: offer %s: %w", orderID, l.OfferID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: return order %d to the cart: %w", orderID, err)
	}
	return nil
}

// pendingLines rebuilds the cart lines of a pending order from its order lines. The minimum
// and the note are not kept in order lines, so they come back as 1 and empty.
func pendingLines(ctx context.Context, tx *sql.Tx, orderID int64) ([]CartLine, error) {
	rows, err := tx.QueryContext(ctx, `SELECT l.offer_id, l.spec_id, l.sku_text, l.title, l.image_url,
		o.seller_member_id, o.seller_login_id, l.unit_price_fen, CAST(l.quantity AS INTEGER)
		FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.order_id = ? ORDER BY l.line_no`, orderID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var lines []CartLine
	for rows.Next() {
		l := CartLine{MinQuantity: 1}
		if err := rows.Scan(&l.OfferID, &l.SpecID, &l.SKUText, &l.Title, &l.ImageURL, &l.SellerMemberID,
			&l.SellerLoginID, &l.UnitPriceFen, &l.Quantity); err != nil {
			return nil, err
		}
		lines = append(lines, l)
	}
	return lines, rows.Err()
}

// firstTime is t, or fallback when t is zero.
func firstTime(t, fallback time.Time) time.Time {
	if t.IsZero() {
		return fallback
	}
	return t
}
