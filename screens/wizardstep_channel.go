package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// channelPage is step 6: the console's message channel settings, and the live check that connects
// to the channel with the key's AppKey and AppSecret and waits for CONNECT_ACK.
type channelPage struct {
	s     *wizardScreen
	key   *keyCredentials
	check *checkPanel

	connected *widget.Label // "Connected", shown while the step's check has passed

	// Copied by prepare on the event goroutine for run.
	wiz        *app.Wizard
	channelURL string
}

func newChannelPage(s *wizardScreen) stepPage { return &channelPage{s: s} }

func (p *channelPage) build() fyne.CanvasObject {
	p.key = p.s.newKeyCredentials()
	p.check = p.s.newCheckPanel(app.StepChannel, i18n.ChannelCheck)
	p.check.prepare = p.prepare
	p.check.run = p.run
	p.check.passed = func() { p.connected.Show() }
	p.connected = &widget.Label{Text: i18n.T(i18n.ChannelConnected, nil), Importance: widget.SuccessImportance, Wrapping: fyne.TextWrapWord}
	if st := p.s.stepState(app.StepChannel); st.State != app.StepDone || st.CheckedAt.IsZero() || st.CheckError != "" {
		p.connected.Hide()
	}
	return container.NewVBox(
		para(i18n.T(i18n.ChannelIntro, nil)),
		consoleLabel("开发流程", i18n.ChannelLabelDevFlow),
		consoleLabel("消息对接", i18n.ChannelLabelIntegration),
		consoleLabel("日常消息测试", i18n.MessagesLabelDailyTest),
		consoleLabel("消息通道", i18n.ChannelLabelChannel),
		consoleLabel("去配置", i18n.ChannelLabelConfigure),
		section(i18n.T(i18n.ChannelSetValues, nil),
			p.setting(consoleLabel("发送通道", i18n.ChannelLabelSendChannel), "websocket"),
			p.setting(&widget.Label{Text: i18n.T(i18n.ChannelEncoding, nil), TextStyle: fyne.TextStyle{Bold: true}}, "UTF-8"),
			p.setting(consoleLabel("超时时间", i18n.ChannelLabelTimeout), "6000"),
			p.setting(consoleLabel("流量限制", i18n.ChannelLabelRateLimit), "100"),
		),
		widget.NewSeparator(),
		para(i18n.T(i18n.ChannelCheckIntro, nil)),
		p.key.build(),
		p.check.build(),
		p.connected,
	)
}

// setting is one console setting: its label, and the value to set with a copy button.
func (p *channelPage) setting(label fyne.CanvasObject, value string) fyne.CanvasObject {
	return container.NewVBox(label, p.s.copyRow(i18n.ChannelSetTo, value))
}

func (p *channelPage) prepare() bool {
	p.connected.Hide()
	p.wiz, p.channelURL = p.s.wiz, p.s.target.channelURL
	return p.key.read()
}

func (p *channelPage) run(ctx context.Context) app.CheckResult {
	return p.wiz.CheckChannel(ctx, p.channelURL, p.key.appKey, p.key.secret, 0)
}

// keyCredentials reads the AppKey and AppSecret that the live checks of steps 6 and 9 connect
// with, and, while step 4 has not saved them, says so with a way back to step 4.
type keyCredentials struct {
	s       *wizardScreen
	missing *fyne.Container // "finish step 4 first"; hidden until a check finds no key

	// Read by read on the event goroutine, for the check's run.
	appKey, secret string
}

func (s *wizardScreen) newKeyCredentials() *keyCredentials { return &keyCredentials{s: s} }

func (k *keyCredentials) build() fyne.CanvasObject {
	goTo := &widget.Button{Text: i18n.T(i18n.NeedAppKeyGoTo, nil), Icon: theme.NavigateBackIcon(), OnTapped: func() {
		k.s.goTo(app.StepAppKey)
	}}
	text := &widget.Label{Text: i18n.T(i18n.NeedAppKeyFirst, nil), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	k.missing = container.NewVBox(text, container.NewHBox(goTo))
	k.missing.Hide()
	return k.missing
}

// read fetches the key's AppKey and AppSecret; false, with the way back to step 4 shown, when
// step 4 has not saved them.
func (k *keyCredentials) read() bool {
	k.appKey, k.secret = "", ""
	ctx := context.Background()
	key, err := k.s.target.app.Key(ctx, k.s.keyID)
	if err != nil {
		k.s.logError("read the key", err)
	}
	if err != nil || key.AppKey == "" {
		k.missing.Show()
		return false
	}
	secret, err := k.s.target.app.Secrets().AppSecret(ctx, k.s.keyID, key.AppKey)
	if err != nil {
		if !errors.Is(err, app.ErrNoSecret) {
			k.s.logError("read the AppSecret", err)
		}
		k.missing.Show()
		return false
	}
	k.missing.Hide()
	k.appKey, k.secret = key.AppKey, secret
	return true
}
