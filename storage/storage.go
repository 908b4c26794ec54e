// Package storage keeps caigou's data in one SQLite file, caigou.db, in the user's data folder:
// opening it safely, the numbered schema migrations, and the repositories the app builds on.
//
// Open never rewrites what it does not understand. A file that is not SQLite, or a database made
// by a newer caigou, is refused before SQLite writes a byte to it, and the error says why (see
// OpenError) so the start-up screen can tell the user what to do next.
//
// Conventions of the schema: money is an INTEGER number of fen; 1688 ids are TEXT; instants are
// INTEGER Unix milliseconds in UTC, in columns named *_at; calendar days (the China day of the
// call budget, a subscription's dates) are TEXT "YYYY-MM-DD" in China time (UTC+8).
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
	"strings"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// FileName is the database file inside the data folder.
const FileName = "caigou.db"

// The kinds of OpenError. Screens match them with errors.Is and explain each in the user's language.
var (
	ErrFolderNotWritable = errors.New("storage: the data folder cannot be created or written")
	ErrNotDatabase       = errors.New("storage: the file is not an SQLite database")
	ErrNewerDatabase     = errors.New("storage: the database was made by a newer caigou")
	ErrDiskFull          = errors.New("storage: the disk is full")
)

// OpenError says which file could not be opened and why. errors.Is(err, ErrXxx) sees both Kind
// and Err.
type OpenError struct {
	Path string
	// Found and Supported are the schema version in the file and the newest this build knows;
	// set for ErrNewerDatabase.
	Found, Supported int
	// Kind is one of the Err* sentinels of this package, or nil when the cause fits none of them.
	Kind error
	// Err is the underlying cause; nil when Kind says it all.
	Err error
}

func (e *OpenError) Error() string {
	var b strings.Builder
	if e.Kind != nil {
		fmt.Fprintf(&b, "%v: %s", e.Kind, e.Path)
	} else {
		fmt.Fprintf(&b, "storage: cannot open %s", e.Path)
	}
	if e.Kind == ErrNewerDatabase {
		fmt.Fprintf(&b, " has schema version %d, this caigou supports up to %d", e.Found, e.Supported)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As see both the kind and the cause.
func (e *OpenError) Unwrap() []error {
	var errs []error
	for _, err := range []error{e.Kind, e.Err} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// DB is caigou's open database. It is safe for concurrent use.
type DB struct {
	sql  *sql.DB
	path string
}

// Open opens dir/caigou.db, creating the folder (0700) and the file (0600) when they are missing,
// and brings the schema up to SchemaVersion. Errors are *OpenError.
func Open(dir string) (*DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, &OpenError{Path: dir, Kind: fileErrorKind(err), Err: err}
	}
	path := filepath.Join(dir, FileName)
	found, err := headerVersion(path)
	if err != nil {
		return nil, err
	}
	if found > SchemaVersion {
		return nil, &OpenError{Path: path, Found: found, Supported: SchemaVersion, Kind: ErrNewerDatabase}
	}
	db, err := sql.Open("sqlite3", dataSourceName(path))
	if err != nil {
		return nil, openError(path, err)
	}
	if err := migrate(context.Background(), db, migrations[:]); err != nil {
		return nil, openError(path, errors.Join(err, db.Close()))
	}
	removeStagedRestores(dir)
	return &DB{sql: db, path: path}, nil
}

// removeStagedRestores deletes the copies a restore stages beside the database (stageRestore)
// that a crash left behind: each is as large as a backup. Only this caigou opens the folder, so
// none is in use.
func removeStagedRestores(dir string) {
	staged, _ := filepath.Glob(filepath.Join(dir, restoreStagePattern))
	for _, f := range staged {
		_ = os.Remove(f)
	}
}

// openError is err as an *OpenError about path: the one inside err, or a new one of the kind
// kindOf finds.
func openError(path string, err error) *OpenError {
	var open *OpenError
	if errors.As(err, &open) {
		open.Path = path
		return open
	}
	return &OpenError{Path: path, Kind: kindOf(err), Err: err}
}

// headerVersion reads the schema version (user_version) from the SQLite header of path without
// letting SQLite near the file, so a file caigou must refuse stays byte-identical. It creates an
// empty file with mode 0600 when there is none; SQLite turns an empty file into a new database.
func headerVersion(path string) (int, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return 0, &OpenError{Path: path, Kind: fileErrorKind(err), Err: err}
	}
	defer f.Close()
	var header [100]byte
	switch _, err := io.ReadFull(f, header[:]); {
	case errors.Is(err, io.EOF):
		return 0, nil
	case errors.Is(err, io.ErrUnexpectedEOF):
		return 0, &OpenError{Path: path, Kind: ErrNotDatabase, Err: errors.New("shorter than an SQLite header")}
	case err != nil:
		return 0, &OpenError{Path: path, Err: err}
	case string(header[:16]) != "SQLite format 3\x00":
		return 0, &OpenError{Path: path, Kind: ErrNotDatabase}
	}
	// A WAL left by a crash may hold a newer user_version than the header; migrate checks again.
	return int(binary.BigEndian.Uint32(header[60:64])), nil
}

// fileErrorKind maps a failure to create the folder or the file to the OpenError kind a user can
// act on.
func fileErrorKind(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return ErrDiskFull
	case errors.Is(err, syscall.EISDIR):
		return ErrNotDatabase
	}
	return ErrFolderNotWritable
}

// dataSourceName makes every pooled connection use WAL, enforce foreign keys, wait for a busy
// lock instead of failing, and begin transactions IMMEDIATE, so two writers never deadlock on a
// lock upgrade. synchronous is FULL, not NORMAL: a CONFIRM sent after a commit must survive a
// power cut (DESIGN §3).
func dataSourceName(path string) string {
	return "file:" + uriEscaper.Replace(path) +
		"?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=5000&_synchronous=FULL&_txlock=immediate"
}

// uriEscaper keeps characters that SQLite URIs give a meaning from ending the file name.
var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// kindOf maps an SQLite failure to the OpenError kind a user can act on.
func kindOf(err error) error {
	var e sqlite3.Error
	if !errors.As(err, &e) {
		return nil
	}
	switch e.Code {
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		return ErrNotDatabase
	case sqlite3.ErrFull:
		return ErrDiskFull
	case sqlite3.ErrCantOpen, sqlite3.ErrReadonly, sqlite3.ErrPerm:
		return ErrFolderNotWritable
	}
	return nil
}

// Close closes the database; SQLite then folds the WAL back into caigou.db.
func (db *DB) Close() error { return db.sql.Close() }

// Path is the database file.
func (db *DB) Path() string { return db.path }

// SQL is the connection pool, for the repositories built on this schema and for test helpers.
// Its transactions begin IMMEDIATE, taking the write lock at once: read outside a transaction.
func (db *DB) SQL() *sql.DB { return db.sql }

// Version is the schema version recorded in the file (PRAGMA user_version).
func (db *DB) Version(ctx context.Context) (int, error) {
	return userVersion(ctx, db.sql)
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func userVersion(ctx context.Context, q querier) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("storage: read schema version: %w", err)
	}
	return v, nil
}
