package screens

import (
	"encoding/json"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/sim"
	"caigou/i18n"
)

func TestTestMessagesStepListsEachMockPushAndPasses(t *testing.T) {
	h := newWizardHarness(t)
	withSavedKey(h, sim.DemoAppSecret)
	shortenTestMessageWait(h, 10*time.Second)
	h.s.goTo(app.StepTestMessages)
	assert.Nil(t, findButton(h.content(), i18n.T(i18n.TestMessagesPracticeSend, nil)), "only practice mode sends its own test messages")

	// Pushed before caigou listens: the channel delivers them once it connects, as 1688 does.
	ch := h.sim.Channel()
	_, err := ch.PushMock(sim.DemoAppKey, sim.Message{UserInfo: sim.DemoBuyer})
	require.NoError(t, err)
	_, err = ch.PushMock(sim.DemoAppKey, sim.Message{
		Type: sim.TopicOrderPay, UserInfo: sim.DemoBuyer,
		Data: json.RawMessage(`{"orderId":1,"currentStatus":"waitsellersend"}`),
	})
	require.NoError(t, err)

	h.tap("Start listening")
	for _, topic := range []string{sim.TopicOrderBuyerMake, sim.TopicOrderPay} {
		assert.True(t, visiblyShows(h.content(), topic), "the %s test message is listed: %v", topic, visibleTexts(h.content()))
		assert.True(t, visiblyShows(h.content(), "— "+app.TopicText(topic)), "with its type in plain words")
	}
	assert.Equal(t, 2, receivedRows(h), "one row per test message")
	assert.False(t, visiblyShows(h.content(), "Listening"), "the wait is over")
	assert.True(t, visiblyShows(h.content(), i18n.T(i18n.CheckPassed, nil)))
	assert.False(t, findButton(h.content(), "Next").Disabled())
	assert.Equal(t, app.StepDone, stepRecord(h, app.StepTestMessages).State)
}

func TestTestMessagesStepWithoutATestMessageExplainsWhatToDo(t *testing.T) {
	h := newWizardHarness(t)
	withSavedKey(h, sim.DemoAppSecret)
	shortenTestMessageWait(h, time.Second)
	h.s.goTo(app.StepTestMessages)

	h.tap("Start listening")
	assert.True(t, visiblyShows(h.content(), i18n.T(i18n.CheckNoTestMessage, map[string]any{"Seconds": 1})), "visible: %v", visibleTexts(h.content()))
	assert.True(t, visiblyShows(h.content(), i18n.T(i18n.CheckNoTestMessageNext, nil)))
	assert.Zero(t, receivedRows(h))
	assert.True(t, findButton(h.content(), i18n.T(i18n.CheckSkip, nil)).Visible())
	assert.True(t, findButton(h.content(), "Next").Disabled())
	assert.Equal(t, string(app.CheckNoTestMessage), stepRecord(h, app.StepTestMessages).CheckError)
}

func TestTestMessagesStepInPracticeModeSendsItsOwnTestMessages(t *testing.T) {
	h := newWizardHarness(t)
	h.tap("Practice with a demo key")
	require.NotNil(t, h.s.target.practice)
	demo, _ := h.s.demo()
	require.NoError(t, h.s.target.app.SaveKeyCredentials(t.Context(), h.s.keyID, demo.AppKey, demo.AppSecret))
	shortenTestMessageWait(h, 10*time.Second)
	h.s.goTo(app.StepTestMessages)

	h.tap(i18n.T(i18n.TestMessagesPracticeSend, nil))
	h.tap("Start listening")
	assert.Equal(t, 3, receivedRows(h), "visible: %v", visibleTexts(h.content()))
	assert.True(t, visiblyShows(h.content(), app.TopicText(sim.TopicOrderBuyerMake)))
	assert.False(t, findButton(h.content(), "Next").Disabled())
}

func TestTestMessagesListeningSaysHowLongItWaits(t *testing.T) {
	h := newWizardHarness(t)
	p := newTestMessagesPage(h.s).(*testMessagesPage)
	p.build()
	p.showListening()
	assert.True(t, p.listening.Visible())
	assert.Equal(t, "Listening — press 去测试 in the console now. caigou waits up to 3 minutes.", p.listening.Text)
}

// shortenTestMessageWait makes step 9 wait for wait and end soon after the last test message.
func shortenTestMessageWait(h *wizardHarness, wait time.Duration) {
	saved := testMessageWait
	testMessageWait = wait
	h.t.Cleanup(func() { testMessageWait = saved })
	h.s.wiz.TestMessageQuiet = 200 * time.Millisecond
}

// receivedRows counts the test messages step 9 lists: each row shows the time and the type in
// monospace.
func receivedRows(h *wizardHarness) int {
	n := 0
	walk(h.content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Monospace && len(l.Text) > 10 && l.Text[2] == ':' && l.Text[5] == ':' {
			n++
		}
	})
	return n
}
