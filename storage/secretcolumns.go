package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The secret columns keys.app_secret and accounts.access_token hold a secret only where no OS
// keychain exists (DESIGN §3). Errors here name the column, never the value.

// SetKeySecret stores the AppSecret of key id in the database; "" clears it, as is done once the
// keychain holds it.
func (db *DB) SetKeySecret(ctx context.Context, id int64, secret string) error {
	res, err := db.sql.ExecContext(ctx, "UPDATE keys SET app_secret = ? WHERE id = ?", nullString(secret), id)
	return oneRow(res, err, "store the AppSecret")
}

// KeySecret is the AppSecret stored in the database for key id; ok is false when there is none.
func (db *DB) KeySecret(ctx context.Context, id int64) (secret string, ok bool, err error) {
	return db.secret(ctx, "SELECT app_secret FROM keys WHERE id = ?", id)
}

// SetAccountToken stores the access token of loginID under key id in the database; "" clears it.
func (db *DB) SetAccountToken(ctx context.Context, keyID int64, loginID, token string) error {
	res, err := db.sql.ExecContext(ctx, "UPDATE accounts SET access_token = ? WHERE key_id = ? AND login_id = ?",
		nullString(token), keyID, loginID)
	return oneRow(res, err, "store the access token")
}

// AccountToken is the access token stored in the database for loginID under key id; ok is false
// when there is none.
func (db *DB) AccountToken(ctx context.Context, keyID int64, loginID string) (token string, ok bool, err error) {
	return db.secret(ctx, "SELECT access_token FROM accounts WHERE key_id = ? AND login_id = ?", keyID, loginID)
}

func (db *DB) secret(ctx context.Context, query string, args ...any) (string, bool, error) {
	var v sql.NullString
	err := db.sql.QueryRowContext(ctx, query, args...).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("storage: read a stored secret: %w", err)
	}
	return v.String, v.Valid, nil
}

// KeysWithSecretsInDatabase are the keys whose AppSecret, or a token of one of whose accounts,
// is in the database rather than the keychain. No secret is read.
func (db *DB) KeysWithSecretsInDatabase(ctx context.Context) (map[int64]bool, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id FROM keys WHERE app_secret IS NOT NULL
		OR EXISTS (SELECT 1 FROM accounts WHERE accounts.key_id = keys.id
			AND (access_token IS NOT NULL OR refresh_token IS NOT NULL))`)
	if err != nil {
		return nil, fmt.Errorf("storage: find the secrets kept in the database: %w", err)
	}
	defer rows.Close()
	in := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("storage: find the secrets kept in the database: %w", err)
		}
		in[id] = true
	}
	return in, rows.Err()
}
