package screens

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
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
