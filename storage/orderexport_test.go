package storage

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportOrderLinesStreamsLinesInCreatedOrder(t *testing.T) {
	ctx := context.Background()
	db, err := Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	day := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	for _, o := range []OrderSnapshot{
		{AliOrderID: "3002", Status: "waitbuyerreceive", SellerLoginID: "广州白云区鑫达服饰", TotalFen: 26050, Created: day, Lines: []SnapshotLine{
			{OfferID: "655512340001", SpecID: "0123456789abcdef0123456789abcdef", SkuText: "颜色:黑色", Title: "纯棉T恤", Quantity: 20, UnitPriceFen: 1250, AmountFen: 25000},
			{OfferID: "700000000001", Title: "Кружка", Quantity: 1, UnitPriceFen: 1050, AmountFen: 1050},
		}},
		{AliOrderID: "3003", Status: "waitselleract", Created: day.Add(time.Hour)},
		{AliOrderID: "3001", Status: "success", TotalFen: 100, Created: day.Add(-time.Hour), Lines: []SnapshotLine{
			{OfferID: "123456", Quantity: 1, UnitPriceFen: 100, AmountFen: 100},
		}},
	} {
		_, err := db.ApplyOrderDetail(ctx, 0, o, time.Hour)
		require.NoError(t, err)
	}
	_, err = db.sql.ExecContext(ctx, `INSERT INTO logistics (order_id, logistics_id, bill_no, updated_at)
		SELECT id, 'BX1', 'SF123', 0 FROM orders WHERE ali_order_id = '3002' UNION ALL
		SELECT id, 'BX2', '', 0 FROM orders WHERE ali_order_id = '3002' UNION ALL
		SELECT id, 'BX3', 'YT456', 0 FROM orders WHERE ali_order_id = '3002'`)
	require.NoError(t, err)
	_, err = db.sql.ExecContext(ctx, "UPDATE orders SET note = 'для Иванова' WHERE ali_order_id = '3002'")
	require.NoError(t, err)

	var rows []ExportRow
	require.NoError(t, db.ExportOrderLines(ctx, func(r ExportRow) error {
		rows = append(rows, r)
		return nil
	}))
	require.Len(t, rows, 4)
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.AliOrderID+"/"+r.OfferID)
	}
	assert.Equal(t, []string{"3001/123456", "3002/655512340001", "3002/700000000001", "3003/"}, ids)
	assert.Equal(t, ExportRow{
		AliOrderID: "3002", CreatedAt: day, SellerLoginID: "广州白云区鑫达服饰", Status: "waitbuyerreceive",
		OwnStatus: "ordered", OrderTotalFen: 26050, Note: "для Иванова", TrackingNumbers: []string{"SF123", "YT456"},
		LineNo: 1, OfferID: "655512340001", SpecID: "0123456789abcdef0123456789abcdef", SKUText: "颜色:黑色",
		Title: "纯棉T恤", Quantity: 20, UnitPriceFen: 1250, AmountFen: 25000,
	}, rows[1])
	assert.Equal(t, 2, rows[2].LineNo)
	assert.Equal(t, []string{"SF123", "YT456"}, rows[2].TrackingNumbers)
	assert.Equal(t, "received", rows[0].OwnStatus)
	assert.Nil(t, rows[0].TrackingNumbers)
	assert.Equal(t, ExportRow{AliOrderID: "3003", CreatedAt: day.Add(time.Hour), Status: "waitselleract"}, rows[3],
		"an order without lines is one row, and an unmapped status has no own status")

	stop := errors.New("disk full")
	calls := 0
	err = db.ExportOrderLines(ctx, func(ExportRow) error { calls++; return stop })
	assert.Same(t, stop, err)
	assert.Equal(t, 1, calls)
}

// The export must stream: a sort of all orders' lines would hold them all before the first row.
func TestExportOrderLinesQueryNeedsNoSort(t *testing.T) {
	db, err := Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	rows, err := db.sql.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+sqlExportOrderLines)
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
	all := strings.Join(plan, "\n")
	assert.Contains(t, all, "SCAN o USING INDEX")
	assert.NotContains(t, all, "FOR ORDER BY")
	assert.NotContains(t, all, "RIGHT PART OF ORDER BY")
}
