package storage

import (
	"context"
	"fmt"
)

// CountKeys is the number of keys whose AppKey is known. A key the wizard has started but not
// yet brought to 订购成功 does not count: the app still shows "no key set up yet".
func (db *DB) CountKeys(ctx context.Context) (int, error) {
	return db.count(ctx, "keys", "SELECT count(*) FROM keys WHERE app_key IS NOT NULL")
}

// CountOrders is the number of orders, whatever their status or origin.
func (db *DB) CountOrders(ctx context.Context) (int, error) {
	return db.count(ctx, "orders", "SELECT count(*) FROM orders")
}

func (db *DB) count(ctx context.Context, what, query string) (int, error) {
	var n int
	if err := db.sql.QueryRowContext(ctx, query).Scan(&n); err != nil {
		return 0, fmt.Errorf("storage: count %s: %w", what, err)
	}
	return n, nil
}
