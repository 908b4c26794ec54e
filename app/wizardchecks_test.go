package app

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app/open1688"
	"caigou/app/sim"
	"caigou/storage"
)

const wrongSecret = "WrongSecret0042"

type checkEnv struct {
	sim   *sim.Sim
	w     *Wizard
	logs  *logBuffer
	keyID int64
}

func newCheckEnv(t *testing.T) *checkEnv {
	t.Helper()
	s, err := sim.Start(sim.Options{Seed: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	a := newTestApp(t)
	keyID, err := a.StartKey(testCtx(t))
	require.NoError(t, err)
	e := &checkEnv{sim: s, w: a.Wizard(keyID), logs: &logBuffer{}, keyID: keyID}
	e.w.Logf = e.logs.logf
	e.w.TestMessageQuiet = 200 * time.Millisecond
	return e
}

// recorded is what wizard_progress holds for step.
func (e *checkEnv) recorded(t *testing.T, step StepID) StepProgress {
	t.Helper()
	p, err := e.w.step(testCtx(t), step)
	require.NoError(t, err)
	return p
}

func TestCheckKey(t *testing.T) {
	e := newCheckEnv(t)
	ctx := testCtx(t)

	r := e.w.CheckKey(ctx, e.sim.URL(), sim.DemoAppKey, wrongSecret)
	assert.False(t, r.OK)
	assert.Equal(t, CheckKind("gateway.signature"), r.Kind)
	assert.Equal(t, open1688.KindSignature, r.APIKind)
	assert.Contains(t, r.NextStep, "查看", "a wrong secret means: copy the AppSecret again")
	assert.Equal(t, "gateway.signature", e.recorded(t, StepAppKey).CheckError)

	r = e.w.CheckKey(ctx, e.sim.URL(), sim.DemoAppKey, sim.DemoAppSecret)
	assert.True(t, r.OK, "%+v", r)
	p := e.recorded(t, StepAppKey)
	assert.Empty(t, p.CheckError)
	assert.False(t, p.CheckedAt.IsZero())

	r = e.w.CheckKey(ctx, e.sim.URL(), "12ab", sim.DemoAppSecret)
	assert.Equal(t, CheckInvalidInput, r.Kind)
	assert.Equal(t, ExplainInputError(ErrAppKeyNotDigits), r.Explanation)
	assert.Len(t, e.sim.RequestsFor("currentTime"), 2, "an invalid input is not sent")
}

func TestCheckToken(t *testing.T) {
	e := newCheckEnv(t)
	ctx := testCtx(t)

	r := e.w.CheckToken(ctx, e.sim.URL(), sim.DemoAppKey, sim.DemoAppSecret, "not-a-real-token-123")
	assert.False(t, r.OK)
	assert.Equal(t, CheckKind("gateway.auth"), r.Kind)
	assert.Equal(t, open1688.KindAuth, r.APIKind)
	assert.Contains(t, r.NextStep, "已授权token")
	assert.Equal(t, "gateway.auth", e.recorded(t, StepToken).CheckError)

	r = e.w.CheckToken(ctx, e.sim.URL(), sim.DemoAppKey, sim.DemoAppSecret, sim.DemoAccessToken)
	assert.True(t, r.OK, "%+v", r)
	assert.Empty(t, e.recorded(t, StepToken).CheckError)
	reqs := e.sim.RequestsFor("alibaba.trade.getBuyerOrderList")
	require.NotEmpty(t, reqs)
	assert.Equal(t, "1", reqs[len(reqs)-1].Params.Get("pageSize"), "the token check reads one row")
}

func TestCheckTokenNetworkFailureIsExplained(t *testing.T) {
	e := newCheckEnv(t)
	e.sim.Inject("alibaba.trade.getBuyerOrderList", sim.Failure{Kind: sim.ServerError, Status: http.StatusServiceUnavailable})
	r := e.w.CheckToken(testCtx(t), e.sim.URL(), sim.DemoAppKey, sim.DemoAppSecret, sim.DemoAccessToken)
	assert.False(t, r.OK)
	assert.Equal(t, open1688.KindNetwork, r.APIKind)
	assert.NotEmpty(t, r.Explanation)
}

func TestCheckChannel(t *testing.T) {
	e := newCheckEnv(t)
	ctx := testCtx(t)

	start := time.Now()
	r := e.w.CheckChannel(ctx, e.sim.ChannelURL(), sim.DemoAppKey, wrongSecret, 5*time.Second)
	assert.False(t, r.OK)
	assert.Equal(t, CheckChannelBadCredentials, r.Kind)
	assert.NotEmpty(t, r.Explanation)
	assert.Equal(t, string(CheckChannelBadCredentials), e.recorded(t, StepChannel).CheckError)
	assert.Less(t, time.Since(start), 4*time.Second, "a refusal is reported at once, not at the timeout")

	start = time.Now()
	r = e.w.CheckChannel(ctx, e.sim.ChannelURL(), sim.DemoAppKey, sim.DemoAppSecret, 5*time.Second)
	assert.True(t, r.OK, "%+v", r)
	assert.Less(t, time.Since(start), 4*time.Second, "connect and close stay well inside the timeout")
	assert.Empty(t, e.recorded(t, StepChannel).CheckError)
	require.Eventually(t, func() bool { return e.sim.Channel().Stats().Connections == 0 }, 2*time.Second, 10*time.Millisecond,
		"the check closes its connection")
}

func TestCheckChannelRefusalQuotesTheServer(t *testing.T) {
	// A refusal whose words name neither the key nor the sign: the page quotes the server.
	s, err := sim.Start(sim.Options{Seed: true, Channel: sim.ChannelOptions{BadSignText: "服务维护中 maintenance"}})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	a := newTestApp(t)
	keyID, err := a.StartKey(testCtx(t))
	require.NoError(t, err)
	r := a.Wizard(keyID).CheckChannel(testCtx(t), s.ChannelURL(), sim.DemoAppKey, wrongSecret, 5*time.Second)
	assert.False(t, r.OK)
	assert.Equal(t, CheckChannelRefused, r.Kind)
	assert.Contains(t, r.Explanation, "服务维护中 maintenance")
	assert.Contains(t, r.NextStep, "消息通道")
}

func TestCheckChannelNoAnswer(t *testing.T) {
	e := newCheckEnv(t)
	e.sim.Channel().SetSilent(true)
	r := e.w.CheckChannel(testCtx(t), e.sim.ChannelURL(), sim.DemoAppKey, sim.DemoAppSecret, 300*time.Millisecond)
	assert.False(t, r.OK)
	assert.Equal(t, CheckChannelNoAnswer, r.Kind)
	assert.NotEmpty(t, r.NextStep)
}

func TestWaitForTestMessage(t *testing.T) {
	e := newCheckEnv(t)
	var mu sync.Mutex
	var types []string
	h := TestMessageHandlers{
		Listening: func() {
			// One test message as an order would send it, one with an empty sample payload.
			_, err := e.sim.Channel().PushMock(sim.DemoAppKey, orderPay(1))
			assert.NoError(t, err)
			_, err = e.sim.Channel().PushMock(sim.DemoAppKey, sim.Message{Type: sim.TopicOrderBuyerMake, UserInfo: sim.DemoBuyer})
			assert.NoError(t, err)
		},
		Received: func(m MockReceived) {
			mu.Lock()
			defer mu.Unlock()
			types = append(types, m.Type)
		},
	}
	r := e.w.WaitForTestMessage(testCtx(t), e.sim.ChannelURL(), sim.DemoAppKey, sim.DemoAppSecret, 5*time.Second, h)
	assert.True(t, r.OK, "%+v", r)
	mu.Lock()
	defer mu.Unlock()
	assert.ElementsMatch(t, []string{sim.TopicOrderPay, sim.TopicOrderBuyerMake}, types, "each test message is reported")
	assert.Empty(t, e.recorded(t, StepTestMessages).CheckError)
}

func TestWaitForTestMessageTimesOut(t *testing.T) {
	e := newCheckEnv(t)
	listening := false
	h := TestMessageHandlers{Listening: func() {
		listening = true
		// A real push is not a test message: it must not pass the check.
		_, err := e.sim.Channel().Push(sim.DemoAppKey, sim.Message{Type: sim.TopicOrderPay, UserInfo: sim.DemoBuyer})
		assert.NoError(t, err)
	}}
	r := e.w.WaitForTestMessage(testCtx(t), e.sim.ChannelURL(), sim.DemoAppKey, sim.DemoAppSecret, 700*time.Millisecond, h)
	assert.True(t, listening)
	assert.False(t, r.OK)
	assert.Equal(t, CheckNoTestMessage, r.Kind)
	assert.Contains(t, r.NextStep, "去测试")
	assert.Equal(t, string(CheckNoTestMessage), e.recorded(t, StepTestMessages).CheckError)
}

func TestWaitForTestMessageWithoutAConnectionBlamesTheChannel(t *testing.T) {
	e := newCheckEnv(t)
	e.sim.Channel().SetSilent(true)
	r := e.w.WaitForTestMessage(testCtx(t), e.sim.ChannelURL(), sim.DemoAppKey, sim.DemoAppSecret, 300*time.Millisecond,
		TestMessageHandlers{Listening: func() { t.Error("a channel that never acknowledged is not listening") }})
	assert.False(t, r.OK)
	assert.Equal(t, CheckChannelNoAnswer, r.Kind)
}

func TestACancelledCheckIsNotRecorded(t *testing.T) {
	e := newCheckEnv(t)
	ctx, cancel := context.WithCancel(testCtx(t))
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	r := e.w.WaitForTestMessage(ctx, e.sim.ChannelURL(), sim.DemoAppKey, sim.DemoAppSecret, time.Minute, TestMessageHandlers{})
	assert.Equal(t, CheckCancelled, r.Kind)
	p := e.recorded(t, StepTestMessages)
	assert.Empty(t, p.CheckError)
	assert.True(t, p.CheckedAt.IsZero())
}

// TestAFullWizardRunKeepsSecretsOutOfTheDatabaseFile walks every step with a keychain and then
// reads the database files byte by byte: the AppSecret and the token must be in neither.
func TestAFullWizardRunKeepsSecretsOutOfTheDatabaseFile(t *testing.T) {
	keyring.MockInit()
	s, err := sim.Start(sim.Options{Seed: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	dir := t.TempDir()
	db, err := storage.Open(dir)
	require.NoError(t, err)
	a := New(db, dir)
	ctx := testCtx(t)
	logs := &logBuffer{}
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	w := a.Wizard(keyID)
	w.Logf, w.TestMessageQuiet = logs.logf, 100*time.Millisecond

	require.NoError(t, a.SaveKeyCredentials(ctx, keyID, sim.DemoAppKey, sim.DemoAppSecret))
	require.NoError(t, a.SaveAccount(ctx, keyID, sim.DemoBuyerLogin, sim.DemoAccessToken))
	require.True(t, w.CheckKey(ctx, s.URL(), sim.DemoAppKey, sim.DemoAppSecret).OK)
	require.True(t, w.CheckToken(ctx, s.URL(), sim.DemoAppKey, sim.DemoAppSecret, sim.DemoAccessToken).OK)
	require.True(t, w.CheckChannel(ctx, s.ChannelURL(), sim.DemoAppKey, sim.DemoAppSecret, 5*time.Second).OK)
	r := w.WaitForTestMessage(ctx, s.ChannelURL(), sim.DemoAppKey, sim.DemoAppSecret, 5*time.Second, TestMessageHandlers{
		Listening: func() {
			_, err := s.Channel().PushMock(sim.DemoAppKey, orderPay(1))
			assert.NoError(t, err)
		},
	})
	require.True(t, r.OK, "%+v", r)
	for _, step := range WizardSteps {
		require.NoError(t, w.MarkDone(ctx, step.ID, map[string]string{"app_key": sim.DemoAppKey, "login_id": sim.DemoBuyerLogin}))
	}
	require.NoError(t, a.SetActiveKey(ctx, keyID))
	require.NoError(t, db.Close())

	files, err := filepath.Glob(filepath.Join(dir, storage.FileName+"*"))
	require.NoError(t, err)
	var raw []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		raw = append(raw, b...)
	}
	require.True(t, bytes.Contains(raw, []byte(sim.DemoBuyerLogin)), "the files read are the database")
	for _, secret := range []string{sim.DemoAppSecret, sim.DemoAccessToken} {
		assert.False(t, bytes.Contains(raw, []byte(secret)), "a secret is in the database file")
		assert.NotContains(t, logs.text(), secret)
	}
}

// TestChecksNeverLogSecrets runs every check, passing and failing, with a logger that keeps
// every line, then looks for the secrets and the token in them.
func TestChecksNeverLogSecrets(t *testing.T) {
	e := newCheckEnv(t)
	ctx := testCtx(t)
	var results []CheckResult
	for _, secret := range []string{sim.DemoAppSecret, wrongSecret} {
		results = append(results,
			e.w.CheckKey(ctx, e.sim.URL(), sim.DemoAppKey, secret),
			e.w.CheckToken(ctx, e.sim.URL(), sim.DemoAppKey, secret, sim.DemoAccessToken),
			e.w.CheckToken(ctx, e.sim.URL(), sim.DemoAppKey, secret, sim.DemoExpiredToken),
			e.w.CheckChannel(ctx, e.sim.ChannelURL(), sim.DemoAppKey, secret, 2*time.Second),
			e.w.WaitForTestMessage(ctx, e.sim.ChannelURL(), sim.DemoAppKey, secret, 300*time.Millisecond, TestMessageHandlers{}),
		)
	}
	e.sim.Inject("currentTime", sim.Failure{Kind: sim.ServerError})
	results = append(results, e.w.CheckKey(ctx, e.sim.URL(), sim.DemoAppKey, sim.DemoAppSecret))
	require.True(t, slices.ContainsFunc(results, func(r CheckResult) bool { return r.OK }))
	require.True(t, slices.ContainsFunc(results, func(r CheckResult) bool { return !r.OK }))

	steps, err := e.w.Progress(ctx)
	require.NoError(t, err)
	var recorded []string
	for _, s := range steps {
		recorded = append(recorded, s.CheckError)
		for _, v := range s.Inputs {
			recorded = append(recorded, v)
		}
	}
	for _, r := range results {
		recorded = append(recorded, r.Explanation, r.NextStep)
	}
	require.NotEmpty(t, e.logs.text(), "the checks log through Wizard.Logf, so their lines are seen here")
	all := e.logs.text() + "\n" + strings.Join(recorded, "\n")
	for _, secret := range []string{sim.DemoAppSecret, wrongSecret, sim.DemoAccessToken, sim.DemoExpiredToken} {
		assert.NotContains(t, all, secret)
	}
}
