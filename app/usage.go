package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caigou/app/open1688"
	"caigou/i18n"
	"caigou/storage"
)

// Level is how close a meter is to its end; screens colour it.
type Level int

// The levels of a meter (DESIGN §1): warnings come at 80 % and 95 %.
const (
	LevelNormal   Level = iota // below 80 %
	LevelWarning               // 80 % or more
	LevelCritical              // 95 % or more
)

// Days before the subscription's end at which its meter turns warning and critical, and its
// alerts come.
const (
	subscriptionWarnDays     = 30
	subscriptionCriticalDays = 7
)

// Bounds of an editable limit.
const (
	MinLimit = 1
	MaxLimit = 10_000_000
)

// ErrLimitOutOfRange is returned by SetProductLimit and SetDailyCallLimit for a limit outside
// MinLimit…MaxLimit; ExplainUsageError says so.
var ErrLimitOutOfRange = errors.New("the limit is out of range")

// chinaZone is UTC+8, the zone of the subscription's dates.
var chinaZone = time.FixedZone("CST", 8*3600)

// KeyUsage is where a key stands: its products, today's calls, its subscription and its token.
type KeyUsage struct {
	Key storage.Key

	ProductsUsed  int // order lines counted on the meter (DESIGN §1), and those used before caigou
	ProductLimit  int
	ProductsLevel Level

	CallsToday int       // gateway calls on today's China day, failed ones included
	CallLimit  int       // per China day
	Reserve    int       // of CallLimit, kept for the user's own actions
	CallsLevel Level     //
	ResetsAt   time.Time // the next midnight in China, in UTC: when CallsToday starts again

	SubscriptionEnds  time.Time // the end of the valid_until day in China, UTC; zero when unknown
	DaysLeft          int       // China days left, today included; 0 once it ended or when unknown
	SubscriptionLevel Level

	TokenExpires time.Time // zero when the token has no known expiry
	TokenLevel   Level
}

// ProductsRemaining is how many more products the key may be used for.
func (u KeyUsage) ProductsRemaining() int { return max(u.ProductLimit-u.ProductsUsed, 0) }

// ProductsFull reports whether the key takes no new orders.
func (u KeyUsage) ProductsFull() bool { return u.ProductsUsed >= u.ProductLimit }

// CallsFull reports whether today's calls are all spent: user actions wait for ResetsAt too.
func (u KeyUsage) CallsFull() bool { return u.CallsToday >= u.CallLimit }

// BackgroundStopped reports whether background work waits for ResetsAt: only the reserve is left.
func (u KeyUsage) BackgroundStopped() bool { return u.CallsToday >= u.CallLimit-u.Reserve }

// ProductsText is the product meter in words: "812 из 1000 товаров".
func (u KeyUsage) ProductsText() string {
	return i18n.N(i18n.UsageProductsMeter, u.ProductLimit, map[string]any{"Used": u.ProductsUsed})
}

// CallsText is the call meter in words: "4 200 of 5 000 calls today".
func (u KeyUsage) CallsText() string {
	return i18n.N(i18n.UsageCallsMeter, u.CallLimit, map[string]any{"Used": u.CallsToday})
}

// DaysLeftText is the subscription meter in words: "还剩 23 天"; "" when the end is unknown.
func (u KeyUsage) DaysLeftText() string {
	if u.SubscriptionEnds.IsZero() {
		return ""
	}
	return i18n.N(i18n.UsageDaysLeft, u.DaysLeft, nil)
}

// Usage is where key keyID stands at now.
func (a *App) Usage(ctx context.Context, keyID int64, now time.Time) (KeyUsage, error) {
	k, err := a.Key(ctx, keyID)
	if err != nil {
		return KeyUsage{}, err
	}
	return a.usageOf(ctx, k, now)
}

// usageOf is Usage of key k, already read.
func (a *App) usageOf(ctx context.Context, k storage.Key, now time.Time) (KeyUsage, error) {
	keyID := k.ID
	var err error
	u := KeyUsage{
		Key: k, ProductLimit: k.ProductLimit, CallLimit: k.DailyCallLimit,
		Reserve:  open1688.Budget{DailyLimit: k.DailyCallLimit}.ReserveCalls(),
		ResetsAt: open1688.NextChinaDay(now).UTC(),
	}
	if u.ProductsUsed, err = a.db.ProductsUsed(ctx, keyID); err != nil {
		return KeyUsage{}, err
	}
	if k.AppKey != "" {
		if u.CallsToday, err = a.db.CallsOn(ctx, k.AppKey, open1688.ChinaDay(now)); err != nil {
			return KeyUsage{}, err
		}
	}
	if u.TokenExpires, err = a.db.TokenExpiry(ctx, keyID); err != nil {
		return KeyUsage{}, err
	}
	u.ProductsLevel = meterLevel(u.ProductsUsed, u.ProductLimit)
	u.CallsLevel = meterLevel(u.CallsToday, u.CallLimit)
	u.SubscriptionEnds, u.DaysLeft = subscriptionEnd(k.ValidUntil, now)
	if !u.SubscriptionEnds.IsZero() {
		u.SubscriptionLevel = daysLevel(u.DaysLeft)
	}
	if !u.TokenExpires.IsZero() {
		u.TokenLevel = tokenLevel(u.TokenExpires.Sub(now))
	}
	return u, nil
}

// ActiveUsage is Usage of the active key: the status area's meters. ErrNoActiveKey when none.
func (a *App) ActiveUsage(ctx context.Context, now time.Time) (KeyUsage, error) {
	ak, err := a.ActiveKey(ctx)
	if err != nil {
		return KeyUsage{}, err
	}
	return a.usageOf(ctx, ak.Key, now)
}

// DailyUsage is key keyID's products and calls on each of the last days China days, oldest
// first, today last: the usage screen's chart.
func (a *App) DailyUsage(ctx context.Context, keyID int64, days int, now time.Time) ([]storage.DayUsage, error) {
	return a.db.DailyUsage(ctx, keyID, days, now)
}

// SetProductLimit changes how many products key keyID may be used for: the platform has
// changed it before. ErrLimitOutOfRange outside MinLimit…MaxLimit.
func (a *App) SetProductLimit(ctx context.Context, keyID int64, n int) error {
	if n < MinLimit || n > MaxLimit {
		return fmt.Errorf("product limit %d: %w", n, ErrLimitOutOfRange)
	}
	return a.db.SetKeyProductLimit(ctx, keyID, n)
}

// SetDailyCallLimit changes how many gateway calls key keyID may make per China day; the next
// client of the key keeps to it. ErrLimitOutOfRange outside MinLimit…MaxLimit.
func (a *App) SetDailyCallLimit(ctx context.Context, keyID int64, n int) error {
	if n < MinLimit || n > MaxLimit {
		return fmt.Errorf("daily call limit %d: %w", n, ErrLimitOutOfRange)
	}
	return a.db.SetKeyDailyCallLimit(ctx, keyID, n)
}

// meterLevel is the level of used out of limit; a limit of 0 or less is always critical.
func meterLevel(used, limit int) Level {
	switch {
	case limit <= 0 || used*100 >= limit*95:
		return LevelCritical
	case used*100 >= limit*80:
		return LevelWarning
	}
	return LevelNormal
}

func daysLevel(daysLeft int) Level {
	switch {
	case daysLeft <= subscriptionCriticalDays:
		return LevelCritical
	case daysLeft <= subscriptionWarnDays:
		return LevelWarning
	}
	return LevelNormal
}

func tokenLevel(left time.Duration) Level {
	switch {
	case left <= 24*time.Hour:
		return LevelCritical
	case left <= 7*24*time.Hour:
		return LevelWarning
	}
	return LevelNormal
}

// subscriptionEnd is when a subscription valid until the China day until ends (the midnight
// after it, UTC) and the China days left at now, today included; zero and 0 when until is not a
// day.
func subscriptionEnd(until string, now time.Time) (time.Time, int) {
	last, err := time.ParseInLocation(time.DateOnly, until, chinaZone)
	if err != nil {
		return time.Time{}, 0
	}
	end := last.AddDate(0, 0, 1)
	y, m, d := now.In(chinaZone).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, chinaZone)
	// Calendar days in a fixed zone are exactly 24 hours apart.
	days := int(end.Sub(today) / (24 * time.Hour))
	return end.UTC(), max(days, 0)
}
