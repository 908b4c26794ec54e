package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// ErrCopyDamaged is returned by VerifyCopy when SQLite's integrity check finds fault with a copy.
var ErrCopyDamaged = errors.New("storage: the copy fails SQLite's integrity check")

// copyPagesPerStep is how many pages the backup copies between progress reports: 4 MB of the
// default 4 KB pages.
const copyPagesPerStep = 1024

// WriteHold keeps every other connection from committing to the database until Release: it holds
// SQLite's write lock without writing. Writers wait for it up to the busy timeout, then fail, so
// nothing they do is committed to a database that is being left behind.
type WriteHold struct{ conn *sql.Conn }

// HoldWrites takes the write lock on a connection of its own, waiting up to the busy timeout for
// a writer that holds it.
func (db *DB) HoldWrites(ctx context.Context) (*WriteHold, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("storage: hold writes: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return nil, fmt.Errorf("storage: hold writes: %w", errors.Join(err, conn.Close()))
	}
	return &WriteHold{conn: conn}, nil
}

// Release lets writers commit again. After the database is closed it just closes the connection.
func (h *WriteHold) Release() { endTransaction(h.conn) }

// endTransaction rolls back the transaction open on conn and gives the connection back; a
// connection that cannot roll back is discarded, never pooled with a transaction still open.
func endTransaction(conn *sql.Conn) {
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	_ = conn.Close()
}

// CopyTo writes the whole database to a new file at path (mode 0600; the file must not exist)
// with SQLite's online backup, while other connections keep reading and writing, and flushes it
// to the disk. The copy is one consistent moment of the database: counts is the number of rows
// in each table at that same moment, so a check of the copy can demand equality. progress, when
// not nil, gets the bytes copied so far and the total. A copy that fails leaves no file behind;
// errors.Is(err, ErrDiskFull) when the disk filled up.
func (db *DB) CopyTo(ctx context.Context, path string, progress func(done, total int64)) (counts map[string]int64, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, copyError("create the copy", err)
	}
	if err := f.Close(); err != nil {
		return nil, copyError("create the copy", errors.Join(err, os.Remove(path)))
	}
	defer func() {
		if err != nil {
			_ = os.Remove(path)
			_ = os.Remove(path + "-journal")
		}
	}()
	src, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, copyError("read the database", err)
	}
	defer endTransaction(src)
	// The counts are read in the transaction the backup then copies from, so both see one moment.
	if _, err := src.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return nil, copyError("read the database", err)
	}
	if counts, err = tableCounts(ctx, src); err != nil {
		return nil, err
	}
	var pageSize int64
	if err := src.QueryRowContext(ctx, "PRAGMA page_size").Scan(&pageSize); err != nil {
		return nil, copyError("read the page size", err)
	}
	if err := src.Raw(func(c any) error { return backup(ctx, c.(*sqlite3.SQLiteConn), path, pageSize, progress) }); err != nil {
		return nil, err
	}
	return counts, copyError("flush the copy", SyncFile(path))
}

// backup copies the database src has a read transaction open on into the empty file at path.
// sqlite3_backup_step reads inside that transaction, so the copy is its snapshot.
func backup(ctx context.Context, src *sqlite3.SQLiteConn, path string, pageSize int64, progress func(done, total int64)) error {
	c, err := (&sqlite3.SQLiteDriver{}).Open("file:" + uriEscaper.Replace(path))
	if err != nil {
		return copyError("open the copy", err)
	}
	dest := c.(*sqlite3.SQLiteConn)
	b, err := dest.Backup("main", src, "main")
	if err != nil {
		return copyError("start the copy", errors.Join(err, dest.Close()))
	}
	for {
		done, err := b.Step(copyPagesPerStep)
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			return copyError("copy the database", errors.Join(err, b.Close(), dest.Close()))
		}
		if progress != nil {
			total := int64(b.PageCount()) * pageSize
			progress(total-int64(b.Remaining())*pageSize, total)
		}
		if done {
			break
		}
	}
	if err := b.Close(); err != nil {
		return copyError("finish the copy", errors.Join(err, dest.Close()))
	}
	// The copy takes the WAL mode of the database with its pages. Back in rollback mode, a
	// read-only check leaves no -wal and -shm files beside it; Open turns WAL on again.
	_, err = dest.Exec("PRAGMA journal_mode = DELETE", nil)
	return copyError("finish the copy", errors.Join(err, dest.Close()))
}

// CopyReport is what VerifyCopy found in a copy.
type CopyReport struct {
	Version int              // the schema version (user_version)
	Counts  map[string]int64 // the number of rows in each table
}

// VerifyCopy opens the database file at path read-only and checks it: SQLite's integrity check
// must say ok (else ErrCopyDamaged), and it reports the schema version and the rows of each table.
func VerifyCopy(ctx context.Context, path string) (CopyReport, error) {
	db, err := sql.Open("sqlite3", "file:"+uriEscaper.Replace(path)+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		return CopyReport{}, fmt.Errorf("storage: open the copy: %w", err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return CopyReport{}, fmt.Errorf("storage: open the copy: %w", err)
	}
	defer conn.Close()
	var result string
	if err := conn.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&result); err != nil {
		return CopyReport{}, fmt.Errorf("%w: %w", ErrCopyDamaged, err)
	}
	if result != "ok" {
		return CopyReport{}, fmt.Errorf("%w: %s", ErrCopyDamaged, result)
	}
	var rep CopyReport
	if rep.Version, err = userVersion(ctx, conn); err != nil {
		return CopyReport{}, err
	}
	rep.Counts, err = tableCounts(ctx, conn)
	return rep, err
}

// tableQuerier is a connection or a pool: what tableCounts reads through.
type tableQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// tableCounts is the number of rows in each table of the schema, SQLite's own tables left out.
func tableCounts(ctx context.Context, conn tableQuerier) (map[string]int64, error) {
	rows, err := conn.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
	if err != nil {
		return nil, fmt.Errorf("storage: list the tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, errors.Join(fmt.Errorf("storage: list the tables: %w", err), rows.Close())
		}
		names = append(names, name)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("storage: list the tables: %w", err)
	}
	counts := make(map[string]int64, len(names))
	for _, name := range names {
		var n int64
		quoted := `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM "+quoted).Scan(&n); err != nil {
			return nil, fmt.Errorf("storage: count the rows of %s: %w", name, err)
		}
		counts[name] = n
	}
	return counts, nil
}

// copyError says what failed, and marks a full disk with ErrDiskFull so the caller can say so.
func copyError(what string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, syscall.ENOSPC) || kindOf(err) == ErrDiskFull {
		return fmt.Errorf("storage: %s: %w: %w", what, ErrDiskFull, err)
	}
	return fmt.Errorf("storage: %s: %w", what, err)
}
