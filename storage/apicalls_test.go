package storage

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// addKey saves a key row for appKey, as the wizard does once it knows the AppKey.
func addKey(t *testing.T, db *DB, appKey string) int64 {
	t.Helper()
	res, err := db.sql.Exec(`INSERT INTO keys (app_key, product_limit, daily_call_limit, created_at)
		VALUES (?, 1000, 5000, 1700000000000)`, appKey)
	require.NoError(t, err)
	id, err := res.LastInsertId()
	require.NoError(t, err)
	return id
}

// apiCallsRow is the api_calls row of a key and day; calls is -1 when there is none.
func apiCallsRow(t *testing.T, db *DB, keyID int64, day string) (calls, failed int) {
	t.Helper()
	rows, err := db.sql.Query("SELECT calls, failed FROM api_calls WHERE key_id = ? AND china_day = ?", keyID, day)
	require.NoError(t, err)
	defer rows.Close()
	if !rows.Next() {
		return -1, -1
	}
	require.NoError(t, rows.Scan(&calls, &failed))
	return calls, failed
}

func callsOn(t *testing.T, db *DB, appKey, day string) int {
	t.Helper()
	n, err := db.CallsOn(context.Background(), appKey, day)
	require.NoError(t, err)
	return n
}

func TestCountCallPerKeyAndDay(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	k1, k2 := addKey(t, db, "1111111"), addKey(t, db, "2222222")

	for _, failed := range []bool{false, true, false, true, true} {
		require.NoError(t, db.CountCall(ctx, "1111111", "2026-03-10", failed))
	}
	require.NoError(t, db.CountCall(ctx, "1111111", "2026-03-11", false))
	require.NoError(t, db.CountCall(ctx, "2222222", "2026-03-10", true))

	calls, failed := apiCallsRow(t, db, k1, "2026-03-10")
	assert.Equal(t, 5, calls)
	assert.Equal(t, 3, failed)
	calls, failed = apiCallsRow(t, db, k1, "2026-03-11")
	assert.Equal(t, 1, calls)
	assert.Equal(t, 0, failed)
	calls, failed = apiCallsRow(t, db, k2, "2026-03-10")
	assert.Equal(t, 1, calls)
	assert.Equal(t, 1, failed)

	assert.Equal(t, 5, callsOn(t, db, "1111111", "2026-03-10"))
	assert.Equal(t, 1, callsOn(t, db, "2222222", "2026-03-10"))
	assert.Equal(t, 0, callsOn(t, db, "2222222", "2026-03-12"), "a day without calls")
	assert.Equal(t, 0, callsOn(t, db, "9999999", "2026-03-10"), "a key never seen")
}

func TestCountCallBeforeTheKeyIsSaved(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)

	// The wizard checks the AppKey before saving it: the calls still count.
	require.NoError(t, db.CountCall(ctx, "3333333", "2026-03-09", true))
	require.NoError(t, db.CountCall(ctx, "3333333", "2026-03-10", false))
	require.NoError(t, db.CountCall(ctx, "3333333", "2026-03-10", true))
	assert.Equal(t, 2, callsOn(t, db, "3333333", "2026-03-10"))
	n, err := db.CountKeys(ctx)
	require.NoError(t, err)
	assert.Zero(t, n, "counting creates no key")

	// Once saved, the next call moves the earlier ones into api_calls.
	id := addKey(t, db, "3333333")
	assert.Equal(t, 2, callsOn(t, db, "3333333", "2026-03-10"), "before the move")
	require.NoError(t, db.CountCall(ctx, "3333333", "2026-03-10", false))

	calls, failed := apiCallsRow(t, db, id, "2026-03-10")
	assert.Equal(t, 3, calls)
	assert.Equal(t, 1, failed)
	calls, failed = apiCallsRow(t, db, id, "2026-03-09")
	assert.Equal(t, 1, calls)
	assert.Equal(t, 1, failed)
	assert.Equal(t, 3, callsOn(t, db, "3333333", "2026-03-10"), "nothing counted twice")

	var left int
	require.NoError(t, db.sql.QueryRow("SELECT count(*) FROM settings WHERE key LIKE 'api_calls.pending/%'").Scan(&left))
	assert.Zero(t, left)
}

func TestCountCallConcurrently(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	id := addKey(t, db, "4444444")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 5 {
				assert.NoError(t, db.CountCall(ctx, "4444444", "2026-03-10", (i+j)%2 == 0))
			}
		})
	}
	wg.Wait()
	calls, failed := apiCallsRow(t, db, id, "2026-03-10")
	assert.Equal(t, 40, calls)
	assert.Equal(t, 20, failed)
}

func TestCallsOnRejectsABrokenPendingCount(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	require.NoError(t, db.SetSetting(ctx, pendingKey("5555555", "2026-03-10"), "lots"))
	_, err := db.CallsOn(ctx, "5555555", "2026-03-10")
	assert.ErrorContains(t, err, "not a call count")
}
