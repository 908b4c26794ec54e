package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// DataChecksum is a sha256 over every row of every table of q, in a fixed order, whatever the
// order of the pages: two databases with equal checksums hold the same data. The shadow tables of
// the FTS index are left out (their segments depend on the history of writes); the index's own
// rows count through its virtual table.
func DataChecksum(tb testing.TB, q *sql.DB) string {
	tb.Helper()
	rows, err := q.Query(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	require.NoError(tb, err)
	var names, virtual []string
	for rows.Next() {
		var name string
		var def sql.NullString
		require.NoError(tb, rows.Scan(&name, &def))
		names = append(names, name)
		if strings.HasPrefix(def.String, "CREATE VIRTUAL TABLE") {
			virtual = append(virtual, name)
		}
	}
	require.NoError(tb, rows.Err())
	h := sha256.New()
	for _, name := range names {
		if slices.ContainsFunc(virtual, func(v string) bool { return strings.HasPrefix(name, v+"_") }) {
			continue
		}
		fmt.Fprintf(h, "table %s\n", name)
		for _, row := range tableRows(tb, q, name) {
			fmt.Fprintln(h, row)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// tableRows are the rows of table, each printed with its column values, sorted.
func tableRows(tb testing.TB, q *sql.DB, table string) []string {
	tb.Helper()
	cols := "*"
	if table == "order_grams" {
		cols = "docid, grams"
	}
	rows, err := q.Query("SELECT " + cols + ` FROM "` + table + `"`)
	require.NoError(tb, err)
	defer rows.Close()
	types, err := rows.ColumnTypes()
	require.NoError(tb, err)
	var out []string
	for rows.Next() {
		vals := make([]any, len(types))
		ptrs := make([]any, len(types))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		require.NoError(tb, rows.Scan(ptrs...))
		out = append(out, fmt.Sprintf("%#v", vals))
	}
	require.NoError(tb, rows.Err())
	slices.Sort(out)
	return out
}

// insertTestOrders adds n orders with a line and a message each, numbered from first.
func insertTestOrders(t *testing.T, db *DB, first, n int) {
	t.Helper()
	tx, err := db.sql.Begin()
	require.NoError(t, err)
	for i := first; i < first+n; i++ {
		_, err := tx.Exec(`INSERT INTO orders (id, ali_order_id, origin, title, created_at, updated_at)
			VALUES (?, ?, 'synced', ?, ?, ?)`, i, fmt.Sprint(3700000000000000000+i), fmt.Sprintf("保温杯 %d", i), 1_700_000_000_000+i, 1_700_000_000_000+i)
		require.NoError(t, err)
		_, err = tx.Exec(`INSERT INTO order_lines (order_id, line_no, offer_id, quantity) VALUES (?, 1, ?, 2)`, i, fmt.Sprint(600000+i))
		require.NoError(t, err)
	}
	require.NoError(t, tx.Commit())
}

func TestRestoreCancelledMidwayLeavesTheLiveDataAsItWas(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	live := openTemp(t)
	insertTestOrders(t, live, 1, 50)
	other := openTemp(t)
	insertTestOrders(t, other, 1000, 3000) // hundreds of pages, so the copy takes many steps
	backup := filepath.Join(t.TempDir(), "b.caigou-backup")
	require.NoError(t, other.BackupTo(ctx, backup))
	before := DataChecksum(t, live.sql)

	steps := 0
	err := live.restoreFrom(ctx, backup, 1, func() {
		steps++
		if steps == 10 {
			cancel() // ten pages are in the live database's open transaction by now
		}
	})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 10, steps)
	assert.Equal(t, before, DataChecksum(t, live.sql), "the unfinished copy was rolled back")
	assert.Equal(t, 50, live.mustCount(t, "SELECT count(*) FROM orders"))
	insertTestOrders(t, live, 51, 1) // no lock is left behind
	assert.Equal(t, 51, live.mustCount(t, "SELECT count(*) FROM orders"))

	require.NoError(t, live.restoreFrom(context.Background(), backup, 1, nil))
	assert.Equal(t, DataChecksum(t, other.sql), DataChecksum(t, live.sql))
}

func TestRestoreBringsAnOlderBackupUpToDate(t *testing.T) {
	ctx := context.Background()
	old := filepath.Join(t.TempDir(), "old.caigou-backup")
	oldDB, err := sql.Open("sqlite3", "file:"+old)
	require.NoError(t, err)
	require.NoError(t, migrate(ctx, oldDB, migrations[:3])) // a file of the schema before migration 4
	_, err = oldDB.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
	require.NoError(t, err)
	_, err = oldDB.Exec(`INSERT INTO keys (app_key, product_limit, daily_call_limit, created_at) VALUES ('8610001', 1000, 5000, 1);
		INSERT INTO orders (ali_order_id, origin, title, created_at, updated_at) VALUES ('3700000000000000001', 'synced', '围巾', 5, 5)`)
	require.NoError(t, err)
	require.NoError(t, oldDB.Close())

	info, err := InspectBackup(ctx, old)
	require.NoError(t, err)
	assert.Equal(t, 3, info.SchemaVersion)

	live := openTemp(t)
	require.NoError(t, live.RestoreFrom(ctx, old))
	v, err := live.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, SchemaVersion, v, "migrated to this build's schema")
	assert.Equal(t, 1, live.mustCount(t, "SELECT count(*) FROM orders WHERE title = '围巾'"))
	assert.Equal(t, 1, live.mustCount(t, "SELECT count(*) FROM keys WHERE retired_at IS NULL"), "migration 4's column is there")
	assert.Equal(t, 0, live.mustCount(t, "SELECT count(*) FROM gateway_errors"))
	v3, err := sql.Open("sqlite3", "file:"+old+"?mode=ro")
	require.NoError(t, err)
	defer v3.Close()
	var fileVersion int
	require.NoError(t, v3.QueryRow("PRAGMA user_version").Scan(&fileVersion))
	assert.Equal(t, 3, fileVersion, "the backup file itself is never written")
}
