package screens

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/pkg/browser"

	"caigou/app"
	"caigou/i18n"
)

// setupTarget is what the wizard sets a key up against: the real App and 1688, or practice
// mode's App and simulator.
type setupTarget struct {
	app        *app.App
	practice   *app.Practice // nil outside practice mode
	gatewayURL string        // "" is the real gateway
	channelURL string        // "" is the real message channel
}

// realTarget is the user's own App with the 1688 it is pointed at.
func realTarget(a *app.App) setupTarget {
	e := a.Endpoints()
	return setupTarget{app: a, gatewayURL: e.Gateway, channelURL: e.Channel}
}

// stepPage is one page of the wizard. Pages are built afresh each time they are shown, from what
// the database holds, so a revisited page shows what the user entered.
type stepPage interface {
	build() fyne.CanvasObject
}

// stepPages builds the page of each step, in app.WizardSteps order.
var stepPages = map[app.StepID]func(*wizardScreen) stepPage{
	app.StepBefore:            newBeforePage,
	app.StepSubscribe:         newSubscribePage,
	app.StepDescribe:          newDescribePage,
	app.StepAppKey:            newAppKeyPage,
	app.StepToken:             newTokenPage,
	app.StepChannel:           newChannelPage,
	app.StepTestAccount:       newTestAccountPage,
	app.StepSubscribeMessages: newSubscribeMessagesPage,
	app.StepTestMessages:      newTestMessagesPage,
	app.StepFinish:            newFinishPage,
}

// wizardScreen is the Setup screen: the key setup wizard, one page per step, with Back, Next
// and the progress. It lives as long as the window, so that leaving Setup and coming back, or
// switching the language, keeps the step and practice mode.
type wizardScreen struct {
	app *app.App
	win fyne.Window

	target   setupTarget
	keyID    int64 // 0 until the user starts, on the first page
	wiz      *app.Wizard
	step     int // index in app.WizardSteps
	progress []app.StepProgress

	// pageCtx ends when the page is left, which stops its running check.
	pageCtx    context.Context
	leavePage  context.CancelFunc
	work       sync.WaitGroup // background work in flight; tests wait on it
	logf       func(format string, args ...any)
	openURL    func(url string) error
	onSettings func() // shows the Settings screen
	// onKeyActivated is called when the wizard made a real key the active one.
	onKeyActivated func()

	banner, page *fyne.Container
	stepLabel    *widget.Label
	bar          *widget.ProgressBar
	back, next   *widget.Button
	problem      dialog.Dialog
}

func newWizardScreen(a *app.App, w fyne.Window, onSettings func()) *wizardScreen {
	s := &wizardScreen{app: a, win: w, openURL: browser.OpenURL, onSettings: onSettings}
	s.target = realTarget(a)
	s.pageCtx, s.leavePage = context.WithCancel(context.Background())
	return s
}

// build makes the screen in the current language, at the step the user is on, or, the first
// time, where the wizard of the current key left off.
func (s *wizardScreen) build() fyne.CanvasObject {
	if s.wiz == nil {
		s.openCurrentKey()
	}
	s.banner = container.NewVBox()
	s.page = container.NewStack()
	s.stepLabel = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Wrapping: fyne.TextWrapWord}
	s.bar = &widget.ProgressBar{Min: 0, Max: float64(len(app.WizardSteps))}
	s.bar.TextFormatter = func() string { return "" }
	s.back = &widget.Button{Text: i18n.T(i18n.WizardBack, nil), Icon: theme.NavigateBackIcon(), OnTapped: s.onBack}
	s.next = &widget.Button{Text: i18n.T(i18n.WizardNext, nil), Icon: theme.NavigateNextIcon(), IconPlacement: widget.ButtonIconTrailingText, Importance: widget.HighImportance, OnTapped: s.onNext}
	top := container.NewVBox(s.banner, s.stepLabel, s.bar)
	bottom := container.NewVBox(widget.NewSeparator(), container.NewHBox(s.back, layout.NewSpacer(), s.next))
	s.showStep(s.step)
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, s.page))
}

// openCurrentKey opens the wizard of the key the user was setting up, at its first open step.
func (s *wizardScreen) openCurrentKey() {
	ctx := context.Background()
	keyID, ok, err := s.target.app.CurrentSetup(ctx)
	if err != nil {
		s.logError("find the key being set up", err)
	}
	if !ok {
		s.setKey(0)
		return
	}
	s.setKey(keyID)
	resume, err := s.wiz.Resume(ctx)
	if err != nil {
		s.logError("read the wizard's progress", err)
	}
	s.step = stepIndex(resume)
}

// setKey points the wizard at key keyID of the current target; 0 means none yet.
func (s *wizardScreen) setKey(keyID int64) {
	s.keyID = keyID
	s.wiz = s.target.app.Wizard(keyID)
	if s.logf != nil {
		s.wiz.Logf = s.logf
	}
	s.reloadProgress()
}

// ensureKey creates the key being set up the first time the user needs one.
func (s *wizardScreen) ensureKey() bool {
	if s.keyID != 0 {
		return true
	}
	keyID, err := s.target.app.StartKey(context.Background())
	if err != nil {
		s.showSaveFailed(err)
		return false
	}
	s.setKey(keyID)
	return true
}

func (s *wizardScreen) reloadProgress() {
	if s.keyID == 0 {
		s.progress = nil
		return
	}
	p, err := s.wiz.Progress(context.Background())
	if err != nil {
		s.logError("read the wizard's progress", err)
		return
	}
	s.progress = p
}

// stepState is where step stands for the key being set up.
func (s *wizardScreen) stepState(id app.StepID) app.StepProgress {
	for _, p := range s.progress {
		if p.ID == id {
			return p
		}
	}
	return app.StepProgress{WizardStep: app.WizardSteps[stepIndex(id)], State: app.StepTodo, Inputs: map[string]string{}}
}

func (s *wizardScreen) showStep(i int) {
	s.leavePage()
	s.pageCtx, s.leavePage = context.WithCancel(context.Background())
	s.step = i
	step := app.WizardSteps[i]
	s.showBanner()
	s.stepLabel.SetText(i18n.T(i18n.WizardStepOf, map[string]any{"N": i + 1, "Total": len(app.WizardSteps), "Title": i18n.T(stepTitles[step.ID], nil)}))
	s.bar.SetValue(float64(i + 1))
	page := stepPages[step.ID](s).build()
	s.page.Objects = []fyne.CanvasObject{container.NewVScroll(page)}
	if s.shown() {
		s.page.Refresh()
	}
	s.updateButtons()
	s.focusFirstEntry(page)
}

// shown reports whether the screen is in the window: before, a refresh would lay its text out
// at no width, for nothing.
func (s *wizardScreen) shown() bool {
	return fyne.CurrentApp().Driver().CanvasForObject(s.page) != nil
}

// focusFirstEntry puts the keyboard in the page's first field, so the user can paste at once;
// a page without fields leaves the focus alone.
func (s *wizardScreen) focusFirstEntry(page fyne.CanvasObject) {
	var first *widget.Entry
	walkObjects(page, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && first == nil && !e.Disabled() {
			first = e
		}
		return first == nil
	})
	if first != nil && s.win.Canvas() != nil {
		s.win.Canvas().Focus(first)
	}
}

// walkObjects visits o and the containers inside it, depth first, while visit returns true.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if !visit(o) {
		return false
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if !walkObjects(child, visit) {
				return false
			}
		}
	}
	return true
}

func (s *wizardScreen) updateButtons() {
	if s.step == 0 {
		s.back.Disable()
	} else {
		s.back.Enable()
	}
	last := s.step == len(app.WizardSteps)-1
	if last {
		s.next.Hide()
		return
	}
	s.next.Show()
	if s.stepState(app.WizardSteps[s.step].ID).State == app.StepTodo {
		s.next.Disable()
	} else {
		s.next.Enable()
	}
}

// stepChanged is called by a page after its step was done, skipped or reopened.
func (s *wizardScreen) stepChanged() {
	s.reloadProgress()
	s.updateButtons()
}

// goTo shows the page of step id, for the summary's links back to a step.
func (s *wizardScreen) goTo(id app.StepID) { s.showStep(stepIndex(id)) }

func (s *wizardScreen) onBack() {
	if s.step > 0 {
		s.showStep(s.step - 1)
	}
}

func (s *wizardScreen) onNext() {
	if s.step < len(app.WizardSteps)-1 {
		s.showStep(s.step + 1)
	}
}

// startAnotherKey begins the wizard for a new key; the earlier keys stay as they are.
func (s *wizardScreen) startAnotherKey() {
	s.setKey(0)
	s.showStep(0)
}

func stepIndex(id app.StepID) int {
	for i, st := range app.WizardSteps {
		if st.ID == id {
			return i
		}
	}
	return 0
}

// stepTitles are the short names of the steps, for "Step 4 of 10: …" and the summary.
var stepTitles = map[app.StepID]*i18n.Message{
	app.StepBefore:            i18n.StepTitleBefore,
	app.StepSubscribe:         i18n.StepTitleSubscribe,
	app.StepDescribe:          i18n.StepTitleDescribe,
	app.StepAppKey:            i18n.StepTitleAppKey,
	app.StepToken:             i18n.StepTitleToken,
	app.StepChannel:           i18n.StepTitleChannel,
	app.StepTestAccount:       i18n.StepTitleTestAccount,
	app.StepSubscribeMessages: i18n.StepTitleSubscribeMessages,
	app.StepTestMessages:      i18n.StepTitleTestMessages,
	app.StepFinish:            i18n.StepTitleFinish,
}
