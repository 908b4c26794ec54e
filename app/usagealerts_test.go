package app

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app/sim"
	"caigou/i18n"
	"caigou/storage"
)

// reopenableApp is an App over a database in dir that the test can close and open again, as a
// restart does.
type reopenableApp struct {
	t   *testing.T
	dir string
	db  *storage.DB
	*App
}

func newReopenableApp(t *testing.T) *reopenableApp {
	t.Helper()
	r := &reopenableApp{t: t, dir: t.TempDir()}
	r.open()
	t.Cleanup(func() { _ = r.db.Close() })
	return r
}

func (r *reopenableApp) open() {
	db, err := storage.Open(r.dir)
	require.NoError(r.t, err)
	r.db, r.App = db, New(db, r.dir)
}

// restart closes the database and opens it again from the same folder.
func (r *reopenableApp) restart() {
	require.NoError(r.t, r.db.Close())
	r.open()
}

// alertKinds is the kinds UsageAlerts announces at now.
func (r *reopenableApp) alertKinds(keyID int64, now time.Time) []AlertKind {
	r.t.Helper()
	alerts, err := r.UsageAlerts(context.Background(), keyID, now)
	require.NoError(r.t, err)
	var kinds []AlertKind
	for _, a := range alerts {
		title, body := a.Texts()
		assert.NotEmpty(r.t, title)
		assert.NotEmpty(r.t, body)
		assert.Equal(r.t, keyID, a.Key.ID)
		kinds = append(kinds, a.Kind)
	}
	return kinds
}

func TestProductAlertsComeOnceAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	r := newReopenableApp(t)
	keyID := activateDemoKey(t, r.App)
	require.NoError(t, r.SetProductLimit(ctx, keyID, 10))
	now := time.Now()

	recordWebsiteOrder(t, r.db, keyID, "6001", 7, now)
	assert.Empty(t, r.alertKinds(keyID, now), "70 %")
	recordWebsiteOrder(t, r.db, keyID, "6002", 1, now)
	assert.Equal(t, []AlertKind{AlertProducts80}, r.alertKinds(keyID, now))
	assert.Empty(t, r.alertKinds(keyID, now), "announced already")
	r.restart()
	assert.Empty(t, r.alertKinds(keyID, now), "a restart does not repeat it")

	recordWebsiteOrder(t, r.db, keyID, "6002", 1, now) // the same order again: still 80 %
	assert.Empty(t, r.alertKinds(keyID, now))
	recordWebsiteOrder(t, r.db, keyID, "6003", 2, now)
	assert.Equal(t, []AlertKind{AlertProducts95}, r.alertKinds(keyID, now), "100 %")
	r.restart()
	assert.Empty(t, r.alertKinds(keyID, now))

	// A raised limit can be crossed anew.
	require.NoError(t, r.SetProductLimit(ctx, keyID, 20))
	assert.Empty(t, r.alertKinds(keyID, now), "50 %")
	recordWebsiteOrder(t, r.db, keyID, "6004", 9, now)
	assert.Equal(t, []AlertKind{AlertProducts95}, r.alertKinds(keyID, now), "95 % at once: the higher one only")
	assert.Empty(t, r.alertKinds(keyID, now))
}

func TestCallAlertComesOncePerChinaDay(t *testing.T) {
	ctx := context.Background()
	r := newReopenableApp(t)
	keyID := activateDemoKey(t, r.App)
	require.NoError(t, r.SetDailyCallLimit(ctx, keyID, 10))
	day1 := time.Date(2026, 3, 9, 23, 58, 0, 0, chinaZone)
	day2 := day1.Add(3 * time.Minute) // 00:01 the next China day
	count := func(day string, n int) {
		for range n {
			require.NoError(t, r.db.CountCall(ctx, sim.DemoAppKey, day, false))
		}
	}
	count("2026-03-09", 7)
	assert.Empty(t, r.alertKinds(keyID, day1))
	count("2026-03-09", 1)
	assert.Equal(t, []AlertKind{AlertCalls80}, r.alertKinds(keyID, day1))
	r.restart()
	count("2026-03-09", 2)
	assert.Empty(t, r.alertKinds(keyID, day1), "once a day, even at 100 %")
	assert.Empty(t, r.alertKinds(keyID, day2), "a new day starts at zero")
	count("2026-03-10", 9)
	assert.Equal(t, []AlertKind{AlertCalls80}, r.alertKinds(keyID, day2), "tomorrow's crossing is a new one")
	r.restart()
	assert.Empty(t, r.alertKinds(keyID, day2))
}

func TestSubscriptionAlertsAt30And7Days(t *testing.T) {
	ctx := context.Background()
	t.Cleanup(func() { require.NoError(t, i18n.SetLanguage("en")) })
	r := newReopenableApp(t)
	keyID := activateDemoKey(t, r.App)
	require.NoError(t, r.SetKeyValidity(ctx, keyID, "2025-04-30", "2026-04-30"))
	at := func(day int) time.Time { return time.Date(2026, 4, day, 12, 0, 0, 0, chinaZone) }

	assert.Empty(t, r.alertKinds(keyID, time.Date(2026, 3, 31, 12, 0, 0, 0, chinaZone)), "31 days left")
	assert.Equal(t, []AlertKind{AlertDays30}, r.alertKinds(keyID, at(1)), "1 to 30 April: 30 days left")
	assert.Empty(t, r.alertKinds(keyID, at(2)))
	r.restart()
	assert.Empty(t, r.alertKinds(keyID, at(3)))
	require.NoError(t, i18n.SetLanguage("zh"))
	alerts, err := r.UsageAlerts(ctx, keyID, at(24))
	require.NoError(t, err)
	require.Len(t, alerts, 1)
	assert.Equal(t, AlertDays7, alerts[0].Kind)
	_, body := alerts[0].Texts()
	assert.Contains(t, body, "还剩 7 天")
	assert.Contains(t, body, "2026-04-30")
	r.restart()
	assert.Empty(t, r.alertKinds(keyID, at(25)))

	// A renewed subscription warns again before its new end.
	require.NoError(t, r.SetKeyValidity(ctx, keyID, "2026-05-01", "2027-04-30"))
	assert.Empty(t, r.alertKinds(keyID, at(26)))
	assert.Equal(t, []AlertKind{AlertDays7},
		r.alertKinds(keyID, time.Date(2027, 4, 25, 12, 0, 0, 0, chinaZone)), "6 days left: the 7-day one only")
}
