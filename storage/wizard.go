package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// WizardStep is one row of wizard_progress: where the setup wizard stands on one step of a key.
type WizardStep struct {
	Step       string
	State      string    // todo, done or skipped
	Inputs     string    // JSON object, secrets left out
	CheckedAt  time.Time // when the live check last passed; zero if never
	CheckError string    // the kind of the last failed check; "" after a pass
	UpdatedAt  time.Time
}

// WizardProgress is every recorded step of key id, in no particular order: the order of the
// steps belongs to the app.
func (db *DB) WizardProgress(ctx context.Context, keyID int64) ([]WizardStep, error) {
	rows, err := db.sql.QueryContext(ctx,
		"SELECT step, state, inputs, checked_at, check_error, updated_at FROM wizard_progress WHERE key_id = ?", keyID)
	if err != nil {
		return nil, fmt.Errorf("storage: read wizard progress: %w", err)
	}
	defer rows.Close()
	var steps []WizardStep
	for rows.Next() {
		var s WizardStep
		var checked sql.NullInt64
		var updated int64
		if err := rows.Scan(&s.Step, &s.State, &s.Inputs, &checked, &s.CheckError, &updated); err != nil {
			return nil, fmt.Errorf("storage: read wizard progress: %w", err)
		}
		if checked.Valid {
			s.CheckedAt = time.UnixMilli(checked.Int64).UTC()
		}
		s.UpdatedAt = time.UnixMilli(updated).UTC()
		steps = append(steps, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: read wizard progress: %w", err)
	}
	return steps, nil
}

// SetWizardState records the state of a step and what the user typed on its page, keeping the
// result of its last check.
func (db *DB) SetWizardState(ctx context.Context, keyID int64, step, state, inputs string, now time.Time) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO wizard_progress (key_id, step, state, inputs, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, step) DO UPDATE SET
		state = excluded.state, inputs = excluded.inputs, updated_at = excluded.updated_at`,
		keyID, step, state, inputs, now.UnixMilli())
	if err != nil {
		return fmt.Errorf("storage: save wizard step %q: %w", step, err)
	}
	return nil
}

// RecordWizardCheck records the outcome of a step's live check: a pass (checkError "") sets
// checked_at to now; a failure keeps the last pass and stores its kind.
func (db *DB) RecordWizardCheck(ctx context.Context, keyID int64, step, checkError string, now time.Time) error {
	var checked sql.NullInt64
	if checkError == "" {
		checked = sql.NullInt64{Int64: now.UnixMilli(), Valid: true}
	}
	_, err := db.sql.ExecContext(ctx, `INSERT INTO wizard_progress (key_id, step, checked_at, check_error, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, step) DO UPDATE SET
		checked_at = coalesce(excluded.checked_at, checked_at), check_error = excluded.check_error,
		updated_at = excluded.updated_at`,
		keyID, step, checked, checkError, now.UnixMilli())
	if err != nil {
		return fmt.Errorf("storage: record the check of wizard step %q: %w", step, err)
	}
	return nil
}
