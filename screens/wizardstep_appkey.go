package screens

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// appKeyPage is step 4: the AppKey, the AppSecret and the end of the subscription, saved (the
// secret through the keychain) and checked live with a signed call.
type appKeyPage struct {
	s *wizardScreen

	appKey, secret, until          *widget.Entry
	appKeyErr, secretErr, untilErr *widget.Label

	// What prepare validated and saved, for run to use off the event goroutine.
	key, secretValue, untilValue string
}

func newAppKeyPage(s *wizardScreen) stepPage { return &appKeyPage{s: s} }

func (p *appKeyPage) build() fyne.CanvasObject {
	p.appKey = &widget.Entry{PlaceHolder: i18n.T(i18n.AppKeyPlaceholder, nil)}
	p.secret = widget.NewPasswordEntry() // its eye button shows the secret, like the console's 查看
	p.secret.PlaceHolder = i18n.T(i18n.SecretPlaceholder, nil)
	p.until = &widget.Entry{PlaceHolder: i18n.T(i18n.UntilPlaceholder, nil)}
	p.appKeyErr, p.secretErr, p.untilErr = inputError(), inputError(), inputError()
	p.prefill()

	check := p.s.newCheckPanel(app.StepAppKey, i18n.CheckKeyButton)
	check.prepare = p.prepare
	check.run = p.run
	check.inputs = p.inputs

	body := container.NewVBox(
		para(i18n.T(i18n.AppKeyWhere, nil)),
		consoleLabel("订购成功", i18n.ConsoleOrderSuccess),
		consoleLabel("APPKEY", i18n.ConsoleAPPKEY),
		consoleLabel("生效时间", i18n.ConsoleValidity),
		consoleLabel("我的应用", i18n.ConsoleMyApps),
		consoleLabel("AppSecret", i18n.ConsoleAppSecret),
		consoleLabel("查看", i18n.ConsoleView),
		consoleLabel("重置", i18n.ConsoleReset),
	)
	if demo, ok := p.s.demo(); ok {
		body.Add(p.s.practiceValues(
			p.s.copyRow(i18n.FieldAppKey, demo.AppKey),
			p.s.secretRow(i18n.FieldAppSecret, demo.AppSecret),
			p.s.copyRow(i18n.FieldValidUntil, time.Now().AddDate(1, 0, 0).Format(time.DateOnly)),
			para(i18n.T(i18n.DemoValidUntilNote, nil)),
		))
	}
	body.Add(widget.NewSeparator())
	body.Add(labeledInput(i18n.FieldAppKey, p.appKey, p.appKeyErr))
	body.Add(labeledInput(i18n.FieldAppSecret, p.secret, p.secretErr))
	body.Add(labeledInput(i18n.FieldValidUntil, p.until, p.untilErr))
	body.Add(para(p.s.secretsPlace()))
	body.Add(check.build())
	return body
}

// prefill shows what an earlier visit saved; the secret stays masked in its entry.
func (p *appKeyPage) prefill() {
	if p.s.keyID == 0 {
		return
	}
	ctx := context.Background()
	k, err := p.s.target.app.Key(ctx, p.s.keyID)
	if err != nil {
		p.s.logError("read the key", err)
		return
	}
	p.appKey.SetText(k.AppKey)
	p.until.SetText(k.ValidUntil)
	if k.AppKey == "" {
		return
	}
	secret, err := p.s.target.app.Secrets().AppSecret(ctx, p.s.keyID, k.AppKey)
	switch {
	case err == nil:
		p.secret.SetText(secret)
	case !errors.Is(err, app.ErrNoSecret):
		p.s.logError("read the AppSecret", err)
	}
}

// prepare validates the three inputs, showing each one's error under it, and saves them.
func (p *appKeyPage) prepare() bool {
	key, keyErr := app.ValidateAppKey(p.appKey.Text)
	secret, secretErr := app.ValidateAppSecret(p.secret.Text)
	until, untilErr := app.ValidateChinaDay(p.until.Text)
	showInputError(p.appKeyErr, keyErr)
	showInputError(p.secretErr, secretErr)
	showInputError(p.untilErr, untilErr)
	if keyErr != nil || secretErr != nil || untilErr != nil {
		return false
	}
	ctx := context.Background()
	a := p.s.target.app
	if err := a.SaveKeyCredentials(ctx, p.s.keyID, key, secret); err != nil {
		p.showSaveError(p.appKeyErr, err)
		return false
	}
	if err := a.SetKeyValidity(ctx, p.s.keyID, "", until); err != nil {
		p.showSaveError(p.untilErr, err)
		return false
	}
	p.key, p.secretValue, p.untilValue = key, secret, until
	return true
}

// showSaveError shows an input error (such as an AppKey another key has) under its field, and
// anything else as a failed save.
func (p *appKeyPage) showSaveError(l *widget.Label, err error) {
	if app.ExplainInputError(err) != "" {
		showInputError(l, err)
		return
	}
	p.s.showSaveFailed(err)
}

func (p *appKeyPage) run(ctx context.Context) app.CheckResult {
	return p.s.wiz.CheckKey(ctx, p.s.target.gatewayURL, p.key, p.secretValue)
}

func (p *appKeyPage) inputs() map[string]string {
	return map[string]string{"appkey": p.key, "valid_until": p.untilValue}
}

// labeledInput is a labelled input with its error under it.
func labeledInput(name *i18n.Message, entry *widget.Entry, errLabel *widget.Label) fyne.CanvasObject {
	return container.NewVBox(&widget.Label{Text: i18n.T(name, nil), TextStyle: fyne.TextStyle{Bold: true}}, entry, errLabel)
}

// practiceValues is the practice mode's box of values to copy, where the console would show them.
func (s *wizardScreen) practiceValues(rows ...fyne.CanvasObject) fyne.CanvasObject {
	heading := &widget.Label{Text: i18n.T(i18n.PracticeDemoValues, nil), Importance: widget.WarningImportance, Wrapping: fyne.TextWrapWord}
	return widget.NewCard("", "", container.NewVBox(append([]fyne.CanvasObject{heading}, rows...)...))
}

// secretsPlace says plainly where the AppSecret and tokens typed on this page are kept.
func (s *wizardScreen) secretsPlace() string {
	if s.target.practice != nil {
		return i18n.T(i18n.SecretsInPractice, nil)
	}
	return app.SecretsPlaceText(s.target.app.Secrets().InKeychain())
}
