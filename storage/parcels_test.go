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

func TestSaveShipmentsAndTrace(t *testing.T) {
	ctx := context.Background()
	db := storagetest.OpenTemp(t)
	ids := seedTrackingSet(t, db)
	id := ids["3717426277620549999"]
	t0 := time.Now().UTC().Truncate(time.Millisecond)

	require.NoError(t, db.SaveShipments(ctx, id, []storage.Shipment{{
		LogisticsID: "BX1", BillNo: "YT1", Company: "圆通速递", CompanyCode: "YTO", Status: "ACCEPT",
		EntryIDs: []string{"9001", "9002"}, SentAt: t0.Add(-time.Hour),
	}}, t0))
	// A later read that leaves fields empty keeps them; an older one does not undo the status.
	require.NoError(t, db.SaveShipments(ctx, id, []storage.Shipment{{LogisticsID: "BX1", Status: "TRANSPORT"}}, t0.Add(time.Minute)))
	require.NoError(t, db.SaveShipments(ctx, id, []storage.Shipment{{LogisticsID: "BX1", Status: "ACCEPT"}}, t0))
	steps := []storage.TraceStep{{At: t0.Add(-time.Hour), Remark: "【金华市】快件已揽收"}, {At: t0, Remark: "运输中"}}
	require.NoError(t, db.SaveTrace(ctx, id, "BX1", "", steps, t0))

	parcels, err := db.ParcelDetails(ctx, id)
	require.NoError(t, err)
	require.Len(t, parcels, 1)
	p := parcels[0]
	assert.Equal(t, "YT1", p.BillNo)
	assert.Equal(t, "圆通速递", p.Company)
	assert.Equal(t, "YTO", p.CompanyCode)
	assert.Equal(t, "TRANSPORT", p.Status)
	assert.Equal(t, []string{"9001", "9002"}, p.EntryIDs)
	assert.Equal(t, t0.Add(-time.Hour), p.SentAt)
	assert.Equal(t, t0, p.TracedAt)
	assert.Equal(t, steps, p.Trace)
}

func TestOrderHeaderLinesAndEvents(t *testing.T) {
	ctx := context.Background()
	db := storagetest.OpenTemp(t)
	ids := seedTrackingSet(t, db)
	id := ids["3717426277620540001"]
	h, err := db.OrderHeader(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "加厚保温杯 500ml 不锈钢", h.Title)
	assert.Equal(t, "paid", h.OwnStatus)
	assert.Equal(t, "b2b-1676547900b7bb3", h.SellerMemberID)
	assert.Equal(t, "synced", h.Origin)
	lines, err := db.OrderLines(ctx, id)
	require.NoError(t, err)
	require.Len(t, lines, 1)
	assert.Equal(t, "624281887788", lines[0].OfferID)

	detail, err := db.LatestEventDetail(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, storage.SyncEventDetail, detail)
	n, err := db.EventsInBucket(ctx, id, storage.BucketAwaitingPayment)
	require.NoError(t, err)
	assert.Equal(t, 1, n)

	_, err = db.OrderHeader(ctx, id+1000)
	require.ErrorIs(t, err, storage.ErrNoOrder)
}
