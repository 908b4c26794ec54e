package storage

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
)

// SchemaVersion is the schema this build writes: the number of migrations.
const SchemaVersion = len(migrations)

// ApplicationID is the PRAGMA application_id that migration 4 writes into caigou's files ("caig"):
// a restore refuses a SQLite file without it.
const ApplicationID = 0x63616967

// migrations[i] brings the schema from version i to i+1. Never edit one that has shipped: a user's
// file has already run it. Append a new one instead.
var migrations = [...]string{
	migration1,
	migration2,
	migration3,
	migration4,
}

//go:embed migrations/0001_initial.sql
var migration1 string

//go:embed migrations/0002_cart.sql
var migration2 string

//go:embed migrations/0003_tracking.sql
var migration3 string

//go:embed migrations/0004_support.sql
var migration4 string

// migrate runs the migrations db has not run yet, each in its own transaction together with the
// PRAGMA user_version that records it, so a failed migration leaves no trace. A database newer
// than ms is refused untouched.
func migrate(ctx context.Context, db *sql.DB, ms []string) error {
	v, err := userVersion(ctx, db)
	if err != nil {
		return err
	}
	for ; v < len(ms); v++ {
		if err := migrateOne(ctx, db, ms, v); err != nil {
			return err
		}
	}
	if v > len(ms) {
		return &OpenError{Found: v, Supported: len(ms), Kind: ErrNewerDatabase}
	}
	return nil
}

// migrateOne runs ms[from] unless another caigou ran it since migrate looked: the version is read
// again inside the transaction, which holds the write lock.
func migrateOne(ctx context.Context, db *sql.DB, ms []string, from int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: migration %d: %w", from+1, err)
	}
	defer func() { _ = tx.Rollback() }() // undoes a failed migration; a no-op after Commit
	v, err := userVersion(ctx, tx)
	if err != nil {
		return err
	}
	if v == from {
		if _, err := tx.ExecContext(ctx, ms[from]); err != nil {
			return fmt.Errorf("storage: migration %d: %w", from+1, err)
		}
		// PRAGMA takes no bound parameters; from+1 is an int, so Sprintf is safe.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", from+1)); err != nil {
			return fmt.Errorf("storage: migration %d: record version: %w", from+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: migration %d: commit: %w", from+1, err)
	}
	return nil
}
