package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// beforePage is step 1: what the buyer account must be, what the user will need and how long it
// takes; and the way into practice mode.
type beforePage struct{ s *wizardScreen }

func newBeforePage(s *wizardScreen) stepPage { return &beforePage{s: s} }

func (p *beforePage) build() fyne.CanvasObject {
	needs := container.NewVBox()
	for _, m := range []*i18n.Message{i18n.BeforeNeedAccount, i18n.BeforeNeedSellers, i18n.BeforeNeedCompany, i18n.BeforeNeedLogo, i18n.BeforeNeedTime} {
		needs.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, para(i18n.T(m, nil))))
	}
	// The solution's name stands on its own line, as on the other pages: wrapped into the
	// paragraph, Chinese would cost the first frame some 10 ms of line breaking.
	body := container.NewVBox(
		consoleLabel(solutionName, i18n.SubscribeLabelSolution),
		para(i18n.T(i18n.BeforeIntro, nil)),
		needs,
		para(i18n.T(i18n.BeforeAnotherKey, nil)),
		p.s.doneCheck(app.StepBefore, i18n.BeforeReady, nil, nil),
	)
	if p.s.target.practice == nil {
		practice := &widget.Button{Text: i18n.T(i18n.PracticeStart, nil), Icon: theme.MediaPlayIcon(), OnTapped: p.s.startPractice}
		body.Add(section(i18n.T(i18n.PracticeTitle, nil)))
		body.Add(para(i18n.T(i18n.PracticeIntro, nil)))
		body.Add(container.NewHBox(practice))
	}
	return body
}
