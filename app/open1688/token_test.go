package open1688

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRefreshToken(t *testing.T) {
	const refresh = "REFRESH-77c1-0001"
	tests := []struct {
		name      string
		param     string // Config.RefreshTokenParam
		wantParam string
		answer    string
		want      Token
	}{
		{
			name: "docs' parameter name, expires_in as a string, no new refresh token", wantParam: "refresh_token",
			answer: `{"aliId":"8888888888","resource_owner":"buyer01","memberId":"b2b-2379510033","expires_in":"36000","access_token":"NEW-ACCESS-1"}`,
			want:   Token{AccessToken: "NEW-ACCESS-1", ExpiresIn: 10 * time.Hour, ResourceOwner: "buyer01", MemberID: "b2b-2379510033", AliID: "8888888888"},
		},
		{
			name: "the Java SDK's parameter name, a new refresh token, numbers as numbers", param: "refreshToken", wantParam: "refreshToken",
			answer: `{"aliId":8888888888,"expires_in":36000,"access_token":"NEW-ACCESS-2","refresh_token":"REFRESH-NEW","refresh_token_timeout":"20270626174405000+0800"}`,
			want:   Token{AccessToken: "NEW-ACCESS-2", ExpiresIn: 10 * time.Hour, RefreshToken: "REFRESH-NEW", RefreshTokenTimeout: "20270626174405000+0800", AliID: "8888888888"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var path string
			var form url.Values
			g := newGateway(t, func(w http.ResponseWriter, r *http.Request) {
				require.NoError(t, r.ParseForm())
				path, form = r.URL.Path, r.PostForm
				answer(w, 200, tt.answer)
			})
			c, counter := coreClient(t, g, func(cfg *Config) { cfg.RefreshTokenParam = tt.param })
			now := time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)
			c.now = func() time.Time { return now }

			got, err := c.RefreshToken(context.Background(), RefreshTokenRequest{RefreshToken: refresh})
			require.NoError(t, err)
			tt.want.ExpiresAt = now.Add(10 * time.Hour)
			assert.Equal(t, &tt.want, got)

			assert.Equal(t, "/openapi/http/1/system.oauth2/getToken/"+coreAppKey, path)
			assert.Equal(t, url.Values{
				"grant_type": {"refresh_token"}, "client_id": {coreAppKey}, "client_secret": {coreSecret},
				tt.wantParam: {refresh},
			}, form, "unsigned, and no access_token")
			assert.Equal(t, []countedCall{{coreAppKey, "2026-03-09", false}}, counter.counted())
		})
	}
}

func TestRefreshTokenRefused(t *testing.T) {
	const refresh = "REFRESH-77c1-0001"
	tests := []struct {
		name   string
		status int
		body   string
	}{
		{"OAuth error, HTTP 400", 400, `{"error":"invalid_grant","error_description":"refresh_token ` + refresh + ` expired"}`},
		{"OAuth error, HTTP 200", 200, `{"error":"invalid_grant","error_description":"refresh_token ` + refresh + ` expired"}`},
		{"gateway error, HTTP 401", 401, `{"error_code":"401","error_message":"refresh_token ` + refresh + ` expired"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGateway(t, func(w http.ResponseWriter, _ *http.Request) { answer(w, tt.status, tt.body) })
			c, _ := coreClient(t, g, nil)
			tok, err := c.RefreshToken(context.Background(), RefreshTokenRequest{RefreshToken: refresh})
			assert.Nil(t, tok)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, KindAuth, e.Kind)
			assert.Equal(t, tokenAPI, e.API)
			assert.NotContains(t, err.Error(), refresh)
			assert.NotContains(t, string(e.Body), refresh)
			assert.EqualValues(t, 1, g.hits.Load(), "never retried")
		})
	}
}
