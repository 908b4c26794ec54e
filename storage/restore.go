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
// brought up to this build's schema there, so the backup file is never written; then SQLite's
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
// to SchemaVersion. It returns the copy's path, also on failure when there is a file to remove.
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
	return staged, copyDB.Close()
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
