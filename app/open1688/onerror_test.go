package open1688

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errorLog collects what Config.OnError sees.
type errorLog struct {
	mu   sync.Mutex
	seen []*Error
}

func (l *errorLog) add(e *Error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen = append(l.seen, e)
}

func TestOnErrorSeesEachFailedCallOnceWithItsFinalKind(t *testing.T) {
	g := newGateway(t, func(w http.ResponseWriter, r *http.Request) {
		answer(w, 429, `{"error_code":"gw.QosAppFrequencyLimit","error_message":"limit `+coreToken+`","request_id":"r-1"}`)
	})
	var errs errorLog
	c, _ := coreClient(t, g, func(cfg *Config) { cfg.OnError = errs.add })

	_, err := c.call(context.Background(), buyerViewSpec, nil)
	require.Error(t, err)
	require.Len(t, errs.seen, 1, "three attempts, one failed call")
	e := errs.seen[0]
	assert.Equal(t, KindQuota, e.Kind, "the kind after the retries settled it")
	assert.Equal(t, "alibaba.trade.get.buyerView", e.API)
	assert.Equal(t, "r-1", e.RequestID)
	assert.NotContains(t, string(e.Body), coreToken, "secrets are gone before the hook sees the body")
	assert.Equal(t, int32(3), g.hits.Load())
}

func TestOnErrorStaysQuietOnSuccess(t *testing.T) {
	g := newGateway(t, func(w http.ResponseWriter, r *http.Request) { answer(w, 200, `{"success":"true","result":{}}`) })
	var errs errorLog
	c, _ := coreClient(t, g, func(cfg *Config) { cfg.OnError = errs.add })
	_, err := c.call(context.Background(), buyerViewSpec, nil)
	require.NoError(t, err)
	assert.Empty(t, errs.seen)
}

func TestOnErrorSeesAFailedTokenRefresh(t *testing.T) {
	g := newGateway(t, func(w http.ResponseWriter, r *http.Request) {
		answer(w, 200, `{"error":"invalid_grant","error_description":"refresh token expired"}`)
	})
	var errs errorLog
	c, _ := coreClient(t, g, func(cfg *Config) { cfg.OnError = errs.add })
	_, err := c.RefreshToken(context.Background(), RefreshTokenRequest{RefreshToken: "refresh-0001-xyz"})
	require.Error(t, err)
	require.Len(t, errs.seen, 1)
	assert.Equal(t, KindAuth, errs.seen[0].Kind)
}
