package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// testAccountPage is step 7: the 1688 account the user buys with, entered in the console as
// 测试账号. caigou cannot check it, so the user ticks "Done"; the account is kept with the key.
type testAccountPage struct {
	s *wizardScreen

	account    *widget.Entry
	accountErr *widget.Label
	value      string // the validated account, recorded when the tick is accepted
}

func newTestAccountPage(s *wizardScreen) stepPage { return &testAccountPage{s: s} }

func (p *testAccountPage) build() fyne.CanvasObject {
	p.account = &widget.Entry{}
	p.accountErr = inputError()
	account := p.s.stepState(app.StepTestAccount).Inputs["account"]
	if account == "" {
		account = p.s.stepState(app.StepToken).Inputs["login"] // usually the same account
	}
	p.account.SetText(account)
	copyAccount := p.s.copyButton(func() string { return p.account.Text })

	body := container.NewVBox(
		para(i18n.T(i18n.TestAccountWhere, nil)),
		consoleLabel("消息对接", i18n.ConsoleMessaging),
		consoleLabel("日常消息测试", i18n.ConsoleDailyTest),
		consoleLabel("测试账号", i18n.ConsoleTestAccount),
		consoleLabel("去配置", i18n.ConsoleConfigure),
	)
	if demo, ok := p.s.demo(); ok {
		body.Add(p.s.practiceValues(p.s.copyRow(i18n.FieldTestAccount, demo.LoginID)))
	}
	body.Add(widget.NewSeparator())
	body.Add(&widget.Label{Text: i18n.T(i18n.FieldTestAccount, nil), TextStyle: fyne.TextStyle{Bold: true}})
	body.Add(container.NewBorder(nil, nil, nil, copyAccount, p.account))
	body.Add(p.accountErr)
	body.Add(p.s.doneCheck(app.StepTestAccount, i18n.TestAccountDone, p.inputs, p.valid))
	return body
}

// valid refuses a tick while the account is not a plausible 1688 login name.
func (p *testAccountPage) valid() bool {
	v, err := app.ValidateLoginID(p.account.Text)
	showInputError(p.accountErr, err)
	p.value = v
	return err == nil
}

func (p *testAccountPage) inputs() map[string]string { return map[string]string{"account": p.value} }
