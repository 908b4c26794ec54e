package storage

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"time"
)

// The reads of the diagnostics file. None of them reads a secret column.

// KeyReport is a key as the diagnostics file shows it: everything but its secret.
type KeyReport struct {
	ID             int64
	AppKey         string
	Label          string
	ProductLimit   int
	DailyCallLimit int
	ValidFrom      string
	ValidUntil     string
	Active         bool
	Practice       bool
	Retired        bool
	RetiredAt      time.Time // zero while in use
	CreatedAt      time.Time
	// SecretInDatabase says whether the AppSecret sits in the database fallback column, not
	// what it is.
	SecretInDatabase bool
}

// AccountReport is an authorized account as the diagnostics file shows it: its token's state,
// never the token.
type AccountReport struct {
	KeyID          int64
	LoginID        string
	MemberID       string
	TokenState     string
	TokenCheckedAt time.Time // zero if never checked
	TokenExpiresAt time.Time // zero for the console's long-lived token
	// TokenInDatabase says whether the token sits in the database fallback column.
	TokenInDatabase bool
}

// KeyReports lists every key, oldest first, for the diagnostics file.
func (db *DB) KeyReports(ctx context.Context) ([]KeyReport, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, coalesce(app_key, ''), label, product_limit,
		daily_call_limit, coalesce(valid_from, ''), coalesce(valid_until, ''), active, practice,
		retired_at, created_at, app_secret IS NOT NULL FROM keys ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("storage: read keys for diagnostics: %w", err)
	}
	defer rows.Close()
	var list []KeyReport
	for rows.Next() {
		var k KeyReport
		var retired sql.NullInt64
		var created int64
		if err := rows.Scan(&k.ID, &k.AppKey, &k.Label, &k.ProductLimit, &k.DailyCallLimit, &k.ValidFrom,
			&k.ValidUntil, &k.Active, &k.Practice, &retired, &created, &k.SecretInDatabase); err != nil {
			return nil, fmt.Errorf("storage: read keys for diagnostics: %w", err)
		}
		k.RetiredAt, k.Retired, k.CreatedAt = msTime(retired), retired.Valid, time.UnixMilli(created).UTC()
		list = append(list, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: read keys for diagnostics: %w", err)
	}
	return list, nil
}

// AccountReports lists every account of every key, for the diagnostics file.
func (db *DB) AccountReports(ctx context.Context) ([]AccountReport, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT key_id, login_id, member_id, token_state,
		token_checked_at, token_expires_at, access_token IS NOT NULL FROM accounts ORDER BY key_id, id`)
	if err != nil {
		return nil, fmt.Errorf("storage: read accounts for diagnostics: %w", err)
	}
	defer rows.Close()
	var list []AccountReport
	for rows.Next() {
		var a AccountReport
		var checked, expires sql.NullInt64
		if err := rows.Scan(&a.KeyID, &a.LoginID, &a.MemberID, &a.TokenState, &checked, &expires,
			&a.TokenInDatabase); err != nil {
			return nil, fmt.Errorf("storage: read accounts for diagnostics: %w", err)
		}
		a.TokenCheckedAt, a.TokenExpiresAt = msTime(checked), msTime(expires)
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: read accounts for diagnostics: %w", err)
	}
	return list, nil
}

// Settings is every row of the settings table.
func (db *DB) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := db.sql.QueryContext(ctx, "SELECT key, value FROM settings")
	if err != nil {
		return nil, fmt.Errorf("storage: read settings: %w", err)
	}
	defer rows.Close()
	settings := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("storage: read settings: %w", err)
		}
		settings[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: read settings: %w", err)
	}
	return settings, nil
}

// TableCount is the number of rows of one table.
type TableCount struct {
	Table string
	Rows  int
}

// TableCounts is the row count of every table of the schema, by table name.
func (db *DB) TableCounts(ctx context.Context) ([]TableCount, error) {
	byName, err := tableCounts(ctx, db.sql)
	if err != nil {
		return nil, err
	}
	counts := make([]TableCount, 0, len(byName))
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		counts = append(counts, TableCount{Table: name, Rows: int(byName[name])})
	}
	return counts, nil
}
