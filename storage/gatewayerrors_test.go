package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGatewayErrorsKeepTheNewest200(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	start := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	for i := range 205 {
		require.NoError(t, db.AddGatewayError(ctx, GatewayError{
			At: start.Add(time.Duration(i) * time.Second), AppKey: "1234567", API: "alibaba.trade.get.buyerView",
			Kind: "auth", Status: 401, Code: "401", Message: fmt.Sprintf("call %d", i), RequestID: "req", Body: `{"error_code":"401"}`,
		}))
	}
	list, err := db.GatewayErrors(ctx, 1000)
	require.NoError(t, err)
	require.Len(t, list, KeptGatewayErrors, "older rows are dropped")
	assert.Equal(t, "call 204", list[0].Message, "newest first")
	assert.Equal(t, "call 5", list[len(list)-1].Message, "the 5 oldest went")
	assert.Equal(t, GatewayError{
		ID: list[0].ID, At: start.Add(204 * time.Second), AppKey: "1234567", API: "alibaba.trade.get.buyerView",
		Kind: "auth", Status: 401, Code: "401", Message: "call 204", RequestID: "req", Body: `{"error_code":"401"}`,
	}, list[0], "every field comes back")

	few, err := db.GatewayErrors(ctx, 3)
	require.NoError(t, err)
	assert.Len(t, few, 3)
}

func TestDiagnosticReadsLeaveSecretsOut(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	now := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	id, err := db.InsertKey(ctx, 1000, 5000, now)
	require.NoError(t, err)
	require.NoError(t, db.SetKeyAppKey(ctx, id, "7654321"))
	require.NoError(t, db.SetKeySecret(ctx, id, "the-app-secret"))
	_, err = db.EnsureAccount(ctx, id, "buyer1", now)
	require.NoError(t, err)
	require.NoError(t, db.SetAccountToken(ctx, id, "buyer1", "the-token-value"))
	_, err = db.sql.ExecContext(ctx, "UPDATE keys SET retired_at = ? WHERE id = ?", now.UnixMilli(), id)
	require.NoError(t, err)
	require.NoError(t, db.SetSetting(ctx, "ui.language", "ru"))

	keys, err := db.KeyReports(ctx)
	require.NoError(t, err)
	require.Len(t, keys, 1)
	assert.Equal(t, "7654321", keys[0].AppKey)
	assert.True(t, keys[0].Retired)
	assert.Equal(t, now, keys[0].RetiredAt)
	assert.True(t, keys[0].SecretInDatabase)
	assert.NotContains(t, fmt.Sprintf("%+v", keys), "the-app-secret")

	accounts, err := db.AccountReports(ctx)
	require.NoError(t, err)
	require.Len(t, accounts, 1)
	assert.Equal(t, "buyer1", accounts[0].LoginID)
	assert.Equal(t, "unchecked", accounts[0].TokenState)
	assert.True(t, accounts[0].TokenInDatabase)
	assert.NotContains(t, fmt.Sprintf("%+v", accounts), "the-token-value")

	settings, err := db.Settings(ctx)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"ui.language": "ru"}, settings)

	counts, err := db.TableCounts(ctx)
	require.NoError(t, err)
	byTable := map[string]int{}
	for _, c := range counts {
		byTable[c.Table] = c.Rows
	}
	assert.Equal(t, 1, byTable["keys"])
	assert.Equal(t, 1, byTable["accounts"])
	assert.Equal(t, 12, byTable["status_map"], "the default mapping")
	assert.Contains(t, byTable, "gateway_errors")
	assert.Contains(t, byTable, "orders")
}
