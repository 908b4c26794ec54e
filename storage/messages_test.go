package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func inbox(id string, orders ...OrderReport) InboxMessage {
	return InboxMessage{
		MsgID: id, Type: "ORDER_BUYER_VIEW_ORDER_PAY", Source: "REAL", ReceivedAt: 5000,
		Body: `{"msgId":` + id + `}`, Orders: orders,
	}
}

func TestApplyMessagesOutcomes(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	pay := OrderReport{AliOrderID: "11", Status: "waitsellersend", At: 2000, Detail: "pay"}
	created := OrderReport{AliOrderID: "11", Status: "waitbuyerpay", At: 1000, Detail: "make"}
	out, err := db.ApplyMessages(ctx, []InboxMessage{inbox("1", pay), inbox("1", pay), inbox("2", created)})
	require.NoError(t, err)
	require.Len(t, out, 3)
	id := out[0].Orders[0].OrderID
	assert.Equal(t, []OrderChange{{
		OrderID: id, AliOrderID: "11", Status: "waitsellersend",
		Bucket: "awaiting_shipment", Moved: true, Created: true,
	}}, out[0].Orders)
	assert.Equal(t, MessageOutcome{Duplicate: true}, out[1])
	assert.Equal(t, []OrderChange{{
		OrderID: id, AliOrderID: "11", Status: "waitsellersend",
		Bucket: "awaiting_shipment",
	}}, out[2].Orders, "the late report does not move it back")

	events, err := db.OrderEvents(ctx, id)
	require.NoError(t, err)
	require.Len(t, events, 2)
	assert.Equal(t, OrderEvent{At: events[0].At, Kind: "message", Status: "waitbuyerpay", MsgID: "2", Detail: "make"}, events[0])
	assert.Equal(t, int64(1000), events[0].At.UnixMilli(), "the timeline is in the order things happened")
}

func TestApplyMessagesResync(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	_, err := db.ApplyMessages(ctx, []InboxMessage{inbox("1", OrderReport{AliOrderID: "12", Status: "waitbuyerpay"})})
	require.NoError(t, err)
	_, err = db.sql.Exec("UPDATE orders SET sync_due_at = NULL")
	require.NoError(t, err)

	_, err = db.ApplyMessages(ctx, []InboxMessage{inbox("2", OrderReport{AliOrderID: "12", Status: "waitsellersend"})})
	require.NoError(t, err)
	o, ok, err := db.OrderByAliID(ctx, "12")
	require.NoError(t, err)
	require.True(t, ok)
	assert.True(t, o.SyncDueAt.IsZero(), "a known status settles the order")

	_, err = db.ApplyMessages(ctx, []InboxMessage{inbox("3", OrderReport{AliOrderID: "12", Detail: "ORDER_BATCH_PAY successed", Resync: true})})
	require.NoError(t, err)
	o, _, err = db.OrderByAliID(ctx, "12")
	require.NoError(t, err)
	assert.False(t, o.SyncDueAt.IsZero(), "a payment result asks for a sync")
	assert.Equal(t, "waitsellersend", o.Status)
}

func TestApplyMessagesParcelReports(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	parcel := func(id string, p ParcelReport) InboxMessage {
		p.AliOrderID, p.LogisticsID = "13", "BX1"
		m := inbox(id, OrderReport{AliOrderID: "13"})
		m.Parcels = []ParcelReport{p}
		return m
	}
	_, err := db.ApplyMessages(ctx, []InboxMessage{
		parcel("1", ParcelReport{Status: "DELIVERING", StatusAt: 3000, BillNo: "A", CompanyCode: "YUNDA", EntryIDs: []string{"e1", "e2"}}),
		parcel("2", ParcelReport{Status: "TRANSPORT", StatusAt: 2000, BillNo: "OLD"}),   // late
		parcel("3", ParcelReport{BillNo: "B", CompanyCode: "SF"}),                       // number changed
		parcel("4", ParcelReport{Status: "SIGN", StatusAt: 4000, EntryIDs: []string{}}), // keeps number and entries
	})
	require.NoError(t, err)
	o, _, err := db.OrderByAliID(ctx, "13")
	require.NoError(t, err)
	parcels, err := db.Parcels(ctx, o.ID)
	require.NoError(t, err)
	require.Len(t, parcels, 1)
	p := parcels[0]
	assert.Equal(t, "SIGN", p.Status)
	assert.Equal(t, int64(4000), p.StatusAt.UnixMilli())
	assert.Equal(t, "B", p.BillNo)
	assert.Equal(t, "SF", p.CompanyCode)
	assert.Equal(t, []string{"e1", "e2"}, p.EntryIDs)
}

func TestFailedMessages(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	bad := func(id string, at int64) InboxMessage {
		return InboxMessage{MsgID: id, Source: "REAL", ReceivedAt: at, Body: "x" + id, Err: "broken " + id}
	}
	_, err := db.ApplyMessages(ctx, []InboxMessage{bad("a", 1000), inbox("ok"), bad("b", 3000), bad("c", 2000)})
	require.NoError(t, err)
	list, err := db.FailedMessages(ctx, 2)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "b", list[0].MsgID, "newest first")
	assert.Equal(t, "broken b", list[0].Err)
	assert.Equal(t, "xb", list[0].Body)
	assert.Equal(t, int64(3000), list[0].ReceivedAt.UnixMilli())
	assert.Equal(t, "c", list[1].MsgID)
	assert.Zero(t, db.mustCount(t, "SELECT count(*) FROM orders"), "a failed message touches no order")
}

func (db *DB) mustCount(t *testing.T, query string) int {
	t.Helper()
	var n int
	require.NoError(t, db.sql.QueryRow(query).Scan(&n))
	return n
}
