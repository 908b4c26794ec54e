package open1688

import (
	"context"
	"sync"
)

// DefaultDailyLimit is the gateway's daily traffic cap of a new app, 应用流量 0/5000 (单位:次/天)
// in the console (1688.md §9). A key whose cap was raised through 申请流量 sets its own.
const DefaultDailyLimit = 5000

// CallCounter keeps how many gateway calls each AppKey made on each China day (see ChinaDay).
// The storage package implements it on the api_calls table. It must be safe for concurrent use.
type CallCounter interface {
	// CountCall records one HTTP request to the gateway; failed says it ended in an error.
	CountCall(ctx context.Context, appKey, chinaDay string, failed bool) error
	// CallsOn is the number of requests counted for appKey on chinaDay, failed ones included.
	CallsOn(ctx context.Context, appKey, chinaDay string) (int, error)
}

// Budget keeps the client inside the key's daily call limit, with a reserve that only the
// user's own actions may spend, so background syncs can never lock the user out of ordering.
//
// Calls are user-initiated unless their context comes from Background. A background call is
// refused once today's calls reach DailyLimit-Reserve; a user call once they reach DailyLimit.
type Budget struct {
	// DailyLimit is the key's calls per China day; 0 means DefaultDailyLimit.
	DailyLimit int
	// Reserve is the part of DailyLimit kept for user calls; 0 means 10 % of DailyLimit, and a
	// negative value means no reserve.
	Reserve int
}

// limit is how many calls a day a call of this kind may find already made and still go out.
func (b Budget) limit(background bool) int {
	daily := b.DailyLimit
	if daily <= 0 {
		daily = DefaultDailyLimit
	}
	if !background {
		return daily
	}
	return max(daily-b.ReserveCalls(), 0)
}

// ReserveCalls is how many of the daily calls are kept for the user's own actions.
func (b Budget) ReserveCalls() int {
	switch {
	case b.Reserve == 0 && b.DailyLimit <= 0:
		return DefaultDailyLimit / 10
	case b.Reserve == 0:
		return b.DailyLimit / 10
	case b.Reserve < 0:
		return 0
	}
	return b.Reserve
}

type backgroundKey struct{}

// Background marks the calls made with the returned context as background work (syncs,
// catch-up), which may not spend the reserve of the daily budget.
func Background(ctx context.Context) context.Context {
	return context.WithValue(ctx, backgroundKey{}, true)
}

// IsBackground reports whether ctx was marked by Background.
func IsBackground(ctx context.Context) bool {
	bg, _ := ctx.Value(backgroundKey{}).(bool)
	return bg
}

// memoryCounter counts in memory, for a Client given no CallCounter: the count then lasts as
// long as the Client.
type memoryCounter struct {
	mu    sync.Mutex
	calls map[[2]string]int
}

func (m *memoryCounter) CountCall(_ context.Context, appKey, chinaDay string, _ bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.calls == nil {
		m.calls = map[[2]string]int{}
	}
	m.calls[[2]string{appKey, chinaDay}]++
	return nil
}

func (m *memoryCounter) CallsOn(_ context.Context, appKey, chinaDay string) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.calls[[2]string{appKey, chinaDay}], nil
}
