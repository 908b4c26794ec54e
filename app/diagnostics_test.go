package app

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app/applog"
	"caigou/app/msgchan"
	"caigou/app/open1688"
	"caigou/app/sim"
	"caigou/storage"
	"caigou/storage/storagetest"
)

// readZip is every entry of a zip by name.
func readZip(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	entries := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(r)
		require.NoError(t, err)
		require.NoError(t, r.Close())
		entries[f.Name] = string(b)
	}
	return entries
}

// secretForms are the ways a secret could show in a text: as it is, URL-escaped, in base64.
func secretForms(s string) []string {
	return []string{
		s, url.QueryEscape(s), url.PathEscape(s), base64.StdEncoding.EncodeToString([]byte(s)),
		base64.URLEncoding.EncodeToString([]byte(s)),
	}
}

// TestDiagnosticsHoldNoSecret stores known secrets the way a real run leaves them, with none of
// them registered with the redactor beforehand (as after a start that has not read them yet), so
// the file's own redaction is what keeps them out.
func TestDiagnosticsHoldNoSecret(t *testing.T) {
	const (
		appKey    = "8620002"
		login     = "diag_buyer"
		appSecret = "DiagAppSecret-7f3k2m9q"
		token     = "diag-token-5b7c1e9d0a44"
		password  = "Pr0xy-Passw0rd-xyz"
	)
	keyring.MockInit()
	ctx := testCtx(t)
	a := newTestApp(t)
	a.SetVersion("1.4.2")
	db := a.db
	now := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

	keyID, err := db.InsertKey(ctx, 1000, 5000, now)
	require.NoError(t, err)
	require.NoError(t, db.SetKeyAppKey(ctx, keyID, appKey))
	require.NoError(t, db.SetActiveKey(ctx, keyID))
	_, err = db.EnsureAccount(ctx, keyID, login, now)
	require.NoError(t, err)
	// Both places at once: the keychain, and the database columns of a run without one.
	require.NoError(t, keyring.Set(KeychainService, appSecretEntry(appKey), appSecret))
	require.NoError(t, keyring.Set(KeychainService, tokenEntry(appKey, login), token))
	require.NoError(t, db.SetKeySecret(ctx, keyID, appSecret))
	require.NoError(t, db.SetAccountToken(ctx, keyID, login, token))
	require.NoError(t, db.SetSetting(ctx, "proxy.password", password))
	require.NoError(t, db.SetSetting(ctx, "proxy.note", "the proxy's password is "+password))
	require.NoError(t, db.SetSetting(ctx, "ui.language", "ru"))

	logDir := filepath.Join(t.TempDir(), "logs")
	l, err := applog.Open(logDir, nil)
	require.NoError(t, err)
	log.SetOutput(l)
	t.Cleanup(func() {
		log.SetOutput(os.Stderr)
		_ = l.Close()
	})
	log.Printf("diag: calling the gateway with AppSecret %s and token %s", appSecret, token)
	log.Printf("diag: POST https://gw.open.1688.com/openapi/param2/1/x?access_token=%s&_aop_signature=ABCDEF0123", token)

	require.NoError(t, db.AddGatewayError(ctx, storage.GatewayError{
		At: now, AppKey: appKey, API: "alibaba.trade.get.buyerView", Kind: "auth", Status: 401, Code: "401",
		Message: "token " + token + " rejected", RequestID: "req-diag-1",
		Body: `{"error_code":"401","error_message":"invalid token ` + token + `","secret":"` + appSecret + `"}`,
	}))
	recordGatewayErrors(db, appKey, t.Logf)(&open1688.Error{
		Kind: open1688.KindSignature, API: "system.currentTime", Status: 400, Code: "gw.SignatureInvalid",
		Body: []byte(`{"error_message":"sign with ` + appSecret + `"}`),
	})
	_, err = db.ApplyMessages(ctx, []storage.InboxMessage{{
		MsgID: "diag-msg-1", KeyID: keyID, Type: "ORDER_BUYER_VIEW_BUYER_MAKE", ReceivedAt: now.UnixMilli(),
		Body: `{"data":{"token":"` + token + `"}}`, Err: "unreadable: no orderId",
	}})
	require.NoError(t, err)
	a.channels.observe(msgchan.Event{State: msgchan.State{Status: msgchan.Connecting, Since: now}})
	a.channels.observe(msgchan.Event{State: msgchan.State{
		Status: msgchan.Disconnected, Since: now.Add(time.Second), ErrAt: now.Add(time.Second),
		Err: errors.New("refused for secret " + appSecret),
	}})

	var buf bytes.Buffer
	require.NoError(t, a.WriteDiagnostics(ctx, &buf, logDir, now))
	entries := readZip(t, buf.Bytes())
	require.ElementsMatch(t, []string{
		"about.txt", "settings.json", "log.txt", "channel.txt",
		"gateway-errors.json", "failed-messages.json", "counts.txt",
	}, keysOf(entries))
	for name, text := range entries {
		for _, secret := range []string{appSecret, token, password} {
			for _, form := range secretForms(secret) {
				assert.NotContains(t, text, form, "%s holds a secret", name)
			}
		}
	}

	// The entries hold what they are for, so the test cannot pass on an empty file.
	assert.Contains(t, entries["about.txt"], "caigou 1.4.2")
	assert.Contains(t, entries["about.txt"], "Schema version: 4")
	assert.Contains(t, entries["about.txt"], "Secrets kept in: the OS keychain")
	assert.Contains(t, entries["log.txt"], "diag: calling the gateway with AppSecret [redacted] and token [redacted]")
	assert.Contains(t, entries["log.txt"], "access_token=[redacted]&_aop_signature=[redacted]")
	assert.Contains(t, entries["channel.txt"], "State: disconnected")
	assert.Contains(t, entries["channel.txt"], "refused for secret [redacted]")
	assert.Contains(t, entries["counts.txt"], "gateway_errors")
	assert.Regexp(t, `(?m)^gateway_errors\s+2$`, entries["counts.txt"])
	assert.Regexp(t, `(?m)^messages\s+1$`, entries["counts.txt"])

	var settings struct {
		Settings map[string]string
		Keys     []map[string]any
		Accounts []map[string]any
	}
	require.NoError(t, json.Unmarshal([]byte(entries["settings.json"]), &settings))
	assert.Equal(t, "ru", settings.Settings["ui.language"])
	assert.Equal(t, applog.Redacted, settings.Settings["proxy.password"])
	require.Len(t, settings.Keys, 1)
	assert.Equal(t, appKey, settings.Keys[0]["AppKey"])
	assert.Equal(t, true, settings.Keys[0]["SecretInDatabase"])
	require.Len(t, settings.Accounts, 1)
	assert.Equal(t, login, settings.Accounts[0]["LoginID"])

	var gatewayErrors []storage.GatewayError
	require.NoError(t, json.Unmarshal([]byte(entries["gateway-errors.json"]), &gatewayErrors))
	require.Len(t, gatewayErrors, 2)
	assert.Equal(t, "signature", gatewayErrors[0].Kind, "newest first")
	assert.Contains(t, gatewayErrors[1].Body, "invalid token [redacted]", "the raw body, redacted")
	var failed []storage.StoredMessage
	require.NoError(t, json.Unmarshal([]byte(entries["failed-messages.json"]), &failed))
	require.Len(t, failed, 1)
	assert.Equal(t, "diag-msg-1", failed[0].MsgID)
	assert.Contains(t, failed[0].Body, `"token":"[redacted]"`)
}

func keysOf(m map[string]string) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func TestDiagnosticsWithoutLogOrChannelStillWrite(t *testing.T) {
	keyring.MockInit()
	a := newTestApp(t)
	var buf bytes.Buffer
	require.NoError(t, a.WriteDiagnostics(testCtx(t), &buf, t.TempDir(), time.Now()))
	entries := readZip(t, buf.Bytes())
	assert.Empty(t, entries["log.txt"], "an empty log folder gives an empty log")
	assert.Contains(t, entries["channel.txt"], "has not run")
	assert.JSONEq(t, "[]", entries["gateway-errors.json"])
	assert.JSONEq(t, "[]", entries["failed-messages.json"])
}

func TestDiagnosticsReportAWriteFailure(t *testing.T) {
	keyring.MockInit()
	a := newTestApp(t)
	err := a.WriteDiagnostics(testCtx(t), &failingWriter{limit: 100}, "", time.Now())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk full", "the writer's failure comes back to the caller")
}

func TestSecretsAreRegisteredWithTheRedactor(t *testing.T) {
	keyring.MockInit()
	ctx := testCtx(t)
	a := newTestApp(t)
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, a.SaveKeyCredentials(ctx, keyID, "8630003", "RegisteredSecret-9911"))
	require.NoError(t, a.SaveAccount(ctx, keyID, "reg_buyer", "registered-token-4455"))
	assert.Equal(t, "s=[redacted] t=[redacted]", applog.Redact("s=RegisteredSecret-9911 t=registered-token-4455"))
}

func TestFailedCallsAreRecordedForDiagnostics(t *testing.T) {
	gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "currentTime") {
			w.WriteHeader(400)
			_, _ = io.WriteString(w, `{"error_code":"gw.SignatureInvalid","error_message":"bad sign","request_id":"r-sig"}`)
			return
		}
		w.WriteHeader(401)
		_, _ = io.WriteString(w, `{"error_code":"401","error_message":"token rejected","request_id":"r-auth"}`)
	}))
	t.Cleanup(gw.Close)
	ctx := testCtx(t)
	a := newTestApp(t)
	a.SetEndpoints(Endpoints{Gateway: gw.URL + "/openapi"})
	keyID := activateDemoKey(t, a)

	c, ak, err := a.Client(ctx)
	require.NoError(t, err)
	_, err = c.BuyerOrderList(ctx, open1688.BuyerOrderListRequest{PageSize: 1})
	require.Error(t, err)
	w := a.Wizard(keyID)
	r := w.CheckKey(ctx, gw.URL+"/openapi", "8640004", "WizardTypedSecret-01")
	require.False(t, r.OK)

	list, err := a.db.GatewayErrors(ctx, 10)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "8640004", list[0].AppKey, "the wizard's check, under the key being set up")
	assert.Equal(t, "signature", list[0].Kind)
	assert.Equal(t, "r-sig", list[0].RequestID)
	assert.Equal(t, ak.Key.AppKey, list[1].AppKey, "the active key's call")
	assert.Equal(t, "auth", list[1].Kind)
	assert.Equal(t, 401, list[1].Status)
	assert.Contains(t, list[1].Body, "token rejected", "the raw body is kept for diagnostics")
	assert.Equal(t, "k=[redacted]", applog.Redact("k=WizardTypedSecret-01"), "what the wizard was given is a secret")
}

func TestChannelHistoryKeepsChangesNotPushes(t *testing.T) {
	var h channelHistory
	_, ok := h.latest()
	assert.False(t, ok)
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	h.observe(msgchan.Event{State: msgchan.State{Status: msgchan.Connecting, Since: t0}})
	h.observe(msgchan.Event{State: msgchan.State{Status: msgchan.Connected, Since: t0.Add(time.Second)}})
	h.observe(msgchan.Event{State: msgchan.State{Status: msgchan.Connected, Since: t0.Add(time.Second), LastPush: t0.Add(2 * time.Second)}})
	dropped := msgchan.State{Status: msgchan.Connecting, Since: t0.Add(3 * time.Second), Err: errors.New("connection reset"), ErrAt: t0.Add(3 * time.Second)}
	h.observe(msgchan.Event{State: dropped})
	h.observe(msgchan.Event{State: dropped}) // the same error again is no change
	h.observe(msgchan.Event{
		State:  msgchan.State{Status: msgchan.Connected, Since: t0.Add(4 * time.Second)},
		System: &msgchan.SystemEvent{Kind: msgchan.SystemNotice, Text: "maintenance at 02:00", At: t0.Add(5 * time.Second)},
	})

	got := h.list()
	require.Len(t, got, 4, "the push alone and the repeated error are not changes")
	assert.Equal(t, []msgchan.Status{msgchan.Connecting, msgchan.Connected, msgchan.Connecting, msgchan.Connected},
		[]msgchan.Status{got[0].Status, got[1].Status, got[2].Status, got[3].Status})
	assert.Equal(t, "connection reset", got[2].Detail)
	assert.Equal(t, "SYSTEM notice: maintenance at 02:00", got[3].Detail)
	assert.Equal(t, t0.Add(5*time.Second), got[3].At)
}

func TestChannelHistoryKeepsTheLast200(t *testing.T) {
	var h channelHistory
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i := range 450 {
		status := msgchan.Connecting
		if i%2 == 1 {
			status = msgchan.Connected
		}
		h.observe(msgchan.Event{State: msgchan.State{Status: status, Since: t0.Add(time.Duration(i) * time.Second)}})
	}
	got := h.list()
	require.Len(t, got, keptChannelChanges)
	assert.Equal(t, t0.Add(250*time.Second), got[0].At, "the oldest kept")
	assert.Equal(t, t0.Add(449*time.Second), got[len(got)-1].At, "the newest last")
	latest, ok := h.latest()
	require.True(t, ok)
	assert.Equal(t, got[len(got)-1], latest)
}

func TestTrackingFeedsTheChannelHistory(t *testing.T) {
	keyring.MockInit()
	ctx := context.Background()
	a := newTestApp(t)
	srv, err := sim.Start(sim.Options{Seed: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	a.SetEndpoints(Endpoints{Gateway: srv.URL(), Channel: srv.ChannelURL()})
	activateDemoKey(t, a)

	s, err := a.StartTracking(ctx)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		latest, _ := a.ChannelState()
		return latest.Status == msgchan.Connected
	}, 10*time.Second, 5*time.Millisecond)
	s.Close()

	latest, ok := a.ChannelState()
	require.True(t, ok)
	assert.Equal(t, msgchan.Disconnected, latest.Status, "the close is recorded")
	var statuses []msgchan.Status
	for _, c := range a.ChannelHistory() {
		statuses = append(statuses, c.Status)
	}
	assert.Contains(t, statuses, msgchan.Connecting)
	assert.Contains(t, statuses, msgchan.Connected)
}

func TestCallsCaigouCancelledAreNotGatewayErrors(t *testing.T) {
	ctx := context.Background()
	db := storagetest.OpenTemp(t)
	record := recordGatewayErrors(db, "7654321", t.Logf)
	record(&open1688.Error{Kind: open1688.KindNetwork, API: "alibaba.trade.get.buyerView", Err: fmt.Errorf("post: %w", context.Canceled)})
	record(&open1688.Error{Kind: open1688.KindNetwork, API: "alibaba.trade.get.buyerView", Err: errors.New("connection reset by peer")})
	errs, err := db.GatewayErrors(ctx, 10)
	require.NoError(t, err)
	require.Len(t, errs, 1, "only the call the network failed")
	assert.Contains(t, errs[0].Message, "connection reset")
}
