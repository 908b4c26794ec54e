package storage

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// apiCallsRow is the api_calls row of an AppKey and day; calls is -1 when there is none.
func apiCallsRow(t *testing.T, db *DB, appKey, day string) (calls, failed int) {
	t.Helper()
	rows, err := db.sql.Query("SELECT calls, failed FROM api_calls WHERE app_key = ? AND china_day = ?", appKey, day)
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

	for _, failed := range []bool{false, true, false, true, true} {
		require.NoError(t, db.CountCall(ctx, "1111111", "2026-03-10", failed))
	}
	require.NoError(t, db.CountCall(ctx, "1111111", "2026-03-11", false))
	require.NoError(t, db.CountCall(ctx, "2222222", "2026-03-10", true))

	calls, failed := apiCallsRow(t, db, "1111111", "2026-03-10")
	assert.Equal(t, 5, calls)
	assert.Equal(t, 3, failed)
	calls, failed = apiCallsRow(t, db, "1111111", "2026-03-11")
	assert.Equal(t, 1, calls)
	assert.Equal(t, 0, failed)
	calls, failed = apiCallsRow(t, db, "2222222", "2026-03-10")
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
	// The wizard checks the AppKey before saving it: the calls still count, and no key appears.
	require.NoError(t, db.CountCall(ctx, "3333333", "2026-03-10", true))
	assert.Equal(t, 1, callsOn(t, db, "3333333", "2026-03-10"))
	n, err := db.CountKeys(ctx)
	require.NoError(t, err)
	assert.Zero(t, n, "counting creates no key")
}

func TestCountCallConcurrently(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 5 {
				assert.NoError(t, db.CountCall(ctx, "4444444", "2026-03-10", (i+j)%2 == 0))
			}
		})
	}
	wg.Wait()
	calls, failed := apiCallsRow(t, db, "4444444", "2026-03-10")
	assert.Equal(t, 40, calls)
	assert.Equal(t, 20, failed)
}
