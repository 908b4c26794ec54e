package open1688

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestChinaDay(t *testing.T) {
	moscow := time.FixedZone("MSK", 3*3600)
	tests := []struct {
		name string
		at   time.Time
		want string
	}{
		{"just before 16:00 UTC", time.Date(2026, 3, 9, 15, 59, 59, 999_999_999, time.UTC), "2026-03-09"},
		{"at 16:00 UTC the China day turns", time.Date(2026, 3, 9, 16, 0, 0, 0, time.UTC), "2026-03-10"},
		{"UTC midnight is 08:00 in China", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), "2026-03-10"},
		{"the zone of t does not matter", time.Date(2026, 3, 9, 19, 0, 0, 0, moscow), "2026-03-10"},
		{"year end", time.Date(2025, 12, 31, 16, 0, 0, 0, time.UTC), "2026-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ChinaDay(tt.at))
		})
	}
}

func TestNextChinaDay(t *testing.T) {
	tests := []struct {
		at, want time.Time
	}{
		{time.Date(2026, 3, 9, 15, 59, 0, 0, time.UTC), time.Date(2026, 3, 9, 16, 0, 0, 0, time.UTC)},
		{time.Date(2026, 3, 9, 16, 0, 0, 0, time.UTC), time.Date(2026, 3, 10, 16, 0, 0, 0, time.UTC)},
		{time.Date(2026, 2, 28, 20, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 16, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got := NextChinaDay(tt.at)
		assert.True(t, tt.want.Equal(got), "after %v: got %v, want %v", tt.at, got.UTC(), tt.want)
		assert.NotEqual(t, ChinaDay(tt.at), ChinaDay(got))
		assert.Equal(t, ChinaDay(tt.at), ChinaDay(got.Add(-time.Nanosecond)))
	}
}
