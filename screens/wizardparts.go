package screens

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// The pieces every wizard page is made of.

// para is a paragraph of instructions in the user's language.
func para(text string) *widget.Label {
	return &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
}

// consoleLabel shows a label of the 1688 console verbatim, in Chinese, next to what it means in
// the user's language; in Chinese the label alone says it.
func consoleLabel(chinese string, meaning *i18n.Message) fyne.CanvasObject {
	label := &widget.Label{Text: chinese, TextStyle: fyne.TextStyle{Bold: true}, Selectable: true}
	text := i18n.T(meaning, nil)
	if text == chinese {
		return label
	}
	return container.NewBorder(nil, nil, label, nil, &widget.Label{Text: "— " + text, Wrapping: fyne.TextWrapWord})
}

// openPageButton opens a console page in the browser; when no browser starts, it offers the
// address to copy.
func (s *wizardScreen) openPageButton(url string) *widget.Button {
	return &widget.Button{Text: i18n.T(i18n.OpenThisPage, nil), Icon: theme.ComputerIcon(), OnTapped: func() {
		if err := s.openURL(url); err != nil {
			s.showOpenFailed(url)
		}
	}}
}

// showOpenFailed offers the address to copy when no browser could be started.
func (s *wizardScreen) showOpenFailed(address string) {
	s.problem = showOpenFailedDialog(s.win, address)
}

// copyRow shows a value the user pastes into the console, with a button that copies it.
func (s *wizardScreen) copyRow(name *i18n.Message, value string) fyne.CanvasObject {
	shown := &widget.Label{Text: value, Selectable: true, TextStyle: fyne.TextStyle{Monospace: true}}
	return container.NewBorder(nil, nil, widget.NewLabel(i18n.T(name, nil)), s.copyButton(func() string { return value }), shown)
}

// copyButton copies what value returns when tapped.
func (s *wizardScreen) copyButton(value func() string) *widget.Button {
	return &widget.Button{Text: i18n.T(i18n.Copy, nil), Icon: theme.ContentCopyIcon(), OnTapped: func() {
		fyne.CurrentApp().Clipboard().SetContent(value())
	}}
}

// secretRow shows a secret masked, like the console's ******, with a button that shows it, like
// the console's 查看, and one that copies it.
func (s *wizardScreen) secretRow(name *i18n.Message, secret string) fyne.CanvasObject {
	shown := &widget.Label{Text: app.Mask(secret), TextStyle: fyne.TextStyle{Monospace: true}}
	var show *widget.Button
	show = &widget.Button{Text: i18n.T(i18n.ShowSecret, nil), Icon: theme.VisibilityIcon(), OnTapped: func() {
		if shown.Text == secret {
			shown.SetText(app.Mask(secret))
			show.SetText(i18n.T(i18n.ShowSecret, nil))
			show.SetIcon(theme.VisibilityIcon())
			return
		}
		shown.SetText(secret)
		show.SetText(i18n.T(i18n.HideSecret, nil))
		show.SetIcon(theme.VisibilityOffIcon())
	}}
	buttons := container.NewHBox(show, s.copyButton(func() string { return secret }))
	return container.NewBorder(nil, nil, widget.NewLabel(i18n.T(name, nil)), buttons, shown)
}

// inputError is the translated reason an input was refused, shown under the field; hidden while
// there is none.
func inputError() *widget.Label {
	l := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	l.Hide()
	return l
}

// showInputError shows err's translated reason in l, or hides l when err is nil.
func showInputError(l *widget.Label, err error) {
	if err == nil {
		l.Hide()
		return
	}
	l.SetText(app.ExplainInputError(err))
	l.Show()
}

// doneCheck is the tick of a step that cannot be checked live: ticking it records the step as
// done with what inputs returns (nil for none); valid, when set, may refuse the tick.
func (s *wizardScreen) doneCheck(step app.StepID, text *i18n.Message, inputs func() map[string]string, valid func() bool) *widget.Check {
	c := &widget.Check{Text: i18n.T(text, nil), Checked: s.stepState(step).State == app.StepDone}
	c.OnChanged = func(done bool) {
		ctx := context.Background()
		if done && !s.ensureKey() {
			c.SetChecked(false)
			return
		}
		if done && valid != nil && !valid() {
			c.SetChecked(false)
			return
		}
		var err error
		if done {
			var in map[string]string
			if inputs != nil {
				in = inputs()
			}
			err = s.wiz.MarkDone(ctx, step, in)
		} else {
			err = s.wiz.Undo(ctx, step)
		}
		if err != nil {
			s.showSaveFailed(err)
		}
		s.stepChanged()
	}
	return c
}

// showSaveFailed says that what the user did could not be written; nothing is lost that was
// saved before.
func (s *wizardScreen) showSaveFailed(err error) {
	s.logError("save the wizard's progress", err)
	s.showProblem(i18n.SaveFailedTitle, i18n.WizardSaveFailed)
}

// showProblem shows a translated problem in a dialog with our own button label.
func (s *wizardScreen) showProblem(title, body *i18n.Message) {
	s.problem = showProblemDialog(s.win, title, body)
}

// logError logs what failed; errors from app never carry a secret.
func (s *wizardScreen) logError(what string, err error) {
	if s.logf != nil {
		s.logf("setup: %s: %v", what, err)
		return
	}
	log.Printf("setup: %s: %v", what, err)
}
