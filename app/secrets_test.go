package app

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/storage/storagetest"
)

const testSecret = "Xk29ffTq81Lm"

func TestSecretsUseTheKeychainAndLeaveTheDatabaseEmpty(t *testing.T) {
	keyring.MockInit()
	db := storagetest.OpenTemp(t)
	a := New(db, t.TempDir())
	ctx := testCtx(t)
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, a.SaveKeyCredentials(ctx, keyID, "8610001", testSecret))
	require.NoError(t, a.SaveAccount(ctx, keyID, "buyer_one", "tok-1111-2222"))

	assert.True(t, a.Secrets().InKeychain())
	v, err := keyring.Get(KeychainService, "appsecret/8610001")
	require.NoError(t, err)
	assert.Equal(t, testSecret, v)
	v, err = keyring.Get(KeychainService, "token/8610001/buyer_one")
	require.NoError(t, err)
	assert.Equal(t, "tok-1111-2222", v)

	_, inDB, err := db.KeySecret(ctx, keyID)
	require.NoError(t, err)
	assert.False(t, inDB, "the AppSecret must not be in the database when a keychain exists")
	_, inDB, err = db.AccountToken(ctx, keyID, "buyer_one")
	require.NoError(t, err)
	assert.False(t, inDB, "the token must not be in the database when a keychain exists")

	assertSecretsReadBack(t, a, keyID)
}

func TestSecretsFallBackToTheDatabaseWithoutAKeychain(t *testing.T) {
	keyring.MockInitWithError(errors.New("no Secret Service on the bus"))
	t.Cleanup(keyring.MockInit)
	db := storagetest.OpenTemp(t)
	a := New(db, t.TempDir())
	ctx := testCtx(t)
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)

	assert.False(t, a.Secrets().InKeychain(), "the page must say the secrets go to the database")
	require.NoError(t, a.SaveKeyCredentials(ctx, keyID, "8610001", testSecret))
	require.NoError(t, a.SaveAccount(ctx, keyID, "buyer_one", "tok-1111-2222"))

	v, inDB, err := db.KeySecret(ctx, keyID)
	require.NoError(t, err)
	assert.True(t, inDB)
	assert.Equal(t, testSecret, v)
	v, inDB, err = db.AccountToken(ctx, keyID, "buyer_one")
	require.NoError(t, err)
	assert.True(t, inDB)
	assert.Equal(t, "tok-1111-2222", v)

	assertSecretsReadBack(t, a, keyID)
}

func TestSecretsFallBackWhenTheFirstWriteFails(t *testing.T) {
	keyring.MockInitWithError(errors.New("locked"))
	t.Cleanup(keyring.MockInit)
	db := storagetest.OpenTemp(t)
	s := NewSecrets(db)
	ctx := testCtx(t)
	keyID, err := db.InsertKey(ctx, 1, 1, nowForTest())
	require.NoError(t, err)
	require.NoError(t, s.SetAppSecret(ctx, keyID, "8610001", testSecret))
	assert.False(t, s.InKeychain(), "a failed write must switch the store to the database")
	v, ok, err := db.KeySecret(ctx, keyID)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, testSecret, v)
}

func TestMissingSecretErrorNamesNoValue(t *testing.T) {
	keyring.MockInit()
	db := storagetest.OpenTemp(t)
	s := NewSecrets(db)
	ctx := testCtx(t)
	keyID, err := db.InsertKey(ctx, 1, 1, nowForTest())
	require.NoError(t, err)
	_, err = s.AppSecret(ctx, keyID, "8610001")
	require.ErrorIs(t, err, ErrNoSecret)
	assert.NotContains(t, err.Error(), "8610001", "an error names the kind of secret, not whose")
}

func TestMask(t *testing.T) {
	assert.Equal(t, "", Mask(""))
	assert.Equal(t, "••••••", Mask("abc12345"), "a short secret is hidden whole")
	assert.Equal(t, "Xk29••••Lm", Mask(testSecret))
	assert.Equal(t, "demo••••01", Mask("demo-access-token-0001"))
	assert.NotContains(t, Mask(testSecret), "ffTq81")
}

// assertSecretsReadBack checks that the AppSecret and the token saved for buyer_one under
// AppKey 8610001 read back as they were saved, wherever they were kept.
func assertSecretsReadBack(t *testing.T, a *App, keyID int64) {
	t.Helper()
	got, err := a.Secrets().AppSecret(testCtx(t), keyID, "8610001")
	require.NoError(t, err)
	assert.Equal(t, testSecret, got)
	got, err = a.Secrets().Token(testCtx(t), keyID, "8610001", "buyer_one")
	require.NoError(t, err)
	assert.Equal(t, "tok-1111-2222", got)
}
