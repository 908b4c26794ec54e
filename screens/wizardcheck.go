package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// checkPanel is the live check of a step: a button, a spinner while it runs, and the outcome in
// plain words with what to do next. A pass marks the step done; after a failure the user may
// skip the step, with a warning the summary repeats in red.
type checkPanel struct {
	s    *wizardScreen
	step app.StepID
	// prepare validates and saves the page's inputs on the event goroutine; false stops the check.
	prepare func() bool
	// run is the check itself, off the event goroutine; it ends when ctx does.
	run func(ctx context.Context) app.CheckResult
	// inputs are recorded with the step when the check passes.
	inputs func() map[string]string
	// passed, when set, is called on the event goroutine after a pass was recorded.
	passed func()

	button   *widget.Button
	activity *widget.Activity
	outcome  *widget.Label
	next     *widget.Label
	skip     *widget.Button
	confirm  dialog.Dialog
}

func (s *wizardScreen) newCheckPanel(step app.StepID, label *i18n.Message) *checkPanel {
	return &checkPanel{s: s, step: step, button: &widget.Button{Text: i18n.T(label, nil), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance}}
}

func (c *checkPanel) build() fyne.CanvasObject {
	c.button.OnTapped = c.onCheck
	c.activity = widget.NewActivity()
	c.activity.Hide()
	c.outcome = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.next = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.next.Hide()
	c.skip = &widget.Button{Text: i18n.T(i18n.CheckSkip, nil), Icon: theme.WarningIcon(), Importance: widget.WarningImportance, OnTapped: c.onSkip}
	c.skip.Hide()
	c.showLast()
	return container.NewVBox(container.NewHBox(c.button, c.activity), c.outcome, c.next, container.NewHBox(c.skip))
}

// showLast shows where the step stands from earlier visits.
func (c *checkPanel) showLast() {
	p := c.s.stepState(c.step)
	switch {
	case p.State == app.StepSkipped:
		c.setOutcome(i18n.T(i18n.CheckWasSkipped, nil), widget.DangerImportance)
	case p.CheckError != "":
		c.setOutcome(i18n.T(i18n.CheckLastFailed, nil), widget.DangerImportance)
		c.skip.Show()
	case !p.CheckedAt.IsZero():
		c.setOutcome(i18n.T(i18n.CheckPassedAt, map[string]any{"Time": p.CheckedAt.Local().Format("2006-01-02 15:04")}), widget.SuccessImportance)
	default:
		c.outcome.Hide()
	}
}

func (c *checkPanel) onCheck() {
	if !c.s.ensureKey() || (c.prepare != nil && !c.prepare()) {
		return
	}
	c.button.Disable()
	c.activity.Show()
	c.activity.Start()
	c.skip.Hide()
	c.next.Hide()
	c.setOutcome(i18n.T(i18n.CheckRunning, nil), widget.MediumImportance)
	ctx := c.s.pageCtx
	inBackground(&c.s.work, func() app.CheckResult { return c.run(ctx) }, func(r app.CheckResult) {
		if r.Kind == app.CheckCancelled || ctx.Err() != nil {
			return // the user left the page; nothing is shown or recorded
		}
		c.showResult(r)
	})
}

func (c *checkPanel) showResult(r app.CheckResult) {
	c.activity.Stop()
	c.activity.Hide()
	c.button.Enable()
	if r.OK {
		var in map[string]string
		if c.inputs != nil {
			in = c.inputs()
		}
		if err := c.s.wiz.MarkDone(context.Background(), c.step, in); err != nil {
			c.s.showSaveFailed(err)
		}
		c.setOutcome(i18n.T(i18n.CheckPassed, nil), widget.SuccessImportance)
		c.s.stepChanged()
		if c.passed != nil {
			c.passed()
		}
		return
	}
	c.setOutcome(r.Explanation, widget.DangerImportance)
	if r.NextStep != "" {
		c.next.SetText(r.NextStep)
		c.next.Show()
	}
	if r.Kind != app.CheckInvalidInput {
		c.skip.Show()
	}
	c.s.stepChanged()
}

func (c *checkPanel) setOutcome(text string, importance widget.Importance) {
	c.outcome.Importance = importance
	c.outcome.SetText(text)
	c.outcome.Show()
}

// onSkip asks before passing over a failed check: the key may not work.
func (c *checkPanel) onSkip() {
	c.confirm = dialog.NewCustomConfirm(i18n.T(i18n.CheckSkipTitle, nil), i18n.T(i18n.CheckSkipConfirm, nil), i18n.T(i18n.DialogCancel, nil),
		para(i18n.T(i18n.CheckSkipWarning, nil)), func(skip bool) {
			if !skip {
				return
			}
			if err := c.s.wiz.Skip(context.Background(), c.step); err != nil {
				c.s.showSaveFailed(err)
				return
			}
			c.skip.Hide()
			c.setOutcome(i18n.T(i18n.CheckWasSkipped, nil), widget.DangerImportance)
			c.s.stepChanged()
		}, c.s.win)
	c.confirm.Show()
}
