package storage

import (
	"context"
	"fmt"
	"time"
)

// KeptGatewayErrors is how many failed gateway calls gateway_errors keeps; older ones are dropped
// as new ones come.
const KeptGatewayErrors = 200

// GatewayError is one failed gateway call as the diagnostics file shows it. Body is the start of
// the raw answer with every secret removed before it is stored.
type GatewayError struct {
	ID        int64
	At        time.Time
	AppKey    string
	API       string
	Kind      string // open1688.Kind's name: auth, signature, network, …
	Status    int    // HTTP status; 0 when no answer came
	Code      string
	Message   string
	RequestID string
	Body      string
}

// AddGatewayError records e and drops all but the newest KeptGatewayErrors rows, in one
// transaction.
func (db *DB) AddGatewayError(ctx context.Context, e GatewayError) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: record a gateway error: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, `INSERT INTO gateway_errors
		(at, app_key, api, kind, status, code, message, request_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.At.UnixMilli(), e.AppKey, e.API, e.Kind, e.Status, e.Code, e.Message, e.RequestID, e.Body); err != nil {
		return fmt.Errorf("storage: record a gateway error: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM gateway_errors WHERE id <= (
		SELECT id FROM gateway_errors ORDER BY id DESC LIMIT 1 OFFSET ?)`, KeptGatewayErrors); err != nil {
		return fmt.Errorf("storage: drop old gateway errors: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: record a gateway error: %w", err)
	}
	return nil
}

// GatewayErrors lists up to limit recorded gateway errors, newest first.
func (db *DB) GatewayErrors(ctx context.Context, limit int) ([]GatewayError, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, at, app_key, api, kind, status, code, message,
		request_id, body FROM gateway_errors ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("storage: read gateway errors: %w", err)
	}
	defer rows.Close()
	var list []GatewayError
	for rows.Next() {
		var e GatewayError
		var at int64
		if err := rows.Scan(&e.ID, &at, &e.AppKey, &e.API, &e.Kind, &e.Status, &e.Code, &e.Message,
			&e.RequestID, &e.Body); err != nil {
			return nil, fmt.Errorf("storage: read gateway errors: %w", err)
		}
		e.At = time.UnixMilli(at).UTC()
		list = append(list, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: read gateway errors: %w", err)
	}
	return list, nil
}
