package storagetest

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeedOrders(t *testing.T) {
	ctx := context.Background()
	db := OpenTemp(t)
	q := func(query string) int {
		t.Helper()
		var n int
		require.NoError(t, db.SQL().QueryRowContext(ctx, query).Scan(&n))
		return n
	}

	SeedOrders(t, db, 1000)
	n, err := db.CountOrders(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1000, n)
	assert.Equal(t, 1, q("SELECT count(*) FROM keys WHERE active = 1"), "the seed key is active")

	lines, events := q("SELECT count(*) FROM order_lines"), q("SELECT count(*) FROM order_events")
	assert.True(t, lines > 1000 && lines <= 3000, "lines: %d", lines)
	assert.True(t, events > 1000 && events <= 4000, "events: %d", events)
	assert.Zero(t, q("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)"))
	assert.Zero(t, q("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id)"))
	assert.Zero(t, q("SELECT count(*) FROM orders o WHERE title != (SELECT title FROM order_lines WHERE order_id = o.id AND line_no = 1)"))

	assert.GreaterOrEqual(t, q("SELECT count(DISTINCT status) FROM orders"), 10, "statuses spread")
	assert.Equal(t, 6, q("SELECT count(DISTINCT bucket) FROM orders"), "every bucket, 'other' included")
	assert.Zero(t, q(`SELECT count(*) FROM orders o JOIN status_map m USING (status)
		WHERE o.bucket != m.bucket OR o.status_rank != m.rank`), "buckets follow status_map")
	oldest := q("SELECT (strftime('%s', 'now') * 1000 - min(created_at)) / 86400000 FROM orders")
	assert.True(t, oldest > 300 && oldest <= 365, "created over the last year: oldest %d days", oldest)

	var id string
	require.NoError(t, db.SQL().QueryRowContext(ctx, "SELECT ali_order_id FROM orders LIMIT 1").Scan(&id))
	v, err := strconv.ParseInt(id, 10, 64)
	require.NoError(t, err)
	assert.Greater(t, v, int64(1)<<53, "ids beyond float64's exact range")

	rows, err := db.SQL().QueryContext(ctx, "PRAGMA foreign_key_check")
	require.NoError(t, err)
	assert.False(t, rows.Next(), "foreign key violations")
	require.NoError(t, rows.Close())

	SeedOrders(t, db, 500) // again: new ids, no conflicts
	n, err = db.CountOrders(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1500, n)
	assert.Equal(t, 1, q("SELECT count(*) FROM keys"))
}
