package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"
)

// ErrAppKeyTaken is returned when a key row is given an AppKey that another row already has:
// the same 1688 app cannot be set up twice.
var ErrAppKeyTaken = errors.New("storage: the AppKey belongs to another key")

// ErrNoKey is returned for a key id that has no row.
var ErrNoKey = errors.New("storage: no such key")

// Key is one row of keys, without its secret: listings never carry one.
type Key struct {
	ID             int64
	AppKey         string // "" while the wizard has not reached 订购成功
	Label          string
	ProductLimit   int
	DailyCallLimit int
	ValidFrom      string // China day "YYYY-MM-DD", "" when unknown
	ValidUntil     string
	Active         bool
	Practice       bool
	Retired        bool // retired from Settings: kept with its orders and usage, never active
	CreatedAt      time.Time
}

// InsertKey adds a key row with the given limits and no AppKey yet, for a new wizard run.
func (db *DB) InsertKey(ctx context.Context, productLimit, dailyCallLimit int, now time.Time) (int64, error) {
	res, err := db.sql.ExecContext(ctx,
		"INSERT INTO keys (product_limit, daily_call_limit, created_at) VALUES (?, ?, ?)",
		productLimit, dailyCallLimit, now.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("storage: add key: %w", err)
	}
	return res.LastInsertId()
}

// SetKeyAppKey records the AppKey of key id.
func (db *DB) SetKeyAppKey(ctx context.Context, id int64, appKey string) error {
	res, err := db.sql.ExecContext(ctx, "UPDATE keys SET app_key = ? WHERE id = ?", appKey, id)
	var se sqlite3.Error
	if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique {
		return ErrAppKeyTaken
	}
	return oneRow(res, err, "set the AppKey")
}

// SetKeyValidity records the subscription's 生效时间, China days "YYYY-MM-DD"; "" stores NULL.
func (db *DB) SetKeyValidity(ctx context.Context, id int64, from, until string) error {
	res, err := db.sql.ExecContext(ctx, "UPDATE keys SET valid_from = ?, valid_until = ? WHERE id = ?",
		nullString(from), nullString(until), id)
	return oneRow(res, err, "set the key's validity")
}

// SetActiveKey makes key id the one active key, in one transaction so that there is never a
// moment with two (keys_one_active would refuse it) or, seen from outside, with none. A retired
// key is refused with ErrKeyRetired.
func (db *DB) SetActiveKey(ctx context.Context, id int64) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: activate key: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	var retired bool
	switch err := tx.QueryRowContext(ctx, "SELECT retired_at IS NOT NULL FROM keys WHERE id = ?", id).Scan(&retired); {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("storage: activate key: %w", ErrNoKey)
	case err != nil:
		return fmt.Errorf("storage: activate key: %w", err)
	case retired:
		return fmt.Errorf("storage: activate key: %w", ErrKeyRetired)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE keys SET active = 0 WHERE active = 1 AND id <> ?", id); err != nil {
		return fmt.Errorf("storage: activate key: %w", err)
	}
	res, err := tx.ExecContext(ctx, "UPDATE keys SET active = 1 WHERE id = ?", id)
	if err := oneRow(res, err, "activate key"); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: activate key: %w", err)
	}
	return nil
}

// Keys lists every key, oldest first.
func (db *DB) Keys(ctx context.Context) ([]Key, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, coalesce(app_key, ''), label, product_limit,
		daily_call_limit, coalesce(valid_from, ''), coalesce(valid_until, ''), active, practice, retired_at IS NOT NULL,
		created_at FROM keys ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("storage: list keys: %w", err)
	}
	defer rows.Close()
	var keys []Key
	for rows.Next() {
		var k Key
		var created int64
		if err := rows.Scan(&k.ID, &k.AppKey, &k.Label, &k.ProductLimit, &k.DailyCallLimit,
			&k.ValidFrom, &k.ValidUntil, &k.Active, &k.Practice, &k.Retired, &created); err != nil {
			return nil, fmt.Errorf("storage: list keys: %w", err)
		}
		k.CreatedAt = time.UnixMilli(created).UTC()
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: list keys: %w", err)
	}
	return keys, nil
}

// EnsureAccount adds the authorized user loginID under key id unless it is there, and returns
// its row id.
func (db *DB) EnsureAccount(ctx context.Context, keyID int64, loginID string, now time.Time) (int64, error) {
	var id int64
	err := db.sql.QueryRowContext(ctx, `INSERT INTO accounts (key_id, login_id, created_at) VALUES (?, ?, ?)
		ON CONFLICT (key_id, login_id) DO UPDATE SET login_id = excluded.login_id RETURNING id`,
		keyID, loginID, now.UnixMilli()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("storage: add account: %w", err)
	}
	return id, nil
}

func oneRow(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("storage: %s: %w", what, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("storage: %s: %w", what, err)
	} else if n == 0 {
		return fmt.Errorf("storage: %s: %w", what, ErrNoKey)
	}
	return nil
}

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// Account is an authorized 1688 account of a key, without its token.
type Account struct {
	ID             int64
	KeyID          int64
	LoginID        string
	MemberID       string
	TokenState     TokenState
	TokenCheckedAt time.Time // when the token was last checked; zero if never
}

// Accounts lists the accounts of key keyID, oldest first.
func (db *DB) Accounts(ctx context.Context, keyID int64) ([]Account, error) {
	rows, err := db.sql.QueryContext(ctx,
		`SELECT id, key_id, login_id, member_id, token_state, coalesce(token_checked_at, 0)
		FROM accounts WHERE key_id = ? ORDER BY id`, keyID)
	if err != nil {
		return nil, fmt.Errorf("storage: read accounts: %w", err)
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var a Account
		var checked int64
		if err := rows.Scan(&a.ID, &a.KeyID, &a.LoginID, &a.MemberID, &a.TokenState, &checked); err != nil {
			return nil, fmt.Errorf("storage: read accounts: %w", err)
		}
		if checked != 0 {
			a.TokenCheckedAt = time.UnixMilli(checked).UTC()
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: read accounts: %w", err)
	}
	return out, nil
}
