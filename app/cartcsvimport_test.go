package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

func TestImportCartCSVKeepsValidRowsAndListsTheRest(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	require.NoError(t, a.db.AddCartLines(ctx, []storage.CartLine{
		{OfferID: "700000000001", SKUText: "颜色:蓝色", Quantity: 1},
	}, time.Now()))

	report, err := a.ImportCartCSV(ctx, strings.NewReader("\ufeffСсылка;Вариант;Кол-во;Примечание\r\n"+
		csvLinkA+";"+csvSpec+";3;для Иванова\r\n"+ // 2
		"https://detail.1688.com/offer/655512340002.html;红色 XL;2;\r\n"+ // 3
		"https://detail.1688.com.evil.cn/offer/655512340003.html;;1;\r\n"+ // 4
		"655512340002;红色 XL;5;again\r\n"+ // 5: same SKU text, merges
		"655512340002;蓝色 M;1;\r\n"+ // 6: another SKU without a specId
		"700000000001;颜色:红色;1;\r\n"+ // 7: the cart has a blue one without a specId
		"700000000001;;2.0;\r\n")) // 8
	require.NoError(t, err)
	assert.Equal(t, 3, report.Added)
	require.Len(t, report.Problems, 4)
	for i, w := range []struct {
		row int
		err error
	}{{4, ErrLookalikeHost}, {6, ErrCSVSKUNeedsSpec}, {7, ErrCSVSKUNeedsSpec}, {8, ErrCSVQuantityFraction}} {
		assert.Equal(t, w.row, report.Problems[i].Row)
		assert.ErrorIs(t, report.Problems[i].Err, w.err)
	}
	assert.Contains(t, ExplainCSVProblem(report.Problems[1]), "蓝色 M")

	cart, err := a.db.CartLines(ctx)
	require.NoError(t, err)
	type line struct {
		offer, spec, sku, note string
		qty                    int
	}
	var got []line
	for _, l := range cart {
		got = append(got, line{l.OfferID, l.SpecID, l.SKUText, l.Note, l.Quantity})
	}
	assert.ElementsMatch(t, []line{
		{"655512340001", csvSpec, "", "для Иванова", 3},
		{"655512340002", "", "红色 XL", "again", 7},
		{"700000000001", "", "颜色:蓝色", "", 1},
	}, got)
}

func TestImportCartCSVRefusesAnUnreadableFileAndAddsNothing(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	_, err := a.ImportCartCSV(ctx, strings.NewReader("PK\x03\x04"))
	require.ErrorIs(t, err, ErrCSVSpreadsheet)
	report, err := a.ImportCartCSV(ctx, strings.NewReader("Link,SKU,Qty\n"))
	require.NoError(t, err)
	assert.Zero(t, report.Added)
	cart, err := a.db.CartLines(ctx)
	require.NoError(t, err)
	assert.Empty(t, cart)
}

// cartCSV10000 is a cart CSV of 10 000 distinct lines in Excel's Russian form: a header, ';',
// CRLF, half with a specId, half with SKU text and a note.
func cartCSV10000() string {
	var b strings.Builder
	b.WriteString("\ufeffСсылка;Вариант;Кол-во;Примечание\r\n")
	for i := range 10000 {
		if i%2 == 0 {
			fmt.Fprintf(&b, "https://detail.1688.com/offer/%d.html?spm=a26;%032x;%d;\r\n", 600000000000+i, i, 1+i%50)
		} else {
			fmt.Fprintf(&b, "%d;\"颜色:红色;尺码:XL\";%d;для склада №%d\r\n", 600000000000+i, 1+i%50, i%7)
		}
	}
	return b.String()
}

// BenchmarkImportCartCSV10000 parses and stores a CSV of 10 000 lines into an empty cart
// (DESIGN §8: ≤ 2 s).
func BenchmarkImportCartCSV10000(b *testing.B) {
	ctx := context.Background()
	text := cartCSV10000()
	for b.Loop() {
		b.StopTimer()
		a := New(storagetest.OpenTemp(b), b.TempDir())
		b.StartTimer()
		report, err := a.ImportCartCSV(ctx, strings.NewReader(text))
		require.NoError(b, err)
		require.Equal(b, 10000, report.Added)
		require.Empty(b, report.Problems)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/import")
}
