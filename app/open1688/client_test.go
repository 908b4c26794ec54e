package open1688

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	coreAppKey = "1234567"
	coreSecret = "testSecret-8f3a"
	coreToken  = "TOKEN-0001-aa55"
)

var (
	buyerViewSpec   = apiSpec{namespace: "com.alibaba.trade", name: "alibaba.trade.get.buyerView", version: 1, token: true, retry: true}
	currentTimeSpec = apiSpec{namespace: "system", name: "currentTime", version: 1, retry: true}
	createOrderSpec = apiSpec{namespace: "com.alibaba.trade", name: "alibaba.trade.fastCreateOrder", version: 1, token: true}
)

// recordingCounter is a CallCounter that starts from preset counts and records every call.
type recordingCounter struct {
	mu     sync.Mutex
	preset int
	calls  []countedCall
}

type countedCall struct {
	appKey, day string
	failed      bool
}

func (r *recordingCounter) CountCall(_ context.Context, appKey, day string, failed bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, countedCall{appKey, day, failed})
	return nil
}

func (r *recordingCounter) CallsOn(_ context.Context, appKey, day string) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.preset
	for _, c := range r.calls {
		if c.appKey == appKey && c.day == day {
			n++
		}
	}
	return n, nil
}

func (r *recordingCounter) counted() []countedCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]countedCall(nil), r.calls...)
}

// gateway is an httptest server that answers with handler and counts the requests it got.
type gateway struct {
	*httptest.Server
	hits atomic.Int32
}

func newGateway(t *testing.T, handler http.HandlerFunc) *gateway {
	t.Helper()
	g := &gateway{}
	g.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g.hits.Add(1)
		handler(w, r)
	}))
	t.Cleanup(g.Close)
	return g
}

// answer writes a JSON answer the way the gateway does.
func answer(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// coreClient is a Client of g with fast retries and a recording counter; edit changes its Config.
func coreClient(t *testing.T, g *gateway, edit func(*Config)) (*Client, *recordingCounter) {
	t.Helper()
	counter := &recordingCounter{}
	cfg := Config{
		BaseURL: g.URL + "/openapi", AppKey: coreAppKey, AppSecret: coreSecret, AccessToken: coreToken,
		Version: "1.2.3", Counter: counter, Retry: RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond},
		Logf: t.Logf,
	}
	if edit != nil {
		edit(&cfg)
	}
	c, err := New(cfg)
	require.NoError(t, err)
	return c, counter
}

func TestCallSendsASignedForm(t *testing.T) {
	type seen struct {
		method, path, contentType, userAgent string
		form                                 url.Values
	}
	got := make(chan seen, 1)
	g := newGateway(t, func(w http.ResponseWriter, r *http.Request) {
		require.NoError(t, r.ParseForm())
		got <- seen{r.Method, r.URL.Path, r.Header.Get("Content-Type"), r.Header.Get("User-Agent"), r.PostForm}
		answer(w, 200, `{"success":"true","result":{}}`)
	})
	address := `{"fullName":"张三","address":"文一西路969号 & 1=2"}`
	for _, tt := range []struct {
		name      string
		spec      apiSpec
		timestamp bool
		wantToken bool
	}{
		{"with token", buyerViewSpec, false, true},
		{"without token", currentTimeSpec, false, false},
		{"with timestamp", buyerViewSpec, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, counter := coreClient(t, g, func(cfg *Config) { cfg.SendTimestamp = tt.timestamp })
			body, err := c.call(context.Background(), tt.spec, map[string]string{"orderId": "3717426277620540788", "addressParam": address})
			require.NoError(t, err)
			assert.JSONEq(t, `{"success":"true","result":{}}`, string(body))

			s := <-got
			path := tt.spec.urlPath(coreAppKey)
			assert.Equal(t, http.MethodPost, s.method)
			assert.Equal(t, "/openapi/"+path, s.path)
			assert.Equal(t, "application/x-www-form-urlencoded; charset=UTF-8", s.contentType)
			assert.Equal(t, "caigou/1.2.3", s.userAgent)
			assert.Equal(t, address, s.form.Get("addressParam"), "JSON values arrive exactly as given")
			assert.Equal(t, tt.wantToken, s.form.Has("access_token"))
			if tt.wantToken {
				assert.Equal(t, coreToken, s.form.Get("access_token"))
			}
			assert.Equal(t, tt.timestamp, s.form.Has("_aop_timestamp"))

			// The gateway's check: recompute over everything received except the signature.
			received := map[string]string{}
			for k := range s.form {
				received[k] = s.form.Get(k)
			}
			assert.Equal(t, Sign(path, received, coreSecret), s.form.Get("_aop_signature"))
			assert.Equal(t, []countedCall{{coreAppKey, ChinaDay(time.Now()), false}}, counter.counted())
		})
	}
}

func TestCallErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		kind   Kind
		code   string
	}{
		{"gateway error", 400, `{"error_code":"gw.APIACLDecline","error_message":"AppKey is not allowed(acl)"}`, KindPermission, "gw.APIACLDecline"},
		{"token error", 401, `{"error_code":"401","error_message":"Request need user authorized"}`, KindAuth, "401"},
		{"business error", 200, `{"success":false,"code":"500","message":"不是自己的订单"}`, KindBusiness, "500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGateway(t, func(w http.ResponseWriter, _ *http.Request) { answer(w, tt.status, tt.body) })
			c, counter := coreClient(t, g, nil)
			body, err := c.call(context.Background(), createOrderSpec, nil)
			assert.Nil(t, body)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.kind, e.Kind)
			assert.Equal(t, tt.code, e.Code)
			assert.Equal(t, tt.status, e.Status)
			assert.Equal(t, createOrderSpec.name, e.API)
			assert.JSONEq(t, tt.body, string(e.Body))
			assert.Equal(t, []countedCall{{coreAppKey, ChinaDay(time.Now()), true}}, counter.counted(), "failed calls count too")
		})
	}
}

func TestErrorsHideSecrets(t *testing.T) {
	echo := `{"error_code":"gw.SignatureInvalid","error_message":"bad sign for secret ` + coreSecret + ` token ` + coreToken + `"}`
	g := newGateway(t, func(w http.ResponseWriter, _ *http.Request) { answer(w, 400, echo) })
	c, _ := coreClient(t, g, nil)
	_, err := c.call(context.Background(), buyerViewSpec, nil)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, KindSignature, e.Kind)
	for _, secret := range []string{coreSecret, coreToken} {
		assert.NotContains(t, err.Error(), secret)
		assert.NotContains(t, string(e.Body), secret)
	}
	assert.Contains(t, e.Message, "bad sign for secret ***")
}

func TestCodeKindsOverride(t *testing.T) {
	tests := []struct {
		name     string
		kind     Kind
		wantHits int32
	}{
		{"pinned to quota: not retried", KindQuota, 1},
		{"pinned to rate limit: retried, and stays a rate limit", KindRateLimit, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGateway(t, func(w http.ResponseWriter, _ *http.Request) {
				answer(w, 400, `{"error_code":"gw.QosAppFrequencyLimit"}`)
			})
			c, _ := coreClient(t, g, func(cfg *Config) {
				cfg.CodeKinds = map[string]Kind{"gw.QosAppFrequencyLimit": tt.kind}
				cfg.Retry.Attempts = 2
			})
			_, err := c.call(context.Background(), currentTimeSpec, nil)
			assert.Equal(t, tt.kind, KindOf(err))
			assert.Equal(t, tt.wantHits, g.hits.Load())
		})
	}
}

func TestCallTimesOut(t *testing.T) {
	release := make(chan struct{})
	g := newGateway(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	c, counter := coreClient(t, g, func(cfg *Config) { cfg.Timeout = 20 * time.Millisecond })
	start := time.Now()
	_, err := c.call(context.Background(), createOrderSpec, nil)
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Equal(t, KindNetwork, KindOf(err))
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Len(t, counter.counted(), 1)
}

func TestNewChecksConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no AppKey", Config{AppSecret: "s"}, "AppKey"},
		{"AppKey with a slash", Config{AppKey: "12/34", AppSecret: "s"}, "AppKey"},
		{"no AppSecret", Config{AppKey: "1"}, "AppSecret"},
		{"not http", Config{AppKey: "1", AppSecret: "s", BaseURL: "ftp://x/openapi"}, "base URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			assert.ErrorContains(t, err, tt.want)
		})
	}
	c, err := New(Config{AppKey: "1", AppSecret: "s"})
	require.NoError(t, err)
	assert.Equal(t, DefaultBaseURL, c.baseURL)
	assert.Equal(t, "caigou/dev", c.userAgent)
	assert.Equal(t, "1", c.AppKey())
}

func TestCallsToday(t *testing.T) {
	g := newGateway(t, func(w http.ResponseWriter, _ *http.Request) { answer(w, 200, `"20261010164552223+0800"`) })
	c, err := New(Config{BaseURL: g.URL + "/openapi/", AppKey: coreAppKey, AppSecret: coreSecret})
	require.NoError(t, err)
	for range 3 {
		_, err := c.call(context.Background(), currentTimeSpec, nil)
		require.NoError(t, err)
	}
	n, err := c.CallsToday(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 3, n, "without a Counter the client counts in memory")
	assert.True(t, strings.HasSuffix(c.baseURL, "/openapi"), "a trailing slash is dropped")
}
