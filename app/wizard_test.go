package app

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

func TestWizardStepsAreTheTenOfIssue5(t *testing.T) {
	var ids []StepID
	var live []StepID
	for _, s := range WizardSteps {
		ids = append(ids, s.ID)
		if s.Live {
			live = append(live, s.ID)
		}
	}
	assert.Equal(t, []StepID{
		"before", "subscribe", "describe", "appkey", "token", "channel",
		"testaccount", "subscribe_messages", "test_messages", "finish",
	}, ids)
	assert.Equal(t, []StepID{StepAppKey, StepToken, StepChannel, StepTestMessages}, live)
}

func TestWizardProgressSurvivesAReopen(t *testing.T) {
	dir := t.TempDir()
	ctx := testCtx(t)
	db, err := storage.Open(dir)
	require.NoError(t, err)
	a := New(db, dir)
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	w := a.Wizard(keyID)

	first, err := w.Resume(ctx)
	require.NoError(t, err)
	assert.Equal(t, StepBefore, first)
	require.NoError(t, w.MarkDone(ctx, StepBefore, nil))
	require.NoError(t, w.MarkDone(ctx, StepSubscribe, nil))
	require.NoError(t, w.MarkDone(ctx, StepDescribe, map[string]string{"company": "义乌小商品"}))
	require.ErrorIs(t, w.MarkDone(ctx, StepAppKey, map[string]string{"app_key": "7654321"}), ErrCheckNotPassed)
	require.NoError(t, w.db.RecordWizardCheck(ctx, keyID, string(StepAppKey), "", nowForTest()))
	require.ErrorIs(t, w.MarkDone(ctx, StepAppKey, map[string]string{"app_secret": "x"}), ErrSecretInInputs)
	require.NoError(t, w.MarkDone(ctx, StepAppKey, map[string]string{"app_key": "7654321", "valid_until": "2025-04-17"}))
	require.NoError(t, db.Close())

	db, err = storage.Open(dir)
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, db.Close()) })
	w = New(db, dir).Wizard(keyID)
	next, err := w.Resume(ctx)
	require.NoError(t, err)
	assert.Equal(t, StepToken, next, "the wizard reopens at the first step not done")
	steps, err := w.Progress(ctx)
	require.NoError(t, err)
	require.Len(t, steps, len(WizardSteps))
	assert.Equal(t, StepDone, steps[2].State)
	assert.Equal(t, "义乌小商品", steps[2].Inputs["company"])
	assert.Equal(t, StepDone, steps[3].State)
	assert.Equal(t, map[string]string{"app_key": "7654321", "valid_until": "2025-04-17"}, steps[3].Inputs)
	assert.False(t, steps[3].CheckedAt.IsZero())
	assert.Equal(t, StepTodo, steps[4].State)
}

func TestWizardSkipsOnlyAFailedLiveCheck(t *testing.T) {
	a := newTestApp(t)
	ctx := testCtx(t)
	keyID, err := a.StartKey(ctx)
	require.NoError(t, err)
	w := a.Wizard(keyID)

	require.ErrorIs(t, w.Skip(ctx, StepBefore), ErrCannotSkip, "a step without a check is ticked, not skipped")
	require.ErrorIs(t, w.Skip(ctx, StepToken), ErrCannotSkip, "a check never run cannot be skipped")
	require.ErrorIs(t, w.Skip(ctx, "nonsense"), ErrUnknownStep)

	require.NoError(t, w.db.RecordWizardCheck(ctx, keyID, string(StepToken), "gateway.auth", nowForTest()))
	require.ErrorIs(t, w.MarkDone(ctx, StepToken, nil), ErrCheckNotPassed)
	require.NoError(t, w.Skip(ctx, StepToken))

	steps, err := w.Progress(ctx)
	require.NoError(t, err)
	assert.Equal(t, StepSkipped, steps[4].State)
	assert.Equal(t, "gateway.auth", steps[4].CheckError, "the summary shows why it was skipped")

	for _, s := range WizardSteps {
		if s.ID != StepToken && !s.Live {
			require.NoError(t, w.MarkDone(ctx, s.ID, nil))
		}
	}
	next, err := w.Resume(ctx)
	require.NoError(t, err)
	assert.Equal(t, StepAppKey, next, "a skipped step is passed over, an unchecked one is not")
}

func newTestApp(t *testing.T) *App {
	t.Helper()
	return New(storagetest.OpenTemp(t), t.TempDir())
}

func TestUndoPutsADoneStepBackAndCurrentSetupFollowsTheUnfinishedKey(t *testing.T) {
	ctx := context.Background()
	a := newTestApp(t)
	_, ok, err := a.CurrentSetup(ctx)
	require.NoError(t, err)
	assert.False(t, ok, "no key yet")

	first, err := a.StartKey(ctx)
	require.NoError(t, err)
	w := a.Wizard(first)
	require.NoError(t, w.MarkDone(ctx, StepBefore, map[string]string{"note": "x"}))
	require.NoError(t, w.Undo(ctx, StepBefore))
	steps, err := w.Progress(ctx)
	require.NoError(t, err)
	assert.Equal(t, StepTodo, steps[0].State)
	assert.Equal(t, "x", steps[0].Inputs["note"], "undo keeps what was typed")

	require.NoError(t, w.MarkDone(ctx, StepFinish, nil))
	current, ok, err := a.CurrentSetup(ctx)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, first, current, "a finished key is shown when it is the only one")

	second, err := a.StartKey(ctx)
	require.NoError(t, err)
	current, _, err = a.CurrentSetup(ctx)
	require.NoError(t, err)
	assert.Equal(t, second, current, "the unfinished key is reopened")
}
