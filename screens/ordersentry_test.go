package screens

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/apptest"
	"caigou/app/sim"
	"caigou/i18n"
)

// entryHarness drives the New order tab of a test shell whose active key is the simulator's
// demo key.
type entryHarness struct {
	*wizardHarness
	tab    *orderEntryTab
	opened []string // what the tab asked the browser to open
	shown  []int64  // the orders "Show in Tracking" asked for
}

func newEntryHarness(t *testing.T) *entryHarness {
	t.Helper()
	h := newWizardHarness(t)
	apptest.ActivateDemoKey(t, h.app)
	e := &entryHarness{wizardHarness: h, tab: h.shell.orders.entry}
	e.tab.openURL = func(u string) error { e.opened = append(e.opened, u); return nil }
	e.tab.loadImage = func(context.Context, string) ([]byte, error) { return nil, errors.New("offline") }
	h.shell.orders.onShowOrder = func(id int64) { e.shown = append(e.shown, id) }
	h.shell.Navigate(pageOrders)
	e.settle()
	return e
}

// settle waits for the background work of the Orders screen's tabs: the others read on opening too.
func (e *entryHarness) settle() {
	e.tab.work.Wait()
	e.shell.orders.record.work.Wait()
	e.shell.orders.suppliers.work.Wait()
}

// top is the dialog on top, or the window's content when none is open.
func (e *entryHarness) top() fyne.CanvasObject {
	if o := e.win.Canvas().Overlays().Top(); o != nil {
		return o
	}
	return e.content()
}

// topShows reports whether some visible text of the top dialog (or the window) contains part.
func (e *entryHarness) topShows(part string) bool {
	for _, s := range visibleTexts(e.top()) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// tapTop taps the enabled button labelled text on the top dialog (or the window).
func (e *entryHarness) tapTop(text string) {
	e.t.Helper()
	b := findButton(e.top(), text)
	require.NotNil(e.t, b, "no button %q in %v", text, visibleTexts(e.top()))
	require.False(e.t, b.Disabled(), "button %q is disabled", text)
	test.Tap(b)
	e.settle()
}

// lookUp pastes text and presses Enter in the paste box.
func (e *entryHarness) lookUp(text string) {
	e.tab.paste.SetText(text)
	e.tab.paste.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.settle()
}

// addToCart adds quantity of the first card's SKU number sku (-1 for none) to the cart.
func (e *entryHarness) addToCart(sku int, quantity string) *offerCard {
	e.t.Helper()
	require.NotEmpty(e.t, e.tab.cards)
	c := e.tab.cards[0]
	if sku >= 0 {
		c.sku.SetSelectedIndex(sku)
	}
	c.qty.SetText(quantity)
	test.Tap(c.add)
	return c
}

// saveAddress puts the demo receiver in the address book, the default for the cart.
func (e *entryHarness) saveAddress() {
	e.t.Helper()
	_, err := e.app.SaveAddress(context.Background(), app.Address{
		FullName: "张三", Mobile: "13800138000", Province: "浙江省", City: "金华市", Area: "义乌市", Street: "稠城街道 1 号",
	})
	require.NoError(e.t, err)
	e.tab.cart.reloadAddresses()
}

func simOrdersFromTheAPI(s *sim.Sim) []sim.Order {
	var out []sim.Order
	for _, o := range s.Orders() {
		if o.OutOrderID != "" {
			out = append(out, o)
		}
	}
	return out
}

func TestNewOrderFromPasteToPlacedOrder(t *testing.T) {
	e := newEntryHarness(t)
	offer := strconv.FormatInt(sim.DemoOfferID, 10)

	e.lookUp("【1688】加厚保温杯 https://detail.1688.com/offer/" + offer + ".html 复制链接打开\nhttps://s.1688.com/selloffer/offer_search.htm?keywords=cup")
	require.Len(t, e.tab.cards, 1, "one offer card for the good link")
	card := e.tab.cards[0]
	require.Len(t, card.sku.Options, 2)
	assert.Contains(t, card.sku.Options[0], "红色")
	assert.Contains(t, card.sku.Options[0], i18n.Yuan(1250))
	assert.True(t, e.shows("加厚保温杯"))
	assert.True(t, e.shows(i18n.T(i18n.EntryLinkProblem, map[string]any{"Line": 2, "Reason": app.ExplainLinkError(app.ErrSearchPage)})),
		"the search page is named by its line: %v", visibleTexts(e.content()))

	e.addToCart(0, "1")
	assert.True(t, e.shows(i18n.T(i18n.OrderErrQuantityBelowMin, map[string]any{"Min": 2})), "below the minimum of 2")
	assert.Empty(t, e.tab.cart.lines)
	e.addToCart(0, "3")
	require.Len(t, e.tab.cart.lines, 1)
	assert.Equal(t, 3, e.tab.cart.lines[0].Quantity)
	assert.Equal(t, sim.DemoSpecRed, e.tab.cart.lines[0].SpecID)
	assert.True(t, e.shows(i18n.Yuan(3750)), "the line's total: %v", visibleTexts(e.content()))

	// The address book: a refusal is explained, then the address is saved and used.
	e.tapTop(i18n.T(i18n.CartAddressBook, nil))
	e.tapTop(i18n.T(i18n.AddrAdd, nil))
	e.tapTop(i18n.T(i18n.EntrySave, nil))
	assert.True(t, e.topShows(i18n.T(i18n.OrderErrAddressName, nil)))
	f := e.tab.book.form
	f.name.SetText("张三")
	f.mobile.SetText("138 0013 8000")
	f.province.SetText("浙江省")
	f.city.SetText("金华市")
	f.street.SetText("稠城街道 1 号")
	e.tapTop(i18n.T(i18n.EntrySave, nil))
	assert.True(t, e.topShows("稠城街道 1 号"), "the new address is listed: %v", visibleTexts(e.top()))
	e.tapTop(i18n.T(i18n.AddrUse, nil))
	require.NotZero(t, e.tab.cart.addressID)
	assert.Contains(t, e.tab.cart.address.Selected, "张三")

	e.tapTop(i18n.T(i18n.CartPreview, nil))
	for _, want := range []string{
		i18n.T(i18n.PreviewGoods, map[string]any{"Amount": i18n.Yuan(3750)}),
		i18n.T(i18n.PreviewFreight, map[string]any{"Amount": i18n.Yuan(800)}),
		i18n.T(i18n.PreviewTotal, map[string]any{"Amount": i18n.Yuan(4550)}),
		i18n.T(i18n.PreviewGrandTotal, map[string]any{"Amount": i18n.Yuan(4550)}),
	} {
		assert.True(t, e.topShows(want), "%q in %v", want, visibleTexts(e.top()))
	}

	place := findButton(e.top(), i18n.N(i18n.PreviewPlace, 1, nil))
	require.NotNil(t, place)
	test.Tap(place)
	test.Tap(place) // a double click
	e.settle()
	inSim := simOrdersFromTheAPI(e.sim)
	require.Len(t, inSim, 1, "a double click places once")
	aliID := strconv.FormatInt(inSim[0].ID, 10)
	assert.True(t, e.topShows(i18n.T(i18n.ResultPlaced, map[string]any{"ID": aliID})), "%v", visibleTexts(e.top()))
	assert.Empty(t, e.tab.cart.lines, "the cart is empty")
	cart, err := e.app.Cart(context.Background())
	require.NoError(t, err)
	assert.Empty(t, cart)

	e.tapTop(i18n.T(i18n.ResultShowInTracking, nil))
	require.Len(t, e.shown, 1)
	assert.NotZero(t, e.shown[0])
}

func TestNewOrderNewSellerIsSentToTheWebsite(t *testing.T) {
	e := newEntryHarness(t)
	e.saveAddress()
	offer := strconv.FormatInt(sim.DemoNewSellerOffer, 10)
	e.lookUp(offer)
	require.Len(t, e.tab.cards, 1)
	assert.Nil(t, e.tab.cards[0].sku, "an offer without SKUs has no variant choice")
	e.addToCart(-1, "1")
	require.Len(t, e.tab.cart.lines, 1)

	e.tapTop(i18n.T(i18n.CartPreview, nil))
	explanation, _ := app.ExplainOrderError(&app.NewSellerError{SellerLoginID: "广州服装批发"})
	assert.True(t, e.topShows(explanation), "%v", visibleTexts(e.top()))
	place := findButton(e.top(), i18n.N(i18n.PreviewPlace, 0, nil))
	require.NotNil(t, place)
	assert.True(t, place.Disabled(), "nothing can be placed from caigou")

	e.tapTop(i18n.T(i18n.PreviewOpenOffer, nil))
	assert.Equal(t, []string{"https://detail.1688.com/offer/" + offer + ".html"}, e.opened)
	e.tapTop(i18n.T(i18n.PreviewRecordAfter, nil))
	assert.Equal(t, 1, e.shell.orders.tabs.SelectedIndex(), "the Record tab")
	assert.Empty(t, simOrdersFromTheAPI(e.sim))
}

func TestNewOrderLostResponseStillPlacesOnce(t *testing.T) {
	e := newEntryHarness(t)
	e.saveAddress()
	e.lookUp(strconv.FormatInt(sim.DemoOfferID, 10))
	e.addToCart(1, "2")
	e.sim.Inject("alibaba.trade.fastCreateOrder", sim.Failure{Kind: sim.LoseResponse, Count: 1})

	e.tapTop(i18n.T(i18n.CartPreview, nil))
	e.tapTop(i18n.N(i18n.PreviewPlace, 1, nil))
	inSim := simOrdersFromTheAPI(e.sim)
	require.Len(t, inSim, 1, "exactly one order at 1688")
	assert.True(t, e.topShows(i18n.T(i18n.ResultPlaced, map[string]any{"ID": strconv.FormatInt(inSim[0].ID, 10)})), "%v", visibleTexts(e.top()))

	ctx := context.Background()
	suppliers, err := e.app.Suppliers(ctx)
	require.NoError(t, err)
	require.Len(t, suppliers, 1)
	assert.Equal(t, 1, suppliers[0].Orders, "exactly one order stored")
	pending, err := e.app.PendingOrders(ctx)
	require.NoError(t, err)
	assert.Empty(t, pending)
}

func TestNewOrderUnclearIsLookedUpAgain(t *testing.T) {
	e := newEntryHarness(t)
	e.saveAddress()
	e.lookUp(strconv.FormatInt(sim.DemoOfferID, 10))
	e.addToCart(0, "2")
	e.sim.Inject("alibaba.trade.fastCreateOrder", sim.Failure{Kind: sim.LoseResponse, Count: 1})
	e.sim.Inject("alibaba.trade.getBuyerOrderList", sim.Failure{Kind: sim.MalformedJSON, Count: 1})

	e.tapTop(i18n.T(i18n.CartPreview, nil))
	e.tapTop(i18n.N(i18n.PreviewPlace, 1, nil))
	assert.True(t, e.topShows(i18n.T(i18n.ResultUnclear, nil)), "%v", visibleTexts(e.top()))
	assert.Equal(t, 1, e.tab.pending, "the tab offers to look the order up")
	assert.Empty(t, e.tab.cart.lines, "the unclear order's lines stay out of the cart")

	e.tapTop(i18n.T(i18n.ResultLookUpAgain, nil))
	inSim := simOrdersFromTheAPI(e.sim)
	require.Len(t, inSim, 1)
	assert.True(t, e.topShows(i18n.T(i18n.ResultPlaced, map[string]any{"ID": strconv.FormatInt(inSim[0].ID, 10)})), "%v", visibleTexts(e.top()))
	assert.Zero(t, e.tab.pending)
}

func TestNewOrderOffersToLookUpPendingOrdersOnOpening(t *testing.T) {
	e := newEntryHarness(t)
	ctx := context.Background()
	e.saveAddress()
	e.lookUp(strconv.FormatInt(sim.DemoOfferID, 10))
	e.addToCart(0, "2")
	e.sim.Inject("alibaba.trade.fastCreateOrder", sim.Failure{Kind: sim.LoseResponse, Count: 1})
	e.sim.Inject("alibaba.trade.getBuyerOrderList", sim.Failure{Kind: sim.MalformedJSON, Count: 1})
	_, err := e.app.PlaceCart(ctx, e.tab.cart.addressID, nil)
	require.NoError(t, err)

	e.shell.Rebuild() // the tab is built afresh, as after a restart or a language switch
	e.shell.Navigate(pageOrders)
	e.settle()
	notice := i18n.N(i18n.EntryPendingNotice, 1, nil)
	assert.True(t, e.shows(notice), "%v", visibleTexts(e.content()))
	e.tapTop(i18n.T(i18n.EntryPendingLookUp, nil))
	assert.True(t, e.topShows(i18n.T(i18n.ResultPlaced, map[string]any{"ID": strconv.FormatInt(simOrdersFromTheAPI(e.sim)[0].ID, 10)})))
	assert.False(t, e.shows(notice))
}

func TestNewOrderCartLineFromCSVIsCompletedByPreview(t *testing.T) {
	e := newEntryHarness(t)
	e.saveAddress()
	csv := "offer,spec,quantity\n" + strconv.FormatInt(sim.DemoSingleOfferID, 10) + ",,12\n"
	_, err := e.app.ImportCartCSV(context.Background(), strings.NewReader(csv))
	require.NoError(t, err)
	e.tab.cart.reload()
	require.Len(t, e.tab.cart.lines, 1)
	assert.True(t, e.shows(i18n.T(i18n.CartNotLoaded, nil)), "%v", visibleTexts(e.content()))

	e.tapTop(i18n.T(i18n.CartPreview, nil))
	assert.True(t, e.topShows(i18n.T(i18n.PreviewGoods, map[string]any{"Amount": i18n.Yuan(12 * 399)})), "%v", visibleTexts(e.top()))
	require.Len(t, e.tab.cart.lines, 1)
	assert.Equal(t, "一次性手套 100只装", e.tab.cart.lines[0].Title, "the preview completed the line")
}

func TestNewOrderCartQuantityAndRemove(t *testing.T) {
	e := newEntryHarness(t)
	e.lookUp(strconv.FormatInt(sim.DemoOfferID, 10))
	e.addToCart(0, "2")
	var qty *widget.Entry
	var remove *widget.Button
	walk(e.content(), func(o fyne.CanvasObject) {
		if v, ok := o.(*cartRowView); ok && !v.lineBox.Hidden {
			qty, remove = v.qty, v.remove
		}
	})
	require.NotNil(t, qty, "the cart shows the line")
	qty.SetText("1")
	assert.True(t, e.shows(i18n.T(i18n.OrderErrQuantityBelowMin, map[string]any{"Min": 2})))
	qty.SetText("5")
	cart, err := e.app.Cart(context.Background())
	require.NoError(t, err)
	require.Len(t, cart, 1)
	assert.Equal(t, 5, cart[0].Quantity)
	assert.True(t, e.shows(i18n.Yuan(5*1250)))

	test.Tap(remove)
	e.tapTop(i18n.T(i18n.CartRemove, nil))
	cart, err = e.app.Cart(context.Background())
	require.NoError(t, err)
	assert.Empty(t, cart)
	assert.True(t, e.shows(i18n.T(i18n.CartEmpty, nil)))
}

func TestNewOrderSellerMessageSurvivesARestart(t *testing.T) {
	e := newEntryHarness(t)
	e.lookUp("https://detail.1688.com/offer/" + strconv.FormatInt(sim.DemoOfferID, 10) + ".html")
	e.addToCart(0, "2")
	e.tab.cart.onMessage(sim.DemoSeller, "义乌小商品厂")
	var text *textArea
	walk(e.top(), func(o fyne.CanvasObject) {
		if a, ok := o.(*textArea); ok {
			text = a
		}
	})
	require.NotNil(t, text, "the message dialog has a text area")
	test.Type(text, "请用纸箱包装")
	e.tapTop(i18n.T(i18n.EntrySave, nil))

	again := newOrdersScreen(e.app, e.win, func() {}, func(int64) {}) // caigou started again
	again.entry.cart.build()
	assert.Equal(t, "请用纸箱包装", again.entry.cart.messages[sim.DemoSeller])
}
