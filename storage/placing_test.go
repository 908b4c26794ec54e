package storage

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func openPlacingDB(t *testing.T) *DB {
	t.Helper()
	db, err := Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func TestBeginPlacingMovesTheLinesOnce(t *testing.T) {
	ctx := context.Background()
	db := openPlacingDB(t)
	now := time.Now()
	require.NoError(t, db.AddCartLines(ctx, []CartLine{
		{OfferID: "111", SpecID: "aa", Title: "Cup", SellerMemberID: "b2b-1", UnitPriceFen: 1250, MinQuantity: 2, Quantity: 4, Note: "n"},
		{OfferID: "222", Title: "Pen", SellerMemberID: "b2b-2", UnitPriceFen: 100, Quantity: 1},
	}, now))
	cart, err := db.CartLines(ctx)
	require.NoError(t, err)
	cupID := cart[0].ID

	p := PendingOrder{OutOrderID: "cg1", SellerMemberID: "b2b-1", CreatedAt: now}
	orderID, lines, err := db.BeginPlacing(ctx, p, []int64{cupID})
	require.NoError(t, err)
	require.Len(t, lines, 1)
	assert.Equal(t, 2, lines[0].MinQuantity)
	_, _, err = db.BeginPlacing(ctx, PendingOrder{OutOrderID: "cg2", CreatedAt: now}, []int64{cupID})
	require.ErrorIs(t, err, ErrNothingToPlace, "the second click finds the line gone")

	var title string
	var amount int64
	require.NoError(t, db.sql.QueryRow(`SELECT o.title, l.amount_fen FROM orders o JOIN order_lines l ON l.order_id = o.id
		WHERE o.id = ? AND o.out_order_id = 'cg1' AND o.ali_order_id IS NULL`, orderID).Scan(&title, &amount))
	assert.Equal(t, "Cup", title)
	assert.Equal(t, int64(5000), amount)
	pending, err := db.PendingOrders(ctx)
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, "cg1", pending[0].OutOrderID)

	require.NoError(t, db.ReturnPendingToCart(ctx, orderID, lines, now))
	cart, err = db.CartLines(ctx)
	require.NoError(t, err)
	require.Len(t, cart, 2)
	for _, l := range cart {
		if l.OfferID == "111" {
			assert.Equal(t, [2]int{2, 4}, [2]int{l.MinQuantity, l.Quantity})
			assert.Equal(t, "n", l.Note)
		}
	}
	require.ErrorIs(t, db.ReturnPendingToCart(ctx, orderID, nil, now), ErrNotPending)
}

func TestRecordPlacedMergesAStubAMessageMadeFirst(t *testing.T) {
	ctx := context.Background()
	db := openPlacingDB(t)
	now := time.Now()
	require.NoError(t, db.AddCartLines(ctx, []CartLine{{OfferID: "111", SellerMemberID: "b2b-1", Quantity: 1}}, now))
	cart, err := db.CartLines(ctx)
	require.NoError(t, err)
	orderID, _, err := db.BeginPlacing(ctx, PendingOrder{OutOrderID: "cg1", SellerMemberID: "b2b-1", CreatedAt: now}, []int64{cart[0].ID})
	require.NoError(t, err)

	// The ORDER_BUYER_MAKE push arrives before fastCreateOrder's answer, then the payment.
	_, err = db.ApplyMessages(ctx, []InboxMessage{
		{
			MsgID: "m1", Type: "ORDER_BUYER_MAKE", ReceivedAt: now.UnixMilli(), Body: "{}",
			Orders: []OrderReport{{AliOrderID: "3717426277620001009", Status: "waitbuyerpay", At: now.UnixMilli(), Detail: "ORDER_BUYER_MAKE"}},
		},
		{
			MsgID: "m2", Type: "ORDER_PAY", ReceivedAt: now.UnixMilli() + 1, Body: "{}",
			Orders: []OrderReport{{AliOrderID: "3717426277620001009", Status: "waitsellersend", At: now.UnixMilli() + 1, Detail: "ORDER_PAY"}},
		},
	})
	require.NoError(t, err)

	require.NoError(t, db.RecordPlaced(ctx, orderID, Placed{
		AliOrderID: "3717426277620001009", Status: "waitbuyerpay", TotalFen: 900, At: now.Add(time.Second), Detail: "placed",
	}))
	st, ok, err := db.OrderByAliID(ctx, "3717426277620001009")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, orderID, st.ID, "the placed row keeps the order")
	assert.Equal(t, "placed", st.Origin)
	assert.Equal(t, "waitsellersend", st.Status, "the stub's later status wins")
	assert.Equal(t, "awaiting_shipment", st.Bucket)
	events, err := db.OrderEvents(ctx, orderID)
	require.NoError(t, err)
	require.Len(t, events, 3, "the messages' events moved over")
	var orders int
	require.NoError(t, db.sql.QueryRow("SELECT count(*) FROM orders").Scan(&orders))
	assert.Equal(t, 1, orders)
	require.ErrorIs(t, db.RecordPlaced(ctx, 999, Placed{AliOrderID: "1", At: now}), ErrNotPending)
}
