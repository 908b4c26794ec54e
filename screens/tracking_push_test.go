package screens

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/sim"
	"caigou/storage"
)

// A payment made on the 1688 website reaches caigou as a pushed message over the real channel,
// and moves the order's row in the Tracking list while the user's selection stays.
func TestTrackingRowFollowsARealPushFromTheChannel(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	h.open()
	h.s.rows.Select(1)
	chosen := h.s.detail.shown

	unpaid := ids[sim.StatusWaitBuyerPay]
	moved := make(chan struct{}, 1)
	// Registered after the Tracking screen, so it hears the event once the screen has applied it.
	remove := h.shell.listen(func(ev app.Event) {
		if c, ok := ev.(app.OrderChanged); ok && c.OrderID == unpaid {
			moved <- struct{}{}
		}
	})
	defer remove()
	h.shell.StartTracking()
	h.shell.trackingStarts.Wait()
	require.NotNil(t, h.shell.currentTracking())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, h.sim.Channel().WaitConnected(ctx, sim.DemoAppKey))
	// The status line redraws from its own goroutine, which Fyne's test driver runs beside this
	// one; it is not under test here.
	h.shell.status.settle()
	h.shell.status.stop()

	v, err := h.app.Order(ctx, unpaid)
	require.NoError(t, err)
	paid, err := strconv.ParseInt(v.AliOrderID, 10, 64)
	require.NoError(t, err)
	require.NoError(t, h.sim.Pay(paid)) // the buyer pays on the website
	select {
	case <-moved:
	case <-ctx.Done():
		t.Fatal("the payment's message never reached the Tracking screen")
	}
	h.shell.stopTracking()
	h.shell.trackingStarts.Wait()
	assert.Equal(t, "Ordered · Paid, waiting for the seller to ship", h.rowTexts(0)[4])
	assert.Equal(t, 1, h.s.shownIndex, "the selection stays")
	assert.Equal(t, chosen, h.s.detail.shown)
	assert.Equal(t, "To pay (0)", h.chip(storage.BucketAwaitingPayment).Text)
}
