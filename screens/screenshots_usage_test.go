package screens

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/require"

	"caigou/app/sim"
	"caigou/i18n"
)

// usageScreens renders the Key usage screen at 0 %, 85 % and 100 % of the products, and the
// 30-day chart with a day chosen, in lang, for capture as usage-<level>.
func usageScreens(t *testing.T, lang string, capture func(name string, w fyne.Window)) {
	for _, level := range []struct {
		name         string
		lines, limit int
	}{
		{"usage-0", 0, 1000},
		{"usage-85", 17, 20},
		{"usage-100", 20, 20},
	} {
		h := newUsageHarness(t, lang)
		fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
		h.buy(level.lines)
		h.setProductLimit(level.limit)
		for day := 1; day <= 12; day++ { // calls on the days before, for the chart
			for call := range 40 * day {
				require.NoError(t, h.db.CountCall(context.Background(), sim.DemoAppKey, chinaDayAgo(day), call%9 == 0))
			}
		}
		h.open()
		h.win.Content().Refresh()
		capture(level.name, h.win)
		if level.name == "usage-85" {
			walk(h.win.Content(), func(o fyne.CanvasObject) {
				if sc, ok := o.(*container.Scroll); ok {
					sc.ScrollToBottom()
				}
			})
			c := h.s.chart
			c.Tapped(&fyne.PointEvent{Position: fyne.NewPos(c.Size().Width*0.6, c.Size().Height/2)})
			h.win.Content().Refresh()
			capture("usage-chart", h.win)
		}
	}
}

// bannerScreen shows the window with an 80 % alert's banner at the top and the key's compact
// meters in the status line, over the Tracking list, for capture as usage-banner.
func bannerScreen(t *testing.T, lang string, capture func(name string, w fyne.Window)) {
	h := newTrackingHarness(t, 0)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	require.NoError(t, i18n.SetLanguage(lang)) // a banner keeps the language it came in
	h.shell.Rebuild()
	ctx := context.Background()
	h.record()
	require.NoError(t, h.app.SetProductLimit(ctx, activeKeyID(t, h.app), 10))
	h.startTracking()
	useProducts(t, h.app, h.db, "9200", 8)
	h.shell.usageChanged()
	h.shell.status.settle()
	h.open()
	h.shell.status.settle()
	h.win.Content().Refresh()
	capture("usage-banner", h.win)
	h.shell.stopTracking()
	h.shell.trackingStarts.Wait()
}

func chinaDayAgo(days int) string {
	return time.Now().In(time.FixedZone("UTC+8", 8*3600)).AddDate(0, 0, -days).Format(time.DateOnly)
}
