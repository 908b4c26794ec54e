package screens

import (
	"context"
	"strings"
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
	"caigou/storage"
)

// finishLabel is the first label whose text starts with prefix.
func finishLabel(o fyne.CanvasObject, prefix string) *widget.Label {
	var found *widget.Label
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, prefix) && found == nil {
			found = l
		}
	})
	return found
}

// finishKey is the key being set up, as stored.
func finishKey(t *testing.T, h *wizardHarness) storage.Key {
	t.Helper()
	k, err := h.app.Key(context.Background(), h.s.keyID)
	require.NoError(t, err)
	return k
}

// passAllChecks runs the four live checks against the simulator and marks steps 1 to 9 done.
func passAllChecks(t *testing.T, h *wizardHarness) {
	t.Helper()
	keyring.MockInit()
	ctx := context.Background()
	require.True(t, h.s.ensureKey())
	gateway, channel := h.s.target.gatewayURL, h.s.target.channelURL
	require.NoError(t, h.app.SaveKeyCredentials(ctx, h.s.keyID, sim.DemoAppKey, sim.DemoAppSecret))
	w := h.s.wiz
	w.TestMessageQuiet = 50 * time.Millisecond
	require.True(t, w.CheckKey(ctx, gateway, sim.DemoAppKey, sim.DemoAppSecret).OK)
	require.True(t, w.CheckToken(ctx, gateway, sim.DemoAppKey, sim.DemoAppSecret, sim.DemoAccessToken).OK)
	require.True(t, w.CheckChannel(ctx, channel, sim.DemoAppKey, sim.DemoAppSecret, 5*time.Second).OK)
	// Pushed before the check listens, the test message is delivered when it connects.
	h.pushTestMessage()
	r := w.WaitForTestMessage(ctx, channel, sim.DemoAppKey, sim.DemoAppSecret, 5*time.Second, app.TestMessageHandlers{})
	require.True(t, r.OK, "%+v", r)
	for _, step := range app.WizardSteps[:len(app.WizardSteps)-1] {
		require.NoError(t, w.MarkDone(ctx, step.ID, nil))
	}
	h.s.stepChanged()
}

func TestFinishMakesAKeyWithItsFourChecksPassedActiveOnce(t *testing.T) {
	h := newWizardHarness(t)
	passAllChecks(t, h)
	h.s.goTo(app.StepFinish)

	assert.True(t, h.shows("Checked live with 1688: 4 steps. Only confirmed by you: 5 steps."))
	assert.NotNil(t, finishLabel(h.content(), "Checked with 1688 on "))
	assert.Nil(t, findButton(h.content(), "Go to this step"), "every step is done")
	assert.False(t, finishKey(t, h).Active, "not before the console's last button is pressed")

	h.tick("Done: I pressed 开发完成，去下一步")
	assert.True(t, finishKey(t, h).Active)
	active := finishLabel(h.content(), "This key is now active")
	require.NotNil(t, active, "%v", visibleTexts(h.content()))
	assert.Equal(t, widget.SuccessImportance, active.Importance)

	// The user moves on to another key; revisiting this summary does not take its place back.
	ctx := context.Background()
	other, err := h.app.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, h.app.SetActiveKey(ctx, other))
	h.s.goTo(app.StepFinish)
	assert.False(t, finishKey(t, h).Active)
	assert.True(t, h.shows("This key is ready, but it is not the active one."))
	h.tap("Make this key active")
	assert.True(t, finishKey(t, h).Active)
}

func TestFinishShowsASkippedCheckInRedAndDoesNotActivateTheKey(t *testing.T) {
	h := newWizardHarness(t)
	ctx := context.Background()
	require.True(t, h.s.ensureKey())
	for _, id := range []app.StepID{app.StepBefore, app.StepSubscribe, app.StepDescribe} {
		require.NoError(t, h.s.wiz.MarkDone(ctx, id, nil))
	}
	r := h.s.wiz.CheckKey(ctx, h.s.target.gatewayURL, sim.DemoAppKey, "WrongSecret0042")
	require.False(t, r.OK)
	require.NoError(t, h.s.wiz.Skip(ctx, app.StepAppKey))
	h.s.stepChanged()
	h.s.goTo(app.StepFinish)
	h.tick("Done: I pressed")

	skipped := finishLabel(h.content(), "Skipped although the check failed")
	require.NotNil(t, skipped, "%v", visibleTexts(h.content()))
	assert.Equal(t, widget.DangerImportance, skipped.Importance)
	assert.Equal(t, widget.WarningImportance, finishLabel(h.content(), "Not done yet").Importance)
	assert.True(t, h.shows("Checked live with 1688: 0 steps. Only confirmed by you: 3 steps."))
	assert.True(t, h.shows("This key was not made active"))
	assert.False(t, finishKey(t, h).Active)

	// Use it anyway asks first, in a dialog with our own labels.
	h.tap("Use it anyway")
	dlg := h.win.Canvas().Overlays().Top()
	require.NotNil(t, dlg)
	assert.False(t, finishKey(t, h).Active, "nothing happens before the user confirms")
	confirm := findButton(dlg, "Use this key")
	require.NotNil(t, confirm)
	test.Tap(confirm)
	assert.True(t, finishKey(t, h).Active)
	assert.True(t, h.shows("This key is now active"))

	// The skipped step's row leads back to it: steps 1 to 3 are done, so its button is the first.
	h.tap("Go to this step")
	assert.Equal(t, app.StepAppKey, h.stepID())
}

func TestFinishShowsTheStatusMappingAndLeadsToSettings(t *testing.T) {
	h := newWizardHarness(t)
	require.NoError(t, h.app.SetOwnStatus(context.Background(), "cancel", "received"))
	h.s.goTo(app.StepFinish)
	for _, text := range []string{"waitbuyerpay", "Waiting for your payment", "Paid", "terminated", "Unable to deliver"} {
		assert.True(t, h.shows(text), "%q is not shown", text)
	}
	cancel := mappingRows(h.content())["cancel"]
	require.NotNil(t, cancel)
	_, name, own := statusRowParts(cancel)
	assert.Equal(t, "Cancelled or closed", name.Text)
	assert.Equal(t, "Received", own.(*widget.Label).Text, "the page reads the mapping from the database")

	h.tap("Change the mapping in Settings")
	assert.Equal(t, pageSettings, h.shell.current)
}
