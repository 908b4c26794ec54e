package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// trackingPageSize is the page the Tracking list fetches at a time (app.OrderListPage).
const trackingPageSize = 200

// showTracking is what the Tracking screen asks for when it opens or its filter changes: the
// counts of the filter chips, the length of the list and its first page.
func showTracking(tb testing.TB, db *storage.DB, f storage.OrderFilter) []storage.OrderRow {
	ctx := context.Background()
	_, err := db.BucketCounts(ctx, f.Search)
	require.NoError(tb, err)
	_, err = db.OrderCount(ctx, f)
	require.NoError(tb, err)
	page, err := db.OrderPage(ctx, f, 0, trackingPageSize)
	require.NoError(tb, err)
	return page
}

// seededTracking is a database of 100 000 seeded orders, reopened so the first query meets a
// cold SQLite cache as at start-up.
func seededTracking(b *testing.B) *storage.DB {
	dir := b.TempDir()
	db, err := storage.Open(dir)
	require.NoError(b, err)
	storagetest.SeedOrders(b, db, 100_000)
	require.NoError(b, db.Close())
	db, err = storage.Open(dir)
	require.NoError(b, err)
	b.Cleanup(func() { _ = db.Close() })
	return db
}

// BenchmarkOpenTracking opens the Tracking list over 100 000 orders (DESIGN §8: ≤ 100 ms): chip
// counts, list length and first page, newest first. cold-ms is the first time, on a database
// just opened.
func BenchmarkOpenTracking(b *testing.B) {
	db := seededTracking(b)
	start := time.Now()
	require.Len(b, showTracking(b, db, storage.OrderFilter{}), trackingPageSize)
	cold := time.Since(start)
	for b.Loop() {
		showTracking(b, db, storage.OrderFilter{})
	}
	b.ReportMetric(float64(cold.Microseconds())/1000, "cold-ms")
}

// BenchmarkTrackingSearch changes the filter of the list over 100 000 orders (DESIGN §8: ≤ 30 ms
// each): a title search in Chinese, an order id search and a bucket change, each with chip
// counts, list length and first page. The ms metrics are each step's mean.
func BenchmarkTrackingSearch(b *testing.B) {
	db := seededTracking(b)
	var aliOrderID string
	require.NoError(b, db.SQL().QueryRow("SELECT ali_order_id FROM orders WHERE id = 54321").Scan(&aliOrderID))
	steps := []struct {
		metric string
		filter storage.OrderFilter
		min    int
	}{
		{"title-ms", storage.OrderFilter{Search: "保温杯"}, trackingPageSize},
		{"rare-title-ms", storage.OrderFilter{Search: "围巾 秋冬", Sort: storage.AmountHighFirst}, trackingPageSize},
		{"order-id-ms", storage.OrderFilter{Search: aliOrderID}, 1},
		{"bucket-ms", storage.OrderFilter{Bucket: storage.BucketInTransit}, trackingPageSize},
	}
	spent := make([]time.Duration, len(steps))
	n := 0
	for b.Loop() {
		for i, s := range steps {
			start := time.Now()
			page := showTracking(b, db, s.filter)
			spent[i] += time.Since(start)
			if len(page) < s.min {
				b.Fatalf("%s: %d rows", s.metric, len(page))
			}
		}
		n++
	}
	for i, s := range steps {
		b.ReportMetric(float64(spent[i].Microseconds())/1000/float64(n), s.metric)
	}
}
