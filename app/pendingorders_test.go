package app

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app/sim"
)

func TestPendingOrdersListsAnUnclearOrderUntilResolved(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	addr := saveTestAddress(t, a)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	pending, err := a.PendingOrders(ctx)
	require.NoError(t, err)
	assert.Empty(t, pending)

	srv.Inject("alibaba.trade.fastCreateOrder", sim.Failure{Kind: sim.LoseResponse, Count: 1})
	srv.Inject("alibaba.trade.getBuyerOrderList", sim.Failure{Kind: sim.MalformedJSON, Count: 1})
	results, err := a.PlaceCart(ctx, addr, nil)
	require.NoError(t, err)
	require.Len(t, results, 1)
	require.Equal(t, PlaceUnclear, results[0].State)

	pending, err = a.PendingOrders(ctx)
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, results[0].OrderID, pending[0].ID)
	assert.Equal(t, sim.DemoSeller, pending[0].SellerMemberID)

	_, err = a.ResolvePending(ctx)
	require.NoError(t, err)
	pending, err = a.PendingOrders(ctx)
	require.NoError(t, err)
	assert.Empty(t, pending, "found at 1688, so no longer pending")
}

func TestPlaceCartSellersLeavesTheOtherSellersInTheCart(t *testing.T) {
	ctx := context.Background()
	a, srv := newOrderingApp(t, sim.Options{})
	addr := saveTestAddress(t, a)
	addOffer(t, a, sim.DemoOfferID, sim.DemoSpecRed, 2)
	addOffer(t, a, testPenOfferID, "", 1)

	results, err := a.PlaceCartSellers(ctx, addr, nil, []string{testPenSeller})
	require.NoError(t, err)
	require.Len(t, results, 1)
	assert.Equal(t, PlacePlaced, results[0].State)
	assert.Equal(t, testPenSeller, results[0].SellerMemberID)
	require.Len(t, simOrdersWithOutID(srv), 1)

	cart, err := a.Cart(ctx)
	require.NoError(t, err)
	require.Len(t, cart, 1)
	assert.Equal(t, sim.DemoSeller, cart[0].SellerMemberID, "the seller not named stays in the cart")
}
