package app

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// moveOrder applies a pushed message that moves order id to status, as the Tracker would.
func moveOrder(t *testing.T, a *App, id int64, status string) {
	t.Helper()
	ctx := context.Background()
	h, err := a.db.OrderHeader(ctx, id)
	require.NoError(t, err)
	_, err = a.db.ApplyMessages(ctx, []storage.InboxMessage{{
		MsgID: "move-" + strconv.FormatInt(id, 10) + status, Type: "ORDER_BUYER_VIEW_ORDER_PAY", Source: "REAL",
		ReceivedAt: time.Now().UnixMilli(), Body: "{}",
		Orders: []storage.OrderReport{{AliOrderID: h.AliOrderID, Status: status}},
	}})
	require.NoError(t, err)
}

func TestOrderListReadsPagesOnDemand(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	storagetest.SeedOrders(t, a.db, 450)
	l := a.NewOrderList()
	require.NoError(t, l.SetFilter(ctx, storage.OrderFilter{}))
	assert.Equal(t, 450, l.Len())
	total := 0
	for _, n := range l.Counts() {
		total += n
	}
	assert.Equal(t, 450, total, "the chips count every order")

	first, ok := l.Row(0)
	require.True(t, ok)
	last, ok := l.Row(449)
	require.True(t, ok, "a page not read yet is read when asked for")
	assert.True(t, first.CreatedAt.After(last.CreatedAt), "newest first")
	_, ok = l.Row(450)
	assert.False(t, ok)
	require.NoError(t, l.Err())

	// A push that changes a row on a page read: that row is refreshed, nothing else.
	moveOrder(t, a, first.ID, "terminated")
	index, all, err := l.Invalidate(ctx, first.ID)
	require.NoError(t, err)
	assert.False(t, all)
	assert.Equal(t, 0, index)
	row, ok := l.Row(0)
	require.True(t, ok)
	assert.Equal(t, "terminated", row.Status)
	assert.Equal(t, "unable_to_deliver", row.OwnStatus)

	// An order on a page not read yet: nothing to refresh now; its page is read fresh later.
	l2 := a.NewOrderList()
	require.NoError(t, l2.SetFilter(ctx, storage.OrderFilter{}))
	middle, ok := l2.Row(300)
	require.True(t, ok)
	index, all, err = l.Invalidate(ctx, middle.ID)
	require.NoError(t, err)
	assert.Equal(t, -1, index)
	assert.False(t, all)
}

func TestOrderListInvalidateSeesAnOrderLeaveTheBucket(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	storagetest.SeedOrders(t, a.db, 300)
	l := a.NewOrderList()
	require.NoError(t, l.SetFilter(ctx, storage.OrderFilter{Bucket: storage.BucketAwaitingPayment}))
	n := l.Len()
	require.Positive(t, n)
	row, ok := l.Row(0)
	require.True(t, ok)
	before := l.Counts()

	moveOrder(t, a, row.ID, "waitsellersend")
	index, all, err := l.Invalidate(ctx, row.ID)
	require.NoError(t, err)
	assert.True(t, all, "the order left the list")
	assert.Equal(t, -1, index)
	assert.Equal(t, n-1, l.Len())
	after := l.Counts()
	assert.Equal(t, before[storage.BucketAwaitingShipment]+1, after[storage.BucketAwaitingShipment])
	next, ok := l.Row(0)
	require.True(t, ok)
	assert.NotEqual(t, row.ID, next.ID)

	require.ErrorIs(t, l.SetFilter(ctx, storage.OrderFilter{Bucket: "shipped"}), storage.ErrUnknownBucket)
	assert.Equal(t, storage.BucketAwaitingPayment, l.Filter().Bucket, "a refused filter changes nothing")
}

func TestCallsTodayNeedsAnActiveKey(t *testing.T) {
	_, _, err := newTestApp(t).CallsToday(context.Background())
	require.ErrorIs(t, err, ErrNoActiveKey)
}
