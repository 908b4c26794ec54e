package screens

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/apptest"
	"caigou/app/open1688"
	"caigou/app/sim"
	"caigou/i18n"
	"caigou/storage"
	"caigou/storage/storagetest"
)

// usageHarness is the Key usage screen in a 1024×700 window, over a fresh database whose active
// key is the simulator's demo key.
type usageHarness struct {
	t        *testing.T
	app      *app.App
	db       *storage.DB
	keyID    int64
	win      fyne.Window
	s        *usageScreen
	nextKeys int // how often "Set up the next key" was pressed
	orders   int
}

func newUsageHarness(t *testing.T, lang string) *usageHarness {
	t.Helper()
	test.NewTempApp(t)
	require.NoError(t, i18n.SetLanguage(lang))
	t.Cleanup(func() { _ = i18n.SetLanguage("en") })
	db := storagetest.OpenTemp(t)
	core := app.New(db, t.TempDir())
	h := &usageHarness{t: t, app: core, db: db, keyID: apptest.ActivateDemoKey(t, core)}
	h.win = test.NewTempWindow(t, nil)
	h.win.Resize(fyne.NewSize(1024, 700))
	return h
}

// open builds the screen and waits for its first read.
func (h *usageHarness) open() {
	h.s = newUsageScreen(h.app, h.win, func() {}, func() { h.nextKeys++ })
	content := h.s.build()
	h.s.work.Wait() // the test driver applies the read on the reading goroutine: before layout
	h.win.SetContent(content)
}

// buy records a website order of n lines of the demo buyer made now, counted on the meter.
func (h *usageHarness) buy(n int) {
	h.t.Helper()
	h.orders++
	o := storage.OrderSnapshot{AliOrderID: strconv.Itoa(880000 + h.orders), Status: "waitsellersend", BuyerLoginID: sim.DemoBuyerLogin, Created: time.Now()}
	for i := range n {
		o.Lines = append(o.Lines, storage.SnapshotLine{OfferID: strconv.Itoa(600000 + i), Quantity: 1})
	}
	_, err := h.db.ApplyOrderDetail(context.Background(), h.keyID, o, time.Hour)
	require.NoError(h.t, err)
}

func (h *usageHarness) setProductLimit(n int) {
	require.NoError(h.t, h.app.SetProductLimit(context.Background(), h.keyID, n))
}

func (h *usageHarness) usage() app.KeyUsage {
	u, err := h.app.Usage(context.Background(), h.keyID, time.Now())
	require.NoError(h.t, err)
	return u
}

func (h *usageHarness) shows(part string) bool {
	for _, s := range visibleTexts(h.win.Content()) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// save types text into an editor and presses its Save, then waits for the read it starts.
func (h *usageHarness) save(e *valueEditor, text string) {
	e.entry.SetText(text)
	test.Tap(e.save)
	h.s.work.Wait()
}

// chinaDayIn is the China day days after today, as the console writes it.
func chinaDayIn(days int) string {
	return time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, days).Format(time.DateOnly)
}

func TestUsageMetersColourByLevel(t *testing.T) {
	variant := theme.VariantLight
	for _, tc := range []struct {
		name        string
		lines       int
		limit       int
		number      string
		colour      fyne.ThemeColorName
		boxAndTitle string
	}{
		{"0 %", 0, app.DefaultProductLimit, "0 of 1000 products", theme.ColorNamePrimary, ""},
		{"85 %", 17, 20, "17 of 20 products", theme.ColorNameWarning, ""},
		{"100 %", 17, 17, "17 of 17 products", theme.ColorNameError, "This key has used all its products"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newUsageHarness(t, "en")
			h.buy(tc.lines)
			h.setProductLimit(tc.limit)
			h.open()
			bar := h.s.products.bar
			assert.Equal(t, theme.Color(tc.colour), bar.Theme().Color(theme.ColorNamePrimary, variant))
			assert.Equal(t, tc.number, h.s.products.number)
			assert.InDelta(t, float64(tc.lines)/float64(tc.limit), bar.Value, 0.001)
			assert.Equal(t, tc.boxAndTitle != "", h.s.capBox.Visible())
			if tc.boxAndTitle != "" {
				assert.True(t, h.shows(tc.boxAndTitle))
			}
			assert.True(t, h.shows(i18n.T(i18n.UsageRule, nil)), "the counting rule is under the meter")
		})
	}
}

func TestUsageLimitsAreEditable(t *testing.T) {
	h := newUsageHarness(t, "en")
	h.buy(3)
	h.open()
	outOfRange := app.ExplainUsageError(app.ErrLimitOutOfRange)

	h.save(h.s.products.edit, "4")
	assert.Equal(t, 4, h.usage().ProductLimit)
	assert.Equal(t, "3 of 4 products", h.s.products.number)
	assert.False(t, h.s.products.edit.problem.Visible())

	for _, bad := range []string{"abc", "0", "-5", "99999999999"} {
		h.save(h.s.products.edit, bad)
		assert.True(t, h.s.products.edit.problem.Visible(), bad)
		assert.Equal(t, outOfRange, h.s.products.edit.problem.Text, bad)
		assert.Equal(t, 4, h.usage().ProductLimit, "a bad value %q changes nothing", bad)
	}

	h.save(h.s.calls.edit, "2000")
	assert.Equal(t, 2000, h.usage().CallLimit)
	assert.Equal(t, "0 of 2000 API calls today", h.s.calls.number)
	assert.Contains(t, h.s.calls.rule.Text, h.usage().ResetsAt.Local().Format("15:04"), "the day's reset in local time")
}

func TestUsageAsksForAMissingEndDate(t *testing.T) {
	h := newUsageHarness(t, "en")
	h.open()
	sub := h.s.subscription
	require.True(t, sub.edit.view.Visible(), "no end date yet: the screen asks for it")
	assert.Equal(t, i18n.T(i18n.UsageEndUnknown, nil), sub.rule.Text)

	h.save(sub.edit, "2027-13-40")
	assert.Equal(t, app.ExplainInputError(app.ErrDayFormat), sub.edit.problem.Text)
	assert.True(t, sub.edit.problem.Visible())

	h.save(sub.edit, chinaDayIn(10))
	assert.Equal(t, "11 days left", sub.number, "today counts")
	assert.False(t, sub.edit.view.Visible())
	assert.Equal(t, app.LevelWarning, h.usage().SubscriptionLevel)
	assert.Equal(t, theme.Color(theme.ColorNameWarning), sub.bar.Theme().Color(theme.ColorNamePrimary, theme.VariantLight))
	assert.False(t, h.s.capBox.Visible(), "11 days: no box yet")
}

func TestUsageBoxLeadsToTheNextKey(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setUp func(h *usageHarness)
		title string
	}{
		{"products full", func(h *usageHarness) { h.buy(2); h.setProductLimit(2) }, "This key has used all its products"},
		{"subscription ending", func(h *usageHarness) {
			require.NoError(t, h.app.SetKeyValidity(context.Background(), h.keyID, "", chinaDayIn(2)))
		}, "The subscription ends soon: 3 days left"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newUsageHarness(t, "en")
			tc.setUp(h)
			h.open()
			require.True(t, h.s.capBox.Visible())
			assert.Equal(t, tc.title, h.s.capTitle.Text)
			test.Tap(findButton(h.win.Content(), "Set up the next key"))
			assert.Equal(t, 1, h.nextKeys)
		})
	}
}

func TestUsageChartShowsTheTappedDay(t *testing.T) {
	h := newUsageHarness(t, "en")
	h.buy(3)
	today := open1688.ChinaDay(time.Now())
	for range 2 {
		require.NoError(t, h.db.CountCall(context.Background(), sim.DemoAppKey, today, false))
	}
	h.open()
	c := h.s.chart
	require.Len(t, c.days, chartDays)
	assert.Equal(t, today+": 3 products, 2 API calls", h.s.dayLine.Text, "today is shown first")

	plot := c.plot(c.Size())
	col := plot.w / chartDays
	c.Tapped(&fyne.PointEvent{Position: fyne.NewPos(plot.x+col/2, plot.y+plot.h/2)})
	assert.Equal(t, c.days[0].Day+": 0 products, 0 API calls", h.s.dayLine.Text)
	assert.Equal(t, 0, c.selected)

	c.Tapped(&fyne.PointEvent{Position: fyne.NewPos(plot.x+col*(chartDays-0.5), plot.y+plot.h/2)})
	assert.Equal(t, today+": 3 products, 2 API calls", h.s.dayLine.Text)
	assert.Equal(t, chartDays-1, c.selected)

	c.Tapped(&fyne.PointEvent{Position: fyne.NewPos(1, 1)}) // on the scale: no day
	assert.Equal(t, chartDays-1, c.selected)
}

func TestUsageKeyChoice(t *testing.T) {
	h := newUsageHarness(t, "en")
	ctx := context.Background()
	other, err := h.app.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, h.app.SaveKeyCredentials(ctx, other, "1234567", sim.DemoAppSecret))
	require.NoError(t, h.app.SetProductLimit(ctx, other, 50))
	h.open()
	assert.Equal(t, []string{sim.DemoAppKey + ": active", "1234567: retired"}, h.s.keys.Options)
	assert.Equal(t, sim.DemoAppKey+": active", h.s.keys.Selected)

	// As the Select does on a choice; SetSelected would go on refreshing the Select while the
	// test driver applies the read on the reading goroutine.
	h.s.onKeyChosen("1234567: retired")
	h.s.work.Wait()
	assert.Equal(t, "1234567: retired", h.s.keys.Selected)
	assert.Equal(t, other, h.s.keyID)
	assert.Equal(t, "0 of 50 products", h.s.products.number)
	assert.False(t, h.s.capBox.Visible())
}

func TestUsageRussianPlurals(t *testing.T) {
	h := newUsageHarness(t, "ru")
	h.buy(17)
	h.setProductLimit(21)
	require.NoError(t, h.app.SetKeyValidity(context.Background(), h.keyID, "", chinaDayIn(20)))
	h.open()
	assert.Equal(t, "17 из 21 товара", h.s.products.number)
	assert.Equal(t, "Остался 21 день", h.s.subscription.number)
	assert.Equal(t, "0 из 5000 запросов к API сегодня", h.s.calls.number)
}

func TestUsageWithoutActiveKeyShowsTheLimits(t *testing.T) {
	test.NewTempApp(t)
	require.NoError(t, i18n.SetLanguage("en"))
	core := app.New(storagetest.OpenTemp(t), t.TempDir())
	w := test.NewTempWindow(t, nil)
	s := newUsageScreen(core, w, func() {}, func() {})
	w.SetContent(s.build())
	require.NotNil(t, s.startSetup)
	assert.Nil(t, s.products)
}

func TestUsageTokenMeterShowsTimeLeftAndRenewal(t *testing.T) {
	for _, tc := range []struct {
		left time.Duration
		text string
	}{
		{3*24*time.Hour - time.Minute, "Expires in 3 days"},
		{30 * time.Hour, "Expires in 30 hours"},
		{10 * time.Minute, "Expires in 1 hour"},
		{-time.Hour, "Expired"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			h := newUsageHarness(t, "en")
			_, err := h.db.SQL().ExecContext(context.Background(), "UPDATE accounts SET token_expires_at = ?",
				time.Now().Add(tc.left).UnixMilli())
			require.NoError(t, err)
			h.open()
			require.True(t, h.s.token.view.Visible())
			assert.Equal(t, tc.text, h.s.token.number)
			assert.Contains(t, h.s.token.rule.Text, "已授权token")
		})
	}
	h := newUsageHarness(t, "en")
	h.open()
	assert.False(t, h.s.token.view.Visible(), "no known expiry, no token meter")
}
