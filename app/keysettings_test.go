package app

import (
	"bytes"
	"context"
	"log"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app/sim"
	"caigou/storage"
)

const staleSecret = "StaleSecret0099"

// keySettingsEnv is an App pointed at the simulator whose key is the demo key, saved with a
// stale AppSecret (as after 重置 in the console) and the demo buyer's token, secrets in a mock
// keychain. Log lines are kept for the secret check.
type keySettingsEnv struct {
	sim   *sim.Sim
	a     *App
	keyID int64
	logs  *bytes.Buffer
}

func newKeySettingsEnv(t *testing.T) *keySettingsEnv {
	t.Helper()
	keyring.MockInit()
	s, err := sim.Start(sim.Options{Seed: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	a := newTestApp(t)
	a.SetEndpoints(Endpoints{Gateway: s.URL(), Channel: s.ChannelURL()})
	ctx := testCtx(t)
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, a.SaveKeyCredentials(ctx, keyID, sim.DemoAppKey, staleSecret))
	require.NoError(t, a.SaveAccount(ctx, keyID, sim.DemoBuyerLogin, sim.DemoExpiredToken))

	var logs bytes.Buffer
	out, flags := log.Writer(), log.Flags()
	log.SetOutput(&logs)
	t.Cleanup(func() { log.SetOutput(out); log.SetFlags(flags) })
	return &keySettingsEnv{sim: s, a: a, keyID: keyID, logs: &logs}
}

func (e *keySettingsEnv) storedSecret(t *testing.T) string {
	t.Helper()
	v, err := e.a.Secrets().AppSecret(testCtx(t), e.keyID, sim.DemoAppKey)
	require.NoError(t, err)
	return v
}

func (e *keySettingsEnv) storedToken(t *testing.T) string {
	t.Helper()
	v, err := e.a.Secrets().Token(testCtx(t), e.keyID, sim.DemoAppKey, sim.DemoBuyerLogin)
	require.NoError(t, err)
	return v
}

func TestReplaceAppSecretStoresOnlyASecretThatPassesTheCheck(t *testing.T) {
	e := newKeySettingsEnv(t)
	ctx := testCtx(t)

	r, err := e.a.ReplaceAppSecret(ctx, e.keyID, wrongSecret)
	require.NoError(t, err)
	assert.False(t, r.OK)
	assert.Equal(t, CheckKind("gateway.signature"), r.Kind)
	assert.Contains(t, r.NextStep, "查看", "explained as the wizard explains it: copy the AppSecret again")
	assert.Equal(t, staleSecret, e.storedSecret(t), "a refused secret leaves the old one")

	r, err = e.a.ReplaceAppSecret(ctx, e.keyID, "******")
	require.NoError(t, err)
	assert.Equal(t, CheckInvalidInput, r.Kind)
	assert.Equal(t, ExplainInputError(ErrAppSecretHidden), r.Explanation)
	assert.Len(t, e.sim.RequestsFor("currentTime"), 1, "an invalid input is not sent")

	r, err = e.a.ReplaceAppSecret(ctx, e.keyID, " "+sim.DemoAppSecret+"\n")
	require.NoError(t, err)
	assert.True(t, r.OK, "%+v", r)
	inKeychain, err := keyring.Get(KeychainService, appSecretEntry(sim.DemoAppKey))
	require.NoError(t, err)
	assert.Equal(t, sim.DemoAppSecret, inKeychain, "stored trimmed, in the keychain")
	_, inDB, err := e.a.db.KeySecret(ctx, e.keyID)
	require.NoError(t, err)
	assert.False(t, inDB, "not in the database file")

	for _, secret := range []string{wrongSecret, sim.DemoAppSecret, staleSecret} {
		assert.NotContains(t, e.logs.String(), secret)
	}
	assert.Contains(t, e.logs.String(), "passed its check", "the change is logged, without the secret")
}

func TestReplaceTokenStoresOnlyATokenThatPassesTheCheck(t *testing.T) {
	e := newKeySettingsEnv(t)
	ctx := testCtx(t)
	_, err := e.a.ReplaceAppSecret(ctx, e.keyID, sim.DemoAppSecret)
	require.NoError(t, err)

	r, err := e.a.ReplaceToken(ctx, e.keyID, sim.DemoBuyerLogin, "not-a-real-token-123")
	require.NoError(t, err)
	assert.False(t, r.OK)
	assert.Equal(t, CheckKind("gateway.auth"), r.Kind)
	assert.Contains(t, r.NextStep, "已授权token")
	assert.Equal(t, sim.DemoExpiredToken, e.storedToken(t), "a refused token leaves the old one")
	accounts, err := e.a.db.Accounts(ctx, e.keyID)
	require.NoError(t, err)
	assert.Equal(t, storage.TokenUnchecked, accounts[0].TokenState)

	r, err = e.a.ReplaceToken(ctx, e.keyID, sim.DemoBuyerLogin, "bad token")
	require.NoError(t, err)
	assert.Equal(t, ExplainInputError(ErrTokenChars), r.Explanation)

	r, err = e.a.ReplaceToken(ctx, e.keyID, sim.DemoBuyerLogin, sim.DemoAccessToken)
	require.NoError(t, err)
	assert.True(t, r.OK, "%+v", r)
	assert.Equal(t, sim.DemoAccessToken, e.storedToken(t))
	inKeychain, err := keyring.Get(KeychainService, tokenEntry(sim.DemoAppKey, sim.DemoBuyerLogin))
	require.NoError(t, err)
	assert.Equal(t, sim.DemoAccessToken, inKeychain)
	accounts, err = e.a.db.Accounts(ctx, e.keyID)
	require.NoError(t, err)
	assert.Equal(t, storage.TokenOK, accounts[0].TokenState)
	assert.False(t, accounts[0].TokenCheckedAt.IsZero())

	_, err = e.a.ReplaceToken(ctx, e.keyID, "someone_else", sim.DemoAccessToken)
	require.ErrorIs(t, err, ErrNoSuchAccount)
	for _, token := range []string{"not-a-real-token-123", sim.DemoAccessToken, sim.DemoExpiredToken, sim.DemoAppSecret} {
		assert.NotContains(t, e.logs.String(), token)
	}
}

func TestReplaceTokenWithoutAStoredSecretIsExplained(t *testing.T) {
	e := newKeySettingsEnv(t)
	ctx := testCtx(t)
	require.NoError(t, keyring.Delete(KeychainService, appSecretEntry(sim.DemoAppKey)))

	_, err := e.a.ReplaceToken(ctx, e.keyID, sim.DemoBuyerLogin, sim.DemoAccessToken)
	require.ErrorIs(t, err, ErrNoSecret)
	assert.Contains(t, ExplainKeyError(err), "Re-enter the AppSecret first")
	assert.Empty(t, e.sim.RequestsFor("alibaba.trade.getBuyerOrderList"), "nothing is sent")
}

func TestKeyChangesInSettings(t *testing.T) {
	keyring.MockInit()
	a := newTestApp(t)
	ctx := context.Background()
	first, err := a.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, a.SaveKeyCredentials(ctx, first, "7654321", testSecret))
	require.NoError(t, a.SaveAccount(ctx, first, "buyer_one", "tok-1111-2222"))
	unfinished, err := a.StartKey(ctx)
	require.NoError(t, err)

	require.NoError(t, a.RenameKey(ctx, first, "  Shop 2  "))
	require.ErrorIs(t, a.RenameKey(ctx, first, strings.Repeat("名", maxKeyLabelLen+1)), ErrKeyLabelLength)
	require.ErrorIs(t, a.RenameKey(ctx, first, "Shop\n2"), ErrKeyLabelInvalid)
	k, err := a.Key(ctx, first)
	require.NoError(t, err)
	assert.Equal(t, "Shop 2", k.Label, "trimmed, and refused names changed nothing")
	require.NoError(t, a.RenameKey(ctx, unfinished, "义乌\u3000店"), "a full-width space, as Chinese input types it")
	k, err = a.Key(ctx, unfinished)
	require.NoError(t, err)
	assert.Equal(t, "义乌\u3000店", k.Label)

	require.ErrorIs(t, a.MakeKeyActive(ctx, unfinished), ErrKeyIncomplete)
	require.NoError(t, a.MakeKeyActive(ctx, first))
	ak, err := a.ActiveKey(ctx)
	require.NoError(t, err)
	assert.Equal(t, first, ak.Key.ID)

	require.NoError(t, a.RetireKey(ctx, first))
	_, err = a.ActiveKey(ctx)
	require.ErrorIs(t, err, ErrNoActiveKey, "retiring the active key leaves none active")
	require.ErrorIs(t, a.MakeKeyActive(ctx, first), ErrKeyRetired)
	assert.Equal(t, "This key is retired. Put it back in use first, then make it active.", ExplainKeyError(ErrKeyRetired))

	require.NoError(t, a.ReturnKey(ctx, first))
	require.NoError(t, a.MakeKeyActive(ctx, first))

	overviews, err := a.KeyOverviews(ctx)
	require.NoError(t, err)
	require.Len(t, overviews, 2)
	assert.Equal(t, "Shop 2", overviews[0].Key.Label)
	assert.True(t, overviews[0].Key.Active)
	require.Len(t, overviews[0].Accounts, 1)
	assert.Equal(t, "buyer_one", overviews[0].Accounts[0].LoginID)
	assert.False(t, overviews[0].SecretsInDatabase, "the mock keychain holds them")
	assert.Empty(t, overviews[1].Key.AppKey, "the unfinished key is listed too")
}

func TestKeyOverviewsSayWhenSecretsAreInTheDatabase(t *testing.T) {
	keyring.MockInitWithError(keyring.ErrUnsupportedPlatform)
	t.Cleanup(keyring.MockInit)
	a := newTestApp(t)
	ctx := context.Background()
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, a.SaveKeyCredentials(ctx, keyID, "7654321", testSecret))

	overviews, err := a.KeyOverviews(ctx)
	require.NoError(t, err)
	require.Len(t, overviews, 1)
	assert.True(t, overviews[0].SecretsInDatabase)
}
