package sim

import (
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func postToken(t *testing.T, s *Sim, protocol string, form url.Values) reply {
	t.Helper()
	resp, err := http.PostForm(s.URL()+"/"+protocol+"/1/system.oauth2/getToken/"+DemoAppKey, form)
	require.NoError(t, err)
	defer resp.Body.Close()
	var body map[string]any
	require.NoError(t, decodeNumbersFrom(resp, &body))
	assert.Equal(t, contentType, resp.Header.Get("Content-Type"))
	return reply{status: resp.StatusCode, body: body}
}

func decodeNumbersFrom(resp *http.Response, v any) error {
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return decodeNumbers(raw, v)
}

func refreshForm(name string) url.Values {
	return url.Values{
		"grant_type": {"refresh_token"}, "client_id": {DemoAppKey}, "client_secret": {DemoAppSecret},
		name: {DemoRefreshToken},
	}
}

func TestRefreshTokenUnderBothPathsAndNames(t *testing.T) {
	s, clock := startSim(t, Options{})
	for _, protocol := range []string{"http", "param2"} {
		for _, name := range []string{"refresh_token", "refreshToken"} {
			t.Run(protocol+" "+name, func(t *testing.T) {
				r := postToken(t, s, protocol, refreshForm(name))
				require.Equal(t, http.StatusOK, r.status, r.body)
				assert.Equal(t, "36000", r.body["expires_in"], "expires_in is a string")
				assert.Equal(t, DemoRefreshToken, r.body["refresh_token"], "kept unless RotateRefreshToken")
				assert.Equal(t, DemoBuyer, r.body["memberId"])
				assert.Equal(t, DemoBuyerLogin, r.body["resource_owner"])
				assert.Regexp(t, `^\d{17}\+0800$`, r.body["refresh_token_timeout"])

				c := newClient(t, s)
				c.token = r.body["access_token"].(string)
				assert.Equal(t, http.StatusOK, c.trade("alibaba.trade.getBuyerOrderList", nil).status)
			})
		}
	}

	t.Run("the new token lasts 10 hours", func(t *testing.T) {
		r := postToken(t, s, "http", refreshForm("refresh_token"))
		c := newClient(t, s)
		c.token = r.body["access_token"].(string)
		clock.Advance(10*time.Hour - time.Millisecond)
		assert.Equal(t, http.StatusOK, c.trade("alibaba.trade.getBuyerOrderList", nil).status)
		clock.Advance(time.Millisecond)
		requireGatewayError(t, c.trade("alibaba.trade.getBuyerOrderList", nil), 401, "401")
	})
}

func TestRefreshTokenErrors(t *testing.T) {
	s, _ := startSim(t, Options{})
	cases := map[string]struct {
		change     func(url.Values)
		status     int
		oauthError string
	}{
		"wrong secret":         {func(v url.Values) { v.Set("client_secret", "x") }, 401, "invalid_client"},
		"wrong client id":      {func(v url.Values) { v.Set("client_id", "1") }, 401, "invalid_client"},
		"unknown refresh":      {func(v url.Values) { v.Set("refresh_token", "nope") }, 400, "invalid_grant"},
		"no refresh token":     {func(v url.Values) { v.Del("refresh_token") }, 400, "invalid_request"},
		"authorization_code":   {func(v url.Values) { v.Set("grant_type", "authorization_code") }, 400, "unsupported_grant_type"},
		"grant_type is absent": {func(v url.Values) { v.Del("grant_type") }, 400, "invalid_request"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			form := refreshForm("refresh_token")
			tc.change(form)
			r := postToken(t, s, "http", form)
			assert.Equal(t, tc.status, r.status)
			assert.Equal(t, tc.oauthError, r.body["error"])
			assert.NotEmpty(t, r.body["error_description"])
		})
	}
}

func TestRotateRefreshToken(t *testing.T) {
	s, _ := startSim(t, Options{RotateRefreshToken: true})
	r := postToken(t, s, "http", refreshForm("refresh_token"))
	require.Equal(t, http.StatusOK, r.status)
	assert.NotEqual(t, DemoRefreshToken, r.body["refresh_token"])
	assert.Equal(t, http.StatusBadRequest, postToken(t, s, "http", refreshForm("refresh_token")).status, "the old one is spent")
}
