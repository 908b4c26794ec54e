package storage

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const syncAliID = "3717426277620540788"

var (
	// syncT0 is when the tests' syncs read their orders: just after the messages they apply,
	// which storage stamps with the real clock.
	syncT0      = time.Now().Add(time.Minute).UTC().Truncate(time.Millisecond)
	syncResync  = 6 * time.Hour
	syncBlank   = OrderSnapshot{}
	twoLineSnap = OrderSnapshot{
		AliOrderID: syncAliID, Status: "waitsellersend",
		SellerLoginID: "义乌小商品厂", SellerMemberID: "b2b-seller", BuyerLoginID: "caigou_demo",
		TotalFen: 5800, ShippingFen: 800,
		Created: syncT0.Add(-2 * time.Hour), Paid: syncT0.Add(-time.Hour), Modified: syncT0.Add(-time.Hour),
		Lines: []SnapshotLine{
			{
				OfferID: "624281887788", SpecID: "b266e0726506185beaf205cbae88530d", SkuID: "5001", SubItemID: "9000000000000000001",
				Title: "加厚保温杯 500ml", SkuText: "颜色:红色", Quantity: 2, Unit: "件", UnitPriceFen: 1250, AmountFen: 2500, LogisticsStatus: 1,
			},
			{
				OfferID: "624281887799", SubItemID: "9000000000000000002", Title: "一次性手套", Quantity: 10, Unit: "包",
				UnitPriceFen: 250, AmountFen: 2500, LogisticsStatus: 1,
			},
		},
		FetchedAt: syncT0,
	}
)

// stubFromMessage creates the stub a message leaves for an order caigou did not know.
func stubFromMessage(t *testing.T, db *DB, aliID, status string) OrderState {
	t.Helper()
	_, err := db.ApplyMessages(context.Background(), []InboxMessage{inbox("m-"+aliID+status, OrderReport{
		AliOrderID: aliID, Status: status, SellerMemberID: "b2b-seller", At: syncT0.Add(-3 * time.Hour).UnixMilli(),
	})})
	require.NoError(t, err)
	o, ok, err := db.OrderByAliID(context.Background(), aliID)
	require.NoError(t, err)
	require.True(t, ok)
	return o
}

type orderRowView struct {
	Origin, Status, Bucket, Title, Seller, SellerMember, Buyer string
	Total, Shipping                                            int64
	Created, Paid, Modified, Synced, Due                       *int64
	Updated                                                    int64
}

func readOrderRow(t *testing.T, db *DB, id int64) orderRowView {
	t.Helper()
	var v orderRowView
	require.NoError(t, db.sql.QueryRow(`SELECT origin, status, bucket, title, seller_login_id,
		seller_member_id, buyer_login_id, total_fen, shipping_fen, created_at, paid_at, modified_at,
		synced_at, sync_due_at, updated_at FROM orders WHERE id = ?`, id).Scan(
		&v.Origin, &v.Status, &v.Bucket, &v.Title, &v.Seller, &v.SellerMember, &v.Buyer, &v.Total,
		&v.Shipping, &v.Created, &v.Paid, &v.Modified, &v.Synced, &v.Due, &v.Updated))
	return v
}

func ms(t time.Time) *int64 {
	v := t.UnixMilli()
	return &v
}

func TestApplyOrderDetailFillsInAStub(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	stub := stubFromMessage(t, db, syncAliID, "waitsellersend")

	res, err := db.ApplyOrderDetail(ctx, 0, twoLineSnap, syncResync)
	require.NoError(t, err)
	assert.Equal(t, SyncResult{
		OrderID: stub.ID, AliOrderID: syncAliID, Status: "waitsellersend", Bucket: "awaiting_shipment",
		Changed: true, NextSyncAt: syncT0.Add(syncResync),
	}, res)

	v := readOrderRow(t, db, stub.ID)
	assert.Equal(t, orderRowView{
		Origin: "message", Status: "waitsellersend", Bucket: "awaiting_shipment", Title: "加厚保温杯 500ml",
		Seller: "义乌小商品厂", SellerMember: "b2b-seller", Buyer: "caigou_demo", Total: 5800, Shipping: 800,
		Created: ms(twoLineSnap.Created), Paid: ms(twoLineSnap.Paid), Modified: ms(twoLineSnap.Modified),
		Synced: ms(syncT0), Due: ms(syncT0.Add(syncResync)), Updated: syncT0.UnixMilli(),
	}, v, "the stub keeps its origin and gets everything else")

	lines := readLines(t, db, stub.ID)
	require.Len(t, lines, 2)
	assert.Equal(t, "1|624281887788|b266e0726506185beaf205cbae88530d|5001|9000000000000000001|颜色:红色|2|1250|2500", lines[0])
	assert.Equal(t, "2|624281887799|||9000000000000000002||10|250|2500", lines[1])

	events, err := db.OrderEvents(ctx, stub.ID)
	require.NoError(t, err)
	require.Len(t, events, 2)
	assert.Equal(t, OrderEvent{At: syncT0, Kind: "sync", Status: "waitsellersend", Detail: SyncEventDetail}, events[1])
}

// readLines renders an order's lines as "line_no|offer|spec|sku|sub item|sku text|qty|price|amount".
func readLines(t *testing.T, db *DB, orderID int64) []string {
	t.Helper()
	rows, err := db.sql.Query(`SELECT line_no, offer_id, spec_id, sku_id, sub_item_id, sku_text,
		quantity, unit_price_fen, amount_fen FROM order_lines WHERE order_id = ? ORDER BY line_no`, orderID)
	require.NoError(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var no, price, amount int64
		var offer, spec, sku, sub, text string
		var qty float64
		require.NoError(t, rows.Scan(&no, &offer, &spec, &sku, &sub, &text, &qty, &price, &amount))
		out = append(out, fmt.Sprintf("%d|%s|%s|%s|%s|%s|%g|%d|%d", no, offer, spec, sku, sub, text, qty, price, amount))
	}
	require.NoError(t, rows.Err())
	return out
}

func TestApplyOrderDetailAddsAnUnknownOrder(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	keyID := insertKey(t, db)
	res, err := db.ApplyOrderDetail(ctx, keyID, twoLineSnap, syncResync)
	require.NoError(t, err)
	assert.True(t, res.Created)
	assert.True(t, res.Moved)
	o, ok, err := db.OrderByAliID(ctx, syncAliID)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "synced", o.Origin)
	assert.Equal(t, keyID, o.KeyID)
	assert.Equal(t, "waitsellersend", o.Status)
	assert.Equal(t, twoLineSnap.Created.UnixMilli(), *readOrderRow(t, db, o.ID).Created)
}

func insertKey(t *testing.T, db *DB) int64 {
	t.Helper()
	res, err := db.sql.Exec(`INSERT INTO keys (app_key, product_limit, daily_call_limit, created_at)
		VALUES ('8610001', 1000, 5000, 0)`)
	require.NoError(t, err)
	id, err := res.LastInsertId()
	require.NoError(t, err)
	return id
}

func TestApplyOrderDetailStatusOnlyMovesForward(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	stub := stubFromMessage(t, db, syncAliID, "waitbuyerreceive")

	snap := twoLineSnap // read before the message shipped it, answered after
	res, err := db.ApplyOrderDetail(ctx, 0, snap, syncResync)
	require.NoError(t, err)
	assert.False(t, res.Moved)
	assert.Equal(t, "waitbuyerreceive", res.Status)
	assert.Equal(t, "in_transit", res.Bucket)
	assert.Equal(t, int64(5800), readOrderRow(t, db, stub.ID).Total, "the rest of a newer snapshot applies")
	events, err := db.OrderEvents(ctx, stub.ID)
	require.NoError(t, err)
	assert.Equal(t, "waitsellersend", events[len(events)-1].Status, "the timeline keeps what the sync reported")

	// An unranked status never replaces a ranked one; a terminal one follows any.
	snap.Status, snap.Modified, snap.FetchedAt = "waitselleract", snap.Modified.Add(time.Minute), snap.FetchedAt.Add(time.Minute)
	res, err = db.ApplyOrderDetail(ctx, 0, snap, syncResync)
	require.NoError(t, err)
	assert.Equal(t, "waitbuyerreceive", res.Status)
	snap.Status, snap.Modified, snap.FetchedAt = "cancel", snap.Modified.Add(time.Minute), snap.FetchedAt.Add(time.Minute)
	res, err = db.ApplyOrderDetail(ctx, 0, snap, syncResync)
	require.NoError(t, err)
	assert.True(t, res.Moved)
	assert.Equal(t, "closed", res.Bucket)
	assert.True(t, res.NextSyncAt.IsZero(), "a closed order is settled")
	assert.Nil(t, readOrderRow(t, db, stub.ID).Due)
}

func TestApplyOrderDetailUnrankedStubTakesTheNewerStatus(t *testing.T) {
	db := openTemp(t)
	stub := stubFromMessage(t, db, syncAliID, "waitsomethingnew")
	snap := twoLineSnap
	snap.Status = "waitselleract"
	res, err := db.ApplyOrderDetail(context.Background(), 0, snap, syncResync)
	require.NoError(t, err)
	assert.True(t, res.Moved)
	assert.Equal(t, "waitselleract", readOrderRow(t, db, stub.ID).Status)
	assert.Equal(t, "other", res.Bucket)
}

func TestApplyOrderDetailNoNewerModifyTimeOnlyReschedules(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	first, err := db.ApplyOrderDetail(ctx, 0, twoLineSnap, syncResync)
	require.NoError(t, err)
	before := readOrderRow(t, db, first.OrderID)

	again := twoLineSnap
	again.FetchedAt = syncT0.Add(7 * time.Hour)
	again.Status, again.TotalFen, again.Lines = "waitbuyerreceive", 1, again.Lines[:1]
	res, err := db.ApplyOrderDetail(ctx, 0, again, syncResync)
	require.NoError(t, err)
	assert.False(t, res.Changed)
	assert.False(t, res.Moved)
	assert.Equal(t, again.FetchedAt.Add(syncResync), res.NextSyncAt)

	after := readOrderRow(t, db, first.OrderID)
	before.Synced, before.Due = ms(again.FetchedAt), ms(again.FetchedAt.Add(syncResync))
	assert.Equal(t, before, after, "only synced_at and the due time move")
	assert.Len(t, readLines(t, db, first.OrderID), 2)
	events, err := db.OrderEvents(ctx, first.OrderID)
	require.NoError(t, err)
	assert.Len(t, events, 1, "an unchanged order adds nothing to its timeline")
}

func TestApplyOrderDetailSettledOrdersAreNotDue(t *testing.T) {
	for _, status := range []string{"success", "cancel", "terminated", "confirm_goods", "confirm_goods_but_not_fund"} {
		t.Run(status, func(t *testing.T) {
			db := openTemp(t)
			snap := twoLineSnap
			snap.Status = status
			res, err := db.ApplyOrderDetail(context.Background(), 0, snap, syncResync)
			require.NoError(t, err)
			assert.True(t, res.NextSyncAt.IsZero())
			due, err := db.DueForSync(context.Background(), 0, syncT0.Add(100*syncResync), 10)
			require.NoError(t, err)
			assert.Empty(t, due)
		})
	}
	assert.False(t, SettledStatus("signinsuccess"))
	assert.False(t, SettledStatus(""))
}

func TestApplyOrderDetailKeepsALaterResyncRequest(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	stubFromMessage(t, db, syncAliID, "waitsellersend")
	snap := twoLineSnap
	snap.FetchedAt = time.Now()
	first, err := db.ApplyOrderDetail(ctx, 0, snap, syncResync)
	require.NoError(t, err)
	require.True(t, first.NextSyncAt.After(time.Now()))

	// The next detail is read; while its answer travels, a refund message asks for a sync.
	snap.FetchedAt, snap.Modified = time.Now().Add(-time.Second), snap.Modified.Add(time.Hour)
	_, err = db.ApplyMessages(ctx, []InboxMessage{inbox("refund", OrderReport{AliOrderID: syncAliID, Resync: true})})
	require.NoError(t, err)
	requested, _, err := db.OrderByAliID(ctx, syncAliID)
	require.NoError(t, err)
	require.True(t, requested.SyncDueAt.Before(first.NextSyncAt))

	res, err := db.ApplyOrderDetail(ctx, 0, snap, syncResync)
	require.NoError(t, err)
	assert.Equal(t, requested.SyncDueAt, res.NextSyncAt, "the message's request stands")
	snap.Status, snap.Modified = "success", snap.Modified.Add(time.Hour)
	res, err = db.ApplyOrderDetail(ctx, 0, snap, syncResync)
	require.NoError(t, err)
	assert.Equal(t, requested.SyncDueAt, res.NextSyncAt, "even when the stale answer says settled")

	snap.FetchedAt = time.Now() // a detail read after the message has seen what it announced
	res, err = db.ApplyOrderDetail(ctx, 0, snap, syncResync)
	require.NoError(t, err)
	assert.True(t, res.NextSyncAt.IsZero())
}

func TestApplyOrderDetailRejectsBadInput(t *testing.T) {
	db := openTemp(t)
	_, err := db.ApplyOrderDetail(context.Background(), 0, syncBlank, syncResync)
	assert.Error(t, err)
	_, err = db.ApplyOrderDetail(context.Background(), 0, twoLineSnap, 0)
	assert.Error(t, err, "a zero interval would sync the order in a loop")
	n, err := db.CountOrders(context.Background())
	require.NoError(t, err)
	assert.Zero(t, n)
}

func TestDueForSyncOldestFirstPerKey(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	keyA := insertKey(t, db)
	res, err := db.sql.Exec(`INSERT INTO keys (app_key, product_limit, daily_call_limit, created_at)
		VALUES ('8610002', 1000, 5000, 0)`)
	require.NoError(t, err)
	keyB, err := res.LastInsertId()
	require.NoError(t, err)
	now := syncT0.UnixMilli()
	for _, o := range []struct {
		ali   any
		key   any
		due   any
		label string
	}{
		{"101", keyA, now - 10, "due, key A"},
		{"102", keyA, now - 30, "longest overdue, key A"},
		{"103", nil, now - 20, "due, no key"},
		{"104", keyB, now - 40, "due, key B"},
		{"105", keyA, now + 10, "not yet due"},
		{"106", keyA, nil, "settled"},
		{nil, keyA, now - 50, "not numbered by 1688 yet"},
	} {
		_, err := db.sql.Exec(`INSERT INTO orders (ali_order_id, key_id, origin, created_at, sync_due_at, updated_at)
			VALUES (?, ?, 'placed', 0, ?, 0)`, o.ali, o.key, o.due)
		require.NoError(t, err, o.label)
	}
	ids := func(keyID int64, limit int) []string {
		due, err := db.DueForSync(ctx, keyID, syncT0, limit)
		require.NoError(t, err)
		var out []string
		for _, d := range due {
			out = append(out, d.AliOrderID)
		}
		return out
	}
	assert.Equal(t, []string{"102", "103", "101"}, ids(keyA, 10))
	assert.Equal(t, []string{"102", "103"}, ids(keyA, 2))
	assert.Equal(t, []string{"104", "103"}, ids(keyB, 10))
	assert.Equal(t, []string{"104", "102", "103", "101"}, ids(0, 10))

	due, err := db.DueForSync(ctx, keyA, syncT0, 1)
	require.NoError(t, err)
	assert.Equal(t, []DueOrder{{ID: due[0].ID, AliOrderID: "102", KeyID: keyA, DueAt: time.UnixMilli(now - 30).UTC()}}, due)

	require.NoError(t, db.MarkSyncFailed(ctx, due[0].ID, syncT0.Add(time.Hour)))
	assert.Equal(t, []string{"103", "101"}, ids(keyA, 10), "a failed sync waits for its retry")
	assert.Equal(t, []string{"103", "101", "105", "102"}, func() []string {
		due, err := db.DueForSync(ctx, keyA, syncT0.Add(time.Hour), 10)
		require.NoError(t, err)
		var out []string
		for _, d := range due {
			out = append(out, d.AliOrderID)
		}
		return out
	}())
}

func TestDueForSyncUsesThePartialIndex(t *testing.T) {
	rows, err := openTemp(t).sql.Query("EXPLAIN QUERY PLAN "+sqlDueForSync, 1, 1, 1)
	require.NoError(t, err)
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		require.NoError(t, rows.Scan(&id, &parent, &unused, &detail))
		plan = append(plan, detail)
	}
	require.NoError(t, rows.Err())
	joined := strings.Join(plan, "; ")
	assert.Contains(t, joined, "USING INDEX orders_sync_due")
	assert.NotContains(t, joined, "SCAN orders", "the whole table is never read")
}
