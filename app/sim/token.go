package sim

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// getToken serves system.oauth2/getToken under both the http/1 and the
// param2/1 path (1688.md §2.2, §7.2). It is unsigned and supports the
// refresh grant, which is all a desktop app with console-issued tokens
// needs. The refresh token may arrive as refresh_token (docs) or
// refreshToken (the Java SDK).
//
// Error bodies follow OAuth ({"error","error_description"}); 1688.md
// found no sample, so that shape is a GUESS.
func (s *Sim) getToken(app App, form url.Values) (int, any) {
	oauthErr := func(status int, code, desc string) (int, any) {
		return status, map[string]any{"error": code, "error_description": desc}
	}
	switch gt := form.Get("grant_type"); gt {
	case "refresh_token":
	case "":
		return oauthErr(http.StatusBadRequest, "invalid_request", "grant_type is required")
	default:
		return oauthErr(http.StatusBadRequest, "unsupported_grant_type", "the simulator supports grant_type=refresh_token only, not "+gt)
	}
	if form.Get("client_id") != app.Key || form.Get("client_secret") != app.Secret {
		return oauthErr(http.StatusUnauthorized, "invalid_client", "client_id or client_secret is wrong")
	}
	rt := form.Get("refresh_token")
	if rt == "" {
		rt = form.Get("refreshToken")
	}
	if rt == "" {
		return oauthErr(http.StatusBadRequest, "invalid_request", "refresh_token is required")
	}

	w := s.World
	w.mu.Lock()
	defer w.mu.Unlock()
	now := w.now()
	g, ok := w.refresh[rt]
	if !ok || g.appKey != app.Key || !g.validAt(now) {
		return oauthErr(http.StatusBadRequest, "invalid_grant", "refresh token is invalid or expired")
	}
	b := w.buyers[g.memberID]
	access := "sim-at-" + randomHex(12)
	w.tokens[access] = &grant{app.Key, g.memberID, now.Add(s.opts.AccessTokenTTL)}
	if s.opts.RotateRefreshToken {
		delete(w.refresh, rt)
		rt = "sim-rt-" + randomHex(12)
		w.refresh[rt] = g
	}
	refreshUntil := g.expires
	if refreshUntil.IsZero() {
		// A never-expiring refresh token still needs a date on the wire;
		// half a year is the documented life (1688.md §2.2).
		refreshUntil = now.Add(182 * 24 * time.Hour)
	}
	return http.StatusOK, map[string]any{
		"access_token":          access,
		"expires_in":            strconv.Itoa(int(s.opts.AccessTokenTTL / time.Second)),
		"refresh_token":         rt,
		"refresh_token_timeout": aopTime(refreshUntil),
		"resource_owner":        b.LoginID,
		"memberId":              b.MemberID,
		"aliId":                 b.AliID,
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
