package storage

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// The refusals of InspectBackup and RestoreFrom. Screens match them with errors.Is and explain
// each in the user's language; nothing has changed when one is returned.
var (
	ErrNotBackup     = errors.New("storage: the file is not a caigou backup")
	ErrBackupCorrupt = errors.New("storage: the backup is damaged or cannot be read")
	ErrBackupNewer   = errors.New("storage: the backup was made by a newer caigou")
)

// BackupInfo is what a backup file holds, read without changing it.
type BackupInfo struct {
	SchemaVersion int
	Keys          int // keys whose AppKey is known, as CountKeys counts them
	Orders        int
	// FirstOrder and LastOrder are the creation times of the oldest and newest order; zero when
	// the backup holds no order.
	FirstOrder, LastOrder time.Time
	SizeBytes             int64
	Modified              time.Time // when the file was last written: when the backup was made
}

// backupTables are tables every caigou database has had since migration 1: a file with an
// application_id of caigou's but without them is not a backup.
var backupTables = []string{"keys", "accounts", "orders", "order_lines", "messages", "settings"}

// secretScrub empties the secret columns (DESIGN §3: only where no keychain exists do they hold
// anything). A backup never carries them: the keychain stays out of it.
var secretScrub = []string{
	"UPDATE keys SET app_secret = NULL WHERE app_secret IS NOT NULL",
	"UPDATE accounts SET access_token = NULL, refresh_token = NULL WHERE access_token IS NOT NULL OR refresh_token IS NOT NULL",
}

// BackupTo writes a consistent copy of the database to path while the app goes on writing: one
// read snapshot (VACUUM INTO) copied to a temporary file beside path, the secret columns emptied
// there and the file vacuumed again, so no freed page keeps a secret's bytes, then synced and
// renamed onto path. path never holds a partial file: it is either what it was or the whole
// backup. The file keeps the application_id and schema version. A full disk wraps ErrDiskFull.
func (db *DB) BackupTo(ctx context.Context, path string) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return backupWriteError(err)
	}
	tmpPath := tmp.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmpPath)
		}
	}()
	if err := tmp.Close(); err != nil {
		return backupWriteError(err)
	}
	// VACUUM INTO accepts an empty file: CreateTemp made it unique and 0600.
	if _, err := db.sql.ExecContext(ctx, "VACUUM INTO ?", tmpPath); err != nil {
		return backupWriteError(err)
	}
	if err := scrubSecrets(ctx, tmpPath); err != nil {
		return backupWriteError(err)
	}
	if err := SyncFile(tmpPath); err != nil {
		return backupWriteError(err)
	}
	if err := os.Rename(tmpPath, path); err != nil {
		return backupWriteError(err)
	}
	return backupWriteError(SyncDir(filepath.Dir(path)))
}

// scrubSecrets empties the secret columns of the copy at path and, when they held anything,
// vacuums it, so the pages that held them are rewritten rather than freed (secure_delete zeroes
// the freed cells as well). Its journal stays in memory: no file beside it ever holds the old
// pages. Where the keychain holds every secret, the columns are empty and the copy is left as it
// is.
func scrubSecrets(ctx context.Context, path string) error {
	copyDB, err := sql.Open("sqlite3", "file:"+uriEscaper.Replace(path)+"?_journal_mode=MEMORY&_secure_delete=on")
	if err != nil {
		return err
	}
	defer copyDB.Close()
	copyDB.SetMaxOpenConns(1)
	var emptied int64
	for _, stmt := range secretScrub {
		res, err := copyDB.ExecContext(ctx, stmt)
		if err != nil {
			return fmt.Errorf("empty the secret columns: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("empty the secret columns: %w", err)
		}
		emptied += n
	}
	if emptied > 0 {
		if _, err := copyDB.ExecContext(ctx, "VACUUM"); err != nil {
			return fmt.Errorf("vacuum: %w", err)
		}
	}
	return copyDB.Close()
}

// backupWriteError marks a failure to write as ErrDiskFull when the disk is full; nil stays nil.
func backupWriteError(err error) error {
	if err == nil {
		return nil
	}
	if kindOf(err) == ErrDiskFull || fileErrorKind(err) == ErrDiskFull {
		return fmt.Errorf("storage: write a backup: %w: %w", ErrDiskFull, err)
	}
	return fmt.Errorf("storage: write a backup: %w", err)
}

// InspectBackup says what the backup at path holds, opening it read-only: the file is never
// written. It refuses a file that is not a caigou backup (ErrNotBackup), one that is damaged or
// unreadable (ErrBackupCorrupt, after PRAGMA integrity_check) and one made by a newer caigou
// (ErrBackupNewer).
func InspectBackup(ctx context.Context, path string) (BackupInfo, error) {
	h, err := readBackupHeader(path)
	if err != nil {
		return BackupInfo{}, err
	}
	info := BackupInfo{SchemaVersion: h.userVersion, SizeBytes: h.size, Modified: h.modified}
	if h.userVersion > SchemaVersion {
		return info, fmt.Errorf("%w: schema version %d, this caigou supports up to %d", ErrBackupNewer, h.userVersion, SchemaVersion)
	}
	src, err := sql.Open("sqlite3", readOnlyDSN(path, h))
	if err != nil {
		return info, fmt.Errorf("%w: %w", ErrBackupCorrupt, err)
	}
	defer src.Close()
	if err := checkBackup(ctx, src); err != nil {
		return info, err
	}
	if err := readBackupCounts(ctx, src, &info); err != nil {
		return info, fmt.Errorf("%w: %w", ErrBackupCorrupt, err)
	}
	return info, nil
}

// backupHeader is what the first 100 bytes of an SQLite file say about it.
type backupHeader struct {
	userVersion int
	wal         bool // the file was last written in WAL mode, so a -wal file may belong to it
	size        int64
	modified    time.Time
}

// readBackupHeader refuses, from the SQLite header alone, a file that is not caigou's or that
// is shorter than the header says it is.
func readBackupHeader(path string) (backupHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return backupHeader{}, fmt.Errorf("%w: %w", ErrBackupCorrupt, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return backupHeader{}, fmt.Errorf("%w: %w", ErrBackupCorrupt, err)
	}
	if !st.Mode().IsRegular() {
		return backupHeader{}, fmt.Errorf("%w: not a regular file", ErrNotBackup)
	}
	var b [100]byte
	if _, err := io.ReadFull(f, b[:]); err != nil || string(b[:16]) != "SQLite format 3\x00" {
		return backupHeader{}, fmt.Errorf("%w: not an SQLite file", ErrNotBackup)
	}
	if id := binary.BigEndian.Uint32(b[68:72]); id != ApplicationID {
		return backupHeader{}, fmt.Errorf("%w: application_id %#x", ErrNotBackup, id)
	}
	h := backupHeader{
		userVersion: int(binary.BigEndian.Uint32(b[60:64])),
		wal:         b[18] == 2,
		size:        st.Size(),
		modified:    st.ModTime(),
	}
	pageSize := int64(binary.BigEndian.Uint16(b[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	// The page count is valid when the change counter matches (SQLite ≥ 3.7.0 writes both).
	if pages := int64(binary.BigEndian.Uint32(b[28:32])); binary.BigEndian.Uint32(b[24:28]) == binary.BigEndian.Uint32(b[92:96]) &&
		pages*pageSize > h.size && !h.wal {
		return backupHeader{}, fmt.Errorf("%w: %d bytes, the header says %d", ErrBackupCorrupt, h.size, pages*pageSize)
	}
	return h, nil
}

// readOnlyDSN opens path without ever writing to it. A file in rollback mode, as backups are, is
// opened immutable: SQLite then takes no lock and makes no -shm. A file in WAL mode (a copied
// caigou.db) is too, unless a -wal file lies beside it, which only a plain read-only open reads.
func readOnlyDSN(path string, h backupHeader) string {
	dsn := "file:" + uriEscaper.Replace(path) + "?mode=ro"
	if _, err := os.Stat(path + "-wal"); !h.wal || err != nil {
		dsn += "&immutable=1"
	}
	return dsn
}

// checkBackup refuses a damaged file (integrity_check) and an SQLite file without caigou's tables.
func checkBackup(ctx context.Context, src *sql.DB) error {
	var result string
	if err := src.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&result); err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return fmt.Errorf("%w: %w", ErrBackupCorrupt, err)
	}
	if result != "ok" {
		return fmt.Errorf("%w: integrity_check: %s", ErrBackupCorrupt, result)
	}
	for _, table := range backupTables {
		var n int
		err := src.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&n)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrBackupCorrupt, err)
		}
		if n == 0 {
			return fmt.Errorf("%w: no table %s", ErrNotBackup, table)
		}
	}
	return nil
}

func readBackupCounts(ctx context.Context, src *sql.DB, info *BackupInfo) error {
	var first, last sql.NullInt64
	err := src.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM keys WHERE app_key IS NOT NULL),
		(SELECT count(*) FROM orders), (SELECT min(created_at) FROM orders), (SELECT max(created_at) FROM orders)`).
		Scan(&info.Keys, &info.Orders, &first, &last)
	if err != nil {
		return err
	}
	if first.Valid {
		info.FirstOrder, info.LastOrder = time.UnixMilli(first.Int64), time.UnixMilli(last.Int64)
	}
	return nil
}
