package app

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app/sim"
	"caigou/storage"
)

const keychainSentinel = "real-keychain-entry"

// sentinelKeychain puts a value under the keychain entries the demo key would use. go-keyring's
// mock cannot report calls, but a practice run that wrote these entries would overwrite or
// delete the sentinels, and one that read them would return a sentinel instead of a demo value.
func sentinelKeychain(t *testing.T) []string {
	t.Helper()
	keyring.MockInit()
	t.Cleanup(keyring.MockInit)
	entries := []string{appSecretEntry(sim.DemoAppKey), tokenEntry(sim.DemoAppKey, sim.DemoBuyerLogin)}
	for _, e := range entries {
		require.NoError(t, keyring.Set(KeychainService, e, keychainSentinel))
	}
	return entries
}

func startTestPractice(t *testing.T, dataDir string) *Practice {
	t.Helper()
	p, err := StartPractice(testCtx(t), dataDir)
	require.NoError(t, err)
	t.Cleanup(func() { _ = p.Close() })
	return p
}

func countRows(t *testing.T, db *storage.DB, table string) int {
	t.Helper()
	var n int
	require.NoError(t, db.SQL().QueryRowContext(testCtx(t), "SELECT count(*) FROM "+table).Scan(&n))
	return n
}

// TestPracticeWalkPassesEveryLiveCheck walks the wizard as a practising user would, with the
// values practice mode shows and the wizard's own timeouts, and times it from the button to
// leaving practice mode.
func TestPracticeWalkPassesEveryLiveCheck(t *testing.T) {
	entries := sentinelKeychain(t)
	dataDir := t.TempDir()
	realDB, err := storage.Open(dataDir)
	require.NoError(t, err)
	realApp := New(realDB, dataDir)
	ctx := testCtx(t)

	start := time.Now()
	p := startTestPractice(t, dataDir)
	a, d := p.App(), p.Demo()
	assert.Equal(t, DemoKey{sim.DemoAppKey, sim.DemoAppSecret, sim.DemoAccessToken, sim.DemoBuyerLogin}, d)
	assert.Equal(t, dataDir, a.DataDir(), "translators' locales are found where the real app finds them")
	assert.Equal(t, filepath.Join(dataDir, PracticeFolder, storage.FileName), p.db.Path())
	assert.NotEqual(t, realDB.Path(), p.db.Path())

	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	w := a.Wizard(keyID)
	logs := &logBuffer{}
	w.Logf = logs.logf
	require.NoError(t, a.SaveKeyCredentials(ctx, keyID, d.AppKey, d.AppSecret))
	r := w.CheckKey(ctx, p.GatewayURL(), d.AppKey, d.AppSecret)
	require.True(t, r.OK, "step 4: %+v", r)
	require.NoError(t, a.SaveAccount(ctx, keyID, d.LoginID, d.Token))
	r = w.CheckToken(ctx, p.GatewayURL(), d.AppKey, d.AppSecret, d.Token)
	require.True(t, r.OK, "step 5: %+v", r)
	r = w.CheckChannel(ctx, p.ChannelURL(), d.AppKey, d.AppSecret, 0)
	require.True(t, r.OK, "step 6: %+v", r)
	var received atomic.Int32
	r = w.WaitForTestMessage(ctx, p.ChannelURL(), d.AppKey, d.AppSecret, 10*time.Second, TestMessageHandlers{
		// The user presses the step 9 page's button once the page says it is listening.
		Listening: func() { assert.NoError(t, p.SendTestMessages(2)) },
		Received:  func(MockReceived) { received.Add(1) },
	})
	require.True(t, r.OK, "step 9: %+v", r)
	assert.EqualValues(t, 2, received.Load(), "both test messages are shown")
	for _, s := range WizardSteps {
		require.NoError(t, w.MarkDone(ctx, s.ID, map[string]string{"app_key": d.AppKey}))
	}
	require.NoError(t, a.SetActiveKey(ctx, keyID))
	next, err := w.Resume(ctx)
	require.NoError(t, err)
	assert.Equal(t, StepFinish, next)

	// Practice secrets live in the practice database, and nowhere near the keychain.
	assert.False(t, a.Secrets().InKeychain())
	secret, ok, err := p.db.KeySecret(ctx, keyID)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, d.AppSecret, secret)
	token, err := a.Secrets().Token(ctx, keyID, d.AppKey, d.LoginID)
	require.NoError(t, err)
	assert.Equal(t, d.Token, token, "read from the practice database, not the keychain's entry")
	for _, e := range entries {
		v, err := keyring.Get(KeychainService, e)
		require.NoError(t, err, "the keychain entry %s was deleted", e)
		assert.Equal(t, keychainSentinel, v, "the keychain entry %s was written", e)
	}
	assert.GreaterOrEqual(t, countRows(t, p.db, "messages"), 2, "the test messages are stored in the practice database")

	require.NoError(t, p.Close())
	elapsed := time.Since(start)
	t.Logf("practice walk, StartPractice to Close, steps 4, 5, 6 and 9 with the wizard's own timeouts "+
		"(of which %v is the quiet wait after the last test message): %v", w.TestMessageQuiet, elapsed)

	// The real database saw none of it.
	has, err := realApp.HasKey(ctx)
	require.NoError(t, err)
	assert.False(t, has)
	for _, table := range []string{"keys", "accounts", "wizard_progress", "orders", "messages", "api_calls"} {
		assert.Zero(t, countRows(t, realDB, table), "practice wrote to the real database's %s", table)
	}
	require.NoError(t, realDB.Close())
	files, err := filepath.Glob(filepath.Join(dataDir, storage.FileName+"*"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, v := range []string{d.AppKey, d.AppSecret, d.Token, d.LoginID} {
			assert.False(t, bytes.Contains(b, []byte(v)), "%s holds the demo value %q", filepath.Base(f), v)
		}
	}
	assert.NoDirExists(t, p.Dir())
}

func TestClosingPracticeDeletesItsDataAndStopsTheSimulator(t *testing.T) {
	dataDir := t.TempDir()
	p := startTestPractice(t, dataDir)
	ctx := testCtx(t)
	_, err := p.App().StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, p.SendTestMessages(1), "a test message may be sent before anyone listens")
	addr := p.sim.Addr()
	require.DirExists(t, filepath.Join(dataDir, PracticeFolder))

	require.NoError(t, p.Close())
	assert.NoDirExists(t, filepath.Join(dataDir, PracticeFolder))
	assert.DirExists(t, dataDir, "only the practice folder goes")
	ln, err := net.Listen("tcp", addr)
	require.NoError(t, err, "the simulator's port is released")
	require.NoError(t, ln.Close())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.GatewayURL(), nil)
	require.NoError(t, err)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		_ = resp.Body.Close()
		t.Fatal("the gateway still answers after Close")
	}
	assert.NoError(t, p.Close(), "leaving twice is harmless")
	assert.Error(t, p.SendTestMessages(1), "nothing is sent once practice mode is left")
}

func TestStartPracticeClearsWhatACrashLeftBehind(t *testing.T) {
	dataDir := t.TempDir()
	dir := filepath.Join(dataDir, PracticeFolder)
	// A crashed practice run: its database with a key, and a stray file beside it.
	stale, err := storage.Open(dir)
	require.NoError(t, err)
	a := newPracticeApp(stale, dataDir)
	keyID, err := a.StartKey(testCtx(t))
	require.NoError(t, err)
	require.NoError(t, a.SaveKeyCredentials(testCtx(t), keyID, sim.DemoAppKey, sim.DemoAppSecret))
	require.NoError(t, stale.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "leftover.tmp"), []byte("x"), 0o600))

	p := startTestPractice(t, dataDir)
	has, err := p.App().HasKey(testCtx(t))
	require.NoError(t, err)
	assert.False(t, has, "the new practice run starts without the crashed run's key")
	assert.NoFileExists(t, filepath.Join(dir, "leftover.tmp"))
	keyID, err = p.App().StartKey(testCtx(t))
	require.NoError(t, err)
	r := p.App().Wizard(keyID).CheckKey(testCtx(t), p.GatewayURL(), sim.DemoAppKey, sim.DemoAppSecret)
	assert.True(t, r.OK, "the new run's simulator answers: %+v", r)
}

func TestStartPracticeRefusesAFolderInUse(t *testing.T) {
	dataDir := t.TempDir()
	p := startTestPractice(t, dataDir)
	keyID, err := p.App().StartKey(testCtx(t))
	require.NoError(t, err)

	_, err = StartPractice(testCtx(t), dataDir)
	require.ErrorIs(t, err, ErrPracticeRunning)
	keys, err := p.App().Keys(testCtx(t))
	require.NoError(t, err)
	require.Len(t, keys, 1, "the running practice keeps its data")
	assert.Equal(t, keyID, keys[0].ID)

	require.NoError(t, p.Close())
	again := startTestPractice(t, dataDir)
	assert.DirExists(t, again.Dir(), "after leaving, practice mode starts again")

	_, err = StartPractice(testCtx(t), "")
	require.ErrorIs(t, err, ErrNoDataFolder)
	ctx, cancel := context.WithCancel(testCtx(t))
	cancel()
	_, err = StartPractice(ctx, t.TempDir())
	require.ErrorIs(t, err, context.Canceled)
}
