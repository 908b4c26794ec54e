package storage

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// The own statuses a 1688 status can be shown as, in the order Settings offers them. The screens
// translate them; the ids are stored in status_map.own_status.
var ownStatuses = []string{"paid", "ordered", "received", "unable_to_deliver"}

// Errors of SetOwnStatus.
var (
	ErrUnknownStatus    = errors.New("storage: no such 1688 status in the status mapping")
	ErrUnknownOwnStatus = errors.New("storage: not an own status")
)

// StatusMapping is one row of status_map: how caigou shows a 1688 order status.
type StatusMapping struct {
	Status    string // the 1688 status code, e.g. waitbuyerpay
	Rank      int    // an order's status only moves to a higher rank
	Bucket    string // the Tracking bucket, e.g. in_transit
	OwnStatus string // one of OwnStatuses
}

// OwnStatuses are the own statuses a 1688 status can be mapped to, in the order to offer them.
func OwnStatuses() []string { return slices.Clone(ownStatuses) }

// StatusMap is the whole mapping in the order an order goes through it: by rank, then status.
func (db *DB) StatusMap(ctx context.Context) ([]StatusMapping, error) {
	rows, err := db.sql.QueryContext(ctx,
		"SELECT status, rank, bucket, own_status FROM status_map ORDER BY rank, status")
	if err != nil {
		return nil, fmt.Errorf("storage: read the status mapping: %w", err)
	}
	defer rows.Close()
	var m []StatusMapping
	for rows.Next() {
		var r StatusMapping
		if err := rows.Scan(&r.Status, &r.Rank, &r.Bucket, &r.OwnStatus); err != nil {
			return nil, fmt.Errorf("storage: read the status mapping: %w", err)
		}
		m = append(m, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: read the status mapping: %w", err)
	}
	return m, nil
}

// SetOwnStatus maps the 1688 status to ownStatus. Orders keep only the 1688 status and read the
// own status through status_map, so the change applies to every order at once.
func (db *DB) SetOwnStatus(ctx context.Context, status, ownStatus string) error {
	if !slices.Contains(ownStatuses, ownStatus) {
		return fmt.Errorf("storage: map %q to %q: %w", status, ownStatus, ErrUnknownOwnStatus)
	}
	res, err := db.sql.ExecContext(ctx, "UPDATE status_map SET own_status = ? WHERE status = ?", ownStatus, status)
	if err != nil {
		return fmt.Errorf("storage: map %q to %q: %w", status, ownStatus, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("storage: map %q to %q: %w", status, ownStatus, err)
	} else if n == 0 {
		return fmt.Errorf("storage: map %q: %w", status, ErrUnknownStatus)
	}
	return nil
}
