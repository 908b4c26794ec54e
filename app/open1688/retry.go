package open1688

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// RetryPolicy says how often and how patiently a call that may be retried is tried again.
// Only rate limits, HTTP 5xx and network failures are retried (1688.md §4.3), and never a call
// that could do something twice, such as placing an order.
type RetryPolicy struct {
	// Attempts is the number of tries, the first included; 0 means 3, and 1 means no retry.
	Attempts int
	// BaseDelay is the wait before the first retry, doubled for each further one; 0 means 500 ms.
	BaseDelay time.Duration
	// MaxDelay caps the wait; 0 means 10 s.
	MaxDelay time.Duration
}

func (p RetryPolicy) attempts() int {
	if p.Attempts <= 0 {
		return 3
	}
	return p.Attempts
}

// delay is the wait before retry number n (0 for the first retry): the doubled base delay, of
// which a random half is taken off, so clients that failed together do not retry together.
func (p RetryPolicy) delay(n int) time.Duration {
	base, ceiling := p.BaseDelay, p.MaxDelay
	if base <= 0 {
		base = 500 * time.Millisecond
	}
	if ceiling <= 0 {
		ceiling = 10 * time.Second
	}
	d := base
	for range n {
		if d >= ceiling/2 {
			d = ceiling
			break
		}
		d *= 2
	}
	d = min(d, ceiling)
	half := d / 2
	return d - half + rand.N(half+1)
}

// retryable reports whether err may go away on its own.
func retryable(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Kind {
	case KindRateLimit, KindNetwork:
		return true
	}
	return e.Status >= 500
}

// wait sleeps for d, or less when ctx ends first, then reports ctx's error.
func wait(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
