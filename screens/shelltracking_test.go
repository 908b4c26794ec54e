package screens

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/apptest"
	"caigou/app/sim"
)

func TestShellTracksTheActiveKeyAndHandsEventsToListeners(t *testing.T) {
	h := newWizardHarness(t)
	ctx := context.Background()
	apptest.ActivateDemoKey(t, h.app)

	got := make(chan app.Event, 16)
	remove := h.shell.listen(func(ev app.Event) { got <- ev })
	defer remove()
	h.shell.StartTracking()
	h.shell.trackingStarts.Wait()
	require.NotNil(t, h.shell.tracking)
	require.Nil(t, <-got, "listeners hear that tracking started")

	wait, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, h.sim.Channel().WaitConnected(wait, sim.DemoAppKey))
	_, err := h.sim.Channel().PushMock(sim.DemoAppKey, sim.Message{UserInfo: sim.DemoBuyer})
	require.NoError(t, err)
	for {
		select {
		case ev := <-got:
			if _, ok := ev.(app.MockReceived); ok {
				h.shell.Close()
				require.Nil(t, h.shell.tracking, "closing the window stops tracking")
				return
			}
		case <-wait.Done():
			t.Fatal("the pushed message never reached the listener")
		}
	}
}
