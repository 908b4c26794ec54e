package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The gateway call counter (open1688.CallCounter) on the api_calls table: one row per key per
// China day, failed calls included.
//
// api_calls is keyed by keys.id, but the setup wizard checks an AppKey (system.currentTime, a
// one-row order list) before it has stored it in its keys row. Those calls are kept in the
// settings table under pendingCallsPrefix+appKey+"/"+day as "calls failed", and the first call
// counted once the key has its row moves them into api_calls. A keys row is not created here:
// the wizard's own row, created at its first step with no AppKey yet, would then clash on
// keys.app_key when the wizard saves it, and CountKeys would report a key the user never
// finished setting up.
const pendingCallsPrefix = "api_calls.pending/"

// CountCall counts one request to the 1688 gateway for appKey on chinaDay ("YYYY-MM-DD" in
// UTC+8); failed says it ended in an error.
func (db *DB) CountCall(ctx context.Context, appKey, chinaDay string, failed bool) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		keyID, found, err := keyIDByAppKey(ctx, tx, appKey)
		if err != nil {
			return err
		}
		if !found {
			return addPendingCalls(ctx, tx, appKey, chinaDay, 1, boolInt(failed))
		}
		if err := addCalls(ctx, tx, keyID, chinaDay, 1, boolInt(failed)); err != nil {
			return err
		}
		return movePendingCalls(ctx, tx, appKey, keyID)
	})
	if err != nil {
		return fmt.Errorf("storage: count a call of %s: %w", appKey, err)
	}
	return nil
}

// CallsOn is the number of gateway requests counted for appKey on chinaDay, failed ones
// included, whether or not the key has been saved yet.
func (db *DB) CallsOn(ctx context.Context, appKey, chinaDay string) (int, error) {
	var saved int
	err := db.sql.QueryRowContext(ctx, `
		SELECT coalesce(sum(c.calls), 0) FROM api_calls c JOIN keys k ON k.id = c.key_id
		WHERE k.app_key = ? AND c.china_day = ?`, appKey, chinaDay).Scan(&saved)
	if err != nil {
		return 0, fmt.Errorf("storage: read the calls of %s on %s: %w", appKey, chinaDay, err)
	}
	pending, _, err := pendingCalls(ctx, db.sql, pendingKey(appKey, chinaDay))
	if err != nil {
		return 0, fmt.Errorf("storage: read the calls of %s on %s: %w", appKey, chinaDay, err)
	}
	return saved + pending, nil
}

// inTx runs fn in a transaction (IMMEDIATE, see dataSourceName), committing when it succeeds.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

func keyIDByAppKey(ctx context.Context, tx *sql.Tx, appKey string) (id int64, found bool, err error) {
	err = tx.QueryRowContext(ctx, "SELECT id FROM keys WHERE app_key = ?", appKey).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

func addCalls(ctx context.Context, tx *sql.Tx, keyID int64, chinaDay string, calls, failed int) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO api_calls (key_id, china_day, calls, failed) VALUES (?, ?, ?, ?)
		ON CONFLICT (key_id, china_day) DO UPDATE SET
			calls = calls + excluded.calls, failed = failed + excluded.failed`,
		keyID, chinaDay, calls, failed)
	return err
}

func pendingKey(appKey, chinaDay string) string {
	return pendingCallsPrefix + appKey + "/" + chinaDay
}

// pendingCalls reads the "calls failed" kept under key; ok is false when there is none.
func pendingCalls(ctx context.Context, q querier, key string) (calls, failed int, err error) {
	var value string
	err = q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, err
	}
	return parsePending(key, value)
}

func parsePending(key, value string) (calls, failed int, err error) {
	c, f, _ := strings.Cut(value, " ")
	calls, errC := strconv.Atoi(c)
	failed, errF := strconv.Atoi(f)
	if errors.Join(errC, errF) != nil {
		return 0, 0, fmt.Errorf("setting %q holds %q, not a call count", key, value)
	}
	return calls, failed, nil
}

func addPendingCalls(ctx context.Context, tx *sql.Tx, appKey, chinaDay string, calls, failed int) error {
	key := pendingKey(appKey, chinaDay)
	// The transaction holds the write lock from its start, so nothing changes the row in between.
	had, hadFailed, err := pendingCalls(ctx, tx, key)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx,
		"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		key, strconv.Itoa(had+calls)+" "+strconv.Itoa(hadFailed+failed))
	return err
}

// movePendingCalls moves the calls counted for appKey before it had a keys row into api_calls.
func movePendingCalls(ctx context.Context, tx *sql.Tx, appKey string, keyID int64) error {
	prefix := pendingCallsPrefix + appKey + "/"
	rows, err := tx.QueryContext(ctx,
		"SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", utf8.RuneCountInString(prefix), prefix)
	if err != nil {
		return err
	}
	type pending struct {
		key, day      string
		calls, failed int
	}
	var moves []pending
	for rows.Next() {
		var p pending
		var value string
		if err := rows.Scan(&p.key, &value); err != nil {
			return errors.Join(err, rows.Close())
		}
		if p.calls, p.failed, err = parsePending(p.key, value); err != nil {
			return errors.Join(err, rows.Close())
		}
		p.day = strings.TrimPrefix(p.key, prefix)
		moves = append(moves, p)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, p := range moves {
		if err := addCalls(ctx, tx, keyID, p.day, p.calls, p.failed); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM settings WHERE key = ?", p.key); err != nil {
			return err
		}
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
