package app

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSellerMessagesAreKeptUntilRemoved(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	got, err := a.SellerMessages(ctx)
	require.NoError(t, err)
	assert.Empty(t, got)

	require.NoError(t, a.SetSellerMessage(ctx, "b2b-1", "  请用纸箱包装  "))
	require.NoError(t, a.SetSellerMessage(ctx, "b2b-2", "快递请发圆通"))
	require.NoError(t, a.SetSellerMessage(ctx, "b2b-2", " "))
	got, err = a.SellerMessages(ctx)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"b2b-1": "请用纸箱包装"}, got)
}
