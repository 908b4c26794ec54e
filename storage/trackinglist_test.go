package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// trackingOrder is one order of the hand-made Tracking set.
type trackingOrder struct {
	aliID, status, title, seller, member, offer string
	total                                       int64
	hoursAgo                                    int
}

var trackingSet = []trackingOrder{
	{"3717426277620540001", "waitbuyerpay", "加厚保温杯 500ml 不锈钢", "义乌小商品厂", "b2b-1676547900b7bb3", "624281887788", 2500, 1},
	{"3717426277620540002", "waitsellersend", "Type-C数据线 快充1米/条", "深圳华强数码", "b2b-3315620874d02e1", "624281887799", 900, 2},
	{"3717426277620549999", "waitbuyerreceive", "儿童保温杯卡通款", "义乌小商品厂", "b2b-1676547900b7bb3", "600000000001", 7000, 3},
	{"3817426277620540004", "success", "女士羊毛围巾 秋冬保暖", "杭州四季青", "b2b-2563318809e4f72", "600000000002", 2600, 4},
	{"3817426277620540005", "cancel", "304不锈钢螺丝 M4", "永康金鼎五金", "b2b-2901458833f5a60", "600000000003", 150, 5},
	{"3817426277620540006", "waitselleract", "手机支架 桌面", "深圳华强数码", "b2b-3315620874d02e1", "600000000004", 450, 6},
}

// seedTrackingSet applies the hand-made set as syncs and returns the orders' local ids by 1688 id.
func seedTrackingSet(t *testing.T, db *storage.DB) map[string]int64 {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Millisecond)
	ids := map[string]int64{}
	for _, o := range trackingSet {
		res, err := db.ApplyOrderDetail(context.Background(), 0, storage.OrderSnapshot{
			AliOrderID: o.aliID, Status: o.status, SellerLoginID: o.seller, SellerMemberID: o.member,
			TotalFen: o.total, Created: now.Add(-time.Duration(o.hoursAgo) * time.Hour),
			Lines:     []storage.SnapshotLine{{OfferID: o.offer, Title: o.title, Quantity: 1}},
			FetchedAt: now,
		}, time.Hour)
		require.NoError(t, err)
		ids[o.aliID] = res.OrderID
	}
	return ids
}

// aliIDs lists the 1688 ids of the page f gives, checking that OrderCount agrees.
func aliIDs(t *testing.T, db *storage.DB, f storage.OrderFilter) []string {
	t.Helper()
	ctx := context.Background()
	page, err := db.OrderPage(ctx, f, 0, 100)
	require.NoError(t, err)
	n, err := db.OrderCount(ctx, f)
	require.NoError(t, err)
	ids := []string{}
	for _, r := range page {
		ids = append(ids, r.AliOrderID)
	}
	assert.Len(t, ids, n, "OrderCount and OrderPage agree for %+v", f)
	return ids
}

func TestOrderListFiltersSortsAndSearches(t *testing.T) {
	db := storagetest.OpenTemp(t)
	seedTrackingSet(t, db)
	const (
		cup, cable, kidsCup = "3717426277620540001", "3717426277620540002", "3717426277620549999"
		scarf, screw, stand = "3817426277620540004", "3817426277620540005", "3817426277620540006"
	)
	tests := []struct {
		name   string
		filter storage.OrderFilter
		want   []string
	}{
		{"all, newest first", storage.OrderFilter{}, []string{cup, cable, kidsCup, scarf, screw, stand}},
		{"oldest first", storage.OrderFilter{Sort: storage.OldestFirst}, []string{stand, screw, scarf, kidsCup, cable, cup}},
		{"amount high first", storage.OrderFilter{Sort: storage.AmountHighFirst}, []string{kidsCup, scarf, cup, cable, stand, screw}},
		{"amount low first", storage.OrderFilter{Sort: storage.AmountLowFirst}, []string{screw, stand, cable, cup, scarf, kidsCup}},
		{"bucket", storage.OrderFilter{Bucket: storage.BucketInTransit}, []string{kidsCup}},
		{"unmapped status is other", storage.OrderFilter{Bucket: storage.BucketOther}, []string{stand}},
		{"Chinese title part", storage.OrderFilter{Search: "保温杯"}, []string{cup, kidsCup}},
		{"one Chinese character", storage.OrderFilter{Search: "杯"}, []string{cup, kidsCup}},
		{"title with a space", storage.OrderFilter{Search: "围巾 秋冬"}, []string{scarf}},
		{"Latin in another case", storage.OrderFilter{Search: "type-c"}, []string{cable}},
		{"digits in a title", storage.OrderFilter{Search: "304"}, []string{screw}},
		{"search within a bucket", storage.OrderFilter{Search: "保温杯", Bucket: storage.BucketAwaitingPayment}, []string{cup}},
		{"search sorted by amount", storage.OrderFilter{Search: "保温杯", Sort: storage.AmountHighFirst}, []string{kidsCup, cup}},
		{"seller login part", storage.OrderFilter{Search: "华强"}, []string{cable, stand}},
		{"seller member id", storage.OrderFilter{Search: "b2b-2563318809e4f72"}, []string{scarf}},
		{"order id", storage.OrderFilter{Search: scarf}, []string{scarf}},
		{"order id prefix", storage.OrderFilter{Search: "371742627762054000"}, []string{cup, cable}},
		{"offer id", storage.OrderFilter{Search: "624281887799"}, []string{cable}},
		{"blank search is no search", storage.OrderFilter{Search: "  ", Bucket: storage.BucketClosed}, []string{screw}},
		{"punctuation alone", storage.OrderFilter{Search: "/"}, []string{cable}},
		{"LIKE wildcards are literal", storage.OrderFilter{Search: "%"}, []string{}},
		{"FTS syntax is literal", storage.OrderFilter{Search: `保温杯" OR "围巾`}, []string{}},
		{"nothing", storage.OrderFilter{Search: "咖啡机"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, aliIDs(t, db, tt.filter))
		})
	}
}

func TestBucketCountsHonourTheSearch(t *testing.T) {
	db := storagetest.OpenTemp(t)
	seedTrackingSet(t, db)
	ctx := context.Background()
	counts, err := db.BucketCounts(ctx, "")
	require.NoError(t, err)
	assert.Equal(t, map[string]int{
		"awaiting_payment": 1, "awaiting_shipment": 1, "in_transit": 1, "received": 1, "closed": 1, "other": 1,
	}, counts)
	counts, err = db.BucketCounts(ctx, "义乌")
	require.NoError(t, err)
	assert.Equal(t, map[string]int{
		"awaiting_payment": 1, "awaiting_shipment": 0, "in_transit": 1, "received": 0, "closed": 0, "other": 0,
	}, counts)
}

func TestOrderPageFollowsChanges(t *testing.T) {
	db := storagetest.OpenTemp(t)
	ids := seedTrackingSet(t, db)
	ctx := context.Background()
	cup := ids["3717426277620540001"]
	ownOf := func() string {
		page, err := db.OrderPage(ctx, storage.OrderFilter{Search: "3717426277620540001"}, 0, 10)
		require.NoError(t, err)
		require.Len(t, page, 1)
		assert.Equal(t, cup, page[0].ID)
		return page[0].OwnStatus
	}
	assert.Equal(t, "paid", ownOf())
	require.NoError(t, db.SetOwnStatus(ctx, "waitbuyerpay", "ordered"))
	assert.Equal(t, "ordered", ownOf(), "the mapping applies to listed orders at once")

	// A sync that renames the order's product moves it in the search.
	_, err := db.ApplyOrderDetail(ctx, 0, storage.OrderSnapshot{
		AliOrderID: "3717426277620540001", Status: "waitbuyerpay", Modified: time.Now().Add(time.Minute),
		Lines: []storage.SnapshotLine{{OfferID: "624281887788", Title: "咖啡机 家用", Quantity: 1}},
	}, time.Hour)
	require.NoError(t, err)
	assert.Equal(t, []string{"3717426277620540001"}, aliIDs(t, db, storage.OrderFilter{Search: "咖啡"}))
	assert.Equal(t, []string{"3717426277620549999"}, aliIDs(t, db, storage.OrderFilter{Search: "保温杯"}))

	_, err = db.SQL().ExecContext(ctx, "DELETE FROM orders WHERE id = ?", cup)
	require.NoError(t, err)
	assert.Equal(t, []string{}, aliIDs(t, db, storage.OrderFilter{Search: "咖啡"}))
}

func TestOrderPagePagesAndRefusesUnknownBuckets(t *testing.T) {
	db := storagetest.OpenTemp(t)
	seedTrackingSet(t, db)
	ctx := context.Background()
	var all []string
	for offset := 0; offset < 8; offset += 4 {
		page, err := db.OrderPage(ctx, storage.OrderFilter{Sort: storage.AmountLowFirst}, offset, 4)
		require.NoError(t, err)
		for _, r := range page {
			all = append(all, r.AliOrderID)
		}
	}
	assert.Equal(t, aliIDs(t, db, storage.OrderFilter{Sort: storage.AmountLowFirst}), all)

	_, err := db.OrderCount(ctx, storage.OrderFilter{Bucket: "shipped"})
	require.ErrorIs(t, err, storage.ErrUnknownBucket)
	_, err = db.OrderPage(ctx, storage.OrderFilter{Bucket: "shipped"}, 0, 10)
	require.ErrorIs(t, err, storage.ErrUnknownBucket)
}
