package screens

import (
	"context"
	"maps"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// activatedInput is recorded with the finish step once this page made the key active, so that
// a later visit does not take the active place back from a key the user chose since.
const activatedInput = "activated"

// finishPage is step 10: the console's last button, then the summary of every step, the key
// made active when its checks passed, and the status mapping with the way to change it.
type finishPage struct {
	s       *wizardScreen
	summary *fyne.Container // rebuilt from the wizard's progress whenever it changes
	confirm dialog.Dialog
}

func newFinishPage(s *wizardScreen) stepPage { return &finishPage{s: s} }

func (p *finishPage) build() fyne.CanvasObject {
	pressed := p.s.doneCheck(app.StepFinish, i18n.FinishPressed, p.inputs, nil)
	record := pressed.OnChanged
	pressed.OnChanged = func(done bool) {
		record(done) // saves the tick and reloads the progress
		if done {
			p.activateWhenReady()
		}
		p.refresh()
	}
	p.summary = container.NewVBox()
	// A live step may have passed on a revisit after the tick: the key is made active then.
	p.activateWhenReady()
	p.refresh()

	settings := &widget.Button{Text: i18n.T(i18n.StatusMapChangeInSettings, nil), Icon: theme.SettingsIcon(), OnTapped: p.s.onSettings}
	another := &widget.Button{Text: i18n.T(i18n.SetUpAnotherKey, nil), Icon: theme.ContentAddIcon(), OnTapped: p.s.startAnotherKey}
	return container.NewVBox(
		para(i18n.T(i18n.FinishIntro, nil)),
		consoleLabel("开发完成，去下一步", i18n.FinishButtonMeaning),
		pressed,
		section(i18n.T(i18n.FinishSummaryTitle, nil), p.summary),
		section(i18n.T(i18n.FinishStatusMapTitle, nil), para(i18n.T(i18n.FinishStatusMapIntro, nil)), p.statusMapping(), container.NewHBox(settings)),
		widget.NewSeparator(),
		para(i18n.T(i18n.FinishAnotherKey, nil)),
		container.NewHBox(another),
	)
}

// inputs keeps what the finish step recorded, so unticking and ticking again keeps the mark
// that the key was made active.
func (p *finishPage) inputs() map[string]string {
	in := maps.Clone(p.s.stepState(app.StepFinish).Inputs)
	if in == nil {
		in = map[string]string{}
	}
	return in
}

// refresh rebuilds the summary from the wizard's progress.
func (p *finishPage) refresh() {
	rows := container.New(layout.NewFormLayout()) // the titles in one column, where they stand in the next
	checked, confirmed := 0, 0
	for i, step := range app.WizardSteps[:len(app.WizardSteps)-1] {
		st := p.s.stepState(step.ID)
		if st.State == app.StepDone && step.Live {
			checked++
		} else if st.State == app.StepDone {
			confirmed++
		}
		title, outcome := p.stepRow(i, st)
		rows.Add(title)
		rows.Add(outcome)
	}
	counts := i18n.T(i18n.FinishSummaryCounts, map[string]any{
		"Checked":   i18n.N(i18n.FinishStepCount, checked, nil),
		"Confirmed": i18n.N(i18n.FinishStepCount, confirmed, nil),
	})
	p.summary.Objects = []fyne.CanvasObject{para(counts), rows, p.keyState()}
	p.summary.Refresh()
}

// stepRow is one step in the summary: its title, and where it stands with a way back to it
// unless it is done.
func (p *finishPage) stepRow(i int, st app.StepProgress) (title, outcome fyne.CanvasObject) {
	title = &widget.Label{
		Text:      i18n.T(i18n.FinishRowTitle, map[string]any{"N": i + 1, "Title": i18n.T(stepTitles[st.ID], nil)}),
		TextStyle: fyne.TextStyle{Bold: true},
	}
	state := &widget.Label{Wrapping: fyne.TextWrapWord}
	switch {
	case st.State == app.StepSkipped:
		state.Text, state.Importance = i18n.T(i18n.FinishStepSkipped, nil), widget.DangerImportance
	case st.State == app.StepDone && st.Live:
		state.Text = i18n.T(i18n.FinishStepChecked, map[string]any{"Time": st.CheckedAt.Local().Format("2006-01-02 15:04")})
		state.Importance = widget.SuccessImportance
	case st.State == app.StepDone:
		state.Text = i18n.T(i18n.FinishStepConfirmed, nil)
	default:
		state.Text, state.Importance = i18n.T(i18n.FinishStepTodo, nil), widget.WarningImportance
	}
	var goTo fyne.CanvasObject
	if st.State != app.StepDone {
		id := st.ID
		goTo = container.NewCenter(&widget.Button{Text: i18n.T(i18n.FinishGoToStep, nil), Icon: theme.NavigateNextIcon(), OnTapped: func() { p.s.goTo(id) }})
	}
	return title, container.NewBorder(nil, nil, nil, goTo, state)
}

// ready reports whether the key may be made active without asking: the four live checks passed
// and the user pressed the console's last button.
func (p *finishPage) ready() bool {
	for _, step := range app.WizardSteps {
		if (step.Live || step.ID == app.StepFinish) && p.s.stepState(step.ID).State != app.StepDone {
			return false
		}
	}
	return true
}

func (p *finishPage) anySkipped() bool {
	for _, step := range app.WizardSteps {
		if p.s.stepState(step.ID).State == app.StepSkipped {
			return true
		}
	}
	return false
}

// activateWhenReady makes the key active the first time it is ready.
func (p *finishPage) activateWhenReady() {
	if p.s.keyID == 0 || !p.ready() || p.s.stepState(app.StepFinish).Inputs[activatedInput] != "" {
		return
	}
	k, err := p.s.target.app.Key(context.Background(), p.s.keyID)
	if err != nil {
		p.s.logError("read the key", err)
		return
	}
	if k.Active {
		return
	}
	p.activate()
}

// activate makes the key the one caigou orders and tracks with, and notes that it did.
func (p *finishPage) activate() {
	ctx := context.Background()
	if err := p.s.target.app.SetActiveKey(ctx, p.s.keyID); err != nil {
		p.s.logError("make the key active", err)
		p.s.showProblem(i18n.FinishActivateFailedTitle, i18n.FinishActivateFailed)
		return
	}
	if p.s.target.practice == nil && p.s.onKeyActivated != nil {
		p.s.onKeyActivated() // the orders of the new key are tracked from now on
	}
	if p.s.stepState(app.StepFinish).State != app.StepDone {
		return
	}
	in := p.inputs()
	in[activatedInput] = "yes"
	if err := p.s.wiz.MarkDone(ctx, app.StepFinish, in); err != nil {
		p.s.showSaveFailed(err)
	}
	p.s.reloadProgress()
}

// keyState says whether the key is active, and if not, why and what the user can do.
func (p *finishPage) keyState() fyne.CanvasObject {
	active := false
	if p.s.keyID != 0 {
		k, err := p.s.target.app.Key(context.Background(), p.s.keyID)
		if err != nil {
			p.s.logError("read the key", err)
		}
		active = k.Active
	}
	line := &widget.Label{Wrapping: fyne.TextWrapWord}
	var button *widget.Button
	switch {
	case active:
		line.Text, line.Importance = i18n.T(i18n.FinishKeyActive, nil), widget.SuccessImportance
	case p.anySkipped():
		line.Text, line.Importance = i18n.T(i18n.FinishKeyNotActiveSkipped, nil), widget.DangerImportance
		button = &widget.Button{Text: i18n.T(i18n.FinishUseAnyway, nil), Icon: theme.WarningIcon(), Importance: widget.WarningImportance, OnTapped: p.onUseAnyway}
	case p.ready():
		line.Text = i18n.T(i18n.FinishKeyInactive, nil)
		button = &widget.Button{Text: i18n.T(i18n.FinishUseKey, nil), Icon: theme.ConfirmIcon(), OnTapped: p.onUseKey}
	default:
		line.Text = i18n.T(i18n.FinishKeyWaiting, nil)
	}
	if button == nil {
		return line
	}
	return container.NewVBox(line, container.NewHBox(button))
}

func (p *finishPage) onUseKey() {
	p.activate()
	p.refresh()
}

// onUseAnyway asks before making active a key whose check was skipped.
func (p *finishPage) onUseAnyway() {
	p.confirm = dialog.NewCustomConfirm(i18n.T(i18n.FinishUseAnywayTitle, nil), i18n.T(i18n.FinishUseAnywayConfirm, nil),
		i18n.T(i18n.DialogCancel, nil), para(i18n.T(i18n.FinishUseAnywayWarning, nil)), func(use bool) {
			if use {
				p.onUseKey()
			}
		}, p.s.win)
	p.confirm.Show()
}

// statusMapping shows how 1688 order states are shown. It is the real mapping even in practice
// mode: it is a preference, and Settings, where it is changed, edits the real one.
func (p *finishPage) statusMapping() fyne.CanvasObject {
	rows, err := p.s.app.StatusMapping(context.Background())
	if err != nil {
		p.s.logError("read the status mapping", err)
		return &widget.Label{Text: i18n.T(i18n.StatusMappingReadFailed, nil), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	}
	return statusMappingList(rows)
}
