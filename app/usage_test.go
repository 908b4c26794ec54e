package app

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app/sim"
	"caigou/i18n"
	"caigou/storage"
)

// recordWebsiteOrder records an order of n lines that the demo buyer made on the website at
// created, as an import would.
func recordWebsiteOrder(t *testing.T, db *storage.DB, keyID int64, aliID string, n int, created time.Time) {
	t.Helper()
	s := storage.OrderSnapshot{AliOrderID: aliID, Status: "waitsellersend", BuyerLoginID: sim.DemoBuyerLogin, Created: created}
	for i := range n {
		s.Lines = append(s.Lines, storage.SnapshotLine{OfferID: strconv.Itoa(600000 + i), Quantity: 1})
	}
	_, err := db.ApplyOrderDetail(context.Background(), keyID, s, time.Hour)
	require.NoError(t, err)
}

func TestMeterLevels(t *testing.T) {
	cases := []struct {
		used, limit int
		want        Level
	}{
		{0, 1000, LevelNormal},
		{799, 1000, LevelNormal},
		{800, 1000, LevelWarning},
		{949, 1000, LevelWarning},
		{950, 1000, LevelCritical},
		{1000, 1000, LevelCritical},
		{1200, 1000, LevelCritical},
		{0, 0, LevelCritical},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, meterLevel(c.used, c.limit), "%d of %d", c.used, c.limit)
	}
}

func TestUsageMetersOfAKey(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	keyID := activateDemoKey(t, a)
	require.NoError(t, a.SetProductLimit(ctx, keyID, 10))
	require.NoError(t, a.SetDailyCallLimit(ctx, keyID, 100))
	recordWebsiteOrder(t, a.db, keyID, "5001", 9, time.Now())
	// 23:59 and 00:01 in China are two China days; the day resets at 16:00 UTC.
	late := time.Date(2026, 3, 9, 23, 59, 0, 0, chinaZone)
	early := late.Add(2 * time.Minute)
	for range 90 {
		require.NoError(t, a.db.CountCall(ctx, sim.DemoAppKey, "2026-03-09", false))
	}
	require.NoError(t, a.db.CountCall(ctx, sim.DemoAppKey, "2026-03-10", true))
	require.NoError(t, a.db.SetKeyValidity(ctx, keyID, "2026-01-01", "2026-03-31"))

	u, err := a.Usage(ctx, keyID, late)
	require.NoError(t, err)
	assert.Equal(t, 9, u.ProductsUsed)
	assert.Equal(t, 1, u.ProductsRemaining())
	assert.Equal(t, LevelWarning, u.ProductsLevel)
	assert.Equal(t, 90, u.CallsToday)
	assert.Equal(t, 100, u.CallLimit)
	assert.Equal(t, 10, u.Reserve, "the gateway client's reserve, 10 %")
	assert.True(t, u.BackgroundStopped())
	assert.False(t, u.CallsFull())
	assert.Equal(t, LevelWarning, u.CallsLevel)
	assert.Equal(t, time.Date(2026, 3, 9, 16, 0, 0, 0, time.UTC), u.ResetsAt)
	assert.Equal(t, time.Date(2026, 3, 31, 16, 0, 0, 0, time.UTC), u.SubscriptionEnds)
	assert.Equal(t, 23, u.DaysLeft, "9 March to 31 March, both included")
	assert.Equal(t, LevelWarning, u.SubscriptionLevel)
	assert.True(t, u.TokenExpires.IsZero(), "%v", u.TokenExpires)

	u, err = a.Usage(ctx, keyID, early)
	require.NoError(t, err)
	assert.Equal(t, 1, u.CallsToday, "a new China day")
	assert.Equal(t, LevelNormal, u.CallsLevel)
	assert.Equal(t, time.Date(2026, 3, 10, 16, 0, 0, 0, time.UTC), u.ResetsAt)
	assert.Equal(t, 22, u.DaysLeft)

	u, err = a.Usage(ctx, keyID, time.Date(2026, 4, 1, 0, 0, 0, 0, chinaZone))
	require.NoError(t, err)
	assert.Equal(t, 0, u.DaysLeft, "ended")
	assert.Equal(t, LevelCritical, u.SubscriptionLevel)

	active, err := a.ActiveUsage(ctx, late)
	require.NoError(t, err)
	assert.Equal(t, keyID, active.Key.ID)
}

func TestSetLimitsRefuseOutOfRange(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	keyID := activateDemoKey(t, a)
	for _, n := range []int{0, -5, MaxLimit + 1} {
		err := a.SetProductLimit(ctx, keyID, n)
		require.ErrorIs(t, err, ErrLimitOutOfRange)
		assert.Equal(t, "Enter a whole number from 1 to 10000000.", ExplainUsageError(err))
		require.ErrorIs(t, a.SetDailyCallLimit(ctx, keyID, n), ErrLimitOutOfRange)
	}
	require.ErrorIs(t, a.SetProductLimit(ctx, 999, 5), storage.ErrNoKey)
	require.NoError(t, a.SetProductLimit(ctx, keyID, 5000))
	k, err := a.Key(ctx, keyID)
	require.NoError(t, err)
	assert.Equal(t, 5000, k.ProductLimit)
	assert.Equal(t, DefaultDailyCallLimit, k.DailyCallLimit)
}

func TestMeterTextsArePluralCorrect(t *testing.T) {
	t.Cleanup(func() { require.NoError(t, i18n.SetLanguage("en")) })
	u := KeyUsage{
		ProductsUsed: 812, ProductLimit: 1000, CallsToday: 4200, CallLimit: 5000,
		SubscriptionEnds: time.Now(), DaysLeft: 23,
	}
	cases := []struct {
		lang               string
		products, calls    string
		days, daysOne, cap string
	}{
		{
			"en", "812 of 1000 products", "4200 of 5000 API calls today", "23 days left", "1 day left",
			"This cart has 14 products; 9 remain on this key. Split the cart, or switch to the next key first.",
		},
		{
			"ru", "812 из 1000 товаров", "4200 из 5000 запросов к API сегодня", "осталось 23 дня", "остался 1 день",
			"В корзине 14 товаров, а на этом ключе осталось 9 товаров. Разделите корзину или сначала переключитесь на следующий ключ.",
		},
		{
			"zh", "已用 812 / 1000 个商品", "今日已调用 API 4200 / 5000 次", "还剩 23 天", "还剩 1 天",
			"购物车中有 14 个商品，此密钥仅剩 9 个商品额度。请拆分购物车，或先切换到下一个密钥。",
		},
	}
	for _, c := range cases {
		require.NoError(t, i18n.SetLanguage(c.lang))
		assert.Equal(t, c.products, u.ProductsText())
		assert.Equal(t, c.calls, u.CallsText())
		assert.Equal(t, c.days, u.DaysLeftText())
		one := u
		one.DaysLeft = 1
		assert.Equal(t, c.daysOne, one.DaysLeftText())
		assert.Equal(t, c.cap, ExplainUsageError(&CartOverCapError{CartProducts: 14, Remaining: 9}))
		assert.NotEmpty(t, ExplainUsageError(ErrProductCap))
	}
	assert.Empty(t, KeyUsage{}.DaysLeftText(), "no end date: nothing to show")
	assert.Empty(t, ExplainUsageError(errors.New("other")))
}
