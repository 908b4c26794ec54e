package screens

import (
	"context"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// testMessageWait is how long step 9 listens for the console's test messages: time enough to
// switch to the browser, find 去测试 and press it. Tests shorten it.
var testMessageWait = 3 * time.Minute

// testMessagesPage is step 9: the user presses 去测试 in the console while caigou listens on the
// channel; each test message (msgSource MOCK) is listed as it arrives, with its topic in plain
// words, and the first one passes the check.
type testMessagesPage struct {
	s     *wizardScreen
	key   *keyCredentials
	check *checkPanel

	listening *widget.Label   // shown while caigou is connected and waiting
	received  *fyne.Container // one row per test message of the current attempt

	// Copied by prepare on the event goroutine for run.
	wiz        *app.Wizard
	channelURL string
}

func newTestMessagesPage(s *wizardScreen) stepPage { return &testMessagesPage{s: s} }

func (p *testMessagesPage) build() fyne.CanvasObject {
	p.key = p.s.newKeyCredentials()
	p.check = p.s.newCheckPanel(app.StepTestMessages, i18n.TestMessagesCheck)
	p.check.prepare = p.prepare
	p.check.run = p.run
	p.listening = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.HighImportance}
	p.listening.Hide()
	p.received = container.NewVBox()
	body := container.NewVBox(
		para(i18n.T(i18n.TestMessagesIntro, nil)),
		consoleLabel("去测试", i18n.TestMessagesLabelTest),
		consoleLabel("消息已订阅成功", i18n.MessagesLabelSubscribed),
		consoleLabel("日常消息测试", i18n.MessagesLabelDailyTest),
		widget.NewSeparator(),
	)
	if p.s.target.practice != nil {
		send := &widget.Button{Text: i18n.T(i18n.TestMessagesPracticeSend, nil), Icon: theme.MailSendIcon(), OnTapped: p.onSendPractice}
		body.Add(para(i18n.T(i18n.TestMessagesPracticeIntro, nil)))
		body.Add(container.NewHBox(send))
	}
	body.Add(p.key.build())
	body.Add(p.check.build())
	body.Add(p.listening)
	body.Add(p.received)
	return body
}

func (p *testMessagesPage) prepare() bool {
	p.listening.Hide()
	p.received.RemoveAll()
	p.wiz, p.channelURL = p.s.wiz, p.s.target.channelURL
	return p.key.read()
}

// run listens for the test messages. Its handlers run on the check's goroutine and hand each
// event to the widgets.
func (p *testMessagesPage) run(ctx context.Context) app.CheckResult {
	r := p.wiz.WaitForTestMessage(ctx, p.channelURL, p.key.appKey, p.key.secret, testMessageWait, app.TestMessageHandlers{
		Listening: func() { fyne.Do(p.showListening) },
		Received: func(m app.MockReceived) {
			at := time.Now()
			fyne.Do(func() { p.addReceived(at, m) })
		},
	})
	fyne.Do(p.listening.Hide) // the wait is over, passed or not
	return r
}

func (p *testMessagesPage) showListening() {
	minutes := int(math.Ceil(testMessageWait.Minutes()))
	p.listening.SetText(i18n.N(i18n.TestMessagesListening, minutes, nil))
	p.listening.Show()
}

// addReceived lists one test message: when it came, its topic as 1688 names it, and what that
// means.
func (p *testMessagesPage) addReceived(at time.Time, m app.MockReceived) {
	icon := widget.NewIcon(theme.MailComposeIcon())
	code := &widget.Label{Text: at.Format("15:04:05") + "  " + m.Type, TextStyle: fyne.TextStyle{Monospace: true}, Selectable: true}
	p.received.Add(container.NewBorder(nil, nil, container.NewHBox(icon, code), nil, para("— "+app.TopicText(m.Type))))
}

// onSendPractice sends the test messages in practice mode, where there is no console to press
// 去测试 in.
func (p *testMessagesPage) onSendPractice() {
	practice := p.s.target.practice
	inBackground(&p.s.work, func() error { return practice.SendTestMessages(3) }, func(err error) {
		if err != nil {
			p.s.logError("send the practice test messages", err)
			p.s.showProblem(i18n.TestMessagesPracticeFailedTitle, i18n.TestMessagesPracticeFailed)
		}
	})
}
