package screens

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/sim"
)

func TestWizardNextWaitsForTheStepAndProgressIsSaved(t *testing.T) {
	h := newWizardHarness(t)
	assert.Equal(t, app.StepBefore, h.stepID())
	assert.True(t, h.shows("Step 1 of 10"))
	assert.True(t, findButton(h.content(), "Next").Disabled(), "Next waits until the step is done")

	h.tick("Done")
	h.tap("Next")
	assert.Equal(t, app.StepSubscribe, h.stepID())
	assert.True(t, h.shows("Step 2 of 10"))

	keyID, ok, err := h.app.CurrentSetup(context.Background())
	require.NoError(t, err)
	require.True(t, ok, "ticking the first step creates the key being set up")
	resume, err := h.app.Wizard(keyID).Resume(context.Background())
	require.NoError(t, err)
	assert.Equal(t, app.StepSubscribe, resume)

	h.tap("Back")
	assert.Equal(t, app.StepBefore, h.stepID())
	h.tick("Done") // unticking reopens the step
	assert.True(t, findButton(h.content(), "Next").Disabled())
}

func TestPracticeModeRunsApartAndIsDeletedOnLeaving(t *testing.T) {
	dataDir := t.TempDir()
	h := newWizardHarnessIn(t, dataDir)
	h.tap("Practice with a demo key")
	require.NotNil(t, h.s.target.practice)
	assert.True(t, h.shows("Practice mode"))
	practiceDir := h.s.target.practice.Dir()
	assert.DirExists(t, practiceDir)
	h.tick("Done")

	h.tap("Leave practice")
	assert.Nil(t, h.s.target.practice)
	assert.NoDirExists(t, practiceDir)
	_, ok, err := h.app.CurrentSetup(context.Background())
	require.NoError(t, err)
	assert.False(t, ok, "nothing done in practice reaches the real database")
}

func TestSetUpAnotherKeyKeepsTheFirstOne(t *testing.T) {
	h := newWizardHarness(t)
	passAllChecks(t, h)
	h.s.goTo(app.StepFinish)
	h.tick("Done: I pressed")
	first := h.s.keyID

	h.tap("Set up another key")
	assert.Equal(t, app.StepBefore, h.stepID())
	assert.True(t, findButton(h.content(), "Next").Disabled(), "the new key starts from the first step")
	h.tick("Done")
	require.NotEqual(t, first, h.s.keyID, "ticking the first step creates a second key")

	ctx := context.Background()
	keys, err := h.app.Keys(ctx)
	require.NoError(t, err)
	require.Len(t, keys, 2)
	assert.Equal(t, sim.DemoAppKey, keys[0].AppKey, "the first key is kept")
	assert.True(t, keys[0].Active, "and stays active until the next one is verified")
	current, _, err := h.app.CurrentSetup(ctx)
	require.NoError(t, err)
	assert.Equal(t, h.s.keyID, current, "the Setup screen reopens the new key")
}

func TestSetUpNextKeyOpensTheWizardForANewKeyFromAnotherScreen(t *testing.T) {
	h := newWizardHarness(t)
	passAllChecks(t, h)
	first := h.s.keyID
	h.shell.Navigate(pageUsage)

	h.shell.SetUpNextKey()
	assert.Equal(t, pageSetup, h.shell.current)
	assert.Equal(t, app.StepBefore, h.stepID())
	assert.Zero(t, h.s.keyID, "the next key is created when the user starts")
	h.tick("Done")
	assert.NotEqual(t, first, h.s.keyID)
}
