package screens

import (
	"context"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/require"

	"caigou/app/sim"
	"caigou/i18n"
)

// ordersAndTracking fills a shell with what a buyer has after a day's work — a looked-up offer,
// a cart, the demo orders recorded, one refreshed with its parcel — and calls capture on the
// Orders tabs, the Tracking list and an order's detail with its timeline, in lang.
func ordersAndTracking(t *testing.T, lang string, capture func(name string, w fyne.Window)) {
	e := newEntryHarness(t)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	ctx := context.Background()
	shipped := int64(0)
	for _, o := range e.sim.Orders() {
		state, err := e.app.RecordOrder(ctx, strconv.FormatInt(o.ID, 10))
		require.NoError(t, err)
		if o.Status == "waitbuyerreceive" {
			shipped = state.ID
		}
	}
	require.NotZero(t, shipped, "the demo world has a shipped order")
	require.NoError(t, e.app.RefreshOrder(ctx, shipped)) // its parcel and trace

	e.lookUp("https://detail.1688.com/offer/" + strconv.FormatInt(sim.DemoOfferID, 10) + ".html")
	e.addToCart(0, "3")

	require.NoError(t, i18n.SetLanguage(lang))
	e.shell.Rebuild()
	e.shell.Navigate(pageOrders)
	e.settle()
	for i, name := range []string{"orders-new", "orders-record", "orders-suppliers"} {
		e.shell.orders.tabs.SelectIndex(i)
		e.settle()
		e.win.Content().Refresh()
		capture(name, e.win)
	}
	e.shell.Navigate(pageTracking)
	e.win.Content().Refresh()
	capture("tracking-list", e.win)
	e.shell.track.showOrder(shipped)
	e.shell.track.work.Wait()
	e.win.Content().Refresh()
	capture("tracking-detail", e.win)
	if d := e.shell.track.detail; d != nil && d.scroll != nil {
		d.scroll.ScrollToBottom() // the parcel's trace and the timeline
		e.win.Content().Refresh()
		capture("tracking-timeline", e.win)
	}
}

func TestOrdersAndTrackingScreensHaveNoEnglishInRussianAndChinese(t *testing.T) {
	for _, lang := range []string{"ru", "zh"} {
		ordersAndTracking(t, lang, func(name string, w fyne.Window) {
			for _, text := range visibleTexts(w.Content()) {
				text = untranslatedWords.ReplaceAllString(text, "")
				for _, word := range latinWord.FindAllString(text, -1) {
					if !dataWords[word] {
						t.Errorf("%s, %s: %q in %q", lang, name, word, text)
					}
				}
			}
		})
	}
}

// dataWords are Latin words of the demo world's 1688 data (a product's "500ml", a tracking
// number's "YT"), not caigou's text.
var dataWords = map[string]bool{"ml": true, "YT": true}
