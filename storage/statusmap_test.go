package storage_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// defaultOwnStatuses is the default mapping of 1688.md §9, status by status.
var defaultOwnStatuses = map[string]string{
	"waitbuyerpay":                  "paid",
	"waitsellersend":                "ordered",
	"waitlogisticstakein":           "ordered",
	"waitbuyerreceive":              "ordered",
	"waitbuyersign":                 "ordered",
	"signinsuccess":                 "received",
	"confirm_goods":                 "received",
	"confirm_goods_and_has_subsidy": "received",
	"confirm_goods_but_not_fund":    "received",
	"success":                       "received",
	"cancel":                        "unable_to_deliver",
	"terminated":                    "unable_to_deliver",
}

func ownStatusOf(t *testing.T, db *storage.DB, status string) string {
	t.Helper()
	m, err := db.StatusMap(context.Background())
	require.NoError(t, err)
	for _, r := range m {
		if r.Status == status {
			return r.OwnStatus
		}
	}
	t.Fatalf("%s is not in the mapping", status)
	return ""
}

func TestStatusMapDefaultsAreThoseOf1688Section9(t *testing.T) {
	db := storagetest.OpenTemp(t)
	m, err := db.StatusMap(context.Background())
	require.NoError(t, err)
	got := map[string]string{}
	for i, r := range m {
		got[r.Status] = r.OwnStatus
		if i > 0 {
			assert.LessOrEqual(t, m[i-1].Rank, r.Rank, "rows come in the order an order goes through them")
		}
	}
	assert.Equal(t, defaultOwnStatuses, got)
	assert.Equal(t, "waitbuyerpay", m[0].Status)
}

func TestSetOwnStatusPersists(t *testing.T) {
	dir := t.TempDir()
	db, err := storage.Open(dir)
	require.NoError(t, err)
	ctx := context.Background()
	require.NoError(t, db.SetOwnStatus(ctx, "waitbuyerpay", "ordered"))
	assert.Equal(t, "ordered", ownStatusOf(t, db, "waitbuyerpay"))
	assert.Equal(t, "ordered", ownStatusOf(t, db, "waitsellersend"), "other rows are left alone")
	require.NoError(t, db.Close())

	db, err = storage.Open(dir)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	assert.Equal(t, "ordered", ownStatusOf(t, db, "waitbuyerpay"), "the change survives a restart")
}

func TestSetOwnStatusRefusesUnknownValues(t *testing.T) {
	db := storagetest.OpenTemp(t)
	ctx := context.Background()
	require.ErrorIs(t, db.SetOwnStatus(ctx, "waitbuyerpay", "shipped"), storage.ErrUnknownOwnStatus)
	require.ErrorIs(t, db.SetOwnStatus(ctx, "waitbuyerpay", ""), storage.ErrUnknownOwnStatus)
	require.ErrorIs(t, db.SetOwnStatus(ctx, "no_such_status", "paid"), storage.ErrUnknownStatus)
	assert.Equal(t, "paid", ownStatusOf(t, db, "waitbuyerpay"), "a refused change leaves the mapping as it was")
	assert.ElementsMatch(t, []string{"paid", "ordered", "received", "unable_to_deliver"}, storage.OwnStatuses())
}
