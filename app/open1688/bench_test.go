package open1688

import (
	"context"
	"testing"

	"caigou/app/sim"
)

// BenchmarkOrderDetailRoundTrip is one OrderDetail over loopback against the simulator: signing,
// the form POST, the simulator's own checks and rendering, and the exact parse.
func BenchmarkOrderDetailRoundTrip(b *testing.B) {
	s := startSim(b, sim.Options{DailyCap: 1 << 30})
	c := simClient(b, s, func(cfg *Config) { cfg.Budget = Budget{DailyLimit: 1 << 30} })
	id := idOf(s.Orders()[0])
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.OrderDetail(ctx, OrderDetailRequest{OrderID: id}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseOrderDetail is the parse alone, to show what the round trip spends on it.
func BenchmarkParseOrderDetail(b *testing.B) {
	body := []byte(fixtureOrderDetail)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseOrderDetail(body); err != nil {
			b.Fatal(err)
		}
	}
}
