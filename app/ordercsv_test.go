package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/i18n"
	"caigou/storage"
	"caigou/storage/storagetest"
)

var exportDay = time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)

// seedExportOrders adds three orders: one with two lines, parcels and a note, one without
// lines, and an older one.
func seedExportOrders(t *testing.T, a *App) {
	t.Helper()
	ctx := context.Background()
	for _, o := range []storage.OrderSnapshot{
		{AliOrderID: "3717426277620000002", Status: "waitbuyerreceive", SellerLoginID: "广州白云区鑫达服饰", TotalFen: 26050, Created: exportDay, Lines: []storage.SnapshotLine{
			{OfferID: "655512340001", SpecID: csvSpec, SkuText: "颜色:黑色;尺码:XL", Title: "纯棉短袖T恤 男女同款", Quantity: 20, UnitPriceFen: 1250, AmountFen: 25000},
			{OfferID: "700000000001", Title: "Кружка «Москва», 350 мл", Quantity: 1, UnitPriceFen: 1050, AmountFen: 1050},
		}},
		{AliOrderID: "3717426277620000003", Status: "waitbuyerpay", SellerLoginID: "义乌市好运日用品厂", TotalFen: 500, Created: exportDay.Add(time.Hour)},
		{AliOrderID: "3717426277620000001", Status: "cancel", SellerLoginID: "seller-en", TotalFen: 5, Created: exportDay.Add(-24 * time.Hour), Lines: []storage.SnapshotLine{
			{OfferID: "123456", SpecID: "fedcba9876543210fedcba9876543210", Title: "Screws", Quantity: 3, UnitPriceFen: 1, AmountFen: 3},
		}},
	} {
		_, err := a.db.ApplyOrderDetail(ctx, 0, o, time.Hour)
		require.NoError(t, err)
	}
	_, err := a.db.SQL().ExecContext(ctx, `INSERT INTO logistics (order_id, logistics_id, bill_no, updated_at)
		SELECT id, 'BX1', 'SF1234567', 0 FROM orders WHERE ali_order_id = '3717426277620000002' UNION ALL
		SELECT id, 'BX2', 'YT7654321', 0 FROM orders WHERE ali_order_id = '3717426277620000002'`)
	require.NoError(t, err)
	_, err = a.db.SQL().ExecContext(ctx, "UPDATE orders SET note = 'для Иванова, срочно' WHERE ali_order_id = '3717426277620000002'")
	require.NoError(t, err)
}

// readExport checks the BOM and reads the export back with encoding/csv.
func readExport(t *testing.T, data []byte, sep rune) [][]string {
	t.Helper()
	require.True(t, bytes.HasPrefix(data, utf8BOM), "the file starts with a UTF-8 BOM")
	r := csv.NewReader(bytes.NewReader(data[len(utf8BOM):]))
	r.Comma = sep
	records, err := r.ReadAll()
	require.NoError(t, err)
	return records
}

func TestExportOrdersCSV(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	seedExportOrders(t, a)
	created := func(at time.Time) string { return at.In(time.Local).Format("2006-01-02 15:04") }
	for _, c := range []struct {
		lang    string
		sep     rune
		header0 string
	}{{"en", ',', "1688 order"}, {"ru", ';', "Заказ 1688"}, {"zh", ',', "1688订单号"}} {
		t.Run(c.lang, func(t *testing.T) {
			require.NoError(t, i18n.SetLanguage(c.lang))
			t.Cleanup(func() { _ = i18n.SetLanguage("en") })
			var buf bytes.Buffer
			n, err := a.ExportOrdersCSV(ctx, &buf)
			require.NoError(t, err)
			assert.Equal(t, 4, n)
			records := readExport(t, buf.Bytes(), c.sep)
			require.Len(t, records, 5)
			assert.Equal(t, c.header0, records[0][0])
			assert.Len(t, records[0], 15)
			unable, ordered := i18n.T(i18n.OwnStatusUnableToDeliver, nil), i18n.T(i18n.OwnStatusOrdered, nil)
			assert.Equal(t, []string{
				"3717426277620000001", created(exportDay.Add(-24 * time.Hour)), "seller-en", "cancel", unable,
				"123456", "fedcba9876543210fedcba9876543210", "", "Screws", "3", "0.01", "0.03", "0.05", "", "",
			}, records[1])
			assert.Equal(t, []string{
				"3717426277620000002", created(exportDay), "广州白云区鑫达服饰", "waitbuyerreceive", ordered,
				"655512340001", csvSpec, "颜色:黑色;尺码:XL", "纯棉短袖T恤 男女同款", "20", "12.50", "250.00", "260.50",
				"SF1234567 YT7654321", "для Иванова, срочно",
			}, records[2])
			assert.Equal(t, "700000000001", records[3][5])
			if c.lang != "en" {
				assert.NotEqual(t, "Ordered", records[2][4], "the own status is translated")
			}
			assert.Equal(t, "Кружка «Москва», 350 мл", records[3][8])
			assert.Equal(t, []string{"1", "10.50", "10.50", "260.50"}, records[3][9:13])
			assert.Equal(t, []string{
				"3717426277620000003", created(exportDay.Add(time.Hour)), "义乌市好运日用品厂", "waitbuyerpay",
				i18n.T(i18n.OwnStatusPaid, nil), "", "", "", "", "", "", "", "5.00", "", "",
			}, records[4],
				"an order without lines still gives a row")
		})
	}
}

func TestExportedLinesImportBackAsACart(t *testing.T) {
	ctx := context.Background()
	for _, lang := range []string{"en", "ru", "zh"} {
		t.Run(lang, func(t *testing.T) {
			require.NoError(t, i18n.SetLanguage(lang))
			t.Cleanup(func() { _ = i18n.SetLanguage("en") })
			a := newTestApp(t)
			seedExportOrders(t, a)
			var buf bytes.Buffer
			_, err := a.ExportOrdersCSV(ctx, &buf)
			require.NoError(t, err)

			report, err := a.ImportCartCSV(ctx, &buf)
			require.NoError(t, err)
			assert.Equal(t, 3, report.Added)
			require.Len(t, report.Problems, 1, "the order without lines has no offer")
			assert.Equal(t, 5, report.Problems[0].Row)
			assert.ErrorIs(t, report.Problems[0].Err, ErrCSVNoOffer)
			cart, err := a.db.CartLines(ctx)
			require.NoError(t, err)
			got := map[string]int{}
			for _, l := range cart {
				got[l.OfferID+"/"+l.SpecID] = l.Quantity
			}
			assert.Equal(t, map[string]int{
				"123456/fedcba9876543210fedcba9876543210": 3, "655512340001/" + csvSpec: 20, "700000000001/": 1,
			}, got)
		})
	}
}

// failingWriter fails once it has taken limit bytes.
type failingWriter struct{ limit int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		return 0, errors.New("disk full")
	}
	w.limit -= len(p)
	return len(p), nil
}

func TestExportOrdersCSVReportsAFailedWrite(t *testing.T) {
	a := New(storagetest.OpenTemp(t), t.TempDir())
	storagetest.SeedOrders(t, a.db, 2000)
	_, err := a.ExportOrdersCSV(context.Background(), &failingWriter{limit: 100 << 10})
	require.ErrorIs(t, err, ErrCSVWrite)
	assert.Equal(t, i18n.T(i18n.CSVUnreadable, nil), ExplainCSVError(err))
}

// BenchmarkExportOrdersCSV100000 exports the 100 000-order seed (about 200 000 lines).
func BenchmarkExportOrdersCSV100000(b *testing.B) {
	a := New(storagetest.OpenTemp(b), b.TempDir())
	storagetest.SeedOrders(b, a.db, 100_000)
	var written int64
	for b.Loop() {
		cw := &countingWriter{}
		_, err := a.ExportOrdersCSV(context.Background(), cw)
		require.NoError(b, err)
		written = cw.n
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/export")
	b.ReportMetric(float64(written)/(1<<20), "MB/file")
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }
