package sim

import (
	"fmt"
	"sync"
	"time"
)

// chinaZone is UTC+8 without tzdata, so the simulator counts China days the
// same way on every OS (DESIGN.md §3).
var chinaZone = time.FixedZone("CST", 8*3600)

// chinaDay names the China calendar day of t, the unit of the traffic cap.
func chinaDay(t time.Time) string { return t.In(chinaZone).Format("2006-01-02") }

// aopTime renders 1688's compact date pattern yyyyMMddHHmmssSSSZ, e.g.
// 20180614101942000+0800 (1688.md §1.2). Go's layouts cannot put
// milliseconds right after the seconds without a dot, so they are added by
// hand.
func aopTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(chinaZone)
	return t.Format("20060102150405") + fmt.Sprintf("%03d", t.Nanosecond()/1e6) + t.Format("-0700")
}

// parseAopTime reads the compact pattern; date parameters of
// getBuyerOrderList use it.
func parseAopTime(s string) (time.Time, error) {
	if len(s) != len("20060102150405000+0800") {
		return time.Time{}, fmt.Errorf("date %q is not yyyyMMddHHmmssSSSZ", s)
	}
	return time.Parse("20060102150405.000-0700", s[:14]+"."+s[14:])
}

// traceTime renders the logistics trace pattern yyyy-MM-dd HH:mm:ss
// (1688.md §3.7).
func traceTime(t time.Time) string { return t.In(chinaZone).Format(time.DateTime) }

// ManualClock is a clock tests move by hand; pass its Now as Options.Now.
type ManualClock struct {
	mu sync.Mutex
	t  time.Time
}

// NewManualClock starts a clock at t.
func NewManualClock(t time.Time) *ManualClock { return &ManualClock{t: t} }

// Now returns the clock's time.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// Set moves the clock to t.
func (c *ManualClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}
