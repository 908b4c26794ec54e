package app

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app/msgchan"
	"caigou/app/sim"
)

func TestTrackingServiceConnectsAndDeliversTheChannelsEvents(t *testing.T) {
	keyring.MockInit()
	ctx := context.Background()
	a := newTestApp(t)
	_, err := a.StartTracking(ctx)
	require.ErrorIs(t, err, ErrNoActiveKey)

	srv, err := sim.Start(sim.Options{Seed: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	a.SetEndpoints(Endpoints{Gateway: srv.URL(), Channel: srv.ChannelURL()})
	activateDemoKey(t, a)

	s, err := a.StartTracking(ctx)
	require.NoError(t, err)
	defer s.Close()
	events := s.Events()
	wait, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, srv.Channel().WaitConnected(wait, sim.DemoAppKey))
	_, err = srv.Channel().PushMock(sim.DemoAppKey, sim.Message{UserInfo: sim.DemoBuyer})
	require.NoError(t, err)
	for mock := false; !mock; {
		select {
		case ev := <-events:
			_, mock = ev.(MockReceived)
		case <-wait.Done():
			t.Fatal("the test message never came through the service's events")
		}
	}
	require.Equal(t, msgchan.Connected, s.ChannelState().Status)
}
