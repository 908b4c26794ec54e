package app

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app/sim"
)

func TestClientCallsWithTheActiveKeysAccount(t *testing.T) {
	keyring.MockInit()
	ctx := context.Background()
	a := newTestApp(t)
	_, _, err := a.Client(ctx)
	require.ErrorIs(t, err, ErrNoActiveKey)

	srv, err := sim.Start(sim.Options{Seed: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	a.SetEndpoints(Endpoints{Gateway: srv.URL(), Channel: srv.ChannelURL()})
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, a.SaveKeyCredentials(ctx, keyID, sim.DemoAppKey, sim.DemoAppSecret))
	require.NoError(t, a.SetActiveKey(ctx, keyID))
	_, _, err = a.Client(ctx)
	require.ErrorIs(t, err, ErrNoActiveKey, "a key without an account cannot order yet")

	require.NoError(t, a.SaveAccount(ctx, keyID, sim.DemoBuyerLogin, sim.DemoAccessToken))
	c, ak, err := a.Client(ctx)
	require.NoError(t, err)
	assert.Equal(t, sim.DemoBuyerLogin, ak.Account.LoginID)
	_, err = c.CurrentTime(ctx)
	require.NoError(t, err)
	calls, err := c.CallsToday(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, calls, "the call is counted in the database")
}
