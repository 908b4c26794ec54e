package storage

import (
	"context"
	"fmt"
	"time"
)

// Supplier is a seller the buyer has ordered from, with what was ordered there.
type Supplier struct {
	SellerMemberID string
	SellerLoginID  string
	Orders         int
	SpentFen       int64 // the orders' totals, goods and freight
	LastOrderAt    time.Time
}

// Suppliers are the sellers of the orders 1688 has and that are not closed, the one ordered
// from last first. These are the sellers the API may place orders with.
func (db *DB) Suppliers(ctx context.Context) ([]Supplier, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT seller_member_id, max(seller_login_id), count(*),
		sum(total_fen), max(created_at) AS last
		FROM orders WHERE seller_member_id <> '' AND ali_order_id IS NOT NULL AND bucket <> 'closed'
		GROUP BY seller_member_id ORDER BY last DESC, seller_member_id`)
	if err != nil {
		return nil, fmt.Errorf("storage: suppliers: %w", err)
	}
	defer rows.Close()
	var out []Supplier
	for rows.Next() {
		var s Supplier
		var last int64
		if err := rows.Scan(&s.SellerMemberID, &s.SellerLoginID, &s.Orders, &s.SpentFen, &last); err != nil {
			return nil, fmt.Errorf("storage: suppliers: %w", err)
		}
		s.LastOrderAt = time.UnixMilli(last).UTC()
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: suppliers: %w", err)
	}
	return out, nil
}

// AddUserEvent adds a user action (detail, e.g. "recorded") to order orderID's timeline.
func (db *DB) AddUserEvent(ctx context.Context, orderID int64, at time.Time, status, detail string) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO order_events (order_id, at, kind, status, detail)
		VALUES (?, ?, 'user', ?, ?)`, orderID, at.UnixMilli(), status, detail)
	if err != nil {
		return fmt.Errorf("storage: event of order %d: %w", orderID, err)
	}
	return nil
}
