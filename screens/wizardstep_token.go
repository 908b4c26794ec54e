package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// tokenPage is step 5: the authorized user added in 授权配置 and its 已授权token, saved (the
// token through the keychain) and checked live with a one-row order list.
type tokenPage struct {
	s *wizardScreen

	login, token       *widget.Entry
	loginErr, tokenErr *widget.Label
	keyMissing         *widget.Label // step 4 has not saved the AppKey and AppSecret

	// What prepare validated, saved and read, for run to use off the event goroutine.
	appKey, secret, loginValue, tokenValue string
}

func newTokenPage(s *wizardScreen) stepPage { return &tokenPage{s: s} }

func (p *tokenPage) build() fyne.CanvasObject {
	p.login = &widget.Entry{PlaceHolder: i18n.T(i18n.LoginPlaceholder, nil)}
	p.token = widget.NewPasswordEntry()
	p.token.PlaceHolder = i18n.T(i18n.TokenPlaceholder, nil)
	p.loginErr, p.tokenErr, p.keyMissing = inputError(), inputError(), inputError()
	p.prefill()

	check := p.s.newCheckPanel(app.StepToken, i18n.CheckTokenButton)
	check.prepare = p.prepare
	check.run = p.run
	check.inputs = func() map[string]string { return map[string]string{"login": p.loginValue} }

	body := container.NewVBox(
		para(i18n.T(i18n.TokenWhere, nil)),
		consoleLabel("授权配置", i18n.ConsoleAuthConfig),
		consoleLabel("去配置", i18n.ConsoleConfigure),
		consoleLabel("用户名称", i18n.ConsoleUserName),
		consoleLabel("立即添加", i18n.ConsoleAddNow),
		consoleLabel("已添加用户", i18n.ConsoleAddedUsers),
		consoleLabel("已确认", i18n.ConsoleConfirmed),
		consoleLabel("已授权token", i18n.ConsoleTokenCol),
	)
	if demo, ok := p.s.demo(); ok {
		body.Add(p.s.practiceValues(
			p.s.copyRow(i18n.FieldLoginID, demo.LoginID),
			p.s.secretRow(i18n.FieldToken, demo.Token),
		))
	}
	body.Add(widget.NewSeparator())
	body.Add(labeledInput(i18n.FieldLoginID, p.login, p.loginErr))
	body.Add(labeledInput(i18n.FieldToken, p.token, p.tokenErr))
	body.Add(para(p.s.secretsPlace()))
	body.Add(p.keyMissing)
	body.Add(check.build())
	return body
}

// prefill shows the login of an earlier visit and, masked, its saved token.
func (p *tokenPage) prefill() {
	login := p.s.stepState(app.StepToken).Inputs["login"]
	p.login.SetText(login)
	if p.s.keyID == 0 || login == "" {
		return
	}
	ctx := context.Background()
	k, err := p.s.target.app.Key(ctx, p.s.keyID)
	if err != nil || k.AppKey == "" {
		return
	}
	token, err := p.s.target.app.Secrets().Token(ctx, p.s.keyID, k.AppKey, login)
	switch {
	case err == nil:
		p.token.SetText(token)
	case !errors.Is(err, app.ErrNoSecret):
		p.s.logError("read the token", err)
	}
}

// prepare validates the login and token, showing each one's error under it, saves them, and
// reads the AppSecret that step 4 saved.
func (p *tokenPage) prepare() bool {
	p.keyMissing.Hide()
	login, loginErr := app.ValidateLoginID(p.login.Text)
	token, tokenErr := app.ValidateToken(p.token.Text)
	showInputError(p.loginErr, loginErr)
	showInputError(p.tokenErr, tokenErr)
	if loginErr != nil || tokenErr != nil {
		return false
	}
	ctx := context.Background()
	a := p.s.target.app
	switch err := a.SaveAccount(ctx, p.s.keyID, login, token); {
	case errors.Is(err, app.ErrNoAppKeyYet):
		p.showKeyMissing()
		return false
	case app.ExplainInputError(err) != "":
		showInputError(p.loginErr, err)
		return false
	case err != nil:
		p.s.showSaveFailed(err)
		return false
	}
	k, err := a.Key(ctx, p.s.keyID)
	if err != nil {
		p.s.logError("read the key", err)
		p.showKeyMissing()
		return false
	}
	secret, err := a.Secrets().AppSecret(ctx, p.s.keyID, k.AppKey)
	if err != nil {
		if !errors.Is(err, app.ErrNoSecret) {
			p.s.logError("read the AppSecret", err)
		}
		p.showKeyMissing()
		return false
	}
	p.appKey, p.secret, p.loginValue, p.tokenValue = k.AppKey, secret, login, token
	return true
}

func (p *tokenPage) showKeyMissing() {
	p.keyMissing.SetText(i18n.T(i18n.TokenNeedsKey, nil))
	p.keyMissing.Show()
}

func (p *tokenPage) run(ctx context.Context) app.CheckResult {
	return p.s.wiz.CheckToken(ctx, p.s.target.gatewayURL, p.appKey, p.secret, p.tokenValue)
}
