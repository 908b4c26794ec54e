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

func TestSetActiveKeyOfAMissingKeyKeepsTheActiveOne(t *testing.T) {
	db := storagetest.OpenTemp(t)
	ctx := context.Background()
	id, err := db.InsertKey(ctx, 1000, 5000, time.Now())
	require.NoError(t, err)
	require.NoError(t, db.SetActiveKey(ctx, id))
	require.ErrorIs(t, db.SetActiveKey(ctx, id+1), storage.ErrNoKey)
	keys, err := db.Keys(ctx)
	require.NoError(t, err)
	require.Len(t, keys, 1)
	assert.True(t, keys[0].Active, "the failed switch rolled back")
}

func TestWizardCheckKeepsTheLastPassAndTheState(t *testing.T) {
	db := storagetest.OpenTemp(t)
	ctx := context.Background()
	id, err := db.InsertKey(ctx, 1000, 5000, time.Now())
	require.NoError(t, err)
	passed := time.UnixMilli(1_700_000_000_000).UTC()
	require.NoError(t, db.RecordWizardCheck(ctx, id, "appkey", "", passed))
	require.NoError(t, db.SetWizardState(ctx, id, "appkey", "done", `{"app_key":"7654321"}`, passed))
	require.NoError(t, db.RecordWizardCheck(ctx, id, "appkey", "gateway.signature", passed.Add(time.Hour)))

	steps, err := db.WizardProgress(ctx, id)
	require.NoError(t, err)
	require.Len(t, steps, 1)
	assert.Equal(t, "done", steps[0].State, "a check does not change the state")
	assert.JSONEq(t, `{"app_key":"7654321"}`, steps[0].Inputs)
	assert.Equal(t, passed, steps[0].CheckedAt, "a failure keeps the time of the last pass")
	assert.Equal(t, "gateway.signature", steps[0].CheckError)
}
