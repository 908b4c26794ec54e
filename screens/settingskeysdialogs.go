package screens

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// renameDialog asks for a key's new name; Enter saves like the Save button, and a refused name
// is explained under the entry with the dialog left open.
type renameDialog struct {
	d       *dialog.CustomDialog
	content *fyne.Container
	entry   *widget.Entry
	problem *widget.Label
	save    *widget.Button
}

func (s *keysSection) onRename() {
	k, ok := s.current()
	if !ok {
		return
	}
	r := &renameDialog{entry: &widget.Entry{Text: k.Key.Label, PlaceHolder: k.Key.AppKey}, problem: inputError()}
	save := func() { s.saveRename(k) }
	r.entry.OnSubmitted = func(string) { save() }
	r.save = &widget.Button{Text: i18n.T(i18n.KeySave, nil), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: save}
	cancel := &widget.Button{Text: i18n.T(i18n.DialogCancel, nil), Icon: theme.CancelIcon(), OnTapped: func() { r.d.Hide() }}
	r.content = container.NewVBox(para(i18n.T(i18n.KeyRenameHint, nil)), r.entry, r.problem)
	r.d = dialog.NewCustomWithoutButtons(i18n.T(i18n.KeyRenameTitle, map[string]any{"Name": listedKeyName(k)}), r.content, s.win)
	r.d.SetButtons([]fyne.CanvasObject{cancel, r.save})
	fitDialog(r.d, r.content, 440)
	s.renameDialog = r
	r.d.Show()
	s.win.Canvas().Focus(r.entry)
}

func (s *keysSection) saveRename(k app.KeyOverview) {
	r := s.renameDialog
	err := s.app.RenameKey(context.Background(), k.Key.ID, r.entry.Text)
	if text := app.ExplainKeyError(err); text != "" {
		r.problem.SetText(text)
		r.problem.Show()
		fitDialog(r.d, r.content, 440)
		return
	}
	r.d.Hide()
	s.changed(k, err, false) // nothing that runs on the key reads its name
}

// reenterDialog takes a new AppSecret or token in a password entry whose eye shows it, as the
// wizard's does, and stores it only once 1688 accepted it: a spinner runs during the check, and
// a refusal is explained in words with what to do next, the old value kept.
type reenterDialog struct {
	d        *dialog.CustomDialog
	content  *fyne.Container
	entry    *widget.Entry
	outcome  *widget.Label
	next     *widget.Label
	activity *widget.Activity
	check    *widget.Button
	cancel   *widget.Button // disabled while a check runs: the value is stored if it passes
}

// reenterTarget is what a reenterDialog replaces: the call that checks and stores the value,
// what to say once it did, and whether the active key's channel must restart.
type reenterTarget struct {
	title              string
	field, placeholder *i18n.Message
	replace            func(ctx context.Context, value string) (app.CheckResult, error)
	saved              string
	active             bool
}

func (s *keysSection) onReenterSecret() {
	k, ok := s.current()
	if !ok {
		return
	}
	name := map[string]any{"Name": listedKeyName(k)}
	s.openReenter(reenterTarget{
		title: i18n.T(i18n.KeySecretTitle, name), field: i18n.FieldAppSecret, placeholder: i18n.SecretPlaceholder,
		replace: func(ctx context.Context, v string) (app.CheckResult, error) {
			return s.app.ReplaceAppSecret(ctx, k.Key.ID, v)
		},
		saved: i18n.T(i18n.KeySecretSaved, name), active: k.Key.Active,
	})
}

func (s *keysSection) onReenterToken(login string) {
	k, ok := s.current()
	if !ok {
		return
	}
	who := map[string]any{"Login": login}
	s.openReenter(reenterTarget{
		title: i18n.T(i18n.KeyTokenTitle, who), field: i18n.FieldToken, placeholder: i18n.TokenPlaceholder,
		replace: func(ctx context.Context, v string) (app.CheckResult, error) {
			return s.app.ReplaceToken(ctx, k.Key.ID, login, v)
		},
		saved: i18n.T(i18n.KeyTokenSaved, who), active: k.Key.Active,
	})
}

func (s *keysSection) openReenter(t reenterTarget) {
	r := &reenterDialog{entry: widget.NewPasswordEntry(), outcome: inputError(), next: para(""), activity: widget.NewActivity()}
	r.entry.PlaceHolder = i18n.T(t.placeholder, nil)
	r.next.Hide()
	r.activity.Hide()
	run := func() { s.runReenter(r, t) }
	r.entry.OnSubmitted = func(string) { run() }
	r.check = &widget.Button{Text: i18n.T(i18n.KeyCheckAndSave, nil), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: run}
	r.cancel = &widget.Button{Text: i18n.T(i18n.DialogCancel, nil), Icon: theme.CancelIcon(), OnTapped: func() { r.d.Hide() }}
	r.content = container.NewVBox(para(i18n.T(i18n.KeyCheckFirst, nil)), labeledInput(t.field, r.entry, r.outcome), r.next, r.activity)
	r.d = dialog.NewCustomWithoutButtons(t.title, r.content, s.win)
	r.d.SetButtons([]fyne.CanvasObject{r.cancel, r.check})
	fitDialog(r.d, r.content, reenterWidth)
	s.reenter = r
	r.d.Show()
	s.win.Canvas().Focus(r.entry)
}

type reenterResult struct {
	r   app.CheckResult
	err error
}

// runReenter checks and stores the typed value off the event goroutine; a second press while a
// check runs is ignored.
func (s *keysSection) runReenter(r *reenterDialog, t reenterTarget) {
	if r.check.Disabled() {
		return
	}
	r.check.Disable()
	r.cancel.Disable()
	r.entry.Disable()
	r.next.Hide()
	r.activity.Show()
	r.activity.Start()
	r.outcome.Importance = widget.MediumImportance
	r.outcome.SetText(i18n.T(i18n.CheckRunning, nil))
	r.outcome.Show()
	fitDialog(r.d, r.content, reenterWidth)
	value := r.entry.Text
	inBackground(&s.work, func() reenterResult {
		res, err := t.replace(context.Background(), value)
		return reenterResult{res, err}
	}, func(x reenterResult) {
		r.activity.Stop()
		r.activity.Hide()
		r.check.Enable()
		r.cancel.Enable()
		r.entry.Enable()
		if x.err == nil && x.r.OK {
			r.d.Hide()
			s.notice.SetText(t.saved)
			s.notice.Show()
			s.reload()
			if t.active {
				s.onKeysChanged()
			}
			return
		}
		s.showReenterFailure(r, x)
	})
}

func (s *keysSection) showReenterFailure(r *reenterDialog, x reenterResult) {
	r.outcome.Importance = widget.DangerImportance
	switch {
	case x.err != nil:
		text := app.ExplainKeyError(x.err)
		if text == "" {
			log.Printf("settings: store a re-entered secret: %v", x.err)
			text = i18n.T(i18n.KeyChangeFailedBody, nil)
		}
		r.outcome.SetText(text)
	default:
		r.outcome.SetText(x.r.Explanation)
		if x.r.NextStep != "" {
			r.next.SetText(x.r.NextStep)
			r.next.Show()
		}
	}
	r.outcome.Refresh()
	fitDialog(r.d, r.content, reenterWidth)
}

// reenterWidth leaves room for the wizard's explanations, which are a few lines long.
const reenterWidth = 520

// fitDialog lays out content again after a part of it was shown, hidden or given another text,
// and gives d the height that now needs at width.
func fitDialog(d dialog.Dialog, content *fyne.Container, width float32) {
	content.Refresh()
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
}
