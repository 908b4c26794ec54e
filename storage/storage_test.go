package storage

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, db.Close()) })
	return db
}

func TestOpenFresh(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "new", "caigou")
	db, err := Open(dir)
	require.NoError(t, err)
	defer db.Close()

	assert.Equal(t, filepath.Join(dir, FileName), db.Path())
	fi, err := os.Stat(db.Path())
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "database file mode")
	fi, err = os.Stat(dir)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), fi.Mode().Perm(), "data folder mode")

	v, err := db.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, SchemaVersion, v)

	// Hold several connections at once: every one of the pool must have the pragmas.
	for i := range 3 {
		conn, err := db.SQL().Conn(ctx)
		require.NoError(t, err)
		defer conn.Close()
		for pragma, want := range map[string]string{
			"journal_mode": "wal",
			"foreign_keys": "1",
			"synchronous":  "2", // FULL
			"busy_timeout": "5000",
		} {
			var got string
			require.NoError(t, conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got))
			assert.Equal(t, want, got, "connection %d: PRAGMA %s", i, pragma)
		}
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a?b#c%41 d")
	db, err := Open(dir)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	assert.FileExists(t, filepath.Join(dir, FileName))
}

func TestReopenKeepsDataAndSkipsMigrations(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(dir)
	require.NoError(t, err)
	require.NoError(t, db.SetSetting(ctx, "ui.language", "zh"))
	_, err = db.SQL().ExecContext(ctx, "UPDATE status_map SET own_status = 'ordered' WHERE status = 'waitbuyerpay'")
	require.NoError(t, err)
	require.NoError(t, db.Close())

	for range 2 {
		db, err = Open(dir)
		require.NoError(t, err)
		v, err := db.Version(ctx)
		require.NoError(t, err)
		assert.Equal(t, SchemaVersion, v)
		lang, ok, err := db.Setting(ctx, "ui.language")
		require.NoError(t, err)
		assert.True(t, ok)
		assert.Equal(t, "zh", lang)
		var own string
		require.NoError(t, db.SQL().QueryRowContext(ctx,
			"SELECT own_status FROM status_map WHERE status = 'waitbuyerpay'").Scan(&own))
		assert.Equal(t, "ordered", own, "the seed must not run again over the user's mapping")
		require.NoError(t, db.Close())
	}
}

// writeForeignDB makes caigou.db in dir with plain database/sql, as another program (or a newer
// caigou) would, and returns its bytes.
func writeForeignDB(t *testing.T, dir, journal string, version int) []byte {
	t.Helper()
	path := filepath.Join(dir, FileName)
	raw, err := sql.Open("sqlite3", path+"?_journal_mode="+journal)
	require.NoError(t, err)
	_, err = raw.Exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('未来')")
	require.NoError(t, err)
	_, err = raw.Exec("PRAGMA user_version = " + strconv.Itoa(version))
	require.NoError(t, err)
	require.NoError(t, raw.Close())
	return readFile(t, path)
}

func TestOpenRefusesNewerDatabase(t *testing.T) {
	for _, journal := range []string{"DELETE", "WAL"} {
		t.Run(journal, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			before := writeForeignDB(t, dir, journal, SchemaVersion+1)

			db, err := Open(dir)
			require.ErrorIs(t, err, ErrNewerDatabase)
			assert.Nil(t, db)
			var open *OpenError
			require.ErrorAs(t, err, &open)
			assert.Equal(t, path, open.Path)
			assert.Equal(t, SchemaVersion+1, open.Found)
			assert.Equal(t, SchemaVersion, open.Supported)
			assert.Contains(t, err.Error(), path)

			assert.Equal(t, before, readFile(t, path), "the file must stay byte-identical")
			assert.NoFileExists(t, path+"-wal")
			assert.NoFileExists(t, path+"-shm")
		})
	}
}

func TestMigrateRefusesNewerSchema(t *testing.T) {
	// The header check can miss a newer version that still sits in a WAL after a crash; migrate
	// reads the real one and must refuse too.
	db := openTemp(t)
	err := migrate(context.Background(), db.sql, migrations[:SchemaVersion-1])
	require.ErrorIs(t, err, ErrNewerDatabase)
	var open *OpenError
	require.ErrorAs(t, err, &open)
	assert.Equal(t, SchemaVersion, open.Found)
	assert.Equal(t, SchemaVersion-1, open.Supported)
}

func TestOpenRefusesNotDatabase(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
	}{
		{"text", []byte("this is a shopping list, not a database\n")},
		{"short", []byte("SQLite")},
		{"page of zeros", make([]byte, 4096)},
		{"sqlite magic then junk", append([]byte("SQLite format 3\x00"), make([]byte, 4080)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			require.NoError(t, os.WriteFile(path, tt.content, 0o600))

			_, err := Open(dir)
			require.ErrorIs(t, err, ErrNotDatabase)
			var open *OpenError
			require.ErrorAs(t, err, &open)
			assert.Equal(t, path, open.Path)
			assert.Equal(t, tt.content, readFile(t, path), "the file must stay byte-identical")
			assert.NoFileExists(t, path+"-wal")
		})
	}

	t.Run("folder named caigou.db", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.Mkdir(filepath.Join(dir, FileName), 0o700))
		_, err := Open(dir)
		assert.ErrorIs(t, err, ErrNotDatabase)
	})
}

func TestOpenFolderNotWritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	readOnly := filepath.Join(t.TempDir(), "read-only")
	require.NoError(t, os.Mkdir(readOnly, 0o500))
	readOnlyWithDB := t.TempDir()
	db, err := Open(readOnlyWithDB)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	require.NoError(t, os.Chmod(readOnlyWithDB, 0o500))
	t.Cleanup(func() { _ = os.Chmod(readOnlyWithDB, 0o700) })

	tests := []struct {
		name     string
		dir      string
		rootSkip bool // root writes anywhere its mode bits forbid
	}{
		{"parent is a file", filepath.Join(file, "caigou"), false},
		{"folder is a file", file, false},
		{"inside /proc", "/proc/caigou-test", false},
		{"/proc itself", "/proc", false},
		{"read-only folder", readOnly, true},
		{"read-only folder holding the database", readOnlyWithDB, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.rootSkip && os.Geteuid() == 0 {
				t.Skip("running as root")
			}
			db, err := Open(tt.dir)
			require.ErrorIs(t, err, ErrFolderNotWritable)
			assert.Nil(t, db)
			var open *OpenError
			require.ErrorAs(t, err, &open)
			assert.NotEmpty(t, open.Path)
		})
	}
}

func TestMigrationFailureRollsBack(t *testing.T) {
	ctx := context.Background()
	raw, err := sql.Open("sqlite3", dataSourceName(filepath.Join(t.TempDir(), FileName)))
	require.NoError(t, err)
	defer raw.Close()

	ms := []string{
		"CREATE TABLE first (x INTEGER)",
		"CREATE TABLE half (x INTEGER); INSERT INTO first VALUES (1); INSERT INTO no_such_table VALUES (1)",
	}
	err = migrate(ctx, raw, ms)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "migration 2")

	v, err := userVersion(ctx, raw)
	require.NoError(t, err)
	assert.Equal(t, 1, v, "the failed migration must not be recorded")
	assert.Equal(t, []string{"first"}, tableNames(t, raw), "the failed migration must leave no table")
	var rows int
	require.NoError(t, raw.QueryRowContext(ctx, "SELECT count(*) FROM first").Scan(&rows))
	assert.Zero(t, rows, "the failed migration must leave no row")

	// Fixed, it runs: only the missing migration.
	ms[1] = "CREATE TABLE half (x INTEGER)"
	require.NoError(t, migrate(ctx, raw, ms))
	v, err = userVersion(ctx, raw)
	require.NoError(t, err)
	assert.Equal(t, 2, v)
}

func TestMigrationDiskFull(t *testing.T) {
	raw, err := sql.Open("sqlite3", dataSourceName(filepath.Join(t.TempDir(), FileName)))
	require.NoError(t, err)
	defer raw.Close()
	raw.SetMaxOpenConns(1) // max_page_count is per connection

	_, err = raw.Exec("PRAGMA max_page_count = 3")
	require.NoError(t, err)
	err = migrate(context.Background(), raw, migrations[:])
	require.Error(t, err)
	assert.Equal(t, ErrDiskFull, kindOf(err))
}

func TestSchema(t *testing.T) {
	db := openTemp(t)
	assert.Equal(t, []string{
		"accounts", "addresses", "api_calls", "cart_lines", "gateway_errors", "gram_positions", "keys", "logistics", "messages",
		"order_events", "order_grams", "order_grams_content", "order_grams_docsize", "order_grams_segdir",
		"order_grams_segments", "order_grams_stat", "order_lines", "orders", "settings", "status_map",
		"wizard_progress",
	}, tableNames(t, db.sql))
	var appID int
	require.NoError(t, db.sql.QueryRow("PRAGMA application_id").Scan(&appID))
	assert.Equal(t, ApplicationID, appID, "the file is marked as caigou's")
	rows, err := db.sql.Query("PRAGMA foreign_key_check")
	require.NoError(t, err)
	defer rows.Close()
	assert.False(t, rows.Next(), "foreign key violations")
}

func TestStatusMapSeeded(t *testing.T) {
	db := openTemp(t)
	tests := []struct {
		status, bucket, own string
		rank                int
	}{
		{"waitbuyerpay", "awaiting_payment", "paid", 10},
		{"waitsellersend", "awaiting_shipment", "ordered", 20},
		{"waitlogisticstakein", "in_transit", "ordered", 30},
		{"waitbuyerreceive", "in_transit", "ordered", 40},
		{"waitbuyersign", "in_transit", "ordered", 40},
		{"signinsuccess", "received", "received", 50},
		{"confirm_goods", "received", "received", 60},
		{"confirm_goods_and_has_subsidy", "received", "received", 60},
		{"confirm_goods_but_not_fund", "received", "received", 60},
		{"success", "received", "received", 70},
		{"cancel", "closed", "unable_to_deliver", 90},
		{"terminated", "closed", "unable_to_deliver", 90},
	}
	var n int
	require.NoError(t, db.sql.QueryRow("SELECT count(*) FROM status_map").Scan(&n))
	assert.Equal(t, len(tests), n)
	for _, tt := range tests {
		t.Run(tt.status, func(t *testing.T) {
			var bucket, own string
			var rank int
			require.NoError(t, db.sql.QueryRow(
				"SELECT bucket, own_status, rank FROM status_map WHERE status = ?", tt.status).
				Scan(&bucket, &own, &rank))
			assert.Equal(t, tt.bucket, bucket)
			assert.Equal(t, tt.own, own)
			assert.Equal(t, tt.rank, rank)
		})
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)

	_, ok, err := db.Setting(ctx, "missing")
	require.NoError(t, err)
	assert.False(t, ok)

	steps := []struct{ key, value string }{
		{"ui.language", "ru"},
		{"ui.theme", ""},
		{"ui.language", "zh"}, // overwrite
		{"label", "采购 Иван"},
	}
	want := map[string]string{}
	for _, s := range steps {
		require.NoError(t, db.SetSetting(ctx, s.key, s.value))
		want[s.key] = s.value
		for key, value := range want {
			got, ok, err := db.Setting(ctx, key)
			require.NoError(t, err)
			assert.True(t, ok, key)
			assert.Equal(t, value, got, key)
		}
	}
}

func TestCounts(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	count := func(f func(context.Context) (int, error)) int {
		n, err := f(ctx)
		require.NoError(t, err)
		return n
	}
	assert.Zero(t, count(db.CountKeys))
	assert.Zero(t, count(db.CountOrders))

	_, err := db.sql.Exec(`INSERT INTO keys (app_key, product_limit, daily_call_limit, created_at)
		VALUES (NULL, 1000, 5000, 0), ('1234567', 1000, 5000, 0)`)
	require.NoError(t, err)
	assert.Equal(t, 1, count(db.CountKeys), "a key without an AppKey is not set up yet")

	_, err = db.sql.Exec(`INSERT INTO orders (ali_order_id, origin, created_at, updated_at)
		VALUES ('3717426277620540788', 'synced', 0, 0)`)
	require.NoError(t, err)
	assert.Equal(t, 1, count(db.CountOrders))
}

func TestOpenErrorMessage(t *testing.T) {
	tests := []struct {
		err  *OpenError
		want string
	}{
		{
			&OpenError{Path: "/d/caigou.db", Found: 3, Supported: 1, Kind: ErrNewerDatabase},
			"storage: the database was made by a newer caigou: /d/caigou.db has schema version 3, this caigou supports up to 1",
		},
		{
			&OpenError{Path: "/d", Kind: ErrFolderNotWritable, Err: os.ErrPermission},
			"storage: the data folder cannot be created or written: /d: permission denied",
		},
		{
			&OpenError{Path: "/d/caigou.db", Err: os.ErrClosed},
			"storage: cannot open /d/caigou.db: file already closed",
		},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.err.Error())
		if tt.err.Kind != nil {
			assert.ErrorIs(t, tt.err, tt.err.Kind)
		}
		if tt.err.Err != nil {
			assert.ErrorIs(t, tt.err, tt.err.Err)
		}
	}
}

func tableNames(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
	require.NoError(t, err)
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		require.NoError(t, rows.Scan(&name))
		names = append(names, name)
	}
	require.NoError(t, rows.Err())
	return names
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func TestFileErrorKind(t *testing.T) {
	assert.Equal(t, ErrDiskFull, fileErrorKind(&os.PathError{Op: "open", Path: "caigou.db", Err: syscall.ENOSPC}))
	assert.Equal(t, ErrNotDatabase, fileErrorKind(&os.PathError{Op: "open", Path: "caigou.db", Err: syscall.EISDIR}))
	assert.Equal(t, ErrFolderNotWritable, fileErrorKind(&os.PathError{Op: "open", Path: "caigou.db", Err: syscall.EACCES}))
}
