package storage_test

import (
	"context"
	"testing"

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
