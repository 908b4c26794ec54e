package open1688

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBudgetLimit(t *testing.T) {
	tests := []struct {
		name             string
		budget           Budget
		user, background int
	}{
		{"defaults: 5000 with a 10 % reserve", Budget{}, 5000, 4500},
		{"a raised cap keeps 10 %", Budget{DailyLimit: 20000}, 20000, 18000},
		{"an explicit reserve", Budget{DailyLimit: 100, Reserve: 30}, 100, 70},
		{"no reserve", Budget{DailyLimit: 100, Reserve: -1}, 100, 100},
		{"a reserve above the limit", Budget{DailyLimit: 100, Reserve: 500}, 100, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.user, tt.budget.limit(false))
			assert.Equal(t, tt.background, tt.budget.limit(true))
		})
	}
}

func TestBackground(t *testing.T) {
	ctx := context.Background()
	assert.False(t, IsBackground(ctx))
	assert.True(t, IsBackground(Background(ctx)))
	child, cancel := context.WithTimeout(Background(ctx), time.Minute)
	defer cancel()
	assert.True(t, IsBackground(child), "derived contexts stay background")
}

func TestBudgetRefusesWithoutARequest(t *testing.T) {
	tests := []struct {
		name       string
		callsToday int
		background bool
		refused    bool
	}{
		{"background below the reserve", 4499, true, false},
		{"background at the reserve", 4500, true, true},
		{"user inside the reserve", 4999, false, false},
		{"user at the limit", 5000, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGateway(t, func(w http.ResponseWriter, _ *http.Request) { answer(w, 200, `{"success":true}`) })
			c, counter := coreClient(t, g, nil)
			counter.preset = tt.callsToday
			ctx := context.Background()
			if tt.background {
				ctx = Background(ctx)
			}
			_, err := c.call(ctx, buyerViewSpec, nil)
			if !tt.refused {
				require.NoError(t, err)
				assert.EqualValues(t, 1, g.hits.Load())
				return
			}
			assert.ErrorIs(t, err, ErrBudgetExhausted)
			assert.Equal(t, KindBudget, KindOf(err))
			assert.EqualValues(t, 0, g.hits.Load(), "a refused call makes no request")
			assert.Empty(t, counter.counted(), "and is not counted")
		})
	}
}

func TestBudgetHoldsUnderConcurrency(t *testing.T) {
	release := make(chan struct{})
	g := newGateway(t, func(w http.ResponseWriter, _ *http.Request) {
		<-release
		answer(w, 200, `{"success":true}`)
	})
	c, _ := coreClient(t, g, func(cfg *Config) { cfg.Budget = Budget{DailyLimit: 3, Reserve: -1} })

	var wg sync.WaitGroup
	errs := make(chan error, 10)
	for range 10 {
		wg.Go(func() {
			_, err := c.call(context.Background(), buyerViewSpec, nil)
			errs <- err
		})
	}
	// The seven refused calls return while the three admitted ones still wait for an answer.
	refused := 0
	for range 7 {
		if err := <-errs; err != nil {
			assert.ErrorIs(t, err, ErrBudgetExhausted)
			refused++
		}
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Equal(t, 7, refused)
	assert.EqualValues(t, 3, g.hits.Load())
}

func TestMemoryCounter(t *testing.T) {
	ctx := context.Background()
	m := &memoryCounter{}
	require.NoError(t, m.CountCall(ctx, "k1", "2026-03-10", false))
	require.NoError(t, m.CountCall(ctx, "k1", "2026-03-10", true))
	require.NoError(t, m.CountCall(ctx, "k2", "2026-03-10", false))
	n, err := m.CallsOn(ctx, "k1", "2026-03-10")
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	n, err = m.CallsOn(ctx, "k1", "2026-03-11")
	require.NoError(t, err)
	assert.Equal(t, 0, n)
}

// brokenCounter fails every read and write, like a database that cannot be reached.
type brokenCounter struct{}

func (brokenCounter) CountCall(context.Context, string, string, bool) error {
	return errors.New("disk I/O error")
}

func (brokenCounter) CallsOn(context.Context, string, string) (int, error) {
	return 0, errors.New("disk I/O error")
}

func TestBrokenCounterDoesNotStopCalls(t *testing.T) {
	g := newGateway(t, func(w http.ResponseWriter, _ *http.Request) { answer(w, 200, `{"success":true}`) })
	var logged []string
	c, _ := coreClient(t, g, func(cfg *Config) {
		cfg.Counter = brokenCounter{}
		cfg.Logf = func(format string, args ...any) { logged = append(logged, fmt.Sprintf(format, args...)) }
	})
	_, err := c.call(Background(context.Background()), buyerViewSpec, nil)
	require.NoError(t, err)
	assert.EqualValues(t, 1, g.hits.Load())
	require.Len(t, logged, 2, "the failed read and the failed count are reported")
	assert.Contains(t, logged[0], "disk I/O error")
}
