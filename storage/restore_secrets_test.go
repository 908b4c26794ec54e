package storage_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// Secrets of a key that only the backup has: the live database no longer holds it at restore.
const (
	goneAppSecret   = "GONE-APPSECRET-5e4d3c2b1a09"
	goneAccessToken = "GONE-ACCESSTOKEN-98a7b6c5d4e3"
)

// addKeyWithSecrets adds a key with appKey and an account "buyer" under it, their secrets in the
// database's secret columns (as where no OS keychain exists), and returns the key's id.
func addKeyWithSecrets(t *testing.T, db *storage.DB, appKey, secret, access, refresh string) int64 {
	t.Helper()
	ctx, now := context.Background(), time.UnixMilli(1_700_000_000_000)
	id, err := db.InsertKey(ctx, 1000, 5000, now)
	require.NoError(t, err)
	require.NoError(t, db.SetKeyAppKey(ctx, id, appKey))
	require.NoError(t, db.SetKeySecret(ctx, id, secret))
	_, err = db.EnsureAccount(ctx, id, "buyer", now)
	require.NoError(t, err)
	require.NoError(t, db.SetAccountToken(ctx, id, "buyer", access))
	if refresh != "" {
		_, err = db.SQL().Exec("UPDATE accounts SET refresh_token = ? WHERE key_id = ? AND login_id = 'buyer'", refresh, id)
		require.NoError(t, err)
	}
	return id
}

func keyID(t *testing.T, db *storage.DB, appKey string) int64 {
	t.Helper()
	var id int64
	require.NoError(t, db.SQL().QueryRow("SELECT id FROM keys WHERE app_key = ?", appKey).Scan(&id))
	return id
}

func TestRestoreKeepsTheLiveDatabasesSecrets(t *testing.T) {
	ctx := context.Background()
	live := storagetest.OpenTemp(t)
	kept := addKeyWithSecrets(t, live, "123456", testAppSecret, testAccessToken, testRefreshToken)
	addKeyWithSecrets(t, live, "999999", goneAppSecret, goneAccessToken, "")
	path := filepath.Join(t.TempDir(), "caigou-20250101-120000.caigou-backup")
	require.NoError(t, live.BackupTo(ctx, path))

	// After the backup: key 123456 is added again under another id, key 999999 is removed, orders
	// come in.
	_, err := live.SQL().Exec("DELETE FROM keys")
	require.NoError(t, err)
	addKeyWithSecrets(t, live, "555555", "OTHER-SECRET", "OTHER-TOKEN", "")
	again := addKeyWithSecrets(t, live, "123456", testAppSecret, testAccessToken, testRefreshToken)
	require.NotEqual(t, kept, again, "the key's id differs between the backup and the live database")
	storagetest.SeedOrders(t, live, 20)

	require.NoError(t, live.RestoreFrom(ctx, path))
	assert.Equal(t, 0, count(t, live.SQL(), "SELECT count(*) FROM orders"), "the backup's data replaced the live data")
	assert.Equal(t, 2, count(t, live.SQL(), "SELECT count(*) FROM keys"))
	require.Equal(t, kept, keyID(t, live, "123456"), "the backup's ids")

	secret, ok, err := live.KeySecret(ctx, kept)
	require.NoError(t, err)
	assert.True(t, ok, "the AppSecret is kept")
	assert.Equal(t, testAppSecret, secret)
	token, ok, err := live.AccountToken(ctx, kept, "buyer")
	require.NoError(t, err)
	assert.True(t, ok, "the access token is kept")
	assert.Equal(t, testAccessToken, token)
	var refresh sql.NullString
	require.NoError(t, live.SQL().QueryRow("SELECT refresh_token FROM accounts WHERE key_id = ? AND login_id = 'buyer'", kept).Scan(&refresh))
	assert.Equal(t, sql.NullString{String: testRefreshToken, Valid: true}, refresh, "the refresh token is kept")

	gone := keyID(t, live, "999999")
	_, ok, err = live.KeySecret(ctx, gone)
	require.NoError(t, err)
	assert.False(t, ok, "a key only the backup has gets no AppSecret")
	_, ok, err = live.AccountToken(ctx, gone, "buyer")
	require.NoError(t, err)
	assert.False(t, ok, "nor a token")
	assert.Equal(t, 1, count(t, live.SQL(), "SELECT count(*) FROM accounts WHERE key_id = "+
		"(SELECT id FROM keys WHERE app_key = '999999') AND access_token IS NULL AND refresh_token IS NULL"))

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, s := range []string{testAppSecret, testAccessToken, testRefreshToken, goneAppSecret, goneAccessToken} {
		assert.False(t, bytes.Contains(data, []byte(s)), "the backup holds no secret bytes")
	}
	staged, err := filepath.Glob(filepath.Join(filepath.Dir(live.Path()), ".restore-*.tmp"))
	require.NoError(t, err)
	assert.Empty(t, staged, "the staged copy is removed")
}

func TestRestoreThatFailsWhileStagingRemovesItsStagedCopy(t *testing.T) {
	ctx := context.Background()
	live := storagetest.OpenTemp(t)
	addKeyWithSecrets(t, live, "123456", testAppSecret, testAccessToken, testRefreshToken)
	path := filepath.Join(t.TempDir(), "b.caigou-backup")
	require.NoError(t, live.BackupTo(ctx, path))
	// A file that says it predates migration 4 but has its column: migrating the staged copy fails.
	q, err := sql.Open("sqlite3", "file:"+path)
	require.NoError(t, err)
	_, err = q.Exec("PRAGMA user_version = 3")
	require.NoError(t, err)
	require.NoError(t, q.Close())
	before := storage.DataChecksum(t, live.SQL())

	err = live.RestoreFrom(ctx, path)
	require.Error(t, err)
	for _, s := range []string{testAppSecret, testAccessToken, testRefreshToken} {
		assert.NotContains(t, err.Error(), s, "no secret in the error")
	}
	assert.Equal(t, before, storage.DataChecksum(t, live.SQL()), "the live data is untouched")
	staged, err := filepath.Glob(filepath.Join(filepath.Dir(live.Path()), ".restore-*.tmp"))
	require.NoError(t, err)
	assert.Empty(t, staged, "no staged copy is left")
}
