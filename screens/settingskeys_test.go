package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/apptest"
	"caigou/app/sim"
	"caigou/storage/storagetest"
)

// keySettingsHarness is the Keys section in a 1024×700 window over a fresh database whose active key is
// the simulator's demo key, its secrets in a mock keychain, the gateway the simulator's.
type keySettingsHarness struct {
	t       *testing.T
	app     *app.App
	sim     *sim.Sim
	keyID   int64
	win     fyne.Window
	s       *keysSection
	changes int // how often onKeysChanged was called
}

func newKeySettingsHarness(t *testing.T, withKey bool) *keySettingsHarness {
	t.Helper()
	test.NewTempApp(t)
	resetLanguage(t)
	srv, err := sim.Start(sim.Options{Seed: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	core := app.New(storagetest.OpenTemp(t), t.TempDir())
	core.SetEndpoints(app.Endpoints{Gateway: srv.URL(), Channel: srv.ChannelURL()})
	h := &keySettingsHarness{t: t, app: core, sim: srv}
	if withKey {
		h.keyID = apptest.ActivateDemoKey(t, core)
	}
	h.win = test.NewTempWindow(t, nil)
	h.win.Resize(fyne.NewSize(1024, 700))
	return h
}

// open builds the section and waits for its first read.
func (h *keySettingsHarness) open() {
	h.s = newKeysSection(h.app, h.win, func() { h.changes++ })
	content := h.s.build()
	h.s.load()
	h.s.work.Wait() // the test driver applies the read on the reading goroutine: before layout
	h.win.SetContent(container.NewVScroll(content))
}

// addKey adds a finished second key, in use but not active, and returns its id.
func (h *keySettingsHarness) addKey() int64 {
	h.t.Helper()
	ctx := context.Background()
	id, err := h.app.StartKey(ctx)
	require.NoError(h.t, err)
	require.NoError(h.t, h.app.SaveKeyCredentials(ctx, id, "8610001", "Other0Secret9"))
	require.NoError(h.t, h.app.SaveAccount(ctx, id, "buyer_two", "tok-3333-4444"))
	return id
}

func (h *keySettingsHarness) key(id int64) app.KeyOverview {
	h.t.Helper()
	all, err := h.app.KeyOverviews(context.Background())
	require.NoError(h.t, err)
	for _, k := range all {
		if k.Key.ID == id {
			return k
		}
	}
	h.t.Fatalf("no key %d", id)
	return app.KeyOverview{}
}

func (h *keySettingsHarness) shows(part string) bool {
	for _, s := range visibleTexts(h.win.Content()) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// tapInDialog taps the button labelled text in the dialog on top, then waits for what it started.
func (h *keySettingsHarness) tapInDialog(text string) {
	h.t.Helper()
	top := h.win.Canvas().Overlays().Top()
	require.NotNil(h.t, top, "no dialog is shown")
	b := findButton(top, text)
	require.NotNil(h.t, b, "the dialog has no %q button", text)
	test.Tap(b)
	h.s.work.Wait()
}

func TestKeysSectionWithoutAKeySaysWhereToSetOneUp(t *testing.T) {
	h := newKeySettingsHarness(t, false)
	h.open()
	assert.True(t, h.shows("No key yet; set one up in Setup."))
	assert.False(t, h.s.listBox.Visible())
}

func TestKeysSectionListsEachKeyWithItsStateAccountsAndSecrets(t *testing.T) {
	h := newKeySettingsHarness(t, true)
	h.addKey()
	h.open()

	assert.True(t, h.shows("Active"))
	assert.True(t, h.shows("In use"))
	assert.True(t, h.shows("AppKey 7654321 · subscription end not entered · secrets in the keychain"))
	assert.True(t, h.shows("Accounts: caigou_demo (token not checked)"))
	assert.True(t, h.shows("Accounts: buyer_two (token not checked)"))
	assert.True(t, h.shows("Select a key"), "no actions before a key is selected")
	assert.False(t, h.s.actions.Visible())
}

func TestKeysSectionRenamesThroughTheDialogAndEnterSaves(t *testing.T) {
	h := newKeySettingsHarness(t, true)
	h.open()
	h.s.list.Select(0)
	test.Tap(h.s.rename)
	r := h.s.renameDialog
	require.NotNil(t, r)

	r.entry.SetText(strings.Repeat("店", 41))
	test.Tap(r.save)
	assert.Equal(t, "A key's name has at most 40 characters. Shorten it.", r.problem.Text)
	assert.True(t, r.problem.Visible())
	assert.NotNil(t, h.win.Canvas().Overlays().Top(), "a refused name leaves the dialog open")
	assert.Empty(t, h.key(h.keyID).Key.Label)

	r.entry.SetText("Shop 2")
	// What Return in the entry calls: Entry.TypedKey itself would go on redrawing the entry on
	// this goroutine while the test driver applies the reload on the reading one.
	r.entry.OnSubmitted(r.entry.Text)
	h.s.work.Wait()
	assert.Equal(t, "Shop 2", h.key(h.keyID).Key.Label)
	assert.Nil(t, h.win.Canvas().Overlays().Top(), "saved names close the dialog")
	assert.True(t, h.shows("Shop 2"), "the row shows the new name")
	assert.Zero(t, h.changes, "nothing that runs on the key reads its name: the channel is not restarted")
}

func TestKeysSectionRetiresAfterConfirmAndPutsBack(t *testing.T) {
	h := newKeySettingsHarness(t, true)
	h.open()
	h.s.list.Select(0)
	require.False(t, h.s.retire.Hidden)
	assert.True(t, h.s.putBack.Hidden)

	test.Tap(h.s.retire)
	top := h.win.Canvas().Overlays().Top()
	require.NotNil(t, top)
	texts := strings.Join(visibleTexts(top), "\n")
	assert.Contains(t, texts, "Its orders and usage stay in caigou, and you can put it back in use at any time.")
	assert.Contains(t, texts, "This is the active key")
	h.tapInDialog("Cancel")
	assert.False(t, h.key(h.keyID).Key.Retired, "Cancel changes nothing")
	assert.Equal(t, 0, h.changes)

	test.Tap(h.s.retire)
	h.tapInDialog("Retire")
	k := h.key(h.keyID)
	assert.True(t, k.Key.Retired)
	assert.False(t, k.Key.Active, "the retired key is no longer active")
	_, err := h.app.ActiveKey(context.Background())
	require.ErrorIs(t, err, app.ErrNoActiveKey)
	assert.Equal(t, 1, h.changes, "retiring the active key tells the shell")
	assert.True(t, h.shows("Retired"))
	assert.False(t, h.s.putBack.Hidden, "the selection stays, with its new actions")
	assert.True(t, h.s.retire.Hidden)
	assert.True(t, h.s.makeActive.Hidden, "a retired key cannot be made active")

	test.Tap(h.s.putBack)
	h.s.work.Wait()
	assert.False(t, h.key(h.keyID).Key.Retired)
	assert.True(t, h.shows("In use"))
	assert.False(t, h.s.makeActive.Hidden, "back in use, it can be made active again")
	assert.Equal(t, 1, h.changes, "putting back a key that is not active restarts nothing")
}

func TestKeysSectionMakesAKeyActiveAfterConfirm(t *testing.T) {
	h := newKeySettingsHarness(t, true)
	second := h.addKey()
	h.open()
	h.s.list.Select(0)
	assert.True(t, h.s.makeActive.Hidden, "the active key is active already")

	h.s.list.Select(1)
	require.False(t, h.s.makeActive.Hidden)
	test.Tap(h.s.makeActive)
	h.tapInDialog("Make active")

	ak, err := h.app.ActiveKey(context.Background())
	require.NoError(t, err)
	assert.Equal(t, second, ak.Key.ID)
	assert.False(t, h.key(h.keyID).Key.Active)
	assert.Equal(t, 1, h.changes)
	assert.True(t, h.s.makeActive.Hidden, "shown again as the active key")
}

func TestKeysSectionReentersTheAppSecretOnlyWhenTheCheckPasses(t *testing.T) {
	h := newKeySettingsHarness(t, true)
	ctx := context.Background()
	require.NoError(t, h.app.Secrets().SetAppSecret(ctx, h.keyID, sim.DemoAppKey, "StaleSecret0099"))
	h.open()
	h.s.list.Select(0)
	test.Tap(h.s.secret)
	r := h.s.reenter
	require.NotNil(t, r)
	assert.True(t, r.entry.Password, "the secret is masked, with the eye to show it")

	test.Type(r.entry, "WrongSecret0042")
	test.Tap(r.check)
	h.s.work.Wait()
	assert.Contains(t, r.next.Text, "查看", "the wizard's explanation: copy the AppSecret again")
	assert.True(t, r.next.Visible())
	assert.NotEmpty(t, r.outcome.Text)
	assert.False(t, r.activity.Visible(), "the spinner stops")
	assert.NotNil(t, h.win.Canvas().Overlays().Top(), "the dialog stays for another try")
	stored, err := h.app.Secrets().AppSecret(ctx, h.keyID, sim.DemoAppKey)
	require.NoError(t, err)
	assert.Equal(t, "StaleSecret0099", stored, "a refused secret leaves the old one")
	assert.Equal(t, 0, h.changes)

	r.entry.SetText(sim.DemoAppSecret)
	test.Tap(r.check)
	h.s.work.Wait()
	stored, err = h.app.Secrets().AppSecret(ctx, h.keyID, sim.DemoAppKey)
	require.NoError(t, err)
	assert.Equal(t, sim.DemoAppSecret, stored)
	assert.Nil(t, h.win.Canvas().Overlays().Top(), "the dialog closes once saved")
	assert.True(t, h.shows("The new AppSecret of key 7654321 works and is saved."))
	assert.Equal(t, 1, h.changes, "the active key's secret changed: the channel restarts")
}

func TestKeysSectionReentersATokenAndShowsItWorks(t *testing.T) {
	h := newKeySettingsHarness(t, true)
	h.open()
	h.s.list.Select(0)
	require.Len(t, h.s.tokens.Objects, 1)
	b := h.s.tokens.Objects[0].(*widget.Button)
	assert.Equal(t, "Re-enter token of caigou_demo…", b.Text)
	test.Tap(b)
	r := h.s.reenter

	test.Type(r.entry, sim.DemoExpiredToken)
	r.entry.OnSubmitted(r.entry.Text) // Return checks too
	h.s.work.Wait()
	assert.Contains(t, r.next.Text, "已授权token")
	assert.Equal(t, 0, h.changes)

	r.entry.SetText(sim.DemoAccessToken)
	test.Tap(r.check)
	h.s.work.Wait()
	assert.True(t, h.shows("Accounts: caigou_demo (token works)"))
	assert.True(t, h.shows("The new token of caigou_demo works and is saved."))
	assert.Equal(t, 1, h.changes)
}
