package screens

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/pkg/browser"

	"caigou/app"
	"caigou/i18n"
)

// solutionPageURL is the console page of 采购解决方案(买家自用版), where a key starts.
const solutionPageURL = "https://open.1688.com/solution/detail?key=1613638539385"

// wizardScreen is the Setup entry. Until the guided wizard lands it says what a key takes and
// opens the page where the user subscribes to the solution.
type wizardScreen struct {
	app *app.App
	win fyne.Window

	openPage    *widget.Button
	openBrowser func(url string) error
	failed      dialog.Dialog
}

func newWizardScreen(a *app.App, w fyne.Window) *wizardScreen {
	return &wizardScreen{app: a, win: w, openBrowser: browser.OpenURL}
}

func (s *wizardScreen) build() fyne.CanvasObject {
	title := heading(i18n.T(i18n.SetupTitle, nil))
	intro := &widget.Label{Text: i18n.T(i18n.SetupIntro, nil), Wrapping: fyne.TextWrapWord}
	steps := container.NewVBox()
	for n, step := range setupSteps {
		steps.Add(&widget.Label{Text: i18n.T(i18n.SetupStepNumbered, map[string]any{"N": n + 1, "Step": i18n.T(step, nil)}), Wrapping: fyne.TextWrapWord})
	}
	notYet := &widget.Label{Text: i18n.T(i18n.SetupNotYet, nil), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	s.openPage = &widget.Button{Text: i18n.T(i18n.OpenSolutionPage, nil), Icon: theme.ComputerIcon(), Importance: widget.HighImportance, OnTapped: s.onOpenSolutionPage}
	body := container.NewVBox(title, intro, steps, widget.NewSeparator(), notYet, container.NewHBox(s.openPage))
	return container.NewVScroll(container.NewPadded(body))
}

var setupSteps = [...]*i18n.Message{
	i18n.SetupStepSubscribe,
	i18n.SetupStepAppKey,
	i18n.SetupStepToken,
	i18n.SetupStepChannel,
	i18n.SetupStepSubscribeMessages,
	i18n.SetupStepTestMessages,
}

func (s *wizardScreen) onOpenSolutionPage() {
	if err := s.openBrowser(solutionPageURL); err != nil {
		s.showOpenFailed()
	}
}

// showOpenFailed offers the address to copy when no browser could be started.
func (s *wizardScreen) showOpenFailed() {
	link, _ := url.Parse(solutionPageURL)
	address := &widget.Hyperlink{Text: solutionPageURL, URL: link}
	copyButton := &widget.Button{Text: i18n.T(i18n.CopyAddress, nil), Icon: theme.ContentCopyIcon(), OnTapped: func() {
		fyne.CurrentApp().Clipboard().SetContent(solutionPageURL)
	}}
	content := container.NewVBox(widget.NewLabel(i18n.T(i18n.BrowserFailed, nil)), address, container.NewHBox(copyButton))
	s.failed = dialog.NewCustom(i18n.T(i18n.BrowserFailedTitle, nil), i18n.T(i18n.DialogClose, nil), content, s.win)
	s.failed.Show()
}
