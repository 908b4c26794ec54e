package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app"
	"caigou/app/sim"
	"caigou/i18n"
)

// newKeysHarness is the wizard harness at step, with a key being set up and go-keyring's
// in-memory keychain, so the tests never touch the real one.
func newKeysHarness(t *testing.T, step app.StepID) *wizardHarness {
	t.Helper()
	keyring.MockInit()
	h := newWizardHarness(t)
	require.True(t, h.s.ensureKey())
	h.s.goTo(step)
	return h
}

// enterKey fills in step 4 with appKey and secret and a plausible end date, and checks it.
func (h *wizardHarness) enterKey(appKey, secret string) {
	h.t.Helper()
	h.typeInto(0, appKey)
	h.typeInto(1, secret)
	h.typeInto(2, "2026-04-17")
	h.tap("Check the key")
}

// showsVisible reports whether a visible label of the window reads text exactly.
func (h *wizardHarness) showsVisible(text string) bool {
	found := false
	walk(h.content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == text && l.Visible() {
			found = true
		}
	})
	return found
}

func (h *wizardHarness) nextEnabled() bool { return !findButton(h.content(), "Next").Disabled() }

func TestAppKeyStepPassesWithTheDemoKeyAndKeepsTheSecretOutOfTheInputs(t *testing.T) {
	h := newKeysHarness(t, app.StepAppKey)
	assert.False(t, h.nextEnabled())

	h.enterKey(" "+sim.DemoAppKey+" ", sim.DemoAppSecret) // a careless paste is trimmed
	assert.True(t, h.shows(i18n.T(i18n.CheckPassed, nil)))
	assert.True(t, h.nextEnabled())

	p := h.s.stepState(app.StepAppKey)
	assert.Equal(t, app.StepDone, p.State)
	assert.Equal(t, map[string]string{"appkey": sim.DemoAppKey, "valid_until": "2026-04-17"}, p.Inputs)
	for _, v := range p.Inputs {
		assert.NotContains(t, v, sim.DemoAppSecret)
	}
	ctx := context.Background()
	stored, err := keyring.Get(app.KeychainService, "appsecret/"+sim.DemoAppKey)
	require.NoError(t, err, "the secret is in the keychain")
	assert.Equal(t, sim.DemoAppSecret, stored)
	k, err := h.app.Key(ctx, h.s.keyID)
	require.NoError(t, err)
	assert.Equal(t, "2026-04-17", k.ValidUntil)

	// A revisit shows what was saved, the secret masked in its password entry.
	h.s.goTo(app.StepToken)
	h.s.goTo(app.StepAppKey)
	es := h.entries()
	assert.Equal(t, sim.DemoAppKey, es[0].Text)
	assert.Equal(t, sim.DemoAppSecret, es[1].Text)
	assert.True(t, es[1].Password)
	assert.Equal(t, "2026-04-17", es[2].Text)
	assert.True(t, h.shows(i18n.T(i18n.SecretsInKeychain, nil)))
}

func TestAppKeyStepWrongSecretExplainsAndCanBeSkipped(t *testing.T) {
	h := newKeysHarness(t, app.StepAppKey)
	h.enterKey(sim.DemoAppKey, "WrongSecret0042")

	assert.True(t, h.showsVisible(i18n.T(i18n.APIErrSignature, nil)), "the signature failure is explained")
	assert.True(t, h.showsVisible(i18n.T(i18n.APIErrSignatureNext, nil)), "and says to copy the AppSecret again")
	assert.False(t, h.nextEnabled())

	h.tap("Skip this check…")
	confirm := findButton(h.win.Canvas().Overlays().Top(), i18n.T(i18n.CheckSkipConfirm, nil))
	require.NotNil(t, confirm, "skipping asks first")
	test.Tap(confirm)
	h.settle()
	assert.Equal(t, app.StepSkipped, h.s.stepState(app.StepAppKey).State)
	assert.True(t, h.nextEnabled())
	assert.True(t, h.showsVisible(i18n.T(i18n.CheckWasSkipped, nil)))
}

func TestAppKeyStepRefusesABadAppKeyWithoutCallingTheGateway(t *testing.T) {
	h := newKeysHarness(t, app.StepAppKey)
	h.typeInto(0, "12ab345")
	h.typeInto(1, sim.DemoAppSecret)
	h.typeInto(2, "17.04.2026")
	h.tap("Check the key")

	assert.True(t, h.showsVisible(app.ExplainInputError(app.ErrAppKeyNotDigits)))
	assert.True(t, h.showsVisible(app.ExplainInputError(app.ErrDayFormat)))
	assert.Empty(t, h.sim.Requests(), "an invalid input is not sent to 1688")
	assert.Equal(t, app.StepTodo, h.s.stepState(app.StepAppKey).State)
	assert.False(t, h.nextEnabled())
	k, err := h.app.Key(context.Background(), h.s.keyID)
	require.NoError(t, err)
	assert.Empty(t, k.AppKey, "nothing is saved")
}

func TestAppKeyStepRefusesAnAppKeyAnotherKeyHas(t *testing.T) {
	h := newKeysHarness(t, app.StepAppKey)
	ctx := context.Background()
	other, err := h.app.StartKey(ctx)
	require.NoError(t, err)
	require.NoError(t, h.app.SaveKeyCredentials(ctx, other, sim.DemoAppKey, sim.DemoAppSecret))

	h.enterKey(sim.DemoAppKey, sim.DemoAppSecret)
	assert.True(t, h.showsVisible(app.ExplainInputError(app.ErrAppKeyTaken)))
	assert.Empty(t, h.sim.Requests())
	assert.False(t, h.nextEnabled())
}

func TestAppKeyStepShowsTheDemoValuesInPractice(t *testing.T) {
	keyring.MockInit()
	h := newWizardHarness(t)
	h.tap("Practice with a demo key")
	require.NotNil(t, h.s.target.practice)
	h.s.goTo(app.StepAppKey)

	assert.True(t, h.shows(i18n.T(i18n.PracticeDemoValues, nil)))
	assert.True(t, h.shows(sim.DemoAppKey))
	assert.False(t, h.shows(sim.DemoAppSecret), "the demo secret is masked")
	assert.True(t, h.shows(app.Mask(sim.DemoAppSecret)))
	assert.True(t, h.shows(i18n.T(i18n.SecretsInPractice, nil)), "practice does not claim the computer has no keychain")
	assert.False(t, h.shows(i18n.T(i18n.SecretsInDatabase, nil)))
}

// saveDemoKey does step 4 the quick way, for the steps after it.
func saveDemoKey(t *testing.T, h *wizardHarness) {
	t.Helper()
	require.NoError(t, h.app.SaveKeyCredentials(context.Background(), h.s.keyID, sim.DemoAppKey, sim.DemoAppSecret))
}

func TestTokenStepPassesWithTheDemoToken(t *testing.T) {
	h := newKeysHarness(t, app.StepToken)
	saveDemoKey(t, h)
	h.typeInto(0, sim.DemoBuyerLogin)
	h.typeInto(1, sim.DemoAccessToken)
	h.tap("Check the token")

	assert.True(t, h.showsVisible(i18n.T(i18n.CheckPassed, nil)))
	assert.True(t, h.nextEnabled())
	p := h.s.stepState(app.StepToken)
	assert.Equal(t, app.StepDone, p.State)
	assert.Equal(t, map[string]string{"login": sim.DemoBuyerLogin}, p.Inputs, "the token is not among the inputs")
	stored, err := keyring.Get(app.KeychainService, "token/"+sim.DemoAppKey+"/"+sim.DemoBuyerLogin)
	require.NoError(t, err, "the token is in the keychain")
	assert.Equal(t, sim.DemoAccessToken, stored)

	h.s.goTo(app.StepAppKey)
	h.s.goTo(app.StepToken)
	es := h.entries()
	assert.Equal(t, sim.DemoBuyerLogin, es[0].Text, "a revisit shows the login")
	assert.Equal(t, sim.DemoAccessToken, es[1].Text)
	assert.True(t, es[1].Password, "and the token masked")
}

func TestTokenStepWrongTokenExplainsThe401(t *testing.T) {
	h := newKeysHarness(t, app.StepToken)
	saveDemoKey(t, h)
	h.typeInto(0, sim.DemoBuyerLogin)
	h.typeInto(1, "not-a-real-token-123")
	h.tap("Check the token")

	assert.True(t, h.showsVisible(i18n.T(i18n.APIErrAuth, nil)))
	assert.True(t, h.showsVisible(i18n.T(i18n.APIErrAuthNext, nil)))
	assert.False(t, h.nextEnabled())
	assert.NotNil(t, findButton(h.content(), "Skip this check…"))
}

func TestTokenStepBeforeTheKeyAsksForStep4(t *testing.T) {
	h := newKeysHarness(t, app.StepToken)
	h.typeInto(0, sim.DemoBuyerLogin)
	h.typeInto(1, sim.DemoAccessToken)
	h.tap("Check the token")

	assert.True(t, h.showsVisible(i18n.T(i18n.TokenNeedsKey, nil)))
	assert.Empty(t, h.sim.Requests())
	assert.Equal(t, app.StepTodo, h.s.stepState(app.StepToken).State)
}

func TestTestAccountStepRefusesAnInvalidLoginAndRecordsAValidOne(t *testing.T) {
	h := newKeysHarness(t, app.StepTestAccount)
	h.typeInto(0, "two words")
	h.tick("Done")
	assert.True(t, h.showsVisible(app.ExplainInputError(app.ErrLoginIDInvalid)))
	assert.Equal(t, app.StepTodo, h.s.stepState(app.StepTestAccount).State)
	assert.False(t, h.nextEnabled())

	h.typeInto(0, sim.DemoBuyerLogin+" ")
	h.tick("Done")
	p := h.s.stepState(app.StepTestAccount)
	assert.Equal(t, app.StepDone, p.State)
	assert.Equal(t, map[string]string{"account": sim.DemoBuyerLogin}, p.Inputs)
	assert.True(t, h.nextEnabled())
	assert.False(t, h.showsVisible(app.ExplainInputError(app.ErrLoginIDInvalid)))
}

func TestTestAccountStepOffersTheLoginOfStep5(t *testing.T) {
	h := newKeysHarness(t, app.StepToken)
	saveDemoKey(t, h)
	h.typeInto(0, sim.DemoBuyerLogin)
	h.typeInto(1, sim.DemoAccessToken)
	h.tap("Check the token")
	require.Equal(t, app.StepDone, h.s.stepState(app.StepToken).State)

	h.s.goTo(app.StepTestAccount)
	assert.Equal(t, sim.DemoBuyerLogin, h.entries()[0].Text)
	assert.NotNil(t, findButton(h.content(), "Copy"), "the account can be copied into the console")
}
