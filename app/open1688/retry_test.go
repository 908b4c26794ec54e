package open1688

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failFirst answers the first n requests with status and body, then succeeds.
func failFirst(n int32, status int, body string) func(g *gateway) http.HandlerFunc {
	return func(g *gateway) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			if g.hits.Load() <= n {
				answer(w, status, body)
				return
			}
			answer(w, 200, `{"success":true}`)
		}
	}
}

func TestRetry(t *testing.T) {
	tests := []struct {
		name     string
		spec     apiSpec
		handler  func(g *gateway) http.HandlerFunc
		wantHits int32
		wantKind Kind // KindUnknown: success
		wantErr  bool
	}{
		{"503 then 200 is retried", buyerViewSpec, failFirst(1, 503, `{"error_code":"gw.ServiceUnavailable"}`), 2, 0, false},
		{"a rate limit is retried", buyerViewSpec, failFirst(2, 400, `{"error_code":"gw.QosRequestLimit"}`), 3, 0, false},
		{"a wrong signature is not", buyerViewSpec, failFirst(1, 400, `{"error_code":"gw.SignatureInvalid"}`), 1, KindSignature, true},
		{"a token error is not", buyerViewSpec, failFirst(1, 401, `{"error_code":"401"}`), 1, KindAuth, true},
		{"a business error is not", buyerViewSpec, failFirst(1, 200, `{"success":false,"errorCode":"x"}`), 1, KindBusiness, true},
		{"gw.NoUsageLeftError is not", buyerViewSpec, failFirst(1, 400, `{"error_code":"gw.NoUsageLeftError"}`), 1, KindQuota, true},
		{"an app frequency limit that clears is retried", buyerViewSpec, failFirst(2, 400, `{"error_code":"gw.QosAppFrequencyLimit"}`), 3, 0, false},
		{"one that persists through every attempt is the daily cap", buyerViewSpec, failFirst(10, 400, `{"error_code":"gw.QosAppFrequencyLimit"}`), 3, KindQuota, true},
		{"fastCreateOrder cannot tell, so it stays a rate limit", createOrderSpec, failFirst(10, 400, `{"error_code":"gw.QosAppFrequencyLimit"}`), 1, KindRateLimit, true},
		{"fastCreateOrder never retries, even on 503", createOrderSpec, failFirst(1, 503, ``), 1, KindNetwork, true},
		{"fastCreateOrder never retries a rate limit", createOrderSpec, failFirst(1, 400, `{"error_code":"gw.QosRequestLimit"}`), 1, KindRateLimit, true},
		{"attempts run out", buyerViewSpec, failFirst(10, 500, ``), 3, KindNetwork, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g *gateway
			g = newGateway(t, func(w http.ResponseWriter, r *http.Request) { tt.handler(g)(w, r) })
			c, counter := coreClient(t, g, nil)
			_, err := c.call(context.Background(), tt.spec, nil)
			if tt.wantErr {
				assert.Equal(t, tt.wantKind, KindOf(err), "%v", err)
			} else {
				assert.NoError(t, err)
			}
			assert.Equal(t, tt.wantHits, g.hits.Load())
			assert.Len(t, counter.counted(), int(tt.wantHits), "every attempt is counted")
		})
	}
}

func TestRetryStopsWhenContextEnds(t *testing.T) {
	g := newGateway(t, func(w http.ResponseWriter, _ *http.Request) { answer(w, 503, ``) })
	c, _ := coreClient(t, g, func(cfg *Config) { cfg.Retry = RetryPolicy{BaseDelay: time.Hour, MaxDelay: time.Hour} })
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)

	start := time.Now()
	_, err := c.call(ctx, buyerViewSpec, nil)
	assert.Less(t, time.Since(start), 10*time.Second, "the hour-long wait was cut short")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, KindNetwork, KindOf(err))
	assert.Contains(t, err.Error(), "HTTP 503", "the last failure is kept")
	assert.EqualValues(t, 1, g.hits.Load())
}

func TestRetryDelay(t *testing.T) {
	p := RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}
	for n, full := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		full *= time.Millisecond
		for range 50 {
			d := p.delay(n)
			require.GreaterOrEqual(t, d, full/2, "retry %d", n)
			require.LessOrEqual(t, d, full, "retry %d", n)
		}
	}
	assert.Equal(t, 3, RetryPolicy{}.attempts())
	assert.Equal(t, 1, RetryPolicy{Attempts: 1}.attempts())
	d := RetryPolicy{}.delay(0)
	assert.True(t, d >= 250*time.Millisecond && d <= 500*time.Millisecond, "default base delay: %v", d)
	assert.LessOrEqual(t, RetryPolicy{}.delay(60), 10*time.Second, "no overflow on a high retry count")
}
