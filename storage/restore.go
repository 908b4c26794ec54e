package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mattn/go-sqlite3"
)

// restoreStepPages is how many pages one step of a restore copies; between steps it looks at its
// context. The live database stays locked, in one write transaction, from the first step to the
// last.
const restoreStepPages = 1024

// RestoreFrom replaces the whole content of the live database with the backup at path. The
// backup is inspected again (its refusals are InspectBackup's), copied beside the live file and
// brought up to this build's schema there, so the backup file is never written; the copy is given
// the live database's secret columns, which no backup holds (carryLiveSecrets); then SQLite's
// online backup API copies it into the live database in one write transaction. If anything
// fails, or ctx is cancelled, the live data is as it was. The live file stays in WAL mode with its
// permissions; the app's other connections see the new content at their next statement.
func (db *DB) RestoreFrom(ctx context.Context, path string) error {
	return db.restoreFrom(ctx, path, restoreStepPages, nil)
}

// restoreFrom is RestoreFrom copying pages at a time and calling stepped, when not nil, after each
// step that did not finish.
func (db *DB) restoreFrom(ctx context.Context, path string, pages int, stepped func()) error {
	if _, err := InspectBackup(ctx, path); err != nil {
		return err
	}
	staged, err := db.stageRestore(ctx, path)
	if staged != "" {
		defer os.Remove(staged)
	}
	if err != nil {
		return fmt.Errorf("storage: restore: %w", err)
	}
	src, err := sql.Open("sqlite3", "file:"+uriEscaper.Replace(staged)+"?mode=ro")
	if err != nil {
		return fmt.Errorf("storage: restore: %w", err)
	}
	defer src.Close()
	if err := db.copyIn(ctx, src, pages, stepped); err != nil {
		return fmt.Errorf("storage: restore: %w", backupWriteError(err))
	}
	return nil
}

// restoreStagePattern names the copy a restore stages beside the live database.
const restoreStagePattern = ".restore-*.tmp"

// stageRestore copies the backup at path to a new file beside the live database, with the live
// database's page size (a WAL database takes pages of its own size only), and migrates the copy
// to SchemaVersion, then carries the live secret columns over. It returns the copy's path, also
// on failure when there is a file to remove (restoreFrom removes it either way).
func (db *DB) stageRestore(ctx context.Context, path string) (string, error) {
	h, err := readBackupHeader(path)
	if err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(db.path), restoreStagePattern)
	if err != nil {
		return "", backupWriteError(err)
	}
	staged := tmp.Name()
	if err := tmp.Close(); err != nil {
		return staged, backupWriteError(err)
	}
	src, err := sql.Open("sqlite3", readOnlyDSN(path, h))
	if err != nil {
		return staged, err
	}
	_, err = src.ExecContext(ctx, "VACUUM INTO ?", staged)
	if err := errors.Join(err, src.Close()); err != nil {
		return staged, backupWriteError(err)
	}
	copyDB, err := sql.Open("sqlite3", "file:"+uriEscaper.Replace(staged)+"?_journal_mode=MEMORY&_foreign_keys=on")
	if err != nil {
		return staged, err
	}
	defer copyDB.Close()
	copyDB.SetMaxOpenConns(1)
	if err := db.matchPageSize(ctx, copyDB); err != nil {
		return staged, backupWriteError(err)
	}
	if err := migrate(ctx, copyDB, migrations[:]); err != nil {
		return staged, err
	}
	if err := db.carryLiveSecrets(ctx, copyDB); err != nil {
		return staged, backupWriteError(err)
	}
	return staged, copyDB.Close()
}

// liveKeySecret and liveAccountTokens are the live database's secret columns, matched to the
// staged copy's rows by AppKey (key ids may differ between the two files).
type (
	liveKeySecret     struct{ appKey, secret string }
	liveAccountTokens struct {
		appKey, loginID string
		access, refresh sql.NullString
	}
)

// carryLiveSecrets copies the live database's secret columns into the staged copy, where the
// copy's are NULL. A backup never holds them (secretScrub), yet where no OS keychain exists
// they are the only place the AppSecrets and tokens are kept: without this, a restore would lose
// them. keys rows match on app_key; accounts rows on their key's app_key and login_id. A key
// that only the backup has gets none. Errors name the step, never a value.
func (db *DB) carryLiveSecrets(ctx context.Context, copyDB *sql.DB) error {
	keys, accounts, err := db.liveSecrets(ctx)
	if err != nil || len(keys)+len(accounts) == 0 {
		return err
	}
	tx, err := copyDB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("carry the stored secrets over: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, "UPDATE keys SET app_secret = ? WHERE app_key = ? AND app_secret IS NULL",
			k.secret, k.appKey); err != nil {
			return fmt.Errorf("carry the stored AppSecrets over: %w", err)
		}
	}
	for _, a := range accounts {
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET
			access_token = coalesce(access_token, ?), refresh_token = coalesce(refresh_token, ?)
			WHERE login_id = ? AND key_id = (SELECT id FROM keys WHERE app_key = ?)`,
			a.access, a.refresh, a.loginID, a.appKey); err != nil {
			return fmt.Errorf("carry the stored tokens over: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("carry the stored secrets over: %w", err)
	}
	return nil
}

// liveSecrets reads the live database's non-NULL secret columns of the keys that have an AppKey.
func (db *DB) liveSecrets(ctx context.Context) ([]liveKeySecret, []liveAccountTokens, error) {
	var keys []liveKeySecret
	rows, err := db.sql.QueryContext(ctx,
		"SELECT app_key, app_secret FROM keys WHERE app_key IS NOT NULL AND app_secret IS NOT NULL")
	if err != nil {
		return nil, nil, fmt.Errorf("read the stored AppSecrets: %w", err)
	}
	for rows.Next() {
		var k liveKeySecret
		if err := rows.Scan(&k.appKey, &k.secret); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("read the stored AppSecrets: %w", err)
		}
		keys = append(keys, k)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, nil, fmt.Errorf("read the stored AppSecrets: %w", err)
	}
	var accounts []liveAccountTokens
	rows, err = db.sql.QueryContext(ctx, `SELECT k.app_key, a.login_id, a.access_token, a.refresh_token
		FROM accounts a JOIN keys k ON k.id = a.key_id
		WHERE k.app_key IS NOT NULL AND (a.access_token IS NOT NULL OR a.refresh_token IS NOT NULL)`)
	if err != nil {
		return nil, nil, fmt.Errorf("read the stored tokens: %w", err)
	}
	for rows.Next() {
		var a liveAccountTokens
		if err := rows.Scan(&a.appKey, &a.loginID, &a.access, &a.refresh); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("read the stored tokens: %w", err)
		}
		accounts = append(accounts, a)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, nil, fmt.Errorf("read the stored tokens: %w", err)
	}
	return keys, accounts, nil
}

// matchPageSize gives the staged copy the live database's page size, which it has unless the
// backup came from an SQLite with another default.
func (db *DB) matchPageSize(ctx context.Context, copyDB *sql.DB) error {
	var live, staged int
	if err := db.sql.QueryRowContext(ctx, "PRAGMA page_size").Scan(&live); err != nil {
		return err
	}
	if err := copyDB.QueryRowContext(ctx, "PRAGMA page_size").Scan(&staged); err != nil || staged == live {
		return err
	}
	// PRAGMA takes no bound parameters; live is an int, so Sprintf is safe.
	_, err := copyDB.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d; VACUUM", live))
	return err
}

// copyIn copies src over the live database with the online backup API. The destination's write
// transaction spans every step and is committed only by the last: Finish rolls back an
// unfinished copy.
func (db *DB) copyIn(ctx context.Context, src *sql.DB, pages int, stepped func()) error {
	srcConn, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer srcConn.Close()
	dstConn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer dstConn.Close()
	return dstConn.Raw(func(d any) error {
		return srcConn.Raw(func(s any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			return errors.Join(stepAll(ctx, b, pages, stepped), b.Finish())
		})
	})
}

// stepAll runs the backup b to its end, pages at a time, stopping when ctx is done.
func stepAll(ctx context.Context, b *sqlite3.SQLiteBackup, pages int, stepped func()) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		done, err := b.Step(pages)
		if err != nil || done {
			return err
		}
		if stepped != nil {
			stepped()
		}
	}
}
