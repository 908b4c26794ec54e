package screens

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/open1688"
	"caigou/app/sim"
	"caigou/i18n"
	"caigou/storage"
)

// startTracking starts the shell's tracking and waits for the status line's first reading.
func (h *trackingHarness) startTracking() {
	h.shell.StartTracking()
	h.shell.trackingStarts.Wait()
	require.NotNil(h.t, h.shell.currentTracking())
	h.shell.status.settle()
}

// useProducts records a website order of n lines of the active key's buyer, made after the
// key's start, so that they count on its product meter.
func useProducts(t testing.TB, a *app.App, db *storage.DB, aliID string, n int) {
	t.Helper()
	ak, err := a.ActiveKey(context.Background())
	require.NoError(t, err)
	s := storage.OrderSnapshot{AliOrderID: aliID, Status: "waitsellersend", BuyerLoginID: sim.DemoBuyerLogin, Created: ak.Key.CreatedAt.Add(time.Second)}
	for i := range n {
		s.Lines = append(s.Lines, storage.SnapshotLine{OfferID: strconv.Itoa(700000 + i), Quantity: 1})
	}
	_, err = db.ApplyOrderDetail(context.Background(), ak.Key.ID, s, time.Hour)
	require.NoError(t, err)
}

// shown is what the status line shows, read under its lock: with Fyne's test driver the channel
// state is shown on the follower's goroutine.
func (l *statusLine) shown() (calls, meters string, meterLevel widget.Importance, hidden bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.calls.Text, l.meters.Text, l.meters.Importance, l.bar.Hidden
}

// bannerShows reports whether a usage banner in w's content shows text.
func bannerShows(w fyne.Window, text string) bool {
	found := false
	walk(w.Content(), func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RichText); ok && strings.Contains(r.String(), text) {
			found = true
		}
	})
	return found
}

func activeKeyID(t testing.TB, a *app.App) int64 {
	t.Helper()
	ak, err := a.ActiveKey(context.Background())
	require.NoError(t, err)
	return ak.Key.ID
}

func TestStatusLineShowsTheKeysMetersColouredByLevel(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ctx := context.Background()
	keyID := activeKeyID(t, h.app)
	require.NoError(t, h.app.SetProductLimit(ctx, keyID, 10))
	useProducts(t, h.app, h.db, "9100", 3)
	h.startTracking()
	l := h.shell.status
	_, meters, level, hidden := l.shown()
	assert.False(t, hidden)
	assert.Contains(t, meters, "Products 3/10")
	assert.Equal(t, widget.MediumImportance, level)

	useProducts(t, h.app, h.db, "9101", 5) // 8 of 10: warning
	l.kick()
	l.settle()
	_, meters, level, _ = l.shown()
	assert.Contains(t, meters, "Products 8/10")
	assert.Equal(t, widget.WarningImportance, level)
	require.NoError(t, h.app.SetProductLimit(ctx, keyID, 8)) // full: critical
	l.kick()
	l.settle()
	_, meters, level, _ = l.shown()
	assert.Contains(t, meters, "Products 8/8")
	assert.Equal(t, widget.DangerImportance, level)

	// All but the reserve of today's calls made: background work waits for the reset.
	require.NoError(t, h.app.SetDailyCallLimit(ctx, keyID, 100))
	u, err := h.app.ActiveUsage(ctx, time.Now())
	require.NoError(t, err)
	for range 100 - u.Reserve - u.CallsToday {
		require.NoError(t, h.db.CountCall(ctx, sim.DemoAppKey, open1688.ChinaDay(time.Now()), false))
	}
	l.kick()
	l.settle()
	reset := open1688.NextChinaDay(time.Now()).Local().Format("15:04")
	calls, _, _, _ := l.shown()
	assert.Equal(t, i18n.T(i18n.StatusBackgroundPaused, map[string]any{"Time": reset}), calls)
	assert.Contains(t, calls, "your own actions still work")

	h.shell.Close()
	_, _, _, hidden = l.shown()
	assert.True(t, hidden, "no key tracked, no status line")
}

func TestUsageAlertNotifiesOnceAndItsBannerLeadsToTheNextKey(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ctx := context.Background()
	keyID := activeKeyID(t, h.app)
	require.NoError(t, h.app.SetProductLimit(ctx, keyID, 10))
	h.startTracking()
	require.Empty(t, h.shell.banners)

	useProducts(t, h.app, h.db, "9200", 8)
	title := i18n.T(i18n.UsageAlertProductsTitle, map[string]any{"Key": sim.DemoAppKey, "Percent": 80})
	test.AssertNotificationSent(t, &fyne.Notification{
		Title:   title,
		Content: i18n.T(i18n.UsageAlertProductsBody, map[string]any{"Meter": "8 of 10 products"}),
	}, func() {
		h.shell.usageChanged() // as after an order is placed
		h.shell.status.settle()
	})
	require.Len(t, h.shell.banners, 1, "one crossing, one banner")
	assert.True(t, bannerShows(h.win, title))

	test.AssertNotificationSent(t, nil, func() {
		h.shell.status.kick()
		h.shell.status.settle()
	})
	assert.Len(t, h.shell.banners, 1, "a second check announces nothing")

	require.NoError(t, i18n.SetLanguage("ru"))
	h.shell.Rebuild() // a language switch keeps the banner, in the new language
	assert.True(t, bannerShows(h.win, i18n.T(i18n.UsageAlertProductsTitle, map[string]any{"Key": sim.DemoAppKey, "Percent": 80})))
	assert.False(t, bannerShows(h.win, title), "no English is left on the Russian screen")
	require.NoError(t, i18n.SetLanguage("en"))
	h.shell.Rebuild()
	assert.True(t, bannerShows(h.win, title))
	h.tap(i18n.T(i18n.UsageSetUpNextKey, nil))
	assert.Equal(t, pageSetup, h.shell.current)
	assert.Equal(t, app.StepBefore, app.WizardSteps[h.shell.setup.step].ID)
	assert.Zero(t, h.shell.setup.keyID, "the next key is created when the user starts")

	h.tap(i18n.T(i18n.DialogClose, nil))
	assert.Empty(t, h.shell.banners)
	assert.False(t, bannerShows(h.win, title))
}
