package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

func TestSetOwnStatusShowsInTheMapping(t *testing.T) {
	a := New(storagetest.OpenTemp(t), t.TempDir())
	ctx := testCtx(t)
	require.NoError(t, a.SetOwnStatus(ctx, "cancel", "received"))
	require.ErrorIs(t, a.SetOwnStatus(ctx, "cancel", "lost"), storage.ErrUnknownOwnStatus)

	m, err := a.StatusMapping(ctx)
	require.NoError(t, err)
	own := map[string]string{}
	for _, r := range m {
		own[r.Status] = r.OwnStatus
	}
	assert.Equal(t, "received", own["cancel"])
	assert.Equal(t, "unable_to_deliver", own["terminated"])
}
