package storage

import (
	"context"
	"fmt"
)

// CountCall counts one request to the 1688 gateway for appKey on chinaDay ("YYYY-MM-DD" in
// UTC+8); failed says it ended in an error. It implements open1688.CallCounter. The AppKey need
// not be saved in keys yet: the wizard's checks of a new key count too.
func (db *DB) CountCall(ctx context.Context, appKey, chinaDay string, failed bool) error {
	failedCalls := 0
	if failed {
		failedCalls = 1
	}
	_, err := db.sql.ExecContext(ctx, `
		INSERT INTO api_calls (app_key, china_day, calls, failed) VALUES (?, ?, 1, ?)
		ON CONFLICT (app_key, china_day) DO UPDATE SET
			calls = calls + 1, failed = failed + excluded.failed`,
		appKey, chinaDay, failedCalls)
	if err != nil {
		return fmt.Errorf("storage: count a call of %s: %w", appKey, err)
	}
	return nil
}

// CallsOn is the number of gateway requests counted for appKey on chinaDay, failed ones included.
func (db *DB) CallsOn(ctx context.Context, appKey, chinaDay string) (int, error) {
	var calls int
	err := db.sql.QueryRowContext(ctx,
		"SELECT coalesce(sum(calls), 0) FROM api_calls WHERE app_key = ? AND china_day = ?",
		appKey, chinaDay).Scan(&calls)
	if err != nil {
		return 0, fmt.Errorf("storage: read the calls of %s on %s: %w", appKey, chinaDay, err)
	}
	return calls, nil
}
