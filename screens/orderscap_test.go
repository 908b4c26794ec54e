package screens

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/sim"
	"caigou/i18n"
)

func TestNewOrderCartOverTheCapIsStoppedAtPreviewAndTheFullKeyLeadsToTheNext(t *testing.T) {
	e := newEntryHarness(t)
	e.saveAddress()
	keyID := activeKeyID(t, e.app)
	e.lookUp(strconv.FormatInt(sim.DemoOfferID, 10))
	e.addToCart(0, "2")
	e.addToCart(1, "2")
	require.Len(t, e.tab.cart.lines, 2)
	require.NoError(t, e.app.SetProductLimit(t.Context(), keyID, 1))

	// Two products, one remains: the preview warns, offers the next key and places nothing.
	e.tapTop(i18n.T(i18n.CartPreview, nil))
	warning := app.ExplainUsageError(&app.CartOverCapError{CartProducts: 2, Remaining: 1})
	assert.Equal(t, "This cart has 2 products; 1 remains on this key. Split the cart, or switch to the next key first.", warning)
	assert.True(t, e.topShows(warning), "%v", visibleTexts(e.top()))
	assert.NotNil(t, findButton(e.top(), i18n.T(i18n.UsageSetUpNextKey, nil)))
	place := findButton(e.top(), i18n.N(i18n.PreviewPlace, 1, nil))
	require.NotNil(t, place)
	assert.True(t, place.Disabled(), "an over-cap cart is not placed")
	e.tapTop(i18n.T(i18n.DialogClose, nil))

	// The user splits the cart: one line fits and is placed.
	e.tab.cart.onRemove(e.tab.cart.lines[1])
	e.tapTop(i18n.T(i18n.CartRemove, nil))
	e.tapTop(i18n.T(i18n.CartPreview, nil))
	assert.False(t, e.topShows(i18n.T(i18n.UsageCapNoPlace, nil)))
	e.tapTop(i18n.N(i18n.PreviewPlace, 1, nil))
	require.Len(t, simOrdersFromTheAPI(e.sim), 1)
	e.tapTop(i18n.T(i18n.DialogClose, nil))
	assert.False(t, e.tab.cart.capFull, "the last product may be ordered")

	// The key is full: the cart explains and offers the next key, and nothing reaches 1688.
	e.addToCart(1, "2")
	e.tapTop(i18n.T(i18n.CartPreview, nil))
	assert.Nil(t, e.win.Canvas().Overlays().Top(), "no preview of a cart that cannot be placed")
	assert.True(t, e.shows(app.ExplainUsageError(app.ErrProductCap)), "%v", visibleTexts(e.content()))
	assert.Len(t, simOrdersFromTheAPI(e.sim), 1)
	e.tapTop(i18n.T(i18n.UsageSetUpNextKey, nil))
	assert.Equal(t, pageSetup, e.shell.current)
	assert.Equal(t, app.StepBefore, e.stepID())

	// Back in Orders, the notice is still there: the key is still full.
	e.shell.Navigate(pageOrders)
	e.settle()
	assert.True(t, e.shows(app.ExplainUsageError(app.ErrProductCap)))
}
