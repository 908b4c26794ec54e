package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// keyByID reads key id back from the listing.
func keyByID(t *testing.T, db *storage.DB, id int64) storage.Key {
	t.Helper()
	keys, err := db.Keys(context.Background())
	require.NoError(t, err)
	for _, k := range keys {
		if k.ID == id {
			return k
		}
	}
	t.Fatalf("no key %d", id)
	return storage.Key{}
}

func TestRenameKey(t *testing.T) {
	db := storagetest.OpenTemp(t)
	ctx := context.Background()
	id, err := db.InsertKey(ctx, 1000, 5000, time.Now())
	require.NoError(t, err)

	require.NoError(t, db.RenameKey(ctx, id, "Shop 2 · 店铺"))
	assert.Equal(t, "Shop 2 · 店铺", keyByID(t, db, id).Label)
	require.NoError(t, db.RenameKey(ctx, id, ""))
	assert.Empty(t, keyByID(t, db, id).Label)
	require.ErrorIs(t, db.RenameKey(ctx, id+1, "x"), storage.ErrNoKey)
}

func TestRetiringTheActiveKeyClearsActiveAndPuttingBackKeepsItInactive(t *testing.T) {
	db := storagetest.OpenTemp(t)
	ctx := context.Background()
	id, err := db.InsertKey(ctx, 1000, 5000, time.Now())
	require.NoError(t, err)
	other, err := db.InsertKey(ctx, 1000, 5000, time.Now())
	require.NoError(t, err)
	require.NoError(t, db.SetActiveKey(ctx, id))

	require.NoError(t, db.SetKeyRetired(ctx, id, true, time.Now()))
	k := keyByID(t, db, id)
	assert.True(t, k.Retired)
	assert.False(t, k.Active, "a retired key is never the active one")
	assert.False(t, keyByID(t, db, other).Retired, "other keys are left alone")

	require.ErrorIs(t, db.SetActiveKey(ctx, id), storage.ErrKeyRetired)
	assert.False(t, keyByID(t, db, id).Active)

	require.NoError(t, db.SetKeyRetired(ctx, id, false, time.Now()))
	k = keyByID(t, db, id)
	assert.False(t, k.Retired)
	assert.False(t, k.Active, "put back in use is not made active")
	require.NoError(t, db.SetActiveKey(ctx, id), "once back in use it can be made active")
	assert.True(t, keyByID(t, db, id).Active)

	require.ErrorIs(t, db.SetKeyRetired(ctx, other+1, true, time.Now()), storage.ErrNoKey)
}

func TestSetActiveKeyRefusingARetiredKeyKeepsTheActiveOne(t *testing.T) {
	db := storagetest.OpenTemp(t)
	ctx := context.Background()
	active, err := db.InsertKey(ctx, 1000, 5000, time.Now())
	require.NoError(t, err)
	retired, err := db.InsertKey(ctx, 1000, 5000, time.Now())
	require.NoError(t, err)
	require.NoError(t, db.SetActiveKey(ctx, active))
	require.NoError(t, db.SetKeyRetired(ctx, retired, true, time.Now()))

	require.ErrorIs(t, db.SetActiveKey(ctx, retired), storage.ErrKeyRetired)
	assert.True(t, keyByID(t, db, active).Active, "the refused switch changed nothing")
}

func TestSetAccountTokenState(t *testing.T) {
	db := storagetest.OpenTemp(t)
	ctx := context.Background()
	id, err := db.InsertKey(ctx, 1000, 5000, time.Now())
	require.NoError(t, err)
	_, err = db.EnsureAccount(ctx, id, "buyer_one", time.Now())
	require.NoError(t, err)
	accounts, err := db.Accounts(ctx, id)
	require.NoError(t, err)
	require.Len(t, accounts, 1)
	assert.Equal(t, storage.TokenUnchecked, accounts[0].TokenState)
	assert.True(t, accounts[0].TokenCheckedAt.IsZero())

	at := time.UnixMilli(1_700_000_000_000).UTC()
	require.NoError(t, db.SetAccountTokenState(ctx, id, "buyer_one", storage.TokenOK, at))
	accounts, err = db.Accounts(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, storage.TokenOK, accounts[0].TokenState)
	assert.Equal(t, at, accounts[0].TokenCheckedAt)
	require.Error(t, db.SetAccountTokenState(ctx, id, "nobody", storage.TokenOK, at))
}
