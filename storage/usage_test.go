package storage

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// usageKey adds a key with AppKey appKey, 生效时间 from validFrom and the account buyer.
func usageKey(t *testing.T, db *DB, appKey, validFrom, buyer string) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := db.InsertKey(ctx, 1000, 5000, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.NoError(t, db.SetKeyAppKey(ctx, id, appKey))
	require.NoError(t, db.SetKeyValidity(ctx, id, validFrom, ""))
	_, err = db.EnsureAccount(ctx, id, buyer, time.Now())
	require.NoError(t, err)
	return id
}

// placeLines places an order of n lines through key keyID, created at; aliID "" leaves it
// pending, as after an answer that never came.
func placeLines(t *testing.T, db *DB, keyID int64, buyer, aliID string, n int, at time.Time) int64 {
	t.Helper()
	ctx := context.Background()
	var cart []CartLine
	for i := range n {
		cart = append(cart, CartLine{OfferID: "7" + strconv.Itoa(i) + aliID, SpecID: "s", SellerMemberID: "b2b-1", Quantity: 1})
	}
	require.NoError(t, db.AddCartLines(ctx, cart, at))
	lines, err := db.CartLines(ctx)
	require.NoError(t, err)
	ids := make([]int64, len(lines))
	for i, l := range lines {
		ids[i] = l.ID
	}
	orderID, _, err := db.BeginPlacing(ctx, PendingOrder{
		KeyID: keyID, OutOrderID: "cg" + strconv.FormatInt(at.UnixNano(), 10) + aliID, SellerMemberID: "b2b-1",
		BuyerLoginID: buyer, CreatedAt: at,
	}, ids)
	require.NoError(t, err)
	if aliID != "" {
		require.NoError(t, db.RecordPlaced(ctx, orderID, Placed{AliOrderID: aliID, Status: "waitbuyerpay", At: at}))
	}
	return orderID
}

// websiteOrder is an order of n lines that buyer made on the website, as a sync reads it.
func websiteOrder(aliID, buyer string, n int, created time.Time) OrderSnapshot {
	s := OrderSnapshot{AliOrderID: aliID, Status: "waitsellersend", BuyerLoginID: buyer, Created: created, Modified: created}
	for i := range n {
		s.Lines = append(s.Lines, SnapshotLine{OfferID: "9" + strconv.Itoa(i), Quantity: 1})
	}
	return s
}

func TestProductsUsedCountsEachLineOnce(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, chinaZone)
	key := usageKey(t, db, "1000001", "2026-03-01", "buyer-a")
	other := usageKey(t, db, "1000002", "2026-01-01", "buyer-b")
	after := start.Add(24 * time.Hour)

	placeLines(t, db, key, "buyer-a", "1001", 3, after)
	placeLines(t, db, key, "buyer-a", "", 2, after)                        // pending: may never have reached 1688
	placeLines(t, db, other, "buyer-b", "1002", 4, after)                  // another key's
	placeLines(t, db, key, "buyer-a", "1003", 1, start.Add(-48*time.Hour)) // placed through it: counts whenever
	_, err := db.ApplyOrderDetail(ctx, key, websiteOrder("2001", "buyer-a", 2, after), time.Hour)
	require.NoError(t, err)
	_, err = db.ApplyOrderDetail(ctx, key, websiteOrder("2002", "buyer-a", 5, start.Add(-time.Millisecond)), time.Hour)
	require.NoError(t, err) // before the key's start
	_, err = db.ApplyOrderDetail(ctx, key, websiteOrder("2003", "buyer-b", 6, after), time.Hour)
	require.NoError(t, err) // another key's account

	used, err := db.ProductsUsed(ctx, key)
	require.NoError(t, err)
	assert.Equal(t, 3+1+2, used)

	// The same order recorded again, and again with a newer snapshot, and the same message twice.
	for range 2 {
		_, err = db.ApplyOrderDetail(ctx, key, websiteOrder("2001", "buyer-a", 2, after), time.Hour)
		require.NoError(t, err)
	}
	newer := websiteOrder("2001", "buyer-a", 2, after)
	newer.Modified = after.Add(time.Hour)
	_, err = db.ApplyOrderDetail(ctx, key, newer, time.Hour)
	require.NoError(t, err)
	msg := InboxMessage{
		MsgID: "m1", KeyID: key, Type: "ORDER_BUYER_VIEW_ORDER_PAY", Source: "REAL", ReceivedAt: after.UnixMilli(),
		Body: "{}", Orders: []OrderReport{{AliOrderID: "1001", Status: "waitsellersend", At: after.UnixMilli()}},
	}
	_, err = db.ApplyMessages(ctx, []InboxMessage{msg, msg})
	require.NoError(t, err)
	_, err = db.ApplyMessages(ctx, []InboxMessage{msg})
	require.NoError(t, err)
	used, err = db.ProductsUsed(ctx, key)
	require.NoError(t, err)
	assert.Equal(t, 6, used, "re-imports and duplicate messages add nothing")

	// A website order first seen in a message counts once its sync brought its lines and buyer.
	stub := msg
	stub.MsgID, stub.Orders = "m2", []OrderReport{{AliOrderID: "2004", Status: "waitbuyerpay", At: after.UnixMilli()}}
	_, err = db.ApplyMessages(ctx, []InboxMessage{stub, stub})
	require.NoError(t, err)
	_, err = db.ApplyOrderDetail(ctx, key, websiteOrder("2004", "buyer-a", 1, after), time.Hour)
	require.NoError(t, err)
	used, err = db.ProductsUsed(ctx, key)
	require.NoError(t, err)
	assert.Equal(t, 7, used)

	used, err = db.ProductsUsed(ctx, other)
	require.NoError(t, err)
	assert.Equal(t, 4+6, used, "the other key: its placed order and its account's website order")

	_, err = db.ProductsUsed(ctx, 999)
	require.ErrorIs(t, err, ErrNoKey)
}

func TestProductsUsedStartsAtTheKeyCreationWithoutValidity(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	key := usageKey(t, db, "1000003", "", "buyer-c") // created 2026-01-01 00:00 UTC
	_, err := db.ApplyOrderDetail(ctx, key, websiteOrder("3001", "buyer-c", 2, time.Date(2025, 12, 31, 23, 59, 0, 0, time.UTC)), time.Hour)
	require.NoError(t, err)
	_, err = db.ApplyOrderDetail(ctx, key, websiteOrder("3002", "buyer-c", 3, time.Date(2026, 1, 1, 0, 1, 0, 0, time.UTC)), time.Hour)
	require.NoError(t, err)
	used, err := db.ProductsUsed(ctx, key)
	require.NoError(t, err)
	assert.Equal(t, 3, used)
}

func TestDailyUsageSplitsAtChinaMidnight(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	key := usageKey(t, db, "1000004", "2026-01-01", "buyer-d")
	// 23:59 and 00:01 in China: 15:59 and 16:01 UTC, two China days.
	late := time.Date(2026, 3, 9, 23, 59, 0, 0, chinaZone)
	early := time.Date(2026, 3, 10, 0, 1, 0, 0, chinaZone)
	placeLines(t, db, key, "buyer-d", "4001", 2, late)
	placeLines(t, db, key, "buyer-d", "4002", 3, early)
	_, err := db.ApplyOrderDetail(ctx, key, websiteOrder("4003", "buyer-d", 1, early), time.Hour)
	require.NoError(t, err)
	for range 4 {
		require.NoError(t, db.CountCall(ctx, "1000004", "2026-03-09", false))
	}
	require.NoError(t, db.CountCall(ctx, "1000004", "2026-03-10", true))
	require.NoError(t, db.CountCall(ctx, "9999999", "2026-03-10", false)) // another AppKey

	days, err := db.DailyUsage(ctx, key, 30, early.Add(time.Hour))
	require.NoError(t, err)
	require.Len(t, days, 30)
	assert.Equal(t, "2026-02-09", days[0].Day)
	assert.Equal(t, DayUsage{Day: "2026-03-09", Products: 2, Calls: 4}, days[28])
	assert.Equal(t, DayUsage{Day: "2026-03-10", Products: 4, Calls: 1}, days[29])
	assert.Equal(t, DayUsage{Day: "2026-03-08"}, days[27])

	days, err = db.DailyUsage(ctx, key, 1, early)
	require.NoError(t, err)
	assert.Equal(t, []DayUsage{{Day: "2026-03-10", Products: 4, Calls: 1}}, days, "the older day is left out")
}

func TestKeyLimitSettersAndTokenExpiry(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	key := usageKey(t, db, "1000005", "", "buyer-e")
	require.NoError(t, db.SetKeyProductLimit(ctx, key, 500))
	require.NoError(t, db.SetKeyDailyCallLimit(ctx, key, 2000))
	keys, err := db.Keys(ctx)
	require.NoError(t, err)
	assert.Equal(t, 500, keys[0].ProductLimit)
	assert.Equal(t, 2000, keys[0].DailyCallLimit)
	require.ErrorIs(t, db.SetKeyProductLimit(ctx, 99, 1), ErrNoKey)

	exp, err := db.TokenExpiry(ctx, key)
	require.NoError(t, err)
	assert.True(t, exp.IsZero(), "the console's token has no expiry")
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	_, err = db.sql.Exec("UPDATE accounts SET token_expires_at = ? WHERE key_id = ?", at.UnixMilli(), key)
	require.NoError(t, err)
	exp, err = db.TokenExpiry(ctx, key)
	require.NoError(t, err)
	assert.Equal(t, at, exp)
}

func TestClaimSettingOnce(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	first, err := db.ClaimSetting(ctx, "usage.alerted.1.calls80.2026-03-10", "x")
	require.NoError(t, err)
	again, err := db.ClaimSetting(ctx, "usage.alerted.1.calls80.2026-03-10", "y")
	require.NoError(t, err)
	assert.True(t, first)
	assert.False(t, again)
	v, ok, err := db.Setting(ctx, "usage.alerted.1.calls80.2026-03-10")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, "x", v, "the first value stays")
}
