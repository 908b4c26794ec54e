package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"caigou/storage/storagetest"
)

// BenchmarkSuppliers100kOrders is the Suppliers list over the 100 000-order seed: one grouped
// scan of the orders, reported as ms per listing.
func BenchmarkSuppliers100kOrders(b *testing.B) {
	ctx := context.Background()
	db := storagetest.OpenTemp(b)
	storagetest.SeedOrders(b, db, 100_000)
	b.ResetTimer()
	start := time.Now()
	var n int
	for b.Loop() {
		s, err := db.Suppliers(ctx)
		require.NoError(b, err)
		n = len(s)
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/list")
	b.ReportMetric(float64(n), "suppliers")
}
