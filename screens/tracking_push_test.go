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
	// The key's real tracking service, its events handed to the shell's listeners on this
	// goroutine: Fyne's test driver would otherwise run the screens' redraws beside the test.
	svc, err := h.app.StartTracking(context.Background())
	require.NoError(t, err)
	defer svc.Close()
	events := svc.Events()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, h.sim.Channel().WaitConnected(ctx, sim.DemoAppKey))

	v, err := h.app.Order(ctx, unpaid)
	require.NoError(t, err)
	paid, err := strconv.ParseInt(v.AliOrderID, 10, 64)
	require.NoError(t, err)
	require.NoError(t, h.sim.Pay(paid)) // the buyer pays on the website
	for moved := false; !moved; {
		select {
		case ev := <-events:
			h.shell.dispatch(ev)
			c, ok := ev.(app.OrderChanged)
			moved = ok && c.OrderID == unpaid
		case <-ctx.Done():
			t.Fatal("the payment's message never reached the Tracking screen")
		}
	}
	assert.Equal(t, "Ordered · Paid, waiting for the seller to ship", h.rowTexts(0)[4])
	assert.Equal(t, 1, h.s.shownIndex, "the selection stays")
	assert.Equal(t, chosen, h.s.detail.shown)
	assert.Equal(t, "To pay (0)", h.chip(storage.BucketAwaitingPayment).Text)
}
