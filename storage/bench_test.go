package storage_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// BenchmarkOpen100kOrders is the start-up cost of a full database: open, count, close.
func BenchmarkOpen100kOrders(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	db, err := storage.Open(dir)
	require.NoError(b, err)
	storagetest.SeedOrders(b, db, 100_000)
	require.NoError(b, db.Close())

	for b.Loop() {
		db, err := storage.Open(dir)
		require.NoError(b, err)
		n, err := db.CountOrders(ctx)
		require.NoError(b, err)
		require.Equal(b, 100_000, n)
		require.NoError(b, db.Close())
	}
}

// BenchmarkMigrateEmpty is the first start: create the database and run every migration.
func BenchmarkMigrateEmpty(b *testing.B) {
	for b.Loop() {
		db, err := storage.Open(b.TempDir())
		require.NoError(b, err)
		require.NoError(b, db.Close())
	}
}

// Width of the raw insert: the inbox's eleven columns, with a body of a typical push.
const rawBenchBody = `{"msgId":3717426277620540788,"type":"ORDER_BUYER_VIEW_ORDER_PAY","userInfo":"b2b-2200000001",` +
	`"gmtBorn":1700000000000,"data":{"orderId":3717426277620540788,"currentStatus":"waitsellersend",` +
	`"msgSendTime":"2024-05-30 19:34:27","buyerMemberId":"b2b-2200000001","sellerMemberId":"b2b-1676547900b7bb3"}}`

// BenchmarkRawBatchedInsert is the anchor of the apply benchmark's ratio: how fast this SQLite,
// opened as caigou opens it, inserts rows as wide as an inbox row, 100 per transaction.
func BenchmarkRawBatchedInsert(b *testing.B) {
	ctx := context.Background()
	db := storagetest.OpenTemp(b)
	_, err := db.SQL().Exec(`CREATE TABLE raw_bench (id TEXT PRIMARY KEY, key_id INTEGER, type TEXT
		NOT NULL, member_id TEXT NOT NULL, order_id TEXT NOT NULL, source TEXT NOT NULL, born_at
		INTEGER, received_at INTEGER NOT NULL, body TEXT NOT NULL, applied_at INTEGER, error TEXT) STRICT`)
	require.NoError(b, err)
	const batch, batchesPerIter = 100, 50
	var rows int
	var spent time.Duration
	next := int64(3_717_426_277_620_540_788)
	for b.Loop() {
		for range batchesPerIter {
			start := time.Now()
			tx, err := db.SQL().BeginTx(ctx, nil)
			require.NoError(b, err)
			stmt, err := tx.PrepareContext(ctx, `INSERT INTO raw_bench VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
			require.NoError(b, err)
			for range batch {
				next++
				id := strconv.FormatInt(next, 10)
				_, err := stmt.ExecContext(ctx, id, 1, "ORDER_BUYER_VIEW_ORDER_PAY", "b2b-2200000001", id,
					"REAL", 1_700_000_000_000, start.UnixMilli(), rawBenchBody, start.UnixMilli(), nil)
				require.NoError(b, err)
			}
			require.NoError(b, stmt.Close())
			require.NoError(b, tx.Commit())
			spent += time.Since(start)
			rows += batch
		}
	}
	b.ReportMetric(float64(rows)/spent.Seconds(), "rows/s")
}
