package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// usageBenchDB is 100 000 seeded orders whose key started a year ago and has the seed's buyer as
// its account, so every website order of the seed counts too: the meter's worst case.
func usageBenchDB(b *testing.B) (*storage.DB, int64) {
	b.Helper()
	ctx := context.Background()
	db := storagetest.OpenTemp(b)
	storagetest.SeedOrders(b, db, 100_000)
	keys, err := db.Keys(ctx)
	require.NoError(b, err)
	key := keys[0].ID
	require.NoError(b, db.SetKeyValidity(ctx, key, time.Now().AddDate(-1, 0, -1).Format(time.DateOnly), ""))
	_, err = db.EnsureAccount(ctx, key, "采购部小王", time.Now())
	require.NoError(b, err)
	return db, key
}

// BenchmarkProductsUsed100k is the product meter over 100 000 orders, read by every refresh of
// the status area.
func BenchmarkProductsUsed100k(b *testing.B) {
	ctx := context.Background()
	db, key := usageBenchDB(b)
	for b.Loop() {
		n, err := db.ProductsUsed(ctx, key)
		require.NoError(b, err)
		require.Positive(b, n)
	}
}

// BenchmarkDailyUsage100k is the 30-day chart over 100 000 orders.
func BenchmarkDailyUsage100k(b *testing.B) {
	ctx := context.Background()
	db, key := usageBenchDB(b)
	for b.Loop() {
		days, err := db.DailyUsage(ctx, key, 30, time.Now())
		require.NoError(b, err)
		require.Len(b, days, 30)
	}
}
