package storage

import (
	"context"
	"errors"
	"time"
)

// ErrKeyRetired is returned when a retired key is made active: it must be put back in use first.
var ErrKeyRetired = errors.New("storage: the key is retired")

// TokenState is where an account's token stands, as accounts.token_state stores it.
type TokenState string

// The states of a token.
const (
	TokenUnchecked TokenState = "unchecked" // never checked since it was saved
	TokenOK        TokenState = "ok"        // the last check passed
	TokenExpired   TokenState = "expired"   // the gateway said it expired
	TokenRejected  TokenState = "rejected"  // the gateway refused it
)

// RenameKey sets the label of key id; "" leaves the key named by its AppKey.
func (db *DB) RenameKey(ctx context.Context, id int64, label string) error {
	res, err := db.sql.ExecContext(ctx, "UPDATE keys SET label = ? WHERE id = ?", label, id)
	return oneRow(res, err, "rename the key")
}

// SetKeyRetired retires key id (kept with its orders and usage) or puts it back in use. Retiring
// the active key leaves no key active, in the same statement, so the two cannot part. Retiring
// a retired key keeps the time it was first retired.
func (db *DB) SetKeyRetired(ctx context.Context, id int64, retired bool, now time.Time) error {
	if !retired {
		res, err := db.sql.ExecContext(ctx, "UPDATE keys SET retired_at = NULL WHERE id = ?", id)
		return oneRow(res, err, "put the key back in use")
	}
	res, err := db.sql.ExecContext(ctx,
		"UPDATE keys SET retired_at = coalesce(retired_at, ?), active = 0 WHERE id = ?", now.UnixMilli(), id)
	return oneRow(res, err, "retire the key")
}

// SetAccountTokenState records the outcome of a check of the token of loginID under key keyID.
func (db *DB) SetAccountTokenState(ctx context.Context, keyID int64, loginID string, state TokenState, checkedAt time.Time) error {
	res, err := db.sql.ExecContext(ctx,
		"UPDATE accounts SET token_state = ?, token_checked_at = ? WHERE key_id = ? AND login_id = ?",
		string(state), checkedAt.UnixMilli(), keyID, loginID)
	return oneRow(res, err, "record the token's state")
}
