package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app"
	"caigou/app/sim"
	"caigou/i18n"
)

func TestChannelStepConnectsAndEnablesNext(t *testing.T) {
	h := newWizardHarness(t)
	withSavedKey(h, sim.DemoAppSecret)
	h.s.goTo(app.StepChannel)
	for _, value := range []string{"发送通道", "websocket", "UTF-8", "超时时间", "6000", "流量限制", "100"} {
		assert.True(t, h.shows(value), "the page shows %q", value)
	}
	assert.True(t, findButton(h.content(), "Next").Disabled())
	connected := i18n.T(i18n.ChannelConnected, nil)
	assert.False(t, visiblyShows(h.content(), connected))

	h.tap("Connect to the channel")
	assert.True(t, visiblyShows(h.content(), connected), "visible: %v", visibleTexts(h.content()))
	assert.False(t, findButton(h.content(), "Next").Disabled())
	assert.Equal(t, app.StepDone, stepRecord(h, app.StepChannel).State)

	h.tap("Next")
	h.tap("Back")
	assert.True(t, visiblyShows(h.content(), connected), "a revisit shows the step connected")
}

func TestChannelStepExplainsABadSecretAndOffersSkip(t *testing.T) {
	h := newWizardHarness(t)
	withSavedKey(h, "WrongSecret0042")
	h.s.goTo(app.StepChannel)

	h.tap("Connect to the channel")
	assert.True(t, visiblyShows(h.content(), i18n.T(i18n.CheckChannelBadCredentials, nil)), "visible: %v", visibleTexts(h.content()))
	assert.True(t, visiblyShows(h.content(), i18n.T(i18n.CheckChannelBadCredentialsNext, nil)))
	assert.False(t, visiblyShows(h.content(), i18n.T(i18n.ChannelConnected, nil)))
	assert.True(t, findButton(h.content(), i18n.T(i18n.CheckSkip, nil)).Visible(), "a failed check may be skipped")
	assert.True(t, findButton(h.content(), "Next").Disabled())
	assert.Equal(t, string(app.CheckChannelBadCredentials), stepRecord(h, app.StepChannel).CheckError)
}

func TestChannelStepWithoutAnAppKeySendsTheUserToStep4(t *testing.T) {
	h := newWizardHarness(t)
	require.True(t, h.s.ensureKey())
	h.s.goTo(app.StepChannel)
	need := i18n.T(i18n.NeedAppKeyFirst, nil)
	assert.False(t, visiblyShows(h.content(), need))

	h.tap("Connect to the channel")
	assert.True(t, visiblyShows(h.content(), need))
	assert.Empty(t, stepRecord(h, app.StepChannel).CheckError, "no check ran")
	h.tap(i18n.T(i18n.NeedAppKeyGoTo, nil))
	assert.Equal(t, app.StepAppKey, h.stepID())
}

// withSavedKey creates the key being set up and saves the demo AppKey with secret, as step 4
// does, in a mock keychain so that tests never touch the real one.
func withSavedKey(h *wizardHarness, secret string) {
	h.t.Helper()
	keyring.MockInit()
	require.True(h.t, h.s.ensureKey())
	require.NoError(h.t, h.s.target.app.SaveKeyCredentials(context.Background(), h.s.keyID, sim.DemoAppKey, secret))
}

// stepRecord is what the database holds for step of the key being set up.
func stepRecord(h *wizardHarness, step app.StepID) app.StepProgress {
	h.t.Helper()
	steps, err := h.s.target.app.Wizard(h.s.keyID).Progress(context.Background())
	require.NoError(h.t, err)
	for _, s := range steps {
		if s.ID == step {
			return s
		}
	}
	h.t.Fatalf("no step %q", step)
	return app.StepProgress{}
}

// visiblyShows reports whether some text shown in o contains part.
func visiblyShows(o fyne.CanvasObject, part string) bool {
	for _, text := range visibleTexts(o) {
		if strings.Contains(text, part) {
			return true
		}
	}
	return false
}
