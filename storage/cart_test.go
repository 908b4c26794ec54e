package storage

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCartAddsTheSameLineOnceAndKeepsItAcrossAReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(dir)
	require.NoError(t, err)
	now := time.Now()
	require.NoError(t, db.AddCartLines(ctx, []CartLine{
		{OfferID: "111", SpecID: "aa", Quantity: 2, Note: "first"},
		{OfferID: "222", Quantity: 1},
	}, now))
	require.NoError(t, db.AddCartLines(ctx, []CartLine{{OfferID: "111", SpecID: "aa", Quantity: 3, Title: "T", Note: "again"}}, now))
	require.NoError(t, db.Close())

	db, err = Open(dir)
	require.NoError(t, err)
	defer db.Close()
	lines, err := db.CartLines(ctx)
	require.NoError(t, err)
	require.Len(t, lines, 2)
	assert.Equal(t, 5, lines[0].Quantity, "the same offer and SKU adds up")
	assert.Equal(t, "T", lines[0].Title)
	assert.Equal(t, "first; again", lines[0].Note)
	assert.Equal(t, 1, lines[1].MinQuantity)

	lines[1].Quantity, lines[1].SellerMemberID = 4, "b2b-1"
	require.NoError(t, db.UpdateCartLine(ctx, lines[1]))
	require.NoError(t, db.RemoveCartLines(ctx, lines[0].ID))
	lines, err = db.CartLines(ctx)
	require.NoError(t, err)
	require.Len(t, lines, 1)
	assert.Equal(t, 4, lines[0].Quantity)
	assert.ErrorIs(t, db.UpdateCartLine(ctx, CartLine{ID: 999, Quantity: 1}), ErrNoCartLine)
	assert.Error(t, db.AddCartLines(ctx, []CartLine{{OfferID: "333", Quantity: 0}}, now), "a quantity below 1 is refused")
}
