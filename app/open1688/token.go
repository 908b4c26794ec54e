package open1688

import (
	"context"
	"net/url"
	"strconv"
	"time"
)

// tokenAPI names the token route in errors and call counts.
const tokenAPI = "system.oauth2.getToken"

// RefreshTokenRequest asks for a new access token in exchange for a refresh token.
type RefreshTokenRequest struct {
	RefreshToken string
}

// Token is an access token the gateway issued (1688.md §2.2).
type Token struct {
	AccessToken string
	// ExpiresIn is the token's life as the gateway gave it (expires_in, "36000" for 10 h), and
	// ExpiresAt the instant that ends, by the local clock when the answer came.
	ExpiresIn time.Duration
	ExpiresAt time.Time
	// RefreshToken is a new refresh token, or "" when the gateway sent none: then keep the old
	// one (1688.md §2.2 leaves open whether refreshing issues a new one).
	RefreshToken string
	// RefreshTokenTimeout is when the refresh token ends, as sent: yyyyMMddHHmmssSSSZ.
	RefreshTokenTimeout string
	ResourceOwner       string // the account's login id
	MemberID            string // e.g. "b2b-2379510033"
	AliID               string
}

// RefreshToken exchanges a refresh token for a new access token through the token route,
// {BaseURL}/http/1/system.oauth2/getToken/{appKey}, which is not signed. The refresh token is
// sent as Config.RefreshTokenParam ("refresh_token" unless set). The call is counted and
// budgeted like any other, and never retried: a refresh token might be spent by the first try.
func (c *Client) RefreshToken(ctx context.Context, req RefreshTokenRequest) (*Token, error) {
	form := url.Values{
		"grant_type":    {"refresh_token"},
		"client_id":     {c.appKey},
		"client_secret": {c.secret},
		c.refreshParam:  {req.RefreshToken},
	}
	endpoint := c.baseURL + "/http/1/system.oauth2/getToken/" + c.appKey
	body, err := c.attempt(ctx, tokenAPI, endpoint, form)
	if err != nil {
		c.reportError(err)
		return nil, err
	}
	fields := jsonFields(body)
	tok := &Token{
		AccessToken:         firstField(fields, "access_token"),
		RefreshToken:        firstField(fields, "refresh_token"),
		RefreshTokenTimeout: firstField(fields, "refresh_token_timeout"),
		ResourceOwner:       firstField(fields, "resource_owner"),
		MemberID:            firstField(fields, "memberId"),
		AliID:               firstField(fields, "aliId"),
	}
	if tok.AccessToken == "" {
		// An OAuth-style refusal can come with HTTP 200: {"error":"invalid_grant",...}.
		e := gatewayError(200, body)
		e.Kind = KindAuth
		err := c.finish(e, tokenAPI, form)
		c.reportError(err)
		return nil, err
	}
	// expires_in comes as a string ("36000"), sometimes as a number; firstField reads both.
	if secs, err := strconv.ParseInt(firstField(fields, "expires_in"), 10, 64); err == nil && secs > 0 {
		tok.ExpiresIn = time.Duration(secs) * time.Second
		tok.ExpiresAt = c.now().Add(tok.ExpiresIn)
	}
	return tok, nil
}
