package storage_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// FuzzOrderSearch checks that any text the user types is a valid search, and that an order whose
// title holds the text is among its results.
func FuzzOrderSearch(f *testing.F) {
	for _, s := range []string{"保温杯", "杯", "type-c", `"`, "*", "NEAR", "a OR b", "%_\\", "-", "  x  ", "304", "3717", "Иван"} {
		f.Add(s)
	}
	db := storagetest.OpenTemp(f)
	ctx := context.Background()
	n := 0
	f.Fuzz(func(t *testing.T, search string) {
		if !utf8.ValidString(search) || utf8.RuneCountInString(search) > 100 || strings.ContainsRune(search, 0) {
			t.Skip()
		}
		n++
		aliID := strconv.Itoa(1_000_000_000 + n)
		res, err := db.ApplyOrderDetail(ctx, 0, storage.OrderSnapshot{
			AliOrderID: aliID, Status: "waitbuyerpay",
			Lines: []storage.SnapshotLine{{OfferID: "1", Title: "前" + search + "后", Quantity: 1}},
		}, time.Hour)
		require.NoError(t, err)
		filter := storage.OrderFilter{Search: search}
		_, err = db.BucketCounts(ctx, search)
		require.NoError(t, err)
		count, err := db.OrderCount(ctx, filter)
		require.NoError(t, err)
		page, err := db.OrderPage(ctx, filter, 0, count+1)
		require.NoError(t, err)
		require.Len(t, page, count)
		found := false
		for _, r := range page {
			found = found || r.ID == res.OrderID
		}
		require.True(t, found, "the order titled %q is found by %q", "前"+search+"后", search)
	})
}
