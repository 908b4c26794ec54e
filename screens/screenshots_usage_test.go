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

func chinaDayAgo(days int) string {
	return time.Now().In(time.FixedZone("UTC+8", 8*3600)).AddDate(0, 0, -days).Format(time.DateOnly)
}
