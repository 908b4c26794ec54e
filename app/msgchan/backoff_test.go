package msgchan

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestBackoffDelayDoublesWithJitterAndCaps(t *testing.T) {
	b := Backoff{Min: time.Second, Max: time.Minute}
	steps := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second, time.Minute, time.Minute}
	for n, step := range steps {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := b.delay(n)
			assert.GreaterOrEqual(t, d, step/2, "attempt %d", n)
			assert.LessOrEqual(t, d, step, "attempt %d", n)
			seen[d] = true
		}
		assert.Greater(t, len(seen), 1, "attempt %d has no jitter", n)
	}
	// A long outage must neither overflow nor pass the cap.
	assert.LessOrEqual(t, b.delay(10_000), time.Minute)
	assert.GreaterOrEqual(t, b.delay(10_000), 30*time.Second)
}
