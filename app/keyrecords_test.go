package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/storage"
	"caigou/storage/storagetest"
)

func TestKeysLifecycle(t *testing.T) {
	keyring.MockInit()
	a := New(storagetest.OpenTemp(t), t.TempDir())
	ctx := testCtx(t)

	first, err := a.StartKey(ctx)
	require.NoError(t, err)
	has, err := a.HasKey(ctx)
	require.NoError(t, err)
	assert.False(t, has, "a key without an AppKey is not set up yet")

	require.ErrorIs(t, a.SaveAccount(ctx, first, "buyer_one", "tok-1111-2222"), ErrNoAppKeyYet)
	require.ErrorIs(t, a.SaveKeyCredentials(ctx, first, "76a", testSecret), ErrAppKeyNotDigits)
	require.ErrorIs(t, a.SaveKeyCredentials(ctx, first, "7654321", "******"), ErrAppSecretHidden)
	require.NoError(t, a.SaveKeyCredentials(ctx, first, " 7654321 ", testSecret))
	require.ErrorIs(t, a.SetKeyValidity(ctx, first, "", "2025-13-01"), ErrDayFormat)
	require.NoError(t, a.SetKeyValidity(ctx, first, "2024/04/17", "2025-04-17"))
	require.NoError(t, a.SaveAccount(ctx, first, "buyer_one", "tok-1111-2222"))
	require.NoError(t, a.SaveAccount(ctx, first, "buyer_one", "tok-3333-4444"), "saving again replaces the token")
	tok, err := a.Secrets().Token(ctx, first, "7654321", "buyer_one")
	require.NoError(t, err)
	assert.Equal(t, "tok-3333-4444", tok)

	second, err := a.StartKey(ctx)
	require.NoError(t, err)
	require.ErrorIs(t, a.SaveKeyCredentials(ctx, second, "7654321", testSecret), ErrAppKeyTaken)
	require.NoError(t, a.SaveKeyCredentials(ctx, second, "8610001", "Other0Secret9"))

	require.NoError(t, a.SetActiveKey(ctx, first))
	require.NoError(t, a.SetActiveKey(ctx, second))
	require.ErrorIs(t, a.SetActiveKey(ctx, 999), storage.ErrNoKey)

	keys, err := a.Keys(ctx)
	require.NoError(t, err)
	require.Len(t, keys, 2)
	assert.Equal(t, "7654321", keys[0].AppKey)
	assert.Equal(t, DefaultProductLimit, keys[0].ProductLimit)
	assert.Equal(t, DefaultDailyCallLimit, keys[0].DailyCallLimit)
	assert.Equal(t, "2024-04-17", keys[0].ValidFrom)
	assert.Equal(t, "2025-04-17", keys[0].ValidUntil)
	assert.False(t, keys[0].Active, "activating the second key deactivates the first")
	assert.True(t, keys[1].Active)
	assert.Equal(t, "8610001", keys[1].AppKey)
}
