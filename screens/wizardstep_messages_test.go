package screens

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/i18n"
)

func TestSubscribeMessagesStepListsTheTopicsAndTheTickRecordsIt(t *testing.T) {
	h := newWizardHarness(t)
	require.True(t, h.s.ensureKey())
	h.s.goTo(app.StepSubscribeMessages)
	for _, label := range []string{"订阅消息", "批量订阅消息", "消息已订阅成功"} {
		assert.True(t, h.shows(label), "the console label %q is shown", label)
	}
	for _, code := range app.TopicsUsed {
		assert.True(t, visiblyShows(h.content(), code), "topic %s is listed", code)
		assert.True(t, visiblyShows(h.content(), app.TopicText(code)), "topic %s is explained", code)
	}
	assert.True(t, findButton(h.content(), "Next").Disabled())

	h.tick(i18n.T(i18n.SubscribeMessagesDone, nil))
	assert.Equal(t, app.StepDone, stepRecord(h, app.StepSubscribeMessages).State)
	assert.False(t, findButton(h.content(), "Next").Disabled())
}
