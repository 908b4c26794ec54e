package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app/sim"
)

func TestCheckCartFitsWarnsAtPreviewTime(t *testing.T) {
	ctx := context.Background()
	a, _ := newOrderingApp(t, sim.Options{})
	ak, err := a.ActiveKey(ctx)
	require.NoError(t, err)
	require.NoError(t, a.CheckCartFits(ctx), "an empty cart fits")

	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecBlue, 2)
	addOffer(t, a, testPenOfferID, "", 3)
	require.NoError(t, a.SetProductLimit(ctx, ak.Key.ID, 3))
	require.NoError(t, a.CheckCartFits(ctx), "3 lines, 3 remain")

	recordWebsiteOrder(t, a.db, ak.Key.ID, "7001", 1, ak.Key.CreatedAt.Add(1))
	err = a.CheckCartFits(ctx)
	var over *CartOverCapError
	require.ErrorAs(t, err, &over)
	assert.Equal(t, CartOverCapError{CartProducts: 3, Remaining: 2}, *over)
	assert.Equal(t, "This cart has 3 products; 2 remain on this key. Split the cart, or switch to the next key first.", ExplainUsageError(err))

	recordWebsiteOrder(t, a.db, ak.Key.ID, "7002", 2, ak.Key.CreatedAt.Add(1))
	require.ErrorIs(t, a.CheckCartFits(ctx), ErrProductCap)
}

func TestPlaceCartRefusesAtTheProductCap(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	ak, err := a.ActiveKey(ctx)
	require.NoError(t, err)
	addr := saveTestAddress(t, a)
	require.NoError(t, a.SetProductLimit(ctx, ak.Key.ID, 2))

	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	addOffer(t, a, testPenOfferID, "", 3)
	results, err := a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err, "2 of 2: the last products may still be ordered")
	require.Len(t, results, 2)
	u, err := a.Usage(ctx, ak.Key.ID, results[0].AttemptedAt)
	require.NoError(t, err)
	assert.Equal(t, 2, u.ProductsUsed)
	assert.True(t, u.ProductsFull())

	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecBlue, 2)
	_, err = a.PlaceCart(ctx, addr, nil)
	require.ErrorIs(t, err, ErrProductCap)
	_, err = a.PlaceCartSellers(ctx, addr, nil, []string{sim.DemoSeller})
	require.ErrorIs(t, err, ErrProductCap)
	assert.Contains(t, ExplainUsageError(err), "Set up the next key")
	cart, err := a.Cart(ctx)
	require.NoError(t, err)
	assert.Len(t, cart, 1, "the refused line stays in the cart for the next key")
	assert.Len(t, simOrdersWithOutID(srv), 2, "nothing more reached 1688")

	// A raised limit takes orders again.
	require.NoError(t, a.SetProductLimit(ctx, ak.Key.ID, 3))
	results, err = a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err)
	require.Len(t, results, 1)
	assert.Equal(t, PlacePlaced, results[0].State)
}

func TestNextKeyTakesTheCartOverAndKeepsTheHistory(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	old, err := a.ActiveKey(ctx)
	require.NoError(t, err)
	addr := saveTestAddress(t, a)
	require.NoError(t, a.SetProductLimit(ctx, old.Key.ID, 1))
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	placed, err := a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err)
	require.Len(t, placed, 1)
	addOffer(t, a, testPenOfferID, "", 3)
	_, err = a.PlaceCart(ctx, addr, nil)
	require.ErrorIs(t, err, ErrProductCap)

	// The next key, verified by the wizard, of the same buyer account.
	const nextAppKey, nextSecret, nextToken = "7654399", "NextSecret-7654399", "next-access-token-0001"
	require.NoError(t, srv.AddApp(sim.App{Key: nextAppKey, Secret: nextSecret}))
	require.NoError(t, srv.Authorize(sim.Authorization{AppKey: nextAppKey, MemberID: sim.DemoBuyer, AccessToken: nextToken}))
	next, err := a.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, a.SaveKeyCredentials(ctx, next, nextAppKey, nextSecret))
	require.NoError(t, a.SaveAccount(ctx, next, sim.DemoBuyerLogin, nextToken))
	require.NoError(t, a.SetActiveKey(ctx, next))

	require.NoError(t, a.CheckCartFits(ctx), "the cart carried over fits the new key")
	results, err := a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err)
	require.Len(t, results, 1)
	assert.Equal(t, PlacePlaced, results[0].State)

	for _, c := range []struct {
		key    int64
		order  string
		wanted int
	}{{old.Key.ID, placed[0].AliOrderID, 1}, {next, results[0].AliOrderID, 1}} {
		u, err := a.Usage(ctx, c.key, time.Now())
		require.NoError(t, err)
		assert.Equal(t, c.wanted, u.ProductsUsed, "key %d", c.key)
		o, ok, err := a.db.OrderByAliID(ctx, c.order)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, c.key, o.KeyID, "the order stays with the key it was placed with")
	}
}

func TestOrderErrorsExplainTheProductCap(t *testing.T) {
	explanation, _ := ExplainOrderError(fmt.Errorf("place: %w", ErrProductCap))
	assert.Equal(t, ExplainUsageError(ErrProductCap), explanation, "the Orders screen explains the cap")
	assert.NotEmpty(t, explanation)
}
