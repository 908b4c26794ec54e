package screens

import (
	"bytes"
	"context"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app"
	"caigou/app/sim"
	"caigou/i18n"
	"caigou/storage"
)

// newWizardHarnessOn is newWizardHarness over db, an open database of the test's own, with the
// data folder dataDir, and the simulator srv; the caller closes the shell and the database, so a
// test can restart on the same folder. test.NewTempApp must have run.
func newWizardHarnessOn(t *testing.T, srv *sim.Sim, db *storage.DB, dataDir string) *wizardHarness {
	t.Helper()
	resetLanguage(t)
	core := app.New(db, dataDir)
	w := test.NewTempWindow(t, nil)
	shell := NewShell(core, w)
	w.SetContent(shell.Build())
	w.Resize(fyne.NewSize(1024, 700))
	h := &wizardHarness{t: t, shell: shell, win: w, app: core, s: shell.setup, sim: srv}
	h.s.target.gatewayURL, h.s.target.channelURL = srv.URL(), srv.ChannelURL()
	h.app.SetEndpoints(app.Endpoints{Gateway: srv.URL(), Channel: srv.ChannelURL()}) // what the shell tracks with
	h.s.openURL = func(string) error { return nil }
	h.s.onKeyActivated = nil // as in newWizardHarnessIn
	return h
}

// startSim starts a simulator of the demo world for the test.
func startSim(t *testing.T) *sim.Sim {
	t.Helper()
	srv, err := sim.Start(sim.Options{Seed: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

// lockedBuffer collects log lines written from any goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// captureLog sends the standard log package's output to a buffer until the test ends.
func captureLog(t *testing.T) *lockedBuffer {
	t.Helper()
	var b lockedBuffer
	out := log.Writer()
	log.SetOutput(&b)
	t.Cleanup(func() { log.SetOutput(out) })
	return &b
}

// doStepsOneToFive does steps 1 to 5 on the pages as the user does, the key and token checked
// against the simulator, and stops on step 5.
func doStepsOneToFive(t *testing.T, h *wizardHarness) {
	t.Helper()
	require.Equal(t, app.StepBefore, h.stepID())
	h.tick("Done")
	h.tap("Next")
	require.Equal(t, app.StepSubscribe, h.stepID())
	h.tick("Done")
	h.tap("Next")
	require.Equal(t, app.StepDescribe, h.stepID())
	h.typeInto(0, "Demo Trading Co")
	h.tick("Done")
	h.tap("Next")
	require.Equal(t, app.StepAppKey, h.stepID())
	h.typeInto(0, sim.DemoAppKey)
	h.typeInto(1, sim.DemoAppSecret)
	h.typeInto(2, "2099-12-31")
	h.tap("Check the key")
	require.True(t, h.nextEnabled(), "the key check passes: %v", visibleTexts(h.content()))
	h.tap("Next")
	require.Equal(t, app.StepToken, h.stepID())
	h.typeInto(0, sim.DemoBuyerLogin)
	h.typeInto(1, sim.DemoAccessToken)
	h.tap("Check the token")
	require.True(t, h.nextEnabled(), "the token check passes: %v", visibleTexts(h.content()))
}

// folderBytes is the raw content of every file in dir.
func folderBytes(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		files[path] = b
		return err
	}))
	return files
}

// assertNoSecretIn fails for each file of files that holds one of the demo secrets.
func assertNoSecretIn(t *testing.T, files map[string][]byte) {
	t.Helper()
	for path, b := range files {
		for name, secret := range map[string]string{"AppSecret": sim.DemoAppSecret, "token": sim.DemoAccessToken} {
			assert.False(t, bytes.Contains(b, []byte(secret)), "%s holds the %s", path, name)
		}
	}
}

func TestFullWizardRunKeepsSecretsOutOfTheLogAndTheDatabase(t *testing.T) {
	// With a keychain (go-keyring's in-memory one here), the AppSecret and the token go only to
	// the keychain: the database columns stay empty.
	keyring.MockInit()
	test.NewTempApp(t)
	dir := t.TempDir() // the database and the data folder, as caigou keeps them
	db, err := storage.Open(dir)
	require.NoError(t, err)
	dbOpen := true
	t.Cleanup(func() {
		if dbOpen {
			_ = db.Close()
		}
	})
	h := newWizardHarnessOn(t, startSim(t), db, dir)
	shellOpen := true
	t.Cleanup(func() {
		if shellOpen {
			h.shell.Close()
		}
	})

	logged := captureLog(t)
	// Set before the first tick creates the key: setKey copies it into the wizard's Logf.
	h.s.logf = func(format string, args ...any) { log.Printf("setup-log: "+format, args...) }
	require.Nil(t, h.s.wiz.Logf, "no key yet, so the logger is not set on it yet")

	doStepsOneToFive(t, h)
	require.NotNil(t, h.s.wiz.Logf, "the key's wizard logs through the screen's logger")
	h.tap("Next")

	require.Equal(t, app.StepChannel, h.stepID())
	h.tap("Connect to the channel")
	require.True(t, visiblyShows(h.content(), i18n.T(i18n.ChannelConnected, nil)), "visible: %v", visibleTexts(h.content()))
	h.tap("Next")

	require.Equal(t, app.StepTestAccount, h.stepID())
	assert.Equal(t, sim.DemoBuyerLogin, h.entries()[0].Text, "step 7 offers the login of step 5")
	h.tick("Done")
	h.tap("Next")

	require.Equal(t, app.StepSubscribeMessages, h.stepID())
	h.tick("Done")
	h.tap("Next")

	require.Equal(t, app.StepTestMessages, h.stepID())
	shortenTestMessageWait(h, 10*time.Second)
	h.pushTestMessage()
	h.tap("Start listening")
	require.Equal(t, 1, receivedRows(h), "visible: %v", visibleTexts(h.content()))
	h.tap("Next")

	require.Equal(t, app.StepFinish, h.stepID())
	h.tick("Done: I pressed 开发完成，去下一步")
	h.settle()

	ctx := context.Background()
	steps, err := h.s.wiz.Progress(ctx)
	require.NoError(t, err)
	live := 0
	for _, s := range steps {
		assert.Equal(t, app.StepDone, s.State, "step %s", s.ID)
		if s.Live {
			live++
			assert.False(t, s.CheckedAt.IsZero(), "step %s was checked live", s.ID)
		}
	}
	assert.Equal(t, 4, live, "steps 4, 5, 6 and 9 are live")
	k, err := h.app.Key(ctx, h.s.keyID)
	require.NoError(t, err)
	assert.True(t, k.Active, "step 10 makes the checked key active")
	assert.True(t, h.shows("This key is now active"))
	assert.True(t, h.app.Secrets().InKeychain())

	h.shell.Close()
	shellOpen = false
	h.settle()
	text := logged.String()
	for _, step := range []app.StepID{app.StepAppKey, app.StepToken, app.StepChannel, app.StepTestMessages} {
		assert.Contains(t, text, "setup-log: wizard: the "+string(step)+" check passed", "the checks' lines reach the log")
	}
	assert.NotContains(t, text, sim.DemoAppSecret, "the log holds the AppSecret")
	assert.NotContains(t, text, sim.DemoAccessToken, "the log holds the token")

	// Open, the write-ahead log is read too; closed, everything is checkpointed into the file.
	assertNoSecretIn(t, folderBytes(t, dir))
	require.NoError(t, db.Close())
	dbOpen = false
	files := folderBytes(t, dir)
	require.Contains(t, files, db.Path(), "the database file is in the folder read")
	assert.True(t, bytes.Contains(files[db.Path()], []byte(sim.DemoAppKey)), "the raw bytes read hold what was saved, the AppKey")
	assert.True(t, bytes.Contains(files[db.Path()], []byte(sim.DemoBuyerLogin)), "and the login")
	assertNoSecretIn(t, files)
}

func TestWizardReopensWhereTheUserLeftOffAfterARestart(t *testing.T) {
	keyring.MockInit()
	test.NewTempApp(t)
	srv := startSim(t)
	dir := t.TempDir()
	db, err := storage.Open(dir)
	require.NoError(t, err)
	h := newWizardHarnessOn(t, srv, db, dir)
	doStepsOneToFive(t, h)
	h.settle()
	h.shell.Close()
	require.NoError(t, db.Close())

	// The restart: the same folder, a new database connection, a new window and wizard.
	db, err = storage.Open(dir)
	require.NoError(t, err)
	h = newWizardHarnessOn(t, srv, db, dir)
	t.Cleanup(func() {
		h.shell.Close()
		_ = db.Close()
	})

	assert.Equal(t, app.StepChannel, h.stepID())
	assert.True(t, h.shows("Step 6 of 10"), "visible: %v", visibleTexts(h.content()))

	h.tap("Back")
	assert.Equal(t, app.StepToken, h.stepID())
	es := h.entries()
	require.Len(t, es, 2)
	assert.Equal(t, sim.DemoBuyerLogin, es[0].Text, "the login is prefilled")
	assert.Equal(t, sim.DemoAccessToken, es[1].Text, "the token is read back from the keychain")
	assert.True(t, es[1].Password, "and masked")
	assert.True(t, h.nextEnabled(), "step 5 stays done")

	h.tap("Back")
	assert.Equal(t, app.StepAppKey, h.stepID())
	assert.Equal(t, sim.DemoAppKey, h.entries()[0].Text)
	passed := strings.SplitN(i18n.T(i18n.CheckPassedAt, map[string]any{"Time": "\x00"}), "\x00", 2)[0]
	require.NotEmpty(t, passed)
	assert.NotNil(t, shownLabelWithPrefix(h.content(), passed), "the earlier pass is shown: %v", visibleTexts(h.content()))
	assert.True(t, h.nextEnabled())
}

// shownLabelWithPrefix is the first visible label whose text starts with prefix.
func shownLabelWithPrefix(o fyne.CanvasObject, prefix string) *widget.Label {
	var found *widget.Label
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, prefix) && found == nil {
			found = l
		}
	})
	return found
}
