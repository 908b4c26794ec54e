package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// Practice mode: the wizard runs against the built-in 1688 simulator with a demo key, over a
// database of its own that is deleted when the user leaves practice mode or closes caigou.

// startPractice switches the wizard to practice mode, at its first step.
func (s *wizardScreen) startPractice() {
	if s.target.practice != nil {
		return
	}
	type started struct {
		p   *app.Practice
		err error
	}
	inBackground(&s.work, func() started {
		p, err := app.StartPractice(context.Background(), s.app.DataDir())
		return started{p, err}
	}, func(r started) {
		if r.err != nil {
			s.logError("start practice mode", r.err)
			s.showProblem(i18n.PracticeFailedTitle, i18n.PracticeFailed)
			return
		}
		s.leavePage()
		s.target = setupTarget{app: r.p.App(), practice: r.p, gatewayURL: r.p.GatewayURL(), channelURL: r.p.ChannelURL()}
		s.setKey(0)
		s.ensureKey()
		s.showStep(0)
	})
}

// leavePractice ends practice mode, deleting its data, and goes back to the real key's wizard.
func (s *wizardScreen) leavePractice() {
	p := s.target.practice
	if p == nil {
		return
	}
	s.leavePage()
	s.target = realTarget(s.app)
	s.closePractice(p)
	s.wiz = nil
	s.openCurrentKey()
	s.showStep(s.step)
}

// close ends practice mode, if it runs, when the window closes.
func (s *wizardScreen) close() {
	s.leavePage()
	if p := s.target.practice; p != nil {
		s.target = realTarget(s.app)
		s.work.Wait() // a check still running would write to the database being closed
		s.closePractice(p)
	}
}

func (s *wizardScreen) closePractice(p *app.Practice) {
	if err := p.Close(); err != nil {
		s.logError("leave practice mode", err)
	}
}

// showBanner says, in practice mode, that nothing is real and how to leave.
func (s *wizardScreen) showBanner() {
	if s.target.practice == nil {
		s.banner.Objects = nil
		s.banner.Refresh()
		return
	}
	text := &widget.Label{Text: i18n.T(i18n.PracticeBanner, nil), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	leave := &widget.Button{Text: i18n.T(i18n.PracticeLeave, nil), Icon: theme.LogoutIcon(), OnTapped: s.leavePractice}
	s.banner.Objects = []fyne.CanvasObject{
		container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), container.NewHBox(layout.NewSpacer(), leave), text),
		widget.NewSeparator(),
	}
	s.banner.Refresh()
}

// demo is the demo key the user copies from in practice mode; ok is false outside it.
func (s *wizardScreen) demo() (app.DemoKey, bool) {
	if s.target.practice == nil {
		return app.DemoKey{}, false
	}
	return s.target.practice.Demo(), true
}
