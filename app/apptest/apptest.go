// Package apptest sets up an App for the tests of the packages above app: the screens.
package apptest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app"
	"caigou/app/sim"
)

// ActivateDemoKey makes the simulator's demo key, with its buyer account, the active key of a,
// its secrets kept in a mock keychain, as the setup wizard leaves a verified key. It returns the
// key's id.
func ActivateDemoKey(tb testing.TB, a *app.App) int64 {
	tb.Helper()
	keyring.MockInit()
	ctx := context.Background()
	keyID, err := a.StartKey(ctx)
	require.NoError(tb, err)
	require.NoError(tb, a.SaveKeyCredentials(ctx, keyID, sim.DemoAppKey, sim.DemoAppSecret))
	require.NoError(tb, a.SaveAccount(ctx, keyID, sim.DemoBuyerLogin, sim.DemoAccessToken))
	require.NoError(tb, a.SetActiveKey(ctx, keyID))
	return keyID
}
