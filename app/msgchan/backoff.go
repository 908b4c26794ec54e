package msgchan

import (
	"math/rand/v2"
	"time"
)

// delay returns the wait before reconnect attempt n (0 for the first after a failure): a
// random time in [d/2, d] where d = Min·2ⁿ capped at Max. Half is kept fixed so a reconnect
// storm still spreads out, yet never comes back sooner than half the step.
func (b Backoff) delay(n int) time.Duration {
	d := b.Min
	for i := 0; i < n && d < b.Max; i++ {
		d *= 2
	}
	d = min(d, b.Max)
	half := d / 2
	return half + rand.N(d-half+1)
}
